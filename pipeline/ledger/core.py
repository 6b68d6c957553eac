"""The ledger's core: every action item of an archive, with the later meetings' updates applied.

Pure: meetings in, a :class:`~pipeline.ledger.entry.Ledger` out; nothing is read or written.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.ledger.entry import (
    DUE_SOON_DAYS,
    Ledger,
    LedgerProblem,
    LedgerState,
    LedgerTask,
    LedgerUpdate,
)
from pipeline.model import ActionItem, DatedNote, Meeting, Person, TaskUpdate

CLOSED = frozenset({"done", "cancelled"})


def normalise(text: str | None) -> str:
    """``text`` as compared when matching an update to a task: NFKC (full-width forms to
    half-width), case folded, every space removed."""
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _person_key(person: Person | None) -> tuple[str, str]:
    if person is None:
        return ("", "")
    return (normalise(person.department), normalise(person.name))


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
    meeting: Meeting
    position: int = 0


@dataclass
class _Resolved:
    update: TaskUpdate
    meeting: int  # position of the meeting holding the update
    task: int  # index into the tasks


@dataclass
class _Run:
    as_of: dt.date
    meetings: list[_Meeting]
    tasks: list[LedgerTask] = field(default_factory=list)
    task_meeting: list[int] = field(default_factory=list)
    by_id: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_text: dict[tuple[str, str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    problems: list[LedgerProblem] = field(default_factory=list)

    def problem(self, file: str, line: int | None, rule: str, message: str) -> None:
        self.problems.append(LedgerProblem(file=file, line=line, rule=rule, message=message))

    def where(self, index: int) -> str:
        task = self.tasks[index]
        return f"{task.file}:{task.line}"

    # ------------------------------------------------------------------ tasks

    def collect(self) -> None:
        for entry in self.meetings:
            for item in entry.meeting.action_items:
                self.add_task(entry, item)

    def add_task(self, entry: _Meeting, item: ActionItem) -> None:
        meeting = entry.meeting
        task_id = item.id or f"{entry.file}:{item.line}"
        task = LedgerTask.model_construct(
            id=task_id,
            meeting_title=meeting.title,
            meeting_date=meeting.date,
            file=entry.file,
            line=item.line,
            end_line=item.end_line,
            task=item.task,
            owner=item.owner,
            collaborators=list(item.collaborators),
            start=item.start,
            due=item.due,
            status=item.status,
            state="open",
            days_overdue=0,
            acceptance=item.acceptance,
            last_progress=item.progress[-1] if item.progress else None,
            history=[],
            language=meeting.language,
            owner_text=item.owner_text,
        )
        index = len(self.tasks)
        earlier = self.by_id.get(task_id)
        if earlier:
            self.problem(
                entry.file,
                item.line,
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
            for update in entry.meeting.task_updates:
                if update.task_id:
                    target = self.target_by_id(entry, update)
                    if target is not None:
                        resolved.append(_Resolved(update, entry.position, target))
        for item in self.without_cycles(resolved):
            by_id[item.meeting][id(item.update)] = item.task
        for entry in self.meetings:
            ids = by_id.get(entry.position, {})
            targets: list[tuple[TaskUpdate, int]] = []
            for update in entry.meeting.task_updates:
                if update.task_id:
                    target = ids.get(id(update))
                else:
                    target = self.target_by_text(entry, update)
                if target is not None:
                    targets.append((update, target))
            self.apply(entry, targets)

    def target_by_id(self, entry: _Meeting, update: TaskUpdate) -> int | None:
        task_id = update.task_id.lstrip("#")
        found = self.by_id.get(task_id, [])
        if not found:
            self.problem(
                entry.file, update.line, "unknown-task-id", f"no task has the id {task_id}"
            )
            return None
        if len(found) > 1:
            places = ", ".join(self.where(i) for i in found)
            self.problem(
                entry.file,
                update.line,
                "duplicate-task-id",
                f"{len(found)} tasks have the id {task_id} ({places}); the update is not applied",
            )
            return None
        index = found[0]
        own = self.meetings[self.task_meeting[index]]
        if own.position == entry.position:
            self.problem(
                entry.file,
                update.line,
                "update-cycle",
                f"the update names task {task_id} of the same meeting; not applied",
            )
            return None
        if own.meeting.date and entry.meeting.date and own.meeting.date > entry.meeting.date:
            self.problem(
                entry.file,
                update.line,
                "update-cycle",
                f"the update names task {task_id} of a later meeting "
                f"({own.meeting.date.isoformat()}, {own.file}); not applied",
            )
            return None
        return index

    def target_by_text(self, entry: _Meeting, update: TaskUpdate) -> int | None:
        text = normalise(update.task)
        if not text:
            self.problem(
                entry.file,
                update.line,
                "unmatched-update",
                "the update names no task (no id and no task text); not applied",
            )
            return None
        if not self.by_text:  # made on the first update without an id
            for index, task in enumerate(self.tasks):
                department, name = _person_key(task.owner)
                self.by_text[(normalise(task.task), department, name)].append(index)
        candidates = [
            index
            for index in self.by_text.get((text, *_person_key(update.owner)), [])
            if self.task_meeting[index] < entry.position
            and self.tasks[index].status not in CLOSED
        ]
        if not candidates:
            self.problem(
                entry.file,
                update.line,
                "unmatched-update",
                f"no open task of an earlier meeting has the text “{update.task}” and this "
                "owner; not applied (name the task by its id)",
            )
            return None
        if len(candidates) > 1:
            places = ", ".join(self.where(i) for i in candidates)
            self.problem(
                entry.file,
                update.line,
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
                    item.update.line,
                    "update-cycle",
                    f"the update names task {self.tasks[item.task].id} of {other.file}, whose "
                    "meeting in turn updates this one's tasks, and no date orders them; "
                    "not applied",
                )
                continue
            kept.append(item)
        return kept

    def dated_before(self, first: int, second: int) -> bool:
        a, b = self.meetings[first].meeting.date, self.meetings[second].meeting.date
        return a is not None and b is not None and a < b

    def apply(self, entry: _Meeting, targets: list[tuple[TaskUpdate, int]]) -> None:
        groups: dict[int, list[TaskUpdate]] = defaultdict(list)
        for update, index in targets:
            groups[index].append(update)
        for index, updates in groups.items():
            if self.conflict(entry, index, updates):
                continue
            for update in updates:
                self.apply_one(entry, self.tasks[index], update)

    def conflict(self, entry: _Meeting, index: int, updates: list[TaskUpdate]) -> bool:
        first_status: dict[str, int] = {}
        first_due: dict[dt.date, int] = {}
        for update in updates:
            if update.status is not None:
                first_status.setdefault(update.status, update.line)
            if update.due is not None:
                first_due.setdefault(update.due, update.line)
        if len(first_status) < 2 and len(first_due) < 2:
            return False
        task_id = self.tasks[index].id
        if len(first_status) > 1:
            what = "status " + " / ".join(first_status)
        else:
            what = "due " + " / ".join(d.isoformat() for d in first_due)
        lines = sorted({u.line for u in updates})
        self.problem(
            entry.file,
            lines[-1],
            "conflicting-update",
            f"updates on task {task_id} in one meeting disagree ({what}; lines "
            f"{', '.join(map(str, lines))}); none of them is applied",
        )
        return True

    def apply_one(self, entry: _Meeting, task: LedgerTask, update: TaskUpdate) -> None:
        date = entry.meeting.date
        if update.status is not None:
            task.status = update.status
        if update.due is not None:
            task.due = update.due
        text = update.text.strip()
        if text:
            task.last_progress = DatedNote(date=date, text=text)
        task.history.append(
            LedgerUpdate.model_construct(
                meeting_date=date,
                file=entry.file,
                line=update.line,
                status=update.status,
                due=update.due,
                text=text,
            )
        )

    # ------------------------------------------------------------------ states

    def settle(self) -> None:
        for task in self.tasks:
            task.state, task.days_overdue = state_on(task.status, task.due, self.as_of)


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


def meeting_order(notes: Iterable[tuple[str, Meeting]]) -> list[tuple[str, Meeting]]:
    """Meetings by date, then file name; those without a date last, by file name."""
    return sorted(
        notes, key=lambda pair: (pair[1].date is None, pair[1].date or dt.date.min, pair[0])
    )


def build_ledger(notes: Sequence[tuple[str, Meeting]], as_of: dt.date) -> Ledger:
    """The ledger of the meetings ``notes`` ((file name, meeting) pairs) on ``as_of``."""
    ordered = [
        _Meeting(file, meeting, position)
        for position, (file, meeting) in enumerate(meeting_order(notes))
    ]
    run = _Run(as_of=as_of, meetings=ordered)
    run.collect()
    run.run_updates()
    run.settle()
    problems = sorted(run.problems, key=lambda p: (p.file, p.line or 0, p.rule))
    return Ledger.model_construct(as_of=as_of, tasks=run.tasks, problems=problems)


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
