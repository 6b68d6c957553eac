"""``minutes ledger`` (the task ledger of an archive) and ``minutes next`` (the next
meeting's notes, with the open tasks to follow up)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.cli_arguments import job_count

if TYPE_CHECKING:
    from pipeline.ledger.archive import Archive
    from pipeline.ledger.entry import Ledger

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# -o FILE: the formats, by the file's suffix (pipeline.ledger.writers.WRITERS)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _index_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--encoding", help="the notes' encoding (default: detected)")
    cmd.add_argument(
        "--no-index", action="store_true", help="read every note; neither use nor update the index"
    )
    cmd.add_argument(
        "--build-dir",
        type=Path,
        metavar="DIR",
        help="the output folder of minutes build: the index is kept there, beside its manifest "
        "(default: the per-user cache folder)",
    )
    cmd.add_argument(
        "-j", "--jobs", type=job_count, metavar="N", help="processes that parse notes (default: every core)"
    )


def register_ledger(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "ledger",
        help="the task ledger: every action item of an archive, followed across meetings",
        description=(
            "List every action item of the notes under PATH with the updates later meetings "
            "give it (follow-up sections naming the task's id), and its state on a date: "
            "done, cancelled, overdue, due-soon (within 3 days) or open. Folders are searched "
            "as minutes build searches them."
        ),
        epilog=(
            "exit status: 0 the ledger is written; 1 a note could not be read (it is left out "
            "and named; the ledger is written) or, with --fail-on-overdue, a task is overdue; "
            "2 bad usage (a bad date, an unknown -o suffix, an output that is not a ledger of "
            "this tool's without --force). Problems (an update naming an unknown id …) go to "
            "standard error as FILE:LINE: RULE: MESSAGE."
        ),
    )
    cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="notes files and folders")
    cmd.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="the date of the states (default: today)"
    )
    cmd.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the ledger to FILE: .xlsx, .csv, .json or .ics (default: a listing on the terminal)",
    )
    cmd.add_argument(
        "--owner", metavar="TEXT", help="only tasks whose owner's department or name contains TEXT"
    )
    cmd.add_argument("--open", action="store_true", help="only tasks neither done nor cancelled")
    cmd.add_argument(
        "--fail-on-overdue", action="store_true", help="exit status 1 when a task listed is overdue"
    )
    cmd.add_argument(
        "--force", action="store_true", help="replace FILE even if it is no ledger written by minutes"
    )
    cmd.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the listing (auto: on a terminal, unless NO_COLOR is set)",
    )
    _index_options(cmd)
    cmd.set_defaults(func=run_ledger)


def register_next(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "next",
        help="the next meeting's notes: title, attendees and the open tasks to follow up",
        description=(
            "Write the skeleton of the next meeting's notes in the notes' language: the title, "
            "the same attendees and a follow-up section listing every task still open across "
            "the notes' folder (or --archive), with id, owner and due date; overdue ones marked. "
            "Printed without -o."
        ),
        epilog="exit status: 0 written; 1 a note of the archive could not be read (named); 2 bad usage",
    )
    cmd.add_argument("notes", type=Path, metavar="NOTES.md", help="the notes of the last meeting")
    cmd.add_argument("-o", "--output", type=Path, metavar="NEXT.md", help="write the skeleton there")
    cmd.add_argument(
        "--archive",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="the notes whose open tasks to list (default: the notes' folder)",
    )
    cmd.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="the date of the states (default: today)"
    )
    cmd.add_argument("--force", action="store_true", help="replace NEXT.md if it exists")
    _index_options(cmd)
    cmd.set_defaults(func=run_next)


# --------------------------------------------------------------------------- shared


def say(line: str) -> None:
    from pipeline.notes_files import shown

    sys.stderr.write(shown(line) + "\n")


def read(
    args: argparse.Namespace, paths: list[Path], as_of: dt.date | None = None
) -> tuple[Archive, Ledger | None]:
    """The meetings under ``paths`` (through the index unless ``--no-index``) and, given
    ``as_of``, their ledger on that day."""
    from pipeline.ledger.archive import archive_ledger, check_inputs, find_notes, read_archive
    from pipeline.ledger.index import NoteIndex, index_path

    check_inputs(paths)
    if args.build_dir is not None and not args.build_dir.is_dir():
        from pipeline.errors import UsageError

        raise UsageError("no such build output folder", args.build_dir)
    folder_problems: list[str] = []
    files = find_notes(paths, folder_problems)
    index = None if args.no_index else NoteIndex(index_path(paths, args.build_dir))
    try:
        archive = read_archive(files, index, args.encoding, args.jobs)
        ledger = archive_ledger(archive, index, as_of) if as_of is not None else None
    finally:
        if index is not None:
            index.close()
    archive.folder_problems = folder_problems
    return archive, ledger


def report(archive: Archive, ledger: Ledger) -> None:
    """Problems on standard error, one line each: ``FILE:LINE: RULE: MESSAGE``."""
    for line in archive.folder_problems:
        say(f"{line}")
    for problem in [*archive.problems, *ledger.problems]:
        where = f"{problem.file}:{problem.line}" if problem.line is not None else problem.file
        say(f"{where}: {problem.rule}: {problem.message}")
    if archive.index_problem:
        say(f"minutes: {archive.index_problem}")


def _refuse_inputs(output: Path, inputs: list[Path], what: str) -> None:
    """Bad usage: ``output`` is one of the inputs or a notes file under them."""
    from pipeline.errors import UsageError
    from pipeline.notes_files import shown

    real = os.path.realpath(output)
    for path in inputs:
        if os.path.realpath(path) == real:
            raise UsageError(f"{what} would overwrite {shown(path)}, named on the command line", output)
    if output.is_dir():
        raise UsageError(f"{what} names a folder; give the name of a file", output)


# --------------------------------------------------------------------------- ledger


def run_ledger(args: argparse.Namespace) -> int:
    from pipeline.errors import UsageError
    from pipeline.ledger.core import select
    from pipeline.ledger.outputs import remember, written_here

    writer = None
    if args.output is not None:
        from pipeline.ledger.writers import WRITERS

        suffix = args.output.suffix.lower()
        if suffix not in WRITERS:
            *others, last = WRITERS
            raise UsageError(
                f"unknown output format {suffix or '(no suffix)'!r}; use {', '.join(others)} or {last}",
                args.output,
            )
        _refuse_inputs(args.output, list(args.paths), "-o")
        if args.output.exists() and not args.force and not written_here(args.output):
            raise UsageError(
                "exists and is no ledger written by minutes; give another name or --force",
                args.output,
            )
        writer = WRITERS[suffix]
    as_of = args.as_of or dt.date.today()
    archive, whole = read(args, list(args.paths), as_of)
    assert whole is not None
    ledger = select(whole, args.owner, args.open)
    report(archive, ledger)
    if writer is None:
        from pipeline.check.output import use_color
        from pipeline.ledger.writers.terminal import render_terminal

        text = render_terminal(ledger, use_color(args.color))
        sys.stdout.buffer.write(text.encode("utf-8") + (b"" if text.endswith("\n") else b"\n"))
        sys.stdout.flush()
    else:
        try:
            writer(ledger, args.output)
        except OSError as error:
            say(f"minutes ledger: {args.output}: cannot write: {error.strerror or error}")
            return EXIT_FINDINGS
        remember(args.output)
    failed = bool(archive.problems or archive.folder_problems)
    overdue = args.fail_on_overdue and any(task.state == "overdue" for task in ledger.tasks)
    return EXIT_FINDINGS if failed or overdue else EXIT_OK


# --------------------------------------------------------------------------- next


def run_next(args: argparse.Namespace) -> int:
    from parsers import load_meeting
    from pipeline.errors import MinutesError, UsageError
    from pipeline.ledger.archive import date_orders
    from pipeline.ledger.core import ledger_of_records, record_of
    from pipeline.ledger.next_notes import next_notes

    notes: Path = args.notes
    if not notes.is_file():
        raise UsageError("no such notes file", notes)
    archive_paths = list(args.archive) if args.archive else [notes.parent]
    if args.output is not None:
        _refuse_inputs(args.output, [notes, *archive_paths], "-o")
        if args.output.exists() and not args.force:
            raise UsageError("exists; give another name or --force", args.output)
    order = date_orders([notes]).get(os.path.dirname(os.path.abspath(notes)))
    try:
        meeting, _ = load_meeting(notes, args.encoding, order)
    except MinutesError as error:
        raise UsageError(error.message, error.path, error.line) from None
    archive, _ = read(args, archive_paths)
    if args.output is not None and args.output.exists():
        target = os.path.realpath(args.output)
        read_here = [name for name, _ in archive.texts] + [p.file for p in archive.problems]
        if any(os.path.realpath(name) == target for name in read_here):
            # --force replaces an earlier skeleton elsewhere, never the notes of a meeting
            raise UsageError("is one of the notes of the archive; give another name", args.output)
    real = os.path.realpath(notes)
    pairs = [(name, m) for name, m in archive.notes if os.path.realpath(name) != real]
    pairs.append((str(notes), record_of(meeting)))
    ledger = ledger_of_records(pairs, args.as_of or dt.date.today())
    report(archive, ledger)
    text = next_notes(meeting, ledger)
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        from pipeline.atomic import write_text_atomically

        try:
            write_text_atomically(args.output, lambda handle: handle.write(text))
        except OSError as error:
            say(f"minutes next: {args.output}: cannot write: {error.strerror or error}")
            return EXIT_FINDINGS
    return EXIT_FINDINGS if archive.problems or archive.folder_problems else EXIT_OK
