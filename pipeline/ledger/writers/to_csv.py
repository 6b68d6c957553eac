"""The ledger as CSV: the spreadsheet's "all" sheet, for any program that reads CSV.

UTF-8 with a byte-order mark (without it Excel and WPS take the file for the system's
ANSI code page and garble Chinese), rows ended by CRLF (the csv module's default),
the same columns and labels as the spreadsheet. Dates are ISO text. A cell starting
with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) gets a leading ``'``
so that a spreadsheet program shows it instead of running it as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from pipeline.atomic import write_bytes_atomically
from pipeline.ledger.entry import Ledger
from pipeline.ledger.writers.cells import Cell, headers, neutralise, row_cells
from pipeline.ledger.writers.labels import LEDGER_LABELS, ledger_language


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def ledger_csv(ledger: Ledger) -> str:
    """The CSV text, without the byte-order mark."""
    language = ledger_language(ledger)
    labels = LEDGER_LABELS[language]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([neutralise(header) for header in headers(labels)])
    for task in ledger.tasks:
        writer.writerow([_csv_cell(value) for value in row_cells(task, language, labels)])
    return buffer.getvalue()


def write_csv(ledger: Ledger, path: Path) -> None:
    """Write :func:`ledger_csv` to ``path`` atomically, as UTF-8 with a byte-order mark."""
    write_bytes_atomically(path, ledger_csv(ledger).encode("utf-8-sig"))
