"""The fields of a formal record (纪要): number, 签发, 审核, 分送, 抄送, 印发, 密级, 開會事由.

Read from information lines and from YAML front matter, each with its line. Every
note here is made up.
"""

from __future__ import annotations

import datetime as dt

from parsers import parse_notes
from parsers.explain import explain_lines
from pipeline.model import Person

SIMPLIFIED = """\
# 研发中心月度例会纪要

〔2024〕3号

开会事由：审议第三季度研发计划
日期：2024-07-03
签发：研发中心 王强
审核：办公室 李娜
分送：各部门、财务处；办公室
抄送：集团总部
印发机关：研发中心办公室
印发日期：2024年7月5日
密级：内部

## 议题一：季度计划

- 决议：通过季度计划
"""

TRADITIONAL = """\
# 總務委員會會議紀錄

- 紀要編號：第12期
- 開會事由：討論年度修繕預算
- 會議日期：2024年7月3日
- 簽發：總務處 陳經理
- 審核：秘書室 林專員
- 發送：各委員，管委會
- 副本：物業公司
- 印發機關：總務處
- 印發日期：2024年7月8日
- 密級：普通

## 一、修繕預算

- 決議：照案通過
"""

ENGLISH_FRONT_MATTER = """\
---
title: Quarterly review
date: 2024-07-03
Minutes No.: QR-2024-03
Approved by: Operations, Ana Lee
Reviewed by: Dana Wu
Distribution: [Sales, Legal, Finance]
cc: Board office
Issued by: Operations office
Date of issue: 2024-07-05
Classification: Confidential
Purpose: review the Q2 results
---

## Results

- Agreed to keep the budget.
"""


def test_simplified_record_fields_from_information_lines() -> None:
    meeting = parse_notes(SIMPLIFIED)
    assert meeting.document_number == "〔2024〕3号"
    assert meeting.purpose == "审议第三季度研发计划"
    assert meeting.issuer == Person(department="研发中心", name="王强")
    assert meeting.reviewer == Person(department="办公室", name="李娜")
    assert meeting.distribution == ["各部门", "财务处", "办公室"]
    assert meeting.copy_to == ["集团总部"]
    assert meeting.printed_by == "研发中心办公室"
    assert meeting.printed_on == dt.date(2024, 7, 5)
    assert meeting.classification == "内部"
    assert meeting.title == "研发中心月度例会纪要"
    assert meeting.info_lines["document_number"] == 3
    assert meeting.info_lines["copy_to"] == 10
    assert meeting.info_lines["classification"] == 13


def test_traditional_record_fields_from_a_list() -> None:
    meeting = parse_notes(TRADITIONAL)
    assert meeting.document_number == "第12期"
    assert meeting.purpose == "討論年度修繕預算"
    assert meeting.issuer == Person(department="總務處", name="陳經理")
    assert meeting.reviewer == Person(department="秘書室", name="林專員")
    assert meeting.distribution == ["各委員", "管委會"]
    assert meeting.copy_to == ["物業公司"]
    assert meeting.printed_by == "總務處"
    assert meeting.printed_on == dt.date(2024, 7, 8)
    assert meeting.classification == "普通"
    assert meeting.info_lines["issuer"] == 6


def test_english_record_fields_from_front_matter() -> None:
    meeting = parse_notes(ENGLISH_FRONT_MATTER)
    assert meeting.document_number == "QR-2024-03"
    assert meeting.issuer == Person(department="Operations", name="Ana Lee")
    assert meeting.reviewer == Person(name="Dana Wu")
    assert meeting.distribution == ["Sales", "Legal", "Finance"]
    assert meeting.copy_to == ["Board office"]
    assert meeting.printed_by == "Operations office"
    assert meeting.printed_on == dt.date(2024, 7, 5)
    assert meeting.classification == "Confidential"
    assert meeting.purpose == "review the Q2 results"
    assert meeting.info_lines["purpose"] == 12


def test_absent_fields_stay_empty() -> None:
    meeting = parse_notes("# 周会\n\n日期：2024-07-03\n\n## 议题\n\n- 讨论了排期\n")
    assert meeting.document_number is None and meeting.issuer is None and meeting.reviewer is None
    assert meeting.distribution == [] and meeting.copy_to == []
    assert meeting.printed_by is None and meeting.printed_on is None
    assert meeting.classification is None and meeting.purpose is None


def test_the_purpose_names_the_meeting_when_nothing_else_does() -> None:
    meeting = parse_notes("開會事由：討論年度預算\n會議日期：2024年7月3日\n\n## 一、預算\n\n- 照案通過\n")
    assert meeting.purpose == "討論年度預算"
    assert meeting.title == "討論年度預算"


def test_a_task_table_numbered_in_its_first_column_is_no_record_number() -> None:
    notes = "日期：2024-07-03\n\n| 编号 | 任务 | 负责人 | 截止 |\n| --- | --- | --- | --- |\n| 1 | 整理需求 | 张三 | 7月10日 |\n"
    meeting = parse_notes(notes)
    assert meeting.document_number is None
    assert [item.task for item in meeting.action_items] == ["整理需求"]


def test_explain_shows_the_record_fields() -> None:
    lines = {line.line: line for line in explain_lines(SIMPLIFIED)}
    assert lines[3].margin == "info: document_number"
    assert lines[7].margin == "info: issuer"
    assert lines[12].margin == "info: printed_on"


def test_recipients_and_issue_lines_at_the_end_of_the_record() -> None:
    notes = """\
# 總務委員會會議紀錄

會議日期：2024年7月3日

## 一、修繕預算

- 決議：照案通過

分送：各委員、管委會
副本：物業公司
印發機關：總務處
印發日期：2024年7月8日
"""
    meeting = parse_notes(notes)
    assert meeting.distribution == ["各委員", "管委會"]
    assert meeting.copy_to == ["物業公司"]
    assert meeting.printed_by == "總務處"
    assert meeting.printed_on == dt.date(2024, 7, 8)
    assert meeting.agenda[0].discussion == []
    assert meeting.agenda[0].resolutions == ["照案通過"]


def test_a_to_line_among_the_minutes_is_no_distribution() -> None:
    notes = "# Weekly\n\nDate: 2024-07-03\n\n## Plans\n\n- To: ask legal about the contract\n"
    meeting = parse_notes(notes)
    assert meeting.distribution == []
