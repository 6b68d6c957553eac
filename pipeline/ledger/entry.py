"""A row of the task ledger and the ledger itself: what the core computes and the writers show.

The JSON writer prints exactly the keys of :data:`JSON_KEYS`, in that order; the other
fields (``language``, ``owner_text``, ``end_line``) serve the terminal, spreadsheet and
calendar writers.
"""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.model import ActionStatus, DatedNote, Language, Person

LedgerState = Literal["done", "cancelled", "open", "due-soon", "overdue"]
"""A task's state on the ledger's date: done and cancelled by status; an open task is
``overdue`` after its due date, ``due-soon`` within :data:`DUE_SOON_DAYS` of it."""

DUE_SOON_DAYS = 3

JSON_KEYS = (
    "id",
    "meeting_title",
    "meeting_date",
    "file",
    "line",
    "task",
    "owner",
    "collaborators",
    "start",
    "due",
    "status",
    "state",
    "days_overdue",
    "acceptance",
    "last_progress",
    "history",
)


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LedgerUpdate(_Row):
    """One update applied to a task, from a later meeting's notes."""

    meeting_date: dt.date | None = None
    file: str
    line: int
    status: ActionStatus | None = None
    due: dt.date | None = None
    text: str = ""


class LedgerTask(_Row):
    id: str
    meeting_title: str | None = None
    meeting_date: dt.date | None = None
    file: str = Field(description="the notes file, as the user named it (relative where possible)")
    line: int
    task: str
    owner: Person | None = None
    collaborators: list[Person] = Field(default_factory=list)
    start: dt.date | None = None
    due: dt.date | None = None
    status: ActionStatus = "not_started"
    state: LedgerState = "open"
    days_overdue: int = 0
    acceptance: str | None = None
    last_progress: DatedNote | None = None
    history: list[LedgerUpdate] = Field(default_factory=list)
    language: Language = "zh-Hans"
    owner_text: str | None = None
    end_line: int | None = Field(default=None, description="the last line the item spans")


class LedgerProblem(_Row):
    """Something the ledger could not apply or read: named, never guessed."""

    file: str
    line: int | None = None
    rule: str = Field(description="a stable id: unknown-task-id, conflicting-update, "
                      "duplicate-task-id, update-cycle, unreadable-notes")
    message: str


class Ledger(_Row):
    as_of: dt.date
    tasks: list[LedgerTask] = Field(default_factory=list)
    problems: list[LedgerProblem] = Field(default_factory=list)
