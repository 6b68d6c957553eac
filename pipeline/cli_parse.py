"""``minutes parse NOTES.md``: print the meeting model as JSON."""

from __future__ import annotations

import argparse
import sys


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser("parse", help="print the meeting model of a notes file as JSON")
    cmd.add_argument("notes", help="a Markdown notes file")
    cmd.add_argument("--encoding", help="the file's encoding (default: detected)")
    cmd.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from parsers import load_meeting

    meeting, _ = load_meeting(args.notes, args.encoding)
    sys.stdout.buffer.write(meeting.to_json().encode("utf-8") + b"\n")
    return 0
