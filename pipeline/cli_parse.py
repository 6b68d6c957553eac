"""``minutes parse NOTES.md``: print the meeting model as JSON, or explain each line (``--explain``)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.model import Meeting

STDIN = "-"
STDIN_NAME = "<stdin>"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "parse",
        help="print the meeting model of a notes file as JSON",
        description=(
            "Print the meeting model of a notes file as JSON; with --explain, print the notes "
            "with each line's role (title, agenda item, decision, task …) in a margin."
        ),
    )
    cmd.add_argument(
        "notes", help="a Markdown notes file, or - to read the notes from standard input"
    )
    cmd.add_argument("--encoding", help="the file's encoding (default: detected)")
    cmd.add_argument(
        "--explain",
        action="store_true",
        help="print the notes with what each line was read as, instead of the JSON",
    )
    cmd.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the --explain margin (auto: on a terminal, unless NO_COLOR is set)",
    )
    cmd.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="with -, the name to give the notes in messages (its date is a last-resort meeting date)",
    )
    cmd.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.stdin_filename and args.notes != STDIN:
        from pipeline.errors import UsageError

        raise UsageError("--stdin-filename names notes read from -, not a file")
    if args.explain:
        return _explain(args)
    if args.notes == STDIN:
        meeting = _meeting_from_stdin(args)
    else:
        from parsers import load_meeting
        from pipeline.check import find_config, load_config

        # the team's minutes.toml may say how its notes write dates ([notes] date_order)
        meeting, _ = load_meeting(args.notes, args.encoding, load_config(find_config(args.notes)).date_order)
    sys.stdout.buffer.write(meeting.to_json().encode("utf-8") + b"\n")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from pipeline.cli import collector_paused

    with collector_paused():  # the reader's and the model's imports, as for `minutes check`
        from parsers.explain import explain_lines, format_explained
        from pipeline.check.output import use_color  # the colour rule of check and build

    text = _stdin_text(args) if args.notes == STDIN else _file_text(args)
    explained = format_explained(explain_lines(text), color=use_color(args.color))
    if explained:
        sys.stdout.buffer.write(explained.encode("utf-8") + b"\n")
    return 0


def _file_text(args: argparse.Namespace) -> str:
    from parsers import read_notes

    return read_notes(args.notes, args.encoding)


def _stdin_text(args: argparse.Namespace) -> str:
    """The notes on standard input, decoded as a file's would be; errors name ``--stdin-filename``."""
    from parsers.encoding import UndecodableError, decode_bytes
    from parsers.limits import MAX_NOTE_BYTES, too_large
    from pipeline.errors import MinutesError

    name = args.stdin_filename or STDIN_NAME
    data = sys.stdin.buffer.read(MAX_NOTE_BYTES + 1)  # never more than the limit and a byte
    if len(data) > MAX_NOTE_BYTES:
        raise too_large(None, name)
    try:
        text, _ = decode_bytes(data, args.encoding)
    except UndecodableError as error:
        raise MinutesError(f"cannot read: {error}", name, error.line) from None
    return text


def _meeting_from_stdin(args: argparse.Namespace) -> Meeting:
    from parsers import meeting_from_text
    from pipeline.check import find_config, load_config

    name = args.stdin_filename or STDIN_NAME
    # as for a file: the minutes.toml of the folder the notes are said to be in
    date_order = load_config(find_config(name)).date_order
    return meeting_from_text(_stdin_text(args), name, date_order)
