"""The ``minutes`` command line.

Each sub-command lives in its own ``cli_*`` module exposing ``register(subparsers)``.
Registration must stay cheap: heavy imports (docx, markdown-it, pydantic) belong
inside the command functions so that ``minutes check`` starts fast.
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from pipeline import __version__
from pipeline.errors import MinutesError
from pipeline.signals import exit_status_for, handle_sigterm, signals_ignored

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line and exits 2.

    Abbreviated options are off (``--str`` is not ``--strict``): an option added
    later would silently change what an old abbreviation means. A mistyped option
    gets a second line, ``did you mean --strict?``, from the options of this
    parser and of its sub-commands.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        from pipeline.check.output import escape_control

        sys.stderr.write(f"{self.prog}: error: {escape_control(message)}\n")
        hint = self._did_you_mean(message)
        if hint:
            sys.stderr.write(f"{self.prog}: did you mean {hint}?\n")
        raise SystemExit(EXIT_USAGE)

    def _known_options(self) -> list[str]:
        options: list[str] = []
        for action in self._actions:
            options.extend(o for o in action.option_strings if o.startswith("--"))
            if isinstance(action, argparse._SubParsersAction):
                for sub in dict.fromkeys(action.choices.values()):
                    if isinstance(sub, _Parser):
                        options.extend(sub._known_options())
        return list(dict.fromkeys(options))

    def _did_you_mean(self, message: str) -> str:
        """The known option closest to the first unrecognised one, or ""."""
        import difflib

        prefix = "unrecognized arguments: "
        if not message.startswith(prefix):
            return ""
        known = self._known_options()
        for word in message[len(prefix) :].split():
            if word.startswith("-") and word != "-":
                option = word.split("=", 1)[0]
                if not option.startswith("--"):
                    option = "-" + option  # -strict: the user meant --strict
                close = difflib.get_close_matches(option, known, n=1, cutoff=0.6)
                if close:
                    return close[0]
        return ""


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a command's start-up imports with the cyclic garbage collector paused.

    Importing pydantic, markdown-it and the parsers allocates a few hundred
    thousand objects and no garbage, so the collector's passes over them are
    wasted: about a tenth of a cold ``minutes check``. When something was
    imported, those long-lived objects are then frozen, so that later
    collections and the one at interpreter exit skip them.
    """
    was_enabled = gc.isenabled()
    modules_before = len(sys.modules)
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if len(sys.modules) > modules_before:
                gc.freeze()
            gc.enable()


COMMANDS = ("parse", "check", "build", "templates", "ledger", "next")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; ``only`` registers that one sub-command, for a line that names it.

    The line ``minutes check …`` never shows the other commands, and describing
    them to argparse is a few ms of every start.
    """
    from pipeline import cli_build, cli_check, cli_ledger, cli_parse, cli_templates

    parser = _Parser(
        prog="minutes",
        description="Meeting notes (Markdown) to checked, official Word minutes and task documents.",
    )
    parser.add_argument("--version", action="version", version=f"minutes {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    registers: tuple[Any, ...] = (
        cli_parse.register,
        cli_check.register,
        cli_build.register,
        cli_templates.register,
        cli_ledger.register_ledger,
        cli_ledger.register_next,
    )
    for name, register in zip(COMMANDS, registers, strict=True):
        if only is None or name == only:
            register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line (None: ``sys.argv``); the exit status.

    SIGTERM stops a command as Ctrl-C does, from the first moment: exit status 130
    after Ctrl-C, 143 after SIGTERM. Called with ``argv`` (from Python, not as the
    ``minutes`` program), the SIGTERM handler it had is put back at the end.

    As the program, ``minutes build`` starts with the cyclic garbage collector off (the
    start-up imports and template preparation allocate much and free nothing; see
    :func:`collector_paused`); the build turns it on once the first note is done.
    What is still alive at the end dies with the process: it is frozen so that the
    interpreter does not walk it once more on the way out (files are closed and the
    output streams flushed all the same).
    """
    previous = handle_sigterm()
    arguments = list(sys.argv[1:] if argv is None else argv)
    paused = argv is None and arguments[:1] == ["build"] and gc.isenabled()
    if paused:
        gc.disable()
    try:
        if argv is None:  # as the program: regular expressions from the per-user cache
            from pipeline import pattern_cache

            pattern_cache.install()
        return _main(arguments, paused)
    except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM before a command could handle it
        with signals_ignored():
            if arguments[:1] == ["build"]:
                from pipeline import cli_build

                # The summary (of nothing done) and the report, as for a later interruption.
                return cli_build.stopped_before_start(arguments, stop)
            sys.stderr.write("minutes: interrupted\n")
            return exit_status_for(stop)
    finally:
        if argv is not None and previous is not None:
            with suppress(ValueError, TypeError):
                signal.signal(signal.SIGTERM, previous)
        if paused:
            gc.freeze()


def resume_collector() -> None:
    """Turn the collector back on after a paused start-up, leaving what the start-up
    made (modules, compiled templates) out of its passes."""
    gc.freeze()
    gc.enable()


def _main(arguments: list[str], collector_paused: bool = False) -> int:
    named = arguments[0] if arguments and arguments[0] in COMMANDS else None
    parser = build_parser(only=named)
    args = parser.parse_args(arguments)
    args.collector_paused = collector_paused
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except MinutesError as error:
        sys.stderr.write(f"minutes: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
