"""Errors a user sees: one line, naming the file and, where known, the line."""

from __future__ import annotations

from pathlib import Path


class MinutesError(Exception):
    """A problem with the user's input that ends the job for one file.

    ``str(error)`` is the one-line message printed on stderr:
    ``path:line: message`` (or ``path: message`` when no line applies).
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        one_line = " ".join(self.message.split())
        return f"{where}: {one_line}" if where else one_line


class UsageError(MinutesError):
    """Bad command-line usage (exit status 2)."""
