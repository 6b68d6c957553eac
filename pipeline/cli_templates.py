"""``minutes templates validate DIR``: check a company's own Word templates before use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    templates = commands.add_parser(
        "templates",
        help="work with the Word templates",
        description="Work with docxtpl Word templates (a folder holding minutes.docx and tasks.docx).",
    )
    actions = templates.add_subparsers(dest="templates_command", metavar="ACTION")
    validate = actions.add_parser(
        "validate",
        help="report what the build would refuse in a template folder",
        description=(
            "Report everything the build would refuse: a .docx that is too large, a zip bomb, "
            "parts a Word document does not have or with unsafe names; template syntax errors, "
            "unsafe attribute access and variables the render context does not provide, each "
            "with the file, part, paragraph and its text; and, when those are fine, a trial "
            "render with a sample meeting that runs away (time, loops, size). "
            "Exit status 0 when the folder is fine, 1 when there are problems."
        ),
    )
    validate.add_argument("directory", type=Path, metavar="DIR", help="folder with minutes.docx and tasks.docx")
    validate.set_defaults(func=run_validate)
    init = actions.add_parser(
        "init",
        help="copy the built-in templates into a folder, to start your own",
        description=(
            "Copy the built-in minutes.docx, tasks.docx and VARIABLES.md (the variables a "
            "template may use) into DIR, to start a company's own templates. DIR must be "
            "empty or new; with --force the files are added to a folder holding others, "
            "but no file already there is ever replaced. Exit status 0 when every file is "
            "in place, 2 when something was refused."
        ),
    )
    init.add_argument("directory", type=Path, metavar="DIR", help="the new templates folder")
    init.add_argument(
        "--profile",
        choices=PROFILES,
        default="business",
        help="which built-in templates to start from (default: business)",
    )
    init.add_argument(
        "--force",
        action="store_true",
        help="also into a folder that is not empty (files already there are never replaced)",
    )
    init.set_defaults(func=run_init)
    templates.set_defaults(func=lambda args: _help(templates))


PROFILES = ("business", "gbt9704", "tw")
INIT_FILES = ("minutes.docx", "tasks.docx", "VARIABLES.md")


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_validate(args: argparse.Namespace) -> int:
    from renderers.validate import validate_template_dir

    problems = validate_template_dir(args.directory)
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    if problems:
        sys.stdout.write(f"{len(problems)} problem(s) in {args.directory}\n")
        return 1
    sys.stdout.write(f"{args.directory}: minutes.docx and tasks.docx are fine\n")
    return 0


def _sources(profile: str) -> dict[str, Path]:
    from word_templates import TEMPLATES_ROOT, profile_dir

    folder = profile_dir(profile)
    return {
        "minutes.docx": folder / "minutes.docx",
        "tasks.docx": folder / "tasks.docx",
        "VARIABLES.md": TEMPLATES_ROOT / "VARIABLES.md",
    }


def run_init(args: argparse.Namespace) -> int:
    """Copy the built-in templates; never replace a file this command did not write."""
    from pipeline.check.output import escape_control
    from pipeline.errors import MinutesError

    target: Path = args.directory
    shown = escape_control(str(target))
    if target.exists() and not target.is_dir():
        raise MinutesError("is not a folder", shown)
    try:
        existing = sorted(p.name for p in target.iterdir()) if target.is_dir() else []
    except OSError as error:
        raise MinutesError(f"cannot read the folder: {error.strerror}", shown) from None
    if existing and not args.force:
        raise MinutesError(
            f"the folder is not empty ({len(existing)} entries); give an empty or new folder, "
            "or --force to add the templates beside them",
            shown,
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MinutesError(f"cannot create the folder: {error.strerror}", shown) from None
    refused = 0
    for name, source in _sources(args.profile).items():
        destination = target / name
        data = source.read_bytes()
        try:
            # "x": created here or not at all, so a file already there (even one that
            # appeared a moment ago, or a symlink) is never replaced
            with destination.open("xb") as out:
                out.write(data)
        except FileExistsError:
            if destination.is_file() and not destination.is_symlink() and destination.read_bytes() == data:
                sys.stdout.write(f"{escape_control(str(destination))}: already the built-in one\n")
                continue
            refused += 1
            sys.stderr.write(
                f"minutes: {escape_control(str(destination))}: already exists; left as it is\n"
            )
            continue
        except OSError as error:
            refused += 1
            sys.stderr.write(f"minutes: {escape_control(str(destination))}: cannot write: {error.strerror}\n")
            continue
        sys.stdout.write(f"{escape_control(str(destination))}: written\n")
    if refused:
        return 2
    sys.stdout.write(
        f"edit them in Word, then: minutes templates validate {shown} && "
        f"minutes build NOTES --template-dir {shown}\n"
    )
    return 0
