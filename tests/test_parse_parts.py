"""The parts of a formal record: 报告事项 / 讨论事项 / 临时动议 → ``AgendaItem.part``.

Inside an item of a part, 案由 names the item, 說明 explains it, 決議 decides it;
``散會：…`` gives the end time. Every note here is made up.
"""

from __future__ import annotations

from parsers import parse_notes
from parsers.explain import explain_lines
from pipeline.model import AgendaItem, Meeting

TRADITIONAL = """\
# 總務委員會第12次會議紀錄

會議日期：2024年7月3日
主持人：總務處 陳經理

## 壹、報告事項

### 一、會長
- 上月支出符合預算。

### 二、總務處
- 電梯更換已完成。

## 貳、討論事項

### 第一案
案由：修訂停車管理辦法
說明：現行辦法未規範訪客車位。
決議：照案通過。

### 第二案
- 案由：採購監視器
- 說明：三家廠商報價中。
- 決議：下次會議再議。

## 參、臨時動議

### 動議一、社區網路更換
- 說明：現有網路常斷線。
- 決定：請總務處詢價。

散會：下午4時30分
"""

SIMPLIFIED = """\
# 业委会第3次会议纪要

日期：2024-07-03

## 一、报告事项

- 物业公司汇报二季度收支情况。

## 二、讨论事项

### 议题：电梯维保合同续签
说明：现合同7月底到期。
决议：同意续签一年。

## 三、临时动议

- 住户提出增设快递柜，决定下次会议讨论。

散会 16:30
"""

ENGLISH = """\
# Board meeting

Date: 2024-07-03

## Reports

### Treasurer's report
- Spending is on budget.

## Matters for discussion

### Motion 1
Subject: New parking policy
Explanation: visitors have no spaces today.
Resolution: approved.

### Motion 2
Subject: Security cameras
Decision: wait for three quotes.

## Any other business

- None.

Meeting adjourned at 4:30 pm.
"""


def items(meeting: Meeting) -> list[AgendaItem]:
    return sorted((*meeting.agenda, *meeting.other_sections), key=lambda item: item.line or 0)


def test_traditional_parts_and_their_items() -> None:
    meeting = parse_notes(TRADITIONAL)
    found = {item.title: item for item in items(meeting)}
    assert found["報告事項"].part == "report"
    # who reports (會長, 總務處) stays within the report item
    assert "上月支出符合預算。" in found["報告事項"].discussion
    first, second = found["修訂停車管理辦法"], found["採購監視器"]
    assert first.part == second.part == "discussion"
    assert first.discussion == ["現行辦法未規範訪客車位。"]
    assert first.resolutions == ["照案通過。"]
    assert second.discussion == ["三家廠商報價中。"]
    assert second.resolutions == ["下次會議再議。"]
    (motion,) = [item for item in items(meeting) if item.part == "extempore"]
    assert motion.title.endswith("社區網路更換")
    assert motion.resolutions == ["請總務處詢價。"]
    assert meeting.end_time == "16:30"
    assert [item.title for item in meeting.agenda][:3] == ["報告事項", "修訂停車管理辦法", "採購監視器"]


def test_simplified_parts() -> None:
    meeting = parse_notes(SIMPLIFIED)
    parts = {item.title: item.part for item in items(meeting)}
    assert parts["报告事项"] == "report"
    assert parts["临时动议"] == "extempore"
    assert [title for title, part in parts.items() if part == "discussion"] == ["议题：电梯维保合同续签"]
    discussed = next(item for item in items(meeting) if item.part == "discussion")
    assert discussed.discussion == ["现合同7月底到期。"]
    assert discussed.resolutions == ["同意续签一年。"]
    assert meeting.end_time == "16:30"


def test_english_parts_and_labels() -> None:
    meeting = parse_notes(ENGLISH)
    found = {item.title: item for item in items(meeting)}
    assert found["Reports"].part == "report"
    assert found["New parking policy"].part == "discussion"
    assert found["New parking policy"].discussion == ["visitors have no spaces today."]
    assert found["New parking policy"].resolutions == ["approved."]
    assert found["Security cameras"].resolutions == ["wait for three quotes."]
    assert found["Any other business"].part == "extempore"
    assert meeting.end_time == "16:30"


def test_a_heading_that_names_the_item_keeps_its_title_and_the_subject_is_a_point() -> None:
    notes = "# 會議\n\n日期：2024-07-03\n\n## 討論事項\n\n### 停車管理\n案由：修訂停車管理辦法\n決議：通過\n"
    (item,) = [item for item in items(parse_notes(notes)) if item.part == "discussion"]
    assert item.title == "停車管理"
    assert item.discussion == ["修訂停車管理辦法"]


def test_items_without_such_a_section_have_no_part() -> None:
    notes = "# 周会\n\n日期：2024-07-03\n\n## 议题一：发布计划\n\n说明：排期紧张。\n决议：6月底上线\n"
    meeting = parse_notes(notes)
    assert [item.part for item in meeting.agenda] == [None]
    # outside a part of a formal record 说明 is no label: the line stays as written
    assert meeting.agenda[0].discussion == ["说明：排期紧张。"]


def test_an_end_time_given_stays() -> None:
    notes = "# 會議\n\n會議時間：2024年7月3日 14:00-16:00\n\n## 討論事項\n\n- 照案通過\n\n散會：下午4時30分\n"
    assert parse_notes(notes).end_time == "16:00"


def test_explain_names_the_parts() -> None:
    lines = {line.source_text: line for line in explain_lines(TRADITIONAL)}
    assert lines["## 壹、報告事項"].role == "agenda"
    assert lines["## 壹、報告事項"].cue == "report part of the record"
    assert lines["## 貳、討論事項"].cue == "discussion part of the record"
    assert lines["案由：修訂停車管理辦法"].role == "agenda"  # 案由 names the item
    assert lines["散會：下午4時30分"].margin == "info: time"


def test_a_numbered_list_under_a_discussion_part_gives_one_item_a_point() -> None:
    notes = """\
# 业委会会议纪要

日期：2024-07-03

## 二、讨论事项

1. 电梯维保合同续签
   - 说明：现合同7月底到期。
   - 决议：同意续签一年。
2. 增设快递柜
   - 决议：下次会议再议。
"""
    meeting = parse_notes(notes)
    assert [(item.title, item.part) for item in meeting.agenda] == [
        ("电梯维保合同续签", "discussion"),
        ("增设快递柜", "discussion"),
    ]
    assert meeting.agenda[0].discussion == ["现合同7月底到期。"]
    assert meeting.agenda[0].resolutions == ["同意续签一年。"]
    assert meeting.agenda[1].resolutions == ["下次会议再议。"]


def test_a_plain_list_under_a_discussion_part_stays_its_points() -> None:
    notes = "# Board\n\nDate: 2024-07-03\n\n## Discussion items\n\n- Parking is short.\n- Agreed to add ten spaces.\n"
    meeting = parse_notes(notes)
    (item,) = items(meeting)
    assert item.part == "discussion"
    assert item.discussion == ["Parking is short."]
    assert item.resolutions == ["Agreed to add ten spaces."]
