"""The ledger as JSON: a list of objects with exactly the keys of ``JSON_KEYS``, in order.

Owners and collaborators are ``{"department", "name"}`` objects (``null`` for no owner),
dates are ISO ``YYYY-MM-DD`` (``null`` when unknown), ``last_progress`` is
``{"date", "text"}`` or ``null``, ``history`` a list of objects. UTF-8, not
ASCII-escaped, so Chinese reads as Chinese.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.atomic import write_bytes_atomically
from pipeline.ledger.entry import JSON_KEYS, Ledger, LedgerTask


def task_object(task: LedgerTask) -> dict[str, Any]:
    dumped = task.model_dump(mode="json", include=set(JSON_KEYS))
    return {key: dumped[key] for key in JSON_KEYS}


def ledger_json(ledger: Ledger) -> str:
    """The JSON text (ending with a newline)."""
    objects = [task_object(task) for task in ledger.tasks]
    return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def write_json(ledger: Ledger, path: Path) -> None:
    """Write :func:`ledger_json` to ``path`` atomically, as UTF-8."""
    write_bytes_atomically(path, ledger_json(ledger).encode("utf-8"))
