"""The tool's per-user cache folder: private, checked before every use, safe to lose.

Kept in ``%LOCALAPPDATA%\\minutes`` on Windows, ``~/Library/Caches/minutes`` on macOS,
``$XDG_CACHE_HOME/minutes`` or ``~/.cache/minutes`` elsewhere, one sub-folder per kind
of entry. What is read from it can decide what the program does (compiled templates
are Python code), so on POSIX systems the tool's folder, the kind's folder and each
entry must be owned by the user and writable by no one else (the checks of Jinja's
``FileSystemBytecodeCache``; a folder of the user's own made with a loose umask is
made private), and links are not followed; otherwise nothing is read or written. An
entry repeats its key and carries a SHA-256 of its contents, so a truncated, damaged
or renamed entry is ignored; entries are written to a temporary file and renamed into
place. ``MINUTES_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

DISABLE_VARIABLE = "MINUTES_NO_CACHE"
HEADER = b"minutes cache entry 1\n"
SUFFIX = ".entry"
MAX_ENTRIES = 32  # per kind: the oldest entries beyond this are removed when one is written
MAX_ENTRY_BYTES = 256 * 1024 * 1024
STALE_TEMPORARY_SECONDS = 3600


def disabled() -> bool:
    return os.environ.get(DISABLE_VARIABLE, "").strip() not in ("", "0")


def cache_folder() -> Path | None:
    """The tool's per-user cache folder (None: no home folder to keep it in)."""
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or os.path.join(
                os.path.expanduser("~"), "AppData", "Local"
            )
        elif sys.platform == "darwin":
            base = os.path.join(os.path.expanduser("~"), "Library", "Caches")
        else:
            base = os.environ.get("XDG_CACHE_HOME") or ""
            if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
                base = os.path.join(os.path.expanduser("~"), ".cache")
    except (KeyError, RuntimeError):  # pragma: no cover - no home folder
        return None
    if not os.path.isabs(base):
        return None
    return Path(base) / "minutes"


def _private(info: os.stat_result, *, folder: bool) -> bool:
    """A folder or regular file (no link) that only this user can change."""
    kind = stat.S_ISDIR if folder else stat.S_ISREG
    if not kind(info.st_mode):
        return False
    if os.name == "nt":  # the user's own profile folder; no POSIX owner or mode bits
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def usable_folder(kind: str) -> Path | None:
    """The cache folder of ``kind``, made private if new; None when off or not private."""
    if disabled():
        return None
    tool = cache_folder()
    if tool is None:
        return None
    folder = tool / kind
    try:
        folder.parent.parent.mkdir(parents=True, exist_ok=True)
        for step in (folder.parent, folder):
            with contextlib.suppress(FileExistsError):
                os.mkdir(step, 0o700)
            info = os.lstat(step)
            if (
                os.name != "nt"
                and stat.S_ISDIR(info.st_mode)
                and info.st_uid == os.getuid()
                and info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
            ):
                os.chmod(step, 0o700)  # the user's own folder, made with a loose umask
                info = os.lstat(step)
            if not _private(info, folder=True):
                return None
    except OSError:
        return None
    return folder


def _entry(folder: Path, key: bytes) -> Path:
    return folder / (key.hex() + SUFFIX)


def load(key: bytes, kind: str) -> Any:
    """What was stored under ``key``; None when absent, not private, or damaged."""
    folder = usable_folder(kind)
    if folder is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(_entry(folder, key), flags)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not _private(info, folder=False) or info.st_size > MAX_ENTRY_BYTES:
                return None
            blob = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    head = len(HEADER)
    if blob[:head] != HEADER or blob[head : head + 32] != key:
        return None
    checksum, payload = blob[head + 32 : head + 64], blob[head + 64 :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def store(key: bytes, value: Any, kind: str) -> None:
    """Keep ``value`` (what marshal can write) under ``key``; nothing when the cache is unusable."""
    folder = usable_folder(kind)
    if folder is None:
        return
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    import tempfile

    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".entry-", suffix=".tmp")  # 0600
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(HEADER + key + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, _entry(folder, key))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    _prune(folder)


def _prune(folder: Path) -> None:
    """Keep the newest MAX_ENTRIES entries, and no temporary file a killed run left."""
    entries: list[tuple[float, str]] = []
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for item in found:
            with contextlib.suppress(OSError):
                modified = item.stat(follow_symlinks=False).st_mtime
                if item.name.endswith(SUFFIX):
                    entries.append((modified, item.name))
                elif item.name.startswith(".entry-") and now - modified > STALE_TEMPORARY_SECONDS:
                    os.unlink(item.path)
    for _, name in sorted(entries, reverse=True)[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            os.unlink(folder / name)
