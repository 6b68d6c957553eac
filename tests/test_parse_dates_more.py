"""More date forms (parsers/dates.py): ROC years, compact and day-first dates,
weekdays, days of the month, spans, and dates in titles and file names.

Every example is made up; each form is tried in Simplified Chinese, Traditional
Chinese and English wherever recorders write it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.dates import date_in_file_name, date_in_title, date_with_weekday, parse_date, year_of

MEETING = dt.date(2023, 10, 25)  # a Wednesday
D = dt.date


# -- 1. ROC (民國) years


@pytest.mark.parametrize(
    "text",
    [
        "114年3月11日",
        "民國114年3月11日",
        "民国114年3月11日",
        "中華民國114年3月11日",
        "民國一一四年三月十一日",
        "114/3/11",
        "114.3.11",
        "114-03-11",
        "１１４／３／１１",
        "交貨期限：114年3月11日前",
    ],
)
def test_roc_years_count_from_1912(text: str) -> None:
    assert parse_date(text, MEETING) == D(2025, 3, 11)
    assert parse_date(text) == D(2025, 3, 11)


def test_a_two_digit_roc_year_needs_the_era_name() -> None:
    assert parse_date("民國99年3月11日", MEETING) == D(2010, 3, 11)


@pytest.mark.parametrize(
    "text",
    [
        "24年3月5日",  # 2024 in a mainland note, 1935 in a Taiwanese one
        "24年3月5日前完成",
        "24/3/11",
        "12-3-11",
        "100.1.2.3",  # an address, not ROC 100
        "300年3月5日",
    ],
)
def test_dates_whose_year_cannot_be_told_stay_empty(text: str) -> None:
    assert parse_date(text, MEETING) is None


def test_western_years_are_not_taken_for_roc_years() -> None:
    assert parse_date("2023/10/25", MEETING) == D(2023, 10, 25)
    assert parse_date("2023年11月5日", MEETING) == D(2023, 11, 5)


# -- 2. eight-digit dates


@pytest.mark.parametrize("text", ["20241129", "截止：20241129", "截止：20241129前", "Due 20241129"])
def test_compact_dates(text: str) -> None:
    assert parse_date(text, MEETING) == D(2024, 11, 29)


@pytest.mark.parametrize(
    "text", ["202411290", "120241129", "20241399", "PO20241129", "20241129a", "合同编号20231125", "單號20231125", "No.20231125"]
)
def test_other_digit_runs_are_not_compact_dates(text: str) -> None:
    assert parse_date(text) is None


# -- 3. a year at the end: day first or month first


@pytest.mark.parametrize(
    "text", ["25/09/2019", "09/25/2019", "25.09.2019", "25-09-2019", "会议日期：25/09/2019", "會議日期：25.09.2019"]
)
def test_a_number_over_12_shows_the_order(text: str) -> None:
    assert parse_date(text, MEETING) == D(2019, 9, 25)


@pytest.mark.parametrize("text", ["03/04/2019", "03-04-2019", "03.04.2019", "截止：03/04/2019", "Due 03-04-2019"])
def test_day_and_month_both_up_to_12_stay_unread_without_an_order(text: str) -> None:
    assert parse_date(text, MEETING) is None
    assert parse_date(text, MEETING, date_order="dmy") == D(2019, 4, 3)
    assert parse_date(text, MEETING, date_order="mdy") == D(2019, 3, 4)


def test_equal_day_and_month_read_the_same_either_way() -> None:
    assert parse_date("03/03/2019", MEETING) == D(2019, 3, 3)


def test_an_evident_order_wins_over_the_date_order() -> None:
    assert parse_date("25/09/2019", MEETING, date_order="mdy") == D(2019, 9, 25)
    assert parse_date("09/25/2019", MEETING, date_order="dmy") == D(2019, 9, 25)


def test_year_less_dates_stay_month_first_unless_told_day_first() -> None:
    assert parse_date("4/28", MEETING) == D(2024, 4, 28)
    assert parse_date("11/5", MEETING) == D(2023, 11, 5)
    assert parse_date("11/5", MEETING, date_order="mdy") == D(2023, 11, 5)
    assert parse_date("5/11", MEETING, date_order="dmy") == D(2023, 11, 5)


# -- 4. a weekday beside a date


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("4月28日（周六）", 2018, D(2018, 4, 28)),
        ("4月28日 星期六", 2018, D(2018, 4, 28)),
        ("4月28日（週六）", 2018, D(2018, 4, 28)),
        ("4月28日(星期六)", 2018, D(2018, 4, 28)),
        ("4/28 (Sat)", 2018, D(2018, 4, 28)),
        ("(Wed 4/22)", 2020, D(2020, 4, 22)),
        ("Saturday, April 28", 2018, D(2018, 4, 28)),
        ("Sat 28 Apr", 2018, D(2018, 4, 28)),
        ("3/11（二）", 2025, D(2025, 3, 11)),  # the lone weekday of Taiwanese notes
        ("114年3月11日（二）", None, D(2025, 3, 11)),
        # notes of a December meeting about January, and of a January one about December
        ("1月5日（周五）", 2023, D(2024, 1, 5)),
        ("1/5 (Fri)", 2023, D(2024, 1, 5)),
        ("12月29日（週五）", 2024, D(2023, 12, 29)),
        # a date with its year is returned when the weekday agrees
        ("2024年4月28日（星期日）", None, D(2024, 4, 28)),
        ("Sun, 28 April 2024", None, D(2024, 4, 28)),
    ],
)
def test_a_weekday_finds_the_year(text: str, hint: int | None, expected: dt.date) -> None:
    assert date_with_weekday(text, hint) == expected


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("4月28日（周一）", 2018),  # a Monday in none of 2017, 2018, 2019
        ("4月28日（週一）", 2018),
        ("4/28 (Mon)", 2018),
        ("4月28日（周六）", 2025),  # a Saturday in 2018, far from the hint
        ("4月28日（周六）", None),  # without a hint a weekday repeats every few years
        ("Sat 28 Apr", None),
        ("4月28日", 2018),  # no weekday
        ("April 28", 2018),
        ("周六", 2018),  # no date
        ("2024年4月28日（星期一）", None),  # the weekday contradicts the date
    ],
)
def test_a_weekday_that_does_not_settle_the_year_gives_none(text: str, hint: int | None) -> None:
    assert date_with_weekday(text, hint) is None


@pytest.mark.parametrize(
    "text", ["2024年4月28日（星期日）", "2024年4月28日（週日）", "Sun, 28 April 2024", "Sunday, April 28, 2024"]
)
def test_a_weekday_does_not_stop_a_date_from_parsing(text: str) -> None:
    assert parse_date(text, MEETING) == D(2024, 4, 28)


# -- 5. a day of the month alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15号", D(2023, 11, 15)),  # the 25th meeting: next month's 15th
        ("15號", D(2023, 11, 15)),
        ("15日前", D(2023, 11, 15)),
        ("15号之前", D(2023, 11, 15)),
        ("十五号前", D(2023, 11, 15)),
        ("the 15th", D(2023, 11, 15)),
        ("by the 15th.", D(2023, 11, 15)),
        ("30号", D(2023, 10, 30)),  # still ahead this month
        ("30號下午", D(2023, 10, 30)),
        ("25号", D(2023, 10, 25)),  # the meeting day itself
        ("下月15号", D(2023, 11, 15)),
        ("下個月15號", D(2023, 11, 15)),
        ("本月30日前", D(2023, 10, 30)),
        ("the 3rd of next month", D(2023, 11, 3)),
    ],
)
def test_a_day_of_the_month_is_the_next_one(text: str, expected: dt.date) -> None:
    assert parse_date(text, MEETING) == expected


def test_a_day_of_the_month_skips_months_without_it() -> None:
    assert parse_date("31号", D(2023, 11, 5)) == D(2023, 12, 31)
    assert parse_date("the 30th", D(2024, 2, 10)) == D(2024, 3, 30)


def test_progress_on_a_day_of_the_month_stays_in_the_meeting_month() -> None:
    assert parse_date("15号", MEETING, roll=False) == D(2023, 10, 15)


@pytest.mark.parametrize(
    "text",
    ["15号楼", "3號線", "第3号", "A栋5号", "每月15号", "每月15日前", "the 15th floor", "the 2nd round",
     "on the 15th of every month"],
)
def test_numbers_that_are_not_days_of_the_month(text: str) -> None:
    assert parse_date(text, MEETING) is None


def test_a_day_of_the_month_needs_the_meeting_date() -> None:
    assert parse_date("15号", None) is None
    assert parse_date("the 15th", None) is None


def test_a_month_and_day_is_still_read_whole() -> None:
    assert parse_date("10月25日", MEETING) == D(2023, 10, 25)
    assert parse_date("11月15号前", MEETING) == D(2023, 11, 15)


# -- 6. spans from the meeting, this/next week, this/next month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("两周内", D(2023, 11, 8)),
        ("兩週內", D(2023, 11, 8)),
        ("两个星期内", D(2023, 11, 8)),
        ("兩個禮拜之內", D(2023, 11, 8)),
        ("within two weeks", D(2023, 11, 8)),
        ("in two weeks", D(2023, 11, 8)),
        ("三天内", D(2023, 10, 28)),
        ("三天以內", D(2023, 10, 28)),
        ("十天后", D(2023, 11, 4)),
        ("within 3 days", D(2023, 10, 28)),
        ("in three days", D(2023, 10, 28)),
        ("一个月内", D(2023, 11, 25)),
        ("一個月內", D(2023, 11, 25)),
        ("within a month", D(2023, 11, 25)),
        ("三个月内", D(2024, 1, 25)),
        ("in 3 months", D(2024, 1, 25)),
        ("本周", D(2023, 10, 29)),  # the Sunday ending the meeting's week
        ("本週內", D(2023, 10, 29)),
        ("this week", D(2023, 10, 29)),
        ("下周", D(2023, 11, 5)),
        ("下週", D(2023, 11, 5)),
        ("next week", D(2023, 11, 5)),
        ("本月", D(2023, 10, 31)),
        ("本月内", D(2023, 10, 31)),
        ("this month", D(2023, 10, 31)),
        ("下个月", D(2023, 11, 30)),
        ("下個月", D(2023, 11, 30)),
        ("next month", D(2023, 11, 30)),
        # a weekday keeps its meaning
        ("下周一", D(2023, 10, 30)),
        ("下週一", D(2023, 10, 30)),
        ("next Monday", D(2023, 10, 30)),
        ("下周的周五", D(2023, 11, 3)),
        ("Friday next week", D(2023, 11, 3)),
    ],
)
def test_spans_and_named_weeks_and_months(text: str, expected: dt.date) -> None:
    assert parse_date(text, MEETING) == expected


def test_a_month_later_is_the_last_day_of_a_shorter_month() -> None:
    assert parse_date("一个月内", D(2024, 1, 31)) == D(2024, 2, 29)


def test_online_and_offline_are_not_last_and_next_week() -> None:
    assert parse_date("线下周五活动", MEETING) == D(2023, 10, 27)
    assert parse_date("線上週五例會", MEETING) == D(2023, 10, 27)


@pytest.mark.parametrize("text", ["上周五", "上週五", "last Friday"])
def test_last_week_is_behind_the_meeting(text: str) -> None:
    assert parse_date(text, MEETING, roll=False) == D(2023, 10, 20)


@pytest.mark.parametrize(
    "text",
    ["下周初", "下週中", "early next week", "下个月初", "下個月中旬", "mid next month", "第二周内", "第2週內"],
)
def test_early_or_middle_of_a_period_and_numbered_weeks_stay_empty(text: str) -> None:
    assert parse_date(text, MEETING) is None


# -- 7. dates in titles and file names


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2024-04-12 周会", D(2024, 4, 12)),
        ("2024-04-12 週會", D(2024, 4, 12)),
        ("Weekly sync 2019-09-25", D(2019, 9, 25)),
        ("20241129 例会", D(2024, 11, 29)),
        ("20241129 例會", D(2024, 11, 29)),
        ("第12次例会（2024年3月5日）", D(2024, 3, 5)),
        ("第12次例會（2024年3月5日）", D(2024, 3, 5)),
        ("二〇二四年三月五日例会", D(2024, 3, 5)),
        ("民國114年3月11日部門會議", D(2025, 3, 11)),
        ("114/3/11 週會", D(2025, 3, 11)),
        ("Sep 25, 2019 standup", D(2019, 9, 25)),
        ("Standup 25 September 2019", D(2019, 9, 25)),
        ("Board meeting 25/09/2019", D(2019, 9, 25)),
        ("2024-04-12 周会（2024年4月12日）", D(2024, 4, 12)),  # the same date twice
        ("2024-04-12 周会 v12.3.1", D(2024, 4, 12)),
    ],
)
def test_date_in_title(title: str, expected: dt.date) -> None:
    assert date_in_title(title) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Release 24.09 planning",
        "v2.3 评审会",
        "v2.3 評審會",
        "3月5日例会",  # no year
        "Sync Mar 5",
        "Q3 2024 planning",
        "2024-04-12 至 2024-04-14 培训",  # two dates
        "2024-04-12 至 2024-04-14 培訓",
        "Offsite 2024-04-12 to 2024-04-14",
        "24年3月5日例会",
        "周会",
        "",
    ],
)
def test_no_single_date_in_title(title: str) -> None:
    assert date_in_title(title) is None


def test_an_ambiguous_date_in_a_title_needs_the_date_order() -> None:
    assert date_in_title("Sync 03/04/2019") is None
    assert date_in_title("Sync 03/04/2019", date_order="dmy") == D(2019, 4, 3)
    assert date_in_title("周会 03/04/2019", date_order="mdy") == D(2019, 3, 4)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("meeting-20201216", D(2020, 12, 16)),
        ("meeting20201216", D(2020, 12, 16)),
        ("2020-05-05-weekly", D(2020, 5, 5)),
        ("tsc_2019_03_06", D(2019, 3, 6)),
        ("16-12-2020", D(2020, 12, 16)),
        ("minutes-1140311", D(2025, 3, 11)),
        ("例会-20201216", D(2020, 12, 16)),
        ("週會_114-03-11", D(2025, 3, 11)),
    ],
)
def test_date_in_file_name(name: str, expected: dt.date) -> None:
    assert date_in_file_name(name) == expected


@pytest.mark.parametrize(
    "name", ["notes", "weekly-v2", "ticket-1234567", "03-04-2019", "2020-05-05_2020-05-12", "minutes-2020-05"]
)
def test_no_date_in_file_name(name: str) -> None:
    assert date_in_file_name(name) is None


def test_an_ambiguous_file_name_date_needs_the_date_order() -> None:
    assert date_in_file_name("03-04-2019", date_order="dmy") == D(2019, 4, 3)


# -- 8. a year from context


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022 Spring team meeting", 2022),
        ("2022年春季团队会议", 2022),
        ("二〇二二年春季團隊會議", 2022),
        ("民國114年度預算會議", 2025),
        ("20241129 例会", 2024),
        ("Sync 03/04/2019", 2019),  # the year is clear even where day and month are not
        ("FY2023 kickoff", 2023),
        ("2022 Q1 与 2023 Q1 对比", None),
        ("2022 vs 2023 review", None),
        ("周会", None),
        ("预算2000万", None),  # an amount
        ("招募2000人", None),
        ("Weekly sync", None),
    ],
)
def test_year_of(text: str, expected: int | None) -> None:
    assert year_of(text) == expected
