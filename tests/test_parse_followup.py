"""Updates on tasks of earlier meetings: ``Meeting.task_updates``.

A follow-up section (``## 上次行动项跟进``, ``## 上次會議決議執行情形``, ``## Follow-up of
previous actions``) reports on earlier tasks line by line; a line elsewhere that opens
with an earlier meeting's id, or a check-list line opening with an id and a status word,
does too. Every note here is made up.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parsers import parse_notes
from parsers.explain import explain_lines
from pipeline.model import Meeting, Person, TaskUpdate

SIMPLIFIED = """\
# 产品周会

日期：2024-06-19
主持人：研发部 王强

## 上次行动项跟进

- [x] #2024-06-12-3 已上线
- 2024-06-12-1：进行中，延期到7月20日
- [ ] #Q3-7 完成接口文档 — 负责人：研发部 张三 — 截止：2024-07-01
- #Q3-8 取消（需求变更）
- 整理用户反馈（负责人：市场部 李娜）：已完成
- #Q3-9 需支持
  - 等待法务部回复合同条款

## 议题一：发布计划

- 决议：6月底灰度上线

## 行动项

- [ ] #Q3-10 张三负责编写测试用例，截止：6月30日
- [ ] 李娜整理会议纪要，6月21日前
"""

TRADITIONAL = """\
# 行銷部月會

會議日期：2024年7月3日
主持人：行銷部 陳經理

## 上次會議決議執行情形

1. #2024-06-05-2 進行中，延後至7月25日
2. #T-12 已完成
3. 社群貼文排程（負責人：行銷部 黃專員）：需支持
4. [ ] #2024-06-05-4 完成夏季報價單 — 負責人：業務部 林主任 — 截止：2024-07-15

## 一、夏季檔期

- 決議：七月加碼廣告
"""

ENGLISH = """\
# Weekly sync

Date: 2024-07-03
Chair: Ana Lee

## Follow-up of previous actions

- [x] #2024-06-26-1 Done, shipped on Monday
- [ ] #Q3-7 in progress, moved to 2024-07-20
- #Q3-8 dropped (scope change)
- [ ] #2024-06-26-2 Finish the API document — Owner: R&D, Zhang San — Due: 2024-07-01
- Update the onboarding guide — Owner: Dana Wu: blocked

## Release

- Agreed to ship on July 15.
"""


def updates(meeting: Meeting) -> dict[str, TaskUpdate]:
    return {update.task_id or (update.task or ""): update for update in meeting.task_updates}


def test_a_simplified_follow_up_section_gives_one_update_a_line() -> None:
    meeting = parse_notes(SIMPLIFIED)
    found = updates(meeting)
    assert [update.line for update in meeting.task_updates] == [8, 9, 10, 11, 12, 13]
    assert found["2024-06-12-3"].status == "done"
    assert found["2024-06-12-3"].text == "已上线"
    assert found["2024-06-12-1"].status == "in_progress"
    assert found["2024-06-12-1"].due == dt.date(2024, 7, 20)
    assert found["2024-06-12-1"].due_text == "7月20日"
    assert found["Q3-8"].status == "cancelled"
    assert found["Q3-9"].status == "needs_support"
    assert "等待法务部回复合同条款" in found["Q3-9"].text


def test_a_follow_up_line_without_an_id_names_its_task_and_owner() -> None:
    update = updates(parse_notes(SIMPLIFIED))["整理用户反馈"]
    assert update.task_id == ""
    assert update.owner == Person(department="市场部", name="李娜")
    assert update.status == "done"


def test_follow_up_lines_are_no_new_tasks_and_stay_in_the_minutes() -> None:
    meeting = parse_notes(SIMPLIFIED)
    assert [item.task for item in meeting.action_items] == ["张三负责编写测试用例", "李娜整理会议纪要"]
    # the new task keeps the id the recorder gave it
    assert meeting.action_items[0].id == "Q3-10"
    section = next(item for item in (*meeting.agenda, *meeting.other_sections) if item.title == "上次行动项跟进")
    assert any("已上线" in text for text in section.discussion)
    assert any("整理用户反馈" in text for text in section.discussion)


def test_the_line_minutes_next_writes_is_an_update_with_no_status_unless_ticked() -> None:
    for notes, task_id, owner, due in (
        (SIMPLIFIED, "Q3-7", Person(department="研发部", name="张三"), dt.date(2024, 7, 1)),
        (TRADITIONAL, "2024-06-05-4", Person(department="業務部", name="林主任"), dt.date(2024, 7, 15)),
        (ENGLISH, "2024-06-26-2", Person(department="R&D", name="Zhang San"), dt.date(2024, 7, 1)),
    ):
        update = updates(parse_notes(notes))[task_id]
        assert update.status is None, task_id
        assert update.owner == owner
        assert update.due == due
    ticked = SIMPLIFIED.replace("- [ ] #Q3-7", "- [x] #Q3-7")
    assert updates(parse_notes(ticked))["Q3-7"].status == "done"


def test_a_traditional_follow_up_section() -> None:
    meeting = parse_notes(TRADITIONAL)
    found = updates(meeting)
    assert found["2024-06-05-2"].status == "in_progress"
    assert found["2024-06-05-2"].due == dt.date(2024, 7, 25)
    assert found["T-12"].status == "done"
    assert found["社群貼文排程"].status == "needs_support"
    assert found["社群貼文排程"].owner == Person(department="行銷部", name="黃專員")
    assert meeting.action_items == []


def test_an_english_follow_up_section() -> None:
    meeting = parse_notes(ENGLISH)
    found = updates(meeting)
    assert found["2024-06-26-1"].status == "done"
    assert found["Q3-7"].status == "in_progress"
    assert found["Q3-7"].due == dt.date(2024, 7, 20)
    assert found["Q3-8"].status == "cancelled"
    assert found["Update the onboarding guide"].status == "needs_support"
    assert found["Update the onboarding guide"].owner == Person(name="Dana Wu")
    assert meeting.action_items == []


@pytest.mark.parametrize(
    "heading",
    [
        "## 上次行动项跟进",
        "## 上次会议事项落实情况",
        "## 上次會議決議執行情形",
        "## Follow-up of previous actions",
        "## Action items from last meeting",
        "## 二、上次会议决议执行情况",
    ],
)
def test_follow_up_headings(heading: str) -> None:
    notes = f"# 周会\n\n日期：2024-06-19\n\n{heading}\n\n- [ ] 张三负责联系供应商，6月30日前\n- #Q3-7 进行中\n"
    meeting = parse_notes(notes)
    assert meeting.action_items == []
    assert [(update.task_id, update.status) for update in meeting.task_updates] == [
        ("", None),
        ("Q3-7", "in_progress"),
    ]
    assert meeting.task_updates[0].owner == Person(name="张三")


def test_a_status_word_that_begins_the_task_is_no_status() -> None:
    notes = "# 周会\n\n日期：2024-06-19\n\n## 上次行动项跟进\n\n- #Q3-7 完成接口文档\n- #Q3-8 未完成，延期到下周五\n"
    found = updates(parse_notes(notes))
    assert found["Q3-7"].status is None
    assert found["Q3-8"].status == "delayed" or found["Q3-8"].status is None
    assert found["Q3-8"].due == dt.date(2024, 6, 28)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("- #Q3-7 delayed, moved to 03/04/2024", "03/04/2024"),
        ("- #Q3-7 延期到下个季度", "下个季度"),
        ("- #Q3-7 延後至年底前後", "年底前後"),
    ],
)
def test_a_new_date_that_cannot_be_read_keeps_its_words(line: str, words: str) -> None:
    notes = f"# Weekly\n\nDate: 2024-06-19\n\n## Follow-up of previous actions\n\n{line}\n"
    update = updates(parse_notes(notes))["Q3-7"]
    assert update.status == "delayed"
    assert update.due is None
    assert update.due_text == words


def test_a_change_that_is_no_date_gives_no_due_date() -> None:
    notes = "# 週會\n\n日期：2024-06-19\n\n## 上次會議決議執行情形\n\n- #Q3-7 進行中，負責人改為林主任\n- #Q3-8 進行中，截止改為7月5日\n"
    found = updates(parse_notes(notes))
    assert found["Q3-7"].due_text is None and found["Q3-7"].due is None
    assert found["Q3-8"].due == dt.date(2024, 7, 5)


def test_lines_elsewhere_that_name_an_earlier_task_are_updates() -> None:
    notes = """\
# Weekly sync

Date: 2024-07-03

## Release

- [x] #Q3-5 completed
- #2024-06-19-4 delayed, pushed to next Friday
- [ ] #Q3-9 Raj to write the release notes, due: 2024-07-10
- [ ] #2024-07-03-9 Ana to book the room, due: 2024-07-05
"""
    meeting = parse_notes(notes)
    found = updates(meeting)
    assert found["Q3-5"].status == "done"
    assert found["2024-06-19-4"].status == "delayed"
    assert found["2024-06-19-4"].due == dt.date(2024, 7, 12)
    # an id with an owner and a deadline is a new task, and so is an id of this meeting's date
    assert [item.id for item in meeting.action_items] == ["Q3-9", "2024-07-03-9"]


def test_a_new_task_with_a_recorder_id_stays_a_task() -> None:
    notes = (
        "# 周会\n\n日期：2024-06-19\n\n## 行动项\n\n- #Q3-7 张三负责联系供应商，截止：6月30日\n"
        "- [ ] #Q3-8 进行需求评审，负责人：李四，截止：6月28日\n"
        "- [x] #2024-06-12-5 发布说明；负责人：王芳；截止：6月20日\n"
    )
    meeting = parse_notes(notes)
    assert meeting.task_updates == []
    assert [item.id for item in meeting.action_items] == ["Q3-7", "Q3-8", "2024-06-12-5"]


def test_explain_names_update_lines_and_why() -> None:
    lines = {line.line: line for line in explain_lines(SIMPLIFIED)}
    assert lines[8].role == "task update"
    assert "#2024-06-12-3" in lines[8].margin and "done" in lines[8].margin
    assert lines[8].cue == "follow-up"
    assert lines[6].cue == "follow-up of earlier tasks"
    english = {line.line: line for line in explain_lines(ENGLISH)}
    assert english[9].role == "task update"
    assert "in_progress" in english[9].margin


def test_a_follow_up_table_gives_one_update_a_row() -> None:
    notes = """\
# 周会

日期：2024-06-19

## 上次行动项跟进

| 编号 | 事项 | 负责人 | 状态 | 备注 |
| --- | --- | --- | --- | --- |
| #2024-06-12-1 | 完成接口文档 | 张三 | 已完成 | |
| #Q3-7 | 联调 | 李四 | 进行中 | 延期到7月5日 |
| 3 | 整理用户反馈 | 王五 | 需支持 | 等待数据 |
"""
    meeting = parse_notes(notes)
    assert meeting.action_items == []
    found = updates(meeting)
    assert found["2024-06-12-1"].status == "done"
    assert found["Q3-7"].status == "in_progress"
    assert found["Q3-7"].due == dt.date(2024, 7, 5)
    assert found["整理用户反馈"].status == "needs_support"
    assert found["整理用户反馈"].owner == Person(name="王五")
    assert [update.line for update in meeting.task_updates] == [9, 10, 11]


def test_a_group_line_in_a_follow_up_section_is_no_update() -> None:
    notes = """\
# Weekly sync

Date: 2024-07-03

## Action items from last meeting

- Engineering:
  - #Q3-7 done
  - #Q3-8 blocked
"""
    meeting = parse_notes(notes)
    assert [(update.task_id, update.status) for update in meeting.task_updates] == [
        ("Q3-7", "done"),
        ("Q3-8", "needs_support"),
    ]


@pytest.mark.parametrize("heading", ["## 上周回顾与本周任务", "## Previous action items and next steps", "## 上次会议纪要确认"])
def test_a_heading_that_also_names_new_work_is_no_follow_up_section(heading: str) -> None:
    notes = f"# 周会\n\n日期：2024-06-19\n\n{heading}\n\n- [ ] 张三负责联系供应商，截止：6月30日\n"
    meeting = parse_notes(notes)
    assert meeting.task_updates == []


def test_a_follow_up_section_that_says_none_gives_no_update() -> None:
    for line in ("- 无", "- 無", "- None"):
        meeting = parse_notes(f"# 周会\n\n日期：2024-06-19\n\n## 上次行动项跟进\n\n{line}\n")
        assert meeting.task_updates == []
        assert any(line[2:] in item.discussion for item in (*meeting.agenda, *meeting.other_sections))


def test_a_follow_up_heading_inside_an_agenda_item() -> None:
    notes = """\
# 周会

日期：2024-06-19

## 1. 项目进展

- 整体进度正常

### 上次行动项跟进

- #Q3-7 进行中
- [ ] #2024-06-12-2 完成接口文档 — 负责人：研发部 张三 — 截止：2024-07-01

## 2. 新需求

- [ ] 李四整理需求清单，截止：6月28日
"""
    meeting = parse_notes(notes)
    assert [(update.task_id, update.status) for update in meeting.task_updates] == [
        ("Q3-7", "in_progress"),
        ("2024-06-12-2", None),
    ]
    assert [item.task for item in meeting.action_items] == ["李四整理需求清单"]
    assert [item.title for item in meeting.agenda] == ["项目进展", "新需求"]
    assert any("#Q3-7" in text for text in meeting.agenda[0].discussion)


def test_a_follow_up_label_line_in_notes_without_headings() -> None:
    notes = """\
Weekly sync
Date: 2024-07-03

Action items from last meeting:
- #Q3-7 done
- #Q3-8 in progress, moved to 2024-07-20

Action items:
- [ ] Dana to send the deck, due: 2024-07-10
"""
    meeting = parse_notes(notes)
    assert [(update.task_id, update.status) for update in meeting.task_updates] == [
        ("Q3-7", "done"),
        ("Q3-8", "in_progress"),
    ]
    assert [item.task for item in meeting.action_items] == ["Dana to send the deck"]


@pytest.mark.parametrize(
    ("written", "status", "due"),
    [
        ("- [ ] #2024-06-12-3 完成接口文档 — 负责人：研发部 张三 — 截止：2024-07-01 — 进行中", "in_progress", dt.date(2024, 7, 1)),
        ("- [ ] #2024-06-12-3 完成接口文档 — 负责人：研发部 张三 — 截止：2024-07-01 — 延期到7月20日", "delayed", dt.date(2024, 7, 20)),
        ("- [ ] #2024-06-12-3 完成介面文件 — 負責人：研發部 張三 — 截止：2024-07-01（進行中）", "in_progress", dt.date(2024, 7, 1)),
        ("- [ ] #2024-06-12-3 Finish the API document — Owner: R&D, Zhang San — Due: 2024-07-01 — blocked: waiting for legal", "needs_support", dt.date(2024, 7, 1)),
    ],
)
def test_a_minutes_next_line_with_the_recorders_words_added(written: str, status: str, due: dt.date) -> None:
    notes = f"# 周会\n\n日期：2024-06-19\n\n## 上次行动项跟进\n\n{written}\n"
    (update,) = parse_notes(notes).task_updates
    assert update.task_id == "2024-06-12-3"
    assert update.status == status
    assert update.due == due
