"""The ledger as JSON: a list of objects with exactly the keys of ``JSON_KEYS``, in order.

Owners and collaborators are ``{"department", "name"}`` objects (``null`` for no owner),
dates are ISO ``YYYY-MM-DD`` (``null`` when unknown), ``last_progress`` is
``{"date", "text"}`` or ``null``, ``history`` a list of objects. UTF-8, not
ASCII-escaped, so Chinese reads as Chinese.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import TypeAdapter

from pipeline.atomic import write_bytes_atomically
from pipeline.ledger.entry import JSON_KEYS, Ledger, LedgerTask


def ledger_json(ledger: Ledger) -> str:
    """The JSON text (ending with a newline).

    Serialised in one call of pydantic's serializer, a seventh of the time of one
    ``model_dump`` and ``json.dumps`` a task on a large archive; the keys come out in the
    order of ``JSON_KEYS`` because ``LedgerTask`` declares its fields in that order.
    """
    tasks_json = _tasks_adapter().dump_json(ledger.tasks, include=_INCLUDE, indent=2)
    return tasks_json.decode("utf-8") + "\n"


_INCLUDE = {"__all__": set(JSON_KEYS)}


@cache
def _tasks_adapter() -> TypeAdapter[list[LedgerTask]]:
    return TypeAdapter(list[LedgerTask])


def write_json(ledger: Ledger, path: Path) -> None:
    """Write :func:`ledger_json` to ``path`` atomically, as UTF-8."""
    write_bytes_atomically(path, ledger_json(ledger).encode("utf-8"))
