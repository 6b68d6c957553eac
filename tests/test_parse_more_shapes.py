"""More shapes of real notes, in Simplified Chinese, Traditional Chinese and English.

Every note here is made up (names, companies, topics). Each test takes one construct that
recorders write and checks, in the three languages, what a reader of the minutes and the
task sheet would notice: which lines are tasks, whose they are and when they are due,
which sections are agenda items and which are other sections, who came.

A construct the reader still gets wrong in a language is a ``xfail(strict=True)`` case
whose reason says what comes out instead; once the reader is fixed it passes, fails as
XPASS, and the mark comes off. ``tests/test_parse_shapes.py`` and
``tests/test_parse_real_shapes.py`` cover neighbouring shapes.

Unless a note says otherwise the meeting is on Wednesday 2024-03-06.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.check import check_meeting, load_config
from pipeline.model import ActionItem, Meeting
from tests.test_parse_real_shapes import (
    LANGUAGES,
    MARCH_20,
    case,
    discussion,
    every_word,
    names,
    parse,
    task,
)

MARCH_7 = dt.date(2024, 3, 7)
NEXT_MONDAY = dt.date(2024, 3, 11)


def owner_name(item: ActionItem) -> str | None:
    return item.owner.name if item.owner is not None else None


def titles(sections: list) -> list[str]:
    return [section.title for section in sections]


def findings(meeting: Meeting, notes: str, *rules: str) -> list[tuple[str, int]]:
    """The checker's findings of the given rules, as (rule, line)."""
    found = check_meeting(meeting, notes, "notes.md", load_config(None))
    return [(finding.rule, finding.line) for finding in found if finding.rule in rules]


# ---------------------------------------------------------------- 1. a timetable line

TIMETABLE_NOTES = {
    "zh-Hans": "# 官网改版会\n\n日期：2024-05-29\n\n## 排期\n\n**第一阶段（6 月 1 日 — 6 月 7 日）** **小周** 交付登录页；**老陈** 完成接口联调。\n",
    "zh-Hant": "# 官網改版會\n\n日期：2024-05-29\n\n## 排期\n\n**第一階段（6 月 1 日 — 6 月 7 日）** **小周** 交付登入頁；**老陳** 完成介面聯調。\n",
    "en": "# Website revamp\n\nDate: 2024-05-29\n\n## Schedule\n\n**Phase 1 (Jun 1 – Jun 7)** **Dana** ships the login page; **Raj** finishes the API tests.\n",
}
TIMETABLE_TASKS = {
    "zh-Hans": (("登录页", "小周"), ("接口联调", "老陈")),
    "zh-Hant": (("登入頁", "小周"), ("介面聯調", "老陳")),
    "en": (("login page", "Dana"), ("API tests", "Raj")),
}


@pytest.mark.parametrize(
    "lang",
    [
        case("zh-Hans", name="hans"),
        case("zh-Hant", name="hant"),
        case(
            "en", name="en"
            "the ';' gives none (with 'writes' instead of 'finishes' it does)",
        ),
    ],
)
def test_a_timetable_line_gives_each_named_person_a_task_due_at_the_periods_end(lang: str) -> None:
    """``**Phase 1 (Jun 1 – Jun 7)** **Dana** …; **Raj** …``: one task a person, due June 7."""
    meeting = parse(TIMETABLE_NOTES[lang])
    assert len(meeting.action_items) == 2
    for fragment, owner in TIMETABLE_TASKS[lang]:
        item = task(meeting, fragment)
        assert (owner_name(item), item.due) == (owner, dt.date(2024, 6, 7))
    (first, _), (second, _) = TIMETABLE_TASKS[lang]
    assert any(first in entry and second in entry for entry in discussion(meeting))  # still in the minutes


# ---------------------------------------------------------------- 2. an item's whole minutes in a table column

AGENDA_TABLE_NOTES = {
    "zh-Hans": (
        "# 产品周会\n\n日期：2024-03-06\n\n| No | 议题名称 | 会议纪要 |\n| --- | --- | --- |\n"
        "| 1 | 接口评审 | 结论：<br>同意方案A<br>遗留问题：<br>1）补充错误码--责任人：小周 完成时间：2024年3月20日 |\n"
        "| 2 | 发布计划 | 结论：<br>按期发布<br>遗留问题：<br>1）更新发布说明--责任人：老陈 完成时间：2024年4月 |\n"
    ),
    "zh-Hant": (
        "# 產品週會\n\n日期：2024-03-06\n\n| No | 議題名稱 | 會議紀要 |\n| --- | --- | --- |\n"
        "| 1 | 介面評審 | 結論：<br>同意方案A<br>遺留問題：<br>1）補充錯誤碼--負責人：小周 完成時間：2024年3月20日 |\n"
        "| 2 | 發布計畫 | 結論：<br>按期發布<br>遺留問題：<br>1）更新發布說明--負責人：老陳 完成時間：2024年4月 |\n"
    ),
    "en": (
        "# Product sync\n\nDate: 2024-03-06\n\n| No | Agenda item | Minutes |\n| --- | --- | --- |\n"
        "| 1 | API review | Decision:<br>go with plan A<br>Open issues:<br>1) Add the error codes -- owner: Dana, due: 2024-03-20 |\n"
        "| 2 | Release plan | Decision:<br>release on time<br>Open issues:<br>1) Update the release notes -- owner: Raj, due: April 2024 |\n"
    ),
}
AGENDA_TABLE_EXPECTED = {
    "zh-Hans": (("接口评审", "同意方案A", "补充错误码", "小周"), ("发布计划", "按期发布", "更新发布说明", "老陈")),
    "zh-Hant": (("介面評審", "同意方案A", "補充錯誤碼", "小周"), ("發布計畫", "按期發布", "更新發布說明", "老陳")),
    "en": (("API review", "go with plan A", "error codes", "Dana"), ("Release plan", "release on time", "release notes", "Raj")),
}
LABEL_AS_DEPARTMENT = "after '--' the owner label is read as the owner's department: Person(department='{}', name='{}')"


@pytest.mark.parametrize(
    "lang",
    [
        case("zh-Hans", name="hans"),
        case("zh-Hant", name="hant"),
        case("en", name="en", fails="'due: 2024-03-20' in the cell is not read: the task's due and due_text are None"),
    ],
)
def test_an_agenda_table_whose_third_column_holds_an_items_minutes(lang: str) -> None:
    """``| No | 议题名称 | 会议纪要 |``: a decision and a numbered task with owner and date in one cell."""
    meeting = parse(AGENDA_TABLE_NOTES[lang])
    first, second = AGENDA_TABLE_EXPECTED[lang]
    assert titles(meeting.agenda) == [first[0], second[0]]
    assert any(first[1] in entry for entry in meeting.agenda[0].resolutions)
    assert any(second[1] in entry for entry in meeting.agenda[1].resolutions)
    assert len(meeting.action_items) == 2
    item = task(meeting, first[2])
    assert (owner_name(item), item.due) == (first[3], MARCH_20)


@pytest.mark.parametrize(
    "lang",
    [
        case("zh-Hans", name="hans"),
        case("zh-Hant", name="hant"),
        case("en", name="en", fails="'due: April 2024' in the cell gives no due date (and no due_text)"),
    ],
)
def test_a_month_alone_as_a_deadline_is_the_last_day_of_that_month(lang: str) -> None:
    """``完成时间：2024年4月`` / ``due: April 2024`` → 2024-04-30."""
    meeting = parse(AGENDA_TABLE_NOTES[lang])
    _, second = AGENDA_TABLE_EXPECTED[lang]
    item = task(meeting, second[2])
    assert (owner_name(item), item.due) == (second[3], dt.date(2024, 4, 30))


@pytest.mark.parametrize(
    "lang",
    [
        case("zh-Hans", name="hans"),
        case("zh-Hant", name="hant"),
        case("en", name="en"),
    ],
)
def test_an_owner_label_after_a_double_hyphen_is_no_department(lang: str) -> None:
    """``补充错误码--责任人：小周``: the owner is 小周, with no department."""
    meeting = parse(AGENDA_TABLE_NOTES[lang])
    first, _ = AGENDA_TABLE_EXPECTED[lang]
    owner = task(meeting, first[2]).owner
    assert owner is not None and (owner.department, owner.name) == (None, first[3])


# ---------------------------------------------------------------- 3. a roster with Yes marks

ROSTERS = {
    "zh-Hans": ("# 技术委员会会议\n\n日期：2024-03-06\n\n**出席委员**\n\n{roster}\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n", ["周明", "陈刚", "林芳", "赵磊"]),
    "zh-Hant": ("# 技術委員會會議\n\n日期：2024-03-06\n\n**出席委員**\n\n{roster}\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n", ["周明", "陳剛", "林芳", "趙磊"]),
    "en": ("# TSC meeting\n\nDate: 2024-03-06\n\n**TSC Members**\n\n{roster}\n\n## API review\n\n- Compared OAuth and JWT\n", ["Dana Wu", "Raj Mehta", "Ana Ruiz", "Leo Park"]),
}
ROSTER_LINES_BUG = "the names and 'Yes' marks of one paragraph are each read as an attendee ('Yes' among them); no absentees"


@pytest.mark.parametrize(
    ("lang", "separator"),
    [
        case("zh-Hans", "\n\n", name="hans-paragraphs"),
        case("zh-Hant", "\n\n", name="hant-paragraphs"),
        case("en", "\n\n", name="en-paragraphs"),
        case("zh-Hans", "\n", name="hans-lines"),
        case("zh-Hant", "\n", name="hant-lines"),
        case("en", "\n", name="en-lines"),
    ],
)
def test_a_roster_a_name_per_line_with_yes_for_those_present(lang: str, separator: str) -> None:
    """``**TSC Members**`` then ``Dana Wu`` / ``Yes`` / ``Raj Mehta`` / ``Ana Ruiz`` / ``Yes`` / ``Leo Park``."""
    notes, (first, second, third, fourth) = ROSTERS[lang]
    roster = separator.join([first, "Yes", second, third, "Yes", fourth])
    meeting = parse(notes.format(roster=roster))
    assert names(meeting.attendees) == [first, third]
    assert names(meeting.absentees) == [second, fourth]
    assert len(meeting.agenda) == 1 and meeting.action_items == []


# ---------------------------------------------------------------- 4. bold lines as topic headings

BOLD_TOPICS = {
    "zh-Hans": (
        "日期：2024-03-06\n\n**预算审查（阿美）**\n\n- 二季度支出正常\n- 差旅费用上涨\n\n**招聘计划**\n\n- 开放两个后端岗位\n\n**FYI：周五办公室关闭**\n",
        ("预算审查", "招聘计划"), "FYI：周五办公室关闭",
    ),
    "zh-Hant": (
        "日期：2024-03-06\n\n**預算審查（阿美）**\n\n- 第二季支出正常\n- 差旅費用上漲\n\n**招募計畫**\n\n- 開放兩個後端職缺\n\n**FYI：週五辦公室關閉**\n",
        ("預算審查", "招募計畫"), "FYI：週五辦公室關閉",
    ),
    "en": (
        "Date: 2024-03-06\n\n**Budget review (Ana)**\n\n- Q2 spend is on track\n- travel costs went up\n\n**Hiring plan**\n\n- two backend roles open\n\n**FYI: the office closes on Friday**\n",
        ("Budget review", "Hiring plan"), "FYI: the office closes on Friday",
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bold_lines_below_the_meeting_information_are_topic_headings(lang: str) -> None:
    notes, (budget, hiring), notice = BOLD_TOPICS[lang]
    meeting = parse(notes)
    assert meeting.date == dt.date(2024, 3, 6)
    assert len(meeting.agenda) == 2
    assert meeting.agenda[0].title.startswith(budget) and len(meeting.agenda[0].discussion) == 2
    assert meeting.agenda[1].title == hiring
    assert not any(title.startswith("FYI") for title in titles(meeting.agenda))  # a notice, no agenda item
    assert notice in every_word(meeting)


# ---------------------------------------------------------------- 5. sections that are no agenda item

LINK_NOTES = {
    "zh-Hans": ("# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n\n## 相关链接\n\n- 设计稿 https://example.com/design\n", "接口评审", "相关链接", "设计稿 https://example.com/design"),
    "zh-Hant": ("# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n\n## 相關連結\n\n- 設計稿 https://example.com/design\n", "介面評審", "相關連結", "設計稿 https://example.com/design"),
    "en": ("# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- Compared OAuth and JWT\n\n## Links\n\n- mock-ups https://example.com/design\n", "API review", "Links", "mock-ups https://example.com/design"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_links_section_is_another_section_with_its_text(lang: str) -> None:
    notes, topic, links, line = LINK_NOTES[lang]
    meeting = parse(notes)
    assert titles(meeting.agenda) == [topic]
    assert titles(meeting.other_sections) == [links]
    assert meeting.other_sections[0].discussion == [line]


AGENDA_AND_NOTES = {
    "zh-Hans": (
        "# 产品周会\n\n日期：2024-03-06\n\n## 议程\n\n1. 接口评审\n2. 发布计划\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n\n## 发布计划\n\n- 周五发布\n\n## 备注\n\n- 演示室已预订\n",
        ["接口评审", "发布计划"], "备注", "演示室已预订",
    ),
    "zh-Hant": (
        "# 產品週會\n\n日期：2024-03-06\n\n## 議程\n\n1. 介面評審\n2. 發布計畫\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n\n## 發布計畫\n\n- 週五發布\n\n## 備註\n\n- 展示室已預訂\n",
        ["介面評審", "發布計畫"], "備註", "展示室已預訂",
    ),
    "en": (
        "# Product sync\n\nDate: 2024-03-06\n\n## Agenda\n\n1. API review\n2. Release plan\n\n## API review\n\n- Compared OAuth and JWT\n\n## Release plan\n\n- ship on Friday\n\n## Notes\n\n- the demo room is booked\n",
        ["API review", "Release plan"], "Notes", "the demo room is booked",
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_section_beside_a_listed_agenda_that_mirrors_none_of_its_items(lang: str) -> None:
    notes, topics, other, line = AGENDA_AND_NOTES[lang]
    meeting = parse(notes)
    assert titles(meeting.agenda) == topics
    assert titles(meeting.other_sections) == [other]
    assert meeting.other_sections[0].discussion == [line]


PARTS_NOTES = {
    "zh-Hans": (
        "# 第三次理事会会议记录\n\n日期：2024-03-06\n\n## 壹、主席报告\n\n- 感谢各位出席\n\n## 贰、讨论事项\n\n"
        "### 议题1. 年度预算\n\n- 讨论了预算分配\n\n### 议题2. 场地租借\n\n- 比较了两处场地\n\n## 肆、散会\n\n- 十二点散会\n",
        ["年度预算", "场地租借"], [("主席报告", "感谢各位出席"), ("散会", "十二点散会")],
    ),
    "zh-Hant": (
        "# 第三次理事會會議紀錄\n\n日期：2024-03-06\n\n## 壹、主席報告\n\n- 感謝各位出席\n\n## 貳、討論事項\n\n"
        "### 議題1. 年度預算\n\n- 討論了預算分配\n\n### 議題2. 場地租借\n\n- 比較了兩處場地\n\n## 肆、散會\n\n- 十二點散會\n",
        ["年度預算", "場地租借"], [("主席報告", "感謝各位出席"), ("散會", "十二點散會")],
    ),
    "en": (
        "# Board meeting 3\n\nDate: 2024-03-06\n\n## 1. Chair's report\n\n- thanked everyone for coming\n\n## 2. Discussion\n\n"
        "### Topic 1: Annual budget\n\n- discussed the split\n\n### Topic 2: Venue\n\n- compared two venues\n\n## 4. Adjournment\n\n- closed at noon\n",
        ["Annual budget", "Venue"], [("Chair's report", "thanked everyone for coming"), ("Adjournment", "closed at noon")],
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numbered_topics_under_a_part_leave_the_other_parts_as_other_sections(lang: str) -> None:
    """``## 壹、主席報告`` / ``## 貳、討論事項`` → ``### 議題1.`` … / ``## 肆、散會``."""
    notes, topics, others = PARTS_NOTES[lang]
    meeting = parse(notes)
    assert titles(meeting.agenda) == topics
    assert [(section.title, section.discussion) for section in meeting.other_sections] == [
        (title, [text]) for title, text in others
    ]


# ---------------------------------------------------------------- 6. work committed to without an owner

OWNERLESS_NOTES = {
    "zh-Hans": "# 运维周会\n\n日期：2024-05-29\n\n参会人员：小周、老陈\n\n## 环境\n\n- 讨论了部署方案\n- {line}\n",
    "zh-Hant": "# 運維週會\n\n日期：2024-05-29\n\n出席人員：小周、老陳\n\n## 環境\n\n- 討論了部署方案\n- {line}\n",
    "en": "# Ops sync\n\nDate: 2024-05-29\n\nAttendees: Dana, Raj\n\n## Environment\n\n- Talked about the rollout\n- {line}\n",
}
OWNERLESS_LINE = 10
JUNE_2 = dt.date(2024, 6, 2)
MAY_30 = dt.date(2024, 5, 30)  # a day after the meeting


@pytest.mark.parametrize(
    ("lang", "line", "due"),
    [
        case("zh-Hans", "6 月 2 日前完成 redis 搭建", JUNE_2, name="hans-date-first"),
        case("zh-Hant", "6 月 2 日前完成 redis 架設", JUNE_2, name="hant-date-first"),
        case("en", "Finish the redis setup by June 2", JUNE_2, name="en-by-date"),
        case("zh-Hans", "评审意见会后解决", None, name="hans-after-the-meeting"),
        case("zh-Hant", "評審意見會後解決", None, name="hant-after-the-meeting"),
        case("en", "Review comments to be resolved after the meeting", None, name="en-after-the-meeting"),
        case("zh-Hans", "花一天的时间建好数据库", MAY_30, name="hans-spend-a-day"),
        case("zh-Hant", "花一天的時間建好資料庫", MAY_30, name="hant-spend-a-day"),
        case("en", "Spend a day building the database", MAY_30, name="en-spend-a-day"),
        case("zh-Hans", "决议：通知物业协助核对", None, name="hans-decision"),
        case("zh-Hant", "決議：通知物業協助核對", None, name="hant-decision"),
        case(
            "en", "Decision: notify the building manager to help check the meters", None, name="en-decision",
        ),
    ],
)
def test_a_clause_that_commits_to_work_without_a_name_is_an_ownerless_task(
    lang: str, line: str, due: dt.date | None
) -> None:
    notes = OWNERLESS_NOTES[lang].format(line=line)
    meeting = parse(notes)
    assert len(meeting.action_items) == 1
    item = meeting.action_items[0]
    assert (item.owner, item.due, item.line) == (None, due, OWNERLESS_LINE)
    assert findings(meeting, notes, "missing-owner") == [("missing-owner", OWNERLESS_LINE)]


@pytest.mark.parametrize(
    ("lang", "line", "owner", "due"),
    [
        case(
            "zh-Hans", "小周 6 月 2 日前完成 redis 搭建", "小周", JUNE_2, name="hans-date-first",
        ),
        case(
            "zh-Hant", "小周 6 月 2 日前完成 redis 架設", "小周", JUNE_2, name="hant-date-first",
        ),
        case("en", "Dana: finish the redis setup by June 2", "Dana", JUNE_2, name="en-by-date"),
        case("zh-Hans", "老陈花一天的时间建好数据库", "老陈", MAY_30, name="hans-spend-a-day"),
        case("zh-Hant", "老陳花一天的時間建好資料庫", "老陳", MAY_30, name="hant-spend-a-day"),
        case(
            "en", "Raj will spend a day building the database", "Raj", MAY_30, name="en-spend-a-day",
        ),
    ],
)
def test_an_attendee_opening_such_a_clause_owns_it(lang: str, line: str, owner: str, due: dt.date) -> None:
    notes = OWNERLESS_NOTES[lang].format(line=line)
    meeting = parse(notes)
    assert len(meeting.action_items) == 1
    item = meeting.action_items[0]
    assert (owner_name(item), item.due) == (owner, due)
    assert findings(meeting, notes, "missing-owner") == []


# ---------------------------------------------------------------- 7. a status section

STATUS_NOTES = {
    "zh-Hans": "# 产品周会\n\n日期：2024-03-06\n\n## 进展\n\n- 登录页：已完成 80% @小周\n- {topic}：下周开始 @小周\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n",
    "zh-Hant": "# 產品週會\n\n日期：2024-03-06\n\n## 進度\n\n- 登入頁：已完成 80% @小周\n- {topic}：下週開始 @小周\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n",
    "en": "# Product sync\n\nDate: 2024-03-06\n\n### Status\n\n- login page: done, 80% @dana\n- {topic}: start next week @dana\n\n## API review\n\n- Compared OAuth and JWT\n",
}
SHORT_TOPIC = "'{}：下…開始 @小周' gives no task; with a longer topic ('{}：') it gives one"


@pytest.mark.parametrize(
    ("lang", "topic", "owner"),
    [
        case("zh-Hans", "支付", "小周", name="hans-two-characters", fails=SHORT_TOPIC.format("支付", "支付接口")),
        case("zh-Hant", "支付", "小周", name="hant-two-characters", fails=SHORT_TOPIC.format("支付", "支付介面")),
        case("en", "payments", "dana", name="en"),
        case("zh-Hans", "支付接口", "小周", name="hans-longer"),
        case("zh-Hant", "支付介面", "小周", name="hant-longer"),
        case("en", "payment API", "dana", name="en-longer"),
    ],
)
def test_a_status_section_gives_tasks_only_for_what_is_still_to_come(lang: str, topic: str, owner: str) -> None:
    """``- login page: done, 80% @dana`` is no task; ``- payments: start next week @dana`` is one."""
    meeting = parse(STATUS_NOTES[lang].format(topic=topic))
    assert len(meeting.action_items) == 1
    item = task(meeting, topic)
    assert owner_name(item) == owner and item.due is not None


# ---------------------------------------------------------------- 8. the last meeting's items

PREVIOUS_SECTION = {
    "zh-Hans": ("# 产品周会\n\n日期：2024-03-06\n\n## 上次会议待办\n\n- 老陈：3月1日前申请测试服务器\n- 小周会整理需求清单\n\n## 接口评审\n\n- 小周会在下周五前发出接口文档\n", "接口文档"),
    "zh-Hant": ("# 產品週會\n\n日期：2024-03-06\n\n## 上次會議待辦\n\n- 老陳：3月1日前申請測試伺服器\n- 小周會整理需求清單\n\n## 介面評審\n\n- 小周會在下週五前寄出介面文件\n", "介面文件"),
    "en": ("# Product sync\n\nDate: 2024-03-06\n\n## Previous action items\n\n- Raj to request a test server by March 1\n- Dana will collect the requirements\n\n## API review\n\n- Dana will send the API doc by next Friday\n", "API doc"),
}
PREVIOUS_POINT = {
    "zh-Hans": ("# 产品周会\n\n日期：2024-03-06\n\n## 议程\n\n- 上次会议待办跟进\n  - 老陈会申请测试服务器\n  - 小周会整理需求清单\n- 接口评审\n  - 小周会在下周五前发出接口文档\n", "接口文档"),
    "zh-Hant": ("# 產品週會\n\n日期：2024-03-06\n\n## 議程\n\n- 上次會議待辦追蹤\n  - 老陳會申請測試伺服器\n  - 小周會整理需求清單\n- 介面評審\n  - 小周會在下週五前寄出介面文件\n", "介面文件"),
    "en": ("# Product sync\n\nDate: 2024-03-06\n\n## Agenda\n\n- Updates on last meeting's AIs\n  - Raj to request a test server\n  - Dana to collect the requirements\n- API review\n  - Dana will send the API doc by next Friday\n", "API doc"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("shape", ["section", "agenda-point"])
def test_the_last_meetings_items_written_as_sentences_give_no_tasks(lang: str, shape: str) -> None:
    """Under ``## Previous action items`` or an agenda point ``Updates on last meeting's AIs``."""
    notes, fragment = (PREVIOUS_SECTION if shape == "section" else PREVIOUS_POINT)[lang]
    meeting = parse(notes)
    assert [item.task for item in meeting.action_items] == [task(meeting, fragment).task]


# ---------------------------------------------------------------- 9. two clauses, each with its own deadline

TWO_DEADLINES = {
    "zh-Hans": ("# 产品周会\n\n日期：2024-03-06\n\n## 待办事项\n\n- 优化首页: 明天完成布局调整，下周一完成配色\n", "布局调整", "配色"),
    "zh-Hant": ("# 產品週會\n\n日期：2024-03-06\n\n## 待辦事項\n\n- 優化首頁: 明天完成版面調整，下週一完成配色\n", "版面調整", "配色"),
    "en": ("# Product sync\n\nDate: 2024-03-06\n\n## Action items\n\n- Homepage: tomorrow fix the layout, next Monday finish the colours\n", "layout", "colours"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_clauses_that_each_open_with_their_own_deadline_are_two_tasks(lang: str) -> None:
    notes, first, second = TWO_DEADLINES[lang]
    meeting = parse(notes)
    assert len(meeting.action_items) == 2
    assert task(meeting, first).due == MARCH_7
    assert task(meeting, second).due == NEXT_MONDAY


# ---------------------------------------------------------------- 10. a unit's report section

UNIT_REPORTS = {
    "zh-Hant": (
        "# 第二次幹部會議\n\n日期：2024-03-06\n\n## 報告事項\n\n### 一、學術部\n\n- 讀書會本月辦了兩場\n- 會與總務組討論開放時間\n\n### 二、活動部\n\n- 迎新活動報名踴躍\n",
        "開放時間", "學術部",
    ),
    "zh-Hans": (
        "# 第二次干部会议\n\n日期：2024-03-06\n\n## 报告事项\n\n### 一、学术部\n\n- 读书会本月办了两场\n\n### 二、技术部\n\n- 服务器已迁移\n- 会和财务部确认预算\n",
        "确认预算", "技术部",
    ),
    "en": (
        "# Committee meeting 2\n\nDate: 2024-03-06\n\n## Reports\n\n### 1. Academic Department\n\n- two reading groups this month\n- Will talk to Facilities about the opening hours\n\n### 2. Events Department\n\n- lots of sign-ups for the welcome party\n",
        "opening hours", "Academic Department",
    ),
}


@pytest.mark.parametrize(
    "lang",
    [
        case("zh-Hans", name="hans"),
        case("zh-Hant", name="hant"),
        case("en", name="en", fails="'- Will talk to Facilities …' under '### 1. Academic Department' stays a discussion point: no task"),
    ],
)
def test_what_a_unit_says_it_will_do_in_its_report_is_its_task(lang: str) -> None:
    """``## 報告事項`` / ``### 一、學術部`` / ``- 會與總務組討論開放時間`` → a task of 學術部."""
    notes, fragment, department = UNIT_REPORTS[lang]
    meeting = parse(notes)
    assert len(meeting.action_items) == 1
    owner = task(meeting, fragment).owner
    assert owner is not None and (owner.department, owner.name) == (department, None)


# ---------------------------------------------------------------- 11. a relative deadline without a meeting date

UNDATED_NOTES = {
    "zh-Hans": ("# 产品周会\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n- 小周会在两周内发出接口文档\n- 老陈会在明天申请测试账号\n", "接口文档", "测试账号"),
    "zh-Hant": ("# 產品週會\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n- 小周會在兩週內寄出介面文件\n- 老陳會在明天申請測試帳號\n", "介面文件", "測試帳號"),
    "en": ("# Product sync\n\n## API review\n\n- Compared OAuth and JWT\n- Dana will send the API doc within two weeks\n- Raj will request test accounts tomorrow\n", "API doc", "test accounts"),
}
DATE_LINES = {"zh-Hans": "日期：2024-03-06", "zh-Hant": "日期：2024-03-06", "en": "Date: 2024-03-06"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_relative_deadline_in_undated_notes_is_a_missing_due_date_at_its_line(lang: str) -> None:
    notes, doc, accounts = UNDATED_NOTES[lang]
    meeting = parse(notes)
    assert meeting.date is None
    assert [task(meeting, fragment).due for fragment in (doc, accounts)] == [None, None]
    assert findings(meeting, notes, "missing-due", "unparsed-date") == [("missing-due", 6), ("missing-due", 7)]

    dated = notes.replace("\n\n## ", f"\n\n{DATE_LINES[lang]}\n\n## ", 1)
    meeting = parse(dated)
    assert [task(meeting, fragment).due for fragment in (doc, accounts)] == [MARCH_20, MARCH_7]
    assert findings(meeting, dated, "missing-due", "unparsed-date") == []


# ---------------------------------------------------------------- 12. notes without any heading

LOOSE_NOTES = {
    "zh-Hans": "今天聊了新版登录页的进度，设计稿基本定了。\n\n老陈觉得接口还要再改一轮，\n主要是错误码不统一。\n\n- 周五前出第二版设计稿\n- 测试环境先用旧的\n- 小周负责整理错误码\n\n下次再约时间。\n",
    "zh-Hant": "今天聊了新版登入頁的進度，設計稿大致定了。\n\n老陳覺得介面還要再改一輪，\n主要是錯誤碼不統一。\n\n- 週五前出第二版設計稿\n- 測試環境先用舊的\n- 小周負責整理錯誤碼\n\n下次再約時間。\n",
    "en": "We went over the new login page today and the mock-ups are nearly settled.\n\nRaj thinks the API needs one more pass,\nmostly because the error codes differ.\n\n- second mock-up by Friday\n- keep the old test environment for now\n- Dana owns the error code list\n\nWe will find another slot next week.\n",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_loose_notes_without_a_heading_keep_every_word(lang: str) -> None:
    notes = LOOSE_NOTES[lang]
    text = every_word(parse(notes))
    words = [word for line in notes.splitlines() for word in line.removeprefix("- ").split()]
    assert words and [word for word in words if word not in text] == []


# ---------------------------------------------------------------- 13. topic bullets over items of an action list

TOPIC_BULLETS = {
    "zh-Hans": (
        "# 销售周会\n\n日期：2024-03-06\n\n## 待办事项\n\n- 华森科技\n  - 把合同发给华森科技\n  - 约他们的技术总监做演示\n- 安排会面：\n  - 鼎丰集团\n  - 远航物流\n",
        ["把合同发给华森科技", "约他们的技术总监做演示", "鼎丰集团", "远航物流"],
    ),
    "zh-Hant": (
        "# 業務週會\n\n日期：2024-03-06\n\n## 待辦事項\n\n- 華森科技\n  - 把合約寄給華森科技\n  - 約他們的技術長做展示\n- 安排會面：\n  - 鼎豐集團\n  - 遠航物流\n",
        ["把合約寄給華森科技", "約他們的技術長做展示", "鼎豐集團", "遠航物流"],
    ),
    "en": (
        "# Sales sync\n\nDate: 2024-03-06\n\n## Action items\n\n- Acme\n  - Send the contract to Acme\n  - Book a demo with their CTO\n- Set up meetings with:\n  - Globex\n  - Initech\n",
        ["Send the contract to Acme", "Book a demo with their CTO", "Globex", "Initech"],
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_topic_bullet_over_items_of_an_action_list_is_no_task_its_items_are(lang: str) -> None:
    notes, expected = TOPIC_BULLETS[lang]
    meeting = parse(notes)
    assert [item.task for item in meeting.action_items] == expected
    assert len({item.line for item in meeting.action_items}) == len(expected)


# ---------------------------------------------------------------- 14. a line under a task asking for more work

MORE_WORK = {
    "zh-Hans": ("# 迭代规划会\n\n日期：2024-03-06\n\n## {section}\n\n- 小林会通知团队\n  - 请搭好第一周的看板\n", ("规划", "待办事项"), ("通知团队", "看板")),
    "zh-Hant": ("# 迭代規劃會\n\n日期：2024-03-06\n\n## {section}\n\n- 小林會通知團隊\n  - 請架好第一週的看板\n", ("規劃", "待辦事項"), ("通知團隊", "看板")),
    "en": ("# Sprint planning\n\nDate: 2024-03-06\n\n## {section}\n\n- Kevin will message the team\n  - Please set up the board for week 1\n", ("Planning", "Action items"), ("message the team", "board")),
}
PARENT_TAKEN_FOR_A_TOPIC = "in an action section '{}' above the request is taken for a topic bullet: only the request is a task"


@pytest.mark.parametrize(
    ("lang", "in_actions"),
    [
        case("zh-Hans", False, name="hans-discussion"),
        case("zh-Hant", False, name="hant-discussion"),
        case("en", False, name="en-discussion"),
        case("zh-Hans", True, name="hans-actions"),
        case("zh-Hant", True, name="hant-actions"),
        case("en", True, name="en-actions"),
    ],
)
def test_a_line_under_a_task_asking_for_more_work_is_a_task_too(lang: str, in_actions: bool) -> None:
    """``- Kevin will message the team`` / ``  - Please set up the board for week 1``."""
    notes, (topic, actions), (first, second) = MORE_WORK[lang]
    meeting = parse(notes.format(section=actions if in_actions else topic))
    assert len(meeting.action_items) == 2
    assert owner_name(task(meeting, first)) is not None
    assert task(meeting, second).line == task(meeting, first).line + 1
