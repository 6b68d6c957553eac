"""What the reader made of each line of the notes, for ``minutes parse --explain``.

The model is the contract: tasks, decisions, discussion, agenda items and meeting
information are taken from the :class:`~pipeline.model.Meeting` the reader returns,
so the margin shows what the minutes and the task sheet will actually contain.
The reader's cues (``NotesReader.cues``: line → (role, cue)) say *why* a line was
read as it was, and give a role to the lines the model keeps no line number for
(section headings, names listed under a label …). Role names are open strings:
new cues show up as they are, uncoloured until they are given a family here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsers.frontmatter import FrontMatter, split_front_matter
from parsers.markdown_notes import NotesReader, decision_cue
from pipeline.model import ActionItem, Meeting, Person, TaskUpdate
from pipeline.text_width import display_width, pad, truncate

if TYPE_CHECKING:
    from parsers.dates import DateOrder

# The margin never grows past this many columns, so the notes keep most of a 100-column terminal.
MARGIN_WIDTH = 36
SEPARATOR = "│"

_PEOPLE_FIELDS = ("attendees", "observers", "absentees")
# the order meeting information is named in the margin ("info: date, time")
_INFO_ORDER = ("date", "time", "location", "host", "recorder", "project", "status")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)、]|[（(]\d+[)）])\s*(?:\[[ xX]\]\s*)?")
_LABEL_LINE = re.compile(r"(?:\*\*|__)[^*_]{1,30}(?:\*\*|__)[:：]?|[^:：|]{1,30}[:：]")
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_SPAN_ROLES = {
    "discussion": "discussion",
    "resolutions": "decision",
    "disagreements": "disagreement",
}


@dataclass(frozen=True)
class ExplainedLine:
    """One source line: its number, role, the role's detail, the reader's cue and the text.

    ``role`` is empty for a blank line. ``detail`` completes the role in the margin
    (``1`` for "agenda 1", ``→ 张三 · 2024-05-20`` for a task); ``cue`` is the
    reader's reason, when it noted one.
    """

    line: int
    role: str
    detail: str
    cue: str
    source_text: str

    @property
    def margin(self) -> str:
        """The role as the margin shows it: ``task 1 → 张三 · 2024-05-20``, ``ignored: no role``."""
        if not self.role:
            return ""
        if not self.detail:
            return self.role
        if self.detail.startswith(("(", "→")) or self.detail[0].isdigit():
            # "agenda 1", "task 2 done → Ana · 2025-03-05", "attendees (3)"
            return f"{self.role} {self.detail}"
        return f"{self.role}: {self.detail}"


def explain_lines(text: str, date_order: DateOrder | None = None) -> list[ExplainedLine]:
    """Read ``text`` (decoded, LF newlines) and say what each of its lines was read as."""
    reader = NotesReader(text, date_order)
    meeting = reader.read()
    return explain_meeting(text, meeting, reader.cues)


def explain_meeting(
    text: str, meeting: Meeting, cues: dict[int, tuple[str, str]]
) -> list[ExplainedLine]:
    """Each line's role, from the model first and the reader's cues second."""
    source_lines = text.split("\n")
    if source_lines[-1] == "":
        source_lines.pop()  # the final newline ends the last line; it opens no line of its own
    roles = _model_roles(meeting, source_lines)
    listed = _listed_texts(meeting)
    front_matter = _front_matter_roles(split_front_matter(text), roles, len(source_lines))
    unread = set(meeting.unread_lines)
    explained = []
    for number, source in enumerate(source_lines, start=1):
        role_cue = cues.get(number)
        cue = role_cue[1] if role_cue else ""
        if not source.strip():
            explained.append(ExplainedLine(number, "", "", cue, source))
            continue
        claimed = (
            # a line no field took, kept by the reader in the end ("kept: other information")
            (role_cue if role_cue is not None and role_cue[0] == "kept" else None)
            or roles.get(number)
            or front_matter.get(number)
            or _cued(role_cue, meeting, number)
            or _listed(source, listed)
            or _layout(source_lines, number)
        )
        role, detail = claimed or ("ignored", "no role")
        if number in unread:
            role, detail = "unread", "reported (unread-text)"  # text no field holds: the checker says so
        if role == "task update" and cue:
            detail = f"{detail} ({cue})"  # why the line is an update: its section, or its id
        explained.append(ExplainedLine(number, role, detail, cue, source))
    return explained


def _cued(
    role_cue: tuple[str, str] | None, meeting: Meeting, number: int
) -> tuple[str, str] | None:
    """The role the reader noted, unless the model says the line was not used after all."""
    if role_cue is None:
        return None
    role, cue = role_cue
    title_line = meeting.info_lines.get("title")
    if role == "title" and title_line is not None and title_line != number:
        # "# Nova X2 Launch" under front matter that already gave the title
        return ("ignored", f"title given on line {title_line}")
    return role, cue


def _listed_texts(meeting: Meeting) -> list[tuple[str, str]]:
    """(role, text) of the meeting's lists that keep no line numbers: risks, attachments …"""
    texts = [("risk", text) for text in meeting.risks]
    texts += [("attachment", text) for text in meeting.attachments]
    if meeting.next_meeting:
        texts.append(("next meeting", meeting.next_meeting))
    return texts


def _listed(source: str, listed: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The risk, attachment or next meeting a line holds, found by its words.

    The model keeps these as text without line numbers, so the line is matched by
    what it says (list marker taken off) rather than by where it stands.
    """
    words = _LIST_MARKER.sub("", source).strip()
    for role, text in listed:
        # a few characters ("无", "TBD") only when they are the whole entry
        if words == text or (len(words) >= 4 and words in text):
            return role, ""
    return None


def _layout(source_lines: list[str], number: int) -> tuple[str, str] | None:
    """A line that only gives the notes their shape: a heading, a label, a table's header.

    Every heading and label-only line the reader does not keep as text opens a
    section or a sub-section (讨论要点：, **决议**, ## Attachments); a table's header
    names its columns. None of them is content, and none of them is ignored.
    """
    source = source_lines[number - 1].strip()
    if source.startswith("#"):
        return ("section", "heading")
    if _LABEL_LINE.fullmatch(source):
        return ("section", "label")
    if source.startswith("|"):
        below = source_lines[number].strip() if number < len(source_lines) else ""
        if _TABLE_RULE.fullmatch(source) or _TABLE_RULE.fullmatch(below):
            return ("table header", "")
    return None


def _model_roles(meeting: Meeting, source_lines: list[str]) -> dict[int, tuple[str, str]]:
    """Line → (role, detail) for every line the model keeps a line number for.

    Filled from the weakest claim to the strongest, each overwriting the last: meeting
    information, then agenda items, their text, and tasks, which win over everything.
    """
    roles: dict[int, tuple[str, str]] = {}
    roles.update(_info_roles(meeting))
    for index, item in enumerate(meeting.agenda, start=1):
        if item.line is not None:
            roles[item.line] = ("agenda", str(index))
    for item in meeting.other_sections:
        if item.line is not None:
            roles[item.line] = ("section", "no agenda item")
    for item in (*meeting.agenda, *meeting.other_sections):
        for span in item.spans:
            role = _SPAN_ROLES.get(span.field, span.field)
            for number in range(span.line, min(span.end_line, len(source_lines)) + 1):
                source = source_lines[number - 1]
                roles[number] = (role, _decision_word(source) if role == "decision" else "")
    continued: dict[int, tuple[str, str]] = {}
    first: dict[int, tuple[str, str]] = {}
    for number, action in enumerate(meeting.action_items, start=1):
        first[action.line] = ("task", f"{number}{_done(action)} {_task_detail(action)}")
        for line in range(action.line + 1, (action.end_line or action.line) + 1):
            continued.setdefault(line, ("task", f"{number} (cont.)"))
    # a task's own line beats the continuation of the task it is nested in
    roles.update(continued)
    roles.update(first)
    for update in meeting.task_updates:
        roles[update.line] = ("task update", _update_detail(update))
    return roles


def _update_detail(update: TaskUpdate) -> str:
    """``#Q3-7 done · 2024-07-20``: which task, its new status and due date, as read."""
    parts = [f"#{update.task_id}" if update.task_id else "by its words"]
    if update.status is not None:
        parts.append(update.status)
    detail = " ".join(parts)
    if update.due is not None:
        detail += f" · {update.due.isoformat()}"
    elif update.due_text:
        detail += f" · {update.due_text}?"
    return detail


def _info_roles(meeting: Meeting) -> dict[int, tuple[str, str]]:
    """Title, meeting-information and people lines, from ``info_lines`` and the absentees."""
    fields_by_line: dict[int, list[str]] = {}
    for field, line in meeting.info_lines.items():
        name = "time" if field in ("start_time", "end_time") else field
        names = fields_by_line.setdefault(line, [])
        if name not in names:
            names.append(name)
    roles: dict[int, tuple[str, str]] = {}
    for absentee in meeting.absentees:
        if absentee.line is not None:
            roles[absentee.line] = ("absentees", "")
    for line, names in fields_by_line.items():
        people = [name for name in names if name in _PEOPLE_FIELDS]
        others = sorted(
            (name for name in names if name not in _PEOPLE_FIELDS and name != "title"),
            key=lambda name: _INFO_ORDER.index(name) if name in _INFO_ORDER else len(_INFO_ORDER),
        )
        if people:
            roles[line] = (people[0], f"({_people_count(meeting, people[0])})")
        elif others:
            roles[line] = ("info", ", ".join(others))
        elif "title" in names:
            roles[line] = ("title", "")
    return roles


def _people_count(meeting: Meeting, field: str) -> int:
    if field == "absentees":
        return len(meeting.absentees)
    wanted = "observer" if field == "observers" else "attendee"
    return sum(1 for attendee in meeting.attendees if attendee.role == wanted)


def _front_matter_roles(
    matter: FrontMatter, roles: dict[int, tuple[str, str]], line_count: int
) -> dict[int, tuple[str, str]]:
    """The front matter's fences, the lines that continue a key's value, and the keys not read.

    ``roles`` are the model's roles of the key lines. A key's value may run over several
    lines (a YAML list of attendees); those lines take the key's role. A key the reader
    did not read is ignored, and so is its value.
    """
    size = min(matter.line_count, line_count)
    if not size:
        return {}
    key_lines = sorted(matter.lines.items(), key=lambda pair: pair[1])
    fence_and_values: dict[int, tuple[str, str]] = {
        1: ("front matter", "start"),
        size: ("front matter", "end"),
    }
    for position, (key, line) in enumerate(key_lines):
        last = key_lines[position + 1][1] - 1 if position + 1 < len(key_lines) else size - 1
        if line in roles:
            continuation = (roles[line][0], "(cont.)")
        else:
            fence_and_values[line] = ("ignored", f"key {key} not used")
            continuation = ("ignored", f"value of {key}")
        for number in range(line + 1, last + 1):
            fence_and_values[number] = continuation
    return fence_and_values


def _decision_word(source: str) -> str:
    """``(通过)``: the word that made the line a decision, when the line itself has one."""
    word = decision_cue(source)
    return f"({word})" if word else ""


def _done(action: ActionItem) -> str:
    return " done" if action.status == "done" else ""


def _task_detail(action: ActionItem) -> str:
    """``→ 张经理 +1 · 2024-05-20``: the owner, how many share the task, the deadline."""
    owner = _person(action.owner) if action.owner is not None else "no owner"
    if action.co_owners:
        owner += f" +{len(action.co_owners)}"
    if action.due is not None:
        due = action.due.isoformat()
    elif action.due_text:
        due = f"{action.due_text}?"  # written, but not read as a date
    else:
        due = "no date"
    return f"→ {owner} · {due}"


def _person(person: Person) -> str:
    # the name alone keeps the deadline in the margin; the department is in the line itself
    return person.name or person.department or "?"


# ---------------------------------------------------------------- display


def fit(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` columns, or cut to it with ``…``."""
    return pad(truncate(text, width), width)


# one colour per family of roles; roles not listed here (new cues) stay uncoloured
_FAMILIES = {
    "title": "info",
    "info": "info",
    "front matter": "info",
    "attendees": "people",
    "observers": "people",
    "absentees": "people",
    "agenda": "agenda",
    "section": "agenda",
    "decisions": "agenda",
    "discussion": "discussion",
    "decision": "decision",
    "disagreement": "disagreement",
    "risk": "disagreement",
    "attachment": "info",
    "next meeting": "info",
    "table header": "agenda",
    "task": "task",
    "task update": "task",
    "ignored": "ignored",
    "kept": "discussion",
    "unread": "disagreement",
}
_FAMILY_COLOURS = {
    "info": "\033[36m",  # cyan
    "people": "\033[35m",  # magenta
    "agenda": "\033[1;34m",  # bold blue
    "discussion": "\033[34m",  # blue
    "decision": "\033[32m",  # green
    "disagreement": "\033[31m",  # red
    "task": "\033[33m",  # yellow
    "ignored": "\033[2m",  # dim
}
_DIM, _RESET = "\033[2m", "\033[0m"


def role_colour(role: str) -> str:
    """The ANSI colour of a role's family, or "" for a role without one."""
    return _FAMILY_COLOURS.get(_FAMILIES.get(role, ""), "")


def format_explained(lines: Sequence[ExplainedLine], color: bool = False) -> str:
    """The notes with a margin: line number, role, ``│``, the line exactly as written."""
    number_width = len(str(lines[-1].line)) if lines else 1
    margin_width = min(MARGIN_WIDTH, max((display_width(line.margin) for line in lines), default=0))
    return "\n".join(_format_line(line, number_width, margin_width, color) for line in lines)


def _format_line(line: ExplainedLine, number_width: int, margin_width: int, color: bool) -> str:
    number = str(line.line).rjust(number_width)
    margin = fit(line.margin, margin_width)
    separator = SEPARATOR
    colour = role_colour(line.role)
    if color:
        number, separator = f"{_DIM}{number}{_RESET}", f"{_DIM}{separator}{_RESET}"
        margin = f"{colour}{margin}{_RESET}" if colour else margin
    # the notes exactly as written: a blank line adds no trailing space of its own
    source = f" {line.source_text}" if line.source_text else ""
    return f"{number} {margin} {separator}{source}"
