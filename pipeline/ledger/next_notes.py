"""The skeleton of the next meeting's notes: title, attendees and a follow-up section
listing every task still open, in the notes' language. Pure: text in, text out."""

from __future__ import annotations

import datetime as dt

from pipeline.ledger.entry import Ledger, LedgerTask
from pipeline.model import Attendee, Language, Meeting, Person

LABELS: dict[Language, dict[str, str]] = {
    "zh-Hans": {
        "date": "会议日期",
        "attendees": "参会人员",
        "follow_up": "上次行动项跟进",
        "actions": "行动项",
        "owner": "负责人",
        "due": "截止",
        "overdue": "⚠ 已逾期{days}天",
        "sep": "：",
        "list": "、",
        "groups": "；",
    },
    "zh-Hant": {
        "date": "會議日期",
        "attendees": "參會人員",
        "follow_up": "上次會議決議執行情形",
        "actions": "行動項",
        "owner": "負責人",
        "due": "截止",
        "overdue": "⚠ 已逾期{days}天",
        "sep": "：",
        "list": "、",
        "groups": "；",
    },
    "en": {
        "date": "Date",
        "attendees": "Attendees",
        "follow_up": "Follow-up of previous actions",
        "actions": "Action items",
        "owner": "Owner",
        "due": "Due",
        "overdue": "⚠ {days} days past due",
        "sep": ": ",
        "list": ", ",
        "groups": "; ",
    },
}


def has_recorder_id(task: LedgerTask) -> bool:
    """Whether the task has an id a follow-up can name (not the ``FILE:LINE`` naming of a
    task whose notes gave neither a date nor an id)."""
    return bool(task.id) and ":" not in task.id


def person_text(person: Person | None, language: Language = "zh-Hans") -> str:
    """``研发部 张三``; in English ``Engineering/Ann Lee`` (a department of several words
    stays apart from the name)."""
    if person is None:
        return ""
    joiner = "/" if language == "en" else " "
    return joiner.join(part for part in (person.department, person.name) if part)


def attendees_text(attendees: list[Attendee], language: Language) -> str:
    """Attendees grouped by department as the notes write them (``研发部：张三、李四；市场部：王芳``)."""
    labels = LABELS[language]
    groups: dict[str, list[str]] = {}
    for person in attendees:
        if person.role != "attendee":
            continue
        groups.setdefault(person.department or "", [])
        if person.name:
            groups[person.department or ""].append(person.name)
    parts = []
    for department, names in groups.items():
        joined = labels["list"].join(names)
        if department and joined:
            parts.append(f"{department}{labels['sep']}{joined}")
        else:
            parts.append(department or joined)
    return labels["groups"].join(part for part in parts if part)


def follow_up_words(task: str, owner: str, due: dt.date | None, language: Language) -> list[str]:
    """The parts of a follow-up line as :func:`task_line` writes them, without the id and
    the overdue mark: the task, ``负责人：…`` and ``截止：…``."""
    labels = LABELS[language]
    words = [task]
    if owner:
        words.append(f"{labels['owner']}{labels['sep']}{owner}")
    if due is not None:
        words.append(f"{labels['due']}{labels['sep']}{due.isoformat()}")
    return words


def task_line(task: LedgerTask, language: Language) -> str:
    labels = LABELS[language]
    owner = person_text(task.owner, language) or (task.owner_text or "")
    words = follow_up_words(task.task, owner, task.due, language)
    if has_recorder_id(task):
        words[0] = f"#{task.id} {task.task}"
    if task.state == "overdue":
        words.append(labels["overdue"].format(days=task.days_overdue))
    return "- [ ] " + " — ".join(words)


def next_notes(meeting: Meeting, ledger: Ledger) -> str:
    """The next meeting's notes: ``meeting``'s title and attendees, and a follow-up
    section with the open tasks of ``ledger`` (in ledger order). The date is left for
    the recorder to fill in."""
    language = meeting.language
    labels = LABELS[language]
    lines = [f"# {meeting.title}" if meeting.title else "#", ""]
    lines.append(f"{labels['date']}{labels['sep']}".rstrip())
    attendees = attendees_text(meeting.attendees, language)
    lines.append(f"{labels['attendees']}{labels['sep']}{attendees}".rstrip())
    lines += ["", f"## {labels['follow_up']}", ""]
    lines += [task_line(task, language) for task in ledger.tasks if task.state not in ("done", "cancelled")]
    lines += ["", f"## {labels['actions']}", ""]
    return "\n".join(lines)
