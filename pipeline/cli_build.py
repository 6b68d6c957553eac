"""``minutes build``: notes files and whole archives into Word minutes and task sheets."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from signal import SIGTERM
from typing import TYPE_CHECKING, Any

from pipeline.cli_arguments import job_count
from pipeline.signals import (
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    exit_status_for,
    ignore_signals,
    restore_signals,
)

if TYPE_CHECKING:
    from pipeline.batch import BatchRunner, BuildOptions, Summary

def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "build",
        help="build notes files or whole folders into Word minutes and task sheets",
        description=(
            "Build each notes file into <stem>.minutes.docx and <stem>.tasks.docx. "
            "Folders are searched for *.md recursively (hidden folders and README.md skipped) and "
            "their layout is mirrored under OUT_DIR. The checker runs first on every "
            "note; notes built before with the same content, templates and options are "
            "skipped (see --force)."
        ),
        epilog=(
            "exit status: 0 all built or unchanged, 1 some notes failed (the others are "
            "built) or a folder could not be read or --pdf found no LibreOffice (the .docx "
            "are written), 2 bad usage, a broken minutes.toml or "
            "template, or another build writing into the same folder (nothing is built), "
            "130 Ctrl-C, 143 SIGTERM (the summary so far and the report are written); "
            "MINUTES_START_METHOD=spawn starts the workers as on Windows and macOS"
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", type=Path, metavar="NOTES_OR_FOLDER", help="notes files and folders"
    )
    parser.add_argument(
        "-o",
        "--out",
        dest="out_dir",
        type=Path,
        metavar="OUT_DIR",
        help="where the documents go (default: next to each notes file)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=job_count,
        metavar="N",
        help="worker processes (default: every core; 1 builds in this process)",
    )
    parser.add_argument(
        "--profile",
        choices=("business", "gbt9704", "tw"),
        help=(
            "document style: business (default, or [build] profile in minutes.toml), "
            "gbt9704 (GB/T 9704 official layout) or tw (Taiwan's 會議紀錄)"
        ),
    )
    parser.add_argument("--template-dir", type=Path, metavar="DIR", help="custom Word templates")
    parser.add_argument("--encoding", metavar="ENC", help="notes encoding (default: detected)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="checker configuration")
    parser.add_argument(
        "--strict",
        action="store_true",
        default=None,
        help="refuse to build notes the checker finds errors in (also [build] strict)",
    )
    parser.add_argument(
        "--pdf",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=(
            "also write <stem>.minutes.pdf and <stem>.tasks.pdf (PDF/A-2b) through LibreOffice"
            " (also [build] pdf; --no-pdf: not); LibreOffice is looked for in MINUTES_SOFFICE,"
            " on the PATH, then where it installs on Windows and macOS"
        ),
    )
    parser.add_argument(
        "--force", action="store_true", help="rebuild every note, even unchanged ones"
    )
    parser.add_argument("--report", type=Path, metavar="FILE", help="write the summary as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import time

    started = time.monotonic()
    runner: BatchRunner | None = None
    report_checked = False
    handlers: tuple[Any, Any] | None = None
    try:
        from pipeline.batch import BatchRunner, BatchSettings, BuildOptions, check_report
        from pipeline.build import build_one
        from pipeline.errors import UsageError

        if args.template_dir is not None and not args.template_dir.is_dir():
            raise UsageError("no such template folder", args.template_dir)
        if args.config is not None and not args.config.is_file():
            raise UsageError("no such checker configuration file", args.config)
        if args.encoding is not None:
            import codecs

            try:
                codecs.lookup(args.encoding)
            except LookupError:
                raise UsageError(f"unknown encoding {args.encoding!r}") from None

        _apply_build_defaults(args)
        if args.report is not None:
            check_report(args.report, list(args.inputs), args.out_dir, _others(args))
        report_checked = True

        options = BuildOptions(
            profile=args.profile,
            template_dir=args.template_dir,
            encoding=args.encoding,
            strict=args.strict,
            config=args.config,
        )
        settings = BatchSettings(
            inputs=list(args.inputs),
            out_dir=args.out_dir,
            jobs=args.jobs,
            force=args.force,
            options=options,
            keep_lists=args.report is not None,
            pdf=args.pdf,
        )
        from pipeline.terminal import ansi_terminal

        runner = BatchRunner(
            settings,
            build_one,
            # the bar redraws in place with escape sequences: only where they are understood
            interactive=None if ansi_terminal() else False,
            format_findings=_format_findings,
            warm_up=_warm_up(options),
            started=_resume_collector if getattr(args, "collector_paused", False) else None,
        )
        summary = runner.run()
        handlers = ignore_signals()  # what follows is short and must not be cut in half
    except KeyboardInterrupt as stop:
        # Ctrl-C or SIGTERM before the batch itself could catch it: the summary so far.
        handlers = ignore_signals()
        summary = _stopped_summary(runner, stop, time.monotonic() - started)
        if args.report is not None and not report_checked:
            report_checked = _report_allowed(args)
    try:
        return _finish(args, summary, report_checked)
    finally:
        restore_signals(handlers)


def _apply_build_defaults(args: argparse.Namespace) -> None:
    """Fill what the command line left open from ``[build]`` of the ``minutes.toml`` given
    with ``--config``, or else the one the first input would use; the command line wins."""
    from pipeline.batch import config_or_refuse
    from pipeline.check.config import find_config
    from pipeline.errors import UsageError

    first = args.inputs[0]
    found = args.config or find_config(first / "notes.md" if first.is_dir() else first)
    defaults = config_or_refuse(found).build if found is not None else None
    if defaults is not None:
        if args.profile is None:
            args.profile = defaults.profile
        if args.template_dir is None and defaults.template_dir is not None:
            if not defaults.template_dir.is_dir():
                raise UsageError("no such template folder ([build] template_dir)", found)
            args.template_dir = defaults.template_dir
        if args.strict is None:
            args.strict = defaults.strict
        if getattr(args, "pdf", None) is None:
            args.pdf = defaults.pdf
    args.profile = args.profile or "business"
    args.strict = bool(args.strict)
    args.pdf = bool(getattr(args, "pdf", None))


def stopped_before_start(arguments: list[str], stop: BaseException) -> int:
    """Ctrl-C or SIGTERM before ``run`` began: the summary of nothing done, and the report."""
    from pipeline.cli import build_parser

    try:
        args = build_parser(only="build").parse_args(arguments)
    except SystemExit:  # bad usage: there is no build to sum up
        return exit_status_for(stop)
    return _finish(args, _stopped_summary(None, stop, 0.0), _report_allowed(args))


def _others(args: argparse.Namespace) -> list[Path | None]:
    """Files named on the command line besides the inputs (never replaced by the report)."""
    return [args.config, *_files_in(args.template_dir)]


def _report_allowed(args: argparse.Namespace) -> bool:
    from pipeline.batch import check_report
    from pipeline.errors import MinutesError

    if args.report is None:
        return False
    try:
        check_report(args.report, list(args.inputs), args.out_dir, _others(args))
    except MinutesError:
        return False
    return True


def _stopped_summary(runner: BatchRunner | None, stop: BaseException, elapsed: float) -> Summary:
    from pipeline.batch import Summary

    summary = runner.summary if runner is not None else Summary()
    summary.interrupted = True
    summary.stopped_by = exit_status_for(stop) - 128
    summary.elapsed = summary.elapsed or elapsed
    return summary


def _finish(args: argparse.Namespace, summary: Summary, report_allowed: bool) -> int:
    """Print the summary, write the report; the exit status."""
    from pipeline.batch import format_summary, write_report

    sys.stdout.write(format_summary(summary, args.out_dir) + "\n")
    sys.stdout.flush()
    written = True
    if args.report is not None and report_allowed:
        try:
            write_report(args.report, summary)
        except OSError as error:
            from pipeline.notes_files import shown

            reason = error.strerror or str(error)
            sys.stderr.write(
                f"minutes build: {shown(args.report)}: cannot write the report: {reason}\n"
            )
            written = False
    if summary.interrupted:
        return EXIT_TERMINATED if summary.stopped_by == SIGTERM else EXIT_INTERRUPTED
    return 1 if summary.failed or summary.problems or not written else 0


def _resume_collector() -> None:
    from pipeline.cli import resume_collector

    resume_collector()


def _files_in(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return [path for path in folder.rglob("*") if path.is_file()]


def _warm_up(options: BuildOptions) -> Callable[[], None]:
    def warm_up() -> None:
        """Import the build code and prepare the templates once, before the workers fork.

        A tiny meeting is parsed, checked and rendered in memory (no file is written), so
        that every lazily imported module, compiled pattern and prepared template is in
        place and shared by the forked workers instead of being redone by each of them.
        """
        import contextlib
        import gc

        with contextlib.suppress(Exception):
            from parsers import parse_notes
            from pipeline.check import run_checks
            from renderers import render_documents

            text = "# warm-up\n\n- [ ] task; owner: A/B; due: 2024-01-02\n"
            meeting = parse_notes(text)
            with contextlib.suppress(Exception):
                run_checks(meeting, text, "warm-up.md", options.config)
            render_documents(meeting, options.profile, options.template_dir)
        # What is imported now stays: keep the collector off those pages so they stay shared.
        gc.freeze()

    return warm_up


def _format_findings(findings: list[object]) -> str:
    import dataclasses

    from pipeline.check.finding import Finding
    from pipeline.check.output import format_findings_text, use_color
    from pipeline.notes_files import shown

    # A file name with a newline or with bytes that are not UTF-8 is shown escaped.
    safe = [
        dataclasses.replace(f, file=shown(f.file)) if isinstance(f, Finding) else f
        for f in findings
    ]
    return format_findings_text(safe, use_color())  # type: ignore[arg-type]
