"""No line of the notes is dropped without a word.

Every line is read into a field of the model, kept (the discussion of its section, or
the minutes' "other information"), shown by ``--explain`` as layout with what it is
(a rule, an underline, a comment …), or reported by the checker (``unread-text``).
A goal line (会议目标 / 協作目標 / Goal …) is the meeting's purpose.

Every note here is made up.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from parsers import parse_notes, read_notes
from parsers.explain import explain_lines
from parsers.unread import keep_unread
from pipeline.check import check_meeting, load_config
from pipeline.check.catalog import MESSAGES, RULES
from pipeline.check.terms import load_toml
from pipeline.model import AgendaItem, Meeting, TextSpan

ROOT = Path(__file__).resolve().parent.parent
RULE_DATA = ROOT / "pipeline" / "check" / "rules" / "unread_text.toml"
EXAMPLES = load_toml(RULE_DATA)
NOTES_FILES = sorted(
    path
    for folder in (ROOT / "samples", ROOT / "tests" / "corpus", ROOT / "tests" / "unseen")
    if folder.is_dir()
    for path in folder.rglob("*.md")
    if path.name != "README.md"
)

# roles whose lines are text the model keeps as written (not read into dates, names …)
_TEXT_ROLES = ("kept", "discussion", "decision", "disagreement", "risk", "attachment")
# quote marks, list markers and enumerators: "> ", "- [ ] ", "1. ", "（1）", "①", "一、"
_QUOTE_OR_LIST = re.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)、]\s*|[（(]\d{1,3}[)）]\s*|[①-⑳]\s*|[一二三四五六七八九十]{1,3}、\s*)?"
    r"(?:\[[ xX]\]\s*)?"
)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _words(text: str) -> str:
    """Letters and digits only: what must survive however the text was joined or marked up."""
    return "".join(char for char in text if char.isalnum())


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _model_words(meeting: Meeting) -> str:
    dumped = json.loads(meeting.to_json())
    return "\n".join(_words(text) for text in _strings(dumped))


def _line_words(source: str, tags: bool = True) -> str:
    text = _LINK_TARGET.sub("]", _QUOTE_OR_LIST.sub("", source))
    return _words(text if tags else _TAG.sub("", text))


def _in_model(source: str, kept: str) -> bool:
    """The line's words are in the model: whole, cell by cell (a table row), or its value
    after the label (``決定：洽悉。`` keeps ``洽悉。``; ``天气：晴`` is kept as 天气 → 晴)."""
    words = _line_words(source)
    if not words or words in kept or _line_words(source, tags=False) in kept:
        return True  # "<br>" and "</div>" are markup; "<script>" in a sentence is words
    text = _TAG.sub("", _QUOTE_OR_LIST.sub("", source)).strip()
    if text.startswith("|"):
        return all(_words(cell) in kept for cell in text.strip("|").split("|"))
    label = re.match(r"^[^:：]{1,20}[:：](?P<value>.+)$", text)
    return label is not None and _words(label.group("value")) in kept


def dropped(text: str) -> list[str]:
    """What is wrong with the notes' lines: a line with no role, or text kept nowhere."""
    meeting = parse_notes(text)
    explained = explain_lines(text)
    kept = _model_words(meeting)
    reported = set(meeting.unread_lines)
    problems = []
    for line in explained:
        if line.margin == "ignored: no role":
            problems.append(f"{line.line}: no role: {line.source_text}")
        elif line.role in _TEXT_ROLES and line.line not in reported and not _in_model(line.source_text, kept):
            problems.append(f"{line.line}: {line.margin} but not in the model: {line.source_text}")
    return problems


def margins(text: str) -> dict[str, str]:
    return {line.source_text: line.margin for line in explain_lines(text) if line.source_text}


def unread_findings(text: str) -> list[int]:
    meeting = parse_notes(text)
    return [f.line for f in check_meeting(meeting, text, "notes.md") if f.rule == "unread-text"]


# ---------------------------------------------------------------- odd notes, three languages

ODD_SIMPLIFIED = """\
# 四部门协作会

会议时间：2024-05-13 14:00-15:00
会议目标：明确四个部门的分工
及时间节点。
天气：晴
参会人员：市场部 张三、设计部 李四
这是一句自由的话，写在信息和标题之间，
还折了一行。

---

> 提醒：会后请把材料发到群里
>
> 谢谢配合

<!-- 这是一段注释
跨了两行 -->

<style>
.red { color: red; }
</style>

## 一、首页改版
- 讨论了首页改版的排期。

题外话：茶水间的咖啡机又坏了

## 行动项
- [ ] 张三：整理排期表，2024-05-20前

材料见共享盘。
"""

ODD_TRADITIONAL = """\
# 門市活動籌備會

- 會議日期：2024年6月3日
- 協作目標：確認活動當天的人力
  與物資安排
- 場地備註：一樓大廳，需提前一天佈置
- 主持人：營運部 陳經理

   一句縮排的說明文字

## 活動時程

| 時段 | 內容 |
| --- | --- |
| 上午 | 佈置 |
|  |  |

時程表之後補充的一句話。
"""

ODD_ENGLISH = """\
---
title: Platform weekly sync
date: 2025-03-10
layout: post
mood: tired after the release
---

Purpose: review the release plan.
Objective: agree who does what
by Friday.
Weather: sunny
Some free prose nobody labelled, before the first heading.

Weekly notes
------------

## 1. Release readiness
- Ben walked through the open bugs.

![](diagram.png)

A stray remark after the list, on its own.
"""

ODD_NOTES = {"zh-Hans": ODD_SIMPLIFIED, "zh-Hant": ODD_TRADITIONAL, "en": ODD_ENGLISH}


@pytest.mark.parametrize("language", sorted(ODD_NOTES))
def test_no_line_of_odd_notes_is_dropped(language: str) -> None:
    assert dropped(ODD_NOTES[language]) == []


@pytest.mark.parametrize("path", NOTES_FILES, ids=lambda path: path.name)
def test_no_line_of_the_samples_is_dropped(path: Path) -> None:
    assert dropped(read_notes(path)) == []


# ---------------------------------------------------------------- the goal is the purpose


def test_a_goal_line_over_two_lines_is_the_purpose() -> None:
    meeting = parse_notes(ODD_SIMPLIFIED)
    assert meeting.purpose == "明确四个部门的分工及时间节点。"
    assert meeting.title == "四部门协作会"
    roles = margins(ODD_SIMPLIFIED)
    assert roles["会议目标：明确四个部门的分工"] == "info: purpose"
    assert roles["及时间节点。"] == "info: purpose (cont.)"


def test_a_goal_in_a_list_item_with_its_wrapped_line_is_the_purpose() -> None:
    meeting = parse_notes(ODD_TRADITIONAL)
    assert meeting.purpose == "確認活動當天的人力與物資安排"
    assert margins(ODD_TRADITIONAL)["  與物資安排"] == "info: purpose (cont.)"


def test_a_goal_does_not_replace_a_purpose_already_given() -> None:
    meeting = parse_notes(ODD_ENGLISH)
    assert meeting.purpose == "review the release plan."
    # the goal is kept under its own key instead
    sections = {section.title: section.discussion for section in meeting.other_sections}
    assert sections["Objective"] == ["agree who does what"]
    assert "by Friday." in sections["Other information"]


@pytest.mark.parametrize(
    "line",
    ["目的：把报价流程定下来", "目標：把報價流程定下來", "Goals: settle the quote process", "会议目的：把报价流程定下来"],
)
def test_every_goal_word_gives_the_purpose(line: str) -> None:
    meeting = parse_notes(f"# 报价会\n\n{line}\n\n## 报价\n- 讨论了报价。\n")
    assert meeting.purpose is not None and meeting.purpose.endswith(("定下来", "定下來", "process"))


def test_a_goal_is_never_the_title() -> None:
    meeting = parse_notes("Goal: settle the quote process\n\n- We talked about quotes.\n")
    assert meeting.purpose == "settle the quote process"
    assert meeting.title != "settle the quote process"


# ---------------------------------------------------------------- where kept text goes


def test_lines_before_the_first_section_are_other_information() -> None:
    meeting = parse_notes(ODD_SIMPLIFIED)
    sections = {section.title: section.discussion for section in meeting.other_sections}
    assert sections["天气"] == ["晴"]
    assert sections["其他信息"] == ["这是一句自由的话，写在信息和标题之间，还折了一行。", "谢谢配合"]
    assert sections["提醒"] == ["会后请把材料发到群里"]  # a quoted key：value line, under its key
    assert [item.title for item in meeting.agenda] == ["首页改版"]  # no new agenda item
    roles = margins(ODD_SIMPLIFIED)
    assert roles["天气：晴"] == roles["还折了一行。"] == "kept: other information"


def test_the_label_of_other_information_is_in_the_notes_language() -> None:
    english = {section.title for section in parse_notes(ODD_ENGLISH).other_sections}
    assert {"Other information", "Weather"} <= english
    traditional = parse_notes(ODD_TRADITIONAL)
    sections = {section.title: section.discussion for section in traditional.other_sections}
    assert sections["場地備註"] == ["一樓大廳，需提前一天佈置"]
    assert sections["其他資訊"] == ["一句縮排的說明文字"]


def test_a_line_left_inside_an_agenda_item_joins_its_discussion() -> None:
    text = "# Weekly\n\n## Budget\n- We went over the numbers.\nA line the reader left.\n\n## Hiring\n"
    meeting = Meeting(
        title="Weekly",
        info_lines={"title": 1},
        agenda=[
            AgendaItem(
                title="Budget",
                line=3,
                end_line=4,
                discussion=["We went over the numbers."],
                spans=[TextSpan(field="discussion", index=0, line=4, end_line=4)],
            ),
            AgendaItem(title="Hiring", line=7, end_line=7),
        ],
    )
    cues: dict[int, tuple[str, str]] = {}
    keep_unread(text, meeting, cues)
    assert meeting.agenda[0].discussion == ["We went over the numbers.", "A line the reader left."]
    assert meeting.agenda[0].spans[-1].line == 5
    assert cues[5] == ("kept", "discussion")
    assert meeting.other_sections == []


def test_a_label_alone_on_a_line_is_no_discussion() -> None:
    text = "# Weekly\n\nDate: 2025-03-10\n\n## Budget\nWe went over the numbers\nAction items\nAna: send the sheet tomorrow\n"
    assert margins(text)["Action items"] == "section: label"
    assert "Action items" not in parse_notes(text).agenda[0].discussion


def test_a_remark_under_the_action_items_is_kept_under_their_heading() -> None:
    meeting = parse_notes(ODD_SIMPLIFIED)
    sections = {section.title: section.discussion for section in meeting.other_sections}
    assert sections["行动项"] == ["材料见共享盘。"]
    assert [item.task for item in meeting.action_items] == ["整理排期表"]


# ---------------------------------------------------------------- what is no content


def test_layout_lines_say_what_they_are() -> None:
    roles = margins(ODD_SIMPLIFIED)
    assert roles["---"] == "ignored: rule"
    assert roles[">"] == "ignored: empty quote line"
    assert roles["<!-- 这是一段注释"] == roles["跨了两行 -->"] == "ignored: comment"
    assert roles["<style>"] == roles["</style>"] == "ignored: HTML style or script"
    english = margins(ODD_ENGLISH)
    assert english["------------"] == "ignored: underline"
    assert english["![](diagram.png)"] == "ignored: image without a description"
    assert english["layout: post"] == "ignored: key layout not used"
    assert margins(ODD_TRADITIONAL)["|  |  |"] == "ignored: empty table row"


# ---------------------------------------------------------------- unread-text


def test_a_front_matter_key_nobody_reads_is_reported_at_its_line() -> None:
    meeting = parse_notes(ODD_ENGLISH)
    assert meeting.unread_lines == [5]
    assert unread_findings(ODD_ENGLISH) == [5]
    assert margins(ODD_ENGLISH)["mood: tired after the release"] == "unread: reported (unread-text)"
    finding = next(f for f in check_meeting(meeting, ODD_ENGLISH, "n.md") if f.rule == "unread-text")
    assert finding.severity == "info"
    assert "mood: tired after the release" in finding.message


def test_unread_text_is_a_rule_with_messages_in_three_languages() -> None:
    assert RULES["unread-text"].severity == "info"
    for key in ("unread-text", "unread-text.suggestion"):
        assert set(MESSAGES[key]) == {"zh-Hans", "zh-Hant", "en"}


@pytest.mark.parametrize("example", EXAMPLES["flag"], ids=lambda example: example["id"])
def test_the_rule_reports_its_flag_examples(example: dict[str, Any]) -> None:
    assert unread_findings(example["notes"]) == example["lines"]
    assert dropped(example["notes"]) == []


@pytest.mark.parametrize("example", EXAMPLES["no_flag"], ids=lambda example: example["id"])
def test_the_rule_is_quiet_on_its_no_flag_examples(example: dict[str, Any]) -> None:
    assert unread_findings(example["notes"]) == []
    assert dropped(example["notes"]) == []


def test_the_rule_can_be_switched_off_and_suppressed(tmp_path: Path) -> None:
    notes = EXAMPLES["flag"][0]["notes"]
    (tmp_path / "minutes.toml").write_text('[check.rules]\nunread-text = "off"\n', encoding="utf-8")
    config = load_config(tmp_path / "minutes.toml")
    meeting = parse_notes(notes)
    assert [f for f in check_meeting(meeting, notes, "n.md", config) if f.rule == "unread-text"] == []
    silenced = notes + "\n<!-- minutes-disable unread-text -->\n"
    assert unread_findings(silenced) == [4]  # a comment below the line does not reach back
    above = "<!-- minutes-disable unread-text -->\n" + notes
    assert unread_findings(above) == []


def test_a_key_line_under_a_heading_that_opened_no_section_stays_under_that_heading() -> None:
    text = "# Weekly\n\n## Budget\n- Kept as planned.\n\n## Action items\n- [ ] Ana: send the sheet by 2025-03-14\n\nNote: files are on the shared drive.\n"
    sections = {section.title: section.discussion for section in parse_notes(text).other_sections}
    assert sections == {"Action items": ["Note: files are on the shared drive."]}


def test_a_heading_written_without_its_space_still_owns_the_lines_below() -> None:
    text = "# 周会\n\n## 排期\n- 讨论了排期\n\n##行动项\n- [ ] 张三：整理排期表，2024-05-20前\n\n材料见共享盘。\n"
    meeting = parse_notes(text)
    assert {section.title: section.discussion for section in meeting.other_sections} == {
        "行动项": ["材料见共享盘。"]
    }
    assert meeting.agenda[0].discussion == ["讨论了排期"]


def test_a_table_of_contents_before_the_first_heading_is_kept_without_its_anchors() -> None:
    text = "# Weekly\n\n* [Budget](#budget)\n* [Hiring](#hiring)\n\n## Budget\n- Kept as planned.\n\n## Hiring\n- Two offers out.\n"
    sections = {section.title: section.discussion for section in parse_notes(text).other_sections}
    assert sections == {"Other information": ["Budget", "Hiring"]}


@pytest.mark.parametrize("line", ["https://example.com/minutes/2025-03-10", "10:30 start in room B"])
def test_a_web_address_or_a_clock_time_is_no_key(line: str) -> None:
    text = f"# Weekly\n\n{line}\n\n## Budget\n- Kept as planned.\n"
    sections = {section.title: section.discussion for section in parse_notes(text).other_sections}
    assert sections == {"Other information": [line]}


def test_a_goal_heading_inside_an_agenda_item_stays_part_of_the_item() -> None:
    text = "# 周会\n\n会议时间：2024-05-13\n\n## 登录页\n### 目标：本月上线\n- 讨论了排期\n"
    meeting = parse_notes(text)
    assert meeting.purpose is None
    assert [item.title for item in meeting.agenda] == ["登录页"]
    assert "目标：本月上线" in meeting.agenda[0].discussion


def test_a_bold_goals_line_below_the_information_is_still_a_topic() -> None:
    text = "# Weekly sync\n\nDate: 2025-03-10\nAttendees: Ana, Ben\n\n**Goals**\n\n- Ship 4.2 this month\n\n**Budget review**\n\n- Kept as planned\n"
    assert [item.title for item in parse_notes(text).agenda] == ["Goals", "Budget review"]


def test_a_goal_label_with_its_goals_listed_below_is_the_purpose() -> None:
    text = "# 周会\n\n会议时间：2024-05-13\n会议目标：\n1. 明确分工\n2. 确定时间节点\n\n## 排期\n- 讨论了排期\n"
    meeting = parse_notes(text)
    assert meeting.purpose == "明确分工；确定时间节点"
    assert meeting.other_sections == []
    roles = margins(text)
    assert roles["会议目标："] == "info: goal label, purpose below"
    assert roles["2. 确定时间节点"] == "info: purpose (cont.)"
    english = parse_notes("# Sync\n\nDate: 2025-03-10\n\n**Goals:**\n\n- agree who does what\n- and by when\n\n## A\n- x\n")
    assert english.purpose == "agree who does what; and by when"


def test_the_goal_below_its_label_ends_at_the_next_key() -> None:
    text = "# 週會\n\n會議目的：\n確認分工\n與時程\n主持人：營運部 陳經理\n\n## 排程\n- 討論了排程\n"
    meeting = parse_notes(text)
    assert meeting.purpose == "確認分工與時程"
    assert meeting.host is not None and meeting.host.name == "陳經理"
    assert dropped(text) == []
