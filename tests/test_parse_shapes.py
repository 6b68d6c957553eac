"""Notes in the shapes real recorders give them, in the three languages.

Every note here is made up; each test names the construct it covers. The shapes come
from how people keep notes in the wild: a heading that only names the meeting, meeting
information written as headings or below the minutes, bilingual labels, attendee lists
under their own heading or label, agenda lists mirrored by sections, check-lists.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parsers import parse_notes as parse


def names(people: list) -> list[str]:
    return [person.name for person in people]


# ---------------------------------------------------------------- meeting information


@pytest.mark.parametrize(
    ("notes", "title"),
    [
        ("### 星火小队第二次会议\n\n##### 会议时间：2023 年 4 月 7 日 19:00 - 20:10\n", "星火小队第二次会议"),
        ("### 星火小隊第二次會議\n\n##### 會議時間：2023 年 4 月 7 日 19:00 - 20:10\n", "星火小隊第二次會議"),
        ("## Weekly sync\n\n##### Time: 2023-04-07 19:00 - 20:10\n", "Weekly sync"),
    ],
)
def test_a_first_heading_that_names_a_meeting_is_the_title_and_info_may_be_headings(notes: str, title: str) -> None:
    meeting = parse(notes)
    assert meeting.title == title
    assert (meeting.date, meeting.start_time, meeting.end_time) == (dt.date(2023, 4, 7), "19:00", "20:10")
    assert meeting.agenda == []


def test_a_first_heading_that_is_an_agenda_topic_is_not_the_title() -> None:
    meeting = parse("## 议题一：接口评审\n\n- 讨论了鉴权方案\n")
    assert meeting.title is None
    assert [item.title for item in meeting.agenda] == ["接口评审"]


@pytest.mark.parametrize(
    "notes",
    [
        "# 周会\n\nTime时间：2023-05-06 10:00-11:00\n地点 Location：三楼会议室\nHost/主持人：陈明\n",
        "# 週會\n\nTime時間：2023-05-06 10:00-11:00\n地點 Location：三樓會議室\nHost/主持人：陳明\n",
        "# Weekly\n\nTime时间: 2023-05-06 10:00-11:00\nLocation地点: Room 3\nHost/主持人: Chen Ming\n",
    ],
)
def test_bilingual_labels(notes: str) -> None:
    meeting = parse(notes)
    assert (meeting.date, meeting.start_time, meeting.end_time) == (dt.date(2023, 5, 6), "10:00", "11:00")
    assert meeting.location
    assert meeting.host is not None and meeting.host.name in ("陈明", "陳明", "Chen Ming")


@pytest.mark.parametrize(
    ("notes", "location"),
    [
        ("第三次例会记录\n\n会议地点\t二号楼 201\n\n会议主持人 王立\n", "二号楼 201"),
        ("第三次例會記錄\n\n會議地點\t二號樓 201\n\n會議主持人 王立\n", "二號樓 201"),
    ],
)
def test_keys_and_values_split_by_a_tab_or_spaces(notes: str, location: str) -> None:
    meeting = parse(notes)
    assert meeting.location == location
    assert meeting.host is not None and meeting.host.name == "王立"


def test_spaces_after_an_english_word_do_not_make_a_key() -> None:
    meeting = parse("# Retro\n\nTime flies when the build is green.\n")
    assert meeting.start_time is None and meeting.date is None


@pytest.mark.parametrize(
    "heading", ["## 📌 会议信息", "## 1. 會議資訊", "### Meeting info"]
)
def test_an_information_heading_with_an_emoji_or_a_number(heading: str) -> None:
    meeting = parse(f"# 会\n\n{heading}\n\n- 日期：2024-02-01\n- 地点：A 楼\n\n## 议题\n\n- 内容\n")
    assert meeting.date == dt.date(2024, 2, 1)
    assert meeting.location == "A 楼"
    assert [item.title for item in meeting.agenda] == ["议题"]


@pytest.mark.parametrize(
    ("notes", "line"),
    [
        ("# 周会\n\n## 讨论\n\n- 接口联调\n\n日期：2023/01/05\n", 7),
        ("# 週會\n\n## 討論\n\n- 介面聯調\n\n日期：2023/01/05\n", 7),
        ("# Weekly sync\n\n## Discussion\n\n- API testing\n\nDate: 2023-01-05\n", 7),
    ],
)
def test_the_date_given_at_the_end_of_the_notes(notes: str, line: int) -> None:
    meeting = parse(notes)
    assert meeting.date == dt.date(2023, 1, 5)
    assert meeting.info_lines["date"] == line


@pytest.mark.parametrize(
    "notes",
    [
        "#会议记录\n\n###参与者\n+ 赵一\n+ 钱二\n",
        "#會議記錄\n\n###參與者\n+ 趙一\n+ 錢二\n",
        "#Meeting notes\n\n###Attendees\n+ Zhao Yi\n+ Qian Er\n",
    ],
)
def test_headings_without_a_space_after_the_hashes(notes: str) -> None:
    meeting = parse(notes)
    assert meeting.title is not None and meeting.title.lower().startswith(("会议", "會議", "meeting"))
    assert len(meeting.attendees) == 2


def test_an_issue_number_at_the_start_of_a_line_is_not_a_heading() -> None:
    meeting = parse("# Sync\n\n## Notes\n\n#123 was merged\n")
    assert [item.title for item in meeting.agenda] == ["Notes"]
    assert meeting.agenda[0].discussion == ["#123 was merged"]


# ---------------------------------------------------------------- attendees


@pytest.mark.parametrize(
    ("heading", "absent_heading", "observer_heading"),
    [
        ("## 参会人员", "## 请假", "## 列席"),
        ("## 出席人員", "## 請假", "## 列席人員"),
        ("## Present", "## Regrets", "## Observers"),
    ],
)
def test_attendee_absentee_and_observer_sections(heading: str, absent_heading: str, observer_heading: str) -> None:
    notes = f"# Sync\n\n{heading}\n* Ana Silva\n* Ben Okoro\n\n{absent_heading}\n* Cleo Park\n\n{observer_heading}\n* Dev Rao\n\n## Topic\n\n- text\n"
    meeting = parse(notes)
    assert [(a.name, a.role) for a in meeting.attendees] == [
        ("Ana Silva", "attendee"),
        ("Ben Okoro", "attendee"),
        ("Dev Rao", "observer"),
    ]
    assert [a.name for a in meeting.absentees] == ["Cleo Park"]
    assert [item.title for item in meeting.agenda] == ["Topic"]


def test_regrets_are_the_reason_for_an_absence() -> None:
    meeting = parse("# Sync\n\n## Regrets\n* Cleo Park\n")
    assert meeting.absentees[0].reason


@pytest.mark.parametrize(
    "notes",
    [
        "# 周会\n\n**参会人员**\n* 赵一\n* 钱二\n\n**主持人**\n孙三\n",
        "# 週會\n\n**出席人員**\n* 趙一\n* 錢二\n\n**主持人**\n孫三\n",
        "# Sync\n\n**Attendees**\n* Zoe Hart\n* Omar Lee\n\n**Lead**\nSam Fox\n",
        "# Sync\n\nParticipants:\nZoe Hart\nOmar Lee\n\n**Lead**\nSam Fox\n",
    ],
)
def test_a_label_alone_on_a_line_with_its_values_below(notes: str) -> None:
    meeting = parse(notes)
    assert len(meeting.attendees) == 2
    assert meeting.host is not None and meeting.host.name in ("孙三", "孫三", "Sam Fox")
    assert meeting.agenda == [] and meeting.action_items == []


@pytest.mark.parametrize("heading", ["## 参会人员 (Attendance):", "## 出席人員：", "## Attendees:"])
def test_an_attendee_heading_with_an_empty_value(heading: str) -> None:
    meeting = parse(f"# 会\n\n{heading}\n\n- 赵一\n- 钱二\n\n## 议题\n\n- 内容\n")
    assert names(meeting.attendees) == ["赵一", "钱二"]
    assert [item.title for item in meeting.agenda] == ["议题"]


@pytest.mark.parametrize(
    ("heading", "here", "away"),
    [("**签到：**", "赵一", "钱二"), ("**簽到：**", "趙一", "錢二"), ("**Attendance:**", "Ana Silva", "Ben Okoro")],
)
def test_an_attendance_check_list_is_who_came_never_tasks(heading: str, here: str, away: str) -> None:
    label = heading.replace("签到", "参会人员").replace("簽到", "出席人員")
    meeting = parse(f"# Sync\n\n{label}\n- [x] {here}\n- [ ] {away}\n")
    assert meeting.action_items == []
    assert names(meeting.attendees) == [here]
    assert [a.name for a in meeting.absentees] == [away]


# ---------------------------------------------------------------- agenda and check-lists


@pytest.mark.parametrize(
    ("agenda", "sections"),
    [
        ("## 议程\n\n- 上线计划\n- 预算复核\n", "## 纪要\n\n### 上线计划\n\n- 周五灰度\n\n### 预算复核\n\n- 超支两成\n"),
        ("## 議程\n\n- 上線計畫\n- 預算複核\n", "## 紀要\n\n### 上線計畫\n\n- 週五灰度\n\n### 預算複核\n\n- 超支兩成\n"),
        ("## Agenda\n\n- Release plan\n- Budget review\n", "## Notes\n\n### Release plan\n\n- Canary on Friday\n\n### Budget review\n\n- 20% over\n"),
    ],
)
def test_an_agenda_list_mirrored_by_sections_is_counted_once(agenda: str, sections: str) -> None:
    meeting = parse(f"# Sync\n\n{agenda}\n{sections}")
    assert len(meeting.agenda) == 2
    assert all(item.discussion for item in meeting.agenda)


@pytest.mark.parametrize(
    "agenda",
    [
        "## 议程\n\n- [x] 回顾上周待办\n- [x] 分配角色\n",
        "## 議程\n\n- [x] 回顧上週待辦\n- [x] 分配角色\n",
        "## Agenda\n\n**During the meeting**\n\n- [x] Review last week's items\n- [x] Assign roles\n",
    ],
)
def test_an_agenda_check_list_is_not_a_list_of_tasks(agenda: str) -> None:
    meeting = parse(f"# Sync\n\n{agenda}")
    assert meeting.action_items == []


@pytest.mark.parametrize(
    ("section", "parent", "children"),
    [
        ("## 待办事项", "- [ ] 联系设计组", ["  - [x] 确认海报尺寸", "  - [ ] 提供文案"]),
        ("## 待辦事項", "- [ ] 聯繫設計組", ["  - [x] 確認海報尺寸", "  - [ ] 提供文案"]),
        ("## Action Plan:", "- [ ] Contact the design team", ["  - [x] Confirm the poster size", "  - [ ] Send the copy"]),
    ],
)
def test_task_lists_nested_in_a_task_are_tasks_of_their_own(section: str, parent: str, children: list[str]) -> None:
    meeting = parse("# Sync\n\n" + section + "\n\n" + "\n".join([parent, *children]) + "\n")
    items = meeting.action_items
    assert len(items) == 3
    assert [item.status == "done" for item in items] == [False, True, False]
    assert items[0].end_line == items[0].line  # the parent does not swallow its sub-tasks' lines


# ---------------------------------------------------------------- decisions


@pytest.mark.parametrize(
    ("line", "decided"),
    [
        ("- 推荐使用 Insomnia 管理接口。（提议人：陈明）**通过**", True),
        ("- 推薦使用 Insomnia 管理介面。（提議人：陳明）**通過**", True),
        ("- Use Insomnia for the API docs. Agreed.", True),
        ("- 结论：最终采用方案二", True),
        ("- 是否使用方案二？待定", False),
        ("- 尚未決定是否延期", False),
        ("- Whether to switch vendors is not yet decided", False),
    ],
)
def test_decisions_among_the_discussion(line: str, decided: bool) -> None:
    item = parse(f"# Sync\n\n## 讨论\n\n{line}\n").agenda[0]
    assert bool(item.resolutions) is decided
    assert bool(item.discussion) is not decided


@pytest.mark.parametrize("heading", ["## 決議事項", "## 决议", "## We agreed on"])
def test_a_decisions_heading_holds_decisions(heading: str) -> None:
    meeting = parse(f"# Sync\n\n{heading}\n\n- 每周五发布\n- 代码评审两人通过\n")
    assert [entry for item in meeting.agenda for entry in item.resolutions] == ["每周五发布", "代码评审两人通过"]


# ---------------------------------------------------------------- the meeting date from elsewhere


@pytest.mark.parametrize(
    ("notes", "date"),
    [
        ("# 2024-04-12 周会\n\n## 进展\n\n- 完成登录页\n", dt.date(2024, 4, 12)),
        ("# 20241129 例會\n\n## 進展\n\n- 完成登入頁\n", dt.date(2024, 11, 29)),
        ("# Weekly sync 2019-09-25\n\n## Updates\n\n- Login page done\n", dt.date(2019, 9, 25)),
    ],
)
def test_the_meeting_date_in_the_title(notes: str, date: dt.date) -> None:
    meeting = parse(notes)
    assert meeting.date == date
    assert meeting.info_lines["date"] == 1


def test_a_version_number_in_the_title_is_not_a_date() -> None:
    assert parse("# Release 24.09 planning\n\n## Scope\n\n- text\n").date is None


@pytest.mark.parametrize(
    ("notes", "date"),
    [
        ("# 2018 春季团队例会\n\n日期：4/28（周六）\n", dt.date(2018, 4, 28)),
        ("# 2018 春季團隊例會\n\n日期：4/28（週六）\n", dt.date(2018, 4, 28)),
        ("# 2018 spring team meeting\n\nDate: 4/28 (Sat)\n", dt.date(2018, 4, 28)),
        ("# 春季团队例会\n\n日期：4/28（周六）\n", None),  # no year anywhere: never guessed
        ("# 2018 spring team meeting\n\nDate: 4/28 (Mon)\n", None),  # the weekday disagrees
    ],
)
def test_a_year_less_date_with_its_weekday_takes_the_year_from_the_title(notes: str, date: dt.date | None) -> None:
    assert parse(notes).date == date


def test_an_ambiguous_day_first_date_is_read_only_with_a_date_order() -> None:
    notes = "# Sync\n\nDate: 03/04/2019\n\n## Actions\n\n- [ ] Send the deck, owner: Ana, due: 05/04/2019\n"
    assert parse(notes).date is None
    meeting = parse(notes, date_order="dmy")
    assert meeting.date == dt.date(2019, 4, 3)
    assert meeting.action_items[0].due == dt.date(2019, 4, 5)
    assert parse(notes, date_order="mdy").date == dt.date(2019, 3, 4)


@pytest.mark.parametrize("roc", ["114年3月11日", "114/3/11", "民國114年3月11日"])
def test_roc_years(roc: str) -> None:
    assert parse(f"# 管委會例會\n\n時間：{roc} 19:30\n").date == dt.date(2025, 3, 11)


def test_the_file_name_date_is_a_last_resort_that_resolves_no_deadline(tmp_path) -> None:
    from parsers import load_meeting

    path = tmp_path / "tsc-20201216.md"
    path.write_text("# TSC\n\n## 待办事项\n\n- [ ] 张三明天提交评审材料\n", encoding="utf-8")
    meeting, _ = load_meeting(path)
    assert meeting.date == dt.date(2020, 12, 16)
    assert "date" not in meeting.info_lines
    assert meeting.action_items[0].due is None  # the notes never said when the meeting was
    dated = tmp_path / "tsc-20201216-b.md"
    dated.write_text("# TSC 2020-12-20\n", encoding="utf-8")
    assert load_meeting(dated)[0].date == dt.date(2020, 12, 20)  # the notes' own date wins


@pytest.mark.parametrize(
    ("notes", "decided"),
    [
        ("# 例会\n\n## 议案一\n\n**投票结果：**\n同意5 反对1\n", "同意5 反对1"),
        ("# 例會\n\n## 議案一\n\n**投票結果：**\n同意5 反對1\n", "同意5 反對1"),
        ("# Board\n\n## Motion 1\n\n**Vote result:**\nPassed 5 to 1\n", "Passed 5 to 1"),
    ],
)
def test_a_vote_result_label_holds_the_decision(notes: str, decided: str) -> None:
    assert parse(notes).agenda[0].resolutions == [decided]


@pytest.mark.parametrize(
    ("notes", "agreed"),
    [
        ("# 周会\n\n## 会议内容\n\n### 团队共同约定\n\n- 每天下午五点前提交代码\n", "每天下午五点前提交代码"),
        ("# 週會\n\n## 會議內容\n\n### 團隊共同約定\n\n- 每天下午五點前提交程式碼\n", "每天下午五點前提交程式碼"),
        ("# Weekly\n\n## Notes\n\n### Decisions we took\n\n- Merge only after review\n", "Merge only after review"),
    ],
)
def test_a_topic_heading_naming_agreements_holds_decisions(notes: str, agreed: str) -> None:
    meeting = parse(notes)
    assert [entry for item in meeting.agenda for entry in item.resolutions] == [agreed]
