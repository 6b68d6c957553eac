"""Static check of a template folder: syntax errors, unsafe attributes, unknown variables.

Each problem names the file, the part (``word/document.xml``, a header or
footer), the paragraph (and table) and the paragraph's text, so a company can
fix its own template in Word. Variables are checked against the render
context of a fully filled-in sample meeting, following ``{% for %}`` loops
into their elements (``a.owner`` inside ``{%tr for a in actions %}``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from pipeline.errors import MinutesError
from pipeline.model import (
    Absentee,
    ActionItem,
    AgendaItem,
    Attendee,
    DatedNote,
    Meeting,
    Person,
)
from renderers import DOCUMENT_KINDS
from renderers.context import build_context
from renderers.engine import (
    ENVIRONMENT,
    PreparedTemplate,
    UnclosedTag,
    describe_location,
    patched_source,
    unsafe_attribute_in,
)

ANY = object()  # a value whose shape the check does not know (filters, calls, loop …)


@dataclass(frozen=True)
class Problem:
    file: Path
    part: str
    where: str
    message: str

    def __str__(self) -> str:
        location = f"{self.part}, {self.where}" if self.where else self.part
        if not location:
            return f"{self.file}: {self.message}"
        return f"{self.file}: {location}: {self.message}"


def sample_context() -> dict[str, Any]:
    """The context of a meeting in which every optional field is filled in."""
    someone = Person(department="D", name="N")
    action = ActionItem(
        task="t",
        owner=someone,
        co_owners=[someone],
        collaborators=[someone],
        start=dt.date(2024, 1, 1),
        due=dt.date(2024, 1, 2),
        description="d",
        milestones=[DatedNote(date=dt.date(2024, 1, 1), text="m")],
        resources=["r"],
        acceptance="a",
        progress=[DatedNote(text="p")],
        risks=["r"],
        notes="n",
        line=1,
        agenda_index=0,
    )
    meeting = Meeting(
        title="T",
        date=dt.date(2024, 1, 1),
        start_time="09:00",
        end_time="10:00",
        location="L",
        project="P",
        host=someone,
        recorder=someone,
        attendees=[Attendee(department="D", name="N"), Attendee(name="O", role="observer")],
        absentees=[Absentee(name="A", reason="R", proxy="X")],
        agenda=[
            AgendaItem(title="A", discussion=["d"], disagreements=["g"], resolutions=["r"])
        ],
        action_items=[action],
        attachments=["a"],
        risks=["r"],
        next_meeting="n",
    )
    return build_context(meeting)


class _Checker:
    def __init__(self, file: Path, part: str, source: str):
        self.file, self.part, self.source = file, part, source
        self.problems: list[Problem] = []
        self.reported: set[tuple[str, int]] = set()

    def report(self, node: nodes.Node, message: str) -> None:
        key = (message, node.lineno)
        if key not in self.reported:
            self.reported.add(key)
            where = describe_location(self.source, node.lineno)
            self.problems.append(Problem(self.file, self.part, where, message))

    def resolve(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        """The sample value an expression stands for; reports names the context lacks."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in ENVIRONMENT.globals:
                return ANY
            self.report(node, f"unknown variable '{node.name}'")
            return ANY
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            base = self.resolve(node.node, scope)
            if isinstance(node, nodes.Getattr):
                key: Any = node.attr
            elif isinstance(node.arg, nodes.Const):
                key = node.arg.value
            else:
                self.walk(node.arg, scope)
                return ANY
            if isinstance(base, dict):
                if key in base:
                    return base[key]
                self.report(node, f"unknown variable '{_dotted(node)}'")
                return ANY
            if isinstance(base, list) and isinstance(key, int):
                return base[key] if -len(base) <= key < len(base) else ANY
            return ANY
        self.walk(node, scope)
        return ANY

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            items = self.resolve(node.iter, scope)
            inner = dict(scope)
            element = items[0] if isinstance(items, list) and items else ANY
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = element
            for target in node.target.find_all(nodes.Name):
                inner[target.name] = ANY
            inner["loop"] = ANY
            if node.test is not None:
                self.walk(node.test, inner)
            for child in node.body:
                self.walk(child, inner)
            for child in node.else_:
                self.walk(child, scope)
            return
        if isinstance(node, nodes.Assign):
            self.walk(node.node, scope)
            names = [node.target] if isinstance(node.target, nodes.Name) else []
            names.extend(node.target.find_all(nodes.Name))
            for name in names:
                scope[name.name] = ANY
            return
        if isinstance(node, nodes.Macro | nodes.CallBlock):
            inner = dict(scope)
            for argument in getattr(node, "args", []):
                inner[argument.name] = ANY
            inner.update(caller=ANY, varargs=ANY, kwargs=ANY)
            for child in node.body:
                self.walk(child, inner)
            if isinstance(node, nodes.Macro):
                scope[node.name] = ANY
            return
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            self.resolve(node, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_dotted(node.node)}[{node.arg.value!r}]"
    return "…"


def check_part(file: Path, part: str, xml: bytes, context: dict[str, Any]) -> list[Problem]:
    try:
        source = patched_source(xml)
    except UnclosedTag as error:
        return [Problem(file, part, error.where, f"syntax error: {error.reason}")]
    except Exception as error:  # lxml's XMLSyntaxError and friends
        return [Problem(file, part, "", f"not well-formed XML: {error}")]
    try:
        ast = ENVIRONMENT.parse(source)
    except TemplateSyntaxError as error:
        where = describe_location(source, error.lineno)
        return [Problem(file, part, where, f"syntax error: {error.message}")]
    checker = _Checker(file, part, source)
    unsafe = unsafe_attribute_in(ast)
    if unsafe is not None:
        checker.problems.append(
            Problem(file, part, "", f"reaches for the Python internal '{unsafe}' (refused)")
        )
    checker.walk(ast, dict(context))
    return checker.problems


def validate_file(file: Path, context: dict[str, Any] | None = None) -> list[Problem]:
    """Every problem in one template file: what the build would refuse, found without building.

    First the zip (size, zip bombs, member names, only Word parts), then each
    templated part (syntax, Python internals, unknown variables), and, when those
    are fine, a trial render with the sample meeting under the trial budget (see
    :func:`trial_render`; a template whose loops or strings run away is reported, not
    waited for).
    """
    from renderers.engine import TEMPLATED_PART, TemplateRefused, prepare, read_template

    context = context if context is not None else sample_context()
    if not file.is_file():
        return [Problem(file, "", "", "missing (a template folder holds minutes.docx and tasks.docx)")]
    try:
        parts = [(name, data) for name, data in read_template(file) if TEMPLATED_PART.match(name)]
    except TemplateRefused as error:
        return [Problem(file, "", "", error.message)]
    if not any(name == "word/document.xml" for name, _ in parts):
        return [Problem(file, "", "", "not a Word document (no word/document.xml)")]
    problems: list[Problem] = []
    for name, xml in parts:
        problems.extend(check_part(file, name, xml, context))
    if problems:
        return problems
    try:
        prepared = prepare(file)
    except TemplateRefused as error:
        return [Problem(file, "", "", error.message)]
    problem = trial_render(prepared, context)
    return [problem] if problem is not None else []


def trial_render(
    prepared: PreparedTemplate, context: dict[str, Any] | None = None
) -> Problem | None:
    """Render a prepared template once with the sample meeting (or ``context``) under the
    trial budget (:meth:`RenderBudget.trial`): the problem, or None when it renders.

    Catches what passes every static check but fails or runs away when rendered (nested
    ``range`` loops, ``'x' * 3000000000``, ``{{ 1 / 0 }}``)."""
    from renderers.engine import RenderBudget, TemplateRefused, render

    context = context if context is not None else sample_context()
    try:
        render(prepared, context, budget=RenderBudget.trial())
    except TemplateRefused as error:
        message = f"trial render with a sample meeting: {error.message}"
        return Problem(prepared.path, "", "", message)
    return None


def validate_template_dir(folder: Path) -> list[Problem]:
    """Every problem in ``folder``'s minutes.docx and tasks.docx (empty list: fine)."""
    if not folder.is_dir():
        raise MinutesError("template folder not found", folder)
    context = sample_context()
    problems: list[Problem] = []
    for kind in DOCUMENT_KINDS:
        problems.extend(validate_file(folder / f"{kind}.docx", context))
    return problems
