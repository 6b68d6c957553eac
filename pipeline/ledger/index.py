"""The ledger's index: what each note holds for the ledger, so that an unchanged note is
not parsed again.

An embedded SQLite database (the standard library's ``sqlite3``), one row per note:
its absolute path, size, modification time, SHA-256 (as the build manifest hashes it),
the options it was read with (encoding, ``date_order``) and what the ledger needs of the
meeting (title, date, language, action items, task updates: :func:`pipeline.ledger.core.record_of`)
as JSON. It is a cache, never the source of
truth: deleting it loses nothing, and a file that is no index of this tool's, or one
that cannot be read, is rebuilt from the notes.

A note is taken from the index when its size and modification time are those recorded
(and it was not modified in the two seconds before it was recorded, when a change
could share the time stamp), or else when its bytes hash to the recorded SHA-256.
The ledger last made from the notes is kept too, under a hash of every note's name,
content hash and reading options: when none changed, it is taken as it is and only
the states are worked out again for the day asked. The index records the version of the reader too (a hash of the ``parsers`` package
and of the model): after an upgrade every note is read afresh.

Where it lives: beside the build manifest when a build output folder is given
(``--build-dir``), else in the per-user cache folder (``%LOCALAPPDATA%\\minutes`` on
Windows, ``~/Library/Caches/minutes`` on macOS, ``$XDG_CACHE_HOME/minutes`` or
``~/.cache/minutes`` elsewhere), one file per set of inputs (named by a hash of their
absolute paths).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.user_cache import cache_folder

INDEX_NAME = ".minutes-ledger-index.sqlite"
# "MNLG": this tool's index; any other value is a file of someone else's, rebuilt.
APPLICATION_ID = 0x4D4E4C47
FORMAT = "3"
RACY_NS = 2_000_000_000  # a note modified this close to its recording is hashed again



@dataclass(slots=True)
class Row:
    size: int
    mtime_ns: int
    sha256: str
    options: str
    checked_ns: int
    meeting: str  # JSON of what the ledger needs of the meeting (pipeline.ledger.core.record_of)


def index_path(inputs: list[Path], build_dir: Path | None = None) -> Path | None:
    """Where the index of the archive ``inputs`` is kept (None: no per-user cache folder,
    so no index)."""
    if build_dir is not None:
        return build_dir / INDEX_NAME
    folder = cache_folder()
    if folder is None:
        return None
    key = "\0".join(sorted(os.path.normcase(os.path.abspath(p)) for p in inputs))
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return folder / "ledger-index" / f"{digest}.sqlite"


@cache
def reader_fingerprint() -> str:
    """A hash of the reader's code (the ``parsers`` package and the model) and version."""
    import parsers
    from pipeline import __version__, model

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    folder = Path(parsers.__file__).parent
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in [*files, Path(model.__file__)]:
        with contextlib.suppress(OSError):
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


class NoteIndex:
    """The index at ``path``; None: no index (every note is read)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.problem: str | None = None  # why it could not be used or written, once
        self._connection: sqlite3.Connection | None = None
        if path is not None:
            self._connection = self._open(path)

    # ----------------------------------------------------------------- opening

    def _open(self, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.problem = f"{path.parent}: cannot make the index folder: {error.strerror or error}"
            return None
        for attempt in range(2):
            connection: sqlite3.Connection | None = None
            try:
                connection = sqlite3.connect(path, timeout=5, isolation_level=None)
                if self._usable(connection):
                    return connection
                connection.close()
                connection = None
                if attempt == 0:
                    self._discard(path)
            except sqlite3.Error:
                if connection is not None:
                    connection.close()
                if attempt == 0:
                    self._discard(path)
                    continue
                self.problem = f"{path}: cannot use the index (the notes are read instead)"
            except OSError as error:
                self.problem = f"{path}: cannot use the index: {error.strerror or error}"
                return None
        return None

    def _usable(self, connection: sqlite3.Connection) -> bool:
        """Whether ``connection`` is an index of this tool for this reader; an empty
        file becomes one. False: a foreign or outdated file, to be rebuilt."""
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if application_id == 0 and not tables:
            connection.executescript(
                f"""
                PRAGMA application_id = {APPLICATION_ID};
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE notes (
                    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                    sha256 TEXT NOT NULL, options TEXT NOT NULL, checked_ns INTEGER NOT NULL,
                    meeting TEXT NOT NULL
                );
                CREATE TABLE ledgers (key TEXT PRIMARY KEY, ledger TEXT NOT NULL);
                """
            )
            connection.execute(
                "INSERT INTO meta VALUES ('format', ?), ('reader', ?)",
                (FORMAT, reader_fingerprint()),
            )
            return True
        if application_id != APPLICATION_ID or not {"meta", "notes", "ledgers"} <= tables:
            return False
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") != FORMAT:
            return False
        if meta.get("reader") != reader_fingerprint():
            connection.execute("BEGIN")
            connection.execute("DELETE FROM notes")
            connection.execute("DELETE FROM ledgers")
            connection.execute("UPDATE meta SET value = ? WHERE key = 'reader'", (reader_fingerprint(),))
            connection.execute("COMMIT")
        return True

    @staticmethod
    def _discard(path: Path) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{path}{suffix}")

    # ----------------------------------------------------------------- use

    def rows(self) -> dict[str, Row]:
        if self._connection is None:
            return {}
        try:
            cursor = self._connection.execute(
                "SELECT path, size, mtime_ns, sha256, options, checked_ns, meeting FROM notes"
            )
            return {str(r[0]): Row(int(r[1]), int(r[2]), str(r[3]), str(r[4]), int(r[5]), str(r[6]))
                    for r in cursor}
        except sqlite3.OperationalError as error:
            # busy (another run holds it past the timeout), or a full disk: no index this
            # time, and it is left as it is
            self.problem = f"{self.path}: the index cannot be used now ({error}); the notes are read"
            self.close()
            return {}
        except (sqlite3.Error, ValueError, TypeError):
            self.problem = f"{self.path}: the index cannot be read; it is rebuilt"
            self._rebuild()
            return {}

    def _rebuild(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self.path is not None:
            self._discard(self.path)
            self._connection = self._open(self.path)

    def save(self, fresh: dict[str, Row], touched: dict[str, Row], gone: list[str]) -> None:
        """Record the notes read now (``fresh``), those whose time stamps changed but not
        their bytes (``touched``), and forget those no longer there (``gone``)."""
        if self._connection is None or not (fresh or touched or gone):
            return
        now = time.time_ns()
        try:
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany("DELETE FROM notes WHERE path = ?", [(p,) for p in gone])
            connection.executemany(
                "INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (path, r.size, r.mtime_ns, r.sha256, r.options, now, r.meeting)
                    for path, r in (*fresh.items(), *touched.items())
                ],
            )
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            with contextlib.suppress(sqlite3.Error):
                self._connection.execute("ROLLBACK")
            self.problem = f"{self.path}: cannot update the index: {error}"

    def ledger(self, key: str) -> str | None:
        """The ledger (JSON, states of another day) last made from the notes ``key`` names."""
        if self._connection is None:
            return None
        try:
            row = self._connection.execute("SELECT ledger FROM ledgers WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return str(row[0]) if row is not None else None

    def save_ledger(self, key: str, text: str) -> None:
        """Keep ``text``, the ledger of the notes ``key`` names (only the latest is kept)."""
        if self._connection is None:
            return
        try:
            self._connection.execute("BEGIN IMMEDIATE")
            self._connection.execute("DELETE FROM ledgers")
            self._connection.execute("INSERT INTO ledgers VALUES (?, ?)", (key, text))
            self._connection.execute("COMMIT")
        except sqlite3.Error as error:
            with contextlib.suppress(sqlite3.Error):
                self._connection.execute("ROLLBACK")
            self.problem = f"{self.path}: cannot update the index: {error}"

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
