"""Attendance as notes write it: lists, list items, labels, tables and headings, in three languages.

Every name here is made up.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.people import (
    AttendanceEntry,
    attendance_heading_kind,
    attendance_label,
    attendance_table,
    attendee_entry,
    is_absence_heading,
    is_attendance_heading,
    is_observer_heading,
    looks_like_person_name,
    parse_absentees,
    parse_attendees,
    parse_person,
    strip_list_marker,
)


def names(entry: AttendanceEntry) -> tuple[list[str | None], list[str | None], list[str | None]]:
    """(present, absent, observers) by name."""
    return (
        [a.name for a in entry.present],
        [a.name for a in entry.absent],
        [a.name for a in entry.observers],
    )


def present(text: str) -> list[str | None]:
    return [a.name for a in parse_attendees(text)]


# ---------------------------------------------------------------- parse_attendees: lists of names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@mira @tobias @quinn", ["mira", "tobias", "quinn"]),
        ("@周明远 @林雅婷", ["周明远", "林雅婷"]),
        ("Priya Natarajan, Tomas Berg and Lena Vogel", ["Priya Natarajan", "Tomas Berg", "Lena Vogel"]),
        ("Priya、Tomas、Lena", ["Priya", "Tomas", "Lena"]),
        ("Ines & Omar", ["Ines", "Omar"]),
        ("周明远，林雅婷，郑浩然", ["周明远", "林雅婷", "郑浩然"]),
        ("周明远和林雅婷", ["周明远", "林雅婷"]),
        ("周明远 林雅婷 郑浩然", ["周明远", "林雅婷", "郑浩然"]),
        ("陳志豪 黃怡君", ["陳志豪", "黃怡君"]),
        ("歐陽文傑 司徒嘉欣 馮子健", ["歐陽文傑", "司徒嘉欣", "馮子健"]),
        ("**周明远**、**林雅婷**", ["周明远", "林雅婷"]),
        ("周明远、林雅婷等", ["周明远", "林雅婷"]),
        ("Mo K., Dee J.", ["Mo K.", "Dee J."]),
    ],
)
def test_a_list_of_names_gives_one_attendee_each(text: str, expected: list[str]) -> None:
    assert present(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Research and Development",  # "and" inside a department joins no people
        "研发 周明远",  # a word and a name: not two names
        "婉婷 子涵",  # given names alone: nothing says these are two people
        "張 家豪",  # one name, written with a space
    ],
)
def test_spaces_and_and_split_only_names(text: str) -> None:
    assert len(parse_attendees(text)) <= 1


def test_a_name_with_and_inside_stays_whole() -> None:
    assert present("王和平、李四海") == ["王和平", "李四海"]


@pytest.mark.parametrize(
    ("text", "name", "department"),
    [
        ("Harriet Sloane (Initech)", "Harriet Sloane", "Initech"),
        ("周明远（星河科技）", "周明远", "星河科技"),
        ("陳志豪（資訊部）", "陳志豪", "資訊部"),
        ("Harriet Sloane (Legal)", "Harriet Sloane", "Legal"),
        ("@nimbus42(周明远)", "nimbus42", None),  # the real name behind a handle is no organisation
        ("林雅婷(代理郑浩然)", "林雅婷", None),  # a proxy note is not a name
        ("郑浩然（云帆 刘一鸣代表）", "郑浩然", "云帆"),
        ("Ines Duarte (https://example.org/ines)", "Ines Duarte", None),
        ("Ines Duarte (mailto:ines@example.org) (Umbrella)", "Ines Duarte", "Umbrella"),
        ("Ines Duarte (Team Lead)", "Ines Duarte", None),  # a role is not an organisation
        ("周明远（项目组长）", "周明远", None),
        ("周明远 (主持人)", "周明远", None),
    ],
)
def test_a_bracket_after_a_name_is_never_part_of_it(text: str, name: str, department: str | None) -> None:
    [attendee] = parse_attendees(text)
    assert (attendee.name, attendee.department) == (name, department)


def test_a_role_after_a_handle_is_no_second_person() -> None:
    assert present("@skyler-dev (https://example.org/skyler-dev), Host") == ["skyler-dev"]


def test_leftover_markup_is_dropped() -> None:
    assert present("**Tomas Berg**") == ["Tomas Berg"]
    assert present("[@skyler-dev](https://example.org/skyler-dev)") == ["skyler-dev"]
    assert present("主委吳建華<br>") == ["吳建華"]
    assert names(attendee_entry("周明远<br/>林雅婷（請假）")) == (["周明远"], ["林雅婷"], [])


def test_people_marked_absent_are_not_attendees() -> None:
    assert present("主委吳建華、副主委蘇美玲（請假）、財委何宗翰") == ["吳建華", "何宗翰"]


def test_an_observer_field_makes_observers() -> None:
    attendees = parse_attendees("周明远、林雅婷（出席）", default_role="observer")
    assert [a.role for a in attendees] == ["observer", "observer"]


def test_department_groups_still_read_as_before() -> None:
    attendees = parse_attendees("运营部：周明远、林雅婷；法务部：郑律师（列席）")
    assert [(a.department, a.name, a.role) for a in attendees] == [
        ("运营部", "周明远", "attendee"),
        ("运营部", "林雅婷", "attendee"),
        ("法务部", "郑律师", "observer"),
    ]


def test_an_external_person_in_a_group_keeps_no_department() -> None:
    [attendee] = parse_attendees("直播团队：小琪（外部）")
    assert (attendee.department, attendee.name) == (None, "小琪")


# ---------------------------------------------------------------- attendee_entry: one list item


def test_ticked_and_unticked_attendance_boxes() -> None:
    assert names(attendee_entry("- [x] Priya Natarajan")) == (["Priya Natarajan"], [], [])
    assert names(attendee_entry("- [ ] Tomas Berg", line=7)) == ([], ["Tomas Berg"], [])
    assert attendee_entry("- [ ] Tomas Berg", line=7).absent[0].line == 7
    assert names(attendee_entry("[X] 周明远")) == (["周明远"], [], [])


def test_a_role_and_company_after_a_dash_are_not_names() -> None:
    entry = attendee_entry("* Harriet Sloane - Product Manager, Initech")
    assert [(a.name, a.department) for a in entry.present] == [("Harriet Sloane", "Initech")]
    assert names(attendee_entry("- 郑浩然 - 产品经理")) == (["郑浩然"], [], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Harriet Sloane: Yes", (["Harriet Sloane"], [], [])),
        ("- 周明远：出席", (["周明远"], [], [])),
        ("- 陳志豪：到", (["陳志豪"], [], [])),
        ("- Tomas Berg - No", ([], ["Tomas Berg"], [])),
        ("- Tomas Berg: N", ([], ["Tomas Berg"], [])),
        ("- Tomas Berg (regrets)", ([], ["Tomas Berg"], [])),
        ("- Tomas Berg (apologies)", ([], ["Tomas Berg"], [])),
        ("- 黃怡君（請假）", ([], ["黃怡君"], [])),
        ("- 林雅婷 未到", ([], ["林雅婷"], [])),
        ("- 林雅婷缺席", ([], ["林雅婷"], [])),
        ("- 吳建華（列席）", ([], [], ["吳建華"])),
        ("- Lena Vogel (observer)", ([], [], ["Lena Vogel"])),
        ("- Lena Vogel (non-voting)", ([], [], ["Lena Vogel"])),
        ("- Omar ✓", (["Omar"], [], [])),
        ("- Omar ✗", ([], ["Omar"], [])),
        ("- √ 周明远", (["周明远"], [], [])),
        ("- Ines (remote)", (["Ines"], [], [])),
        ("- 郑浩然（线上）", (["郑浩然"], [], [])),
    ],
)
def test_an_entry_says_who_came(text: str, expected: tuple[list[str], list[str], list[str]]) -> None:
    assert names(attendee_entry(text)) == expected


def test_a_short_name_is_not_read_as_a_mark() -> None:
    # "Y." and "N" after a bare space are initials, and "No" a surname: only after a colon are they marks
    assert names(attendee_entry("- Dee Y.")) == (["Dee Y."], [], [])
    assert names(attendee_entry("- Mo N Park")) == (["Mo N Park"], [], [])
    assert names(attendee_entry("- Tae No")) == (["Tae No"], [], [])
    assert names(attendee_entry("- Tae No: No")) == ([], ["Tae No"], [])


def test_a_head_count_is_nobody() -> None:
    assert attendee_entry("出席：12人").is_empty()
    assert attendee_entry("Attendance: 9 people").is_empty()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 线上：周明远、林雅婷", (["周明远", "林雅婷"], [], [])),
        ("- 現場：陳志豪、黃怡君", (["陳志豪", "黃怡君"], [], [])),
        ("- Online: Priya Natarajan, Tomas Berg", (["Priya Natarajan", "Tomas Berg"], [], [])),
        ("- In person: Omar, Ines", (["Omar", "Ines"], [], [])),
        ("- 列席：郑浩然", ([], [], ["郑浩然"])),
        ("- 請假：黃怡君、陳志豪", ([], ["黃怡君", "陳志豪"], [])),
        ("- Absent: Lena Vogel", ([], ["Lena Vogel"], [])),
        ("- Regrets: Lena Vogel, Omar", ([], ["Lena Vogel", "Omar"], [])),
        ("出席委員：主委吳建華、副主委蘇美玲（請假）", (["吳建華"], ["蘇美玲"], [])),
        ("列席住戶：A3棟王先生", ([], [], ["A3棟王先生"])),
    ],
)
def test_a_line_of_several_names_after_a_label(text: str, expected: tuple[list[str], list[str], list[str]]) -> None:
    assert names(attendee_entry(text)) == expected


def test_a_group_label_before_a_dash_is_their_department() -> None:
    entry = attendee_entry("* 前端 - Kiki、Momo")
    assert [(a.department, a.name) for a in entry.present] == [("前端", "Kiki"), ("前端", "Momo")]


def test_an_absence_keeps_its_reason_and_proxy() -> None:
    [absent] = attendee_entry("- 黃怡君（請假，由陳志豪代理出席）", line=4).absent
    assert (absent.name, absent.reason, absent.proxy, absent.line) == ("黃怡君", None, "陳志豪", 4)
    [absent] = attendee_entry("- 林雅婷（请假，出差上海）").absent
    assert (absent.name, absent.reason) == ("林雅婷", "出差上海")
    [absent] = attendee_entry("- Tomas Berg (absent - travelling)").absent
    assert (absent.name, absent.reason) == ("Tomas Berg", "travelling")


def test_a_proxy_that_names_nobody_stays_in_the_reason() -> None:
    [absent] = attendee_entry("監委何宗翰（請假委託代理）").absent
    assert (absent.name, absent.reason, absent.proxy) == ("何宗翰", "委託代理", None)


def test_the_default_follows_the_heading_above_the_list() -> None:
    assert names(attendee_entry("- Lena Vogel", default="absent")) == ([], ["Lena Vogel"], [])
    assert names(attendee_entry("- 郑浩然", default="observer")) == ([], [], ["郑浩然"])
    # a tick under an observers heading is still an observer
    assert names(attendee_entry("- [x] 郑浩然", default="observer")) == ([], [], ["郑浩然"])


# ---------------------------------------------------------------- role prefixes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("主委吳建華", "吳建華"),
        ("財委何宗翰", "何宗翰"),
        ("主席 周明远", "周明远"),
        ("總幹事蘇美玲", "蘇美玲"),
        ("组长小琪", "小琪"),
        ("Chair: Harriet Sloane", "Harriet Sloane"),
        ("Secretary Tomas Berg", "Tomas Berg"),
        ("TA Lena Vogel", "Lena Vogel"),
    ],
)
def test_a_known_role_before_a_name_is_taken_off(text: str, expected: str) -> None:
    assert present(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "林副會長志明",  # the title inside the name: kept whole
        "黃秘書長怡君",
        "王學權部長子軒",
        "陳部員佳穎",
        "主委",  # a role and no name: nothing to take off
        "Leadbetter Smith",  # starts like a role word, is a name
        "Harriet Chairwell",
    ],
)
def test_names_without_a_separable_role_stay_whole(text: str) -> None:
    assert present(text) in ([text], [])
    if looks_like_person_name(text):
        assert present(text) == [text]


def test_an_unknown_word_before_a_name_is_not_taken_off() -> None:
    # 棒委 is no role on the list: the text stays as written
    assert present("棒委吳建華") == ["棒委吳建華"]


def test_a_role_prefix_goes_only_before_a_name() -> None:
    # what follows 委员 here is no name: nothing is taken off, and a collective is nobody
    assert present("委员会成员") == []
    assert present("主席团") == ["主席团"]


# ---------------------------------------------------------------- absentees and single people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("韓志明 司徒嘉欣", [("韓志明", None), ("司徒嘉欣", None)]),
        ("Lena Vogel, Omar Haddad", [("Lena Vogel", None), ("Omar Haddad", None)]),
        ("周明远，林雅婷", [("周明远", None), ("林雅婷", None)]),
        ("郑经理，客户拜访", [("郑经理", "客户拜访")]),  # a name and a reason, not two people
        ("Tomas Berg, customer visit", [("Tomas Berg", "customer visit")]),
        ("副主委蘇美玲", [("蘇美玲", None)]),
        ("黃財務部長怡君、林部員佳穎", [("黃財務部長怡君", None), ("林部員佳穎", None)]),
    ],
)
def test_absentee_lists(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(a.name, a.reason) for a in parse_absentees(text)] == expected


@pytest.mark.parametrize(
    ("text", "department", "name"),
    [
        ("周明远（项目组长）", None, "周明远"),  # a role in brackets is not part of the name
        ("Ines Duarte (https://example.org/ines)", None, "Ines Duarte"),
        ("主席 周明远", None, "周明远"),
        ("李科文", None, "李科文"),  # 科 ends departments, but this is a name
        ("何學權部長子軒", None, "何學權部長子軒"),
        ("销售部许经理", "销售部", "许经理"),  # what was split before still is
        ("市场部 张经理", "市场部", "张经理"),
        ("相关部门", "相关部门", None),
    ],
)
def test_one_person(text: str, department: str | None, name: str | None) -> None:
    person = parse_person(text)
    assert person is not None
    assert (person.department, person.name) == (department, name)


# ---------------------------------------------------------------- sentences and collectives


@pytest.mark.parametrize(
    "text",
    [
        "Members of the steering group who attended:",
        "Quorum was reached.",
        "全体成员",
        "各部门负责人",
        "everyone",
        "无",
        "N/A",
    ],
)
def test_no_person_comes_from_a_sentence_or_a_collective(text: str) -> None:
    assert attendee_entry(text).is_empty()


# ---------------------------------------------------------------- attendance_table


def test_a_table_with_a_presence_column() -> None:
    entry = attendance_table(
        ["姓名", "部门", "出席情况", "备注"],
        [
            ["周明远", "产品部", "√", ""],
            ["林雅婷", "研发部", "请假（出差）", ""],
            ["郑浩然", "研发部", "", ""],
            ["吴佳琪", "", "列席", ""],
            ["合计", "", "", ""],
        ],
        lines=[5, 6, 7, 8, 9],
    )
    assert entry is not None
    assert [(a.department, a.name) for a in entry.present] == [("产品部", "周明远")]
    assert [(a.name, a.reason, a.line) for a in entry.absent] == [("林雅婷", "出差", 6), ("郑浩然", None, 7)]
    assert [a.name for a in entry.observers] == ["吴佳琪"]


@pytest.mark.parametrize(
    ("value", "came"),
    [
        ("Yes", True), ("y", True), ("x", True), ("✓", True), ("✔", True), ("☑", True), ("present", True),
        ("online", True), ("Offline", True), ("09:02", True),
        ("No", False), ("n", False), ("✗", False), ("×", False), ("absent", False), ("regrets", False),
        ("", False), ("-", False),
    ],
)
def test_english_presence_values(value: str, came: bool) -> None:
    entry = attendance_table(["Name", "Present"], [["Harriet Sloane", value]])
    assert entry is not None
    assert names(entry) == ((["Harriet Sloane"], [], []) if came else ([], ["Harriet Sloane"], []))


@pytest.mark.parametrize(
    ("value", "came"),
    [
        ("出席", True), ("到", True), ("已到", True), ("是", True), ("有", True), ("线上", True), ("現場", True),
        ("缺席", False), ("请假", False), ("請假", False), ("未到", False), ("否", False),
    ],
)
def test_chinese_presence_values(value: str, came: bool) -> None:
    entry = attendance_table(["成員", "簽到"], [["陳志豪", value]])
    assert entry is not None
    assert names(entry) == ((["陳志豪"], [], []) if came else ([], ["陳志豪"], []))


def test_a_table_without_a_presence_column_counts_everyone_listed() -> None:
    entry = attendance_table(["Member", "Organization", "Notes"], [["Ines Duarte", "Umbrella", ""], ["Omar", "Initech", "regrets"]])
    assert entry is not None
    assert [(a.department, a.name) for a in entry.present] == [("Umbrella", "Ines Duarte")]
    assert [a.name for a in entry.absent] == ["Omar"]


def test_a_role_column_can_mark_observers() -> None:
    entry = attendance_table(["姓名 (Name)", "角色"], [["周明远", "列席"], ["林雅婷", "组员"]])
    assert entry is not None
    assert names(entry) == (["林雅婷"], [], ["周明远"])


@pytest.mark.parametrize(
    "header",
    [
        ["What", "Who", "When"],  # an action table
        ["任务", "负责人", "截止时间"],
        ["项目", "内容"],
        ["Topic", "Notes"],
    ],
)
def test_a_table_without_a_name_column_is_no_attendance_table(header: list[str]) -> None:
    assert attendance_table(header, [["a", "b", "c"]]) is None


# ---------------------------------------------------------------- headings


@pytest.mark.parametrize(
    "heading",
    [
        "Present", "## Attendees", "Attendance", "Participants", "Members present", "Roll call:", "Online attendees",
        "参会人员", "参会者", "参会成员", "参与者", "出席", "## 1. 参会人员", "1️⃣ 参会人员", "### 👥 Attendees:",
        "參與者", "出席人員", "出席委員", "與會人員", "與會者", "參加人員", "**出席人員（共8人）**",
        "参会人员 (Attendance)", "Attendees / 参会人员", "一、参会人员",
    ],
)
def test_attendance_headings(heading: str) -> None:
    assert is_attendance_heading(heading)
    assert not is_absence_heading(heading) and not is_observer_heading(heading)


@pytest.mark.parametrize(
    "heading",
    ["Regrets", "Absent", "Apologies", "## Apologies for absence", "缺席", "缺席人员及原因", "請假", "请假人员", "未到人員"],
)
def test_absence_headings(heading: str) -> None:
    assert is_absence_heading(heading)
    assert not is_attendance_heading(heading)


@pytest.mark.parametrize(
    "heading",
    ["列席", "列席人員", "其他列席人员", "Observers", "Guests", "## Non-voting observers", "出席住戶", "線上住戶"],
)
def test_observer_headings(heading: str) -> None:
    assert is_observer_heading(heading)
    assert not is_attendance_heading(heading)


@pytest.mark.parametrize(
    "heading",
    ["议程", "Agenda", "Action Items", "Decisions", "请假制度讨论", "Present Value of the Fund", "出席率分析", "Attendees list update plan"],
)
def test_other_headings_introduce_no_people(heading: str) -> None:
    assert attendance_heading_kind(heading) is None


def test_an_attendance_label_splits_from_its_names() -> None:
    assert attendance_label("出席人員\t林副會長志明、黃秘書長怡君") == ("present", "林副會長志明、黃秘書長怡君")
    assert attendance_label("**列席人员**：郑浩然") == ("observer", "郑浩然")
    assert attendance_label("Regrets: Lena Vogel") == ("absent", "Lena Vogel")
    assert attendance_label("主持人：周明远") is None
    assert attendance_label("周明远、林雅婷") is None


# ---------------------------------------------------------------- looks_like_person_name


@pytest.mark.parametrize(
    "text",
    [
        "周明远", "林主管", "歐陽文傑", "小琪", "林副會長志明", "張 家豪", "阿卜杜·热合曼",
        "Harriet Sloane", "Omar", "Mo K.", "Ines van der Berg", "Łucja Nowak", "KJ",
        "@nimbus42", "@skyler", "sky_walker", "gitee-id", "zhu.wen",
        "- [x] Priya Natarajan (Team Lead)", "- 周明远（星河科技）", "主委吳建華", "- Omar: Yes",
        "- 线上：周明远、林雅婷", "* Harriet Sloane - Product Manager, Initech",
    ],
)
def test_names_look_like_names(text: str) -> None:
    assert looks_like_person_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "市场部", "研发中心", "Marketing Team", "Customer Service",  # departments
        "We agreed to ship on Friday.", "讨论了下周的发布计划", "周明远负责跟进这个问题的处理进度",  # sentences
        "https://example.org/people", "team@example.org",  # addresses
        "全体成员", "everyone", "主持人", "Chair", "Product Manager",  # collectives and roles
        "Next Steps", "Action Items", "参会人员", "无", "", "skyler",  # a heading, nothing, a plain word
    ],
)
def test_other_text_does_not_look_like_a_name(text: str) -> None:
    assert not looks_like_person_name(text)


# ---------------------------------------------------------------- helpers, speed, robustness


def test_strip_list_marker() -> None:
    assert strip_list_marker("- [x] Omar") == ("Omar", True)
    assert strip_list_marker("* [ ] Omar") == ("Omar", False)
    assert strip_list_marker("1. 周明远") == ("周明远", None)
    assert strip_list_marker("*经理") == ("*经理", None)  # a placeholder name, not a bullet


def test_reading_a_long_attendee_list_is_fast() -> None:
    line = "出席委員：" + "、".join(f"委員{name}" for name in ["吳建華", "蘇美玲（請假）", "何宗翰", "林志明"] * 10)
    attendee_entry(line)  # first call compiles the patterns
    start = time.perf_counter()
    for _ in range(20):
        attendee_entry(line)
        attendance_heading_kind("## 1. 参会人员")
        looks_like_person_name("Harriet Sloane (Initech)")
    assert (time.perf_counter() - start) / 20 < 0.005


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_reads_without_an_error(text: str) -> None:
    entry = attendee_entry(text)
    assert all(a.name or a.department for a in [*entry.present, *entry.observers])
    looks_like_person_name(text)
    attendance_heading_kind(text)
    attendance_table([text, "出席"], [[text, text]])
