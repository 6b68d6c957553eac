"""Readers: notes in, :class:`pipeline.model.Meeting` out. Nothing here knows about Word."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import Meeting


def parse_notes(text: str) -> Meeting:
    """Parse Markdown notes (already decoded text) into the meeting model."""
    from parsers.markdown_notes import parse_markdown

    return parse_markdown(text)


def read_notes(path: str | Path, encoding: str | None = None) -> str:
    """Read a notes file as text: detects UTF-8/UTF-16 BOM, GB18030/GBK and Big5; CRLF → LF.

    Raises :class:`pipeline.errors.MinutesError` naming the file for binary or undecodable input.
    """
    from parsers.encoding import read_text

    return read_text(Path(path), encoding)


def load_meeting(path: str | Path, encoding: str | None = None) -> tuple[Meeting, str]:
    """Read and parse one notes file; returns the model and the decoded source text."""
    text = read_notes(path, encoding)
    return parse_notes(text), text
