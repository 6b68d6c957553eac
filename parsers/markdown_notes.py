"""Markdown notes → :class:`pipeline.model.Meeting`.

Walks markdown-it-py's block tree (with its ``.map`` line ranges, so every
entry knows its source lines); regular expressions only ever look at the text of
one inline. The format understood is described in README (section *notes format*):
meeting info as ``key：value`` lines or front matter, one ``##`` heading per agenda
item with labelled sub-sections, action items as task lines or tables.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from parsers.actions import (
    ActionDraft,
    draft_from_line,
    draft_from_row,
    due_phrase,
    has_unlabelled_owner,
    is_speaker_line,
    number_action_items,
    split_fields,
    strip_checkbox,
    strip_enumerator,
)
from parsers.dates import (
    DateOrder,
    date_in_title,
    date_with_weekday,
    parse_date,
    parse_time_range,
    split_trailing_time_slot,
    year_of,
)
from parsers.frontmatter import blank_front_matter, split_front_matter
from parsers.language import detect_language
from parsers.lazy_regex import lazy_compile
from parsers.people import (
    attendance_table,
    attendee_entry,
    parse_absentees,
    parse_people,
    parse_person,
)
from parsers.sentences import find_tasks, is_question, owner_marker
from parsers.updates import (
    UpdateDraft,
    clause_status,
    id_date,
    may_name_a_task,
    read_update,
    starts_with_id,
)
from parsers.vocabulary import (
    BULLETS,
    FOLLOW_UP_EARLIER,
    FOLLOW_UP_NOT,
    FOLLOW_UP_SECTIONS,
    FOLLOW_UP_TASK_WORDS,
    MEETING_KEYS,
    MEETING_STATUS,
    MEETING_TITLE_WORDS,
    NONE_WORDS,
    RECORD_LABELS,
    RECORD_PARTS,
    SECTION_NAMES,
    SUBSECTION_LABELS,
    TABLE_COLUMNS,
    KeyTable,
    looks_like_department,
    normalise_key,
)
from pipeline.model import Absentee, ActionItem, AgendaItem, Meeting, Person, TextSpan

_AGENDA_NUMBER = lazy_compile(
    r"^\s*(?:(?:议程|議程|议题|議題|agenda\s*item|agenda|item|topic|第)\s*[0-9一二三四五六七八九十]{1,3}\s*(?:项|項|个|個|题|題|案|条|條)?"
    r"|[0-9]{1,3}(?:\.[0-9]{1,2})?(?=\s*[.、．)）:：\-–—]|\s)|[一二三四五六七八九十]{1,3}(?=\s*[、.．])|[壹貳貮贰參叁肆伍陸陆柒捌玖拾]{1,2}(?=\s*[、.．])|（[一二三四五六七八九十0-9]{1,3}）|\([0-9]{1,3}\)"
    r"|[0-9]\ufe0f?\u20e3)"
    r"\s*[.、．)）:：\-–—]?\s*",
    re.IGNORECASE,
)
_EXPLICIT_AGENDA = lazy_compile(
    r"^\s*(?:(?:议程|議程|议题|議題|agenda|item|topic)\s*[0-9一二三四五六七八九十]|第\s*[0-9一二三四五六七八九十]{1,3}\s*[题題案])", re.I
)
# "初步分工", "项目人员分工", "下周任务安排": a heading that ends by naming assignments
_ASSIGNMENT_HEADING = lazy_compile(
    r"(?:分工|任务分配|任務分配|任务安排|任務安排|工作安排|工作分配|待办事项|待辦事項"
    r"|(?:须|須|需|待|要)(?:调整|調整|修改|修正|修复|修復|处理|處理|解决|解決))\s*[:：]?\s*$"
    r"|(?i:\b(?:to fix|bugs to fix|issues to fix|open tasks|next steps?)\s*:?\s*$)"
)
# "行动一、Qt 适配规划", "Action 2: rollout": a numbered block of action items
_NUMBERED_ACTIONS = lazy_compile(r"^\s*(?:行动|行動|待办|待辦|action(?:\s*items?)?|todo)\s*[0-9一二三四五六七八九十]{1,3}\s*[、.．:：)）]", re.I)
_KEY_VALUE = lazy_compile(r"^\s*(?P<key>[^:：]{1,30}?)\s*[:：]\s*(?P<value>.*)$", re.S)
# "會議時間<TAB>107年1月10日", "會議主持人 蕭會長": a key and its value split by a tab or spaces
# (only a known meeting key counts: meeting_pairs looks the key up)
_TAB_KEY_VALUE = lazy_compile(r"^\s*(?P<key>[^\s:：]{2,12})(?:\t+|(?<=[^\x00-\x7f])[ \u3000]+)(?P<value>\S.*)$", re.S)
_LINE_ENUMERATOR = lazy_compile(
    r"^\s*(?:\d{1,2}\s*[、.．)）](?!\d)|[（(]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、．]|[-•·]\s|"
    + BULLETS
    + r")\s*"
)
# "三、下次会议另行通知" after "二、分工": a new numbered part of the notes, not a task
_PART_NUMBER = lazy_compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、．]")
_INLINE_ENUMERATION = lazy_compile(r"(?<=[；;。.])\s*(?=\d{1,2}\s*[、.．)）](?!\d))")
_HTML_BREAK = lazy_compile(r"<br\s*/?>", re.I)
# "<!-- minutes-disable-next-line … -->" speaks to the checker (which reads the file's
# lines itself); it is never part of the minutes. Newlines inside are kept for line numbers.
_HTML_COMMENT = lazy_compile(r"<!--.*?-->", re.S)
# "Minutes of the meeting:", "**纪要如下：**": a line that only announces what follows
_LABEL_LINE = lazy_compile(r"^[*_\s]*[^:：。.!?！？]{1,40}[:：][*_\s]*$")
_TAGS_HEADING = lazy_compile(r"(?i)^\s*(?:tags|标签|標籤)\s*[:：]")
_CELL_BREAK = lazy_compile(r"\s*<br\s*/?>\s*", re.I)

TEXT_FIELDS = ("discussion", "disagreements", "resolutions")


def _notes_markdown() -> MarkdownIt:
    # Recorders' text, not web pages: "市场部*经理、销售部*主管" must keep its asterisks
    # (no emphasis), "<客户名>" and "[注]: …" must stay text (no HTML, no link
    # references), and an indented line or a "---" under a line is not code or a heading.
    md = (
        MarkdownIt("commonmark")
        .disable(["code", "lheading", "reference", "html_block", "html_inline", "emphasis"])
        .enable("table")
    )
    # an outline nested deeper than markdown-it's default of 20 would end the parse there and
    # lose the rest of the notes; deeper lines are brought up to _MAX_INDENT before parsing
    md.options["maxNesting"] = _MAX_NESTING
    return md


@lru_cache(maxsize=16)
def _markdown(skipped: frozenset[str] = frozenset()) -> MarkdownIt:
    """The block parser, without the block rules in ``skipped``.

    Inline markup is read on demand (:func:`inline_text`): most lines of notes have none,
    and skipping markdown-it's inline pass for them halves its cost.
    """
    md = _notes_markdown().disable("inline")
    return md.disable(sorted(skipped)) if skipped else md


# markdown-it tries every block rule on every line; a rule whose mark is nowhere in the
# notes cannot match, so it is left out (a table needs "|", a fence "```" or "~~~" …)
_HR_LINE = lazy_compile(r"^[ \t>]*([-*_])[ \t]*(?:\1[ \t]*){2,}$", re.M)


def markdown_for(text: str) -> MarkdownIt:
    skipped = []
    if "|" not in text:
        skipped.append("table")
    if "```" not in text and "~~~" not in text:
        skipped.append("fence")
    if ">" not in text:
        skipped.append("blockquote")
    if _HR_LINE.search(text) is None:
        skipped.append("hr")
    return _markdown(frozenset(skipped))


@lru_cache(maxsize=1)
def _inline_markdown() -> MarkdownIt:
    return _notes_markdown()


# what starts inline markup once emphasis, HTML and link references are off: escapes, code
# spans, inline links and images ("](" — a bare "[ ]" is text), autolinks, entities
_INLINE_MARKUP = lazy_compile(r"[\\`<&]|\]\(")
_LINE_BREAK_SPACES = lazy_compile(r" *\n[ \t]*")


# ---------------------------------------------------------------- block tree


@dataclass(slots=True)
class Block:
    """A block of the Markdown tree: paragraph, heading, list, list item, table, row, cell …"""

    type: str
    tag: str = ""
    map: list[int] | None = None
    children: list[Block] = field(default_factory=list)
    token: Token | None = None

    @property
    def content(self) -> str:
        return self.token.content if self.token is not None else ""


def block_tree(tokens: list[Token]) -> Block:
    """Nest markdown-it's flat token stream (``*_open`` … ``*_close``) into blocks."""
    root = Block("root")
    stack = [root]
    for token in tokens:
        if token.nesting == 1:
            node = Block(token.type[: -len("_open")], token.tag, token.map)
            stack[-1].children.append(node)
            stack.append(node)
        elif token.nesting == -1:
            if len(stack) > 1:
                stack.pop()
        else:
            stack[-1].children.append(Block(token.type, token.tag, token.map, token=token))
    return root


_MAX_NESTING = 100
# deeper than this an outline's lines are read at this depth: markdown-it would otherwise
# stop at its nesting limit and lose every word after it
_MAX_INDENT = 80
_DEEP_LINE = lazy_compile(rf"^[ \t]{{{_MAX_INDENT + 1},}}(?=\S)", re.M)


def capped_indentation(text: str) -> str:
    """Lines indented past ``_MAX_INDENT`` characters keep their words at that depth."""
    if " " * (_MAX_INDENT + 1) not in text:
        return text
    return _DEEP_LINE.sub(" " * _MAX_INDENT, text)


# ---------------------------------------------------------------- text helpers


@dataclass
class SourceLine:
    text: str
    line: int


def inline_text(token: Token | None) -> str:
    """The words of an inline token: markup dropped, breaks kept as newlines, link targets kept."""
    if token is None:
        return ""
    children = token.children
    if not children:
        content = token.content
        if _INLINE_MARKUP.search(content) is None:
            # plain text: what markdown-it's inline pass would give, line breaks without their spaces
            if "\n" in content:
                content = _LINE_BREAK_SPACES.sub("\n", content)
            return _finish_inline(content)
        children = _inline_markdown().parseInline(content)[0].children or []
    parts: list[str] = []
    link_start: list[tuple[int, str]] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "html_inline":
            parts.append("\n" if _HTML_BREAK.fullmatch(child.content.strip()) else child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            link_start.append((len(parts), str(child.attrs.get("href", ""))))
        elif kind == "link_close" and link_start:
            start, href = link_start.pop()
            label = "".join(parts[start:])
            if href and href != label and not href.startswith("mailto:" + label):
                parts.append(f" ({href})")
    return _finish_inline("".join(parts))


def _finish_inline(text: str) -> str:
    # CommonMark leaves "**决议：**" unclosed after full-width punctuation: drop the markers
    text = text.replace("**", "")
    if "<!--" in text:
        text = _HTML_COMMENT.sub(lambda match: "\n" * match.group().count("\n"), text)
    return text


def smart_join(parts: list[str]) -> str:
    """Join wrapped lines: nothing between CJK characters, a space between Latin words."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and out[-1].isascii() and part[0].isascii():
            out += " "
        out += part
    return out


def join_entries(parts: list[str]) -> str:
    """One entry made of a list item and the items nested under it."""
    parts = [p.strip() for p in parts if p.strip()]
    out = ""
    for part in parts:
        if out:
            cjk = not out[-1].isascii() or not part[0].isascii()
            if out[-1] in "；;。.，,：:！？!?":
                out += "" if cjk else " "
            else:
                out += "；" if cjk else "; "
        out += part
    return out


def node_lines(node: Block, blank: list[bool] | None = None) -> tuple[int, int]:
    """1-based first and last line of a block node (trailing blank lines left out)."""
    start, end = node.map or (0, 1)
    first, last = start + 1, max(start + 1, end)
    if blank is not None:
        while last > first and last <= len(blank) and blank[last - 1]:
            last -= 1
    return first, last


def _inline_child(node: Block) -> Token | None:
    for child in node.children:
        if child.type == "inline":
            return child.token
    return None


def paragraph_lines(node: Block) -> list[SourceLine]:
    """The lines of a paragraph (or heading), each with its source line number."""
    first, last = node_lines(node)
    token = _inline_child(node)
    text = inline_text(token)
    lines = text.split("\n")
    return [SourceLine(text, min(first + index, last)) for index, text in enumerate(lines)]


@dataclass
class ListEntry:
    """One list item: its own lines, the items nested under it, and its line range."""

    lines: list[SourceLine]
    children: list[ListEntry]
    line: int
    end_line: int
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = smart_join([line.text for line in self.lines])

    def flat_text(self) -> str:
        return join_entries([self.text, *(child.flat_text() for child in self.children)])


def list_entries(node: Block, blank: list[bool]) -> list[ListEntry]:
    entries: list[ListEntry] = []
    for item in node.children:
        if item.type != "list_item":
            continue
        line, end_line = node_lines(item, blank)
        lines: list[SourceLine] = []
        children: list[ListEntry] = []
        for child in item.children:
            if child.type in ("paragraph", "heading"):
                lines.extend(paragraph_lines(child))
            elif child.type in ("bullet_list", "ordered_list"):
                children.extend(list_entries(child, blank))
            elif child.type in ("fence", "code_block"):
                first, _ = node_lines(child)
                lines.extend(
                    SourceLine(text, first + 1 + i) for i, text in enumerate(child.content.split("\n")) if text
                )
        entries.append(ListEntry(lines, children, line, end_line))
    return entries


def _cell_break(match: re.Match[str]) -> str:
    """``<br>`` in a cell separates entries, unless punctuation already does (``补拍，<br>上传``)."""
    return "" if match.start() > 0 and match.string[match.start() - 1] in "；;。，,、：:" else "；"


def table_rows(node: Block) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header cells and (line, cells) of each body row."""
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    for section in node.children:
        for row in section.children:
            if row.type != "tr":
                continue
            cells = [
                _CELL_BREAK.sub(_cell_break, inline_text(_inline_child(cell))).replace("\n", "；").strip()
                for cell in row.children
            ]
            if section.type == "thead":
                header = cells
            else:
                rows.append((node_lines(row)[0], cells))
    return header, rows


# ---------------------------------------------------------------- classification


def table_label(text: str, table: KeyTable) -> tuple[str, str] | None:
    """``text`` as a word of ``table``, alone or as the key of ``key：value``: (field, value or "")."""
    found = table.lookup(text)
    if found is not None:
        return found, ""
    match = _KEY_VALUE.match(text)
    if match:
        found = table.lookup(match.group("key"))
        if found is not None:
            return found, match.group("value").strip()
    return None


@lru_cache(maxsize=4096)
def classify_section(title: str) -> tuple[str | None, str | None]:
    """A heading's section kind (info, agenda, actions, attachments, risks, next_meeting) and inline value."""
    if _EXPLICIT_AGENDA.match(title):
        return None, None
    if _NUMBERED_ACTIONS.match(title) or _ASSIGNMENT_HEADING.search(title):
        return "actions", None
    bare = _AGENDA_NUMBER.sub("", title, count=1).strip() or title
    label = table_label(bare, SECTION_NAMES)
    if label is not None:
        return label[0], label[1] or None
    key = normalise_key(bare)
    for name, kind in SECTION_NAMES.items():
        if len(name) >= 2 and key.startswith(name) and len(key) - len(name) <= 2 and kind != "title":
            return kind, None
    return None, None


_MAX_LABEL = 40
_COLON_NEAR_START = lazy_compile("[:：]")


def subsection_label(text: str, record: bool = False) -> tuple[str, str] | None:
    """``讨论要点：`` → ("discussion", ""), ``决议结果：锁定华东`` → ("resolutions", "锁定华东").

    ``record``: inside an item of a formal record's part, ``案由：`` (its subject) and
    ``說明：`` (its explanation) are labels too.
    """
    stripped = text.strip().strip("#>").strip()
    if len(stripped) > _MAX_LABEL and not _COLON_NEAR_START.search(stripped, 0, _MAX_LABEL):
        return None  # a sentence, not a label: spare the key lookups
    if (stripped and not stripped[0].isalpha()) or _PART_NUMBER.match(stripped):
        stripped = _LINE_ENUMERATOR.sub("", stripped, count=1)
    found = table_label(stripped, SUBSECTION_LABELS)
    if found is None and record:
        found = table_label(stripped, RECORD_LABELS)
    return found


def record_part(title: str) -> str | None:
    """``陸、討論事項`` → "discussion", ``Any other business`` → "extempore", else None."""
    bare = _AGENDA_NUMBER.sub("", title, count=1).strip() or title
    bare = bare.rstrip(":：").strip()
    if len(bare) > 30:
        return None
    return RECORD_PARTS.get(normalise_key(bare))


_MEETING_KEY_AT = lazy_compile(
    r"(?:(?<=^)|(?<=[\s，,；;|｜]))(?:\*\*)?(?P<key>"
    + "|".join(re.escape(word) for word in MEETING_KEYS.words)
    + r")(?:\*\*)?\s*[:：]",
    re.IGNORECASE,
)


def meeting_pairs(text: str) -> list[tuple[str, str]]:
    """Every ``key：value`` of a line: ``主持人：市场部 张经理 记录人：设计部 陈主管`` gives two."""
    match = _KEY_VALUE.match(text) or _TAB_KEY_VALUE.match(text)
    if not match or MEETING_KEYS.lookup(match.group("key")) is None:
        return []
    value_start = match.start("value")
    starts: list[re.Match[str]] = []
    if text.find(":", value_start) != -1 or text.find("：", value_start) != -1:
        # Only a value holding a colon can hold a later key ("主持人：… 记录人：…").
        starts = [m for m in _MEETING_KEY_AT.finditer(text, match.end("key")) if m.start() > value_start]
    pairs = []
    key = MEETING_KEYS.lookup(match.group("key")) or ""
    for later in starts:
        pairs.append((key, text[value_start : later.start()].strip(" ，,；;|｜")))
        key = MEETING_KEYS.lookup(later.group("key")) or key
        value_start = later.end()
    pairs.append((key, text[value_start:].strip()))
    return pairs


def split_inline_enumeration(text: str) -> list[str]:
    """``1.锁定华东；2.提交方案`` → ["锁定华东；", "提交方案"]."""
    if not re.match(r"^\s*1\s*[、.．)）](?!\d)", text):
        return [text]
    parts = [p for p in _INLINE_ENUMERATION.split(text) if p.strip()]
    if len(parts) < 2:
        return [text]
    return [_LINE_ENUMERATOR.sub("", part, count=1).strip() for part in parts]


def parse_agenda_title(title: str) -> tuple[str, str | None, str | None]:
    """``议程1：活动目标与范围确认（14:00-14:20）`` → ("活动目标与范围确认", "14:00", "14:20")."""
    bare = _AGENDA_NUMBER.sub("", title, count=1).strip() or title.strip()
    return split_trailing_time_slot(bare)


def meeting_status(text: str) -> str | None:
    key = normalise_key(text)
    if key in MEETING_STATUS:
        return MEETING_STATUS[key]
    for word in sorted(MEETING_STATUS, key=len, reverse=True):
        if word and word in key:
            return MEETING_STATUS[word]
    return None


def column_kinds(header: list[str]) -> list[str | None]:
    kinds: list[str | None] = []
    for cell in header:
        key = normalise_key(re.sub(r"[（(].*?[)）]", "", cell)) or normalise_key(cell)
        kinds.append(TABLE_COLUMNS.get(key) or TABLE_COLUMNS.get(normalise_key(cell)))
    return kinds


# ---------------------------------------------------------------- the walk


@dataclass
class AgendaDraft:
    title: str
    line: int
    end_line: int
    start_time: str | None = None
    end_time: str | None = None
    texts: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in TEXT_FIELDS})
    spans: list[TextSpan] = field(default_factory=list)
    subsection: str = "discussion"
    implicit: bool = False
    has_content: bool = False
    # "### Status", "## 进展": what was done is reported here; only what is still to come is a task
    status_report: bool = False
    # "## Previous action items", "## 上次会议待办": last meeting's tasks, reviewed, not assigned again
    previous_items: bool = False
    # opened by a bold line standing for a heading: the next such line opens the next item
    bold_topic: bool = False
    # "### 學權部", "### 一、會長": the unit or role whose report the section is
    owner_heading: str | None = None
    # how the item was written, for telling agenda items from the notes' other sections
    level: int = 0
    explicit: bool = False  # "议题1", "第 2 題", "Topic 3"
    listed: bool = False  # an item of an agenda list or table
    numbered: bool = False  # "陸、討論事項": a numbered part of the minutes
    other: bool = False  # "## Links", "## Chat": never an agenda item
    # "## 上次行动项跟进": updates on earlier tasks, never new tasks of this meeting
    follow_up: bool = False
    # "## 討論事項" and the items under it: the part of a formal record the item belongs to
    part: str | None = None
    # "### 第一案": a heading that numbers the item without naming it (案由 names it)
    untitled: bool = False

    def add_text(self, kind: str, text: str, line: int, end_line: int) -> None:
        text = text.strip()
        if not text:
            return
        if kind == "discussion" and decision_cue(text) is not None:
            kind = "resolutions"  # "结论：…", "…（提议人：小周）通过", "Agreed: …" among the discussion
        entries = self.texts[kind]
        self.spans.append(TextSpan(field=kind, index=len(entries), line=line, end_line=max(line, end_line)))
        entries.append(text)
        self.touch(end_line)

    def text_field(self) -> str:
        """Where plain text goes: the current sub-section, or discussion under an actions label."""
        return self.subsection if self.subsection in TEXT_FIELDS else "discussion"

    def touch(self, end_line: int) -> None:
        self.has_content = True
        self.end_line = max(self.end_line, end_line)


class NotesReader:
    """One pass over the block tree, keeping track of the section and agenda item being read."""

    def __init__(self, text: str, date_order: DateOrder | None = None) -> None:
        self.text = text
        self.date_order = date_order
        # dates written in the meeting information that could not be read on their own
        # ("4/28 (Sat)" needs a year from elsewhere): (text, line)
        self.unread_dates: list[tuple[str, int]] = []
        self.info: dict[str, Any] = {}
        self.info_lines: dict[str, int] = {}
        self.h1_title: tuple[str, int] | None = None
        self.agenda: list[AgendaDraft] = []
        self.actions: list[ActionDraft] = []
        self.attachments: list[str] = []
        self.risks: list[str] = []
        self.next_meeting: list[str] = []
        self.section: str = "preamble"
        self.item: AgendaDraft | None = None
        self.item_level = 0
        self.container_level: int | None = None
        self.seen_heading = False
        self.blank = [not line.strip() for line in text.split("\n")]
        # source line → (role, cue): what each line was read as, for ``minutes parse --explain``
        self.cues: dict[int, tuple[str, str]] = {}
        # the items of an agenda list, with their words, for sections below that repeat them
        self.listed: list[tuple[AgendaDraft, frozenset[str]]] = []
        # id of each section in self.agenda → its position (item_index is asked for every line)
        self.agenda_positions: dict[int, int] = {}
        self._known: tuple[tuple[int, int, int] | None, frozenset[str]] = (None, frozenset())
        self.section_reason: str | None = None
        self.pending_label: str | None = None
        # a roster being read a name per paragraph: [name, line, marked present]
        self.roster: list[list] = []
        self.roster_marked = False
        self.headingless = False
        self.listing: AgendaDraft | None = None
        # an action-items section's heading level, and the department heading read inside it
        self.actions_level = 0
        self.action_department: str | None = None
        # a one-line first paragraph that names the meeting ("PMC 例会 2022-06-16"): the title
        # when the notes give none otherwise
        self.first_line: tuple[str, int] | None = None
        self.blocks_seen = 0
        self.listed_container: AgendaDraft | None = None
        # tasks whose owners were read from names nested below them (ids of the drafts)
        self.owners_below: set[int] = set()
        # updates on earlier tasks, and the notes' text the walk read (front matter blanked)
        self.updates: list[UpdateDraft] = []
        self.markdown_text = ""
        # the part of a formal record being read ("## 報告事項"): its heading level and part
        self.part_container: tuple[int, str] | None = None
        # the level of a follow-up heading inside an agenda item, while its lines are read
        self.nested_follow_up: int | None = None
        # the purpose was a goal line ("会议目标：…"): it never stands for the title
        self.purpose_is_goal = False
        self.purpose_end: int | None = None

    # -- meeting info

    def set_info(self, key: str, value: str, line: int) -> None:
        value = value.strip()
        if not value and key not in ("attendees", "observers", "absentees"):
            return
        if key == "date":
            date = parse_date(value, date_order=self.date_order)
            if date is not None:
                self.info.setdefault("date", date)
                self.info_lines.setdefault("date", line)
            else:
                self.unread_dates.append((value, line))
            start, end = parse_time_range(value)
            if start:
                self.set_times(start, end, line)
        elif key == "time":
            start, end = parse_time_range(value)
            if start:
                self.set_times(start, end, line)
            date = parse_date(value, date_order=self.date_order)
            if date is None:
                self.unread_dates.append((value, line))
            if date is not None and "date" not in self.info:
                self.info["date"] = date
                self.info_lines["date"] = line
        elif key in ("start_time", "end_time"):
            start, _ = parse_time_range(value)
            if start:
                self.info[key] = start
                self.info_lines[key] = line
        elif key == "duration":
            self.info.setdefault("duration", (value, line))
        elif key == "goal":
            # "会议目标：…", "Goal: …": what the meeting is for, unless the notes said so already
            if "purpose" not in self.info:
                self.info["purpose"] = value
                self.info_lines["purpose"] = line
                self.purpose_is_goal = True
        elif key in ("title", "subject"):
            self.info[key] = value
            self.info_lines[key] = line
            # "会议：2026-10-09，产品讨论": a title that starts with the meeting's date
            if "date" not in self.info and (leading := _LEADING_DATE.match(value)):
                date = date_in_title(leading.group(), self.date_order)
                if date is not None:
                    self.info["date"] = date
                    self.info_lines["date"] = line
        elif key in ("host", "recorder"):
            person = parse_person(value)
            if person is not None:
                self.info[key] = person
                self.info_lines[key] = line
        elif key in ("attendees", "observers"):
            # "主委何振邦、副主委林淑华 (請假)": who came, who was excused, who only listened
            entry = attendee_entry(value, line, "observer" if key == "observers" else "present")
            self.info.setdefault("attendees", []).extend(entry.attendees())
            if entry.absent:
                self.info.setdefault("absentees", []).extend(_excused(entry.absent, value))
                self.info_lines.setdefault("absentees", line)
            self.info_lines.setdefault(key, line)
            self.info_lines.setdefault("attendees", line)
        elif key == "absentees":
            self.info.setdefault("absentees", []).extend(parse_absentees(value, line))
            self.info_lines.setdefault("absentees", line)
        elif key == "status":
            status = meeting_status(value)
            if status:
                self.info["status"] = status
                self.info_lines["status"] = line
        elif key == "language":
            lang = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en", "zh-cn": "zh-Hans",
                    "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "english": "en"}.get(value.lower())
            if lang:
                self.info["language"] = lang
        elif key == "next_meeting":
            self.next_meeting.append(value)
            self.info_lines.setdefault("next_meeting", line)
        elif key in ("issuer", "reviewer"):
            people = parse_people(value)
            person = parse_person(value)
            if len(people) == 2 and people[0].name is None and people[1].department is None:
                person = Person(department=people[0].department, name=people[1].name)  # "Operations, Ana Lee"
            if person is not None and key not in self.info:
                self.info[key] = person
                self.info_lines[key] = line
        elif key in ("distribution", "copy_to"):
            # "分送：各部门、财务处；办公室", "To: Sales, Legal"
            names = [part.strip(" 。.") for part in _RECIPIENTS.split(value) if part.strip(" 。.")]
            if names:
                self.info.setdefault(key, []).extend(names)
                self.info_lines.setdefault(key, line)
        elif key == "printed_on":
            printed = parse_date(value, date_order=self.date_order)
            if printed is not None and key not in self.info:
                self.info[key] = printed
                self.info_lines[key] = line
        elif key not in self.info:
            # the first one given: a log of several meetings is read as its first
            self.info[key] = value
            self.info_lines[key] = line

    def set_times(self, start: str, end: str | None, line: int) -> None:
        self.info["start_time"] = start
        self.info_lines["start_time"] = line
        if end:
            self.info["end_time"] = end
            self.info_lines["end_time"] = line

    def read_front_matter(self) -> str:
        matter = split_front_matter(self.text)
        for raw_key, values in matter.values.items():
            key = MEETING_KEYS.lookup(raw_key)
            if key is None:
                continue
            line = matter.lines[raw_key]
            if key in ("attendees", "observers", "absentees"):
                for value in values:
                    self.set_info(key, value, line)
            else:
                self.set_info(key, "、".join(values) if key != "title" else " ".join(values), line)
        return blank_front_matter(self.text, matter)

    def info_from_lines(self, lines: list[SourceLine]) -> bool:
        found = False
        for source in lines:
            for key, value in meeting_pairs(source.text):
                self.set_info(key, value, source.line)
                found = True
        return found

    def info_from_list(self, node: Block) -> list[ListEntry]:
        """Meeting-info list items; returns the items that were not meeting info."""
        rest: list[ListEntry] = []
        for entry in list_entries(node, self.blank):
            pairs = meeting_pairs(entry.text)
            if not pairs:
                rest.append(entry)
                continue
            for key, value in pairs[:-1]:
                self.set_info(key, value, entry.line)
            key, value = pairs[-1]
            if key in ("attendees", "observers", "absentees") and entry.children:
                if value:
                    self.set_info(key, value, entry.line)
                for child in entry.children:
                    self.set_info(key, child.flat_text(), child.line)
            else:
                extra = [child.flat_text() for child in entry.children]
                self.set_info(key, join_entries([value, *extra]), entry.line)
            field_name = "purpose" if key == "goal" else key
            if key in ("goal", "purpose", *_PEOPLE_KEYS) and self.info_lines.get(field_name) == entry.line:
                # "- Goal: agree who does what" / "  and by when": the entry's lines are the value
                role, detail = (key, "(cont.)") if key in _PEOPLE_KEYS else ("info", f"{field_name} (cont.)")
                for number in range(entry.line + 1, entry.end_line + 1):
                    if number <= len(self.blank) and not self.blank[number - 1]:
                        self.cue(number, role, detail)
        return rest

    def info_from_table(self, node: Block) -> bool:
        header, rows = table_rows(node)
        keys = [MEETING_KEYS.lookup(cell) if cell else None for cell in header]
        topical = {"topic", "task", "minutes"} & set(column_kinds(header))
        if sum(key is not None for key in keys) >= 2 and rows and not topical:
            # "| Meeting Day | Meeting Time | Note Taker |" over one row of values
            line, cells = rows[0]
            for key, cell in zip(keys, cells, strict=False):
                if key is not None and cell:
                    self.set_info(key, cell, line)
            self.cue(line, "info", "a row under meeting-information columns")
            return True
        if topical:
            return False  # "| Topic | Minutes |": the agenda, whatever its header words also mean
        found = False
        header_is_labels = len(header) >= 2 and TABLE_COLUMNS.get(normalise_key(header[1])) == "value"
        candidates = rows if header_is_labels else [(node_lines(node)[0], header), *rows]
        for line, cells in candidates:
            if len(cells) >= 2:
                key = MEETING_KEYS.lookup(cells[0])
                if key in _RECORD_KEYS and len(cells) > 2:
                    continue  # "| 编号 | 任务 | 负责人 |": a task table's columns, not the minutes' number
                if key:
                    self.set_info(key, "；".join(c for c in cells[1:] if c), line)
                    found = True
        return found

    # -- sections and agenda items

    def item_index(self) -> int:
        """The agenda index of the item being read (an item reopened by a mirroring section keeps its own)."""
        if self.item is None:
            return len(self.agenda)
        return self.agenda_positions.get(id(self.item), len(self.agenda))

    def add_agenda(self, draft: AgendaDraft) -> None:
        """Append a section to the notes' sections, remembering its position."""
        self.agenda_positions[id(draft)] = len(self.agenda)
        self.agenda.append(draft)

    def close_item(self) -> None:
        item = self.item
        listed = item is not None and id(item) in self.agenda_positions
        if item is not None and (item.has_content or not item.implicit) and not listed:
            self.add_agenda(item)
        self.item = None

    def open_item(self, title: str, line: int, level: int, implicit: bool = False) -> None:
        self.close_item()
        name, start, end = parse_agenda_title(title)
        listed = None if implicit else self.listed_item(name)
        if listed is not None:
            # a section that repeats an item of the agenda list above: the same item, counted once
            self.item = listed
            listed.touch(line)
            self.cue(line, "agenda", f"section for agenda item {self.item_index() + 1}")
        else:
            self.item = AgendaDraft(
                title=name, line=line, end_line=line, start_time=start, end_time=end, implicit=implicit,
                level=level, explicit=_EXPLICIT_AGENDA.match(title) is not None, numbered=name != title.strip(),
                owner_heading=name if looks_like_department(name) or name in _ROLE_HEADINGS else None,
                status_report=_STATUS_HEADING.search(name) is not None,
                previous_items=_PREVIOUS_ITEMS.search(name) is not None,
                untitled=_UNTITLED_ITEM.match(name) is not None,
            )
            part = self.part_container
            if part is not None and level > part[0]:
                self.item.part = part[1]
            if not implicit:
                self.cue(line, "agenda", "heading")
        self.item_level = level
        self.section = "item"

    def listed_item(self, title: str) -> AgendaDraft | None:
        """The item of the agenda list that a later section heading names, if any."""
        if not self.listed:
            return None
        words = title_words(title)
        if not words:
            return None
        best, best_score = None, 0.0
        for draft, listed_words in self.listed:
            score = len(words & listed_words) / len(words)
            if score > best_score:
                best, best_score = draft, score
        return best if best_score >= 0.6 else None

    def plain_agenda(self, lines: list[SourceLine]) -> None:
        """Agenda items typed as numbered lines of text, each with its time slot."""
        self.listed_container = self.item
        for source in lines:
            name, start, end = agenda_line(_PLAIN_AGENDA_LINE.sub("", source.text, count=1))
            draft = AgendaDraft(title=name, line=source.line, end_line=source.line, start_time=start, end_time=end)
            draft.has_content = draft.listed = True
            self.add_agenda(draft)
            self.listed.append((draft, title_words(name)))
            self.cue(source.line, "agenda", f"item {len(self.agenda)} of a numbered agenda")

    def agenda_list(self, entries: list[ListEntry]) -> None:
        """``## Agenda`` followed by a list: each top-level entry is an agenda item."""
        self.listed_container = self.item
        for entry in entries:
            text = strip_checkbox(entry.lines[0].text if entry.lines else entry.text)[0]
            name, start, end = agenda_line(text)
            if not name:
                continue
            draft = AgendaDraft(title=name, line=entry.line, end_line=entry.line, start_time=start, end_time=end)
            draft.has_content = True
            draft.listed = True
            for child in entry.children:
                draft.add_text("discussion", strip_checkbox(child.flat_text())[0], child.line, child.end_line)
            self.add_agenda(draft)
            container, self.item = self.item, draft
            self.listing = draft  # an agenda's own check-list ticks off the agenda, it assigns nothing
            for child in entry.children if not _PREVIOUS_ITEMS.search(entry.text) else ():
                self.entry_tasks(child)
            self.item, self.listing = container, None
            sub_words = [title_words(child.flat_text()) for child in entry.children]
            self.listed.append((draft, title_words(name).union(*sub_words)))
            self.cue(entry.line, "agenda", f"item {len(self.agenda)} of the agenda list")

    def heading(self, node: Block) -> None:
        level = int(node.tag[1:]) if node.tag[1:].isdigit() else 2
        lines = paragraph_lines(node)
        title = smart_join([line.text for line in lines]).strip()
        line = lines[0].line if lines else node_lines(node)[0]
        if _TAGS_HEADING.match(title):
            self.cue(line, "ignored", "tags line")
            return  # "###### tags: `会议记录`": the note's tags for its wiki, not a heading
        first_heading = not self.seen_heading
        self.seen_heading = True
        if title:
            self.heading_title(_HTML_BREAK.sub(" ", title), line, level, first_heading)

    def label_heading(self, node: Block) -> bool:
        """A paragraph that is only a section name (``待办事项``, ``会议议题：``, ``**Action items**``).

        Recorders who write no Markdown headings still name their sections on a line of
        their own; such a line opens the section as a heading would.
        """
        lines = paragraph_lines(node)
        if len(lines) != 1:
            return False
        text = lines[0].text.strip()
        bare = text.strip("*_ ").rstrip(":：").strip("*_ ")
        if self.bold_topic(lines[0]):
            return True
        if not bare or len(bare) > 30 or _KEY_VALUE.match(bare):
            return False
        if text.rstrip().endswith((":", "：")) and is_follow_up_heading(bare):
            # "上次行动项跟进：" on a line of its own: the lines below report on earlier tasks
            self.heading_title(bare, lines[0].line, self.item_level + 1 if self.item is not None else 2, False)
            return True
        kind, _ = classify_section(bare)
        if kind in (None, "title", "info", "other") and not (kind == "info" and text.rstrip().endswith((":", "："))):
            return False  # a label such as "Resources:" names what follows it, not a section to skip
        if self.item is not None and not self.item.implicit and not self.item.follow_up:
            return False  # a label inside an agenda item names the item's own sub-section (item_paragraph)
        level = self.item_level + 1 if self.item is not None and self.item.implicit else 2
        self.cue(lines[0].line, "section", f"{kind} label on a line of its own")
        self.heading_title(bare, lines[0].line, level, False)
        return True

    def bold_topic(self, source: SourceLine) -> bool:
        """``**Community Day Planning (Toby)**`` alone on a line, below the meeting information.

        Pages exported from wikis write their topics in bold instead of as headings. A bold
        line counts as one only outside an agenda item, once the notes have said when the
        meeting was or who came, and when it holds no colon (``**FYI: …**`` is a statement).
        """
        raw = self.source_line(source.line).strip()
        in_topics = self.item is not None and self.item.bold_topic
        if not (_BOLD_LINE.match(raw) and (self.section in ("preamble", "info", "other") or in_topics)):
            return False
        if not ({"date", "attendees"} & self.info.keys()) or _NOTICE.match(source.text):
            return False
        if classify_section(source.text.strip())[0] is not None or MEETING_KEYS.lookup(source.text.strip()) not in (None, "goal"):
            return False  # "**Attendees**", "**Action items**": a label, read as such ("**Goals**" is a topic)
        self.close_item()
        self.section = "preamble"
        self.heading_title(source.text.strip(), source.line, 3, False)
        if self.item is not None:
            self.item.bold_topic = True
        self.cue(source.line, "agenda", "a bold line standing for a heading")
        return True

    def heading_title(self, title: str, line: int, level: int, first_heading: bool) -> None:
        """What a heading (or a line standing for one) opens: info, a section, an agenda item …"""
        if self.nested_follow_up is not None and level <= self.nested_follow_up:
            self.nested_follow_up = None
        pairs = meeting_pairs(title)
        bare_key = MEETING_KEYS.lookup(title.strip(" :：*")) if len(title) <= 20 and not (first_heading and level == 1) else None
        if bare_key in _BARE_LABEL_KEYS and bare_key not in _PEOPLE_KEYS:
            # "### 地点" with "+ G311" below it
            self.pending_label = bare_key
            self.cue(line, "info", f"{bare_key} heading, value below")
            return
        if "date" not in self.info and _date_only(title) and (heading_date := date_in_title(title, self.date_order)):
            # "## 2016年3月13日": the meeting's date as a heading
            self.info["date"] = heading_date
            self.info_lines["date"] = line
            self.cue(line, "info", "a heading that is a date")
            return
        if _ADJOURNED.search(title):
            _, adjourned = parse_time_range(title)
            start, _ = parse_time_range(title)
            if start and "end_time" not in self.info:
                self.info["end_time"] = adjourned or start
                self.info_lines["end_time"] = line
        if len(pairs) == 1 and pairs[0][0] in _PEOPLE_KEYS and not pairs[0][1]:
            # "## 参会人员 (Attendance):" with the names below it
            self.close_item()
            self.container_level = None
            self.section = pairs[0][0]
            self.cue(line, pairs[0][0], "heading")
            return
        if pairs and (self.item is None or any(key not in ("title", "goal") for key, _ in pairs)):
            # (inside an agenda item, "### 目标：…" names a part of it, not the meeting's purpose)
            # "##### 会议时间：2024年5月13日": meeting information written as a heading
            for key, pair_value in pairs:
                self.set_info(key, pair_value, line)
            self.cue(line, "info", "heading with " + "/".join(key for key, _ in pairs))
            return
        kind, value = classify_section(title)
        if (
            first_heading
            and self.h1_title is None
            and kind in (None, "agenda")
            and (level == 1 or ("title" not in self.info and _titled_heading(title)))
            and not is_agenda_word(title)
        ):
            self.h1_title = (title, line)
            self.cue(line, "title", f"first heading (h{level})")
            return
        if is_follow_up_heading(title) and self.item is not None and not self.item.implicit and level > self.item_level:
            # "## 1. 项目进展" then "### 上次行动项跟进": the item's own lines report on earlier tasks
            self.item.add_text("discussion", title, line, line)
            self.nested_follow_up = level
            self.cues[line] = ("section", "follow-up of earlier tasks")
            return
        if is_follow_up_heading(title):
            # "## 上次行动项跟进": what became of earlier tasks, line by line
            if not (self.container_level is not None and level > self.container_level):
                self.close_item()
                self.container_level = None
            self.open_item(title, line, level)
            assert self.item is not None
            self.item.follow_up = self.item.previous_items = True
            self.cues[line] = ("section", "follow-up of earlier tasks")
            return
        part = record_part(title)
        if part is not None and not (self.item is not None and not self.item.implicit and level > self.item_level):
            # "## 討論事項", "## Any other business": a part of the record; an item of its own
            # until a heading below it opens the part's first item
            self.close_item()
            if not (self.container_level is not None and level > self.container_level):
                self.container_level = None
            self.part_container = (level, part)
            self.open_item(title, line, level)
            assert self.item is not None
            self.item.part = part
            self.cues[line] = ("agenda", f"{part} part of the record")
            return
        if self.part_item(title, line, level):
            return
        if self.section == "actions" and kind is None and level > self.actions_level and looks_like_department(title):
            # "## 待办事项" then "### 研发部": the tasks below are that department's
            self.action_department = title
            self.cue(line, "section", "the department whose tasks follow")
            return
        label = subsection_label(title, record=self.item is not None and self.item.part is not None)
        if self.item is not None and level > self.item_level and label and kind in (None, "actions"):
            self.item.subsection = label[0]
            self.item.touch(line)
            if label[1]:
                self.item_text(label[0], label[1], line, line)
            return
        if self.item is not None and not self.item.implicit and level > self.item_level and kind is None:
            self.item.add_text(self.item.text_field(), title, line, line)
            # "## 報告事項" then "### 一、會長": whose report the points below are
            unit = parse_agenda_title(title)[0]
            self.item.owner_heading = unit if looks_like_department(unit) or unit in _ROLE_HEADINGS else None
            return
        if self.container_level is not None and level > self.container_level and kind is None:
            self.open_item(title, line, level)
            if _DECISION_HEADING.search(title) and self.item is not None:
                self.item.subsection = "resolutions"  # "### 團隊共同約定": what was agreed
            return
        if self.item is not None and level > self.item_level and kind is None:
            self.item.add_text(self.item.text_field(), title, line, line)
            return
        self.close_item()
        self.container_level = None
        if kind == "actions" and _PREVIOUS_ITEMS.search(title):
            self.open_item(title, line, level)  # reviewed here, assigned in an earlier meeting
            self.cue(line, "agenda", "the last meeting's items, reviewed")
        elif kind == "agenda":
            self.container_level = level
            self.part_container = None
            self.open_item(title, line, level, implicit=True)
        elif kind == "other":
            # "## Links", "## Chat log": kept with its text, never counted as an agenda item
            self.open_item(title, line, level)
            assert self.item is not None
            self.item.other = True
            self.cue(line, "section", "a section that is no agenda item")
        elif kind is not None:
            self.section = kind
            self.actions_level, self.action_department = level, None
            # "## Regrets", "## 請假": the heading says why those listed below are absent
            self.section_reason = title.strip(" :：") if normalise_key(title) in _EXCUSED else None
            if kind == "title":
                self.section = "info"
            elif value:
                self.section_text(value)
        elif (label is not None and label[0] == "resolutions") or _DECISION_HEADING.search(title):
            # "## 決議事項", "## We agreed on": the decisions of the meeting, not an agenda topic
            self.open_item(title, line, level, implicit=True)
            assert self.item is not None
            self.item.subsection = "resolutions"
            self.cue(line, "decisions", "decision heading")
        else:
            self.open_item(title, line, level)

    def late_info(self, text: str, line: int) -> bool:
        """``时间：2024/06/22 14:00`` below the minutes, or in a section named otherwise: meeting info.

        Only a field not given yet, and only one whose key cannot be read as anything else;
        a task-list line (``- [ ] …``) is always a task.
        """
        if strip_checkbox(text)[1] is not None or split_fields(text).pairs:
            return False
        pairs = meeting_pairs(text)
        if not pairs or any(key not in _LATE_INFO_KEYS and key not in _LATE_RECORD_KEYS for key, _ in pairs):
            return False
        written = _KEY_VALUE.match(text) or _TAB_KEY_VALUE.match(text)
        if pairs[0][0] in _LATE_RECORD_KEYS and (written is None or normalise_key(written.group("key")) in _AMBIGUOUS_RECORD_WORDS):
            return False  # "To: …", "审核：…" among the minutes may mean something else
        first = pairs[0][0]
        if first in self.info or (first == "time" and "start_time" in self.info):
            return False
        for key, value in pairs:
            self.set_info(key, value, line)
        self.cue(line, "info", f"{first} label outside the information block")
        return True

    def cue(self, line: int, role: str, cue: str) -> None:
        """Note what a source line was read as, and the cue that decided it (``--explain``)."""
        self.cues.setdefault(line, (role, cue))

    def bare_label(self, node: Block) -> bool:
        """``**Attendees**``, ``Participants:`` or ``**Lead**`` alone on a line: the values follow.

        They follow on the paragraph's next lines or in the next block (a list, a table).
        """
        lines = paragraph_lines(node)
        if not lines:
            return False
        label = lines[0].text.strip().strip("*_ ").rstrip(":：").strip("*_ ")
        key = MEETING_KEYS.lookup(label) if len(label) <= 30 else None
        written = lines[0].text.strip().strip("*_ ")
        if key == "goal" and written.endswith((":", "：")) and self.goal_label_allowed():
            # "会议目标：" and the goal on the lines or in the list below
            self.cue(lines[0].line, "info", "goal label, purpose below")
            values = _lines_before_a_key(lines[1:])
            if values:
                self.goal_from_lines(values)
                self.info_from_lines(lines[1 + len(values) :])  # "主持人：…" after the goal
            elif len(lines) == 1:
                self.pending_label = key
            else:
                self.info_from_lines(lines[1:])
            return True
        if key not in _BARE_LABEL_KEYS:
            return False
        assert key is not None
        self.cue(lines[0].line, "info", f"{key} label, values below")
        values = [source for source in lines[1:] if source.text.strip()]
        for source in values:
            self.set_info(key, source.text, source.line)
            self.cue(source.line, key if key in _PEOPLE_KEYS else "info", "line under a label")
        self.pending_label = None if values else key
        return True

    def goal_label_allowed(self) -> bool:
        """A goal label opens the purpose among the meeting information only, and only once."""
        return self.section in ("preamble", "info") and self.item is None and "purpose" not in self.info

    def goal_from_lines(self, values: list[SourceLine]) -> None:
        """The purpose from the lines under a goal label, wrapped lines joined."""
        self.set_info("goal", smart_join([source.text for source in values]), values[0].line)
        for source in values[1:]:
            self.cue(source.line, "info", "purpose (cont.)")

    def roster_line(self, node: Block) -> bool:
        """One line of a roster written a paragraph per name, each maybe followed by ``Yes``."""
        lines = paragraph_lines(node)
        if len(lines) != 1:
            return False
        text = lines[0].text.strip()
        if _PRESENT_MARK.match(text):
            if self.roster:
                self.roster[-1][2] = True
                self.roster_marked = True
            return True
        if names_only(text, frozenset()) or (self.roster and len(text) <= 40 and _LATIN_NAME.match(text)):
            self.roster.append([text, lines[0].line, False])
            return True
        return False

    def end_roster(self) -> None:
        """A roster ends: with ``Yes`` marks, the names without one were not there."""
        for name, line, marked in self.roster:
            present = marked or not self.roster_marked
            self.set_info("attendees" if present else "absentees", name, line)
            self.cue(line, "attendees" if present else "absentees", "a roster, a name per line")
        self.roster = []
        self.roster_marked = False

    def labelled_block(self, node: Block, key: str) -> None:
        """The list or table that follows a bare label (``**Attendees**`` then ``- Ana``)."""
        lines = paragraph_lines(node) if node.type == "paragraph" else []
        if key == "attendees" and any(_PRESENT_MARK.match(source.text.strip()) for source in lines):
            # a roster in one paragraph: "Dana Wu" / "Yes" / "Raj Mehta" / …
            for source in lines:
                text = source.text.strip()
                if _PRESENT_MARK.match(text):
                    if self.roster:
                        self.roster[-1][2] = True
                        self.roster_marked = True
                elif text:
                    self.roster.append([text, source.line, False])
            self.end_roster()
            return
        if key == "goal":
            if node.type in ("bullet_list", "ordered_list"):
                # "会议目标：" / "1. 明确分工" / "2. 确定时间节点": the goals, one after the other
                entries = list_entries(node, self.blank)
                self.set_info("goal", join_entries([entry.flat_text() for entry in entries]), entries[0].line)
                first, last = node_lines(node, self.blank)
                for number in range(first + 1, last + 1):
                    if not self.blank[number - 1]:
                        self.cue(number, "info", "purpose (cont.)")
            elif node.type == "paragraph":
                self.goal_from_lines([source for source in paragraph_lines(node) if source.text.strip()])
            return
        if key in _PEOPLE_KEYS:
            section, self.section = self.section, key
            self.people_block(node)
            self.section = section
        elif node.type in ("bullet_list", "ordered_list"):
            for entry in list_entries(node, self.blank):
                self.set_info(key, entry.flat_text(), entry.line)
        elif node.type == "paragraph":
            for source in paragraph_lines(node):
                self.set_info(key, source.text, source.line)

    def block(self, node: Block) -> None:
        kind = node.type
        self.blocks_seen += 1
        if self.blocks_seen == 1 and kind == "paragraph":
            lines = paragraph_lines(node)
            text = lines[0].text.strip(" *_") if len(lines) == 1 else ""
            if text and len(text) <= 60 and _titled_heading(text) and not meeting_pairs(text):
                self.first_line = (text, lines[0].line)
                self.cue(lines[0].line, "title", "first line of the notes")
                return
        pending, self.pending_label = self.pending_label, None
        if pending is not None and kind in ("bullet_list", "ordered_list", "table", "paragraph"):
            if pending == "attendees" and kind == "paragraph" and self.roster_line(node):
                self.pending_label = pending  # "Anton Lefebvre" / "Yes" / "Bo Yuan" / "Yes" …
                return
            self.labelled_block(node, pending)
            return
        self.end_roster()
        if kind == "paragraph" and (self.bare_label(node) or self.label_heading(node)):
            return
        if kind == "heading":
            self.heading(node)
        elif kind == "blockquote":
            for child in node.children:
                self.block(child)
        elif self.section in ("preamble", "info"):
            self.info_block(node)
        elif self.section == "item":
            self.item_block(node)
        elif self.section == "actions":
            self.actions_block(node, None)
        elif self.section in ("attachments", "risks", "next_meeting"):
            self.list_section_block(node)
        elif self.section in ("attendees", "absentees", "observers"):
            self.people_block(node)

    def people_block(self, node: Block) -> None:
        """A list, table or paragraph under ``## Attendees``, ``## Regrets``, ``## 列席``."""
        key = self.section
        if node.type in ("bullet_list", "ordered_list"):
            for entry in list_entries(node, self.blank):
                text, checked = strip_checkbox(entry.flat_text())
                role = _HOST_ROLE.search(text)
                if role is not None and key == "attendees":
                    # "- @kaiwen-dev, Host": present, and the one who chaired
                    text = text[: role.start()].strip()
                    if "host" not in self.info:
                        self.set_info("host", text, entry.line)
                # an attendance check-list: a ticked box is someone present, an open one someone absent
                where = "absentees" if checked is False and key == "attendees" else key
                if where == "absentees" and key == "absentees" and self.section_reason:
                    text = f"{text}（{self.section_reason}）"
                self.set_info(where, text, entry.line)
                self.cue(entry.line, where, "check-list under a heading" if checked is not None else "list under a heading")
        elif node.type == "paragraph":
            for source in paragraph_lines(node):
                text = source.text.strip()
                if text.endswith((":", "：")):
                    self.cue(source.line, "ignored", "a label, not a name")  # "TSC members who attended:"
                elif text:
                    self.set_info(key, source.text, source.line)
                    self.cue(source.line, key, "line under a heading")
        elif node.type == "table":
            header, rows = table_rows(node)
            attendance = attendance_table(header, [cells for _, cells in rows], lines=[line for line, _ in rows])
            if attendance is None:
                self.info_from_table(node)
                return
            self.info.setdefault("attendees", []).extend(attendance.attendees())
            self.info.setdefault("absentees", []).extend(attendance.absent)
            for line, _ in rows:
                self.info_lines.setdefault("attendees", line)
                self.cue(line, key, "row of an attendance table")

    def dateline(self, source: SourceLine) -> bool:
        """``October 26, 2017 (7:00am - 8:00am PT) via GoToMeeting``: when and where, unlabelled."""
        if "date" in self.info or "start_time" in self.info or meeting_pairs(source.text):
            return False
        start, end = parse_time_range(source.text)
        date = parse_date(source.text, date_order=self.date_order) if start else None
        if date is None or len(source.text) > 80:
            return False
        self.info["date"] = date
        self.info_lines["date"] = source.line
        self.set_times(start or "", end, source.line)
        place = _VIA_PLACE.search(source.text)
        if place and "location" not in self.info:
            self.info["location"] = place.group(1).strip()
            self.info_lines["location"] = source.line
        self.cue(source.line, "info", "a line giving the date and time")
        return True

    def body_item(self) -> AgendaDraft:
        """The one untitled item that holds the minutes of notes written without headings."""
        if self.item is None:
            self.open_item("", self.first_line[1] if self.first_line else 1, 1, implicit=True)
        assert self.item is not None
        return self.item

    def info_block(self, node: Block) -> None:
        if node.type == "paragraph":
            lines = paragraph_lines(node)
            goal_end = 0
            for index, source in enumerate(lines):
                label = subsection_label(source.text)
                if label and label[0] == "actions" and not meeting_pairs(source.text):
                    # "二、分工" and the tasks under it, in the same paragraph
                    self.section = "actions"
                    self.action_lines(lines[index + 1 :])
                    return
                bare = source.text.strip().rstrip(":：")
                if index + 1 < len(lines) and bare and is_agenda_word(bare):
                    # "会议议程：" and the agenda lines under it, in the same paragraph
                    self.heading_title(bare, source.line, 2, False)
                    if self.item is not None:
                        self.item_paragraph(lines[index + 1 :])
                    return
                if self.dateline(source) or self.adjourned(source.text, source.line):
                    continue
                if "document_number" not in self.info and _DOCUMENT_NUMBER.match(source.text.strip()):
                    self.set_info("document_number", source.text.strip(), source.line)
                    self.cue(source.line, "info", "the minutes' number on a line of its own")
                    continue
                if self.purpose_continued(lines, index):
                    continue
                if index < goal_end:
                    continue  # a line of the goal read below its label
                if meeting_pairs(source.text) == [("goal", "")] and self.goal_label_allowed():
                    # "会议目标：" alone: the goal follows, on the next lines or in the list below
                    self.cue(source.line, "info", "goal label, purpose below")
                    values = _lines_before_a_key(lines[index + 1 :])
                    if values:
                        self.goal_from_lines(values)
                        goal_end = index + 1 + len(values)
                    elif index + 1 == len(lines):
                        self.pending_label = "goal"
                    continue
                if not self.info_from_lines([source]) and self.headingless and source.text.strip():
                    self.body_item()
                    self.item_paragraph(lines[index:])
                    return
        elif node.type in ("bullet_list", "ordered_list"):
            rest = self.info_from_list(node)
            if node.type == "ordered_list" and not self.agenda and _numbered_topics(rest):
                self.topics_from_list(rest)
                return
            # a list of tasks with no heading or label: one evident task makes it an action list
            as_actions = any(_evident_action(entry.text) for entry in rest)
            for entry in rest:
                if as_actions or strip_checkbox(entry.text)[1] is not None:
                    self.add_action_entry(entry, None)
                elif self.headingless:
                    self.body_item()
                    self.item_entry(entry)
                else:
                    self.entry_tasks(entry)
        elif node.type == "table" and not self.info_from_table(node):
            self.table_block(node, None)

    def purpose_continued(self, lines: list[SourceLine], index: int) -> bool:
        """A line that goes on with the purpose given on the line above (``Goal: agree who does
        what`` / ``and by when.``): no key of its own, and the purpose's sentence not ended."""
        source = lines[index]
        text = source.text.strip()
        purpose = self.info.get("purpose")
        last = self.purpose_end if self.purpose_end is not None else self.info_lines.get("purpose")
        if not (index and text and purpose and last == lines[index - 1].line):
            return False
        if purpose.rstrip().endswith((*_SENTENCE_ENDS, ".", "!", "?")) or _KEY_VALUE.match(text):
            return False
        self.info["purpose"] = smart_join([purpose, text])
        self.purpose_end = source.line  # the line the next one may go on from
        self.cue(source.line, "info", "purpose (cont.)")
        return True

    def topics_from_list(self, entries: list[ListEntry]) -> None:
        """Notes without headings, numbered by topic: ``1. 产品核心功能`` and its lines below."""
        for entry in entries:
            self.open_item(entry.lines[0].text, entry.line, 2)
            self.cue(entry.line, "agenda", "numbered topic with its lines below")
            self.item_paragraph(entry.lines[1:])
            for child in entry.children:
                self.item_entry(child)
        self.close_item()
        self.section = "other"

    def item_text(self, kind: str, text: str, line: int, end_line: int) -> None:
        """Text under an agenda item's current sub-section: an entry, or an action item."""
        assert self.item is not None
        if kind == "actions":
            self.add_action_line(text, line, end_line)
            return
        if kind == "subject":
            self.item_subject(text, line, end_line)
            return
        for part in split_inline_enumeration(text):
            self.item.add_text(kind, part, line, end_line)
        self.tasks_in_text(text, line, end_line, decided=kind == "resolutions")

    def part_item(self, title: str, line: int, level: int) -> bool:
        """A heading under a part of the record (``## 討論事項`` then ``### 第一案``): an item of that part.

        A heading naming who reports (``### 一、會長``, ``### 財務部``) stays a line of the
        part's item, as under any item; so do a sub-section label and a section name.
        """
        part = self.part_container
        item = self.item
        if part is None or item is None or item.part is None or level <= part[0]:
            if part is not None and level <= part[0]:
                self.part_container = None  # the next part, or the end of the record's parts
            return False
        if part[1] == "report":
            return False  # "## 報告事項" then "### 一、財務報告": the reports of one item
        if classify_section(title)[0] is not None or subsection_label(title, record=True) is not None:
            return False
        unit = parse_agenda_title(title)[0]
        if looks_like_department(unit) or unit in _ROLE_HEADINGS:
            return False
        if item.level == part[0] and not item.has_content:
            item.implicit = True  # the part's heading only groups its items
            self.cues[item.line] = ("section", f"{part[1]} part of the record")
        self.open_item(title, line, level)
        return True

    def part_list(self, node: Block) -> bool:
        """``## 討論事項`` then ``1. 修訂停車辦法`` with its 說明 and 決議 nested: an item a point."""
        item, part = self.item, self.part_container
        if item is None or part is None or part[1] == "report" or item.part is None:
            return False
        if item.level != part[0] or item.has_content:
            return False
        entries = list_entries(node, self.blank)
        if not entries or not all(entry.children or len(entry.lines) > 1 for entry in entries):
            return False
        item.implicit = True  # the part's heading only groups its items
        self.cues[item.line] = ("section", f"{part[1]} part of the record")
        for entry in entries:
            self.open_item(entry.lines[0].text if entry.lines else entry.text, entry.line, part[0] + 1)
            self.cues[entry.line] = ("agenda", f"an item of the {part[1]} part")
            assert self.item is not None
            self.item.touch(entry.end_line)
            self.item_paragraph(entry.lines[1:])
            for child in entry.children:
                self.item_entry(child)
        return True

    def item_subject(self, text: str, line: int, end_line: int) -> None:
        """``案由：修訂管理辦法``: the item's title when its heading gives none, else a point of it."""
        item = self.item
        assert item is not None
        text = text.strip()
        item.subsection = "discussion"
        if not text:
            return
        if item.untitled:
            item.title, item.untitled = text, False
            item.touch(end_line)
            self.cues[line] = ("agenda", "案由: the item's subject")
            return
        item.add_text("discussion", text, line, end_line)

    def adjourned(self, text: str, line: int) -> bool:
        """``散會：下午4時30分``, ``散会 16:30``, ``Adjourned at 4:30 pm``: when the meeting ended."""
        match = _ADJOURNED_LINE.match(text.strip())
        if match is None:
            return False
        start, end = parse_time_range(match.group("time"))
        if not start:
            return False
        if "end_time" not in self.info:
            self.info["end_time"] = end or start
            self.info_lines["end_time"] = line
        self.cue(line, "info", "the meeting adjourned")
        return True

    def tasks_in_text(
        self,
        text: str,
        line: int,
        end_line: int,
        owner: str | None = None,
        planned: bool = True,
        decided: bool = False,
    ) -> None:
        """Tasks a discussion point or a decision assigns by its shape alone.

        ``Dana will send the deck``, ``由小周负责测试``, ``請物業確認``: the point stays in
        the minutes as written, and the task it assigns joins the action items.
        """
        item = self.item
        if is_question(text) or (item is not None and item.previous_items):
            return
        decided = decided or (item is not None and item.subsection == "resolutions") or decision_cue(text) is not None
        if not decided and _OPINION.search(text) is not None:
            return  # "設備課認為應由廠商負責更換": what someone thinks, not what was assigned
        if item is not None and item.status_report and _FUTURE.search(text) is None:
            return  # "- visualization: integrates the APIs, 30% @liwei9" under "### Status"
        index = self.item_index() if item is not None else None
        found = False
        heading_owner = item.owner_heading if item is not None else None
        known = self.known_names()
        for cue in find_tasks(text, known):
            # a unit's report ("### 學權部" then "會與總務組討論…"): what it will do is its task;
            # "老陈：整理测试用例": one of the meeting's people, a colon, then work to do
            named_work = (
                cue.cue == "name:" and bool(cue.owners) and set(cue.owners) <= known and _TASK_VERB.match(cue.task)
            )
            if not cue.strong and not (heading_owner and cue.cue == "会") and not named_work:
                continue
            draft = ActionDraft(task=cue.task, line=line, end_line=end_line, agenda_index=index)
            draft.from_sentence = True
            owners, owner_due = _owners_and_due(cue.owners)
            who = "、".join(owners) or owner or (heading_owner if cue.cue == "会" else None)
            if who:
                draft.set_field("owner", who)
            due = owner_due or due_phrase(cue.task)
            if due:
                draft.set_field("due", due)
            draft.checked = cue.done
            self.actions.append(draft)
            self.cue(line, "task", f"sentence ({cue.cue})")
            found = True
        if not found and planned:
            found = self.planned_clauses(text, line, end_line, index, owner, decided)
        if found and item is not None:
            item.touch(end_line)

    def planned_clauses(
        self, text: str, line: int, end_line: int, index: int | None, owner: str | None, decided: bool = False
    ) -> bool:
        """Clauses that commit to work without naming anyone: still tasks, reported as ownerless.

        ``6 月 2 日前完成 redis 搭建``, ``后续要每天检查构建日志``, ``本周计划：完成支付模块``,
        ``评审意见会后解决``, ``花一天时间建好数据库``, and in a decision one that opens with
        what is to be done (``決議：通知物業協助核對``).
        """
        found = False
        for clause in _CLAUSE_BREAK.split(text):
            clause = clause.strip(" ，,")
            planned = _PLAN_LABEL.search(clause)
            task = planned.group("task").strip() if planned else clause
            named_first = next((name for name in self.known_names() if name and clause.startswith(name)), None)
            unnamed = clause[len(named_first) :].lstrip(" :：") if named_first else clause
            committed = bool(
                planned
                or _DATED_WORK.match(unnamed)
                or (_ENGLISH_WORK.match(unnamed) and due_phrase(unnamed))
                or _FOLLOW_UP.match(clause)
                or _AFTER_MEETING.search(clause)
                or _SPENT_TIME.search(clause)
                or (decided and _ACTION_VERB.match(clause))
            )
            if not committed or len(task) < 4:
                continue
            draft = ActionDraft(task=task, line=line, end_line=end_line, agenda_index=index)
            draft.from_sentence = True
            named = next((name for name in self.known_names() if name and clause.startswith(name)), None)
            if owner or named:
                draft.set_field("owner", owner or named or "")
            due = due_phrase(clause)
            if due:
                draft.set_field("due", due)
            self.actions.append(draft)
            self.cue(line, "task", "a clause committing to work")
            found = True
        return found

    def schedule_tasks(self, line: int) -> None:
        """A timetable line: ``**第一阶段（6 月 1 日 — 6 月 7 日）** **方雨晴** 交付…；**田甜** 交付…``.

        The bold period gives the deadline (the end of its range), each clause naming a
        person gives that person's task; the line stays in the minutes as written.
        """
        raw = self.source_line(line)
        period = _PERIOD_LABEL.match(raw)
        if period is None or self.item is None:
            return
        ends = _RANGE_END.search(period.group("label"))
        if ends is None:
            return
        due = ends.group("end")
        known = self.known_names()
        for clause in _CLAUSE.split(raw[period.end() :]):
            bold = _BOLD_NAME.match(clause)
            cues = find_tasks(clause, known)
            if not cues and bold is not None and names_only(bold.group("who"), known):
                # "**Raj** finishes the API tests": the bold name owns the clause
                draft = ActionDraft(task=clause.replace("**", "").strip(), line=line, end_line=line, agenda_index=self.item_index())
                draft.set_field("owner", bold.group("who"))
                draft.set_field("due", due_phrase(clause) or due)
                draft.from_sentence = True
                self.actions.append(draft)
                continue
            for cue in cues:
                if not cue.owners:
                    continue
                draft = ActionDraft(
                    task=cue.task.replace("**", "").strip(), line=line, end_line=line, agenda_index=self.item_index()
                )
                draft.set_field("owner", "、".join(cue.owners))
                draft.set_field("due", due_phrase(cue.task) or due)
                draft.from_sentence = True
                self.actions.append(draft)
                self.cue(line, "task", "a timetable line: a period, people and their work")

    def source_line(self, line: int) -> str:
        """The notes' line as typed (with its ``**``), 1-based."""
        if not hasattr(self, "_source_lines"):
            self._source_lines = self.text.split("\n")
        return self._source_lines[line - 1] if 0 < line <= len(self._source_lines) else ""

    def known_names(self) -> frozenset[str]:
        """The names of the people the meeting information lists, for reading owners in sentences."""
        # asked for every line: built again only when the people of the meeting change
        key = (len(self.info.get("attendees", [])), id(self.info.get("host")), id(self.info.get("recorder")))
        if self._known[0] != key:
            self._known = (key, frozenset(person.name for person in self.info_people() if person.name))
        return self._known[1]

    def add_action_line(self, text: str, line: int, end_line: int) -> None:
        index = self.item_index() if self.section == "item" and self.item is not None else None
        fields = split_fields(strip_checkbox(text)[0])
        if self.actions and not fields.head and fields.pairs and self.actions[-1].end_line >= line - 1:
            # "负责人：…" on its own line right under a task continues it
            self.actions[-1].add_detail(text)
            self.actions[-1].end_line = max(self.actions[-1].end_line, end_line)
        elif _standing_role(strip_enumerator(strip_checkbox(text)[0])):
            self.next_meeting.append(strip_enumerator(strip_checkbox(text)[0]))
            self.cue(line, "info", "the next meeting (a role or its date), not a task")
        else:
            draft = draft_from_line(text, line, end_line, index)
            complete_from_words(draft, self.known_names())
            self.actions.extend(split_by_owner(draft, self.known_names()))
            self.cue(line, "task", "line of an action list")
        if self.item is not None and index is not None:
            self.item.touch(end_line)

    def add_action_entry(self, entry: ListEntry, agenda_index: int | None) -> None:
        text = "\n".join(source.text for source in entry.lines)
        if _standing_role(strip_checkbox(entry.text)[0]) and not entry.children:
            self.next_meeting.append(strip_checkbox(entry.text)[0])
            self.cue(entry.line, "info", "the next meeting (a role or its date), not a task")
            return
        subtasks = [child for child in entry.children if strip_checkbox(child.text)[1] is not None]
        # a task list nested in a task: each ticked or open box is a task of its own
        end_line = subtasks[0].line - 1 if subtasks else entry.end_line
        bare = strip_checkbox(text)[0].strip(" *_")
        grouping = bool(entry.children) and (
            bare.endswith((":", "："))
            # "* Brave" over "* Feedback to the Brave team …": a topic naming the tasks below it
            or (strip_checkbox(text)[1] is None and _GROUP_TITLE.match(bare) is not None and not subtasks)
        )
        if grouping and not subtasks:
            subtasks = list(entry.children)
        if subtasks and grouping:
            # "- [ ] Set up meetings with:" over its sub-tasks: a heading for them, not a task;
            # "This week's aims:" gives them its deadline
            self.cue(entry.line, "section", "a group of sub-tasks")
            shared_due = due_phrase(strip_checkbox(text)[0])
            for child in entry.children:
                first = len(self.actions)
                self.add_action_entry(child, agenda_index)
                for draft in self.actions[first:]:
                    if shared_due and draft.due_text is None:
                        draft.set_field("due", shared_due)
            return
        if not subtasks and self.actions and self.owner_below(entry):
            return
        draft = draft_from_line(text, entry.line, max(entry.line, end_line), agenda_index)
        complete_from_words(draft, self.known_names())
        self.actions.extend(split_by_owner(draft, self.known_names()))
        self.cue(entry.line, "task", "item of an action list" if not subtasks else "task with sub-tasks")
        for child in entry.children:
            if subtasks and strip_checkbox(child.text)[1] is not None:
                self.add_action_entry(child, agenda_index)
            elif _ASKS_FOR_WORK.match(strip_checkbox(child.text)[0]):
                self.add_action_entry(child, agenda_index)  # "  * Please set up the issues": work of its own
            elif not self.owner_child(draft, child):
                add_detail_entry(draft, child)

    def owner_below(self, entry: ListEntry) -> bool:
        """``+ 下载源码`` then `` + 赵晨阳`` indented a little: the name is the owner of the line above."""
        previous = self.actions[-1]
        more = id(previous) in self.owners_below  # a second name below the same task
        if (previous.owner_text and not more) or previous.mentions or previous.end_line != entry.line - 1:
            return False
        if not names_only(entry.text, self.known_names()):
            return False
        indent = _indent(self.text, entry.line)
        if indent <= _indent(self.text, previous.line):
            return False
        previous.set_field("owner", entry.text.strip(" *_"))
        self.owners_below.add(id(previous))
        previous.end_line = entry.end_line
        self.cue(entry.line, "task", f"owner of the task on line {previous.line}")
        return True

    def owner_child(self, draft: ActionDraft, child: ListEntry) -> bool:
        """A name alone nested under a task is its owner (several such names: several owners).

        Under a task, initials count as names too (``+ zwl``): nothing else is that short.
        """
        text = child.text.strip(" *_")
        if draft.mentions or child.children or not (names_only(text, self.known_names()) or _INITIALS.match(text)):
            return False
        if draft.owner_text and id(draft) not in self.owners_below:
            return False
        self.owners_below.add(id(draft))
        draft.set_field("owner", child.text.strip(" *_"))
        draft.end_line = max(draft.end_line, child.end_line)
        self.cue(child.line, "task", f"owner of the task on line {draft.line}")
        return True

    def item_block(self, node: Block) -> None:
        item = self.item
        assert item is not None
        if item.follow_up or self.nested_follow_up is not None:
            self.follow_up_block(node)
            return
        if node.type in ("bullet_list", "ordered_list") and self.part_list(node):
            return
        if node.type == "paragraph":
            self.item_paragraph(paragraph_lines(node))
        elif node.type in ("bullet_list", "ordered_list"):
            entries = list_entries(node, self.blank)
            if item.implicit and not item.has_content and item is not self.listed_container and is_agenda_word(item.title):
                self.agenda_list(entries)
                return
            if node.type == "ordered_list" and item is self.listed_container and len(entries) <= len(self.listed):
                # the agenda as a numbered list, then the minutes as a numbered list: point n is item n
                for (draft, _), entry in zip(self.listed, entries, strict=False):
                    self.item = draft
                    self.item_entry(entry)
                    draft.touch(entry.end_line)
                self.item = item
                return
            for entry in entries:
                self.item_entry(entry)
        elif node.type == "table":
            self.table_block(node, self.item_index())
        elif node.type in ("fence", "code_block"):
            first, last = node_lines(node, self.blank)
            item.add_text(item.text_field(), node.content.rstrip("\n"), first, last)

    # -- updates on earlier tasks

    def follow_up_block(self, node: Block) -> None:
        """A block of a follow-up section: each line an update on an earlier task, its text kept."""
        item = self.item
        assert item is not None
        if node.type == "paragraph":
            lines = paragraph_lines(node)
            for index, source in enumerate(lines):
                text = source.text.strip()
                if not text:
                    continue
                if self.nested_follow_up is not None and subsection_label(text) is not None:
                    # "决议：" after "上次行动项跟进：" inside an item: the item's own lines again
                    self.nested_follow_up = None
                    self.item_paragraph(lines[index:])
                    return
                item.add_text("discussion", text, source.line, source.line)
                if not text.endswith((":", "：")):
                    self.add_update(read_update(text, source.line), "follow-up")
        elif node.type in ("bullet_list", "ordered_list"):
            for entry in list_entries(node, self.blank):
                for part in split_inline_enumeration(entry.flat_text()):
                    item.add_text("discussion", part, entry.line, entry.end_line)
                self.follow_up_entry(entry)
        elif node.type == "table":
            self.follow_up_table(node)
        elif node.type in ("fence", "code_block"):
            first, last = node_lines(node, self.blank)
            item.add_text("discussion", node.content.rstrip("\n"), first, last)

    def follow_up_entry(self, entry: ListEntry) -> None:
        """A list item of a follow-up section; the items nested in it add to its progress.

        A nested item with an id of its own is an update of its own; an item that only
        groups others (``研发部：`` over its tasks) is none.
        """
        text = "\n".join(source.text for source in entry.lines) or entry.text
        update = read_update(text.split("\n")[0], entry.line, entry.end_line)
        grouping = bool(entry.children) and not update.task_id and (
            entry.text.rstrip().endswith((":", "："))
            or looks_like_department(entry.text.strip(" *_"))
            or (update.status is None and update.due_text is None and all(
                starts_with_id(child.text) or clause_status(child.text)[0] for child in entry.children
            ))
        )
        if grouping:
            self.cue(entry.line, "section", "a group of follow-up lines")
            for child in entry.children:
                self.follow_up_entry(child)
            return
        for source in entry.lines[1:]:
            update.add_line(source.text)
        for child in entry.children:
            if starts_with_id(child.text):
                self.follow_up_entry(child)
            else:
                update.add_line(child.flat_text())
        self.add_update(update, "follow-up")

    def follow_up_table(self, node: Block) -> None:
        """``| 编号 | 事项 | 负责人 | 状态 | 进展 |`` in a follow-up section: one update a row."""
        item = self.item
        assert item is not None
        header, rows = table_rows(node)
        kinds = column_kinds(header)
        for line, cells in rows:
            item.add_text("discussion", "；".join(cell for cell in cells if cell), line, line)
            values = {kind: cell for kind, cell in zip(kinds, cells, strict=False) if kind and cell}
            written = values.get("index", "")
            first = written if starts_with_id(written) else ""
            words = "，".join(values[kind] for kind in ("status", "progress", "notes") if kind in values)
            update = read_update(f"{first} {words}".strip() if first else words, line)
            if not first:
                update.task = values.get("task") or update.task
                update.text = words
            elif values.get("task") and not words:
                update.text = values["task"]
            update.owner_text = values.get("owner") or update.owner_text
            if values.get("due") and update.due_text is None:
                update.due_text = values["due"]
            if not (update.task_id or update.task):
                continue
            self.add_update(update, "follow-up")

    def add_update(self, update: UpdateDraft, cue: str) -> None:
        if not update.task_id and normalise_key(update.task or "") in NONE_WORDS:
            update.task = None  # "- 无", "- None": nothing to report
        if not (update.task_id or update.task):
            self.cue(update.line, "ignored", "a follow-up line naming no task")
            return
        self.updates.append(update)
        self.cue(update.line, "task update", cue)

    def updates_elsewhere(self, date: dt.date | None) -> None:
        """Lines outside follow-up sections that report on an earlier task.

        A line opening with an id made from an earlier meeting's date (``- 2024-06-12-3：进行中``),
        or a check-list line opening with an id and a status word (``- [x] #Q3-7 已完成``).
        A line with an id that gives an owner or a deadline field (``- [ ] #Q3-7 …，负责人：张三，
        截止：…``) stays a task of this meeting, whatever its id.
        """
        if not may_name_a_task(self.markdown_text):
            return  # no id anywhere in the notes
        follow_up = [(draft.line, draft.end_line) for draft in self.agenda if draft.follow_up]
        if self.item is not None and self.item.follow_up:
            follow_up.append((self.item.line, self.item.end_line))
        taken = {update.line for update in self.updates}
        fence = False
        for number, raw in enumerate(self.markdown_text.split("\n"), start=1):
            stripped = raw.strip()
            if stripped.startswith(("```", "~~~")):
                fence = not fence
                continue
            if fence or number in taken or not may_name_a_task(raw) or stripped.startswith(("|", "#")):
                continue
            if any(first <= number <= last for first, last in follow_up):
                continue
            task_id = starts_with_id(stripped.lstrip(">").strip())
            if task_id is None:
                continue
            body = stripped.lstrip(">").strip()
            update = read_update(body, number)
            earlier = id_date(task_id)
            checked = strip_checkbox(strip_enumerator(body))[1]
            if checked is None:
                checked = strip_checkbox(body)[1]
            by_date = earlier is not None and date is not None and earlier < date
            by_status = checked is not None and update.status_first
            if not (by_date or by_status) or update.task_shaped:
                continue  # "- [x] #2024-06-12-3 发布说明；负责人：王芳；截止：7月5日": a task as written
            replaced = [draft for draft in self.actions if draft.line == number]
            for draft in replaced:
                for below in range(draft.line + 1, draft.end_line + 1):
                    update.add_line(strip_enumerator(strip_checkbox(self.source_line(below).strip())[0]))
            self.actions = [draft for draft in self.actions if draft.line != number]
            self.updates.append(update)
            self.cues.pop(number, None)
            self.cue(number, "task update", "earlier id" if by_date else "id + status")

    def item_paragraph(self, lines: list[SourceLine]) -> None:
        item = self.item
        assert item is not None
        pending: list[SourceLine] = []

        def flush() -> None:
            if pending:
                kind = item.subsection
                text = smart_join([p.text for p in pending])
                self.item_text(kind, text, pending[0].line, pending[-1].line)
                pending.clear()

        for source in lines:
            if not source.text.strip():
                continue
            if self.late_info(source.text, source.line) or self.adjourned(source.text, source.line):
                flush()
                continue
            self.schedule_tasks(source.line)
            if item.implicit and not item.has_content and is_agenda_word(item.title) and not pending \
                    and all(_PLAIN_AGENDA_LINE.match(other.text) for other in lines[lines.index(source):] if other.text.strip()):
                # "会议议程：" then "1、开场与目标  09:30~09:45  15min  老陈" lines: the agenda
                self.plain_agenda([other for other in lines[lines.index(source):] if other.text.strip()])
                return
            if item.implicit and not item.has_content and is_agenda_word(item.title) and len(lines) == 1 \
                    and _BOLD_LINE.match(self.source_line(source.line).strip()):
                self.cue(source.line, "ignored", "a label over the agenda list")  # "**During Meeting**"
                continue
            if item is self.listed_container and _LABEL_LINE.match(source.text):
                flush()
                self.cue(source.line, "ignored", "a label between the agenda and its minutes")
                continue
            label = subsection_label(source.text, record=item.part is not None)
            if label:
                flush()
                item.subsection = label[0]
                item.touch(source.line)
                if label[1]:
                    self.item_text(label[0], label[1], source.line, source.line)
                continue
            if strip_checkbox(source.text)[1] is not None or item.subsection == "actions":
                flush()
                self.add_action_line(source.text, source.line, source.line)
                continue
            numbered = _NUMBERED_ACTIONS.match(source.text)
            if numbered is not None and source.text[numbered.end() :].strip():
                # "行动一、整理需求清单，负责人：小周，3月20日前": a numbered action with its fields
                flush()
                self.add_action_line(source.text[numbered.end() :], source.line, source.line)
                continue
            if _LINE_ENUMERATOR.match(source.text):
                # a numbered or bulleted line starts a new entry
                flush()
                source = SourceLine(_LINE_ENUMERATOR.sub("", source.text, count=1), source.line)
            elif pending and (pending[-1].text.rstrip().endswith(_SENTENCE_ENDS) or _POINT_LABEL.match(source.text)):
                # "…已明确。" then "成长流程：…": a new point, not a wrapped line of the same one
                flush()
            pending.append(source)
        flush()

    def item_entry(self, entry: ListEntry) -> None:
        item = self.item
        assert item is not None
        if not entry.children and (self.late_info(entry.text, entry.line) or self.adjourned(entry.text, entry.line)):
            return
        first_text = entry.lines[0].text if len(entry.lines) > 1 else entry.text
        label = subsection_label(first_text, record=item.part is not None) if entry.lines else None
        if label:
            # "- ACTION: send the deck", "- 结论：采用 JWT": that point is a task or a decision;
            # the points after it are not (only a label alone opens a sub-section)
            if not label[1]:
                item.subsection = label[0]
            item.touch(entry.line)
            if label[1]:
                if label[0] == "actions":
                    draft = draft_from_line(label[1], entry.line, entry.line, self.item_index())
                    complete_from_words(draft, self.known_names())
                    self.actions.append(draft)
                    self.cue(entry.line, "task", "a point labelled as an action")
                else:
                    self.item_text(label[0], label[1], entry.line, entry.line)
            first = len(self.actions)
            for child in entry.children:
                self.item_entry(child)
            # "- 遗留问题" … "  负责人：许国栋、谢明哲" under its points: the owners of those without one
            for source in entry.lines[1:]:
                if _owner_line(source.text):
                    for draft in self.actions[first:]:
                        if draft.owner_text is None and not draft.mentions:
                            draft.add_detail(source.text)
                    self.cue(source.line, "task", "owners of the points above")
            return
        _, checked = strip_checkbox(entry.text)
        if checked is not None and ((item.implicit and is_agenda_word(item.title)) or item.previous_items):
            checked = None  # "## Agenda" then "- [x] Review last week": the agenda, ticked off
        if checked is not None or item.subsection == "actions":
            fields = split_fields(entry.text)
            if (
                checked is None
                and not fields.head
                and fields.pairs
                and self.actions
                and self.actions[-1].agenda_index == self.item_index()
            ):
                self.actions[-1].add_detail(entry.text)
                for child in entry.children:
                    add_detail_entry(self.actions[-1], child)
            else:
                self.add_action_entry(entry, self.item_index())
            item.touch(entry.end_line)
            return
        kind = item.subsection
        if kind == "subject":
            self.item_subject(entry.flat_text(), entry.line, entry.end_line)
            return
        for part in split_inline_enumeration(entry.flat_text()):
            item.add_text(kind, part, entry.line, entry.end_line)
        self.entry_tasks(entry)

    def entry_tasks(self, entry: ListEntry) -> None:
        """The tasks a discussion entry and the entries nested in it assign, each at its own line.

        ``通过`` over ``- 部署人：小周``: the decision is a task and the line below names its owner.
        ``接口的分工：`` (or a decision) over ``- 点赞操作：小周``: each point below is a task.
        """
        end = entry.children[0].line - 1 if entry.children else entry.end_line
        owners = [child for child in entry.children if _owner_line(child.text)]
        owner_lines = [source for source in entry.lines[1:] if _owner_line(source.text)]
        if owners or owner_lines:
            # "- 截止：3月20日" beside "- 责任人：小周": the same task's fields
            owners += [child for child in entry.children if child not in owners and _field_line(child.text)]
            owner_lines += [s for s in entry.lines[1:] if s not in owner_lines and _field_line(s.text)]
        if (owners or owner_lines) and not self.item_has_task(entry.line):
            # the point itself, without the owner line(s) below it
            text = smart_join([source.text for source in entry.lines if source not in owner_lines])
            draft = draft_from_line(text, entry.line, max(entry.line, end), self.item_index())
            draft.from_sentence = True
            for source in owner_lines:
                draft.add_detail(source.text)
            for child in owners:
                draft.add_detail(child.text)
                draft.end_line = max(draft.end_line, child.end_line)
            complete_from_words(draft, self.known_names())
            self.actions.append(draft)
            self.cue(entry.line, "task", "a point with its owner on the line below")
        elif len(entry.lines) > 1 and (context := _OWNER_IN_BRACKETS.search(entry.lines[0].text)):
            # "订单接口（龙晓峰）：" then "待做：1.…；2.…": the work listed below is that person's
            for source in entry.lines[1:]:
                self.tasks_in_text(source.text, source.line, source.line, context.group("who"))
        else:
            # a point whose sub-points assign the work ("花费 3 天…，每人一个模块" over "- 订单：小周")
            # is their heading, not a task of its own
            heads_assignments = bool(entry.children) and (
                _ASSIGNING_LABEL.search(entry.text) is not None or decision_cue(entry.text) is not None
            )
            self.tasks_in_text(entry.text, entry.line, max(entry.line, end), planned=not heads_assignments)
        if _PREVIOUS_ITEMS.search(entry.text):
            return  # "Future projects (AIs from last meeting)": the last meeting's tasks, listed again
        assigning = _ASSIGNING_LABEL.search(entry.text) is not None or decision_cue(entry.text) is not None
        parent_due = due_phrase(entry.text) if assigning else None
        for child in entry.children:
            if child in owners:
                continue
            if assigning and self.assignment_below(child, parent_due):
                continue
            item = self.item
            if strip_checkbox(child.text)[1] is not None and item is not None and not item.previous_items and item is not self.listing:
                self.add_action_entry(child, self.item_index())  # "- [ ] Write the interop scripts" nested in a point
                continue
            self.entry_tasks(child)

    def item_has_task(self, line: int) -> bool:
        return any(draft.line == line for draft in self.actions)

    def assignment_below(self, child: ListEntry, parent_due: str | None = None) -> bool:
        """A point under ``分工：`` or a decision that names one of the meeting's people as owner.

        It keeps its own deadline, or takes the one the point above gives them all
        (``花费 3 天时间完成核心接口，每人一个模块`` over ``- 用户注册：小周``).
        """
        cues = find_tasks(child.text, self.known_names())
        known = self.known_names()
        if not cues or not all(cue.owners and all(owner in known for owner in cue.owners) for cue in cues):
            return False
        for cue in cues:
            draft = ActionDraft(task=cue.task, line=child.line, end_line=child.end_line, agenda_index=self.item_index())
            draft.set_field("owner", "、".join(cue.owners))
            due = due_phrase(cue.task) or parent_due
            if due:
                draft.set_field("due", due)
            draft.from_sentence = True
            self.actions.append(draft)
            self.cue(child.line, "task", f"assignment under a decision or a 分工 point ({cue.cue})")
        return True

    def actions_block(self, node: Block, agenda_index: int | None) -> None:
        first = len(self.actions)
        self.actions_block_of(node, agenda_index)
        if self.action_department:
            for draft in self.actions[first:]:
                if not draft.department_text:
                    draft.set_field("department", self.action_department)

    def actions_block_of(self, node: Block, agenda_index: int | None) -> None:
        if node.type in ("bullet_list", "ordered_list"):
            for entry in list_entries(node, self.blank):
                if not entry.children and self.late_info(entry.text, entry.line):
                    continue
                label = subsection_label(entry.text)
                if label and not label[1]:
                    for child in entry.children:
                        self.add_action_entry(child, agenda_index)
                    continue
                fields = split_fields(strip_checkbox(entry.text)[0])
                if not fields.head and fields.pairs and self.actions and fields.pairs[0][0] != "task":
                    self.actions[-1].add_detail(entry.text)
                    continue
                self.add_action_entry(entry, agenda_index)
        elif node.type == "table":
            self.table_block(node, agenda_index)
        elif node.type == "paragraph":
            self.action_lines(paragraph_lines(node))

    def action_lines(self, lines: list[SourceLine]) -> None:
        """Lines of an action-items section: tasks, and the plain remarks around them."""
        for source in lines:
            if self.late_info(source.text, source.line):
                continue
            label = subsection_label(source.text)
            if label and label[0] == "actions" and not label[1]:
                continue
            body, checked = strip_checkbox(source.text)
            fields = split_fields(body)
            if checked is None and not fields.pairs and _PART_NUMBER.match(body):
                self.section = "other"  # "三、下次会议另行通知": the list of tasks is over
                return
            if (
                checked is not None
                or fields.pairs
                or _LINE_ENUMERATOR.match(body)
                or is_speaker_line(body)
                or has_unlabelled_owner(body)
                or find_tasks(body, self.known_names())  # "新同学负责UI设计": a task by its words
                or due_phrase(body)
            ):
                self.add_action_line(source.text, source.line, source.line)
            elif body.strip():
                self.cue(source.line, "ignored", "a remark among the action items")

    def table_block(self, node: Block, agenda_index: int | None) -> None:
        header, rows = table_rows(node)
        kinds = column_kinds(header)
        item = self.item
        if item is not None and item.implicit and not item.has_content and is_agenda_word(item.title):
            # "## Agenda Items" then "| Item | Owner |": the agenda, whatever its columns are called
            topic = next((kind for kind in ("topic", "task", "key") if kind in kinds), None)
            if topic is not None:
                self.agenda_table(["topic" if kind == topic else None for kind in kinds], rows)
                return
        kinds, tomorrow = _task_columns(kinds)
        if "task" in kinds and ({"owner", "due", "department", "acceptance"} & set(kinds)):
            for line, row_cells in rows:
                for cells in _cell_lines(kinds, row_cells):
                    self.task_row(kinds, cells, line, agenda_index, tomorrow)
            if self.item is not None and agenda_index is not None:
                self.item.touch(node_lines(node, self.blank)[1])
            return
        if "topic" in kinds:
            self.agenda_table(kinds, rows)
            return
        if self.item is not None and self.section == "item":
            for line, cells in rows:
                text = "；".join(cell for cell in cells if cell)
                self.item.add_text(self.item.text_field(), text, line, line)

    def task_row(
        self, kinds: list[str | None], cells: list[str], line: int, agenda_index: int | None, tomorrow: str | None
    ) -> None:
        """One task of a task table's row (or of one line of its cells)."""
        values: dict[str, str] = {}
        for kind, cell in zip(kinds, cells, strict=False):
            if kind and cell:
                values[kind] = f"{values[kind]}；{cell}" if kind in values else cell
        if tomorrow and values.get("task") and not values.get("due"):
            # a stand-up's "plan for tomorrow" column, unless the plan names its own day
            values["due"] = due_phrase(values["task"]) or tomorrow
        draft = draft_from_row(values, line, agenda_index)
        if draft is not None:
            self.actions.append(draft)
            self.cue(line, "task", "row of a task table")

    def agenda_table(self, kinds: list[str | None], rows: list[tuple[int, list[str]]]) -> None:
        """序号 | 议程主题 | 讨论要点摘要 | 关键决议 — one agenda item per row."""
        self.close_item()
        for line, cells in rows:
            values = {kind: cell for kind, cell in zip(kinds, cells, strict=False) if kind}
            title = values.get("topic", "").strip().strip("[]【】")
            if not title:
                continue
            name, start, end = parse_agenda_title(title)
            draft = AgendaDraft(title=name, line=line, end_line=line, start_time=start, end_time=end, listed=True)
            for kind in TEXT_FIELDS:
                if values.get(kind):
                    draft.add_text(kind, values[kind], line, line)
            self.add_agenda(draft)
            if values.get("minutes"):
                self.cell_minutes(draft, values["minutes"], line)
            self.listed.append((draft, title_words(name)))
            self.cue(line, "agenda", f"row {len(self.agenda)} of an agenda table")
        self.section = "other"

    def cell_minutes(self, draft: AgendaDraft, cell: str, line: int) -> None:
        """A table cell holding an item's whole minutes: ``结论：<br>…<br>遗留问题：<br>1）…责任人：唐斌``.

        The cell's lines (its ``<br>``) are read as an item's lines are: labels switch
        between discussion, decisions and tasks; a task line keeps its owner and deadline.
        """
        previous, self.item = self.item, draft
        draft.subsection = "discussion"
        for segment in _CELL_SEGMENT.split(cell):
            segment = segment.strip()
            if not segment:
                continue
            label = subsection_label(segment)
            if label is not None:
                draft.subsection = label[0]
                segment = label[1]
                if not segment:
                    continue
            if draft.subsection == "actions":
                self.add_action_line(segment, line, line)
            else:
                self.item_text(draft.subsection, segment, line, line)
        self.item = previous

    def list_section_block(self, node: Block) -> None:
        texts: list[str] = []
        if node.type in ("bullet_list", "ordered_list"):
            texts = [entry.flat_text() for entry in list_entries(node, self.blank)]
        elif node.type == "paragraph":
            texts = [_LINE_ENUMERATOR.sub("", source.text, count=1) for source in paragraph_lines(node)]
        elif node.type == "table":
            _, rows = table_rows(node)
            texts = ["；".join(c for c in cells if c) for _, cells in rows]
        for text in texts:
            text = text.strip()
            if text:
                self.section_text(text)

    def section_text(self, value: str) -> None:
        """An entry of the attachments, risks or next-meeting section being read."""
        if self.section == "attachments":
            self.attachments.append(value)
        elif self.section == "risks":
            self.risks.append(value)
        elif self.section == "next_meeting":
            self.next_meeting.append(value)

    # -- result

    def read(self) -> Meeting:
        markdown_text = capped_indentation(normalise_headings(self.read_front_matter()))
        self.markdown_text = markdown_text
        root = block_tree(markdown_for(markdown_text).parse(markdown_text))
        # notes without a single heading: what is not meeting information is the minutes' body
        self.headingless = not any(node.type == "heading" for node in root.children)
        for node in root.children:
            self.block(node)
        self.end_roster()
        self.close_item()
        meeting = self.meeting()
        # what no field took is kept, or said why not: nothing of the notes vanishes unseen
        from parsers.unread import keep_unread

        keep_unread(self.text, meeting, self.cues)
        return meeting

    def info_people(self) -> list[Person]:
        """The attendees, host and recorder the meeting info names."""
        people = [*self.info.get("attendees", []), self.info.get("host"), self.info.get("recorder")]
        return [person for person in people if person is not None]

    def known_people(self) -> dict[str, str]:
        """Name → department, from the attendee list, host and recorder (names given once)."""
        known: dict[str, str] = {}
        for person in self.info_people():
            if person.name and person.department:
                known.setdefault(person.name, person.department)
        return known

    def times_from_elsewhere(self, title: str | None) -> None:
        """A start time in the title (``Dec 07, 2022 at 14:00``); an end time from a duration (``时长：60min``)."""
        if "start_time" not in self.info and title:
            start, end = parse_time_range(title)
            if start:
                self.set_times(start, end, self.info_lines.get("title", 1))
        duration = self.info.get("duration")
        if duration is not None and "start_time" in self.info and "end_time" not in self.info:
            minutes = _minutes(duration[0])
            if minutes:
                hour, minute = map(int, self.info["start_time"].split(":"))
                total = hour * 60 + minute + minutes
                if total < 24 * 60:
                    self.info["end_time"] = f"{total // 60:02d}:{total % 60:02d}"
                    self.info_lines["end_time"] = duration[1]

    def meeting_date(self) -> dt.date | None:
        """The date given as such; else the one date in the title; else a weekday date given a year.

        ``4/28 (Sat)`` takes its year from the title when the weekday agrees; nothing is guessed.
        """
        date: dt.date | None = self.info.get("date")
        if date is not None:
            return date
        title = self.info.get("title") or (self.h1_title[0] if self.h1_title else "")
        if title:
            date = date_in_title(title, self.date_order)
            if date is not None:
                self.info["date"] = date
                self.info_lines["date"] = self.info_lines.get("title") or (self.h1_title[1] if self.h1_title else 1)
                return date
        year = year_of(title) if title else None
        for text, line in self.unread_dates:
            date = date_with_weekday(text, year, date_order=self.date_order)
            if date is not None:
                self.info["date"] = date
                self.info_lines["date"] = line
                return date
        return None

    def meeting(self) -> Meeting:
        date = self.meeting_date()
        names = frozenset(person.name for person in self.info_people() if person.name)
        for draft in self.actions:
            draft.resolve_speaker(names)
        self.updates_elsewhere(date)
        kept = []
        for draft in _without_restatements(self.actions):
            if _standing_role(draft.task):
                # the next meeting's chair or note taker, or its date: kept as the next meeting's
                who = draft.owner_text or "、".join(draft.mentions)
                self.next_meeting.append(f"{who}：{draft.task}" if who else draft.task)
                self.cue(draft.line, "info", "the next meeting (a role or its date), not a task")
            else:
                kept.append(draft)
        self.actions = kept
        items = [draft.finish(date, self.date_order) for draft in self.actions if not draft.is_empty()]
        _complete_departments(items, self.known_people())
        others = _other_sections(self.agenda)
        # the index each section has among the agenda items (None for the other sections)
        agenda_at: dict[int, int | None] = {
            index: None if index in others else index - sum(1 for o in others if o < index)
            for index in range(len(self.agenda))
        }
        for item in items:
            if item.agenda_index is not None:
                item.agenda_index = agenda_at.get(item.agenda_index)
        by_agenda: dict[int, list[ActionItem]] = {}
        for item in items:
            if item.agenda_index is not None:
                by_agenda.setdefault(item.agenda_index, []).append(item)
        sections = [
            AgendaItem(
                title=draft.title,
                start_time=draft.start_time,
                end_time=draft.end_time,
                discussion=draft.texts["discussion"],
                disagreements=draft.texts["disagreements"],
                resolutions=draft.texts["resolutions"],
                action_items=by_agenda.get(_or_none_key(agenda_at[index]), []),
                line=draft.line,
                end_line=draft.end_line,
                spans=draft.spans,
                part=draft.part,
            )
            for index, draft in enumerate(self.agenda)
        ]
        agenda = [section for index, section in enumerate(sections) if index not in others]
        other_sections = [section for index, section in enumerate(sections) if index in others]
        title = self.info.get("title")
        title_line = self.info_lines.get("title")
        if title is None and self.h1_title is not None:
            title, title_line = self.h1_title
        if title is None and "subject" in self.info:
            title, title_line = self.info["subject"], self.info_lines.get("subject")
        if title is None and "purpose" in self.info and not self.purpose_is_goal:
            # "開會事由：…" names the meeting when nothing else does
            title, title_line = self.info["purpose"], self.info_lines.get("purpose")
        if title is None and self.first_line is not None:
            title, title_line = self.first_line
        self.times_from_elsewhere(title)
        info_lines = dict(self.info_lines)
        if title_line is not None:
            info_lines["title"] = title_line
        next_meeting = join_entries(self.next_meeting) or None
        return Meeting(
            title=title or None,
            date=date,
            start_time=self.info.get("start_time"),
            end_time=self.info.get("end_time"),
            location=self.info.get("location"),
            project=self.info.get("project"),
            host=self.info.get("host"),
            recorder=self.info.get("recorder"),
            attendees=self.info.get("attendees", []),
            absentees=self.info.get("absentees", []),
            agenda=agenda,
            other_sections=other_sections,
            action_items=items,
            attachments=self.attachments,
            risks=self.risks,
            next_meeting=next_meeting,
            status=self.info.get("status", "draft"),
            language=self.info.get("language") or detect_language(self.text),
            info_lines=info_lines,
            line_count=_line_count(self.text),
            task_updates=[
                update.finish(date, self.date_order) for update in sorted(self.updates, key=lambda u: u.line)
            ],
            purpose=self.info.get("purpose"),
            document_number=self.info.get("document_number"),
            issuer=self.info.get("issuer"),
            reviewer=self.info.get("reviewer"),
            distribution=self.info.get("distribution", []),
            copy_to=self.info.get("copy_to", []),
            printed_by=self.info.get("printed_by"),
            printed_on=self.info.get("printed_on"),
            classification=self.info.get("classification"),
        )


# recipients of the minutes, one from the next: "各部门、财务处；办公室", "Sales, Legal; HR"
_RECIPIENTS = lazy_compile(r"\s*[、，,;；]\s*")
# the fields of a formal record, which a table row of several cells never gives
_RECORD_KEYS = frozenset(
    ("purpose", "document_number", "issuer", "reviewer", "distribution", "copy_to", "printed_by", "printed_on", "classification")
)
# "〔2024〕3号", "××办纪〔2024〕12号", "第12期": the minutes' number on a line of its own
_DOCUMENT_NUMBER = lazy_compile(r"^[^\s:：，,。]{0,12}[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*第?\s*\d{1,4}\s*[号號]$|^第\s*\d{1,4}\s*期$")
# "散會：下午4時30分", "散会 16:30", "Meeting adjourned at 4:30 pm.": when the meeting ended
_ADJOURNED_LINE = lazy_compile(
    r"^\W{0,3}(?:散会|散會|(?i:(?:the\s+)?meeting\s+(?:was\s+)?adjourned|adjourned))"
    r"\s*(?:(?i:at)|于|於|时间|時間)?\s*[:：]?\s*(?P<time>[^，,；;。]{1,30}?)\s*[。.]?$"
)
# "第一案", "提案二", "Motion 3": a heading that numbers an item without naming it
_UNTITLED_ITEM = lazy_compile(
    r"^(?:第?\s*[0-9一二三四五六七八九十]{1,3}\s*[案項项]?|提案\s*[0-9一二三四五六七八九十]{1,3}|案\s*[0-9一二三四五六七八九十]{1,3}"
    r"|(?i:(?:motion|proposal|item)\s*\d{1,3}))\s*[:：.、]?$"
)
# meeting-info keys that mean the meeting wherever they stand ("主题：" may title an agenda item)
_LATE_INFO_KEYS = frozenset(
    ("date", "time", "start_time", "end_time", "location", "host", "recorder", "attendees", "absentees", "observers", "next_meeting")
)
# the record's fields that close a formal record (its 版记): 抄送, 分送, 印发机关, 印发日期, 签发
_LATE_RECORD_KEYS = frozenset(("distribution", "copy_to", "printed_by", "printed_on", "issuer", "classification"))
_AMBIGUOUS_RECORD_WORDS = frozenset(
    normalise_key(word) for word in ("to", "发送", "發送", "recipients", "印发", "印發", "签发", "簽發", "issuer", "sign-off", "signoff")
)
_PEOPLE_KEYS = frozenset(("attendees", "absentees", "observers"))
# labels that may stand alone on a line with their values below
_BARE_LABEL_KEYS = frozenset(("attendees", "absentees", "observers", "host", "recorder", "location"))
_EXCUSED = frozenset(normalise_key(word) for word in ("regrets", "apologies", "請假", "请假", "請假人員", "请假人员", "excused"))
_AGENDA_WORDS = frozenset(
    normalise_key(word)
    for word in ("agenda", "议程", "議程", "会议议程", "会议议题", "會議議題", "议题列表", "議題列表", "會議議程", "本次议题", "本次議題", "讨论议题", "討論議題", "topics", "agenda items")
)
_WORD = lazy_compile(r"[a-z0-9]+|[\u3400-\u9fff]")
_STOP_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "for", "and", "or", "on", "in", "at", "by", "with", "from", "is", "are", "be", "this", "that", "we", "our", "update", "updates", "discussion", "item", "items", "的", "和", "与", "與", "及", "了", "在", "是", "对", "對", "进", "進"]
)
_PRESENTER = lazy_compile(r"\s*(?:[-–—]{1,2}|——)\s*[^-–—]{1,30}$|\s*[（(](?:presenter|主讲|主講|汇报人|匯報人|by)[^)）]*[)）]\s*$", re.I)


# Words that make a line of discussion a decision, wherever they stand in it
_DECISION_CUE = lazy_compile(
    r"(?:^|[\s，,。；;：:（(）)\]】*])(?:决议|決議|结论|結論|表决|表決|议定|議定)\s*[：:，,]"
    r"|(?<![未待没沒否])(?:最终决定|最終決定|一致同意|一致通过|一致通過|决定|決定|确定|確定|同意|通过|通過|批准|核准"
    r"|默认生效|默認生效|会议明确|會議明確|明确采用|明確採用|商定|約定|约定)(?![性吗嗎？?])"
    r"|(?i:\b(?:agreed?|agrees|decided|resolved|approved|decision|consensus)\b|\bvote[sd]?\s*[:：]\s*(?:passed|carried|approved|failed|rejected))"
)
# a CJK point ends with its full stop; "成长流程：…" opens the next one
# "整理團隊共同約定的規範", "会议共识": a heading over what was agreed
_DECISION_HEADING = lazy_compile(r"约定|約定|共识|共識|决议|決議|(?i:\bdecisions?\b|\bwe agreed\b)")
_SENTENCE_ENDS = ("。", "！", "？", "；")
_POINT_LABEL = lazy_compile(r"^[^\s:：，,。]{2,12}[：:]\s*\S")
_NOT_DECIDED = lazy_compile(r"(?i)[？?]\s*$|是否|待定|未定|不确定|不確定|尚未|还没|還沒|\b(?:whether|not yet|undecided|to be decided|tbd)\b")


def decision_cue(text: str) -> str | None:
    """The word that makes ``text`` a decision (``结论：``, ``通过``, ``Agreed``), or None."""
    match = _DECISION_CUE.search(text)
    if match is None or _NOT_DECIDED.search(text) is not None:
        return None
    return match.group().strip(" ，,。；;：:（(）)]】*")


_FOLLOW_UP_HEADING = lazy_compile(
    "(?i)(?:" + "|".join(re.escape(word) if not word.isascii() else rf"\b{re.escape(word)}\b" for word in FOLLOW_UP_EARLIER) + ")"
    r".{0,20}?"
    "(?:" + "|".join(re.escape(word) if not word.isascii() else rf"\b{re.escape(word)}\b" for word in FOLLOW_UP_TASK_WORDS) + ")"
)


@lru_cache(maxsize=4096)
def is_follow_up_heading(title: str) -> bool:
    """``上次行动项跟进``, ``上次會議決議執行情形``, ``Action items from last meeting``: earlier tasks, reported on."""
    bare = _AGENDA_NUMBER.sub("", title, count=1).strip() or title
    if normalise_key(bare) in FOLLOW_UP_SECTIONS:
        return True
    lowered = bare.lower()
    if not any(word in lowered for word in FOLLOW_UP_EARLIER) or _FOLLOW_UP_NOT.search(lowered) is not None:
        return False
    return len(bare) <= 40 and (_FOLLOW_UP_HEADING.search(bare) is not None or _FOLLOW_UP_REVERSED.search(bare) is not None)


_FOLLOW_UP_NOT = lazy_compile(
    "|".join(re.escape(word) if not word.isascii() else rf"\b{re.escape(word)}\b" for word in FOLLOW_UP_NOT)
)
_FOLLOW_UP_REVERSED = lazy_compile(
    "(?i)(?:" + "|".join(rf"\b{re.escape(word)}\b" for word in FOLLOW_UP_TASK_WORDS if word.isascii()) + ")"
    r"\s+(?:from|of)\s+(?:the\s+)?"
    "(?:" + "|".join(rf"\b{re.escape(word)}\b" for word in FOLLOW_UP_EARLIER if word.isascii()) + ")"
)


def is_agenda_word(title: str) -> bool:
    return normalise_key(title).rstrip(":：") in _AGENDA_WORDS


_PLAIN_AGENDA_LINE = lazy_compile(r"^\s*\d{1,2}\s*[、.．)）]\s*")
_FIELD_GAP = lazy_compile(r"\s{2,}|\t|\u3000")


def agenda_line(text: str) -> tuple[str, str | None, str | None]:
    """``开场与目标  09:30~09:45  15min  老陈`` → ("开场与目标", "09:30", "09:45").

    An agenda line's fields are set apart by wide gaps: the title first, then its time
    slot, its length and who presents; without gaps it is read as an agenda title.
    """
    fields = [field for field in _FIELD_GAP.split(text.strip()) if field]
    if len(fields) >= 2:
        start, end = parse_time_range(" ".join(fields[1:]))
        if start:
            return fields[0].strip(), start, end
    return parse_agenda_title(_strip_presenter(text))


def _strip_presenter(text: str) -> str:
    """``Stories Status Review --Chunyu Lin.`` → ``Stories Status Review``."""
    return _PRESENTER.sub("", text).strip() or text


def title_words(text: str) -> frozenset[str]:
    """Content words of a title: Latin words (plural and -ing cut) and single CJK characters."""
    words = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP_WORDS:
            continue
        if len(word) > 4 and word.isascii():
            word = word.removesuffix("ing").removesuffix("s").removesuffix("e")
        words.add(word)
    return frozenset(words)


# "#会议记录", "###参与者", "##**2016年3月13日**": a heading to any reader, if not to CommonMark
# (a digit after the hashes is an issue number, "#123", and stays text)
_UNSPACED_HEADING = lazy_compile(r"^( {0,3}#{1,6})(?=[\u3400-\u9fff*A-Z\u3000-\u303f\uff01-\uff60])", re.M)


# "会议记录" underlined with "===": a title heading (setext); a "---" underline stays a rule,
# since recorders draw those under any line
_SETEXT_TITLE = lazy_compile(r"^(?![ \t]*[#>|*+-])([^\n]{1,100})\n[ \t]*={3,}[ \t]*$", re.M)


def normalise_headings(text: str) -> str:
    """``#标题`` gets the space CommonMark wants, ``title\n===`` becomes ``# title``; line numbers stay."""
    if "#" in text:
        text = _UNSPACED_HEADING.sub(r"\1 ", text)
    if "===" in text:
        text = _SETEXT_TITLE.sub(lambda match: f"# {match.group(1)}\n", text)
    return text


# words that make a sentence someone's view or report rather than an assignment
_OPINION = lazy_compile(
    r"认为|認為|觉得|覺得|表示|指出|反映|担心|擔心|希望|询问|詢問|提到|说明|說明|回报|回報"
    r"|(?i:\b(?:thinks?|thought|said|says|suggested|mentioned|asked|noted|feels|believes|reported|wondered)\b)"
)


def _draft_owners(draft: ActionDraft) -> frozenset[str]:
    text = " ".join(filter(None, [draft.owner_text, draft.department_text, *draft.mentions]))
    return frozenset(name.strip().lower() for name in re.split(r"[、,，/／\s]+|\band\b|和|与|與", text) if name.strip())


def _without_restatements(drafts: list[ActionDraft]) -> list[ActionDraft]:
    """Drop a task read from a sentence when an action-items list already has it.

    Minutes often say in the discussion what the action items then list ("Aaron will
    start an email vote" / "AI: Aaron to start email vote"): one task, counted once.
    The same owner and mostly the same words make a restatement.
    """
    listed = [(_draft_owners(draft), title_words(draft.task)) for draft in drafts if not draft.from_sentence]
    kept = []
    for draft in drafts:
        if draft.from_sentence and listed:
            owners, words = _draft_owners(draft), title_words(draft.task)
            if not any(not looks_like_department(owner) for owner in owners):
                continue  # with an action list kept, a department named in passing assigns nothing new
            if any(
                _same_people(owners, other_owners)
                and words
                and len(words & other_words) >= max(2, 0.3 * min(len(words), len(other_words)))
                for other_owners, other_words in listed
            ):
                continue
        kept.append(draft)
    return kept


def _same_people(first: frozenset[str], second: frozenset[str]) -> bool:
    """``运营部林主管`` and ``林主管`` name the same person."""
    return any(a in b or b in a for a in first for b in second)


# a point that announces assignments below it: "接口的分工：", "Assignments:", "任务分配"
_ASSIGNING_LABEL = lazy_compile(r"(?i)(?:分工|分配|任务|任務|待办|待辦|安排|assignments?|tasks?|action items?|todo)\s*[:：]?\s*$")


def _owner_line(text: str) -> bool:
    """``部署人：周立言``, ``责任人：邓志远``, ``Owner: Ana``: a line that only names an owner."""
    fields = split_fields(strip_checkbox(text)[0])
    return not fields.head and bool(fields.pairs) and fields.pairs[0][0] == "owner"


_LEADING_DATE = lazy_compile(r"^\s*[\d年月日号號/.\-]{6,12}")
_LATIN_WORD = lazy_compile(r"[A-Za-z]+")
_DATE_WORDS = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "st", "nd", "rd", "th", "am", "pm"]
)
_VIA_PLACE = lazy_compile(r"(?i)\b(?:via|on|at|in)\s+([A-Z][\w .-]{1,40}?)\s*$")
_HOST_ROLE = lazy_compile(r"(?i)\s*(?:[,，]\s*|[(（]\s*)(?:host|chair|facilitator|主持人?|主席)\s*[)）]?\s*$")
_DATE_ONLY = lazy_compile(r"^[\s*_\d年月日号號/.\-－（）()周週星期一二三四五六日天a-zA-Z,]{6,30}$")
_ADJOURNED = lazy_compile(r"(?i)散会|散會|adjourn")
_STATUS_HEADING = lazy_compile(r"(?i)^\W*(?:status|updates?|progress|status updates?|project updates?|reports?|进展|進展|进度|進度|工作汇报|工作匯報|汇报|匯報|本周进展|本週進展|完成情况|完成情況)\W*$")
# what is still to come in a status line: "next week", "will", "下周", "计划"
_FUTURE = lazy_compile(r"(?i)\b(?:next|will|plan|planned|todo|to do|going to|tomorrow|upcoming)\b|下周|下週|计划|計劃|将|將|明天|待|准备|準備|打算")
_LEADING_NAMES = lazy_compile(r"^(?P<names>[^:：]{2,80}?)\s*[:：]\s*(?P<task>\S.*)$", re.S)
# "订单接口（龙晓峰）：": a topic and, in brackets, the person it belongs to
_OWNER_IN_BRACKETS = lazy_compile(r"[（(](?P<who>[^()（）,，、]{2,20})[)）]\s*[:：]?\s*$")
# the last meeting's items, brought up again: not this meeting's tasks
_PREVIOUS_ITEMS = lazy_compile(
    r"(?i)\b(?:last|previous|prior)\s+(?:meeting|week|action|ais?\b|items|tasks|todos?)|上次会议|上次會議|上次|上周会议|上週會議|前次|上期"
)
# the lines of a table cell: table_rows turns its <br> into "；"
_CELL_SEGMENT = lazy_compile(
    r"[；;](?=\s*(?:\d{1,2}\s*[)）.、]|[^；;]{1,12}[：:]))|(?<=[：:])[；;]"
    # "…继续推进项目遗留问题：" — a label run into the text before it, with no <br>
    r"|(?<=[^；;：:\s])(?=(?:遗留问题|遺留問題|结论|結論|决议|決議|待办事项|待辦事項|行动项|行動項)\s*[：:])"
)
# a few words with no verb or sentence punctuation: "Brave", "Acme/webkit-plugin", "前端", "Design review"
_GROUP_TITLE = lazy_compile(r"^(?:[A-Za-z0-9_./&@#+-]+(?:\s+[A-Za-z0-9_./&@#+-]+){0,2}|(?![^会會将將要请請]*[会會将將要请請])[\u3400-\u9fff/、]{1,6})$")
# "**第一阶段（6 月 1 日 — 6 月 7 日）**", "**Phase 2 (Jun 8 – Jun 14)**": a period in bold
_PERIOD_LABEL = lazy_compile(r"^\s*(?:[-*+]\s+)?\*\*(?P<label>[^*]{2,60})\*\*")
_RANGE_END = lazy_compile(r"[—–~～至到-]+\s*(?P<end>[^—–~～至到()（）-]{2,20}?)\s*[)）]?\s*$")
_CLAUSE = lazy_compile(r"[；;。]")
_BOLD_NAME = lazy_compile(r"^\s*\*\*(?P<who>[^*]{1,30})\*\*\s*\S")
_CLAUSE_BREAK = lazy_compile(r"[；;。！!\n]|(?<=\D)[，,](?=\s*\d{1,2}\s*月)")
# "6 月 2 日前完成 redis 搭建", "5/30 写完所有接口": a date, then the work due by it
_DATED_WORK = lazy_compile(
    r"^\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*(?:月\s*\d{1,2}\s*[日号號]?|[/.]\d{1,2})\s*(?:之前|以前|前)?\s*"
    r"(?:要|需|须|須|将|將)?\s*(?:完成|写完|寫完|做完|提交|交付|上线|上線|发布|發布|搭建|实现|實現|部署|整理|准备|準備|修复|修復|测试|測試)"
)
# "后续要每天检查…", "會後需整理…": work promised for after the meeting
_FOLLOW_UP = lazy_compile(r"^\s*(?:后续|後續|会后|會後|之后|之後|接下来|接下來|下一步)\s*(?:要|需要|需|须|須|将|將|会|會|请|請)\s*\S")
# what a task's words begin with when a person's name and a colon come before them
_TASK_VERB = lazy_compile(
    r"(?i)^\s*(?:整理|完成|准备|準備|编写|編寫|撰写|撰寫|写|寫|提交|修复|修復|测试|測試|联系|聯繫|跟进|跟進|确认|確認|安排|搭建|部署"
    r"|设计|設計|更新|补充|補充|调研|調研|review|write|prepare|send|fix|test|contact|update|draft|check|book|set\s+up)"
    r"(?![部组組处處科室师師])"  # 設計部, 测试组: a department, not the verb
)
# "Finish the redis setup by June 2": an order with its deadline
_ENGLISH_WORK = lazy_compile(
    r"(?i)^(?:please\s+)?(?:finish|complete|deliver|ship|send|write|prepare|submit|set\s+up|fix|review|update|draft|build|test|deploy)\b"
)
# "评审意见会后解决", "各委员线下反馈意见": work left for after the meeting
_AFTER_MEETING = lazy_compile(
    r"(?:会下|會下|会后|會後|线下|線下|私下)(?:再)?(?:解决|解決|处理|處理|讨论|討論|跟进|跟進|确认|確認|反馈|反饋|回复|回覆|补充|補充|沟通|溝通)"
    r"|(?i:\bto\s+be\s+\w+ed\s+(?:after|following)\s+the\s+meeting\b|\boffline\s+(?:follow[- ]up|discussion)\b)"
)
# "小周花一天的时间建好数据库", "花费 3 天把项目统一": work given its time
_SPENT_TIME = lazy_compile(r"(?i:\bspend(?:s|ing)?\s+(?:a|one|two|three|\d+)\s+(?:day|days|week|weeks)\b)|(?:花费|花費|花|用)\s*[一二两兩三四五六七八九十\d]+\s*(?:个|個)?\s*(?:天|小时|小時|周|週)(?:的)?(?:时间|時間)?\s*(?:来|來|把|将|將)?\s*\S")
# a decision that opens with what is to be done: "通知物業協助核對", "洽談三家廠商報價後開會決議"
_ACTION_VERB = lazy_compile(
    r"^\s*(?:通知|洽谈|洽談|联系|聯繫|联络|聯絡|购买|購買|自购|自購|采购|採購|安装|安裝|加装|加裝|更换|更換|维修|維修"
    r"|修缮|修繕|发函|發函|行文|公告|张贴|張貼|提交|准备|準備|安排|落实|落實|执行|執行|制定|拟定|擬定|编写|編寫|检查|檢查"
    r"|追缴|追繳|催收|询价|詢價|评估|評估|调查|調查|补充|補充|修改|更新|擇優|择优|邀请|邀請|聘请|聘請"
    r"|(?i:notify|contact|send|prepare|schedule|invite|book|arrange|install|replace|order|buy|request|ask)\b)"
)
# "本周计划：…", "周五演示内容：…": a plan's label, the work after it
_PLAN_LABEL = lazy_compile(r"(?:计划|計劃|展示内容|展示內容|演示内容|演示內容|待完成|要完成)\s*[:：]\s*(?P<task>\S.+)$")
# roles whose report a section may be: "### 一、會長"
_ROLE_HEADINGS = frozenset(("会长", "會長", "副会长", "副會長", "主席", "主委", "秘书处", "秘書處", "总干事", "總幹事", "经理", "經理"))
# "**FYI: …**", "**Note: …**": a notice in bold, not a topic
_NOTICE = lazy_compile(r"(?i)^\s*(?:fyi|note|nb|ps|reminder|update|注意|注|提醒|备注|備註|通知)\s*[:：]")
_PRESENT_MARK = lazy_compile(r"(?i)^(?:yes|y|present|here|✓|✔|√|x|出席|到)$")
_BOLD_LINE = lazy_compile(r"^\*\*[^*]{3,80}\*\*$")
# a line under a task that asks for more work: "Please set up …", "They need to finish …", "请…"
_ASKS_FOR_WORK = lazy_compile(r"(?i)^\W*(?:please\b|(?:\w+\s+){0,2}(?:need|needs|must|have|has)\s+to\b|请|請|需要|须|須)")
# "优化场景: …": a short label before what is to be done
_LEADING_LABEL = lazy_compile(r"^[^:：，,。]{1,12}[:：]\s*")
_INITIALS = lazy_compile(r"^[a-z]{2,4}$")
def _field_line(text: str) -> bool:
    """``截止：3月20日``, ``Due: March 20``: a line that only gives a task's field."""
    fields = split_fields(strip_checkbox(text)[0])
    return not fields.head and bool(fields.pairs)


_NAME_SEPARATORS = lazy_compile(r"\s*[、,，/／&]\s*|\s+and\s+|\s*和\s*")
_CJK_NAME = lazy_compile(r"^[\u3400-\u9fff·]{2,4}$")
_LATIN_NAME = lazy_compile(r"^@?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}$|^@[\w.-]+$")


_DURATION = lazy_compile(r"(?i)(?P<hours>\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?|小时|小時)|(?P<minutes>\d+)\s*(?:min|mins|minutes?|分钟|分鐘)")


def _minutes(text: str) -> int | None:
    """``60min`` → 60, ``1.5 小时`` → 90; None when no duration is written."""
    total = 0
    for match in _DURATION.finditer(text):
        if match.group("hours"):
            total += round(float(match.group("hours")) * 60)
        else:
            total += int(match.group("minutes"))
    return total or None


def _numbered_topics(entries: list[ListEntry]) -> bool:
    """A numbered list whose points are short titles with lines of their own below."""
    if len(entries) < 2:
        return False
    return all(
        entry.lines and len(entry.lines[0].text) <= 30 and not entry.lines[0].text.rstrip().endswith(("。", ".", "；", ";"))
        for entry in entries
    ) and sum(len(entry.lines) > 1 or bool(entry.children) for entry in entries) * 2 > len(entries)


def names_only(text: str, known: frozenset[str]) -> bool:
    """``赵晨阳``, ``Ana and Li``, ``@raj``: a line that only names people."""
    parts = [part for part in _NAME_SEPARATORS.split(text.strip(" *_")) if part]
    if not parts or len(parts) > 6:
        return False
    return all(
        part in known or ((_CJK_NAME.match(part) or _LATIN_NAME.match(part)) and not looks_like_department(part))
        for part in parts
    )


def _indent(text: str, line: int) -> int:
    """How far the source line is indented (tabs as four spaces)."""
    lines = text.split("\n", line)
    source = lines[line - 1] if line - 1 < len(lines) else ""
    source = source.lstrip(">").replace("\t", "    ")
    return len(source) - len(source.lstrip(" "))


# "Łukasz: next week note taker", "下次会议主持：小王", "Next meeting on Monday": who holds a
# role or when the next meeting is, not work to be done
_STANDING_ROLE = lazy_compile(
    r"(?i)^\W*(?:next(?:\s+(?:week|meeting)'?s?)?|this\s+week'?s?)\s+(?:note\s*-?\s*taker|minute\s*-?\s*taker|scribe|chair|host|facilitator|moderator|timekeeper)(?:\s*[:：-].{0,40})?\W*$"
    r"|^\W*next\s+meeting\b|^\W*(?:下次|下周|下週)(?:会议|會議|例会|例會|开会|開會)?(?:由)?.{0,6}?(?:主持|记录|記錄|纪要|紀要)(?:人|员|員)?(?:\s*[:：].{0,20})?\W*$"
    r"|^\W*(?:下次会议|下次會議|下次开会|下次開會)"
)


_EXCUSE = r"\s*[（(]?\s*(請假|请假|病假|事假|公假|regrets|apologies|excused|on leave)"


def _excused(absentees: list[Absentee], text: str) -> list[Absentee]:
    """``林淑华 (請假)``, ``Bob (regrets)``: on leave is the reason given for the absence."""
    for absentee in absentees:
        if absentee.reason is None and absentee.name:
            match = re.search(re.escape(absentee.name) + _EXCUSE, text, re.IGNORECASE)
            if match is not None:
                absentee.reason = match.group(1)
    return absentees


def _owners_and_due(owners: tuple[str, ...]) -> tuple[list[str], str | None]:
    """``负责人：小周，3月20日前`` read as two owners: the second is the deadline."""
    people = [owner for owner in owners if due_phrase(owner) != owner.strip()]
    dates = [owner for owner in owners if owner not in people]
    return people, dates[0] if dates else None


def _standing_role(task: str) -> bool:
    return _STANDING_ROLE.search(task) is not None


def split_by_owner(draft: ActionDraft, known: frozenset[str]) -> list[ActionDraft]:
    """``Cyrus to review the course and John to set up a meeting``: one line, two tasks.

    Likewise clauses that each open with their own deadline (``明天完成首页调整，下周一
    将场景优化至80%``): one task per deadline.
    """
    if draft.given_id:
        return [draft]  # the recorder named it as one task
    dated = _dated_clauses(draft, draft.speaker_line or draft.task)
    if dated:
        return dated
    if draft.owner_text is not None or draft.mentions or draft.department_text or not draft.task:
        return [draft]
    cues = find_tasks(draft.task, known)
    if len(cues) < 2 or not all(cue.owners for cue in cues):
        return [draft]
    drafts = []
    for cue in cues:
        part = ActionDraft(task=cue.task, line=draft.line, end_line=draft.end_line, agenda_index=draft.agenda_index)
        part.set_field("owner", "、".join(cue.owners))
        part.set_field("due", draft.due_text or due_phrase(cue.task) or "")
        part.checked = draft.checked or cue.done
        drafts.append(part)
    return drafts


def _or_none_key(index: int | None) -> int:
    """A dictionary key for an agenda index that may be None (no agenda item: -1)."""
    return -1 if index is None else index


def _other_sections(drafts: list[AgendaDraft]) -> set[int]:
    """Which of the notes' sections are no agenda item (their indexes).

    - a section named as such: links, chat, resources;
    - beside an agenda list or table, a section that mirrors none of its items;
    - a container of plain notes (``## Notes``) beside real agenda items;
    - beside topics numbered as topics (``议题1``, ``第 2 題``), a part that is none
      (``壹、主席報告``, ``參、臨時動議``, ``肆、散會``).
    """
    listed = any(draft.listed for draft in drafts)
    explicit_levels = [draft.level for draft in drafts if draft.explicit]
    topic_level = min(explicit_levels) if len(explicit_levels) >= 2 else None
    real = any(not draft.implicit and not draft.other for draft in drafts)

    def is_other(draft: AgendaDraft) -> bool:
        if draft.other or (listed and not draft.listed):
            return True
        if draft.implicit and real and draft.title.strip() and not draft.numbered:
            return True
        if draft.part in ("report", "discussion"):
            return False  # 報告事項 and 討論事項 are the record's topics, numbered or not
        return topic_level is not None and not draft.explicit and not draft.listed and draft.level <= topic_level

    others = {index for index, draft in enumerate(drafts) if is_other(draft)}
    if len(others) == len(drafts):
        return set()  # nothing but such sections: they are what the meeting discussed
    return others


def _dated_clauses(draft: ActionDraft, text: str) -> list[ActionDraft]:
    """The clauses of a task's line that each open with a deadline of their own, as tasks."""
    if "，" not in text and "," not in text:
        return []
    label = _LEADING_LABEL.match(text)
    rest = text[label.end() :] if label else text
    clauses = [clause.strip(" 。.") for clause in re.split(r"[，,；;]", rest) if clause.strip(" 。.")]
    dues = [due_phrase(clause) for clause in clauses]
    if len(clauses) < 2 or not all(due and clause.startswith(due) for due, clause in zip(dues, clauses, strict=True)):
        return []
    drafts = []
    for clause, due in zip(clauses, dues, strict=True):
        part = ActionDraft(task=clause, line=draft.line, end_line=draft.end_line, agenda_index=draft.agenda_index)
        part.owner_text, part.department_text = (
            None if draft.speaker else draft.owner_text,
            draft.department_text,
        )
        part.mentions = list(draft.mentions)
        part.set_field("due", due or "")
        part.checked = draft.checked
        part.from_sentence = draft.from_sentence
        drafts.append(part)
    return drafts


def complete_from_words(draft: ActionDraft, known: frozenset[str] = frozenset()) -> None:
    """An action item with no owner or deadline field may still name them in its words.

    ``Collect contacts (Shira)``, ``@ruoxi(沈若溪)``, ``点赞操作：龙晓峰``, ``欣怡：制作PPT``,
    ``… by (Wed 4/22)``. In an action list the weaker shapes count too.
    """
    if draft.speaker is not None and draft.speaker_line is not None and draft.owner_text is None:
        cues = find_tasks(draft.speaker_line, known)
        if len(cues) == 1 and "、".join(cues[0].owners) == "、".join(_NAME_SEPARATORS.split(draft.speaker)):
            draft.owner_text = draft.speaker  # "欣怡：制作本次评审所需PPT" in an action list
            draft.speaker = draft.speaker_line = None
    leading = _LEADING_NAMES.match(draft.task) if draft.owner_text is None and not draft.mentions else None
    if leading is not None and names_only(leading.group("names"), known):
        # "Tim Brandt, Erik Novak: frontend (Sunday)": the people before the colon
        draft.task = leading.group("task").strip()
        draft.set_field("owner", "、".join(_NAME_SEPARATORS.split(leading.group("names").strip())))
        draft.speaker = draft.speaker_line = None
    if draft.owner_text is None and not draft.mentions and draft.speaker is None and not draft.department_text:
        head, _, tail = draft.task.rpartition("，" if "，" in draft.task else ",")
        if head and due_phrase(tail) and len(tail.strip()) <= 20 and draft.due_text is None:
            # "整理接口文档（小周），下周五前": the deadline after the owner's bracket
            draft.task = head
            draft.set_field("due", tail.strip())
        marked = owner_marker(draft.task)
        if marked is not None and marked[1]:
            draft.task = marked[0]
            draft.set_field("owner", "、".join(marked[1]))
        else:
            cues = find_tasks(draft.task, known)
            # "Sales and Finance to …": departments working together, still nobody responsible
            if len(cues) == 1 and any(not looks_like_department(owner) for owner in cues[0].owners):
                draft.set_field("owner", "、".join(cues[0].owners))
    if draft.due_text is None and draft.task:
        due = due_phrase(draft.task)
        if due:
            draft.set_field("due", due)


def _cell_lines(kinds: list[str | None], cells: list[str]) -> list[list[str]]:
    """A row whose task and owner cells hold as many lines (``<br>``) as each other: one row a line.

    ``| 整理接口文档<br>申请测试账号 | 小周<br>老陈 | 下周五<br>3月20日 |`` is two tasks; a
    cell with a single line (the shared deadline) goes with each of them.
    """
    split = [cell.split("；") for cell in cells]
    tasks = [parts for kind, parts in zip(kinds, split, strict=False) if kind == "task"]
    owners = [parts for kind, parts in zip(kinds, split, strict=False) if kind == "owner"]
    if not tasks or not owners or len(tasks[0]) < 2 or len(tasks[0]) != len(owners[0]):
        return [cells]
    count = len(tasks[0])
    return [
        [parts[index] if len(parts) == count else "；".join(parts) for parts in split] for index in range(count)
    ]


def _task_columns(kinds: list[str | None]) -> tuple[list[str | None], str | None]:
    """Which column holds the task, and a due date the column itself implies.

    ``| 姓名 | 今日已完成 | 明日计划 |``: the plan for tomorrow is the task, due tomorrow.
    ``| Name | Assigned To | Deadline |``: with an owner and a deadline column but no
    task column, the first unnamed column holds the task.
    """
    if "task" in kinds:
        return kinds, None
    if "plan" in kinds:
        return ["task" if kind == "plan" else kind for kind in kinds], "明天"
    if "owner" in kinds and "due" in kinds and None in kinds:
        first = kinds.index(None)
        return ["task" if index == first else kind for index, kind in enumerate(kinds)], None
    return kinds, None


def _date_only(title: str) -> bool:
    """``2016年3月13日``, ``**2020/5/5**``, ``Oct 26, 2017 (Thu)``: a heading that is a date and no more."""
    if not _DATE_ONLY.match(title):
        return False
    words = _LATIN_WORD.findall(title)
    return all(word.lower()[:3] in _DATE_WORDS for word in words)


def _titled_heading(title: str) -> bool:
    """A first heading that names a meeting ("星火小队第二次会议", "Weekly sync 2019-09-25")."""
    if _EXPLICIT_AGENDA.match(title):
        return False
    lowered = title.lower()
    return any(word in lowered for word in MEETING_TITLE_WORDS) or parse_date(title) is not None


def add_detail_entry(draft: ActionDraft, entry: ListEntry, parent_field: str | None = None) -> None:
    """A list item nested under an action item: a field, a milestone, a progress note …"""
    text = entry.text
    fields = split_fields(text)
    draft.end_line = max(draft.end_line, entry.end_line)
    if parent_field is None and fields.pairs and not fields.head:
        name, value = fields.pairs[0]
        if entry.children and len(fields.pairs) == 1 and name in (
            "milestones", "resources", "progress", "risks", "description", "acceptance", "notes", "collaborators"
        ):
            if value:
                draft.set_field(name, value)
            for child in entry.children:
                add_detail_entry(draft, child, name)
            return
        draft.add_detail(text)
        for child in entry.children:
            add_detail_entry(draft, child)
        return
    draft.add_detail(entry.flat_text(), parent_field)


def _evident_action(text: str) -> bool:
    """A list line that can only be a task: a checkbox, an owner or a deadline field, or an owner after a dash."""
    body, checked = strip_checkbox(text)
    if checked is not None:
        return True
    fields = split_fields(body)
    if fields.head and any(name in ("owner", "due") for name, _ in fields.pairs):
        return True  # "task；负责人：…", not a "Owner: …" line explaining a form
    return has_unlabelled_owner(body)


def _complete_departments(items: list[ActionItem], known: dict[str, str]) -> None:
    """``负责人：王磊`` when the attendee list says ``研发部：王磊``: the department is known."""
    for item in items:
        for person in [item.owner, *item.co_owners, *item.collaborators]:
            if person is not None and person.name and not person.department and person.name in known:
                person.department = known[person.name]


def _lines_before_a_key(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines up to the first ``key：value`` one (``主持人：…``), blank ones left out."""
    taken = []
    for source in lines:
        if _KEY_VALUE.match(source.text):
            break
        taken.append(source)
    return [source for source in taken if source.text.strip()]


def _line_count(text: str) -> int:
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def parse_markdown(text: str, date_order: DateOrder | None = None) -> Meeting:
    """Parse decoded notes text (LF newlines) into the meeting model.

    ``date_order`` ("dmy" or "mdy") reads dates such as ``03/04/2019`` that are
    ambiguous without it (``minutes.toml``: ``[notes] date_order``).
    """
    meeting = NotesReader(text, date_order).read()
    number_action_items(meeting)
    return meeting
