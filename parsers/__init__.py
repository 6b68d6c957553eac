"""Readers: notes in, :class:`pipeline.model.Meeting` out. Nothing here knows about Word."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import Meeting


def parse_notes(text: str, date_order: str | None = None) -> Meeting:
    """Parse Markdown notes (already decoded text) into the meeting model.

    ``date_order`` ("dmy" or "mdy") reads dates such as ``03/04/2019`` that stay
    unread (and reported) without it.
    """
    from parsers.markdown_notes import parse_markdown

    return parse_markdown(text, date_order)  # type: ignore[arg-type]


def read_notes(path: str | Path, encoding: str | None = None) -> str:
    """Read a notes file as text: detects UTF-8/UTF-16 BOM, GB18030/GBK and Big5; CRLF → LF.

    Raises :class:`pipeline.errors.MinutesError` naming the file for binary or undecodable input,
    and for a file over the size limit of :mod:`parsers.limits` (refused before it is read).
    """
    from parsers.encoding import read_text

    return read_text(Path(path), encoding)


def load_meeting(
    path: str | Path, encoding: str | None = None, date_order: str | None = None
) -> tuple[Meeting, str]:
    """Read and parse one notes file; returns the model and the decoded source text.

    Notes over either limit of :mod:`parsers.limits` (size, action items) raise a
    one-line :class:`pipeline.errors.MinutesError` naming the file.

    When the notes give no meeting date anywhere, a full date in the file name
    (``tsc-20201216.md``) is the meeting date, as a last resort: ``info_lines``
    then has no line for it, and deadlines written relative to the meeting stay
    unresolved, since the notes themselves never said when the meeting was.
    """
    text = read_notes(path, encoding)
    return meeting_from_text(text, path, date_order), text


def meeting_from_text(text: str, name: str | Path, date_order: str | None = None) -> Meeting:
    """Parse notes read from ``name`` (a file, or what ``--stdin-filename`` calls standard
    input): the limit on action items, and the date in the name as a last resort (see
    :func:`load_meeting`)."""
    from parsers.limits import check_action_items

    meeting = parse_notes(text, date_order)
    check_action_items(meeting, name)
    if meeting.date is None:
        from parsers.dates import date_in_file_name

        meeting.date = date_in_file_name(Path(name).stem, date_order)  # type: ignore[arg-type]
        if meeting.date is not None:
            from parsers.actions import number_action_items

            number_action_items(meeting)
    return meeting
