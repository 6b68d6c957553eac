"""Markdown notes → meeting model: every construct of the notes format, in the three languages."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest

from parsers import load_meeting, parse_notes
from parsers.language import detect_language
from parsers.people import parse_absentees, parse_attendees, parse_people, parse_person
from pipeline.model import Meeting

ROOT = Path(__file__).resolve().parent.parent

def parse(text: str) -> Meeting:
    return parse_notes(textwrap.dedent(text).lstrip("\n"))


def who(person: object) -> tuple[str | None, str | None] | None:
    if person is None:
        return None
    return (person.department, person.name)  # type: ignore[attr-defined]


SIMPLIFIED = """
# Q4营销活动筹备会

- 会议日期：2023年10月25日
- 会议时间：14:00-16:00
- 会议地点：公司3楼会议室A
- 所属项目：Q4营销活动筹备
- 主持人：市场部 张经理
- 记录人：市场部/周专员
- 参会人员：市场部：张经理、周专员；销售部：黄主管
- 列席：法务部 陈律师
- 缺席人员及原因：销售部 许经理（客户拜访，由黄主管代参会）
- 状态：最终版

## 议程1：活动目标与范围确认（14:00-14:20）

讨论要点：
1. 张经理介绍活动核心目标。
2. 黄主管反馈：需重点关注渠道商激励政策。

分歧：
- 设计部认为时间偏紧。

决议结果：活动范围锁定华东地区

行动项：
- [ ] 提交渠道商激励方案初稿；负责人：销售部 黄主管；截止：11月10日前；完成标准：经张经理审核
- [x] 发出会议通知，负责人：@市场部/周专员，截止：2023-10-26，标准：全员收到

## 附件

1. 《跨部门任务分配表》
2. Q4营销活动初步方案（V1.2）

## 风险

- 产品开发延期会推迟上线

## 下次会议

2023年11月1日 14:00，公司3楼会议室A
"""


def test_simplified_meeting_info() -> None:
    meeting = parse(SIMPLIFIED)
    assert meeting.title == "Q4营销活动筹备会"
    assert meeting.date == dt.date(2023, 10, 25)
    assert (meeting.start_time, meeting.end_time) == ("14:00", "16:00")
    assert meeting.location == "公司3楼会议室A"
    assert meeting.project == "Q4营销活动筹备"
    assert who(meeting.host) == ("市场部", "张经理")
    assert who(meeting.recorder) == ("市场部", "周专员")
    assert [(a.department, a.name, a.role) for a in meeting.attendees] == [
        ("市场部", "张经理", "attendee"),
        ("市场部", "周专员", "attendee"),
        ("销售部", "黄主管", "attendee"),
        ("法务部", "陈律师", "observer"),
    ]
    absentee = meeting.absentees[0]
    assert (absentee.department, absentee.name, absentee.reason, absentee.proxy) == (
        "销售部", "许经理", "客户拜访", "黄主管",
    )
    assert meeting.status == "final"
    assert meeting.language == "zh-Hans"
    assert meeting.info_lines["title"] == 1
    assert meeting.info_lines["date"] == 3
    assert meeting.info_lines["absentees"] == 11
    assert meeting.line_count == len(textwrap.dedent(SIMPLIFIED).lstrip("\n").splitlines())


def test_simplified_agenda_and_sections() -> None:
    meeting = parse(SIMPLIFIED)
    assert len(meeting.agenda) == 1
    item = meeting.agenda[0]
    assert item.title == "活动目标与范围确认"
    assert (item.start_time, item.end_time) == ("14:00", "14:20")
    assert item.discussion == ["张经理介绍活动核心目标。", "黄主管反馈：需重点关注渠道商激励政策。"]
    assert item.disagreements == ["设计部认为时间偏紧。"]
    assert item.resolutions == ["活动范围锁定华东地区"]
    assert (item.line, item.end_line) == (14, 27)
    spans = [(s.field, s.index, s.line, s.end_line) for s in item.spans]
    assert spans == [
        ("discussion", 0, 17, 17),
        ("discussion", 1, 18, 18),
        ("disagreements", 0, 21, 21),
        ("resolutions", 0, 23, 23),
    ]
    assert meeting.attachments == ["《跨部门任务分配表》", "Q4营销活动初步方案（V1.2）"]
    assert meeting.risks == ["产品开发延期会推迟上线"]
    assert meeting.next_meeting == "2023年11月1日 14:00，公司3楼会议室A"


def test_simplified_action_items() -> None:
    meeting = parse(SIMPLIFIED)
    first, second = meeting.action_items
    assert first.task == "提交渠道商激励方案初稿"
    assert who(first.owner) == ("销售部", "黄主管")
    assert first.owner_text == "销售部 黄主管"
    assert first.due == dt.date(2023, 11, 10)
    assert first.due_text == "11月10日前"
    assert first.acceptance == "经张经理审核"
    assert first.status == "not_started"
    assert (first.line, first.agenda_index) == (26, 0)
    assert second.task == "发出会议通知"
    assert who(second.owner) == ("市场部", "周专员")
    assert second.status == "done"
    assert second.acceptance == "全员收到"
    assert meeting.agenda[0].action_items == meeting.action_items


TRADITIONAL = """
# 週年慶活動籌備會議

會議日期：2024/04/12
會議時間：15：00－16：30
會議地點：台北信義門市二樓會議室
主持人：營運部 王經理
記錄人：營運部 蘇專員
參會人員：營運部：王經理、蘇專員；行銷部：林主任（列席）
缺席：採購部 吳課長（參加供應商大會，由林主任代為參會）
狀態：定稿

## 議程一、活動檔期與主題（15:00-15:30）

### 討論要點

1. 行銷部提出主題「感謝有你」。

### 決議結果

1. 檔期定為5月18日至5月26日。

### 行動項

- [ ] 週年慶主視覺及海報；負責人：行銷部 林主任；截止：四月二十六日；完成標準：經王經理確認；狀態：進行中

## 任務分配

| 序號 | 行動內容 | 負責部門 | 負責人 | 開始 | 截止時間 | 完成標準 | 當前狀態 | 備註 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | 保溫杯贈品採購 | 採購部 | 吳課長 | 4月15日 | 5月6日前 | 到貨驗收無破損 | 未開始 | - |
| 2 | 現場佈置 | 相關部門 | | | 盡快 | | 延期 | 等待物料 |
"""


def test_traditional_notes() -> None:
    meeting = parse(TRADITIONAL)
    assert meeting.title == "週年慶活動籌備會議"
    assert meeting.date == dt.date(2024, 4, 12)
    assert (meeting.start_time, meeting.end_time) == ("15:00", "16:30")
    assert meeting.status == "final"
    assert meeting.language == "zh-Hant"
    assert [(a.name, a.role) for a in meeting.attendees][-1] == ("林主任", "observer")
    absentee = meeting.absentees[0]
    assert (absentee.name, absentee.reason, absentee.proxy) == ("吳課長", "參加供應商大會", "林主任")
    item = meeting.agenda[0]
    assert item.title == "活動檔期與主題"
    assert item.discussion == ["行銷部提出主題「感謝有你」。"]
    assert item.resolutions == ["檔期定為5月18日至5月26日。"]
    assert [a.task for a in item.action_items] == ["週年慶主視覺及海報"]
    assert item.action_items[0].due == dt.date(2024, 4, 26)
    assert item.action_items[0].status == "in_progress"


def test_traditional_action_table() -> None:
    meeting = parse(TRADITIONAL)
    table_items = [a for a in meeting.action_items if a.agenda_index is None]
    cup, setup = table_items
    assert cup.task == "保溫杯贈品採購"
    assert who(cup.owner) == ("採購部", "吳課長")
    assert cup.start == dt.date(2024, 4, 15)
    assert cup.due == dt.date(2024, 5, 6)
    assert cup.acceptance == "到貨驗收無破損"
    assert cup.notes is None
    assert cup.line == 30
    assert setup.owner_text == "相關部門"
    assert who(setup.owner) == ("相關部門", None)
    assert setup.due is None and setup.due_text == "盡快"
    assert setup.status == "delayed"
    assert setup.notes == "等待物料"


ENGLISH = """
---
title: "Nova X2 Launch: Kickoff"
date: 2026-03-04
time: 10:00-11:30
location: Building B, Room 4.12
host: "Product: Sarah Chen"
recorder: Product/Tom Baker
attendees:
  - "R&D: Raj Patel"
  - "Marketing: Alice Wong, Dana Lee; Legal: Maria Garcia (observer)"
absent: "Sales: Tom Hill (customer visit; Jane Doe attends for him)"
status: draft
---

## Agenda 1: Launch scope (10:00–10:20)

**Discussion**
Raj: the core feature needs 15 working days.

Decisions:
- Launch date April 15, 2026.

Open questions:
- Whether to freeze the settings page.

Action items:
- [ ] UI mockups @Design/Emily Park due: D+3 done when: reviewed by R&D
- [ ] Core feature development; owner: R&D/Raj Patel; with: QA/Lin Wu; start: 2026-03-09; deadline: Mar 27; acceptance: no P1 bugs; status: in progress
  - Depends on the UI mockups.
  - 2026-03-06: spike finished, no blocker found
  - Mar 20: feature complete

## Action items

- [ ] Legal review of launch copy; owner: Legal/Maria Garcia; due: next Friday; done when: written sign-off
- [ ] Contract check, owner: Sales: Tom Hill and Jane Doe, due: TBD
"""


def test_english_front_matter() -> None:
    meeting = parse(ENGLISH)
    assert meeting.title == "Nova X2 Launch: Kickoff"
    assert meeting.date == dt.date(2026, 3, 4)
    assert (meeting.start_time, meeting.end_time) == ("10:00", "11:30")
    assert meeting.location == "Building B, Room 4.12"
    assert who(meeting.host) == ("Product", "Sarah Chen")
    assert who(meeting.recorder) == ("Product", "Tom Baker")
    assert [(a.department, a.name, a.role) for a in meeting.attendees] == [
        ("R&D", "Raj Patel", "attendee"),
        ("Marketing", "Alice Wong", "attendee"),
        ("Marketing", "Dana Lee", "attendee"),
        ("Legal", "Maria Garcia", "observer"),
    ]
    absentee = meeting.absentees[0]
    assert (absentee.department, absentee.name, absentee.reason, absentee.proxy) == (
        "Sales", "Tom Hill", "customer visit", "Jane Doe",
    )
    assert meeting.info_lines["title"] == 2
    assert meeting.info_lines["absentees"] == 11
    assert meeting.status == "draft"
    assert meeting.language == "en"


def test_english_agenda_with_bold_and_colon_labels() -> None:
    meeting = parse(ENGLISH)
    item = meeting.agenda[0]
    assert item.title == "Launch scope"
    assert (item.start_time, item.end_time) == ("10:00", "10:20")
    assert item.discussion == ["Raj: the core feature needs 15 working days."]
    assert item.resolutions == ["Launch date April 15, 2026."]
    assert item.disagreements == ["Whether to freeze the settings page."]
    assert item.spans[0].line == 18


def test_english_action_items() -> None:
    meeting = parse(ENGLISH)
    mockups, core, legal, contract = meeting.action_items
    assert mockups.task == "UI mockups"
    assert who(mockups.owner) == ("Design", "Emily Park")
    assert mockups.due == dt.date(2026, 3, 7)
    assert mockups.acceptance == "reviewed by R&D"
    assert who(core.owner) == ("R&D", "Raj Patel")
    assert [who(p) for p in core.collaborators] == [("QA", "Lin Wu")]
    assert core.start == dt.date(2026, 3, 9)
    assert core.due == dt.date(2026, 3, 27)
    assert core.status == "in_progress"
    assert core.description == "Depends on the UI mockups."
    assert [(p.date, p.text) for p in core.progress] == [(dt.date(2026, 3, 6), "spike finished, no blocker found")]
    assert [(m.date, m.text) for m in core.milestones] == [(dt.date(2026, 3, 20), "feature complete")]
    assert (core.line, core.end_line) == (28, 31)
    assert legal.agenda_index is None
    assert legal.due == dt.date(2026, 3, 13)
    assert who(contract.owner) == ("Sales", "Tom Hill")
    assert [who(p) for p in contract.co_owners] == [(None, "Jane Doe")]
    assert contract.due is None and contract.due_text == "TBD"


def test_json_output_is_utf8_with_contract_field_names() -> None:
    data = json.loads(parse(SIMPLIFIED).to_json())
    assert "张经理" in parse(SIMPLIFIED).to_json()
    for key in ("title", "date", "start_time", "end_time", "location", "project", "host", "recorder",
                "attendees", "absentees", "agenda", "action_items", "attachments", "status", "language",
                "info_lines", "risks", "next_meeting", "line_count"):
        assert key in data
    action = data["action_items"][0]
    for key in ("task", "owner", "co_owners", "collaborators", "start", "due", "due_text", "description",
                "milestones", "resources", "acceptance", "progress", "risks", "status", "notes", "line",
                "end_line", "owner_text", "start_text", "agenda_index"):
        assert key in action
    assert action["due"] == "2023-11-10"


def test_plain_info_paragraph_with_two_keys_on_a_line() -> None:
    meeting = parse(
        """
        # 周例会
        日期：2023年11月20日（周一） 时间：10:00-10:40
        地点：6楼小会议室
        主持人：市场部 张经理 记录人：设计部 陈主管

        ## 进度
        - 一切正常
        """
    )
    assert meeting.date == dt.date(2023, 11, 20)
    assert meeting.start_time == "10:00"
    assert meeting.location == "6楼小会议室"
    assert who(meeting.host) == ("市场部", "张经理")
    assert who(meeting.recorder) == ("设计部", "陈主管")
    assert meeting.info_lines["recorder"] == 4


def test_date_value_carrying_the_time() -> None:
    meeting = parse("会议名称：复盘会\n日期：2023年10月25日 14:00-16:00\n")
    assert meeting.title == "复盘会"
    assert meeting.date == dt.date(2023, 10, 25)
    assert (meeting.start_time, meeting.end_time) == ("14:00", "16:00")


def test_info_table_and_agenda_table() -> None:
    meeting = parse(
        """
        # 会议记录

        | 项目 | 内容 |
        | --- | --- |
        | 会议名称 | Q3产品上线跨部门协调会 |
        | 会议日期 | 2023-07-06 |
        | 主持人 | 产品部*经理 |

        ## 会议议程与讨论摘要

        | 序号 | 议程主题 | 讨论要点摘要 | 关键决议 |
        | --- | --- | --- | --- |
        | 1 | 议题1：产品排期确认 | 研发部：技术改造需2周 | 分阶段交付 |
        """
    )
    assert meeting.title == "Q3产品上线跨部门协调会"
    assert meeting.project is None
    assert meeting.date == dt.date(2023, 7, 6)
    assert who(meeting.host) == ("产品部", "*经理")
    assert [(a.title, a.discussion, a.resolutions, a.line) for a in meeting.agenda] == [
        ("产品排期确认", ["研发部：技术改造需2周"], ["分阶段交付"], 13)
    ]


@pytest.mark.parametrize(
    ("heading", "title", "times"),
    [
        ("## 议程1：活动目标", "活动目标", (None, None)),
        ("## 議程一、活動目標", "活動目標", (None, None)),
        ("## 一、活动目标（14:00-14:20）", "活动目标", ("14:00", "14:20")),
        ("## 1. 活动目标", "活动目标", (None, None)),
        ("## 1、活动目标", "活动目标", (None, None)),
        ("## Agenda 2: Budget (14:00–14:20)", "Budget", ("14:00", "14:20")),
        ("## Item 3 - Hiring", "Hiring", (None, None)),
        ("## 2️⃣ 下场准备", "下场准备", (None, None)),
        ("## 议程3：风险评估", "风险评估", (None, None)),
    ],
)
def test_agenda_heading_numbering_and_time_slot(heading: str, title: str, times: tuple[str | None, str | None]) -> None:
    meeting = parse(f"# 会\n\n{heading}\n\n- 讨论内容\n")
    assert [(a.title, a.start_time, a.end_time) for a in meeting.agenda] == [(title, *times)]


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("## 附件", "attachments"),
        ("## Attachments", "attachments"),
        ("## 风险", "risks"),
        ("## 風險", "risks"),
        ("## Risks", "risks"),
        ("## 下次会议", "next_meeting"),
        ("## Next meeting", "next_meeting"),
    ],
)
def test_named_sections_are_not_agenda_items(heading: str, field: str) -> None:
    meeting = parse(f"# 会\n\n{heading}\n\n- 文本一\n")
    assert meeting.agenda == []
    value = getattr(meeting, field)
    assert value in (["文本一"], "文本一")


@pytest.mark.parametrize(
    "label",
    ["**决议**", "**决议：**", "**決議結果：**", "决议：", "Decisions:", "**Decisions**", "### 共识", "#### Agreed"],
)
def test_resolution_labels_whatever_the_emphasis(label: str) -> None:
    meeting = parse(f"# 会\n\n## 议题\n\n讨论一\n\n{label}\n\n- 锁定华东\n")
    assert meeting.agenda[0].discussion == ["讨论一"]
    assert meeting.agenda[0].resolutions == ["锁定华东"]


def test_bold_labels_followed_by_text_in_the_same_paragraph() -> None:
    meeting = parse(
        """
        # Q1 close

        ## Revenue recognition

        **Discussion**
        Three deals were signed on March 31.
        **Decisions**
        Book them in Q1.
        **Action items**
        - [ ] Restate the deals — owner: Finance/Marcus Webb — due: this Friday
        """
    )
    item = meeting.agenda[0]
    assert item.discussion == ["Three deals were signed on March 31."]
    assert item.resolutions == ["Book them in Q1."]
    action = item.action_items[0]
    assert action.task == "Restate the deals"
    assert who(action.owner) == ("Finance", "Marcus Webb")
    assert action.due_text == "this Friday"


def test_label_with_text_on_the_same_line_and_inline_numbering() -> None:
    meeting = parse("# 会\n\n## 议题\n\n决议结果：1.活动范围锁定华东地区；2.销售部11月10日前提交方案。\n讨论：补充说明\n")
    item = meeting.agenda[0]
    assert item.resolutions == ["活动范围锁定华东地区；", "销售部11月10日前提交方案。"]
    assert item.discussion == ["补充说明"]
    assert [s.line for s in item.spans] == [5, 5, 6]


def test_nested_label_lists() -> None:
    meeting = parse(
        """
        # 会

        ## 议题
        - 讨论要点：
          - 观点一
          - 观点二
        - 决议：同意方案
        - 行动项：
          - 整理方案，负责人：张三，截止：2023-11-01
        """
    )
    item = meeting.agenda[0]
    assert item.discussion == ["观点一", "观点二"]
    assert item.resolutions == ["同意方案"]
    assert [(a.task, a.owner_text, a.line) for a in item.action_items] == [("整理方案", "张三", 9)]


def test_loose_list_with_fields_as_separate_paragraphs() -> None:
    meeting = parse(
        """
        # 会

        ## 议题

        任务：

        - [ ] 入职名单模板

          负责人：人力资源部 冯小雨

          截止：本周五

        - [ ] 账号准备清单 负责人：IT部 蒋涛 截止：D+3
        """
    )
    first, second = meeting.action_items
    assert first.task == "入职名单模板"
    assert who(first.owner) == ("人力资源部", "冯小雨")
    assert first.due_text == "本周五"
    assert (first.line, first.end_line) == (7, 11)
    assert who(second.owner) == ("IT部", "蒋涛")
    assert second.due_text == "D+3"


def test_owner_field_variants() -> None:
    meeting = parse(
        """
        # 会

        ## 行动项
        - [ ] 任务甲 負責人：銷售部 黃主管
        - [ ] 任务乙 @Legal/Maria Garcia due: Dec 2
        - [ ] 任务丙；负责人：运营部/法务部；截止：12月1日
        - [ ] 任务丁；负责人：张三、李四
        - [ ] 任务戊；负责人：相关部门
        - [ ] 任务己；协同：市场部 周专员（提供文案）；负责人：设计部 陈主管
        - [ ] 任务庚；DDL 11.15；负责人：研发部/王磊
        """
    )
    items = meeting.action_items
    assert who(items[0].owner) == ("銷售部", "黃主管")
    assert who(items[1].owner) == ("Legal", "Maria Garcia")
    assert items[1].owner_text == "@Legal/Maria Garcia"
    assert [who(items[2].owner), *map(who, items[2].co_owners)] == [("运营部", None), ("法务部", None)]
    assert [who(items[3].owner), *map(who, items[3].co_owners)] == [(None, "张三"), (None, "李四")]
    assert items[4].owner_text == "相关部门"
    assert [who(p) for p in items[5].collaborators] == [("市场部", "周专员")]
    assert who(items[5].owner) == ("设计部", "陈主管")
    assert items[6].due_text == "11.15"
    assert who(items[6].owner) == ("研发部", "王磊")


def test_top_level_action_section_as_ordered_list() -> None:
    meeting = parse(
        """
        # 周会 11.15

        日期：2023-11-15

        ## 行动项

        1. 联系打印机维修商 —— 行政部 小刘，周五前
        2. 年会节目报名催一下
        3. 整理年会预算，负责人：财务部 刘会计，截止：11月30日，标准：预算表交总经理签字
        """
    )
    first, second, third = meeting.action_items
    assert (first.task, who(first.owner), first.due) == ("联系打印机维修商", ("行政部", "小刘"), dt.date(2023, 11, 17))
    assert (second.task, second.owner, second.due) == ("年会节目报名催一下", None, None)
    assert (third.task, third.due, third.acceptance) == ("整理年会预算", dt.date(2023, 11, 30), "预算表交总经理签字")
    assert [a.agenda_index for a in meeting.action_items] == [None, None, None]


def test_nested_action_details_in_chinese() -> None:
    meeting = parse(
        """
        # 会
        日期：2023年10月25日

        ## 行动项
        - [ ] 活动宣传主视觉设计
          - 负责人：设计部 陈主管
          - 描述：设计线上及线下宣传物料主视觉
          - 11月15日：市场部提交文案
          - 里程碑：11月22日：输出初稿；11月25日：定稿
          - 资源：
            - 预算5000元
          - 进度：
            - 2023-11-12：已完成品牌规范整理
          - 2023-11-18：收到产品实拍图
          - 风险：文案延期影响初稿
          - 状态：需支持
          - 备注：每周五更新
        """
    )
    item = meeting.action_items[0]
    assert item.description == "设计线上及线下宣传物料主视觉"
    assert [(m.date, m.text) for m in item.milestones] == [
        (dt.date(2023, 11, 15), "市场部提交文案"),
        (dt.date(2023, 11, 22), "输出初稿"),
        (dt.date(2023, 11, 25), "定稿"),
    ]
    assert item.resources == ["预算5000元"]
    assert [(p.date, p.text) for p in item.progress] == [
        (dt.date(2023, 11, 12), "已完成品牌规范整理"),
        (dt.date(2023, 11, 18), "收到产品实拍图"),
    ]
    assert item.risks == ["文案延期影响初稿"]
    assert item.status == "needs_support"
    assert item.notes == "每周五更新"
    assert (item.line, item.end_line) == (5, 17)


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("未开始", "not_started"), ("未開始", "not_started"), ("进行中", "in_progress"), ("進行中", "in_progress"),
        ("已完成", "done"), ("完成", "done"), ("延期", "delayed"), ("需支持", "needs_support"),
        ("已取消", "cancelled"), ("取消", "cancelled"), ("in progress", "in_progress"), ("Done", "done"),
        ("blocked", "needs_support"), ("进行中（50%）", "in_progress"),
    ],
)
def test_action_status_words(written: str, status: str) -> None:
    meeting = parse(f"# 会\n\n## 行动项\n- [ ] 任务；负责人：张三；状态：{written}\n")
    assert meeting.action_items[0].status == status


def test_action_table_in_english_with_columns_in_any_order() -> None:
    meeting = parse(
        """
        # Safety walkthrough

        Date: 2025-01-09

        ## Action items

        | Owner | Task | Due | Status | Done when |
        | --- | --- | --- | --- | --- |
        | Facilities / Omar Haddad | Clear fire exits | 2025-01-09 | done | photos filed |
        | Facilities | Repair lights | within 2 weeks | not started | |
        """
    )
    first, second = meeting.action_items
    assert (first.task, who(first.owner), first.status, first.acceptance) == (
        "Clear fire exits", ("Facilities", "Omar Haddad"), "done", "photos filed",
    )
    assert (second.owner_text, second.due, second.acceptance) == ("Facilities", dt.date(2025, 1, 23), None)
    assert [a.line for a in meeting.action_items] == [9, 10]


def test_action_table_pairs_departments_with_owners() -> None:
    meeting = parse(
        """
        ## 行动项跟踪表

        | 序号 | 行动内容 | 负责部门 | 负责人 | 截止时间 |
        | --- | --- | --- | --- | --- |
        | 3 | 物流流程优化方案及合同审核 | 运营部/法务部 | 林主管/杨律师 | 2023-07-25 |
        """
    )
    item = meeting.action_items[0]
    assert [who(item.owner), *map(who, item.co_owners)] == [("运营部", "林主管"), ("法务部", "杨律师")]


def test_owner_department_comes_from_the_attendee_list() -> None:
    meeting = parse("参会人员：研发部：王磊、孙悦\n\n## 行动项\n- [ ] 接口文档；**负责人：**王磊\n")
    assert who(meeting.action_items[0].owner) == ("研发部", "王磊")


def test_no_owner_or_date_is_never_invented() -> None:
    meeting = parse("# 会\n\n## 议题\n\n行动项：\n- [ ] 整理资料\n")
    item = meeting.action_items[0]
    assert item.owner is None and item.owner_text is None
    assert item.due is None and item.due_text is None
    assert item.acceptance is None


def test_user_words_are_kept_and_control_characters_dropped() -> None:
    meeting = parse("# 會議\u000b紀要 <script>\n\n## 議題\n\n- 價格 < 100 & {{ x }} 保持原樣\n")
    assert meeting.title == "會議紀要 <script>"
    assert meeting.agenda[0].discussion == ["價格 < 100 & {{ x }} 保持原樣"]


def test_no_title_and_no_info_is_fine() -> None:
    meeting = parse("just some text\n")
    assert meeting.title is None and meeting.date is None
    assert meeting.action_items == []
    # notes without headings keep their words: one untitled item holds them
    assert [(item.title, item.discussion) for item in meeting.agenda] == [("", ["just some text"])]
    assert meeting.line_count == 1


def test_info_lines_below_the_agenda_never_replace_the_meeting_info() -> None:
    meeting = parse("# 会\n\n日期：2023-03-01\n\n## 议题\n\n日期：2023-01-01\n")
    assert meeting.date == dt.date(2023, 3, 1)
    assert meeting.agenda[0].discussion == ["日期：2023-01-01"]


@pytest.mark.parametrize(
    "notes",
    [
        "# 周会\n\n## 讨论\n\n- 接口联调\n\n日期：2023/01/05\n时间：14:00-15:00\n",
        "# 週會\n\n## 討論\n\n- 介面聯調\n\n日期：2023/01/05\n時間：14:00-15:00\n",
        "# Weekly sync\n\n## Discussion\n\n- API testing\n\nDate: 2023-01-05\nTime: 14:00-15:00\n",
    ],
)
def test_meeting_date_and_time_written_at_the_end_of_the_notes(notes: str) -> None:
    meeting = parse(notes)
    assert (meeting.date, meeting.start_time, meeting.end_time) == (dt.date(2023, 1, 5), "14:00", "15:00")
    assert meeting.info_lines["date"] == 7


def test_meeting_info_section_heading() -> None:
    meeting = parse("# 会\n\n## 会议基本信息\n\n- 会议日期：2023-10-25\n- 主持人：市场部 张经理\n\n## 议题一\n\n- 内容\n")
    assert meeting.date == dt.date(2023, 10, 25)
    assert who(meeting.host) == ("市场部", "张经理")
    assert [a.title for a in meeting.agenda] == ["议题一"]


def test_agenda_container_with_third_level_items() -> None:
    meeting = parse(
        """
        # 会

        ## 会议议程与讨论记录

        ### 议程1：活动目标（14:00-14:20）

        #### 讨论要点
        - 观点

        #### 决议
        - 同意

        ### 议程2：分工

        - 具体分工
        """
    )
    assert [(a.title, a.start_time, a.discussion, a.resolutions) for a in meeting.agenda] == [
        ("活动目标", "14:00", ["观点"], ["同意"]),
        ("分工", None, ["具体分工"], []),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市场部 张经理", ("市场部", "张经理")),
        ("市场部/周专员", ("市场部", "周专员")),
        ("市场部*经理", ("市场部", "*经理")),
        ("@市场部/周专员", ("市场部", "周专员")),
        ("@Legal/Maria Garcia", ("Legal", "Maria Garcia")),
        ("Maria Garcia (Legal)", ("Legal", "Maria Garcia")),
        ("销售部许经理", ("销售部", "许经理")),
        ("研发中心 蔡经理", ("研发中心", "蔡经理")),
        ("Customer Service Ben Carter", ("Customer Service", "Ben Carter")),
        ("Alice Wong", (None, "Alice Wong")),
        ("张三", (None, "张三")),
        ("相关部门", ("相关部门", None)),
        ("Facilities", ("Facilities", None)),
        ("Strategy Office", ("Strategy Office", None)),
        ("Strategy Office/Grace Kim", ("Strategy Office", "Grace Kim")),
        ("R&D/Raj Patel", ("R&D", "Raj Patel")),
        ("門市", ("門市", None)),
        ("门店 张店长", ("门店", "张店长")),
        ("外部顾问", (None, "外部顾问")),
        ("内部审核组", ("内部审核组", None)),
        ("全部", (None, "全部")),
    ],
)
def test_person_strings(text: str, expected: tuple[str | None, str | None]) -> None:
    assert who(parse_person(text)) == expected


def test_people_lists() -> None:
    assert [who(p) for p in parse_people("张三、李四")] == [(None, "张三"), (None, "李四")]
    assert [who(p) for p in parse_people("运营部/法务部")] == [("运营部", None), ("法务部", None)]
    assert [who(p) for p in parse_people("Kevin Wang / Lily Chen")] == [(None, "Kevin Wang"), (None, "Lily Chen")]
    assert parse_person("无") is None
    # two people named by surname and title, as the seed tables write 林主管/杨律师
    assert [who(p) for p in parse_people("林主管/杨律师")] == [(None, "林主管"), (None, "杨律师")]
    # a bracket after a department that starts with a person names that person
    assert [who(p) for p in parse_people("行銷部（周專員提供文案、品牌規範）、門市")] == [
        ("行銷部", "周專員"),
        ("門市", None),
    ]
    # a bracket that only describes the part played is not a person
    assert [who(p) for p in parse_people("张三、李四（审核）")] == [(None, "张三"), (None, "李四")]


def test_attendee_and_absentee_strings() -> None:
    attendees = parse_attendees("Marketing: Alice Wong, Dana Lee; Legal: Maria Garcia (observer)")
    assert [(a.department, a.name, a.role) for a in attendees] == [
        ("Marketing", "Alice Wong", "attendee"),
        ("Marketing", "Dana Lee", "attendee"),
        ("Legal", "Maria Garcia", "observer"),
    ]
    attendees = parse_attendees("市场部：张经理、李专员；销售部：王主管（列席）")
    assert [(a.department, a.name, a.role) for a in attendees][-1] == ("销售部", "王主管", "observer")
    absentees = parse_absentees("销售部经理因客户拜访缺席")
    assert [(a.department, a.name, a.reason) for a in absentees] == [("销售部", "经理", "客户拜访")]
    assert parse_absentees("无") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("会议纪要：讨论了项目进度与责任分工，决议如下。", "zh-Hans"),
        ("會議紀要：討論了項目進度與責任分工，決議如下。", "zh-Hant"),
        ("Minutes of the launch meeting: scope, owners and dates were agreed.", "en"),
        ("Meeting with 张经理 about the launch plan and the budget for next year.", "en"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_gbk_crlf_file_gives_the_same_model_and_lines(tmp_path: Path) -> None:
    lf = textwrap.dedent(SIMPLIFIED).lstrip("\n")
    path = tmp_path / "notes.md"
    path.write_bytes(lf.replace("\n", "\r\n").encode("gbk"))
    meeting, text = load_meeting(path)
    assert text == lf
    assert meeting == parse_notes(lf)
    assert meeting.action_items[0].line == 26


def test_asterisk_placeholders_in_names_are_kept() -> None:
    meeting = parse("主持人：市场部*经理\n参会人员：市场部：*经理、*专员；销售部：*主管\n")
    assert who(meeting.host) == ("市场部", "*经理")
    assert [a.name for a in meeting.attendees] == ["*经理", "*专员", "*主管"]


def test_two_titled_owners_get_their_departments_from_the_attendees() -> None:
    meeting = parse(
        """
        # 协调会
        日期：2023-07-06
        参会人员：运营部：林主管；法务部：杨律师

        ## 行动项

        - [ ] 合同审核；负责人：林主管/杨律师；截止：7月25日
        """
    )
    item = meeting.action_items[0]
    assert [who(p) for p in [item.owner, *item.co_owners]] == [("运营部", "林主管"), ("法务部", "杨律师")]


def test_checker_comments_are_never_tasks_or_text() -> None:
    meeting = parse(
        """
        # 周会
        日期：2024-01-10

        ## 议程1：进度

        讨论：
        - 进度正常 <!-- minutes-disable-line vague-term -->

        行动项：
        <!-- minutes-disable-next-line vague-term -->
        - [ ] 尽快整理清单；负责人：行政部 小刘；截止：1月12日

        ## 行动项

        <!-- minutes-disable-next-line owner -->
        - [ ] 跟进报价；负责人：销售部 王强；截止：1月20日
        <!--
        minutes-disable vague-term
        -->
        - [ ] 发送纪要；负责人：行政部 小刘；截止：1月11日
        """
    )
    assert [(a.line, a.task) for a in meeting.action_items] == [
        (11, "尽快整理清单"),
        (16, "跟进报价"),
        (20, "发送纪要"),
    ]
    assert all(a.description is None for a in meeting.action_items)
    assert meeting.agenda[0].discussion == ["进度正常"]


def test_line_break_in_a_table_cell_after_punctuation_adds_no_separator() -> None:
    meeting = parse(
        """
        ## 行动项

        | 任务 | 负责人 | 完成标准 |
        | --- | --- | --- |
        | 补拍色卡 | 电商部 潘婷 | 全部补拍，<br>上传详情页 |
        | 补拍尺码 | 电商部 潘婷 | 全部补拍<br/>上传详情页 |
        """
    )
    assert [a.acceptance for a in meeting.action_items] == ["全部补拍，上传详情页", "全部补拍；上传详情页"]


def test_speaker_lines_under_an_arrangements_heading() -> None:
    meeting = parse(
        """
        # 周会
        日期：2024-01-08
        参会：张总、王强（市场部）

        ## 会后安排

        张总：下周一前把报价发给客户
        王强：春节海报 DDL 1/15
        目标：提升华南销量
        """
    )
    quote, poster, goal = meeting.action_items
    assert (quote.task, who(quote.owner), quote.due) == ("把报价发给客户", (None, "张总"), dt.date(2024, 1, 15))
    assert (poster.task, who(poster.owner), poster.due) == ("春节海报", ("市场部", "王强"), dt.date(2024, 1, 15))
    # "目标" is nobody at the meeting: the line stays whole, with no owner invented
    assert (goal.task, goal.owner, goal.due) == ("目标：提升华南销量", None, None)


def test_english_owner_after_a_dash_and_bracketed_fields() -> None:
    meeting = parse(
        """
        Date: 10 January 2024
        Attendees: Peter Hall (Finance)

        ## Actions

        - Publish the new PO rule. Owner - Jane (Finance), by Jan 20
        - Action: list late invoices [Owner: Peter Hall] [Due: Jan 17]
        - Supplier letter [Owner: Sam Reed / Procurement] [Due: end of January]
        - Look into a scanning tool - Procurement, sometime in Q1
        """
    )
    rule, invoices, letter, scanning = meeting.action_items
    assert (rule.task, who(rule.owner), rule.due) == ("Publish the new PO rule", ("Finance", "Jane"), dt.date(2024, 1, 20))
    assert (invoices.task, who(invoices.owner)) == ("list late invoices", ("Finance", "Peter Hall"))
    assert (who(letter.owner), letter.due) == (("Procurement", "Sam Reed"), dt.date(2024, 1, 31))
    assert (who(scanning.owner), scanning.due, scanning.due_text) == (("Procurement", None), None, "sometime in Q1")


def test_a_list_of_tasks_with_no_heading_is_read_as_action_items() -> None:
    meeting = parse(
        """
        日期：2024-01-18

        1. 装修队进场 —— 工程部 老马，1月22日
        2. 申请停业公告
        """
    )
    assert [(a.task, who(a.owner), a.due) for a in meeting.action_items] == [
        ("装修队进场", ("工程部", "老马"), dt.date(2024, 1, 22)),
        ("申请停业公告", None, None),
    ]


def test_a_list_that_explains_fields_is_not_action_items() -> None:
    meeting = parse(
        """
        # 填写说明

        - **负责人**：部门和姓名
        - **截止**：日期
        """
    )
    assert meeting.action_items == []


def test_numbered_part_with_tasks_in_prose_and_empty_template_lines() -> None:
    meeting = parse(
        """
        时间：2024年2月26日 9:30-10:30

        二、分工
        1、主持稿由品牌部小何负责，3月5日前完成初稿；
        2、邀请名单由销售部周经理负责，3月8日前确认。

        三、下次会议时间另行通知。

        ## 行动项
        - [ ]
        - [ ] 整理遗留问题；负责人：；截止：
        """
    )
    assert [(a.task, who(a.owner), a.due) for a in meeting.action_items] == [
        ("主持稿由品牌部小何负责，3月5日前完成初稿", ("品牌部", "小何"), dt.date(2024, 3, 5)),
        ("邀请名单由销售部周经理负责，3月8日前确认", ("销售部", "周经理"), dt.date(2024, 3, 8)),
        ("整理遗留问题", None, None),
    ]


def test_bullet_characters_open_labels_and_tasks() -> None:
    meeting = parse(
        """
        ## 一、業績

        ▲ 北區達成率 92%
        ●決議：目標不調整

        ## 三、待辦事項

        ●輔導方案｜負責人：業務部 王主任｜期限：4/30
        """
    )
    assert meeting.agenda[0].discussion == ["北區達成率 92%"]
    assert meeting.agenda[0].resolutions == ["目標不調整"]
    assert [(a.task, who(a.owner)) for a in meeting.action_items] == [("輔導方案", ("業務部", "王主任"))]


def test_rule_marks_hr_quote_and_fence_are_still_read() -> None:
    meeting = parse(
        """
        ## 议程1：进度

        讨论要点：
        - 进度正常

        ---

        > 张经理：下周再议

        ```
        原始日志 14:00
        ```
        """
    )
    assert meeting.agenda[0].discussion == ["进度正常", "张经理：下周再议", "原始日志 14:00"]


@pytest.mark.parametrize(
    "path",
    sorted([*ROOT.glob("samples/*.md"), *ROOT.glob("tests/corpus/c*.md"), *ROOT.glob("tests/unseen/*.md")]),
    ids=lambda p: p.name,
)
def test_leaving_out_block_rules_that_cannot_match_changes_no_token(path: Path) -> None:
    from parsers import read_notes
    from parsers.markdown_notes import _markdown, markdown_for

    text = read_notes(path)
    every_rule = [(t.type, t.map, t.content) for t in _markdown(frozenset()).parse(text)]
    assert [(t.type, t.map, t.content) for t in markdown_for(text).parse(text)] == every_rule
