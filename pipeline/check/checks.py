"""The rules themselves: one meeting model plus its source lines in, findings out.

Pure: no file is read here. Terms are looked for in the raw source lines of
each resolution and open action item (the model says which lines those are),
so a finding's column is the term's own column in the file the user has open.

Vague words matter in commitments: decisions and tasks. Discussion points,
disagreements, quoted speech, risks and progress updates report what was said
or what happened; they are looked at only when ``vague_in_discussion`` asks for
it, and then as information.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from pipeline.check.catalog import MEETING_FIELDS, RULES, STATUS_NAMES, Severity, message
from pipeline.check.config import DEFAULT_CONFIG, CheckConfig
from pipeline.check.finding import WHOLE_FILE, Finding
from pipeline.check.suppress import Suppressions
from pipeline.check.updates import STILL_CHECKED as UPDATE_RULES
from pipeline.check.updates import conflicts as update_conflicts

if TYPE_CHECKING:
    from pipeline.model import Absentee, ActionItem, AgendaItem, Meeting, Person

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_COMMITMENT_REGIONS = ("resolutions", "action", "owner")
_TALK_REGIONS = ("discussion", "disagreements")
# Quoted speech: “…”, 「…」, 『…』 or "…" (someone's words, not the meeting's commitment).
_QUOTE = re.compile(r'“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"')

_X = "[XxＸ]"
_PLACEHOLDER_SOURCE = "|".join(
    (
        # X月X日, 2023年X月X日, 20XX年X月
        rf"(?:(?<![0-9])(?:\d{{4}}|{_X}{{4}}|20{_X}{{2}})\s*年\s*)?(?<![A-Za-z]){_X}{{1,2}}\s*月"
        rf"(?:\s*(?:{_X}{{1,2}}|\d{{1,2}})\s*[日号號])?",
        # 11月X日
        rf"(?<![0-9])(?:\d{{4}}\s*年\s*)?\d{{1,2}}\s*月\s*{_X}{{1,2}}\s*[日号號]",
        # 20XX年 / 20XX-
        rf"(?<![0-9A-Za-z])20{_X}{{2}}(?:\s*年|[-/])",
        # YYYY-MM-DD and friends
        r"(?<![A-Za-z])YYYY[-/.年]MM(?:[-/.月]DD日?)?(?![A-Za-z])",
        # a lone XX
        r"(?<![A-Za-z0-9])(?:XX+|xx+|ＸＸ+)(?![A-Za-z0-9])",
        # 2023– or 2023-07- with no day (2023-October is a month written out)
        r"(?<![\d.])(?:19|20)\d{2}\s?[-–—/](?:\d{1,2}[-–—/])?(?!\s*\d)(?![A-Za-z])",
        # [姓名], 【待定】 … (a Markdown link "[Name](url)" is not one)
        r"[\[【［〔<＜(（]\s*(?:姓名|名字|人名|负责人|負責人|部门|部門|日期|时间|時間|待定"
        r"|待补充|待補充|待填写|待填寫|填写|填寫|请填写|請填寫|Name|NAME|name|Owner|owner"
        r"|Date|date)\s*[\]】］〕>＞)）](?!\()",
    )
)
# Cheap pre-test, looser than every alternative above: a line without any of
# these cannot hold a placeholder. (A checkbox "[x]" or a full date "2023-11-12"
# passes it no more, so most notes never need the big pattern compiled.)
_PLACEHOLDER_HINT = re.compile(
    r"[XxＸ]\s*[月日号號]|[XxＸ]{2}|YYYY|[\[【［〔<＜(（]\s*[姓名负負人部日时時待填请請NnOoDd]"
    r"|(?:19|20)\d\d\s?[-–—/](?:\d{1,2}[-–—/])?(?!\s*\d)"
)
# A web address is copied, not filled in: "…/2017-October/…" or "…?id=XX" is no placeholder.
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>）]+")
# An absentee list labelled by why they are away: 请假人员/請假人員, 病假, 出差, Regrets, On leave.
_REASON_LABEL = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:请假|請假|病假|事假|公假|出差|休假|公出|regrets|apologies|on\s+leave)",
    re.IGNORECASE,
)
_LONE_STAR = re.compile(r"[*＊]")
# A ticked sub-task nested in an open item ("  - [x] 初稿"): done, so it says nothing.
_TICKED_LINE = re.compile(r"^\s*(?:>\s*)*[-*+]\s+\[[xX]\]")
_CLOSED = ("done", "cancelled")
_PROGRESS_LINE = re.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)、]\s*)?(?:\*\*)?"
    r"(?:风险|風險|risks?|进度|進度|进展|進展|跟进记录|跟進記錄|跟进|跟進|备注|備註|notes?|progress|updates?"
    r"|(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?)"
    r"(?:\*\*)?\s*[：:]",
    re.IGNORECASE,
)


# The patterns below are compiled on first use: most notes never need them, and
# a cold ``minutes check`` would pay for compiling them (several ms for the first).
@cache
def _placeholder() -> re.Pattern[str]:
    return re.compile(_PLACEHOLDER_SOURCE)


@cache
def _words() -> re.Pattern[str]:
    return re.compile(r"[A-Za-z0-9]+|[\u3400-\u9fff]")


@cache
def _bullet() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)、]\s*|\|\s*)?")


def _is_nickname(name: str) -> bool:
    """小罗, 老王, 阿明: what colleagues call each other, not a name for an official record."""
    return len(name) == 2 and name[0] in "小老阿" and "\u4e00" <= name[1] <= "\u9fff"


def source_lines(source: str) -> list[str]:
    """The lines of the notes as the parser numbers them (LF or CRLF, BOM dropped)."""
    if source.startswith("\ufeff"):
        source = source[1:]
    return [line[:-1] if line.endswith("\r") else line for line in source.split("\n")]


# How much of a task or a decision a message quotes: a Chinese clause fits in 24
# characters, an English one needs more.
_QUOTED = {"en": 60}
_QUOTED_DEFAULT = 24
_TRAILING = " —–-,;:/、，；："


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _short(text: str, language: str = "", limit: int | None = None) -> str:
    """``text`` on one line, whole if it fits, else cut at a word (never inside one) + "…"."""
    text = " ".join(text.split())
    limit = limit or _QUOTED.get(language, _QUOTED_DEFAULT)
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 0 and _is_word_char(text[cut - 1]) and _is_word_char(text[cut]):
        cut -= 1  # back to the start of the word the limit falls in
    if cut == 0:
        cut = limit - 1  # one word longer than the limit: nothing better to do
    head = text[:cut].rstrip(_TRAILING)
    # "Settings page tweaks …" after a whole word; "整理接口…" inside Chinese text
    return f"{head} …" if text[len(head)] == " " else f"{head}…"


def _person_text(person: Person | Absentee | None, language: str = "") -> str:
    """``设计部 陈主管`` in Chinese notes; ``Design: Emily Park`` in English ones."""
    if person is None:
        return ""
    parts = [part.strip() for part in (person.department, person.name) if part and part.strip()]
    return (": " if language == "en" and len(parts) == 2 else " ").join(parts)


def _talk_spans(line: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of the quotes in ``line`` and of every one of ``phrases`` written there."""
    spans = [match.span() for match in _QUOTE.finditer(line)] if _has_quote(line) else []
    for phrase in phrases:
        phrase = phrase.strip()
        if len(phrase) < 2:
            continue
        start = line.find(phrase)
        while start != -1:
            spans.append((start, start + len(phrase)))
            start = line.find(phrase, start + len(phrase))
    return spans


def _has_quote(line: str) -> bool:
    return any(mark in line for mark in '“「『"')


class _Run:
    def __init__(self, meeting: Meeting, lines: Sequence[str], path: str, config: CheckConfig):
        self.meeting = meeting
        self.lines = lines
        self.path = path
        self.config = config
        self.language = meeting.language
        self.matcher = config.matcher
        # (line, rule, field) -> (column, text) -> finding: merged into one finding at the end
        self.found: dict[tuple[int, str, str], dict[tuple[int, str], Finding]] = {}

    # -- helpers -----------------------------------------------------------------

    def add(
        self,
        rule: str,
        line: int,
        column: int,
        text: str,
        suggestion: str = "",
        severity: Severity | None = None,
        fixed: bool = False,
        length: int = 0,
    ) -> None:
        """Record a finding; ``fixed``: its severity is not the rule's to change;
        ``length``: of the text found at ``column`` (0: a place, not a text)."""
        if self.config.is_off(rule):
            return
        default = severity or RULES[rule].severity
        chosen = default if fixed else self.config.severity_of(rule, default)
        finding = Finding(
            file=self.path,
            line=WHOLE_FILE if line == WHOLE_FILE else max(line, 1),
            column=0 if line == WHOLE_FILE else max(column, 1),
            rule=rule,
            severity=chosen,  # type: ignore[arg-type]
            message=text,
            suggestion=suggestion,
            end_column=max(column, 1) + length if length > 0 and line != WHOLE_FILE else 0,
        )
        # A reviewer marks a line once per problem: one finding per rule and line. Only
        # missing-meeting-info keeps one per missing field (all about the file as a whole).
        key = (finding.line, rule, text if rule == "missing-meeting-info" else "")
        # One vague term at one place is one part, whatever region found it.
        part = (finding.column, "" if rule == "vague-term" else text)
        parts = self.found.setdefault(key, {})
        kept = parts.get(part)
        if kept is None or _SEVERITY_RANK[finding.severity] < _SEVERITY_RANK[kept.severity]:
            parts[part] = finding

    def msg(self, key: str, **values: object) -> str:
        return message(key, self.language, **values)

    def line_range(self, first: int | None, last: int | None) -> range:
        if first is None:
            return range(0)
        last = max(last or first, first)
        return range(max(first, 1), min(last, len(self.lines)) + 1)

    def locate(self, text: str | None, lines: Iterable[int]) -> tuple[int, int] | None:
        """(line, 1-based column) of the first occurrence of ``text`` in those lines."""
        if not text or not text.strip():
            return None
        needle = text.strip()
        for number in lines:
            column = self.lines[number - 1].find(needle)
            if column != -1:
                return number, column + 1
        return None

    def text_column(self, number: int, text: str | None = None) -> int:
        """Where the item's own text starts on its line."""
        if not 1 <= number <= len(self.lines):
            return 1
        line = self.lines[number - 1]
        if text:
            for probe in (text.strip(), text.strip()[:8]):
                if probe and (column := line.find(probe)) != -1:
                    return column + 1
        return len(_bullet().match(line).group(0)) + 1  # type: ignore[union-attr]

    # -- vague terms ---------------------------------------------------------------

    def scan_lines(
        self, numbers: Iterable[int], region: str, reported_speech: Sequence[str] = ()
    ) -> None:
        """Vague terms in those lines; ``reported_speech``: risks and progress written there."""
        talk_only = region not in _COMMITMENT_REGIONS
        if talk_only and not self.config.vague_in_discussion:
            return
        for number in numbers:
            line = self.lines[number - 1]
            hits = list(self.matcher.scan(line, region))
            if not hits:
                continue
            if talk_only or (region == "action" and _PROGRESS_LINE.match(line)):
                talk: list[tuple[int, int]] = [(0, len(line))]
            else:
                talk = _talk_spans(line, reported_speech)
            for hit in hits:
                said = any(start <= hit.column < end for start, end in talk)
                if said and not self.config.vague_in_discussion:
                    continue
                self.add_term(hit.term.suggestion, hit.text, number, hit.column + 1, said=said)

    def add_term(
        self,
        suggestions: dict[str, str],
        text: str,
        line: int,
        column: int,
        key: str = "vague-term",
        said: bool = False,
    ) -> None:
        """One vague term: an error in a commitment, information in what was only said."""
        suggestion = suggestions.get(self.language) or suggestions.get("en", "")
        message = self.msg(key, term=text)
        if said:
            # Asked for with vague_in_discussion: information, whatever vague-term's severity.
            self.add(
                "vague-term", line, column, message, suggestion, "info", fixed=True, length=len(text)
            )
        else:
            self.add("vague-term", line, column, message, suggestion, "error", length=len(text))

    def agenda_terms(self, agenda: AgendaItem) -> None:
        if agenda.spans:
            for span in agenda.spans:
                self.scan_lines(self.line_range(span.line, span.end_line), span.field)
            return
        # No spans from the parser: find each entry by its text inside the agenda item.
        within = self.line_range(agenda.line or 1, agenda.end_line or len(self.lines))
        fields = ("resolutions", *(_TALK_REGIONS if self.config.vague_in_discussion else ()))
        for field in fields:
            for entry in getattr(agenda, field):
                where = self.locate(entry[:12], within)
                if where:
                    self.scan_lines([where[0]], field)

    def owner_terms(self, item: ActionItem, lines: Sequence[int]) -> list[str]:
        """The collective or vague words the owner is written as ("全组", "相关部门").

        A collective ("全组", "everyone") is reported by ``missing-owner`` alone; a
        word that is vague in any commitment ("相关部门") is a vague term there too.
        """
        owner_text = item.owner_text or _person_text(item.owner)  # matched, not shown
        hits = [
            hit
            for hit in (self.matcher.scan(owner_text, "owner") if owner_text else ())
            if hit.term.scope != "all"  # the others are found by the scan of the item's lines
        ]
        for hit in hits:
            if hit.term.scope == "owner":
                continue
            where = self.locate(owner_text, lines)
            if where:
                line, column = where[0], where[1] + hit.column
            else:
                line, column = self.locate(hit.text, lines) or (item.line, 1)
            self.add_term(hit.term.suggestion, hit.text, line, column, "vague-term-owner")
        return [hit.text for hit in hits]

    # -- action items --------------------------------------------------------------

    def action_item(self, item: ActionItem, lines: list[int]) -> None:
        """Every check of one open item; ``lines`` are the lines that are its own."""
        task_column = self.text_column(item.line, item.task)
        task = _short(item.task, self.language)
        group_owner = self.owner_terms(item, lines)
        # A risk may say "may"; a progress update reports facts. Neither is a commitment.
        self.scan_lines(lines, "action", [*item.risks, *(note.text for note in item.progress)])

        self.owner_checks(item, lines, task, task_column, group_owner)
        self.date_checks(item, lines, task, task_column)
        if not self.measurable(item.acceptance):
            self.add(
                "missing-acceptance",
                item.line,
                task_column,
                self.msg("missing-acceptance", task=task),
                self.msg("missing-acceptance.suggestion"),
            )

    def measurable(self, acceptance: str | None) -> bool:
        """False for no standard, or one that is only a vague phrase ("尽快安排", "ASAP")."""
        if not acceptance or not acceptance.strip():
            return False
        hits = list(self.matcher.scan(acceptance, "action"))
        if not hits:
            return True
        rest = acceptance
        for hit in hits:
            rest = rest.replace(hit.text, "")
        return len(_words().findall(rest)) > 2

    def owner_checks(
        self, item: ActionItem, lines: Sequence[int], task: str, column: int, group_owner: list[str]
    ) -> None:
        owner = item.owner
        if owner is not None and self.star_placeholder(owner, lines):
            return
        if group_owner:
            key, shown = "missing-owner-group", group_owner[0]
        elif owner is None or owner.is_empty():
            key, shown = "missing-owner", ""
        elif not (owner.name and owner.name.strip()):
            key, shown = "missing-owner-department", owner.department or ""
        else:
            key = ""
        if key:
            self.add(
                "missing-owner",
                item.line,
                column,
                self.msg(key, task=task, owner=shown),
                self.msg("missing-owner.suggestion"),
            )
        if item.co_owners:
            people = [owner, *item.co_owners]
            owners = [text for text in (_person_text(p, self.language) for p in people) if text]
            where = self.locate(item.owner_text, lines) or (item.line, column)
            joined = (", " if self.language == "en" else "、").join(owners)
            self.add(
                "multiple-owners",
                *where,
                self.msg("multiple-owners", task=task, count=len(owners), owners=joined),
                self.msg("multiple-owners.suggestion"),
            )
        if owner is not None and owner.name and _is_nickname(owner.name.strip()):
            self.add(
                "informal-name",
                item.line,
                column,
                self.msg("informal-name", person=owner.name.strip()),
                self.msg("informal-name.suggestion"),
            )
        if owner is not None and owner.name and self.was_absent(owner):
            self.add(
                "owner-absent",
                item.line,
                column,
                self.msg("owner-absent", person=_person_text(owner, self.language)),
                self.msg("owner-absent.suggestion"),
            )

    def was_absent(self, owner: Person) -> bool:
        return any(
            absentee.name and absentee.name == owner.name for absentee in self.meeting.absentees
        )

    def star_placeholder(self, person: Person, lines: Iterable[int]) -> bool:
        """A '*' standing for a name ("研发部*工程师"): report it as a placeholder."""
        for part in (person.name, person.department):
            if part and _LONE_STAR.search(part):
                where = self.locate(part, lines)
                line, column = where if where else (min(lines, default=1), 1)
                column += _LONE_STAR.search(part).start()  # type: ignore[union-attr]
                self.add(
                    "placeholder",
                    line,
                    column,
                    self.msg("placeholder", text=part),
                    self.msg("placeholder.suggestion"),
                )
                return True
        return False

    def date_checks(self, item: ActionItem, lines: Sequence[int], task: str, column: int) -> None:
        due_text = (item.due_text or "").strip()
        due_where = self.locate(due_text, lines) or (item.line, column)
        # "下周", "by Friday" in notes that never say when the meeting was: no date can be
        # placed, so the task has no deadline yet (not a date written wrong)
        floating = bool(due_text) and item.due is None and _counts_from_the_meeting(due_text)
        if floating and "date" not in self.meeting.info_lines:
            self.add(
                "missing-due",
                *due_where,
                self.msg("missing-due-relative", task=task, text=due_text),
                self.msg("missing-due.suggestion"),
            )
        elif item.due is None and not due_text:
            self.add(
                "missing-due",
                item.line,
                column,
                self.msg("missing-due", task=task),
                self.msg("missing-due.suggestion"),
            )
        for date, text in ((item.due, "" if floating else due_text), (item.start, (item.start_text or "").strip())):
            if date is None and text and not _placeholder().search(text):
                found = self.locate(text, lines)
                self.add(
                    "unparsed-date",
                    *(found or (item.line, column)),
                    self.msg("unparsed-date", text=text),
                    self.msg("unparsed-date.suggestion"),
                    length=len(text) if found else 0,
                )
        meeting_date = self.meeting.date
        if item.due and meeting_date and item.due < meeting_date:
            self.add(
                "due-before-meeting",
                *due_where,
                self.msg(
                    "due-before-meeting", due=item.due.isoformat(), date=meeting_date.isoformat()
                ),
                self.msg("due-before-meeting.suggestion"),
            )
        if item.start and item.due and item.start > item.due:
            start_where = self.locate(item.start_text, lines) or due_where
            self.add(
                "start-after-due",
                *start_where,
                self.msg("start-after-due", start=item.start.isoformat(), due=item.due.isoformat()),
                self.msg("start-after-due.suggestion"),
            )

    # -- decisions that are tasks -----------------------------------------------------

    def task_shaped_resolutions(self, items: Sequence[ActionItem]) -> None:
        """A decision naming who and by when that no action item stands for: the task
        would otherwise be lost from the task list without a word."""
        covered = {n for item in items for n in self.line_range(item.line, item.end_line)}
        cues = None
        for agenda in (*self.meeting.agenda, *self.meeting.other_sections):
            for text, line in self.resolution_places(agenda):
                if line in covered:
                    continue
                if cues is None:
                    from pipeline.check.task_cues import builtin_task_cues

                    cues = builtin_task_cues()
                if not cues.looks_like_task(text, self.meeting.date):
                    continue
                if self.listed_as_action(text, cues.deadline(text, self.meeting.date), items):
                    continue
                self.add(
                    "looks-like-task",
                    line,
                    self.text_column(line, text),
                    self.msg("looks-like-task", text=_short(text, self.language)),
                    self.msg("looks-like-task.suggestion"),
                )

    def resolution_places(self, agenda: AgendaItem) -> Iterator[tuple[str, int]]:
        """(text, source line) of each resolution of an agenda item."""
        placed: set[int] = set()
        for span in agenda.spans:
            if span.field == "resolutions" and span.index < len(agenda.resolutions):
                placed.add(span.index)
                yield agenda.resolutions[span.index], span.line
        within = self.line_range(agenda.line or 1, agenda.end_line or len(self.lines))
        for index, text in enumerate(agenda.resolutions):
            if index not in placed:
                # No span from the parser: find it by its text, or point at the agenda item.
                where = self.locate(text[:12], within)
                yield text, where[0] if where else (agenda.line or 1)

    def listed_as_action(
        self, text: str, deadline: str | None, items: Sequence[ActionItem]
    ) -> bool:
        """Some action item elsewhere is this decision's task: its owner (person or
        department) is named in the decision and its due date is the decision's."""
        from parsers.dates import parse_date

        due = parse_date(deadline, self.meeting.date) if deadline else None
        for item in items:
            owner = item.owner
            named = [part.strip() for part in (owner.name, owner.department) if part] if owner else []
            if not any(part and part in text for part in named):
                continue
            if (item.due_text and item.due_text.strip() in text) or (due and item.due == due):
                return True
        return False

    # -- meeting information ----------------------------------------------------------

    def meeting_info(self) -> None:
        meeting, info = self.meeting, self.meeting.info_lines
        for field, names in MEETING_FIELDS.items():
            value = getattr(meeting, field)
            if field in ("host", "recorder") and value is not None and value.is_empty():
                value = None
            if field == "start_time":
                value = value or meeting.end_time  # an end time alone still tells the time
            if value:
                continue
            written = info.get(field)
            if written:
                # Given but unreadable: not missing. A date says so itself (unparsed-date).
                if field == "date":
                    self.unreadable_meeting_date(written)
                continue
            name, label = names.get(self.language, names["en"])
            # a field the notes never give has no line: the finding is about the file as a whole
            self.add(
                "missing-meeting-info",
                WHOLE_FILE,
                0,
                self.msg("missing-meeting-info", field=name),
                self.msg("missing-meeting-info.suggestion", label=label),
            )
        for person_field in ("host", "recorder"):
            person = getattr(meeting, person_field)
            if person is not None:
                self.star_placeholder(person, self.line_range(info.get(person_field), None))
        for attendee in meeting.attendees:
            self.star_placeholder(attendee, self.line_range(info.get("attendees"), None))

    def unreadable_meeting_date(self, written: int) -> None:
        text = self.lines[written - 1] if written <= len(self.lines) else ""
        if _placeholder().search(text) or any(self.matcher.scan(text, "action")):
            return  # the placeholder/vague finding on that line says it already
        self.add(
            "unparsed-date",
            written,
            self.text_column(written),
            self.msg("unparsed-date", text=_short(text.strip(), self.language, 40)),
            self.msg("unparsed-date.suggestion"),
        )

    def absentees(self) -> None:
        for absentee in self.meeting.absentees:
            if absentee.reason and absentee.reason.strip():
                continue
            line = absentee.line or self.meeting.info_lines.get("absentees", 1)
            if 1 <= line <= len(self.lines) and _REASON_LABEL.match(self.lines[line - 1]):
                continue  # "请假人员：…": the list's own label is the reason
            self.add(
                "absent-without-reason",
                line,
                self.text_column(line, absentee.name or absentee.department),
                self.msg("absent-without-reason", person=_person_text(absentee, self.language)),
                self.msg("absent-without-reason.suggestion"),
            )

    # -- placeholders anywhere ------------------------------------------------------

    def placeholders(self, quiet: set[int]) -> None:
        for number, line in enumerate(self.lines, start=1):
            if "<!--" in line or number in quiet or not _PLACEHOLDER_HINT.search(line):
                continue
            web = "://" in line or "www." in line
            links = [url.span() for url in _URL.finditer(line)] if web else []
            for match in _placeholder().finditer(line):
                if any(start <= match.start() < end for start, end in links):
                    continue
                self.add(
                    "placeholder",
                    number,
                    match.start() + 1,
                    self.msg("placeholder", text=match.group(0).strip()),
                    self.msg("placeholder.suggestion"),
                    length=len(match.group(0).rstrip()),
                )

    def item_lines(self, items: Sequence[ActionItem]) -> tuple[dict[int, list[int]], set[int]]:
        """Which lines each item answers for, and the lines of done or cancelled work.

        A line belongs to the narrowest item spanning it, so an open parent does not
        speak for a closed item nested in it (nor the other way round). A ticked
        sub-task line inside an open item is closed work too.
        """
        narrowest: dict[int, tuple[int, list[ActionItem]]] = {}  # line -> (width, items)
        for item in items:
            span = self.line_range(item.line, item.end_line)
            for number in span:
                width, held = narrowest.get(number, (len(span), []))
                if len(span) < width:
                    width, held = len(span), []
                if len(span) == width:
                    held.append(item)
                narrowest[number] = (width, held)
        own: dict[int, list[int]] = {id(item): [] for item in items}
        closed: set[int] = set()
        for number, (_width, held) in narrowest.items():
            ticked = all(number != item.line for item in held) and bool(
                _TICKED_LINE.match(self.lines[number - 1])
            )
            if ticked or all(item.status in _CLOSED for item in held):
                closed.add(number)
                continue
            for item in held:
                own[id(item)].append(number)
        return own, closed

    def duplicate_ids(self, items: Sequence[ActionItem]) -> None:
        """An id given to two items of the meeting: reported at the second, both kept.

        Done and cancelled items count too: a later meeting names a task by its id.
        """
        first: dict[str, int] = {}
        for item in sorted(items, key=lambda item: item.line):
            if not item.id:
                continue
            if item.id not in first:
                first[item.id] = item.line
                continue
            line, written = item.line, -1
            if 1 <= line <= len(self.lines):
                written = self.lines[line - 1].find("#" + item.id)
            self.add(
                "duplicate-task-id",
                line,
                written + 1 if written != -1 else self.text_column(line),
                self.msg("duplicate-task-id", id=item.id, first=first[item.id]),
                self.msg("duplicate-task-id.suggestion"),
                length=len(item.id) + 1 if written != -1 else 0,
            )

    def conflicting_updates(self) -> None:
        """Two updates on one earlier task that disagree: reported at the second."""
        for conflict in update_conflicts(self.meeting.task_updates):
            update = conflict.update
            if conflict.field == "status":
                names = STATUS_NAMES
                was = names.get(conflict.was, {}).get(self.language, conflict.was)
                now = names.get(conflict.now, {}).get(self.language, conflict.now)
            else:
                was, now = conflict.was, conflict.now
            what = self.msg(f"conflicting-update.{conflict.field}", was=was, now=now)
            task = f"#{update.task_id}" if update.task_id else _short(update.task or "", self.language)
            written = -1
            if 1 <= update.line <= len(self.lines) and update.task_id:
                written = self.lines[update.line - 1].find("#" + update.task_id)
            self.add(
                "conflicting-update",
                update.line,
                written + 1 if written != -1 else self.text_column(update.line),
                self.msg("conflicting-update", task=task, first=conflict.first.line, what=what),
                self.msg("conflicting-update.suggestion"),
                length=len(update.task_id) + 1 if written != -1 else 0,
            )

    # -- the run --------------------------------------------------------------------

    def run(self) -> list[Finding]:
        self.meeting_info()
        self.absentees()
        for agenda in (*self.meeting.agenda, *self.meeting.other_sections):
            self.agenda_terms(agenda)
        items = _action_items(self.meeting)
        own_lines, closed_lines = self.item_lines(items)
        for item in items:
            if item.status not in _CLOSED:
                self.action_item(item, own_lines[id(item)])
        self.task_shaped_resolutions(items)
        self.duplicate_ids(items)
        self.conflicting_updates()
        self.placeholders(closed_lines)
        self.unread_text()
        separator = "; " if self.language == "en" else "；"
        findings = [_merged(list(parts.values()), separator) for parts in self.found.values()]
        update_lines = {update.line for update in self.meeting.task_updates}
        if update_lines:
            # an update on an earlier task is no decision and no new task: only its own rule reads it
            findings = [f for f in findings if f.line not in update_lines or f.rule in UPDATE_RULES]
        suppressions = Suppressions(self.lines) if "minutes-" in "".join(self.lines) else None
        if suppressions:
            findings = [f for f in findings if not suppressions.is_suppressed(f.line, f.rule)]
            # then the comments themselves: a misspelt rule, a comment that silenced nothing
            self.found = {}
            self.comment_problems(suppressions)
            about = [_merged(list(parts.values()), separator) for parts in self.found.values()]
            findings += [f for f in about if not suppressions.is_suppressed(f.line, f.rule)]
        return sorted(findings, key=lambda f: (f.line, f.column, f.rule))

    def unread_text(self) -> None:
        """A line whose text the reader put nowhere: one finding for each run of such lines."""
        if self.config.is_off("unread-text"):
            return
        previous = -1
        for number in self.meeting.unread_lines:
            if not 1 <= number <= len(self.lines):
                continue
            line = self.lines[number - 1]
            # a run of lines is one finding, and so is a key with its value written below it
            if number != previous + 1 or (not line[:1].isspace() and not line.startswith("-")):
                text = line.strip()
                self.add(
                    "unread-text",
                    number,
                    self.text_column(number, text),
                    self.msg("unread-text", text=_short(text, self.language)),
                    self.msg("unread-text.suggestion"),
                )
            previous = number

    def comment_problems(self, suppressions: Suppressions) -> None:
        import difflib

        active = [rule for rule in RULES if not self.config.is_off(rule)]
        for problem in suppressions.problems(RULES, active):
            if problem.rule == "unknown-rule-in-comment":
                close = difflib.get_close_matches(problem.name.lower(), RULES, n=1, cutoff=0.6)
                suggestion = (
                    self.msg("unknown-rule-in-comment.suggestion", close=close[0])
                    if close
                    else self.msg("unknown-rule-in-comment.suggestion-none")
                )
                text = self.msg("unknown-rule-in-comment", rule=problem.name)
            else:
                kind = problem.directive.kind
                comment = f"minutes-{kind} {problem.name}" if problem.name else f"minutes-{kind}"
                text = self.msg("unused-suppression", comment=comment)
                suggestion = self.msg("unused-suppression.suggestion")
            self.add(
                problem.rule, problem.line, problem.column, text, suggestion, length=problem.length
            )


def _merged(parts: list[Finding], separator: str) -> Finding:
    """One finding for the parts of one rule on one line: the first place, the gravest
    severity, every distinct message and suggestion in the order they stand."""
    if len(parts) == 1:
        return parts[0]
    parts.sort(key=lambda f: f.column)
    gravest = min(parts, key=lambda f: _SEVERITY_RANK[f.severity])

    def joined(texts: Iterable[str]) -> str:
        return separator.join(dict.fromkeys(text for text in texts if text))

    return replace(
        parts[0],
        severity=gravest.severity,
        message=joined(f.message for f in parts),
        suggestion=joined(f.suggestion for f in parts),
    )


def _counts_from_the_meeting(text: str) -> bool:
    """A deadline written relative to the meeting (``下周``, ``明天``, ``by Friday``)."""
    import datetime as dt

    from parsers.dates import parse_date

    return parse_date(text, dt.date(2000, 1, 3)) is not None


def _action_items(meeting: Meeting) -> list[ActionItem]:
    seen: set[int] = set()
    items = []
    for item in (*meeting.action_items, *(a for ag in (*meeting.agenda, *meeting.other_sections) for a in ag.action_items)):
        if item.task.lstrip().startswith("<!--"):
            continue  # a suppression comment is no task, whatever a reader made of it
        if id(item) not in seen:
            seen.add(id(item))
            items.append(item)
    return items


def check_meeting(
    meeting: Meeting, source: str, path: str, config: CheckConfig = DEFAULT_CONFIG
) -> list[Finding]:
    """Every finding for one meeting, sorted by line and column."""
    return _Run(meeting, source_lines(source), str(path), config).run()
