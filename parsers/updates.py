"""Updates on tasks of earlier meetings: ``- [x] #2024-06-12-3 已上线``.

A later meeting reports on earlier tasks, in a follow-up section (``## 上次行动项跟进``,
``## Follow-up of previous actions``) or on a line naming a task by its id. One such
line is read into an :class:`UpdateDraft`: the id (``#Q3-7``, ``2024-06-12-3``), a new
status (a ticked box, or a status word standing as a clause of its own), a new due
date (``延期到7月20日``, ``moved to 2024-07-20``, ``截止：…``) and the words as written.
A line without an id names its task by its words (and owner) instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from parsers.actions import (
    draft_from_line,
    due_phrase,
    split_fields,
    strip_checkbox,
    strip_enumerator,
)
from parsers.dates import DateOrder, month_deadline, parse_date
from parsers.lazy_regex import lazy_compile
from parsers.people import parse_people
from parsers.sentences import find_tasks, owner_marker
from parsers.vocabulary import UPDATE_CHANGED_TO, UPDATE_NEW_DUE, UPDATE_STATUS
from pipeline.model import ActionStatus, Person, TaskUpdate

_ID_END = r"(?=[\s:：,，;；、。)）\]】—–]|$)"
# "#Q3-7", "#2024-06-12-3" at the start of the line's words; a bare "2024-06-12-3" too
_ID_AT_START = lazy_compile(
    r"^(?:#(?P<hash>[A-Za-z0-9][A-Za-z0-9_-]{0,38}[A-Za-z0-9])" + _ID_END
    + r"|(?P<date>\d{4}-\d{2}-\d{2}-\d{1,4})" + _ID_END + ")"
)
_DATE_ID = lazy_compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})-\d{1,4}$")
_AFTER_ID = " \t:：,，;；、.。-—–"
# where one clause of an update ends and the next begins
_CLAUSE_BREAK = lazy_compile(r"[，,；;。：:（）()\[\]【】]|\s+[-—–]+\s+|——|—|–")
# what may follow a status word in its clause: a new date, or when it happened
_CJK_AFTER_STATUS = lazy_compile(r"^(?:到|至|为|為|于|於|了|中)")
_LATIN_AFTER_STATUS = lazy_compile(
    r"(?i)^\s+(?:on|by|since|to|until|till|in|at|as of|last|yesterday|today|this|per|for now|pending)\b"
)
_SEPARATORS = " \t:：,，;；、.。-—–(（"


@dataclass
class UpdateDraft:
    """An update as read, before its date is resolved against the meeting date."""

    line: int
    end_line: int
    task_id: str = ""
    task: str | None = None
    owner_text: str | None = None
    status: ActionStatus | None = None
    due_text: str | None = None
    text: str = ""
    # the line's own status word stands first, right after the id ("#Q3-7 取消（需求变更）")
    status_first: bool = False
    # a labelled owner or deadline: the shape of a new task ("#Q3-7 张三负责…，截止：…")
    task_shaped: bool = False
    more: list[str] = field(default_factory=list)

    def add_line(self, text: str) -> None:
        """A line nested under the update: more of its progress, and maybe its new date."""
        text = text.strip()
        if not text:
            return
        self.more.append(text)
        if self.status is None:
            self.status, _ = clause_status(text)
        if self.due_text is None:
            self.due_text = new_due_text(text)

    def finish(self, meeting_date: dt.date | None, date_order: DateOrder | None = None) -> TaskUpdate:
        due = None
        if self.due_text:
            due = parse_date(self.due_text, meeting_date, date_order=date_order) or month_deadline(
                self.due_text, meeting_date
            )
        people = parse_people(self.owner_text) if self.owner_text else []
        if len(people) == 2 and people[0].name is None and people[1].department is None:
            # "Owner: R&D, Zhang San": a department, then the person in it
            people = [Person(department=people[0].department, name=people[1].name)]
        separator = "；" if any("\u3400" <= char <= "\u9fff" for char in self.text) else "; "
        text = separator.join(part for part in (self.text, *self.more) if part)
        return TaskUpdate(
            task_id=self.task_id,
            task=self.task or None,
            owner=people[0] if people else None,
            status=self.status,
            due=due,
            due_text=self.due_text,
            text=text,
            line=self.line,
        )


def split_update_id(body: str) -> tuple[str, str | None]:
    """``#Q3-7 进行中`` → ("进行中", "Q3-7"); ``2024-06-12-3：已上线`` → ("已上线", "2024-06-12-3")."""
    match = _ID_AT_START.match(body)
    if match is None:
        return body, None
    found = match.group("hash") or match.group("date")
    if match.group("hash") and not (_DATE_ID.match(found) or _looks_like_id(found)):
        return body, None
    return body[match.end() :].lstrip(_AFTER_ID), found


def _looks_like_id(text: str) -> bool:
    """``Q3-7``, ``T-001``: a digit and a letter; ``#123`` is an issue, ``#urgent`` a tag."""
    return any(char.isdigit() for char in text) and any(char.isascii() and char.isalpha() for char in text)


def id_date(task_id: str) -> dt.date | None:
    """The meeting date an id made from one carries (``2024-06-12-3`` → 2024-06-12)."""
    match = _DATE_ID.match(task_id)
    if match is None:
        return None
    try:
        return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None


def _clauses(text: str) -> list[tuple[int, str]]:
    """(start, words) of each clause of ``text``."""
    clauses: list[tuple[int, str]] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        clauses.append((start, text[start : match.start()]))
        start = match.end()
    clauses.append((start, text[start:]))
    return [(begin, words) for begin, words in clauses if words.strip()]


def _status_in_clause(clause: str) -> ActionStatus | None:
    words = clause.strip().strip("*_~ ")
    lowered = words.lower()
    for word in UPDATE_STATUS.words:
        written = word.lower()
        if lowered == written:
            return _status_named(word)
        if lowered.startswith(written):
            after = words[len(word) :]
            latin = word.isascii()
            if (latin and _LATIN_AFTER_STATUS.match(after)) or (not latin and _CJK_AFTER_STATUS.match(after)):
                return _status_named(word)
        if lowered.endswith(written) and not word.isascii() and lowered.startswith("已") and len(words) <= 20:
            return _status_named(word)  # "接口已完成", "已于6月20日上线"
    return None


def _status_named(word: str) -> ActionStatus | None:
    return UPDATE_STATUS.lookup(word)  # type: ignore[return-value]


def clause_status(text: str) -> tuple[ActionStatus | None, int]:
    """The first status a clause of ``text`` states, and the clause's position (-1: none)."""
    for position, (_, clause) in enumerate(_clauses(text)):
        status = _status_in_clause(clause)
        if status is not None:
            return status, position
    return None, -1


def new_due_text(text: str) -> str | None:
    """``进行中，延期到7月20日`` → ``7月20日``; ``moved to 2024-07-20`` → ``2024-07-20``.

    After words that only ever move a date (延期到, moved to) the words are kept even when
    they are no date (``延期到下个季度``: the date stays unread, the words are reported);
    after words that change anything (改为, 调整到) only a date counts.
    """
    lowered = text.lower()
    for phrases, need_date in ((UPDATE_NEW_DUE, False), (UPDATE_CHANGED_TO, True)):
        for phrase in phrases:
            at = lowered.find(phrase)
            if at == -1:
                continue
            rest = text[at + len(phrase) :].lstrip(" :：")
            clause = _CLAUSE_BREAK.split(rest, maxsplit=1)[0] if rest else ""
            clause = clause.strip(" 。.")
            if clause and (not need_date or _reads_as_date(clause)):
                return clause
    return None


def _reads_as_date(text: str) -> bool:
    """``7月20日``, ``next Friday``, ``8月``: a date (``改为林主任`` gives none)."""
    reference = dt.date(2000, 1, 3)
    return bool(due_phrase(text) or parse_date(text, reference) or month_deadline(text, reference))


def _task_words(head: str) -> str:
    """The words naming the task: the head of the line before its status or new date."""
    for start, clause in _clauses(head):
        if _status_in_clause(clause) is not None or new_due_text(clause) is not None:
            return head[:start].rstrip(_SEPARATORS)
    return head.strip()


def _owner_value(value: str) -> str:
    """``行銷部 黃專員）：需支持`` → ``行銷部 黃專員``: the owner, without what the line says next."""
    value = _OWNER_END.split(value, maxsplit=1)[0]
    return value.strip(_SEPARATORS + ")）]】")


_OWNER_END = lazy_compile(r"\s*[:：]\s*|[)）]")


def read_update(text: str, line: int, end_line: int | None = None) -> UpdateDraft:
    """One line naming an earlier task, read as an update (fields as far as it gives them)."""
    body = text.strip()
    body, checked = strip_checkbox(body)
    if checked is None:
        body, checked = strip_checkbox(strip_enumerator(body))
    rest, task_id = split_update_id(body.strip())
    rest = rest.strip()
    fields = split_fields(rest)
    pairs = dict(fields.pairs)
    status, position = clause_status(fields.head or rest)
    if status is None and fields.pairs:
        status, position = clause_status(rest)  # "… — Owner: Dana Wu: blocked"
    if status is None and pairs.get("status"):
        status, _ = clause_status(pairs["status"])
    if checked and status != "cancelled":
        status = "done"
    draft = UpdateDraft(line=line, end_line=end_line or line, task_id=task_id or "", status=status, text=rest)
    draft.status_first = position == 0
    draft.task_shaped = "owner" in pairs or "due" in pairs
    draft.due_text = new_due_text(rest) or pairs.get("due") or None
    draft.owner_text = _owner_value(pairs.get("owner", "")) or None
    if not task_id:
        words = _task_words(fields.head or rest)
        if draft.owner_text is None and words:
            # "整理用户反馈（由张三负责）：已完成", "发布说明 —— 市场部 李娜": an owner without a label
            read = draft_from_line(words, line, line, None)
            draft.owner_text = read.owner_text
            words = read.task or words
            if draft.due_text is None and read.due_text:
                draft.due_text = read.due_text
        if draft.owner_text is None and words:
            marked = owner_marker(words)
            cues = find_tasks(words) if marked is None or not marked[1] else []
            if marked is not None and marked[1]:
                words, draft.owner_text = marked[0], "、".join(marked[1])  # "联系供应商（张三）"
            elif len(cues) == 1 and cues[0].owners:
                draft.owner_text = "、".join(cues[0].owners)  # "张三负责联系供应商", "Dana to send the deck"
        if words and (due := due_phrase(words)) is not None:
            # "…，6月30日前": the deadline restated after the task's words
            head, _, tail = words.rpartition("，" if "，" in words else ",")
            if head and due in tail and len(tail.strip()) <= 20:
                words = head
                draft.due_text = draft.due_text or tail.strip()
        draft.task = words.strip(_SEPARATORS) or None
        draft.text = body.strip()
    return draft


def starts_with_id(text: str) -> str | None:
    """The id a line's words open with (after its bullet and check box), or None."""
    body, checked = strip_checkbox(text.strip())
    if checked is None:
        body, _ = strip_checkbox(strip_enumerator(body))
    return split_update_id(body.strip())[1]


_ANY_ID = re.compile(r"#?\d{4}-\d{2}-\d{2}-\d|#[A-Za-z0-9]")


def may_name_a_task(text: str) -> bool:
    """A cheap test before :func:`starts_with_id`: the line has something shaped like an id."""
    return _ANY_ID.search(text) is not None
