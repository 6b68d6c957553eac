"""Reading an archive of notes for the ledger: found as ``minutes build`` finds them, read
through the index (:mod:`pipeline.ledger.index`), the rest parsed in parallel.

A note that cannot be read is left out and named (file and line) in one problem; the
others are read all the same.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import MinutesError, UsageError
from pipeline.ledger.entry import LedgerProblem
from pipeline.ledger.index import KEPT_FIELDS, RACY_NS, NoteIndex, Row
from pipeline.model import Meeting
from pipeline.notes_files import shown, walk_notes

# Fewer notes than this to parse are parsed here: starting workers costs more.
PARALLEL_FROM = 48


@dataclass
class Archive:
    """The meetings read, in the order found, and what could not be read."""

    notes: list[tuple[str, Meeting]] = field(default_factory=list)
    problems: list[LedgerProblem] = field(default_factory=list)
    folder_problems: list[str] = field(default_factory=list)  # one line each
    parsed: int = 0
    reused: int = 0
    index_problem: str | None = None


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
    for path in files:
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
        kept = meeting.model_dump_json(include=set(KEPT_FIELDS), exclude_defaults=True)
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
    import json

    archive = Archive()
    rows = index.rows() if index is not None else {}
    orders = date_orders(files)
    fresh: dict[str, Row] = {}
    touched: dict[str, Row] = {}
    meetings: dict[int, Meeting] = {}
    jobs: list[tuple[str, str | None, str | None]] = []
    job_of: dict[str, tuple[int, str, str]] = {}  # path → (position, key, options)
    validate = Meeting.model_validate_json
    seen: set[str] = set()
    for position, path in enumerate(files):
        name = str(path)
        key = os.path.abspath(name)
        seen.add(key)
        options = json.dumps([encoding, orders.get(os.path.dirname(key))])
        row = rows.get(key)
        if row is not None and row.options == options:
            meeting = _reuse(name, row, touched, key, validate)
            if meeting is not None:
                meetings[position] = meeting
                continue
        jobs.append((name, encoding, orders.get(os.path.dirname(key))))
        job_of[name] = (position, key, options)
    archive.reused = len(meetings)
    for result in _parse_all(jobs, processes or _cores()):
        position, key, options = job_of[result[1]]
        if result[0] == "ok":
            _, path, size, mtime_ns, sha, kept = result
            meetings[position] = validate(kept)
            fresh[key] = Row(size, mtime_ns, sha, options, 0, kept)
            archive.parsed += 1
        else:
            _, path, message, line = result
            archive.problems.append(
                LedgerProblem(file=path, line=line, rule="unreadable-notes", message=message)
            )
    archive.notes = [(str(files[p]), meetings[p]) for p in sorted(meetings)]
    if index is not None:
        gone = [p for p in rows if p not in seen and not (keep is not None and keep(p))]
        index.save(fresh, touched, gone)
        archive.index_problem = index.problem
    return archive


def _reuse(
    name: str,
    row: Row,
    touched: dict[str, Row],
    key: str,
    validate: Callable[[str], Meeting],
) -> Meeting | None:
    """The meeting recorded for ``name`` when its notes did not change; else None."""
    try:
        stat = os.stat(name)
    except OSError:
        return None  # read (and reported) with the others
    if stat.st_size != row.size:
        return None
    same_stamp = stat.st_mtime_ns == row.mtime_ns and stat.st_mtime_ns < row.checked_ns - RACY_NS
    if not same_stamp:
        from pipeline.manifest import file_sha256

        try:
            if file_sha256(Path(name)) != row.sha256:
                return None
        except OSError:
            return None
        touched[key] = Row(stat.st_size, stat.st_mtime_ns, row.sha256, row.options, 0, row.meeting)
    try:
        return validate(row.meeting)
    except ValueError:  # not what this index writes: read the notes
        touched.pop(key, None)
        return None
