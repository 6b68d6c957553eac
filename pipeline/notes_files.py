"""Which files in a folder are meeting notes: ``*.md``, except read-mes and hidden files or folders."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

NOTES_SUFFIX = ".md"
# A folder's read-me describes the archive; it is not the notes of a meeting.
NOT_NOTES = frozenset({"readme.md"})

# Told about a folder the walk could not enter: (folder, one-line reason).
Problem = Callable[[str, str], None]


def is_notes_name(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith(NOTES_SUFFIX) and lowered not in NOT_NOTES and not name.startswith(".")


def shown(text: str | os.PathLike[str]) -> str:
    """``text`` (a path, a message) safe to print on one line and to write as UTF-8.

    Bytes of a file name that are not UTF-8 (``caf\\xe9.md`` from an old Windows
    share, carried by Python as lone surrogates) become ``\\xe9``; control
    characters (a newline in a file name) become ``\\n``, ``\\x1b`` …, so a name
    can neither crash the output nor break or forge a line of it.
    """
    text = os.fspath(text)
    if text.isprintable() and text.isascii():
        return text
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
            out.append(repr(char)[1:-1] if code < 0x80 else f"\\u{code:04x}")
        elif char in "\u2028\u2029\x85":
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def walk_notes(
    top: Path, skip: Path | None = None, problem: Problem | None = None
) -> Iterator[tuple[str, list[str]]]:
    """(folder, sorted names of the notes in it) for every folder under ``top``, lazily.

    Hidden folders and ``skip`` (an output folder inside the archive) are not entered.
    Symbolic links to folders are not followed (a loop, or an archive reaching out of
    itself); ``problem``, when given, is told about each of them and about every folder
    that cannot be read, so that none is skipped in silence.
    """
    skipped = os.path.realpath(skip) if skip is not None else None

    def unreadable(error: OSError) -> None:
        if problem is not None:
            where = error.filename if error.filename is not None else str(top)
            problem(os.fspath(where), f"cannot read this folder: {error.strerror or error}")

    for folder, dirs, files in os.walk(top, onerror=unreadable):
        kept = []
        for d in dirs:
            if d.startswith("."):
                continue
            path = os.path.join(folder, d)
            if skipped is not None and os.path.realpath(path) == skipped:
                continue
            if problem is not None and os.path.islink(path):
                problem(path, "a link to a folder, not followed (name its target to build it)")
                continue
            kept.append(d)
        dirs[:] = sorted(kept)
        names = sorted(name for name in files if is_notes_name(name))
        if names:
            yield folder, names


def notes_under(top: Path, skip: Path | None = None) -> Iterator[Path]:
    """Every notes file under ``top``, in a stable order."""
    for folder, names in walk_notes(top, skip):
        for name in names:
            yield Path(folder) / name
