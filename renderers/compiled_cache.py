"""A per-user cache of prepared templates, so a new process need not patch and compile them.

Preparing the two built-in templates (docxtpl's tag patching, Jinja's parsing and
code generation, Python's compiler, the font clean-up and compression of the
static parts) is about a fifth of a cold ``minutes build``. What it makes is kept
here, one file per template, and a later process loads it instead.

Compiled Jinja is Python code run at render time, so whoever can write this cache
could run code as the user. It is therefore used only when it is private:

- it lives in the user's own cache folder (``%LOCALAPPDATA%\\minutes\\templates`` on
  Windows, ``~/Library/Caches/minutes/templates`` on macOS,
  ``$XDG_CACHE_HOME/minutes/templates`` or ``~/.cache/minutes/templates``
  elsewhere), made by this tool with owner-only permissions;
- on POSIX systems the ``minutes`` and ``templates`` folders and every entry must be
  owned by the user and writable by no one else (the checks of Jinja's own
  ``FileSystemBytecodeCache``); otherwise the cache is not used at all and the
  templates are compiled as usual;
- an entry is found by a SHA-256 of every part of the template (names and bytes)
  together with the versions of Python, Jinja, lxml and docxtpl and the source of
  the renderer itself (this package, whose ``engine`` holds the sandbox and its
  budget): a change to any of them, a new sandbox rule included, makes the old
  entries unused;
- an entry repeats its key and carries a SHA-256 of its contents: a truncated,
  corrupt or renamed entry is ignored (and replaced by the next compile);
- entries are written to a temporary file and renamed into place.

What is cached is exactly what :mod:`renderers.engine` made for the template: the
code its bounded, sandboxed environment compiled (loops counted, output counted,
every call, attribute and operator routed through the budget checks), brought back
to life in that same environment. A template that was refused is never cached.

``MINUTES_NO_CACHE=1`` turns the cache off (nothing is read or written).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DISABLE_VARIABLE = "MINUTES_NO_CACHE"
FORMAT = b"minutes prepared template 1\n"
SUFFIX = ".prepared"
MAX_ENTRIES = 32  # the oldest entries beyond this are removed when one is written
MAX_ENTRY_BYTES = 256 * 1024 * 1024
STALE_TEMPORARY_SECONDS = 3600

KIND = "templates"  # the sub-folder of prepared templates


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


def usable_folder(kind: str = KIND) -> Path | None:
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


@functools.cache
def fingerprint() -> bytes | None:
    """What the compiled code depends on besides the template (None: cannot be told)."""
    import importlib.util

    import jinja2
    from lxml import etree

    digest = hashlib.sha256(FORMAT)
    for version in (
        sys.version,
        sys.implementation.cache_tag or "",
        str(sys.flags.optimize),
        jinja2.__version__,
        repr(etree.LXML_VERSION),
    ):
        digest.update(version.encode() + b"\0")
    spec = importlib.util.find_spec("docxtpl")
    if spec is None or not spec.submodule_search_locations:
        return None
    folders = [Path(__file__).parent, Path(next(iter(spec.submodule_search_locations)))]
    try:
        for folder in folders:
            sources = sorted(folder.glob("*.py"))
            if not sources:
                return None
            for source in sources:
                data = source.read_bytes()
                digest.update(f"{source.name}\0{len(data)}\0".encode() + data)
    except OSError:
        return None
    return digest.digest()


def key_for(parts: Sequence[tuple[str, bytes]]) -> bytes | None:
    """The key of a template's entry: its parts, and :func:`fingerprint` (None: no cache)."""
    if disabled():
        return None
    base = fingerprint()
    if base is None:
        return None
    digest = hashlib.sha256(base)
    for name, data in parts:
        encoded = name.encode("utf-8", "surrogateescape")
        digest.update(f"{len(encoded)}:{len(data)}:".encode() + encoded + data)
    return digest.digest()


def _entry(folder: Path, key: bytes) -> Path:
    return folder / (key.hex() + SUFFIX)


def load(key: bytes, kind: str = KIND) -> Any:
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
    head = len(FORMAT)
    if blob[:head] != FORMAT or blob[head : head + 32] != key:
        return None
    checksum, payload = blob[head + 32 : head + 64], blob[head + 64 :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def store(key: bytes, value: Any, kind: str = KIND) -> None:
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
            handle.write(FORMAT + key + hashlib.sha256(payload).digest() + payload)
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
