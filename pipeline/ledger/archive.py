"""Reading an archive of notes for the ledger: found as ``minutes build`` finds them, read
through the index (:mod:`pipeline.ledger.index`), the rest parsed in parallel.

A note that cannot be read is left out and named (file and line) in one problem; the
others are read all the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import MinutesError, UsageError
from pipeline.ledger.core import TASK_KEYS, UPDATE_KEYS, Record, record_of
from pipeline.ledger.entry import LedgerProblem
from pipeline.ledger.index import RACY_NS, NoteIndex, Row
from pipeline.notes_files import shown, walk_notes

if TYPE_CHECKING:
    from pipeline.ledger.entry import Ledger

# Fewer notes than this to parse are parsed here: starting workers costs more.
PARALLEL_FROM = 48


@dataclass
class Archive:
    """The meetings read, in the order found, and what could not be read.

    Each meeting is kept as the JSON text of its record until :attr:`notes` is asked
    for: when the whole ledger comes from the index (:attr:`key` unchanged), no record
    is decoded at all.
    """

    texts: list[tuple[str, str]] = field(default_factory=list)  # (file, record JSON)
    problems: list[LedgerProblem] = field(default_factory=list)
    folder_problems: list[str] = field(default_factory=list)  # one line each
    parsed: int = 0
    reused: int = 0
    index_problem: str | None = None
    # a hash of every note's name, content hash and reading options, in order: the same
    # key, the same ledger (before states); None without an index
    key: str | None = None
    encoding: str | None = None
    _notes: list[tuple[str, Record]] | None = None

    @property
    def notes(self) -> list[tuple[str, Record]]:
        """(file, record of its meeting) of every note read."""
        if self._notes is None:
            self._notes = [(file, self._decode(file, text)) for file, text in self.texts]
        return self._notes

    def _decode(self, file: str, text: str) -> Record:
        try:
            return _record(text)
        except (ValueError, TypeError, KeyError):
            # not what this index writes: read the notes once more
            result = parse_job((file, self.encoding, _date_order_of(file)))
            if result[0] == "ok":
                return _record(result[5])
            return {"title": None, "date": None, "language": "zh-Hans", "tasks": [], "updates": []}


def _date_order_of(file: str) -> str | None:
    return date_orders([Path(file)]).get(os.path.dirname(os.path.abspath(file)))


def find_notes(inputs: Sequence[Path], problems: list[str]) -> list[Path]:
    """The notes files under ``inputs`` (files named, folders searched as ``minutes build``
    searches them), each once, in a stable order."""
    found: list[Path] = []
    seen: set[str] = set()

    def problem(path: str, reason: str) -> None:
        problems.append(f"{shown(path)}: {reason}")

    def add(path: Path, real: str) -> None:
        if real not in seen:
            seen.add(real)
            found.append(path)

    for path in inputs:
        if not path.is_dir():
            add(path, os.path.realpath(path))
            continue
        for folder, names in walk_notes(path, None, problem):
            real_folder = os.path.realpath(folder)  # once per folder: notes are no links
            for name in names:
                candidate = os.path.join(folder, name)
                real = (
                    os.path.realpath(candidate)
                    if os.path.islink(candidate)
                    else os.path.join(real_folder, name)
                )
                add(Path(candidate), real)
    return found


def check_inputs(inputs: Sequence[Path]) -> None:
    """Refuse (bad usage) inputs that do not exist or are neither a file nor a folder."""
    if not inputs:
        raise UsageError("no notes file or folder given")
    for path in inputs:
        if not path.exists():
            raise UsageError("no such file or folder", shown(path))
        if not (path.is_file() or path.is_dir()):
            raise UsageError("not a file or folder", shown(path))


def date_orders(files: Sequence[Path]) -> dict[str, str | None]:
    """``[notes] date_order`` of each folder's ``minutes.toml`` (a broken one is bad usage)."""
    from pipeline.check.config import find_config, load_config

    orders: dict[str, str | None] = {}
    looked: set[str] = set()
    for path in files:
        written = os.path.dirname(path)
        if written in looked:  # one look per folder (the files come folder by folder)
            continue
        looked.add(written)
        folder = os.path.dirname(os.path.abspath(path))
        if folder in orders:
            continue
        found = find_config(path)
        if found is None:
            orders[folder] = None
            continue
        try:
            orders[folder] = load_config(found).date_order
        except UsageError:
            raise
        except MinutesError as error:
            raise UsageError(error.message, shown(error.path or found), error.line) from None
    return orders


def parse_job(job: tuple[str, str | None, str | None]) -> tuple[Any, ...]:
    """Read, hash and parse one note (in a worker process or here); never raises.

    ("ok", path, size, mtime_ns, sha256, meeting JSON) or ("error", path, message, line).
    """
    import json

    path, encoding, date_order = job
    try:
        from parsers import limits, meeting_from_text
        from parsers.encoding import UndecodableError, decode_bytes

        try:
            with open(path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                if stat.st_size > limits.MAX_NOTE_BYTES:
                    raise limits.too_large(stat.st_size, path)
                data = handle.read(limits.MAX_NOTE_BYTES + 1)
        except OSError as error:
            raise MinutesError(f"cannot read: {error.strerror or error}", path) from None
        if len(data) > limits.MAX_NOTE_BYTES:
            raise limits.too_large(None, path)
        try:
            text, _ = decode_bytes(data, encoding)
        except UndecodableError as error:
            raise MinutesError(f"cannot read: {error}", path, error.line) from None
        meeting = meeting_from_text(text, path, date_order)
        kept = json.dumps(record_of(meeting), ensure_ascii=False)
        sha = hashlib.sha256(data).hexdigest()
        return ("ok", path, stat.st_size, stat.st_mtime_ns, sha, kept)
    except MinutesError as error:
        return ("error", path, error.message, error.line)
    except Exception as error:  # one broken note never stops the others
        return ("error", path, f"cannot read: {type(error).__name__}: {error}", None)


def _parse_all(
    jobs: list[tuple[str, str | None, str | None]], processes: int
) -> list[tuple[Any, ...]]:
    if len(jobs) < PARALLEL_FROM or processes <= 1:
        return [parse_job(job) for job in jobs]
    from pipeline.batch_pool import Crash, WorkerPool

    results: dict[str, tuple[Any, ...]] = {}
    pool: WorkerPool[tuple[str, str | None, str | None], tuple[Any, ...]] = WorkerPool(
        parse_job, min(processes, max(1, len(jobs) // PARALLEL_FROM)), chunk_size=16
    )
    try:
        for result in pool.imap_unordered(jobs):
            if isinstance(result, Crash):
                results[result.task[0]] = ("error", result.task[0], f"cannot read: {result.reason}", None)
            else:
                results[result[1]] = result
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    return [results[job[0]] for job in jobs]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_archive(
    files: Sequence[Path],
    index: NoteIndex | None,
    encoding: str | None = None,
    processes: int | None = None,
    keep: Callable[[str], bool] | None = None,
) -> Archive:
    """The meetings of ``files``, through ``index`` when given.

    Rows of the index for notes not among ``files`` are dropped, unless ``keep`` says
    a path is to be kept (notes of the archive that were not asked for this time).
    """
    import hashlib
    import json

    archive = Archive(encoding=encoding)
    rows = index.rows() if index is not None else {}
    orders = date_orders(files)
    fresh: dict[str, Row] = {}
    touched: dict[str, Row] = {}
    texts: dict[int, tuple[str, str]] = {}  # position → (record JSON, content hash)
    jobs: list[tuple[str, str | None, str | None]] = []
    job_of: dict[str, tuple[int, str, str]] = {}  # path → (position, key, options)
    seen: set[str] = set()
    folders: dict[str, tuple[str, str | None, str]] = {}  # folder → (absolute, order, options)
    names: list[str] = []
    options_of: list[str] = []
    for position, path in enumerate(files):
        name = str(path)
        folder, base = os.path.split(name)
        known = folders.get(folder)
        if known is None:
            absolute = os.path.abspath(folder or os.curdir)
            order = orders.get(absolute)
            known = folders[folder] = (absolute, order, json.dumps([encoding, order]))
        absolute, order, options = known
        key = os.path.join(absolute, base)
        names.append(name)
        options_of.append(options)
        seen.add(key)
        row = rows.get(key)
        if row is not None and row.options == options and _unchanged(name, row, touched, key):
            texts[position] = (row.meeting, row.sha256)
            continue
        jobs.append((name, encoding, order))
        job_of[name] = (position, key, options)
    archive.reused = len(texts)
    for result in _parse_all(jobs, processes or _cores()):
        position, key, options = job_of[result[1]]
        if result[0] == "ok":
            _, path, size, mtime_ns, sha, kept = result
            texts[position] = (kept, sha)
            fresh[key] = Row(size, mtime_ns, sha, options, 0, kept)
            archive.parsed += 1
        else:
            _, path, message, line = result
            archive.problems.append(
                LedgerProblem(file=path, line=line, rule="unreadable-notes", message=message)
            )
    archive.texts = [(names[p], texts[p][0]) for p in sorted(texts)]
    if index is not None:
        digest = hashlib.sha256()
        for p in sorted(texts):
            digest.update(f"{names[p]}\0{texts[p][1]}\0{options_of[p]}\n".encode("utf-8", "surrogateescape"))
        archive.key = digest.hexdigest()
        gone = [p for p in rows if p not in seen and not (keep is not None and keep(p))]
        index.save(fresh, touched, gone)
        archive.index_problem = index.problem
    return archive


def archive_ledger(archive: Archive, index: NoteIndex | None, as_of: dt.date) -> Ledger:
    """The ledger of ``archive`` on ``as_of``: the one the index keeps for exactly these
    notes (its states worked out again), or else made afresh and kept."""
    from pipeline.ledger.core import ledger_of_records

    if index is not None and archive.key is not None:
        text = index.ledger(archive.key)
        if text is not None:
            try:
                return stored_ledger(text, as_of)
            except (ValueError, TypeError, KeyError, AttributeError):
                pass  # not what this index writes: made afresh below
    ledger = ledger_of_records(archive.notes, as_of)
    if index is not None and archive.key is not None:
        index.save_ledger(archive.key, ledger.model_dump_json())
        archive.index_problem = index.problem
    return ledger


def stored_ledger(text: str, as_of: dt.date) -> Ledger:
    """The ledger the index keeps (JSON as ``Ledger.model_dump_json`` writes it), with
    its states worked out for ``as_of``; ValueError, KeyError or TypeError for anything
    else (the ledger is then made afresh from the notes)."""
    import json

    from pipeline.ledger.core import ledger_from_rows

    data = json.loads(text)
    return ledger_from_rows(as_of, data["tasks"], data["problems"])


def _unchanged(name: str, row: Row, touched: dict[str, Row], key: str) -> bool:
    """Whether the notes ``name`` are still those ``row`` records (a new time stamp on the
    same bytes is recorded in ``touched``)."""
    try:
        stat = os.stat(name)
    except OSError:
        return False  # read (and reported) with the others
    if stat.st_size != row.size:
        return False
    if stat.st_mtime_ns == row.mtime_ns and stat.st_mtime_ns < row.checked_ns - RACY_NS:
        return True
    from pipeline.manifest import file_sha256

    try:
        if file_sha256(Path(name)) != row.sha256:
            return False
    except OSError:
        return False
    touched[key] = Row(stat.st_size, stat.st_mtime_ns, row.sha256, row.options, 0, row.meeting)
    return True


_RECORD_KEYS = frozenset({"title", "date", "language", "tasks", "updates"})


def _record(text: str) -> Record:
    """A record as the index keeps it; ValueError for anything else."""
    import json

    record = json.loads(text)
    if not isinstance(record, dict) or record.keys() != _RECORD_KEYS:
        raise ValueError("not a record of the ledger")
    tasks, updates = record["tasks"], record["updates"]
    if not isinstance(tasks, list) or not isinstance(updates, list):
        raise ValueError("not a record of the ledger")
    if any(not isinstance(t, dict) or t.keys() != TASK_KEYS for t in tasks) or any(
        not isinstance(u, dict) or u.keys() != UPDATE_KEYS for u in updates
    ):
        raise ValueError("not a record of the ledger")
    return record
