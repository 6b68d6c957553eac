"""Writing files so that a reader (or a run killed half-way) never sees a partial one.

Everything the tool writes goes to a temporary file in the destination folder
and is renamed into place. Temporary names carry :data:`TEMP_MARK`, so a later
run can recognise and remove what a killed run left behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

TEMP_MARK = ".minutes-tmp-"


def write_bytes_atomically(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    _write_atomically(path, lambda handle: handle.write(data), binary=True, durable=durable)


def write_text_atomically(
    path: Path, write: Callable[[IO[str]], object], *, durable: bool = True
) -> None:
    """Call ``write`` on a UTF-8 temporary file beside ``path``, then rename it to ``path``."""
    _write_atomically(path, write, binary=False, durable=durable)


def is_temporary_name(name: str) -> bool:
    return TEMP_MARK in name


def _write_atomically(
    path: Path, write: Callable[[IO], object], *, binary: bool, durable: bool
) -> None:
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}{TEMP_MARK}")
    try:
        _open_to_colleagues(fd, temp_name)
        handle: IO = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8")
        with handle:
            write(handle)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def _open_to_colleagues(fd: int, name: str) -> None:
    """mkstemp's 0600 would hide the file from colleagues: give it the usual mode."""
    mode = 0o666 & ~_current_umask()
    if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
        os.fchmod(fd, mode)
    elif os.name != "nt":  # pragma: no cover - a POSIX system without fchmod
        os.chmod(name, mode)
    # On Windows a new file already takes the folder's permissions.


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
