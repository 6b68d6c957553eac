"""Action items: one line of inline fields, detail lines under it, or a table row.

``提交方案；负责人：销售部 黄主管；截止：11月10日；完成标准：经张经理审核`` and
``Send the deck @Legal/Maria Garcia due: Dec 2`` are read into an
:class:`ActionDraft`; dates stay as text until :meth:`ActionDraft.finish` knows
the meeting date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from parsers.dates import (
    DateOrder,
    find_absolute_date,
    month_deadline,
    normalise_digits,
    parse_date,
)
from parsers.lazy_regex import LazyPattern, lazy_compile
from parsers.people import is_titled_name, parse_people, parse_person, split_outside_brackets
from parsers.vocabulary import (
    ACTION_KEYS,
    ACTION_STATUS,
    BULLETS,
    looks_like_department,
    normalise_key,
)
from pipeline.model import ActionItem, ActionStatus, DatedNote, Meeting, Person

_CHECKBOX = lazy_compile(r"^\s*\[(?P<mark>[ xX✓√✔]?)\]\s*")
_ENUMERATOR = lazy_compile(
    r"^\s*(?:\(?\d{1,3}[.、．)）]|（\d{1,3}）|[①-⑳]|[一二三四五六七八九十]{1,3}[、.．]|[-*+•·]\s|" + BULLETS + r")\s*"
)
_SEPARATORS = "，,；;|｜"
_DDL = lazy_compile(r"(?<![A-Za-z])DDL(?![A-Za-z])\s*[:：]?\s*", re.IGNORECASE)
# a key ends in a colon, or in a spaced dash as English notes write "Owner - Jane"
_COLON = lazy_compile(r"[:：]|[ \t]+[-–—][ \t]+")
# what may stand right before a field key: "任务；负责人：", "task, owner:", "(owner:", "[Owner:"
# the only keys a dash may end: "Owner - Jane", "Due - Friday" (not "update — owner: …")
_DASH_KEYS = frozenset(
    normalise_key(word)
    for word in ["owner", "owners", "due", "deadline", "assignee", "responsible", "due date", "负责人", "負責人", "截止"]
)
# "补充错误码--责任人：小周": a dash may stand right before a key too
_KEY_BOUNDARY = frozenset(" \t\n，,；;|｜(（[【、。—–-")
_MAX_KEY_WORDS = 4
# longest key as written, with room for emphasis markers and spaces ("**完成标准**")
_MAX_KEY_LENGTH = max(len(word) for word in ACTION_KEYS.words) + 8
_WORD_BACK = lazy_compile("[^" + re.escape("".join(sorted(_KEY_BOUNDARY))) + "]*")
_PADDING_BACK = lazy_compile(r"[ *_]*")
_MENTION = lazy_compile(
    r"(?<![\w.])[@＠](?P<who>[^\s，,；;|｜()（）@＠]+(?:\s+(?:&\s+)?[A-Z][^\s，,；;|｜()（）@＠]*)*)"
)
# fields whose value is one short item: text after a "；" is a remark, not part of it
_SHORT_FIELDS = ("owner", "department", "due", "start", "status")
_DASH_TAIL = lazy_compile(r"\s*(?:——|--|—|–|\s-\s)\s*(?P<tail>[^—–]+)$")
_PROGRESS_WORDS = lazy_compile(
    r"^(?:已|完成了|收到|开始|開始|启动了|啟動了|提交了|交付了|确认了|確認了)"
    r"|(?i:\b(?:done|completed|finished|started|received|sent|delivered|submitted|signed|approved)\b)"
)


@dataclass
class ActionDraft:
    """An action item as read, before dates are resolved against the meeting date."""

    task: str
    line: int
    end_line: int
    agenda_index: int | None = None
    owner_text: str | None = None
    department_text: str | None = None
    mentions: list[str] = field(default_factory=list)
    collaborators_text: list[str] = field(default_factory=list)
    start_text: str | None = None
    due_text: str | None = None
    description: list[str] = field(default_factory=list)
    milestones: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    acceptance: list[str] = field(default_factory=list)
    progress: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    status_text: str | None = None
    checked: bool = False
    notes: list[str] = field(default_factory=list)
    # "张总：下周一前把报价发给客户": who spoke, and the line as written in case it is no person
    speaker: str | None = None
    speaker_line: str | None = None
    speaker_due: bool = False
    # read from a sentence of the discussion or a decision, not from an action-items list
    from_sentence: bool = False
    # the id the recorder wrote ("- [ ] #Q3-7 …", an id column of a table), without its "#"
    given_id: str | None = None

    def is_empty(self) -> bool:
        """An empty ``- [ ]`` line of a copied template: nothing to assign."""
        return not (
            self.task or self.owner_text or self.department_text or self.mentions or self.due_text
            or self.acceptance or self.collaborators_text or self.description
        )

    def resolve_speaker(self, names: frozenset[str]) -> None:
        """Keep ``张总：…`` as the owner when 张总 is a person of the meeting or a surname and title."""
        if self.speaker is None or self.speaker_line is None:
            return
        if self.owner_text is None and (self.speaker in names or is_titled_name(self.speaker)):
            self.owner_text = self.speaker
        else:
            # "优化场景: 明天完成首页调整": no speaker, but the deadline read from the words stands
            self.task = self.speaker_line
        self.speaker = self.speaker_line = None

    def set_field(self, name: str, value: str) -> None:
        """Store one ``key：value`` field; list-like fields accumulate."""
        value = value.strip()
        if not value:
            return
        if name == "owner":
            self.owner_text = value if self.owner_text is None else f"{self.owner_text}、{value}"
        elif name == "department":
            self.department_text = value
        elif name == "collaborators":
            self.collaborators_text.append(value)
        elif name == "start":
            self.start_text = value
        elif name == "due":
            self.due_text = value
        elif name == "status":
            self.status_text = value
        elif name == "task":
            self.task = value if not self.task else self.task
        elif name in ("milestones", "resources", "progress", "risks"):
            getattr(self, name).extend(_split_list_value(value) if name != "risks" else [value])
        elif name in ("description", "acceptance", "notes"):
            getattr(self, name).append(value)

    def add_detail(self, text: str, parent_field: str | None = None) -> None:
        """A line under the item: ``描述：…``, ``11月15日：文案``, ``2023-11-12：已完成…`` or plain text."""
        text = _ENUMERATOR.sub("", text).strip()
        if not text:
            return
        if parent_field in ("milestones", "resources", "progress"):
            getattr(self, parent_field).append(text)
            return
        if parent_field:
            self.set_field(parent_field, text)
            return
        fields = split_fields(text)
        if fields.pairs and not fields.head:
            for name, value in fields.pairs:
                self.set_field(name, value)
            return
        if _starts_with_date(text):
            _, rest = _split_dated(text)
            (self.progress if _PROGRESS_WORDS.search(rest.strip()) else self.milestones).append(text)
            return
        self.description.append(text)

    def finish(self, meeting_date: dt.date | None, date_order: DateOrder | None = None) -> ActionItem:
        self.resolve_speaker(frozenset())
        people = parse_people(self.owner_text) if self.owner_text else []
        # "新同学负责UI设计": someone not yet named is nobody responsible (the words stay in owner_text)
        people = [person for person in people if not _unnamed(person)]
        if not people and self.mentions:
            people = [p for p in (parse_person(m) for m in self.mentions) if p is not None]
        if self.department_text:
            people = _paired(self.owner_text, self.department_text) or _with_department(
                people, self.department_text
            )
        owner_text = self.owner_text
        if owner_text is None and self.mentions:
            owner_text = "、".join("@" + m for m in self.mentions)
        if owner_text is None and self.department_text:
            owner_text = self.department_text
        collaborators = [p for text in self.collaborators_text for p in parse_people(text)]
        status = _status(self.status_text)
        if status is None:
            status = "done" if self.checked else "not_started"
        return ActionItem(
            task=self.task or "",
            owner=people[0] if people else None,
            co_owners=people[1:],
            collaborators=collaborators,
            start=parse_date(self.start_text, meeting_date, roll=False, date_order=date_order) if self.start_text else None,
            start_text=self.start_text,
            due=(parse_date(self.due_text, meeting_date, date_order=date_order) or month_deadline(self.due_text, meeting_date))
            if self.due_text
            else None,
            due_text=self.due_text,
            description=_join(self.description),
            milestones=[_dated(text, meeting_date, roll=True) for text in self.milestones],
            resources=self.resources,
            acceptance=_join(self.acceptance),
            progress=[_dated(text, meeting_date, roll=False) for text in self.progress],
            risks=self.risks,
            status=status,
            notes=_join(self.notes),
            line=self.line,
            end_line=max(self.end_line, self.line),
            owner_text=owner_text,
            agenda_index=self.agenda_index,
            id=self.given_id or "",
        )


_UNNAMED = frozenset(
    ("新同学", "新同學", "新人", "新成员", "新成員", "某人", "待定", "someone", "somebody", "a volunteer", "volunteer", "tbd", "tba")
)


def _unnamed(person: Person) -> bool:
    """A person the notes do not name: ``新同学``, ``someone``, ``TBD``."""
    return any((part or "").strip().lower() in _UNNAMED for part in (person.name, person.department))


def _join(parts: list[str]) -> str | None:
    parts = [part for part in parts if part]
    if not parts:
        return None
    return "；".join(parts) if any(_has_cjk(p) for p in parts) else "; ".join(parts)


def _has_cjk(text: str) -> bool:
    # Not a regex: compiling the class [\u3400-\u9fff] takes milliseconds at start-up.
    return any("\u3400" <= char <= "\u9fff" for char in text)


def _split_list_value(value: str) -> list[str]:
    parts = split_outside_brackets(value, "；;")
    return [_ENUMERATOR.sub("", part).strip() for part in parts if part.strip()]


def _paired(owner_text: str | None, department_text: str) -> list[Person] | None:
    """Table cells ``运营部/法务部`` and ``林主管/杨律师``: the n-th person belongs to the n-th department."""
    if not owner_text:
        return None
    departments = [d.strip() for d in re.split(r"[/／、,，;；]", department_text) if d.strip()]
    names = [n.strip() for n in re.split(r"[/／、,，;；]", owner_text) if n.strip()]
    if len(departments) < 2 or len(names) != len(departments):
        return None
    if any(looks_like_department(name) for name in names):
        return None
    return [Person(department=d, name=n) for d, n in zip(departments, names, strict=True)]


def _with_department(people: list[Person], department: str) -> list[Person]:
    """A table's 负责部门 column joined with its 负责人 column."""
    departments = [p.department or p.name for p in parse_people(department)]
    departments = [d for d in departments if d]
    if not people:
        return [Person(department=d) for d in departments]
    if len(departments) == len(people):
        return [
            Person(department=p.department or d, name=p.name) for p, d in zip(people, departments, strict=True)
        ]
    if len(departments) == 1:
        return [Person(department=p.department or departments[0], name=p.name) for p in people]
    return people


def _status(text: str | None) -> ActionStatus | None:
    if not text:
        return None
    key = normalise_key(text)
    if key in ACTION_STATUS:
        return ACTION_STATUS[key]  # type: ignore[return-value]
    # "进行中（50%）", "Delayed - waiting for legal": the longest known word it starts with
    for word in sorted(ACTION_STATUS, key=len, reverse=True):
        if key.startswith(word):
            return ACTION_STATUS[word]  # type: ignore[return-value]
    return None


_DATED_LINE = lazy_compile(r"^(?P<date>[^:：]{2,24}?)\s*[:：]\s*(?P<rest>.+)$")


def _split_dated(text: str) -> tuple[str | None, str]:
    match = _DATED_LINE.match(text)
    if match and find_absolute_date(match.group("date"), dt.date(2000, 1, 1)) is not None:
        return match.group("date"), match.group("rest").strip()
    return None, text


def _starts_with_date(text: str) -> bool:
    date_text, _ = _split_dated(text)
    if date_text is None:
        return False
    found = find_absolute_date(date_text, dt.date(2000, 1, 1))
    return found is not None and found[1] == 0 and len(normalise_digits(date_text).strip()) - found[2] <= 3


def _dated(text: str, meeting_date: dt.date | None, roll: bool) -> DatedNote:
    """``11月15日：市场部提交文案`` → DatedNote(date, "市场部提交文案"); undated text keeps it all."""
    date_text, rest = _split_dated(text)
    if date_text is not None:
        return DatedNote(date=parse_date(date_text, meeting_date, roll=roll), text=rest)
    # "市场部11月15日前提供文案": a date inside the sentence, the whole sentence is the note
    return DatedNote(date=parse_date(text, meeting_date, roll=roll) if meeting_date else None, text=text)


@dataclass(frozen=True)
class Fields:
    head: str
    pairs: tuple[tuple[str, str], ...]


def _run_back(pattern: LazyPattern, backwards: str, position: int) -> int:
    """Where a run of ``pattern`` characters ends in the reversed text, reading from ``position``."""
    match = pattern.match(backwards, position)
    return match.end() if match is not None else position


def _field_keys(text: str) -> list[tuple[int, int, str]]:
    """(start, value start, field name) of every ``key：`` in ``text``, in order.

    A key is a known field word (up to four words: "done when") standing right
    before a colon, at the start or after a separator or space. Scanning back
    from each colon keeps this linear in the text length.
    """
    found: list[tuple[int, int, str]] = []
    # the words before a colon are read backwards: regex matches on the reversed text do the
    # walking in C, one word at a time
    backwards = text[::-1]
    size = len(text)
    for colon in _COLON.finditer(text):
        key_end = size - _run_back(_PADDING_BACK, backwards, size - colon.start())
        best: tuple[int, str] | None = None
        start = key_end
        dash = text[colon.start()] in " \t"
        for _ in range(_MAX_KEY_WORDS):
            start = size - _run_back(_WORD_BACK, backwards, size - start)
            if key_end - start > _MAX_KEY_LENGTH:
                break  # a phrase longer than any key word: no key here
            key = normalise_key(text[start:key_end])
            name = ACTION_KEYS.get(key)
            if name is not None and (not dash or key in _DASH_KEYS):
                best = (start, name)
            if start == 0 or text[start - 1] not in " \t":
                break
            start -= 1
        if best is None:
            continue
        value_start = colon.end()
        while value_start < len(text) and text[value_start] in " *_":
            value_start += 1
        found.append((best[0], value_start, best[1]))
    for match in _DDL.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before in _KEY_BOUNDARY and not any(s <= match.start() < v for s, v, _ in found):
            found.append((match.start(), match.end(), "due"))
    found.sort()
    # a key inside the previous key's own words (e.g. "done" in "done when:") is not a new field
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


@lru_cache(maxsize=1024)
def split_fields(text: str) -> Fields:
    """``任务；负责人：x；截止：y`` → Fields(head="任务", pairs=[("owner","x"),("due","y")])."""
    keys = _field_keys(text)
    if not keys:
        return Fields(text.strip(), ())
    pairs: list[tuple[str, str]] = []
    for index, (_, value_start, name) in enumerate(keys):
        end = keys[index + 1][0] if index + 1 < len(keys) else len(text)
        pairs.append((name, _clean_value(text[value_start:end])))
    # "Publish the rule. Owner - Jane": the sentence's full stop is not part of the task
    return Fields(_clean_value(text[: keys[0][0]]).removesuffix("。").removesuffix("."), tuple(pairs))


_VALUE_STRIP = _SEPARATORS + " 、—–-"
_VALUE_TAIL = _SEPARATORS + " (（[【"
_BRACKET = lazy_compile(r"[()（）\[\]【】]")


def _clean_value(value: str) -> str:
    value = " ".join(value.split()).strip(_VALUE_STRIP)
    # "[Owner: X] [Due: Y]": the bracket that opens the next field is not part of this one
    value = value.rstrip(_VALUE_TAIL)
    if _BRACKET.search(value) is not None:
        value = _drop_unbalanced_brackets(value)
    if "**" in value:
        value = value.replace("**", "")
    return value.strip()


def _drop_unbalanced_brackets(value: str) -> str:
    """``（负责人：张三）``: drop the bracket the field list was wrapped in."""
    for opening, closing in (("(（", ")）"), ("[【", "]】")):
        opened = sum(value.count(ch) for ch in opening)
        closed = sum(value.count(ch) for ch in closing)
        while closed > opened and value and value[-1] in closing:
            value = value[:-1].rstrip(_SEPARATORS + " ")
            closed -= 1
        while opened > closed and value and value[-1] in opening:
            value = value[:-1].rstrip(_SEPARATORS + " ")
            opened -= 1
    return value


def strip_checkbox(text: str) -> tuple[str, bool | None]:
    """``[ ] task`` → ("task", False), ``[x] task`` → ("task", True), other text → (text, None)."""
    match = _CHECKBOX.match(text)
    if not match:
        return text, None
    return text[match.end() :], bool(match.group("mark").strip())


def strip_enumerator(text: str) -> str:
    return _ENUMERATOR.sub("", text, count=1)


# "@ruoxi(沈若溪)": a handle and, in brackets right after it, the person's name
_MENTION_WITH_NAME = lazy_compile(
    r"(?<![\w.])[@＠](?P<who>[^\s，,；;|｜()（）@＠]+(?:\s+(?:&\s+)?[A-Z][^\s，,；;|｜()（）@＠]*)*)"
    r"(?:\s*[(（](?P<name>[^()（）@＠,，;；]{1,20})[)）])?"
)


def _mentioned(match: re.Match[str]) -> str:
    """The person an ``@handle`` names: the name in brackets after it when one is given."""
    named = _MENTION_WITH_NAME.match(match.string, match.start())
    if named is not None and named.group("name"):
        return named.group("name").strip()
    return match.group("who").strip()


# "#Q3-7 张三 6月30日前提交报告": an id the recorder wrote, only at the very start of the
# item's text and only with a digit and a letter in it ("#123" is an issue, "#urgent" a
# tag), or in the form of an id made from a date ("#2024-06-12-3")
_GIVEN_ID = lazy_compile(r"^\s*#(?P<id>[A-Za-z0-9][A-Za-z0-9_-]{0,39})(?:[ \t:：]+|$)")
_ID_VALUE = lazy_compile(r"^#?(?P<id>[A-Za-z0-9][A-Za-z0-9_-]{0,39})$")
_DATE_ID = lazy_compile(r"^\d{4}-\d{2}-\d{2}-\d{1,4}$")


def _looks_like_id(text: str) -> bool:
    """``Q3-7``, ``T-001``, ``2024-06-12-3`` are ids; ``3``, ``1-1``, ``urgent`` are not."""
    if _DATE_ID.match(text):
        return True
    return any(char.isdigit() for char in text) and any(char.isascii() and char.isalpha() for char in text)


def split_given_id(text: str) -> tuple[str, str | None]:
    """``#Q3-7 张三 …`` → ("张三 …", "Q3-7"); text without an id at its start is returned as is."""
    match = _GIVEN_ID.match(text)
    if match is None or not _looks_like_id(match.group("id")):
        return text, None
    return text[match.end() :], match.group("id")


def id_in_cell(value: str) -> str | None:
    """The id an id column holds (``#Q3-7``, ``T-01``), or None for an ordinal number (``3``)."""
    match = _ID_VALUE.match(value.strip())
    if match is None or not _looks_like_id(match.group("id")):
        return None
    return match.group("id")


def draft_from_line(text: str, line: int, end_line: int, agenda_index: int | None) -> ActionDraft:
    """Read one action line (checkbox already optional) with its inline fields."""
    body, checked = strip_checkbox(text)
    first, *more = body.split("\n")
    first = strip_enumerator(first) if checked is None else first
    first, given_id = split_given_id(first)
    first, done = strip_done_marks(first)
    if done:
        checked = True
    fields = split_fields(first)
    task = fields.head
    mentions = [_mentioned(match) for match in _MENTION.finditer(task)]
    if mentions:
        task = _clean_value(_MENTION_WITH_NAME.sub(" ", task))
    draft = ActionDraft(task=task, line=line, end_line=end_line, agenda_index=agenda_index)
    draft.checked = bool(checked)
    draft.mentions = mentions
    draft.given_id = given_id
    has_due = any(name == "due" for name, _ in fields.pairs)
    if not any(name == "owner" for name, _ in fields.pairs) and not mentions:
        _unlabelled_owner(draft, has_due)
    for name, value in fields.pairs:
        if name in _SHORT_FIELDS:
            value, _, remark = _cut_remark(value)
            if remark:
                draft.set_field("notes", remark)
        if name == "owner" or name == "collaborators":
            value_mentions = [m.group("who") for m in _MENTION.finditer(value)]
            if value_mentions:
                value = "、".join(value_mentions)
        if name == "owner" and not has_due:
            # "（负责人：王强，1月20日前）", "Owner - Jane (Finance), by Jan 20", "小周3月20日前"
            value, due_text = _trailing_date(value)
            if not due_text and (glued := _GLUED_DATE.match(value)) is not None:
                value, due_text = glued.group("who"), glued.group("date")
            if due_text:
                draft.set_field("due", due_text)
        draft.set_field(name, value)
    for extra in more:
        draft.add_detail(extra)
    return draft


# "小周3月20日前", "Dana Wu 3/20": a date written right after the owner's name
_GLUED_DATE = lazy_compile(
    r"^(?P<who>.*?[^\d\s/.-])\s*(?P<date>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号號]?(?:之前|以前|前)?"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?)$"
)
# "~~申请测试账号~~", "…，已完成", "…, done", "(done)", "✅": the item was done
_STRUCK = lazy_compile(r"^\s*~~(?P<text>.+)~~\s*$")
_DONE_WORD = lazy_compile(
    r"(?i)\s*(?:[，,;；]\s*(?:已完成|完成了|已解决|已解決|done|completed|finished)"
    r"|[（(]\s*(?:已完成|done|completed)\s*[)）]|\s*[✅✔☑]\ufe0f?)\s*$"
)


def strip_done_marks(text: str) -> tuple[str, bool]:
    """A line's text without its marks of completion, and whether it had any."""
    done = False
    struck = _STRUCK.match(text)
    if struck is not None:
        text, done = struck.group("text"), True
    marked = _DONE_WORD.search(text)
    if marked is not None and marked.start() > 0:
        text, done = text[: marked.start()], True
    return text, done


_BY_OWNER = lazy_compile(r"由\s*(?P<who>[^，,；;。由]{2,16}?)\s*(?:牵头|牽頭)?\s*(?:负责|負責)")
_DATE_PHRASE = lazy_compile(
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号號]?(?:之前|以前|前)?"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:之前|以前|前)?"
    r"|(?:本|这|這|下个?|下個|下下)?(?:周|週|星期)[一二三四五六日天](?:之前|以前|前)?"
    r"|(?:本月|下个?月|下個月)?月底(?:之前|以前|前)?"
)
_SPEAKER = lazy_compile(r"^(?P<who>[^:：\s，,；;]{1,8}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s*[:：]\s*(?P<rest>\S.*)$")
_LEADING_DUE = lazy_compile(r"^(?P<due>.{1,12}?(?:之前|以前|前))\s*(?=\S)")
_BY_DATE = lazy_compile(r"(?i)^(?:by|before|due)\s+")
_TIME_WORDS = lazy_compile(
    r"(?i)\b(?:sometime|some time|soon|asap|tbd|tbc|before|by|within|next|this|end|q[1-4]|week|month|quarter|year)\b"
    r"|尽快|盡快|待定|前|底|月|周|週|年|日|天"
)


def _unlabelled_owner(draft: ActionDraft, has_due: bool) -> None:
    """Owner (and date) written without a label: after a dash, as ``由…负责``, or as the speaker."""
    task, owner_text, due_text, rest = _dash_tail(draft.task)
    if owner_text or due_text:
        draft.task = task
        draft.set_field("owner", owner_text or "")
        if not has_due:
            draft.set_field("due", due_text or (rest if rest and _TIME_WORDS.search(rest) else ""))
        if rest and (has_due or due_text or not _TIME_WORDS.search(rest)):
            draft.set_field("notes", rest)
        return
    by_owner = _BY_OWNER.search(draft.task)
    if by_owner:
        # "流程及主持稿由品牌部小何负责，3月5日前完成初稿；": the sentence stays the task
        draft.task = draft.task.rstrip("；;。. ")
        draft.set_field("owner", by_owner.group("who"))
        date = _DATE_PHRASE.search(draft.task)
        if date and not has_due:
            draft.set_field("due", date.group())
        return
    speaker = _SPEAKER.match(draft.task)
    if speaker and not _looks_like_date(speaker.group("who")):
        draft.speaker, draft.speaker_line = speaker.group("who"), draft.task
        rest = speaker.group("rest")
        if not has_due:
            leading = _LEADING_DUE.match(rest)
            if leading and _looks_like_date(leading.group("due")):
                draft.set_field("due", leading.group("due"))
                rest = rest[leading.end() :]
                draft.speaker_due = True
            else:
                rest, due = _trailing_date(rest)
                if due:
                    draft.set_field("due", due)
                    draft.speaker_due = True
        draft.task = rest


def _trailing_date(value: str) -> tuple[str, str | None]:
    """``王强，1月20日前`` → ("王强", "1月20日前"); ``Jane (Finance), by Jan 20`` → (…, "Jan 20")."""
    parts = split_outside_brackets(value, "，,")
    if len(parts) < 2:
        return value, None
    date = _BY_DATE.sub("", parts[-1])
    if not _looks_like_date(date):
        return value, None
    head = value[: value.rfind(parts[-1])].rstrip("，, ")
    return head, date


def has_unlabelled_owner(text: str) -> bool:
    """A line that names its owner without a label: ``… —— 行政部 小刘``, ``由品牌部小何负责``."""
    body = strip_enumerator(strip_checkbox(text)[0])
    if _BY_OWNER.search(body):
        return True
    _, owner, due, _ = _dash_tail(body)
    return owner is not None or due is not None


def is_speaker_line(text: str) -> bool:
    """``张总：下周一前把报价发给客户``: a person, a colon and what they will do."""
    match = _SPEAKER.match(strip_enumerator(text).strip())
    return match is not None and normalise_key(match.group("who")) not in ACTION_KEYS


def _cut_remark(value: str) -> tuple[str, str, str]:
    parts = split_outside_brackets(value, "；;|｜")
    if len(parts) <= 1:
        return value, "", ""
    return parts[0], "；", "；".join(parts[1:])


def _dash_tail(task: str) -> tuple[str, str | None, str | None, str]:
    """``联系维修商 —— 行政部 小刘，周五前``: an owner and a date after a dash, without labels.

    Returns the task, owner, date and whatever else the tail says (``sometime in Q1``).
    """
    match = _DASH_TAIL.search(task)
    if not match:
        return task, None, None, ""
    owner = due = None
    rest: list[str] = []
    for part in split_outside_brackets(match.group("tail"), "，,；;"):
        if "://" in part or part.strip().startswith("www."):
            rest.append(part)  # "… - https://…": a link, never an owner
            continue
        if due is None and _looks_like_date(part):
            due = part
            continue
        if owner is None:
            person = parse_person(part)
            if person is not None and person.department and (person.name or looks_like_department(part)):
                owner = part
                continue
        rest.append(part)
    if owner is None and due is None:
        return task, None, None, ""
    return task[: match.start()].strip(), owner, due, "，".join(rest) if _has_cjk(task) else ", ".join(rest)


# deadlines written inside a task's sentence, relative to the meeting ("明天白天", "by Friday")
_RELATIVE_DUE = lazy_compile(
    r"(?i)明天|明日|后天|後天|今天|今日|今晚|(?:本|这|這|下个?|下個|下下)?(?:周|週|星期|礼拜|禮拜)[一二三四五六日天末]"
    r"|(?:本|这|這|下个?|下個)(?:周|週|月)(?:底|末)?|月底|月末"
    r"|[两兩一二三四五六七八九十\d]+\s*(?:个|個)?\s*(?:天|周|週|星期|月|工作日)\s*(?:内|內)"
    r"|(?:花费|花費|花|用)\s*[两兩一二三四五六七八九十\d]+\s*(?:个|個)?\s*天(?:的)?(?:时间|時間)?"
    r"|\b(?:tomorrow|tonight|today|eod|eow|asap)\b|\bend\s+of\s+(?:the\s+)?(?:day|week|month)\b"
    r"|\b(?:within|in)\s+(?:the\s+next\s+)?(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|months?)\b"
    r"|\bby\s+the\s+\d{1,2}(?:st|nd|rd|th)\b|\bspend(?:s|ing)?\s+(?:an?|one|two|three|four|five|\d+)\s+days?\b"
    r"|\b(?:this|next|coming)\s+(?:week|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|\b(?:by|before|until|on)\s+(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|(?<=[(（])(?:mon|tues|wednes|thurs|fri|satur|sun)day(?=[)）])|(?<=[(（])(?:周|週|星期)[一二三四五六日天](?=[)）])"
)


_VERSION_WORD = lazy_compile(r"(?i)(?:version|release|python|node|java|ios|android|api|sdk)\s*$|[a-z]\.?$")


def due_phrase(text: str) -> str | None:
    """The deadline written inside a task's own words, as written; None when there is none.

    ``6 月 2 日前完成 redis 搭建`` → ``6 月 2 日``; ``Complete the research by (Wed 4/22)``
    → ``4/22``; ``明天上午输出演示视频`` → ``明天``. The first date wins.
    """
    found = find_absolute_date(text, dt.date(2000, 1, 3))
    if found is not None:
        clean = normalise_digits(text)
        before = clean[max(0, found[1] - 8) : found[1]].lower()
        # "v2.3", "version 24.09", "Python 3.11": a version number, not a date
        if not (before.endswith(("v", "v.")) or _VERSION_WORD.search(before)):
            return clean[found[1] : found[2]]
    relative = _RELATIVE_DUE.search(text)
    return relative.group() if relative is not None else None


def _looks_like_date(text: str) -> bool:
    reference = dt.date(2000, 1, 3)
    return parse_date(text, reference) is not None


# cells of a template row nobody filled in ("| item | who | due_date |"), or marked empty
_UNFILLED_CELLS = frozenset(
    normalise_key(word)
    for word in ("item", "who", "due_date", "due date", "owner", "task", "n/a", "na", "-", "—", "/", "无", "無", "none", "...", "…")
)


def draft_from_row(
    cells: dict[str, str], line: int, agenda_index: int | None
) -> ActionDraft | None:
    """One row of an action table, keyed by column kind (task, owner, due …)."""
    cells = {name: value for name, value in cells.items() if normalise_key(value) not in _UNFILLED_CELLS}
    task = cells.get("task", "").strip()
    if not task and not any(cells.get(k) for k in ("owner", "due", "department")):
        return None
    draft = ActionDraft(task=task, line=line, end_line=line, agenda_index=agenda_index)
    draft.given_id = id_in_cell(cells.get("index", ""))
    for name, value in cells.items():
        if name in ("task", "index") or not value.strip() or value.strip() in ("-", "—", "/"):
            continue
        if name in ("milestones", "resources", "progress", "risks"):
            getattr(draft, name).extend(_split_list_value(value))
        else:
            draft.set_field(name, value)
    return draft


def number_action_items(meeting: Meeting) -> None:
    """Give every action item without an id one from the meeting date and its position.

    The position is 1-based among all the meeting's action items in document order
    (items with an id of their own count too), so ``2024-06-12-3`` stays the third
    item whatever ids the recorder writes on the others. Without a meeting date an
    item keeps no id (an empty one) unless the recorder wrote it one.
    """
    if meeting.date is None:
        return
    ordered = sorted(enumerate(meeting.action_items), key=lambda pair: (pair[1].line, pair[0]))
    stem = meeting.date.isoformat()
    for position, (_, item) in enumerate(ordered, 1):
        if not item.id:
            item.id = f"{stem}-{position}"
