"""What each column of the spreadsheet and the CSV shows for a task, in readable form.

Owners read "部门 姓名", collaborators are joined with the language's separator, the
last progress and each update of the history read "date: text" (one line each).
Dates stay :class:`datetime.date` here: the spreadsheet writes them as real dates,
the CSV as ISO text. A missing value is ``None``, never a guess.
"""

from __future__ import annotations

import datetime as dt

from pipeline.ledger.entry import LedgerTask, LedgerUpdate
from pipeline.ledger.writers.labels import COLUMN_KEYS, overdue_label, status_label
from pipeline.model import DatedNote, Language, Person
from pipeline.text_width import display_width

Cell = str | int | dt.date | None

# A spreadsheet or CSV cell starting with one of these is read as a formula by Excel,
# WPS or LibreOffice (tab and carriage return too, when a program trims them first).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """Text that a spreadsheet program will not run as a formula: a leading ``'``."""
    return "'" + text if is_formula_like(text) else text


def person_text(person: Person | None) -> str | None:
    """"部门 姓名", or whichever of the two is known; ``None`` for nobody."""
    if person is None:
        return None
    parts = [part for part in (person.department, person.name) if part]
    return " ".join(parts) or None


def dated_text(date: dt.date | None, text: str) -> str:
    return f"{date.isoformat()}: {text}" if date else text


def update_text(update: LedgerUpdate, language: Language, labels: dict[str, str]) -> str:
    """One update as "date: text", with the status or due date it set."""
    parts = [update.text] if update.text else []
    if update.status:
        parts.append(status_label(update.status, language))
    if update.due:
        parts.append(f"{labels['due']} {update.due.isoformat()}")
    sep = "；" if language != "en" else "; "
    return dated_text(update.meeting_date, sep.join(parts))


def progress_text(note: DatedNote | None) -> str | None:
    return dated_text(note.date, note.text) if note else None


def state_text(task: LedgerTask, labels: dict[str, str]) -> str:
    if task.state == "overdue" and task.days_overdue > 0:
        return overdue_label(task.days_overdue, labels)
    return labels[f"state_{task.state}"]


def row_cells(task: LedgerTask, language: Language, labels: dict[str, str]) -> list[Cell]:
    """The task's cells, in the order of :data:`COLUMN_KEYS`."""
    collaborators = [text for text in map(person_text, task.collaborators) if text]
    history = "\n".join(update_text(update, language, labels) for update in task.history)
    cells: list[Cell] = [
        task.id,
        task.meeting_title,
        task.meeting_date,
        f"{task.file}:{task.line}",
        task.task,
        person_text(task.owner),
        labels["list_sep"].join(collaborators) or None,
        task.start,
        task.due,
        status_label(task.status, language),
        state_text(task, labels),
        task.days_overdue if task.state == "overdue" else None,
        task.acceptance,
        progress_text(task.last_progress),
        history or None,
    ]
    assert len(cells) == len(COLUMN_KEYS)
    return cells


def headers(labels: dict[str, str]) -> list[str]:
    return [labels[key] for key in COLUMN_KEYS]


def widest_line(text: str, cap: int) -> int:
    """About the display width of the widest line of ``text`` (a wide character counts
    two), no more than ``cap``."""
    widest = 0
    for line in text.split("\n"):
        if len(line) >= cap:
            return cap
        widest = max(widest, display_width(line))
    return min(widest, cap)
