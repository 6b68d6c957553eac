"""Meeting model → the plain data (dicts, lists, strings) that templates see.

Templates never receive the Pydantic objects: a company's template can only
read what is listed in ``word_templates/VARIABLES.md``. Nothing here invents a
value; a missing owner or due date becomes the catalogue's ``missing`` marker
and every other missing value an empty string.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from pipeline.model import ActionItem, AgendaItem, DatedNote, Meeting, Person
from renderers.labels import (
    CATALOGUES,
    STATUS_LABELS,
    TW_RECORD,
    TW_STATUS,
    chinese_numeral,
    section_number,
    subsection_number,
)

_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(day: dt.date | None, language: str) -> str:
    """2023年10月25日 in Chinese, 25 October 2023 in English, '' when unknown."""
    if day is None:
        return ""
    if language == "en":
        return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def format_short_date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def format_time_range(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start}–{end}"
    return start or end or ""


def person_text(person: Person | None, language: str) -> str:
    """市场部张经理 / Zhang (Marketing): department and name as one string."""
    if person is None or person.is_empty():
        return ""
    if person.department and person.name:
        if language == "en":
            return f"{person.name} ({person.department})"
        return f"{person.department}{person.name}"
    return person.department or person.name or ""


def _join(parts: Iterable[str], sep: str) -> str:
    return sep.join(p for p in parts if p)


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def people_by_department(people: Iterable[Person], labels: dict[str, str]) -> str:
    """市场部：张三、李四；销售部：王五 — the seeds' way of listing attendees."""
    groups: dict[str, list[str]] = {}
    for person in people:
        if person.is_empty():
            continue
        groups.setdefault(person.department or "", []).append(person.name or "")
    parts = []
    for department, names in groups.items():
        names_text = _join(names, labels["list_sep"])
        if department and names_text:
            parts.append(f"{department}{labels['colon']}{names_text}")
        else:
            parts.append(department or names_text)
    return labels["group_sep"].join(parts)


def _dated_notes(notes: list[DatedNote], language: str) -> list[str]:
    colon = CATALOGUES[language]["colon"]
    out = []
    for note in notes:
        when = format_date(note.date, language)
        out.append(f"{when}{colon}{note.text}" if when else note.text)
    return out


def _numbered(entries: list[str]) -> str:
    """Entries as one cell text, one per line: '1. …\\n2. …' (a single entry unnumbered)."""
    if len(entries) == 1:
        return entries[0]
    return "\n".join(f"{i}. {entry}" for i, entry in enumerate(entries, 1))


def action_context(item: ActionItem, number: int, meeting: Meeting) -> dict[str, Any]:
    language = meeting.language
    labels = CATALOGUES[language]
    missing = labels["missing"]
    owners = [item.owner, *item.co_owners] if item.owner else list(item.co_owners)
    owner_names = _join((o.name or "" for o in owners if o), labels["list_sep"])
    departments = _join(_unique(o.department for o in owners if o), labels["list_sep"])
    if not owner_names and item.owner_text and not departments:
        owner_names = item.owner_text
    due = format_date(item.due, language) or (item.due_text or "")
    due_short = format_short_date(item.due) or (item.due_text or "")
    start = format_date(item.start, language) or (item.start_text or "")
    start_short = format_short_date(item.start) or (item.start_text or "")
    collab_departments = _join(_unique(p.department for p in item.collaborators), labels["list_sep"])
    collab_people = _join(_unique(p.name for p in item.collaborators), labels["list_sep"])
    collaborators = _join(
        (person_text(p, language) for p in item.collaborators), labels["list_sep"]
    )
    agenda_title = ""
    if item.agenda_index is not None and 0 <= item.agenda_index < len(meeting.agenda):
        agenda_title = meeting.agenda[item.agenda_index].title
    acceptance_notes = _join([item.acceptance or "", item.notes or ""], "\n")
    milestones = _dated_notes(item.milestones, language)
    progress = _dated_notes(item.progress, language)
    # the task's stable id before its text, so a later meeting can name it: "[2024-06-12-3] …"
    id_task = f"[{item.id}] {item.task}" if item.id else item.task
    heading = f"{labels['task']} {number}{labels['colon']}{id_task}"
    sentence_parts = [
        (labels["unit"], departments),
        (labels["owner"], owner_names or missing),
        (labels["deadline"], due or missing),
        (labels["acceptance"], item.acceptance or ""),
    ]
    details = _join(
        (f"{label}{labels['colon']}{value}" for label, value in sentence_parts if value),
        labels["group_sep"],
    )
    clause = f"{id_task} ({details})" if language == "en" else f"{id_task}（{details}）"
    sentence = f"{number}. {clause}"
    return {
        "number": number,
        "heading": heading,
        "sentence": sentence,
        "clause": clause,
        "task": item.task,
        "id": item.id,
        "id_task": id_task,
        "description": item.description or "",
        "department": departments,
        "owner": owner_names or missing,
        "owner_full": _join((person_text(o, language) for o in owners if o), labels["list_sep"])
        or missing,
        "has_owner": bool(owners),
        "collaborators": collaborators,
        "collab_departments": collab_departments,
        "collab_people": collab_people,
        "start": start,
        "start_short": start_short,
        "due": due or missing,
        "due_short": due_short or missing,
        "has_due": bool(item.due or item.due_text),
        "milestones": milestones,
        "milestones_text": _numbered(milestones),
        "resources": list(item.resources),
        "resources_text": _numbered(list(item.resources)),
        "acceptance": item.acceptance or "",
        "notes": item.notes or "",
        "acceptance_notes": acceptance_notes,
        "progress": progress,
        "progress_text": _numbered(progress),
        "risks": list(item.risks),
        "risks_text": _numbered(list(item.risks)),
        "status": STATUS_LABELS[language][item.status],
        "status_code": item.status,
        "line": item.line,
        "source": _source_text(item, language),
        "lines": _line_range(item),
        "agenda_title": agenda_title,
        "project": meeting.project or "",
        **task_card(item, number, meeting, labels),
    }


# The fields the practice's task cards must show even when the notes leave them out
# (the seeds' 任务名称、负责人、截止日期、完成标准): there the card reads labels.missing.
REQUIRED_CARD_FIELDS = ("task_name", "owner", "planned_end", "acceptance")


def task_card(item: ActionItem, number: int, meeting: Meeting, labels: dict[str, str]) -> dict[str, Any]:
    """The card of one task: its title and the rows that have a value, in the seeds' order.

    A row with no value is left out, except the required fields, which read
    labels.missing; the notes' line is not printed (it is in the document's
    custom properties, ``doc.task_sources``).
    """
    language = meeting.language
    sep = labels["list_sep"]
    owners = [item.owner, *item.co_owners] if item.owner else list(item.co_owners)
    owner_names = _join((o.name or "" for o in owners if o), sep)
    departments = _join(_unique(o.department for o in owners if o), sep)
    if not owner_names and item.owner_text and not departments:
        owner_names = item.owner_text
    rows = [
        ("task_id", item.id),
        ("task_name", item.task),
        ("project", meeting.project or ""),
        ("task_description", item.description or ""),
        ("department", departments),
        ("owner", owner_names),
        ("collab_department", _join(_unique(p.department for p in item.collaborators), sep)),
        ("collab_person", _join(_unique(p.name for p in item.collaborators), sep)),
        ("planned_start", format_date(item.start, language) or (item.start_text or "")),
        ("planned_end", format_date(item.due, language) or (item.due_text or "")),
        ("milestones", _numbered(_dated_notes(item.milestones, language))),
        ("resources", _numbered(list(item.resources))),
        ("acceptance", item.acceptance or ""),
        ("remarks", item.notes or ""),
        ("progress", _numbered(_dated_notes(item.progress, language))),
        ("task_risks", _numbered(list(item.risks))),
        ("status", STATUS_LABELS[language][item.status]),
    ]
    card_rows = [
        {
            "key": key,
            "label": labels[key],
            "value": value or labels["missing"],
            "missing": not value,
        }
        for key, value in rows
        if value or key in REQUIRED_CARD_FIELDS
    ]
    return {"card_title": f"{labels['task']} {number}", "card_rows": card_rows}


def _line_range(item: ActionItem) -> str:
    """31 or 31-40: the lines of the notes the task was read from."""
    if item.end_line and item.end_line != item.line:
        return f"{item.line}-{item.end_line}"
    return str(item.line)


def task_sources(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One custom document property per task (the renderer writes them to docProps/custom.xml):
    name minutes.task.N, value ``id=2024-06-12-3; lines=31-40``, so tools can trace a card
    back to the notes."""
    return [
        {
            "name": f"minutes.task.{action['number']}",
            "value": f"id={action['id']}; lines={action['lines']}" if action["id"] else f"lines={action['lines']}",
        }
        for action in actions
    ]


def _source_text(item: ActionItem, language: str) -> str:
    lines = (
        f"{item.line}–{item.end_line}"
        if item.end_line and item.end_line != item.line
        else str(item.line)
    )
    if language == "en":
        return f"notes, line {lines}"
    if language == "zh-Hant":
        return f"記錄第 {lines} 行"
    return f"记录第 {lines} 行"


def agenda_context(item: AgendaItem, number: int, language: str) -> dict[str, Any]:
    labels = CATALOGUES[language]
    time = format_time_range(item.start_time, item.end_time)
    # notes written without headings have one untitled item: named by what it holds
    title = item.title or labels["discussion"]
    if language == "en":
        heading = f"{labels['agenda_item']} {number}: {title}" + (f" ({time})" if time else "")
    else:
        heading = f"{labels['agenda_item']}{number}：{title}" + (f"（{time}）" if time else "")
    sections: list[dict[str, Any]] = []
    for key in ("discussion", "disagreements", "resolutions"):
        entries = list(getattr(item, key))
        if entries:
            sections.append(
                {
                    "key": key,
                    "label": labels[key],
                    "heading": subsection_number(len(sections) + 1, language) + labels[key],
                    "entries": entries,
                    "numbered_entries": _numbered(entries).split("\n") if len(entries) > 1 else entries,
                    "numbered": len(entries) > 1,
                }
            )
    return {
        "number": number,
        "title": title,
        "time": time,
        "heading": heading,
        "official_heading": section_number(number, language) + title,
        "discussion": list(item.discussion),
        "disagreements": list(item.disagreements),
        "resolutions": list(item.resolutions),
        "discussion_text": _numbered(list(item.discussion)),
        "disagreements_text": _numbered(list(item.disagreements)),
        "resolutions_text": _numbered(list(item.resolutions)),
        "sections": sections,
    }


def _absentee_text(absentee: Any, language: str) -> str:
    who = person_text(Person(department=absentee.department, name=absentee.name), language)
    extras = [absentee.reason or ""]
    if absentee.proxy:
        extras.append(
            f"proxy: {absentee.proxy}"
            if language == "en"
            else ("由" + absentee.proxy + ("代為參會" if language == "zh-Hant" else "代为参会"))
        )
    extra = _join(extras, "; " if language == "en" else "，")
    if not extra:
        return who
    return f"{who} ({extra})" if language == "en" else f"{who}（{extra}）"


def _intro(meeting: Meeting, title: str) -> str:
    """The opening sentence of an official 纪要."""
    language = meeting.language
    date = format_date(meeting.date, language)
    time = format_time_range(meeting.start_time, meeting.end_time)
    host = person_text(meeting.host, language)
    where = meeting.location or ""
    if language == "en":
        parts = [f"On {date}" if date else "", time]
        when = ", ".join(p for p in parts if p)
        sentence = f"{when}, " if when else ""
        sentence += f"{title} was held"
        sentence += f" at {where}" if where else ""
        sentence += f", chaired by {host}" if host else ""
        return sentence + ". The main points are recorded as follows."
    when = date + time.replace("–", "—")
    held = "召開" if language == "zh-Hant" else "召开"
    chair = "主持" if host else ""
    at = f"在{where}" if where else ""
    lead = f"{when}，" if when else ""
    tail = "現將會議主要內容紀要如下：" if language == "zh-Hant" else "现将会议主要内容纪要如下："
    return f"{lead}{host}{at}{chair}{held}{title}。{tail}"


# Endings that name the record itself (the document adds its own 纪要 / Minutes)
# and endings that already say "meeting" (then 纪要 alone follows: 筹备会纪要).
RECORD_ENDINGS = ("纪要", "紀要", "记录", "記錄", "紀錄", "Minutes", "Notes")
MEETING_ENDINGS = ("会议", "會議", "会", "會")


def meeting_name(title: str) -> str:
    """The meeting's own name: the notes' title without a trailing 纪要 / 记录 / Minutes."""
    for ending in RECORD_ENDINGS:
        if title.lower().endswith(ending.lower()) and len(title) > len(ending):
            return title[: -len(ending)].rstrip(" -–—:：")
    return title


def _with_suffix(name: str, suffix: str, language: str) -> str:
    if not name:
        return suffix
    if language == "en":
        return f"{name} – {suffix}"
    if suffix in ("会议纪要", "會議紀要") and name.endswith(MEETING_ENDINGS):
        return name + suffix[2:]
    return name + suffix


def _official_list(values: list[str], language: str) -> str:
    """抄送：A，B，C。 as GB/T 9704 writes recipients; English: A, B, C."""
    if not values:
        return ""
    if language == "en":
        return ", ".join(values)
    return "，".join(values) + "。"


def official_fields(meeting: Meeting, labels: dict[str, str]) -> dict[str, Any]:
    """The 纪要's own fields (number, 签发, 审核, 分送, 抄送, 印发, 密级, 会议事由): each an
    empty string when not given, so a template shows nothing for it."""
    language = meeting.language
    printed_on = format_date(meeting.printed_on, language)
    if printed_on and language != "en":
        printed_on_line = printed_on + labels["printed_suffix"]
    elif printed_on:
        printed_on_line = f"{labels['printed_on']}{labels['colon']}{printed_on}"
    else:
        printed_on_line = ""
    printed_by = meeting.printed_by or ""
    if printed_by and language == "en":
        printed_by_line = f"{labels['printed_by']}{labels['colon']}{printed_by}"
    else:
        printed_by_line = printed_by
    distribution = list(meeting.distribution)
    copy_to = list(meeting.copy_to)
    sign_off = [
        (labels[key], value)
        for key, value in (
            ("doc_number", meeting.document_number or ""),
            ("issuer", person_text(meeting.issuer, language)),
            ("reviewer", person_text(meeting.reviewer, language)),
        )
        if value
    ]
    return {
        "document_number": meeting.document_number or "",
        "sign_off_line": ("   " if language == "en" else "　　").join(
            f"{label}{labels['colon']}{value}" for label, value in sign_off
        ),
        "issuer": person_text(meeting.issuer, language),
        "reviewer": person_text(meeting.reviewer, language),
        "distribution": _official_list(distribution, language),
        "distribution_list": distribution,
        "copy_to": _official_list(copy_to, language),
        "copy_to_list": copy_to,
        "printed_by": printed_by,
        "printed_by_line": printed_by_line,
        "printed_on": printed_on,
        "printed_on_line": printed_on_line,
        "classification": meeting.classification or "",
        "purpose": meeting.purpose or "",
        "has_sign_off": bool(meeting.document_number or meeting.issuer or meeting.reviewer),
        "has_imprint": bool(distribution or copy_to or printed_by or printed_on),
        "has_printing": bool(printed_by or printed_on),
    }


def build_context(meeting: Meeting, profile: str = "business") -> dict[str, Any]:
    """Everything a template may use, as plain data (see word_templates/VARIABLES.md)."""
    language = meeting.language
    labels = dict(CATALOGUES[language])
    title = meeting.title or ""
    minutes_title = meeting_name(title)
    attendees = [a for a in meeting.attendees if a.role == "attendee"]
    observers = [a for a in meeting.attendees if a.role == "observer"]
    # sections that are no agenda item keep their text in the minutes, after the agenda
    agenda = [
        agenda_context(item, i, language) for i, item in enumerate([*meeting.agenda, *meeting.other_sections], 1)
    ]
    actions = [action_context(item, i, meeting) for i, item in enumerate(meeting.action_items, 1)]
    groups: dict[str, list[dict[str, Any]]] = {}
    for action in actions:
        groups.setdefault(action["department"] or labels["no_department"], []).append(action)
    task_groups = [
        {
            "department": department,
            "tasks": tasks,
            "count": len(tasks),
            "heading": f"{department} ({len(tasks)} {'task' if len(tasks) == 1 else 'tasks'})"
            if language == "en"
            else f"{department}（{len(tasks)} {labels['task_count']}）",
        }
        for department, tasks in groups.items()
    ]
    absentees = [_absentee_text(a, language) for a in meeting.absentees]
    status_mark = labels["draft"] if meeting.status == "draft" else labels["final"]
    work_plan_number = len(agenda) + 1
    return {
        "lang": language,
        "labels": labels,
        "doc": {
            "profile": profile,
            "status": meeting.status,
            "is_draft": meeting.status == "draft",
            "status_mark": status_mark,
            "minutes_title": _with_suffix(minutes_title, labels["minutes_title"], language),
            "tasks_title": _with_suffix(minutes_title, labels["tasks_title"], language),
            "work_plan_heading": section_number(work_plan_number, language) + labels["work_plan"],
            "task_sources": task_sources(actions),
        },
        "meeting": {
            "title": title,
            "date": format_date(meeting.date, language),
            "date_short": format_short_date(meeting.date),
            "date_line": (
                f"({format_date(meeting.date, language)})"
                if language == "en"
                else f"（{format_date(meeting.date, language)}）"
            )
            if meeting.date
            else "",
            "time": format_time_range(meeting.start_time, meeting.end_time),
            "start_time": meeting.start_time or "",
            "end_time": meeting.end_time or "",
            "location": meeting.location or "",
            "project": meeting.project or "",
            "host": person_text(meeting.host, language),
            "recorder": person_text(meeting.recorder, language),
            "attendees": people_by_department(attendees, labels),
            "attendee_names": _join(
                (person_text(a, language) for a in attendees), labels["list_sep"]
            ),
            "observers": people_by_department(observers, labels),
            "observer_names": _join(
                (person_text(a, language) for a in observers), labels["list_sep"]
            ),
            "absentees": _join(absentees, labels["group_sep"]),
            "absentee_list": absentees,
            "attachments": list(meeting.attachments),
            "attachments_text": _numbered(list(meeting.attachments)),
            "risks": list(meeting.risks),
            "next_meeting": meeting.next_meeting or "",
            "intro": _intro(meeting, minutes_title or labels["minutes_title"]),
            **official_fields(meeting, labels),
        },
        "numbers": {
            "section": [section_number(n, language) for n in range(1, 21)],
            "subsection": [subsection_number(n, language) for n in range(1, 21)],
        },
        "agenda": agenda,
        "actions": actions,
        "task_groups": task_groups,
        "tw": tw_context(meeting, actions),
    }


# --- Taiwan's 會議紀錄 (profile tw) ----------------------------------------------

_TW_WEEKDAYS = "一二三四五六日"
# sections that open a 會議紀錄 before its 報告事項 (a chair's address); any other section
# the notes have beside their agenda follows the 臨時動議
_TW_OPENING_WORDS = ("致詞", "致辭", "致词", "主席報告", "主席报告", "宣布開會", "宣布开会")


def roc_date(day: dt.date | None) -> str:
    """中華民國113年6月12日（星期三）: the date as Taiwan's official documents write it."""
    if day is None:
        return ""
    year = day.year - 1911
    year_text = "元" if year == 1 else str(year) if year > 1 else f"前{1 - year}"
    return f"中華民國{year_text}年{day.month}月{day.day}日（星期{_TW_WEEKDAYS[day.weekday()]}）"


def roc_clock(time: str | None) -> str:
    """09:30 → 上午9時30分, 16:00 → 下午4時, 12:15 → 中午12時15分, 19:00 → 晚上7時."""
    if not time:
        return ""
    hour, minute = (int(part) for part in time.split(":"))
    if hour < 6:
        period = "凌晨"
    elif hour < 12:
        period = "上午"
    elif hour == 12:
        period = "中午"
    elif hour < 18:
        period, hour = "下午", hour - 12
    else:
        period, hour = "晚上", hour - 12
    return f"{period}{hour}時" + (f"{minute}分" if minute else "")


# a line the notes number themselves (一、總幹事報告, （二）, 3.)
_TW_ENUMERATED = re.compile(r"\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.）)])")
# a part's own heading holding its text ("## 報告事項" with the units' reports under it)
_TW_PART_NAMES = frozenset(
    ("報告事項", "报告事项", "討論事項", "讨论事项", "臨時動議", "临时动议", "reports", "matters for discussion",
     "any other business")
)  # fmt: skip


def _tw_entries(entries: list[str], sub: bool = False) -> tuple[str, list[str]]:
    """One entry goes on its label's line; several are numbered 一、 (or （一） under a heading),
    unless the notes number some of them already: then they stay as written."""
    if len(entries) == 1:
        return entries[0], []
    if any(_TW_ENUMERATED.match(entry) for entry in entries):
        return "", list(entries)
    number = subsection_number if sub else section_number
    return "", [f"{number(i, 'zh-Hant')}{entry}" for i, entry in enumerate(entries, 1)]


def _tw_block(number: int, label: str, text: str = "", entries: list[str] | None = None) -> dict[str, Any]:
    head = section_number(number, "zh-Hant") if number else ""
    return {
        "number": head,
        "label": label,
        "heading": f"{head}{label}：",
        "text": text,
        "entries": entries or [],
        "second": "",
    }


def _tw_absentee(absentee: Any, language: str) -> str:
    who = person_text(Person(department=absentee.department, name=absentee.name), language)
    extras = [absentee.reason or "", f"由{absentee.proxy}代理" if absentee.proxy else ""]
    extra = _join(extras, "，")
    return f"{who}（{extra}）" if extra and who else who or extra


def _tw_own_item(item: AgendaItem) -> bool:
    """The part's heading itself holds the text (no 第一案 of its own)."""
    title = _TW_ENUMERATED.sub("", item.title, count=1).strip(" :：").lower()
    return title in _TW_PART_NAMES


def _tw_case(item: AgendaItem, number: int, decision_label: str) -> dict[str, Any]:
    """第一案 with 案由, 說明, 決定/決議; the part's own text has no number, 案由 nor 說明 label."""
    labels = TW_RECORD
    own = _tw_own_item(item)
    fields = []
    for label, entries in (
        (labels["case"], [item.title] if item.title and not own else []),
        ("" if own else labels["explanation"], list(item.discussion)),
        (labels["dissent"], list(item.disagreements)),
        (labels[decision_label], list(item.resolutions)),
    ):
        if entries:
            text, numbered = _tw_entries(entries)
            fields.append({"label": label, "text": text, "entries": numbered})
    return {
        "number": "" if own else f"第{chinese_numeral(number)}案",
        "title": item.title,
        "time": format_time_range(item.start_time, item.end_time),
        "fields": fields,
    }


def _tw_numbered(items: list[AgendaItem]) -> list[tuple[AgendaItem, int]]:
    """Each item with its case number; the part's own text takes none."""
    out, number = [], 0
    for item in items:
        number += not _tw_own_item(item)
        out.append((item, number))
    return out


def _tw_part_of(item: AgendaItem) -> str:
    if item.part is not None:
        return item.part
    return "discussion" if item.resolutions else "report"


def _tw_section(item: AgendaItem, number: int) -> dict[str, Any]:
    text, entries = _tw_entries([*item.discussion, *item.disagreements, *item.resolutions], sub=True)
    return _tw_block(number, item.title or TW_RECORD["explanation"], text, entries)


def _tw_actions(actions: list[dict[str, Any]], meeting: Meeting) -> list[dict[str, Any]]:
    """The minutes' action items with the form's own fixed words (the missing marker, the states)."""
    missing, ours = CATALOGUES[meeting.language]["missing"], TW_RECORD["missing"]
    out = []
    for action, item in zip(actions, meeting.action_items, strict=True):
        own = {key: ours if value == missing else value for key, value in action.items()}
        own["responsible"] = own["owner_full"] if own["owner_full"] != ours else own["owner"]
        own["status"] = TW_STATUS[item.status]
        own["heading"] = f"{TW_RECORD['task']} {action['number']}：{action['id_task']}"
        own["source"] = _source_text(item, "zh-Hant")
        own["card_rows"] = _tw_card_rows(own)
        del own["sentence"]  # worded in the notes' language; the form has its table instead
        out.append(own)
    return out


# a task's card shows every row that has a value, and these even without one (【未填寫】)
_TW_CARD_REQUIRED = ("task_name", "owner", "planned_end", "acceptance")
_TW_CARD_ROWS = (
    ("task_name", "task"), ("project", "project"), ("task_description", "description"),
    ("department", "department"), ("owner", "owner"), ("collab_department", "collab_departments"),
    ("collab_person", "collab_people"), ("planned_start", "start"), ("planned_end", "due"),
    ("milestones", "milestones_text"), ("resources", "resources_text"), ("acceptance", "acceptance"),
    ("remarks", "notes"), ("progress", "progress_text"), ("task_risks", "risks_text"),
    ("status", "status"),
)  # fmt: skip
# (no row for the task's lines in the notes: recipients cannot use them; tools read them
# from the document's custom properties, doc.task_sources)


def _tw_card_rows(action: dict[str, Any]) -> list[dict[str, Any]]:
    missing = TW_RECORD["missing"]
    rows = []
    for label, key in _TW_CARD_ROWS:
        value = action[key] if action[key] != missing else ""
        if value or label in _TW_CARD_REQUIRED:
            rows.append({"label": TW_RECORD[label], "value": value or missing, "missing": not value})
    return rows


def tw_context(meeting: Meeting, actions: list[dict[str, Any]]) -> dict[str, Any]:
    """What the tw templates read: the parts of a 會議紀錄 in order, each numbered 一、二、…,
    with no line for a value the notes do not give."""
    labels = TW_RECORD
    language = meeting.language
    title = meeting_name(meeting.title or "")
    counter = iter(range(1, 1000))

    def line(label: str, text: str, entries: list[str] | None = None) -> dict[str, Any]:
        return _tw_block(next(counter), label, text, entries)

    when = roc_date(meeting.date) + roc_clock(meeting.start_time)
    attendees = [a for a in meeting.attendees if a.role == "attendee"]
    observers = [a for a in meeting.attendees if a.role == "observer"]
    chair = person_text(meeting.host, language)
    recorder = person_text(meeting.recorder, language)
    on_leave = [_tw_absentee(a, language) for a in meeting.absentees if a.reason]
    absent = [_tw_absentee(a, language) for a in meeting.absentees if not a.reason]
    sep = labels["list_sep"]
    head_values = [
        (labels["purpose"], meeting.purpose or ""),
        (labels["time"], when),
        (labels["location"], meeting.location or ""),
        (labels["chair"], chair),
        (labels["recorder"], "" if chair else recorder),
        (labels["attendees"], _join((person_text(a, language) for a in attendees), sep)),
        (labels["observers"], _join((person_text(a, language) for a in observers), sep)),
        (labels["on_leave"], _join(on_leave, sep)),
        (labels["absent"], _join(absent, sep)),
    ]
    head = [line(label, value) for label, value in head_values if value]
    for block in head:
        if block["label"] == labels["chair"] and recorder:
            block["second"] = f"{labels['recorder']}{labels['colon']}{recorder}"

    # a section with no text of its own (a heading the tasks follow) is no line
    sections = [s for s in meeting.other_sections if s.discussion or s.disagreements or s.resolutions]
    opening_items = [s for s in sections if any(w in s.title for w in _TW_OPENING_WORDS)]
    closing_items = [s for s in sections if s not in opening_items]
    opening = [_tw_section(item, next(counter)) for item in opening_items]

    parts = []
    for key, label, decision in (
        ("report", "reports", "decision"),
        ("discussion", "discussions", "resolution"),
        ("extempore", "extempore", "resolution"),
    ):
        items = [item for item in meeting.agenda if _tw_part_of(item) == key]
        if items:
            part = line(labels[label], "")
            part.update(
                key=key,
                heading=part["number"] + part["label"],
                cases=[_tw_case(item, number, decision) for item, number in _tw_numbered(items)],
            )
            parts.append(part)

    closing = [_tw_section(item, next(counter)) for item in closing_items]
    if meeting.risks:
        closing.append(line(labels["risks"], *_tw_entries(list(meeting.risks), sub=True)))
    if meeting.next_meeting:
        closing.append(line(labels["next_meeting"], meeting.next_meeting))
    tw_actions = _tw_actions(actions, meeting)
    assignments = line(labels["assignments"], "") if tw_actions else _tw_block(0, labels["assignments"])
    end = roc_clock(meeting.end_time)
    adjourn = line(labels["adjourn"], end) if end else _tw_block(0, labels["adjourn"])

    groups: dict[str, list[dict[str, Any]]] = {}
    for action in tw_actions:
        groups.setdefault(action["department"] or labels["no_department"], []).append(action)
    return {
        "labels": labels,
        "minutes_title": _tw_title(title, labels["minutes_title"]),
        "tasks_title": _tw_title(title, labels["tasks_title"]),
        "status_mark": labels["draft"] if meeting.status == "draft" else labels["final"],
        "date": roc_date(meeting.date),
        "time": when,
        "start_time": roc_clock(meeting.start_time),
        "end_time": end,
        "chair": chair,
        "recorder": recorder,
        "head": head,
        "opening": opening,
        "parts": parts,
        "closing": closing,
        "assignments": assignments,
        "adjourn": adjourn,
        "attachments": _tw_entries(list(meeting.attachments))[1] or list(meeting.attachments),
        "actions": tw_actions,
        "task_groups": [
            {
                "department": department,
                "count": len(tasks),
                "heading": f"{department}（{len(tasks)} {labels['task_count']}）",
                "tasks": tasks,
            }
            for department, tasks in groups.items()
        ],
    }


def _tw_title(name: str, suffix: str) -> str:
    """社區發展協會理監事聯席會 → …會會議紀錄; a title already ending in 會議 takes 紀錄 alone
    (…會議工作分配表 keeps its whole suffix); a Latin title is followed by a space."""
    if not name:
        return suffix
    if suffix.startswith("會議") and name.endswith(("會議", "会议")):
        return name + suffix[2:]
    return f"{name} {suffix}" if name[-1].isascii() and name[-1].isalnum() else name + suffix
