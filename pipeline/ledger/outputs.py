"""Which ledger files this tool wrote, so that one is replaced and nothing else is.

Each ledger written with ``-o`` is recorded in the per-user cache folder
(``ledger-outputs.json``: absolute path → SHA-256 of the bytes written). An existing
file is replaced only when its bytes are still those recorded: a file of the user's,
or a ledger someone edited since, is left alone (``--force`` replaces it). Losing the
record costs only a ``--force``.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from pipeline.atomic import write_text_atomically
from pipeline.user_cache import cache_folder

RECORD_NAME = "ledger-outputs.json"
MAX_RECORDS = 2000


def _record_path() -> Path | None:
    folder = cache_folder()
    return None if folder is None else folder / RECORD_NAME


def _load() -> dict[str, str]:
    path = _record_path()
    if path is None:
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def _sha256(path: Path) -> str | None:
    from pipeline.manifest import file_sha256

    try:
        return file_sha256(path)
    except OSError:
        return None


def _key(path: Path) -> str:
    # one key per file, also where names differ only in case (Windows, macOS)
    return os.path.normcase(os.path.abspath(path))


def written_here(path: Path) -> bool:
    """Whether ``path`` holds, unchanged, a ledger this tool wrote."""
    recorded = _load().get(_key(path))
    return recorded is not None and recorded == _sha256(path)


def remember(path: Path) -> None:
    """Record that ``path`` now holds a ledger this tool wrote (best effort)."""
    digest = _sha256(path)
    record = _record_path()
    if digest is None or record is None:
        return
    records = _load()
    records.pop(_key(path), None)
    records[_key(path)] = digest
    if len(records) > MAX_RECORDS:  # the oldest go first (dicts keep insertion order)
        records = dict(list(records.items())[-MAX_RECORDS:])
    with contextlib.suppress(OSError):
        record.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(record, lambda handle: json.dump(records, handle, indent=0))
