"""The task ledger's files and listing: one module per format.

Every file writer takes a :class:`~pipeline.ledger.entry.Ledger` and a path, and writes
the whole file atomically (:mod:`pipeline.atomic`): a reader never sees half a file, and
a failed write leaves the old file as it was. :data:`WRITERS` maps a path's suffix to
its writer, so ``minutes ledger -o FILE`` can dispatch by ``FILE``'s suffix::

    WRITERS[path.suffix.lower()](ledger, path)

=========  =====================================================================
``.xlsx``  :func:`write_xlsx`: sheets "all", "overdue" and one per department
``.csv``   :func:`write_csv`: the "all" sheet, UTF-8 with a byte-order mark
``.json``  :func:`write_json`: a list of objects with the keys of ``JSON_KEYS``
``.ics``   :func:`write_ics`: one VTODO per task not done or cancelled
=========  =====================================================================

Each module also has a function returning the content without writing it
(``to_xlsx.ledger_xlsx`` and ``to_ics.ledger_ics`` bytes, :func:`ledger_csv` and
:func:`ledger_json` text); the spreadsheet and calendar libraries load only when
those formats are written. :func:`render_terminal` returns the listing for the terminal;
whether to colour it is the caller's decision (:func:`pipeline.terminal.use_color`).
Labels follow the notes' language: the most common ``language`` among the tasks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

from pipeline.ledger.entry import Ledger
from pipeline.ledger.writers.terminal import render_terminal, summary_line
from pipeline.ledger.writers.to_csv import ledger_csv, write_csv
from pipeline.ledger.writers.to_json import ledger_json, write_json

Writer = Callable[[Ledger, Path], None]



def write_xlsx(ledger: Ledger, path: Path) -> None:
    """:func:`pipeline.ledger.writers.to_xlsx.write_xlsx` (XlsxWriter loads on first use)."""
    from pipeline.ledger.writers import to_xlsx

    to_xlsx.write_xlsx(ledger, path)


def write_ics(ledger: Ledger, path: Path) -> None:
    """:func:`pipeline.ledger.writers.to_ics.write_ics` (icalendar loads on first use)."""
    from pipeline.ledger.writers import to_ics

    to_ics.write_ics(ledger, path)


WRITERS: Final[dict[str, Writer]] = {
    ".xlsx": write_xlsx,
    ".csv": write_csv,
    ".json": write_json,
    ".ics": write_ics,
}
"""A file suffix (lower case, with its dot) → the function that writes that format."""

__all__ = [
    "WRITERS",
    "Writer",
    "ledger_csv",
    "ledger_json",
    "render_terminal",
    "summary_line",
    "write_csv",
    "write_ics",
    "write_json",
    "write_xlsx",
]
