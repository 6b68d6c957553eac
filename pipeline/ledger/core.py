"""The ledger's core: every action item of an archive, with the later meetings' updates applied.

Pure: meetings in, a :class:`~pipeline.ledger.entry.Ledger` out; nothing is read or written.
A meeting enters as its *record* (:func:`record_of`: title, date, language, action
items, updates as plain data), which is what the index keeps.

How it goes:

1. Meetings are put in order: by date, then by file name; meetings without a date come
   last (by file name).
2. Every action item becomes a :class:`LedgerTask`. Its id is the one the notes give it
   (the recorder's ``#Q3-7``, else ``2024-06-12-3`` from the meeting date). An item with
   neither (notes with no meeting date and no id written) is named by where it stands,
   ``FILE:LINE`` (``notes/kickoff.md:12``): no date is made up for it; a follow-up
   reaches it by its text and owner.
3. Every meeting's ``task_updates`` are applied in meeting order: a status, a new due
   date, a progress line dated by the meeting. Each applied update is kept in the task's
   ``history``.
4. The state of each task on the ledger's date (``as_of``).

An update names its task by id, or by its text and owner: then it applies only when
exactly one open task of an earlier meeting has the same text and owner once both are
normalised (spaces dropped, full-width forms folded to half-width, case folded).
Whatever is less certain is not applied, and is reported as a :class:`LedgerProblem`:

================== ==========================================================
unknown-task-id    the id an update names is no task's
unmatched-update   an update without id whose text and owner match no open task
ambiguous-update   an update without id that matches more than one open task
conflicting-update two updates on one task in one meeting disagree (status or
                   due date): neither is applied
duplicate-task-id  two tasks carry the same id; updates naming it are not applied
update-cycle       an update names a task of its own meeting or of a later one,
                   or meetings of one day update each other's tasks
================== ==========================================================
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from pipeline.ledger.entry import DUE_SOON_DAYS, Ledger, LedgerState, LedgerTask
from pipeline.model import ActionStatus, Meeting

CLOSED = frozenset({"done", "cancelled"})

Record = dict[str, Any]
"""What the ledger needs of one meeting (:func:`record_of`): plain JSON-able data, so
that the index can keep it and give it back without the meeting model's validation."""


def record_of(meeting: Meeting) -> Record:
    """The meeting's title, date, language, action items and task updates, as plain data
    (dates as ISO text)."""
    tasks = []
    for item in meeting.action_items:
        tasks.append(
            {
                "id": item.id,
                "line": item.line,
                "end_line": item.end_line,
                "task": item.task,
                "owner": item.owner.model_dump() if item.owner is not None else None,
                "collaborators": [p.model_dump() for p in item.collaborators],
                "start": _iso(item.start),
                "due": _iso(item.due),
                "status": item.status,
                "acceptance": item.acceptance,
                "last_progress": (
                    {"date": _iso(item.progress[-1].date), "text": item.progress[-1].text}
                    if item.progress
                    else None
                ),
                "owner_text": item.owner_text,
            }
        )
    updates = [
        {
            "task_id": u.task_id,
            "task": u.task,
            "owner": u.owner.model_dump() if u.owner is not None else None,
            "status": u.status,
            "due": _iso(u.due),
            "text": u.text,
            "line": u.line,
        }
        for u in meeting.task_updates
    ]
    return {
        "title": meeting.title,
        "date": _iso(meeting.date),
        "language": meeting.language,
        "tasks": tasks,
        "updates": updates,
    }


TASK_KEYS = frozenset(
    {"id", "line", "end_line", "task", "owner", "collaborators", "start", "due", "status",
     "acceptance", "last_progress", "owner_text"}
)
UPDATE_KEYS = frozenset({"task_id", "task", "owner", "status", "due", "text", "line"})


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def normalise(text: str | None) -> str:
    """``text`` as compared when matching an update to a task: NFKC (full-width forms to
    half-width), case folded, every space removed."""
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _person_key(person: dict[str, Any] | None) -> tuple[str, str]:
    if not person:
        return ("", "")
    return (normalise(person.get("department")), normalise(person.get("name")))


def state_on(status: str, due: dt.date | None, as_of: dt.date) -> tuple[LedgerState, int]:
    """The state of a task with ``status`` and ``due`` on ``as_of``, and its days overdue."""
    if status == "done":
        return "done", 0
    if status == "cancelled":
        return "cancelled", 0
    if due is None:
        return "open", 0
    late = (as_of - due).days
    if late > 0:
        return "overdue", late
    if -late <= DUE_SOON_DAYS:
        return "due-soon", 0
    return "open", 0


@dataclass
class _Meeting:
    file: str
    record: Record
    date: dt.date | None
    position: int = 0


@dataclass
class _Resolved:
    update: Record
    meeting: int  # position of the meeting holding the update
    task: int  # index into the tasks


@dataclass
class _Run:
    as_of: dt.date
    meetings: list[_Meeting]
    tasks: list[Record] = field(default_factory=list)  # the fields of LedgerTask
    task_meeting: list[int] = field(default_factory=list)
    by_id: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_text: dict[tuple[str, str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Record] = field(default_factory=list)

    def problem(self, file: str, line: int | None, rule: str, message: str) -> None:
        self.problems.append({"file": file, "line": line, "rule": rule, "message": message})

    def where(self, index: int) -> str:
        task = self.tasks[index]
        return f"{task['file']}:{task['line']}"

    # ------------------------------------------------------------------ tasks

    def collect(self) -> None:
        for entry in self.meetings:
            record = entry.record
            for item in record["tasks"]:
                self.add_task(entry, record, item)

    def add_task(self, entry: _Meeting, record: Record, item: Record) -> None:
        task_id = item["id"] or f"{entry.file}:{item['line']}"
        # the fields of LedgerTask, in its order
        task = {
            "id": task_id,
            "meeting_title": record["title"],
            "meeting_date": entry.date,
            "file": entry.file,
            "line": item["line"],
            "task": item["task"],
            "owner": item["owner"],
            "collaborators": item["collaborators"],
            "start": item["start"],
            "due": _date(item["due"]),
            "status": item["status"],
            "state": "open",
            "days_overdue": 0,
            "acceptance": item["acceptance"],
            "last_progress": item["last_progress"],
            "history": [],
            "language": record["language"],
            "owner_text": item["owner_text"],
            "end_line": item["end_line"],
        }
        index = len(self.tasks)
        earlier = self.by_id.get(task_id)
        if earlier:
            self.problem(
                entry.file,
                item["line"],
                "duplicate-task-id",
                f"task id {task_id} is also the id of the task at {self.where(earlier[0])}; "
                "updates naming it are not applied",
            )
        self.tasks.append(task)
        self.task_meeting.append(entry.position)
        self.by_id[task_id].append(index)

    # ------------------------------------------------------------------ updates

    def run_updates(self) -> None:
        """Resolve and apply the updates, meeting by meeting.

        Updates by id are resolved first, all of them, so that meetings updating each
        other's tasks are found; an update by text and owner is matched against the
        tasks as the earlier meetings left them (one marked done there is no longer open).
        """
        by_id: dict[int, dict[int, int]] = defaultdict(dict)  # meeting -> id(update) -> task
        resolved: list[_Resolved] = []
        for entry in self.meetings:
            for update in entry.record["updates"]:
                if update["task_id"]:
                    target = self.target_by_id(entry, update)
                    if target is not None:
                        resolved.append(_Resolved(update, entry.position, target))
        for item in self.without_cycles(resolved):
            by_id[item.meeting][id(item.update)] = item.task
        for entry in self.meetings:
            updates = entry.record["updates"]
            if not updates:
                continue
            ids = by_id.get(entry.position, {})
            targets: list[tuple[Record, int]] = []
            for update in updates:
                if update["task_id"]:
                    target = ids.get(id(update))
                else:
                    target = self.target_by_text(entry, update)
                if target is not None:
                    targets.append((update, target))
            self.apply(entry, targets)

    def target_by_id(self, entry: _Meeting, update: Record) -> int | None:
        task_id = update["task_id"].lstrip("#")
        found = self.by_id.get(task_id, [])
        line = update["line"]
        if not found:
            self.problem(entry.file, line, "unknown-task-id", f"no task has the id {task_id}")
            return None
        if len(found) > 1:
            places = ", ".join(self.where(i) for i in found)
            self.problem(
                entry.file,
                line,
                "duplicate-task-id",
                f"{len(found)} tasks have the id {task_id} ({places}); the update is not applied",
            )
            return None
        index = found[0]
        own = self.meetings[self.task_meeting[index]]
        if own.position == entry.position:
            self.problem(
                entry.file,
                line,
                "update-cycle",
                f"the update names task {task_id} of the same meeting; not applied",
            )
            return None
        if own.date and entry.date and own.date > entry.date:
            self.problem(
                entry.file,
                line,
                "update-cycle",
                f"the update names task {task_id} of a later meeting "
                f"({own.date.isoformat()}, {own.file}); not applied",
            )
            return None
        return index

    def target_by_text(self, entry: _Meeting, update: Record) -> int | None:
        text = normalise(update["task"])
        line = update["line"]
        if not text:
            self.problem(
                entry.file,
                line,
                "unmatched-update",
                "the update names no task (no id and no task text); not applied",
            )
            return None
        if not self.by_text:  # made on the first update without an id
            for index, task in enumerate(self.tasks):
                department, name = _person_key(task["owner"])
                self.by_text[(normalise(task["task"]), department, name)].append(index)
        candidates = [
            index
            for index in self.by_text.get((text, *_person_key(update["owner"])), [])
            if self.task_meeting[index] < entry.position and self.tasks[index]["status"] not in CLOSED
        ]
        if not candidates:
            self.problem(
                entry.file,
                line,
                "unmatched-update",
                f"no open task of an earlier meeting has the text “{update['task']}” and this "
                "owner; not applied (name the task by its id)",
            )
            return None
        if len(candidates) > 1:
            places = ", ".join(self.where(i) for i in candidates)
            self.problem(
                entry.file,
                line,
                "ambiguous-update",
                f"{len(candidates)} open tasks have this text and owner ({places}); "
                "not applied (name the task by its id)",
            )
            return None
        return candidates[0]

    def without_cycles(self, resolved: list[_Resolved]) -> list[_Resolved]:
        """Drop (and report) the updates between meetings that update each other's tasks
        and that no date puts in order (one day's meetings, or meetings without a date)."""
        edges: dict[int, set[int]] = defaultdict(set)
        for item in resolved:
            if not self.dated_before(self.task_meeting[item.task], item.meeting):
                edges[item.meeting].add(self.task_meeting[item.task])
        if not edges:
            return resolved
        cyclic = _in_cycles(edges)
        kept: list[_Resolved] = []
        for item in resolved:
            own = self.task_meeting[item.task]
            if item.meeting in cyclic and own in cyclic and cyclic[item.meeting] == cyclic[own]:
                other = self.meetings[own]
                self.problem(
                    self.meetings[item.meeting].file,
                    item.update["line"],
                    "update-cycle",
                    f"the update names task {self.tasks[item.task]['id']} of {other.file}, whose "
                    "meeting in turn updates this one's tasks, and no date orders them; "
                    "not applied",
                )
                continue
            kept.append(item)
        return kept

    def dated_before(self, first: int, second: int) -> bool:
        a, b = self.meetings[first].date, self.meetings[second].date
        return a is not None and b is not None and a < b

    def apply(self, entry: _Meeting, targets: list[tuple[Record, int]]) -> None:
        groups: dict[int, list[Record]] = defaultdict(list)
        for update, index in targets:
            groups[index].append(update)
        for index, updates in groups.items():
            if len(updates) > 1 and self.conflict(entry, index, updates):
                continue
            for update in updates:
                self.apply_one(entry, self.tasks[index], update)

    def conflict(self, entry: _Meeting, index: int, updates: list[Record]) -> bool:
        first_status: dict[str, int] = {}
        first_due: dict[str, int] = {}
        for update in updates:
            if update["status"] is not None:
                first_status.setdefault(update["status"], update["line"])
            if update["due"] is not None:
                first_due.setdefault(str(update["due"]), update["line"])
        if len(first_status) < 2 and len(first_due) < 2:
            return False
        task_id = self.tasks[index]["id"]
        if len(first_status) > 1:
            what = "status " + " / ".join(first_status)
        else:
            what = "due " + " / ".join(first_due)
        lines = sorted({u["line"] for u in updates})
        self.problem(
            entry.file,
            lines[-1],
            "conflicting-update",
            f"updates on task {task_id} in one meeting disagree ({what}; lines "
            f"{', '.join(map(str, lines))}); none of them is applied",
        )
        return True

    def apply_one(self, entry: _Meeting, task: Record, update: Record) -> None:
        status, due = update["status"], _date(update["due"])
        if status is None and due in (None, task["due"]) and _restates(task, update["text"]):
            return  # a line of ``minutes next`` left as it was written: no news
        if status is not None:
            task["status"] = status
        if due is not None:
            task["due"] = due
        text = update["text"].strip()
        if text:
            task["last_progress"] = {"date": entry.date, "text": text}
        task["history"].append(
            {
                "meeting_date": entry.date,
                "file": entry.file,
                "line": update["line"],
                "status": status,
                "due": due,
                "text": text,
            }
        )

def _restates(task: Record, text: str) -> bool:
    """Whether ``text`` only restates ``task`` as ``minutes next`` lists it (the task, its
    owner and due date, an overdue mark): a follow-up line nobody filled in."""
    from pipeline.ledger.next_notes import follow_up_words

    written = normalise(text)
    if not written:
        return False
    owner = task["owner"] or {}
    joiner = "/" if task["language"] == "en" else " "
    names = joiner.join(p for p in (owner.get("department"), owner.get("name")) if p)
    words = follow_up_words(task["task"], names or task["owner_text"] or "", task["due"], task["language"])
    listed = normalise(" — ".join(words))
    return written == listed or written.startswith(listed + normalise(" — ⚠"))


def _in_cycles(edges: dict[int, set[int]]) -> dict[int, int]:
    """The nodes that lie on a cycle of ``edges``, each mapped to its component (Tarjan)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    component: dict[int, int] = {}
    counter = 0

    def visit(root: int) -> None:
        nonlocal counter
        # iterative Tarjan: (node, iterator over its successors)
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(edges.get(nxt, ())))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                if len(members) > 1:
                    for member in members:
                        component[member] = node

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return component


def ledger_of_records(notes: Sequence[tuple[str, Record]], as_of: dt.date) -> Ledger:
    """The ledger of ``notes`` ((file name, :func:`record_of` a meeting) pairs) on ``as_of``."""
    entries = [(file, record, _date(record["date"])) for file, record in notes]
    entries.sort(key=lambda e: (e[2] is None, e[2] or dt.date.min, e[0]))
    ordered = [_Meeting(file, record, date, position) for position, (file, record, date) in enumerate(entries)]
    run = _Run(as_of=as_of, meetings=ordered)
    run.collect()
    run.run_updates()
    problems = sorted(run.problems, key=lambda p: (p["file"], p["line"] or 0, p["rule"]))
    return ledger_from_rows(as_of, run.tasks, problems)


def ledger_from_rows(as_of: dt.date, tasks: list[Record], problems: list[Record]) -> Ledger:
    """The ledger of ``tasks`` (dicts of every field of :class:`LedgerTask`, dates as dates
    or ISO text, people and notes as dicts) on ``as_of``, their states worked out.

    The rows are made without pydantic's validation, which would take most of the time
    of a large archive: what goes in is the core's own data, or the ledger the index
    kept (read back as JSON). Keys, dates and statuses are checked; anything else
    raises ValueError, KeyError or TypeError. The dicts become the rows' own (they are
    changed in place, not copied).
    """
    from pipeline.ledger.entry import LedgerProblem, LedgerUpdate
    from pipeline.model import DatedNote, Person

    classes = (Ledger, LedgerTask, LedgerUpdate, Person, DatedNote)
    if any(cls.__pydantic_post_init__ or cls.__pydantic_root_model__ for cls in classes):
        ledger = Ledger.model_validate({"as_of": as_of, "tasks": tasks, "problems": problems})
        return with_states(ledger, as_of)  # pragma: no cover - a pydantic unlike ours
    made = _Maker()
    day = _date
    rows = []
    for task in tasks:
        task["meeting_date"] = day(task["meeting_date"])
        task["start"] = day(task["start"])
        task["due"] = day(task["due"])
        if task["status"] not in ACTION_STATUSES:
            raise ValueError(f"not a status: {task['status']!r}")
        task["state"], task["days_overdue"] = state_on(task["status"], task["due"], as_of)
        task["owner"] = made.person(task["owner"])
        task["collaborators"] = [made.person(p) for p in task["collaborators"]]
        progress = task["last_progress"]
        if progress is not None:
            progress["date"] = day(progress["date"])
            task["last_progress"] = made(DatedNote, progress)
        history = []
        for update in task["history"]:
            update["meeting_date"] = day(update["meeting_date"])
            update["due"] = day(update["due"])
            history.append(made(LedgerUpdate, update))
        task["history"] = history
        rows.append(made(LedgerTask, task))
    listed = [LedgerProblem.model_validate(problem) for problem in problems]
    return Ledger.model_construct(as_of=as_of, tasks=rows, problems=listed)


ACTION_STATUSES = frozenset(get_args(ActionStatus))


class _Maker:
    """Model instances from dicts holding every field, in the order of the fields (as the
    core lays them out and ``model_dump_json`` writes them), as ``model_construct``
    makes them without its per-field search for aliases and defaults."""

    def __init__(self) -> None:
        self.keys: dict[type[Any], frozenset[str]] = {}
        # every field is given: one set of names per class, shared (adding a name it
        # already holds is all pydantic ever does to it)
        self.given: dict[type[Any], set[str]] = {}
        self.people: dict[tuple[Any, ...], Any] = {}

    def __call__(self, cls: type[Any], values: dict[str, Any]) -> Any:
        keys = self.keys.get(cls)
        if keys is None:
            keys = self.keys[cls] = frozenset(cls.model_fields)
            self.given[cls] = set(keys)
        if values.keys() != keys:
            raise ValueError(f"not a row of {cls.__name__}")
        row = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(row, "__dict__", values)
        setattr_(row, "__pydantic_fields_set__", self.given[cls])
        setattr_(row, "__pydantic_extra__", None)
        setattr_(row, "__pydantic_private__", None)
        return row

    def person(self, values: dict[str, Any] | None) -> Any:
        """A person; the tasks of one owner share one (the rows are to be read, not changed)."""
        if values is None:
            return None
        key = tuple(values.items())
        made = self.people.get(key)
        if made is None:
            from pipeline.model import Person

            made = self.people[key] = self(Person, values)
        return made


def build_ledger(notes: Sequence[tuple[str, Meeting]], as_of: dt.date) -> Ledger:
    """The ledger of the meetings ``notes`` ((file name, meeting) pairs) on ``as_of``."""
    return ledger_of_records([(file, record_of(meeting)) for file, meeting in notes], as_of)


def with_states(ledger: Ledger, as_of: dt.date) -> Ledger:
    """``ledger`` with every task's state worked out again for ``as_of``."""
    for task in ledger.tasks:
        task.state, task.days_overdue = state_on(task.status, task.due, as_of)
    ledger.as_of = as_of
    return ledger


def owner_matches(task: LedgerTask, needle: str) -> bool:
    """Whether ``needle`` is part of the task owner's department, name or the owner as
    written (case and width ignored)."""
    wanted = normalise(needle)
    if not wanted:
        return True
    owner = task.owner
    fields = [task.owner_text]
    if owner is not None:
        fields += [owner.department, owner.name]
    return any(wanted in normalise(value) for value in fields if value)


def select(ledger: Ledger, owner: str | None = None, open_only: bool = False) -> Ledger:
    """The ledger with only the tasks of ``owner`` (a part of a department or a name) and,
    with ``open_only``, only those neither done nor cancelled. Problems are all kept."""
    tasks = [
        task
        for task in ledger.tasks
        if (owner is None or owner_matches(task, owner))
        and not (open_only and task.state in CLOSED)
    ]
    return Ledger.model_construct(as_of=ledger.as_of, tasks=tasks, problems=list(ledger.problems))
