"""How many terminal or spreadsheet columns text takes: East Asian wide and full-width
characters take two, combining marks and format characters none.

Shared by ``minutes parse --explain`` and the task ledger's listing and spreadsheet.
"""

from __future__ import annotations

import unicodedata
from functools import cache


@cache
def _char_width(char: str) -> int:
    # cached per character: a ledger's listing measures tens of thousands of task texts,
    # written with a few thousand distinct characters
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns."""
    return text + " " * max(0, width - display_width(text))


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, with "…" when cut."""
    if display_width(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        w = display_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"
