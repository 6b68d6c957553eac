"""Lines of the notes that no field took: kept in the model, or said why not.

The tool never drops text it did not understand. Once the reader has filled the
model, every line that took no role is looked at again:

- a line that holds no words (a horizontal rule, a setext underline, a table's rule
  or an empty row, an HTML comment or markup, an empty quote line, an image without
  a description) stays out, and ``minutes parse --explain`` says what it is;
- a line inside a section that is an agenda item (or one of the notes' other
  sections) joins that section's discussion;
- a line before the first section, or under a heading that opened no section of its
  own (``## 行动项``), is kept in ``Meeting.other_sections``: a ``Key：value`` line
  under its key, anything else under "other information" in the notes' language;
- a front-matter key the reader does not know is listed in ``Meeting.unread_lines``,
  which the checker reports (``unread-text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.lazy_regex import lazy_compile
from parsers.markdown_notes import _inline_markdown, classify_section, inline_text, smart_join
from parsers.vocabulary import (
    OTHER_INFORMATION,
    PAGE_METADATA_KEYS,
    SECTION_NAMES,
    SUBSECTION_LABELS,
)
from pipeline.model import AgendaItem, Meeting, TextSpan

_QUOTE_MARKERS = lazy_compile(r"^[ \t]*(?:>[ \t]?)+")
_LIST_MARKER = lazy_compile(r"^\s*(?:[-*+•·]|\d{1,3}[.)、]|[（(]\d{1,3}[)）])\s+(?:\[[ xX]\]\s*)?")
# "## 议程", and "###地点" too: the reader takes a Chinese heading written without its space
_HEADING = lazy_compile(
    r"^ {0,3}(#{1,6})(?:[ \t]+|$|(?=[\u3400-\u9fff*A-Z\u3000-\u303f\uff01-\uff60]))(.*?)(?:[ \t]+#+)?[ \t]*$"
)
_RULE = lazy_compile(r"^[ \t]*([-*_=])[ \t]*(?:\1[ \t]*){2,}$")
_TABLE_RULE = lazy_compile(r"^\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?$")
_EMPTY_ROW = lazy_compile(r"^\|[\s|]*\|?$")
_TAG = lazy_compile(r"</?[A-Za-z][^<>]*>")  # "<br>", "</div>"; not "< 50 ms … > 99%"
_RAW_BLOCK_START = lazy_compile(r"^\s*<(style|script)\b", re.I)
_IMAGE_ONLY = lazy_compile(r"^\s*(?:!\[\s*\]\([^)]*\)\s*)+$")
# "天气：晴", "Weather: sunny"; not "https://…" nor "10:30 start"
_KEY_VALUE = lazy_compile(
    r"^(?P<key>(?=[^:：]*[^\W\d_])[^:：。.!?！？，,；;]{1,20}?)\s*[:：]\s*(?!//)(?P<value>\S.*)$"
)
_WORDS = lazy_compile(r"\w")
_ANCHOR = lazy_compile(r" \(#[^()\s]*\)")

# sections whose heading opens meeting information, not a part of the minutes
_INFO = frozenset(("info", "title", "attendees", "absentees", "observers"))

# what --explain says of a line that holds text no field took: a line with no role, a remark
# among the action items, a line of a follow-up section that names no task
_TEXT_LEFT_OUT = frozenset(("no role", "a remark among the action items", "a follow-up line naming no task"))

KEPT = "kept"
KEPT_OTHER = "other information"
KEPT_DISCUSSION = "discussion"


@dataclass
class _Kept:
    """Text kept for one section: the item, new or found, and the lines it takes."""

    item: AgendaItem | None
    title: str
    line: int
    texts: list[tuple[str, int, int]] = field(default_factory=list)  # (text, line, end line)


def keep_unread(text: str, meeting: Meeting, cues: dict[int, tuple[str, str]]) -> None:
    """Keep in ``meeting`` every line of ``text`` that took no role; note in ``cues`` why.

    A kept line's cue is ``("kept", …)``; a line that holds no words gets
    ``("ignored", what it is)``; front-matter keys not read go to ``meeting.unread_lines``.
    """
    from parsers.explain import explain_meeting

    explained = explain_meeting(text, meeting, cues)
    unread = [
        line.line
        for line in explained
        if line.role == "ignored" and (key := _front_matter_key(line.detail)) and key.lower() not in PAGE_METADATA_KEYS
    ]
    tasks = {
        number
        for item in meeting.action_items
        for number in range(item.line, (item.end_line or item.line) + 1)
    } | {update.line for update in meeting.task_updates}
    unclaimed = {
        line.line
        for line in explained
        if (line.role == "ignored" and line.detail in _TEXT_LEFT_OUT)
        # the reader took the line for a task, but no task holds it in the end
        or (line.role.startswith("task") and line.line not in tasks)
    }
    if unread:
        meeting.unread_lines = unread
    if not unclaimed:
        return
    source = [line.source_text for line in explained]
    reasons = _no_words(source)
    owners = _sections(meeting, source)
    english = meeting.language == "en"
    kept: dict[int, _Kept] = {}  # key: the section's line (0 for the notes' start)
    previous: tuple[_Kept, int] | None = None  # the entry the last kept line went to
    for number in sorted(unclaimed):
        reason = reasons.get(number)
        if reason is not None:
            cues[number] = ("ignored", reason)
            previous = None
            continue
        words, row = _plain(source[number - 1], english)
        if not _WORDS.search(words):
            cues[number] = ("ignored", "no words")
            previous = None
            continue
        if _is_label(words):
            # "待办事项", "Action items" alone on a line: it opened a part of the section
            cues[number] = ("section", "label")
            previous = None
            continue
        owner = owners.get(number)
        pair = _KEY_VALUE.match(words) if owner is None and not row else None
        if pair is not None:
            # "天气：晴" among the meeting information: a key nobody reads, kept under its key
            target = kept.setdefault(-number, _Kept(None, pair.group("key").strip(), number))
            target.texts.append((pair.group("value").strip(), number, number))
            cues[number] = (KEPT, KEPT_OTHER)
            previous = None
            continue
        if isinstance(owner, AgendaItem):
            target = kept.setdefault(owner.line or 0, _Kept(owner, owner.title, owner.line or 0))
            cue = (KEPT, KEPT_DISCUSSION)
        elif isinstance(owner, tuple):
            title, line = owner
            target = kept.setdefault(line, _Kept(None, title, line))
            cue = (KEPT, KEPT_OTHER)
        else:
            title = OTHER_INFORMATION.get(meeting.language, OTHER_INFORMATION["en"])
            target = kept.setdefault(0, _Kept(None, title, number))
            cue = (KEPT, KEPT_OTHER)
        cues[number] = cue
        if previous is not None and previous[0] is target and previous[1] == number - 1 and _goes_on(source[number - 1]) and not row:
            # a sentence wrapped over lines: one entry
            text, first, _ = target.texts[-1]
            target.texts[-1] = (smart_join([text, words]), first, number)
        else:
            target.texts.append((words, number, number))
        previous = (target, number)
    _add(meeting, kept)


def _is_label(words: str) -> bool:
    """A section's or sub-section's name alone (``待办事项``, ``Action items:``)."""
    bare = words.strip().rstrip(":：").strip()
    if not bare or len(bare) > 30:
        return False
    return SUBSECTION_LABELS.lookup(bare) is not None or SECTION_NAMES.lookup(bare) is not None


def _front_matter_key(detail: str) -> str | None:
    """``mood`` of "key mood not used" or "value of mood" (what --explain says of front matter)."""
    if detail.startswith("key ") and detail.endswith(" not used"):
        return detail[4:-9]
    if detail.startswith("value of "):
        return detail[9:]
    return None


def _add(meeting: Meeting, kept: dict[int, _Kept]) -> None:
    """Write the kept text into the model: discussion of its item, or new other sections."""
    new_sections: list[AgendaItem] = []
    for entry in kept.values():
        if entry.item is not None:
            item = entry.item
            discussion = list(item.discussion)
            spans = list(item.spans)
            for text, line, end_line in entry.texts:
                spans.append(TextSpan(field="discussion", index=len(discussion), line=line, end_line=end_line))
                discussion.append(text)
            item.discussion = discussion
            item.spans = spans
            item.end_line = max(item.end_line or 0, *(end for _, _, end in entry.texts))
            continue
        texts = [text for text, _, _ in entry.texts]
        spans = [
            TextSpan(field="discussion", index=index, line=line, end_line=end_line)
            for index, (_, line, end_line) in enumerate(entry.texts)
        ]
        new_sections.append(
            AgendaItem(
                title=entry.title,
                discussion=texts,
                line=entry.line,
                end_line=max(end for _, _, end in entry.texts),
                spans=spans,
            )
        )
    if new_sections:
        sections = [*meeting.other_sections, *new_sections]
        # in the order of the notes; sections without a line keep their place at the start
        meeting.other_sections = sorted(sections, key=lambda section: section.line or 0)


def _no_words(source: list[str]) -> dict[int, str]:
    """Line → what it is, for the lines that hold no words of the notes (all lines are looked at)."""
    reasons: dict[int, str] = {}
    in_comment = False
    raw_block: str | None = None
    previous = ""
    for number, line in enumerate(source, start=1):
        stripped = _QUOTE_MARKERS.sub("", line).strip()
        if raw_block is not None:
            reasons[number] = "HTML style or script"
            if f"</{raw_block}" in stripped.lower():
                raw_block = None
        elif in_comment or stripped.startswith("<!--"):
            reasons[number] = "comment"
            rest = stripped.split("<!--", 1)[-1] if not in_comment else stripped
            in_comment = "-->" not in rest
            after = rest.split("-->", 1)[1] if "-->" in rest else ""
            if after.strip():
                reasons.pop(number)  # "<!-- … --> words": the words are content
        elif (block := _RAW_BLOCK_START.match(stripped)) is not None:
            reasons[number] = "HTML style or script"
            if f"</{block.group(1).lower()}" not in stripped.lower():
                raw_block = block.group(1).lower()
        elif not stripped:
            if line.strip():
                reasons[number] = "empty quote line"
        elif _RULE.match(stripped):
            reasons[number] = "underline" if previous.strip() and stripped[0] in "-=" else "rule"
        elif stripped.startswith("|") and _TABLE_RULE.match(stripped):
            reasons[number] = "table rule"
        elif _EMPTY_ROW.match(stripped):
            reasons[number] = "empty table row"
        elif _IMAGE_ONLY.match(stripped):
            reasons[number] = "image without a description"
        elif not _TAG.sub("", stripped).strip():
            reasons[number] = "HTML markup"
        previous = line
    return reasons


def _plain(line: str, english: bool) -> tuple[str, bool]:
    """The words of a source line, markup dropped; whether it was a table row."""
    text = _QUOTE_MARKERS.sub("", line).strip()
    if text.startswith("|"):
        cells = [cell.strip() for cell in text.strip("|").split("|")]
        return ("; " if english else "；").join(_inline(cell) for cell in cells if cell), True
    text = _LIST_MARKER.sub("", text, count=1)
    return _inline(text), False


def _inline(text: str) -> str:
    tokens = _inline_markdown().parseInline(text)
    words = inline_text(tokens[0]) if tokens else text
    if "(#" in words:
        words = _ANCHOR.sub("", words)  # "[议程](#议程)": a link within the page says nothing more
    return _TAG.sub("", words).strip() if "<" in words else words.strip()


def _goes_on(line: str) -> bool:
    """A line that may continue the one above: no list marker, no table, no heading."""
    text = _QUOTE_MARKERS.sub("", line)
    return not (_LIST_MARKER.match(text) or text.lstrip().startswith(("|", "#")))


def _sections(meeting: Meeting, source: list[str]) -> dict[int, AgendaItem | tuple[str, int]]:
    """Line → the section it stands in: an agenda item or other section, or a heading that
    opened none (its title and line). Lines before the first section are left out."""
    items = {item.line: item for item in (*meeting.agenda, *meeting.other_sections) if item.line is not None}
    title_line = meeting.info_lines.get("title")
    owners: dict[int, AgendaItem | tuple[str, int]] = {}
    current: AgendaItem | tuple[str, int] | None = None
    current_level = 7
    fenced = False
    for number, line in enumerate(source, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced  # a "# comment" in a code block is no heading
        heading = None if fenced else _HEADING.match(line)
        level = len(heading.group(1)) if heading else 7
        if number in items:
            current, current_level = items[number], level
        elif heading is not None and (level <= current_level or not isinstance(current, AgendaItem)):
            title = _inline(heading.group(2)) or heading.group(2).strip()
            if number == title_line or (current is None and level == 1) or classify_section(title)[0] in _INFO:
                # the title, "## 会议信息", "## 参会人员": the meeting information goes on
                current, current_level = None, 7
            else:
                current, current_level = (title, number), level
        if current is not None:
            owners[number] = current
    return owners
