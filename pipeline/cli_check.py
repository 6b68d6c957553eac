"""``minutes check FILE_OR_DIR...``: point at vague wording and incomplete tasks before sending."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.check import CheckConfig, Finding

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
        "paths",
        nargs="+",
        metavar="FILE_OR_DIR",
        help="notes files or folders (*.md); - reads the notes from standard input",
    )
    cmd.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github"),
        default="text",
        help="output format (github: annotations in a GitHub Actions log)",
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
    cmd.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="with -, the name to give the notes in findings (and where minutes.toml is looked for)",
    )
    cmd.set_defaults(func=run)


def _notes_files(paths: list[str]) -> tuple[list[Path], list[str], list[str]]:
    """The files to check, one error line per path that does not exist, and the
    folders that hold no notes."""
    from pipeline.notes_files import notes_under

    files: list[Path] = []
    problems: list[str] = []
    empty: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = list(notes_under(path))
            files.extend(found)
            if not found:
                empty.append(raw)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{raw}: no such file or folder")
    return files, problems, empty


def _check_stdin(args: argparse.Namespace, fixed_config: CheckConfig | None) -> list[Finding]:
    """The findings for the notes on standard input, named by ``--stdin-filename``."""
    from parsers import meeting_from_text
    from pipeline.check import check_meeting, find_config, load_config
    from pipeline.cli_parse import STDIN_NAME, _stdin_text

    name = args.stdin_filename or STDIN_NAME
    # the minutes.toml of the folder the notes are said to be in (of this folder without a name)
    config = fixed_config or load_config(find_config(name))
    source = _stdin_text(args)
    meeting = meeting_from_text(source, name, config.date_order)
    return check_meeting(meeting, source, name, config)


def run(args: argparse.Namespace) -> int:
    from pipeline.cli import collector_paused

    with collector_paused():
        import parsers.markdown_notes  # noqa: F401  (load_meeting's parser: import it now)
        from parsers import load_meeting
        from pipeline.check import check_meeting, find_config, load_config
        from pipeline.check.output import (
            escape_control,
            format_findings_github,
            format_findings_json,
            format_findings_sarif,
            format_findings_text,
            summary_line,
            use_color,
        )
        from pipeline.errors import MinutesError, UsageError

    def say(line: str) -> None:
        """One line on stderr; a file name cannot break it into two."""
        sys.stderr.write(f"minutes: {escape_control(line)}\n")

    from pipeline.cli_parse import STDIN

    stdin = args.paths.count(STDIN)
    if stdin > 1:
        raise UsageError("- (standard input) can be given once")
    if args.stdin_filename and not stdin:
        raise UsageError("--stdin-filename names notes read from -, not a file")
    fixed_config = load_config(args.config) if args.config is not None else None
    files, problems, empty = _notes_files([p for p in args.paths if p != STDIN])
    failed = bool(problems)
    for problem in problems:
        say(problem)
    for folder in empty:
        say(f"no notes found in {folder}")  # not an error: nothing there to check

    findings: list[Finding] = []
    checked = 0
    reported: set[str] = set()
    if stdin:
        try:
            findings.extend(_check_stdin(args, fixed_config))
            checked += 1
        except MinutesError as error:
            failed = True
            say(str(error))
    task_ids = _TaskIds(args.encoding)
    for path in files:
        try:
            config = fixed_config or load_config(find_config(path))
            meeting, source = load_meeting(path, args.encoding, config.date_order)
            findings.extend(check_meeting(meeting, source, str(path), config))
            task_ids.add(path, meeting, source, config)
            checked += 1
        except MinutesError as error:
            failed = True
            if str(error) not in reported:  # a bad minutes.toml is said once, not per file
                reported.add(str(error))
                say(str(error))
        except Exception as error:  # one broken file never stops the others
            failed = True
            say(f"{path}: cannot check: {type(error).__name__}: {error}")

    if task_ids.pending:
        found, used = task_ids.unknown()
        # a comment that silenced an unknown-task-id was not unused after all
        findings = [
            f for f in findings if not (f.rule == "unused-suppression" and (f.file, f.line, f.column) in used)
        ]
        findings.extend(found)
        findings.sort(key=lambda f: (f.file, f.line, f.column))
    if args.format == "json":
        text = format_findings_json(findings)
    elif args.format == "sarif":
        text = format_findings_sarif(findings)
    elif args.format == "github":
        text = format_findings_github(findings)
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


class _TaskIds:
    """``unknown-task-id``: an update naming a task id that no notes checked, nor any
    other notes in the update's folder, assign. The folder's other notes are read
    through the ledger's index, and only when an id is not among the notes checked."""

    def __init__(self, encoding: str | None):
        self.encoding = encoding
        self.known: set[str] = set()
        self.checked: set[str] = set()
        # (path, meeting, source, config) of notes whose updates name ids
        self.pending: list[tuple[Path, Any, str, CheckConfig]] = []

    def add(self, path: Path, meeting: Any, source: str, config: CheckConfig) -> None:
        import os

        self.checked.add(os.path.abspath(path))
        self.known.update(item.id for item in meeting.action_items if item.id)
        if any(update.task_id for update in meeting.task_updates) and not config.is_off(RULE):
            self.pending.append((path, meeting, source, config))

    def _missing(self) -> set[str]:
        return {
            update.task_id.lstrip("#")
            for _, meeting, _, _ in self.pending
            for update in meeting.task_updates
            if update.task_id and update.task_id.lstrip("#") not in self.known
        }

    def _read_folders(self) -> None:
        """Add the ids of the notes beside the notes checked (those not checked already)."""
        import os

        from pipeline.ledger.archive import read_archive
        from pipeline.ledger.index import NoteIndex, index_path
        from pipeline.notes_files import is_notes_name

        folders = sorted({os.path.dirname(os.path.abspath(path)) for path, _, _, _ in self.pending})
        for folder in folders:
            try:
                names = sorted(name for name in os.listdir(folder) if is_notes_name(name))
            except OSError:
                continue
            others = [
                Path(folder) / name
                for name in names
                if os.path.join(folder, name) not in self.checked
            ]
            if not others:
                continue
            index = NoteIndex(index_path([Path(folder)]))
            try:
                archive = read_archive(others, index, self.encoding, keep=lambda _: True)
            finally:
                index.close()
            for _, record in archive.notes:
                self.known.update(task["id"] for task in record["tasks"] if task["id"])

    def unknown(self) -> tuple[list[Finding], set[tuple[str, int, int]]]:
        """The findings, and where comments naming the rule silenced one of them
        (file, line, column of the rule's name), which are then no unused comments."""
        from pipeline.check import Finding
        from pipeline.check.catalog import RULES, message
        from pipeline.check.suppress import Suppressions

        if self._missing():
            self._read_folders()
        findings: list[Finding] = []
        used: set[tuple[str, int, int]] = set()
        for path, meeting, source, config in self.pending:
            lines = source.splitlines()
            suppressions = Suppressions(lines) if "minutes-" in source else None
            severity = config.severity_of(RULE, RULES[RULE].severity)
            for update in meeting.task_updates:
                task_id = update.task_id.lstrip("#")
                if not task_id or task_id in self.known:
                    continue
                if suppressions and suppressions.is_suppressed(update.line, RULE):
                    used.update(
                        (str(path), directive.line, column)
                        for directive in suppressions.directives
                        for name, column in directive.names
                        if name == RULE
                    )
                    continue
                text = lines[update.line - 1] if update.line <= len(lines) else ""
                column = text.find(task_id) + 1
                findings.append(
                    Finding(
                        file=str(path),
                        line=update.line,
                        column=max(column, 1),
                        rule=RULE,
                        severity=severity,  # type: ignore[arg-type]
                        message=message(RULE, meeting.language, id=task_id),
                        suggestion=message(f"{RULE}.suggestion", meeting.language),
                        end_column=column + len(task_id) if column else 0,
                    )
                )
        return findings, used


RULE = "unknown-task-id"
