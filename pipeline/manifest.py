"""The build manifest: which notes were built into which documents, with what.

One manifest lives in each output root (``.minutes-manifest.json``). It is keyed by
the notes' path relative to that root's mirror (POSIX form) and records, per note,
the hash of the notes bytes, the *setup* the documents were made with (template
files, profile, tool version, encoding, checker config) and the documents written
(the two ``.docx``, and their PDFs when ``--pdf`` made them). A note whose key,
notes hash and setup match, and whose documents asked for now are recorded and
present, is unchanged.

Crash safety: every note built is appended to ``.minutes-manifest.journal`` as one
flushed JSON line, after its documents have been renamed into place. Loading
replays the journal over the last compacted manifest (a torn last line is
ignored), so a run killed at any moment loses at most the notes in flight.
:meth:`Manifest.compact` rewrites the JSON atomically and empties the journal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pipeline.atomic import write_text_atomically

MANIFEST_NAME = ".minutes-manifest.json"
JOURNAL_NAME = ".minutes-manifest.journal"
FORMAT = 1
# The first line of a manifest as written; the reader relies on it to read line by line.
_HEADER = f'{{"format": {FORMAT}, "notes": {{'
_HASH_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def folder_sha256(folder: Path) -> str:
    """One hash over every file under ``folder`` (names and bytes), hidden files excepted."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.startswith("~$"):
                continue  # editor lock files and the like are not part of the template
            path = Path(root) / name
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(file_sha256(path).encode("ascii"))
    return digest.hexdigest()


@dataclass(frozen=True)
class Setup:
    """Everything besides the notes bytes that the documents depend on."""

    templates_sha256: str
    profile: str
    version: str
    encoding: str | None = None
    config_sha256: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "templates_sha256": self.templates_sha256,
            "profile": self.profile,
            "version": self.version,
            "encoding": self.encoding,
            "config_sha256": self.config_sha256,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Setup:
        return cls(
            templates_sha256=str(data["templates_sha256"]),
            profile=str(data["profile"]),
            version=str(data["version"]),
            encoding=data.get("encoding"),
            config_sha256=data.get("config_sha256"),
        )


@dataclass(slots=True)
class Entry:
    notes_sha256: str
    setup: Setup
    outputs: tuple[str, ...]  # relative to the manifest's root, POSIX form
    errors: int = 0
    warnings: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "notes_sha256": self.notes_sha256,
            **self.setup.as_json(),
            "outputs": list(self.outputs),
            "errors": self.errors,
            "warnings": self.warnings,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], setups: dict[Setup, Setup]) -> Entry:
        setup = Setup.from_json(data)
        # Thousands of entries share a handful of setups: keep one object of each.
        setup = setups.setdefault(setup, setup)
        return cls(
            notes_sha256=str(data["notes_sha256"]),
            setup=setup,
            outputs=tuple(str(o) for o in data["outputs"]),
            errors=int(data.get("errors", 0)),
            warnings=int(data.get("warnings", 0)),
        )


class Manifest:
    """The manifest of one output root. Not thread-safe; one writer at a time."""

    def __init__(self, root: Path):
        self.root = root
        self.entries: dict[str, Entry] = {}
        self._setups: dict[Setup, Setup] = {}
        self._journal: IO[str] | None = None
        self._dirty = False
        self._owned: set[str] | None = None
        # Documents a run was about to write (journalled before it wrote them), so that
        # those a killed run left before recording its note are known to be ours.
        self._claims: set[str] = set()
        # One-line problems met reading or writing it (a folder where the file should
        # be, a read-only output folder, a full disk): the runner names each once.
        self.problems: list[str] = []
        self._cannot_write = False
        self._load()

    @property
    def path(self) -> Path:
        return self.root / MANIFEST_NAME

    @property
    def journal_path(self) -> Path:
        return self.root / JOURNAL_NAME

    def _load(self) -> None:
        try:
            for key, raw in _read_manifest(self.path):
                self.entries[key] = Entry.from_json(raw, self._setups)
        except FileNotFoundError:
            pass
        except OSError as error:  # a folder in its place, no permission to read it
            self.entries.clear()
            self._dirty = True
            self._problem(f"{self.path}: cannot read the manifest: {_reason(error)}")
        except (ValueError, KeyError, TypeError, AttributeError):
            # An unreadable manifest only costs a rebuild; it is rewritten at the end.
            self.entries.clear()
            self._dirty = True
        try:
            records = list(_read_journal(self.journal_path))
        except OSError as error:
            records = []
            self._problem(f"{self.journal_path}: cannot read the journal: {_reason(error)}")
        for record in records:
            self._dirty = True
            try:
                self._apply(record)
            except (KeyError, TypeError, ValueError):
                continue

    def _apply(self, record: dict[str, Any]) -> None:
        if "claim" in record:
            self._claims.update(str(o) for o in record["claim"])
            return
        key = str(record["key"])
        if record.get("drop"):
            self.entries.pop(key, None)
        else:
            self.entries[key] = Entry.from_json(record["entry"], self._setups)

    def is_unchanged(
        self, key: str, notes_sha256: str, setup: Setup, outputs: Iterable[str] | None = None
    ) -> bool:
        """Whether ``key`` was built from these bytes with this setup and its documents are
        present: ``outputs`` (recorded, and present; the PDFs of a build without ``--pdf``
        are not asked for), or all it recorded."""
        entry = self.entries.get(key)
        if entry is None or entry.notes_sha256 != notes_sha256 or entry.setup != setup:
            return False
        wanted = entry.outputs if outputs is None else tuple(outputs)
        if not set(wanted) <= set(entry.outputs):
            return False
        root = str(self.root)
        return all(os.path.isfile(os.path.join(root, output)) for output in wanted)

    def owns(self, output: str) -> bool:
        """Whether ``output`` (relative to the root, POSIX form) was written by a build here."""
        if self._owned is None:
            self._owned = {o for entry in self.entries.values() for o in entry.outputs}
        return output in self._owned or output in self._claims

    def claim(self, outputs: Iterable[str]) -> None:
        """Journal that ``outputs`` are about to be written: call before writing them."""
        fresh = [o for o in outputs if not self.owns(o)]
        if fresh:
            self._claims.update(fresh)
            self._append({"claim": fresh})

    def _problem(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    def record(self, key: str, entry: Entry) -> None:
        """Remember a built note, durably: call only once its documents are in place."""
        entry.setup = self._setups.setdefault(entry.setup, entry.setup)
        self.entries[key] = entry
        if self._owned is not None:
            self._owned.update(entry.outputs)
        self._append({"key": key, "entry": entry.as_json()})

    def forget(self, key: str) -> None:
        if self.entries.pop(key, None) is not None:
            self._owned = None  # its documents are no longer owned through it
            self._append({"key": key, "drop": True})

    def _append(self, record: dict[str, Any]) -> None:
        self._dirty = True
        if self._cannot_write:
            return
        try:
            if self._journal is None:
                self.root.mkdir(parents=True, exist_ok=True)
                self._journal = open(self.journal_path, "a+", encoding="utf-8")  # noqa: SIM115
                self._journal.seek(0, os.SEEK_END)
                if self._journal.tell() > 0:
                    # A run killed mid-line leaves a torn record; start ours on a fresh line.
                    self._journal.seek(self._journal.tell() - 1)
                    if self._journal.read(1) != "\n":
                        self._journal.write("\n")
            self._journal.write(_dumps(record, separators=(",", ":")) + "\n")
            self._journal.flush()
        except OSError as error:
            # A read-only output folder, a full disk: the documents are there, only
            # the record is lost (the next run rebuilds those notes). Said once.
            self._cannot_write = True
            self._problem(
                f"{self.journal_path}: cannot record the notes built: {_reason(error)}"
                " (they will be rebuilt next time)"
            )
            self.close()

    def compact(self) -> None:
        """Write the manifest atomically and empty the journal."""
        if not self._dirty and not self.journal_path.exists():
            self.close()
            return
        self.close()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            write_text_atomically(self.path, self._write_json)
        except OSError as error:
            # The journal (if it could be written) still holds this run's work.
            self._problem(f"{self.path}: cannot write the manifest: {_reason(error)}")
            return
        # Documents claimed but never recorded (their run was interrupted between the
        # rename and the record) stay claimed, in a journal of their own.
        owned = {o for entry in self.entries.values() for o in entry.outputs}
        root = str(self.root)
        pending = sorted(o for o in self._claims - owned if os.path.lexists(os.path.join(root, o)))
        try:
            if pending:
                write_text_atomically(
                    self.journal_path,
                    lambda handle: handle.write(_dumps({"claim": pending}) + "\n"),
                )
            else:
                with contextlib.suppress(FileNotFoundError):
                    self.journal_path.unlink()
        except OSError as error:
            self._problem(f"{self.journal_path}: cannot write the journal: {_reason(error)}")
        self._dirty = False

    def _write_json(self, handle: IO[str]) -> None:
        # One entry at a time: the whole document is never held in memory as a string.
        handle.write(_HEADER)
        for index, key in enumerate(sorted(self.entries)):
            entry = _dumps(self.entries[key].as_json())
            comma = "," if index else ""
            handle.write(f"{comma}\n {_dumps(key)}: {entry}")
        handle.write("\n}}\n")

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


def _dumps(value: Any, **options: Any) -> str:
    """JSON text, readable UTF-8; a file name whose bytes were not UTF-8 (lone
    surrogates in Python) is written with ``\\udcXX`` escapes, which read back the same."""
    text = json.dumps(value, ensure_ascii=False, **options)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, **options)
    return text


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _read_manifest(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """The entries of a manifest file, read line by line as :meth:`Manifest._write_json`
    writes them (so that a large one is never held whole); any other JSON layout of
    the same content is read in one go."""
    with open(path, encoding="utf-8") as handle:
        if handle.readline().rstrip("\n") != _HEADER:
            handle.seek(0)
            data = json.load(handle)
            if data.get("format") == FORMAT:
                yield from data.get("notes", {}).items()
            return
        for line in handle:
            line = line.strip().rstrip(",")
            if line in ("}}", ""):
                continue
            ((key, raw),) = json.loads("{" + line + "}").items()
            yield key, raw


def _read_journal(path: Path) -> Iterable[dict[str, Any]]:
    try:
        handle = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # the torn last line of a killed run
            if isinstance(record, dict):
                yield record
