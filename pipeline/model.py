"""The meeting model: the one contract between parsers, the checker and renderers.

Parsers produce a :class:`Meeting`; everything downstream reads only this model.
Field names are a public contract (``minutes parse`` prints them as JSON), so
add fields freely but never rename or remove one.

Every piece of text passes through :data:`Text`, which drops characters that
XML 1.0 cannot carry (a stray ``\\x0b`` pasted from a chat window would
otherwise make Word refuse the whole document). Nothing else about the user's
words is changed: no Simplified/Traditional conversion, no trimming of inner
spaces.
"""

# No `from __future__ import annotations` here: with real annotations Pydantic need not
# evaluate each field's type from a string (about 2 ms of every cold start).
import datetime as dt
import re
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# XML 1.0 allows TAB, LF, CR and everything from U+0020 except surrogates and
# U+FFFE/U+FFFF.
_XML_INVALID = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


@cache
def _xml_invalid() -> re.Pattern[str]:
    return re.compile(_XML_INVALID)


def strip_xml_invalid(text: str) -> str:
    """Remove characters that cannot appear in an XML 1.0 document."""
    # Every such character is unprintable (a control, a surrogate or a noncharacter),
    # so printable text, nearly all of it, needs no pattern (nor its compiling at start).
    if text.isprintable():
        return text
    return _xml_invalid().sub("", text)


Text = Annotated[str, AfterValidator(strip_xml_invalid)]
"""A piece of the user's text, safe to place in a .docx."""

ClockTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
"""A time of day as HH:MM."""

Language = Literal["zh-Hans", "zh-Hant", "en"]
MeetingStatus = Literal["draft", "final"]
ActionStatus = Literal["not_started", "in_progress", "done", "delayed", "needs_support", "cancelled"]
AttendeeRole = Literal["attendee", "observer"]
TextField = Literal["discussion", "disagreements", "resolutions"]
AgendaPart = Literal["report", "discussion", "extempore"]
"""Which part of a formal record an agenda item belongs to: a report (報告事項), a matter
for discussion (討論事項) or an extempore motion (臨時動議)."""


# Default factories are plain functions rather than the builtins list and dict:
# Pydantic reads each factory's signature when the classes are built, and for a
# builtin that means tokenising its text signature (about 5 ms of every cold
# `minutes check`).
def _empty_list() -> list[Any]:
    return []


def _empty_dict() -> dict[str, Any]:
    return {}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Person(_Model):
    """Someone named in the notes: a department, a name, or both."""

    department: Text | None = None
    name: Text | None = None

    def is_empty(self) -> bool:
        return not (self.department or self.name)


class Attendee(Person):
    role: AttendeeRole = "attendee"


class Absentee(_Model):
    department: Text | None = None
    name: Text | None = None
    reason: Text | None = None
    proxy: Text | None = None
    line: int | None = None


class DatedNote(_Model):
    """A milestone or a progress update: an optional date and what it says."""

    date: dt.date | None = None
    text: Text


class ActionItem(_Model):
    task: Text
    owner: Person | None = None
    co_owners: list[Person] = Field(default_factory=_empty_list)
    collaborators: list[Person] = Field(default_factory=_empty_list)
    start: dt.date | None = None
    start_text: Text | None = None
    due: dt.date | None = None
    due_text: Text | None = None
    description: Text | None = None
    milestones: list[DatedNote] = Field(default_factory=_empty_list)
    resources: list[Text] = Field(default_factory=_empty_list)
    acceptance: Text | None = None
    progress: list[DatedNote] = Field(default_factory=_empty_list)
    risks: list[Text] = Field(default_factory=_empty_list)
    status: ActionStatus = "not_started"
    notes: Text | None = None
    line: int = Field(ge=1, description="1-based line of the item in the notes file")
    end_line: int | None = Field(
        default=None, description="1-based last line the item spans (nested lines included)"
    )
    owner_text: Text | None = Field(
        default=None, description="the responsible-person field exactly as written"
    )
    agenda_index: int | None = Field(
        default=None, description="0-based index of the agenda item it belongs to, if any"
    )
    id: Text = Field(
        default="",
        description="a stable id: the one the recorder wrote (#Q3-7 → Q3-7), else the meeting date "
        "and the item's 1-based position among the meeting's action items (2024-06-12-3); "
        "empty when neither is known",
    )


class TaskUpdate(_Model):
    """A later meeting's word on an earlier task (a line of a follow-up section).

    The task is named by its id (``#2024-06-12-3``) when the notes give one; otherwise
    ``task`` and ``owner`` hold what the line says, and the ledger matches them to an
    earlier open task only when both agree exactly after normalising.
    """

    task_id: Text = Field(default="", description="the id as written, without '#'; empty when none")
    task: Text | None = Field(default=None, description="the task's text, when no id names it")
    owner: Person | None = None
    status: ActionStatus | None = Field(default=None, description="the new status, when stated")
    due: dt.date | None = Field(default=None, description="a new due date, when stated")
    due_text: Text | None = None
    text: Text = Field(default="", description="the progress it reports, as written")
    line: int = Field(ge=1, description="1-based line of the update in the notes file")


class TextSpan(_Model):
    """Where one entry of an agenda item's text lists came from in the notes."""

    field: TextField
    index: int = Field(ge=0)
    line: int = Field(ge=1)
    end_line: int = Field(ge=1)


class AgendaItem(_Model):
    title: Text
    start_time: ClockTime | None = None
    end_time: ClockTime | None = None
    discussion: list[Text] = Field(default_factory=_empty_list)
    disagreements: list[Text] = Field(default_factory=_empty_list)
    resolutions: list[Text] = Field(default_factory=_empty_list)
    action_items: list[ActionItem] = Field(default_factory=_empty_list)
    line: int | None = None
    end_line: int | None = None
    spans: list[TextSpan] = Field(
        default_factory=_empty_list,
        description="source lines of every discussion, disagreement and resolution entry",
    )
    part: AgendaPart | None = Field(
        default=None,
        description="report, discussion or extempore motion, when the notes say (a section "
        "such as 報告事項 / 临时动议 / Reports); None leaves it to the layout",
    )


class Meeting(_Model):
    title: Text | None = None
    date: dt.date | None = None
    start_time: ClockTime | None = None
    end_time: ClockTime | None = None
    location: Text | None = None
    project: Text | None = None
    host: Person | None = None
    recorder: Person | None = None
    attendees: list[Attendee] = Field(default_factory=_empty_list)
    absentees: list[Absentee] = Field(default_factory=_empty_list)
    agenda: list[AgendaItem] = Field(default_factory=_empty_list)
    other_sections: list[AgendaItem] = Field(
        default_factory=_empty_list,
        description="sections of the notes that are no agenda item (links, chat, a chair's report, "
        "notes beside a listed agenda), kept with their text",
    )
    action_items: list[ActionItem] = Field(default_factory=_empty_list)
    attachments: list[Text] = Field(default_factory=_empty_list)
    risks: list[Text] = Field(default_factory=_empty_list)
    next_meeting: Text | None = None
    status: MeetingStatus = "draft"
    language: Language = "zh-Hans"
    info_lines: dict[str, int] = Field(
        default_factory=_empty_dict,
        description="1-based source line of each meeting-info field that was given (title, date, host …)",
    )
    line_count: int = 0
    task_updates: list[TaskUpdate] = Field(
        default_factory=_empty_list,
        description="updates on tasks of earlier meetings (a follow-up section, or lines "
        "naming a task id), in the order written",
    )
    purpose: Text | None = Field(default=None, description="the reason for the meeting (開會事由)")
    document_number: Text | None = Field(
        default=None, description="the minutes' own number as written (〔2024〕3号, 第12期)"
    )
    issuer: Person | None = Field(default=None, description="who signs the minutes off (签发)")
    reviewer: Person | None = Field(default=None, description="who reviewed them (审核)")
    distribution: list[Text] = Field(
        default_factory=_empty_list, description="recipients (分送 / 主送), as written"
    )
    copy_to: list[Text] = Field(default_factory=_empty_list, description="copies to (抄送)")
    printed_by: Text | None = Field(default=None, description="the issuing office (印发机关)")
    printed_on: dt.date | None = Field(default=None, description="the date of issue (印发日期)")
    classification: Text | None = Field(default=None, description="the security level (密级)")
    unread_lines: list[int] = Field(
        default_factory=_empty_list,
        description="1-based lines of the notes whose text is in no field (a front-matter key "
        "the reader does not know …); the checker reports each one (unread-text)",
    )

    def to_json(self) -> str:
        """The model as pretty JSON, UTF-8 text, not ASCII-escaped."""
        import json

        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2)
