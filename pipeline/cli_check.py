"""``minutes check FILE_OR_DIR...``: point at vague wording and incomplete tasks before sending."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "check",
        help="check notes for vague wording and incomplete action items",
        description=(
            "Check meeting notes before they are sent: vague wording, action items without "
            "exactly one owner, a date or a completion standard, unfilled template placeholders. "
            "Exit status: 0 no error, 1 errors found (--strict: or warnings), 2 bad usage or "
            "unreadable input."
        ),
    )
    cmd.add_argument(
        "paths", nargs="+", metavar="FILE_OR_DIR", help="notes files or folders (*.md)"
    )
    cmd.add_argument(
        "--format", choices=("text", "json", "sarif"), default="text", help="output format"
    )
    cmd.add_argument("--strict", action="store_true", help="warnings also make the exit status 1")
    cmd.add_argument(
        "--config", type=Path, help="a minutes.toml (default: the nearest one above each file)"
    )
    cmd.add_argument("--encoding", help="the files' encoding (default: detected)")
    cmd.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: on a terminal, unless NO_COLOR is set)",
    )
    cmd.set_defaults(func=run)


def _notes_files(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The files to check and one error line per path that does not exist."""
    from pipeline.notes_files import notes_under

    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(notes_under(path))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{raw}: no such file or folder")
    return files, problems


def run(args: argparse.Namespace) -> int:
    from pipeline.cli import collector_paused

    with collector_paused():
        import parsers.markdown_notes  # noqa: F401  (load_meeting's parser: import it now)
        from parsers import load_meeting
        from pipeline.check import check_meeting, find_config, load_config
        from pipeline.check.output import (
            format_findings_json,
            format_findings_sarif,
            format_findings_text,
            summary_line,
            use_color,
        )
        from pipeline.errors import MinutesError

    fixed_config = load_config(args.config) if args.config is not None else None
    files, problems = _notes_files(args.paths)
    failed = bool(problems)
    for problem in problems:
        sys.stderr.write(f"minutes: {problem}\n")

    findings = []
    checked = 0
    reported: set[str] = set()
    for path in files:
        try:
            config = fixed_config or load_config(find_config(path))
            meeting, source = load_meeting(path, args.encoding, config.date_order)
            findings.extend(check_meeting(meeting, source, str(path), config))
            checked += 1
        except MinutesError as error:
            failed = True
            if str(error) not in reported:  # a bad minutes.toml is said once, not per file
                reported.add(str(error))
                sys.stderr.write(f"minutes: {error}\n")
        except Exception as error:  # one broken file never stops the others
            failed = True
            sys.stderr.write(f"minutes: {path}: cannot check: {type(error).__name__}: {error}\n")

    if args.format == "json":
        text = format_findings_json(findings)
    elif args.format == "sarif":
        text = format_findings_sarif(findings)
    else:
        text = format_findings_text(findings, color=use_color(args.color))
        if checked:
            summary = summary_line(findings, checked)
            text = f"{text}\n{summary}" if text else summary
    if text:
        sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
        sys.stdout.flush()

    if failed:
        return EXIT_USAGE
    counted = {"error", "warning"} if args.strict else {"error"}
    return EXIT_FINDINGS if any(f.severity in counted for f in findings) else EXIT_OK
