"""Which files in a folder are meeting notes: ``*.md``, except read-mes and hidden files or folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

NOTES_SUFFIX = ".md"
# A folder's read-me describes the archive; it is not the notes of a meeting.
NOT_NOTES = frozenset({"readme.md"})


def is_notes_name(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith(NOTES_SUFFIX) and lowered not in NOT_NOTES and not name.startswith(".")


def walk_notes(top: Path, skip: Path | None = None) -> Iterator[tuple[str, list[str]]]:
    """(folder, sorted names of the notes in it) for every folder under ``top``, lazily.

    Hidden folders and ``skip`` (an output folder inside the archive) are not entered.
    """
    skipped = os.path.realpath(skip) if skip is not None else None
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and (skipped is None or os.path.realpath(os.path.join(folder, d)) != skipped)
        )
        names = sorted(name for name in files if is_notes_name(name))
        if names:
            yield folder, names


def notes_under(top: Path, skip: Path | None = None) -> Iterator[Path]:
    """Every notes file under ``top``, in a stable order."""
    for folder, names in walk_notes(top, skip):
        for name in names:
            yield Path(folder) / name
