"""How big one note may be: its size in bytes and its number of action items.

A note over either limit is refused with one line naming it, as an unreadable
note is; in a batch only that note fails. Realistic notes are far below both:
the samples are about 5 KB with a dozen action items, and the generated
10,000-line note of ``benchmarks/bench_parse.py`` is 0.46 MB with 1,332. The
size is checked before the file is read, the action items right after parsing,
before the checker and the templates run, so neither an 11 MB note nor one of
100,000 action items can make a worker grow without bound.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import MinutesError

if TYPE_CHECKING:
    from pipeline.model import Meeting

MAX_NOTE_BYTES = 2 * 1024 * 1024  # 2 MB: the file as stored, before decoding
MAX_ACTION_ITEMS = 3_000  # a note of as many still renders within the templates' budgets


def _megabytes(size: int) -> str:
    shown = f"{size / (1024 * 1024):.1f}"
    return shown[:-2] if shown.endswith(".0") else shown


def too_large(size: int | None, path: str | Path) -> MinutesError:
    """The one-line refusal of notes of ``size`` bytes (None: more than the limit, size unknown)."""
    limit = _megabytes(MAX_NOTE_BYTES)
    if size is None or _megabytes(size) == limit:
        amount = f"more than {limit} MB"
    else:
        amount = f"{_megabytes(size)} MB"
    return MinutesError(
        f"notes of {amount} exceed the limit of {limit} MB per note; split them", path
    )


def check_action_items(meeting: Meeting, path: str | Path) -> None:
    """Refuse a parsed meeting with more than :data:`MAX_ACTION_ITEMS` action items."""
    count = len(meeting.action_items)
    if count > MAX_ACTION_ITEMS:
        raise MinutesError(
            f"{count:,} action items exceed the limit of {MAX_ACTION_ITEMS:,} per note; split them",
            path,
        )
