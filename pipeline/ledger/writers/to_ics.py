"""The ledger's open tasks as an iCalendar file of to-dos (RFC 5545, via ``icalendar``).

One VTODO per task that is neither done nor cancelled: UID from the task id (stable, so
importing a newer ledger updates the same to-dos), DTSTAMP, SUMMARY (the task), DUE as
a date when the task has one, STATUS ``NEEDS-ACTION`` (not started) or ``IN-PROCESS``
(in progress, delayed, needing support), and a DESCRIPTION with the owner, the meeting,
the notes file and line, and the acceptance criteria. Only the basic properties of
RFC 5545, with the library's CRLF line endings and line folding.

Google Calendar and Outlook import events but pass over to-dos, so each task with a due
date also gets an all-day VEVENT on that date (``<uid>`` with ``-due`` before the ``@``,
shown as free time): the deadline reaches every calendar, and an app that shows both
shows the task twice rather than not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from icalendar import Calendar, Event, Todo

from pipeline.atomic import write_bytes_atomically
from pipeline.ledger.entry import Ledger, LedgerTask
from pipeline.ledger.writers.cells import person_text
from pipeline.ledger.writers.labels import LEDGER_LABELS, ledger_language

PRODID = "-//minutes//task ledger//EN"
UID_DOMAIN = "ledger.minutes.invalid"
"""The fixed part of every UID: ``<task id>@ledger.minutes.invalid`` (``.invalid`` is a
name no real host has, RFC 2606)."""

_IN_PROCESS = {"in_progress", "delayed", "needs_support"}


def task_uid(task: LedgerTask) -> str:
    return f"{task.id}@{UID_DOMAIN}"


def description(task: LedgerTask, labels: dict[str, str]) -> str:
    colon = labels["colon"]
    lines = []
    owner = person_text(task.owner)
    if owner:
        lines.append(f"{labels['owner']}{colon}{owner}")
    collaborators = [text for text in map(person_text, task.collaborators) if text]
    if collaborators:
        lines.append(f"{labels['collaborators']}{colon}{labels['list_sep'].join(collaborators)}")
    meeting = " ".join(
        part
        for part in (task.meeting_title, task.meeting_date and task.meeting_date.isoformat())
        if part
    )
    if meeting:
        lines.append(f"{labels['meeting']}{colon}{meeting}")
    lines.append(f"{labels['notes_at']}{colon}{task.file}:{task.line}")
    if task.acceptance:
        lines.append(f"{labels['acceptance']}{colon}{task.acceptance}")
    return "\n".join(lines)


def due_event(task: LedgerTask, uid: str, stamp: dt.datetime, labels: dict[str, str]) -> Event:
    """An all-day event on the task's due date, for calendars that import no to-dos."""
    assert task.due is not None
    name, _, domain = uid.partition("@")
    event = Event()
    event.add("uid", f"{name}-due@{domain}")
    event.add("dtstamp", stamp)
    event.add("summary", f"{labels['due']}{labels['colon']}{task.task}")
    event.add("dtstart", task.due)
    event.add("dtend", task.due + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("description", description(task, labels))
    return event


def ledger_ics(ledger: Ledger, *, stamp: dt.datetime | None = None) -> bytes:
    """The calendar's bytes (UTF-8, CRLF). ``stamp`` is the DTSTAMP (now, in UTC, by default)."""
    labels = LEDGER_LABELS[ledger_language(ledger)]
    if stamp is None:
        stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    seen: set[str] = set()
    for task in ledger.tasks:
        if task.state in ("done", "cancelled") or task.status in ("done", "cancelled"):
            continue
        uid = task_uid(task)
        if uid in seen:  # the same id twice in the ledger: keep both, told apart by place
            place = hashlib.sha1(f"{task.file}:{task.line}".encode()).hexdigest()[:8]
            uid = f"{task.id}-{place}@{UID_DOMAIN}"
        seen.add(uid)
        todo = Todo()
        todo.add("uid", uid)
        todo.add("dtstamp", stamp)
        todo.add("summary", task.task)
        if task.due:
            todo.add("due", task.due)
        if task.start and (task.due is None or task.start <= task.due):
            todo.add("dtstart", task.start)
        todo.add("status", "IN-PROCESS" if task.status in _IN_PROCESS else "NEEDS-ACTION")
        todo.add("description", description(task, labels))
        calendar.add_component(todo)
        if task.due:
            calendar.add_component(due_event(task, uid, stamp, labels))
    return calendar.to_ical()


def write_ics(ledger: Ledger, path: Path) -> None:
    """Write :func:`ledger_ics` to ``path`` atomically."""
    write_bytes_atomically(path, ledger_ics(ledger))
