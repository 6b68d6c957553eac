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
        help="report syntax errors and unknown variables in a template folder",
        description=(
            "Report template syntax errors, unsafe attribute access and variables the render "
            "context does not provide, each with the file, part, paragraph and its text. "
            "Exit status 0 when the folder is fine, 1 when there are problems."
        ),
    )
    validate.add_argument("directory", type=Path, metavar="DIR", help="folder with minutes.docx and tasks.docx")
    validate.set_defaults(func=run_validate)
    templates.set_defaults(func=lambda args: _help(templates))


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
