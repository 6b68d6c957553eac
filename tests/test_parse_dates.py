"""Dates and times as recorders type them (parsers/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.dates import chinese_number, parse_date, parse_time_range, split_trailing_time_slot

MEETING = dt.date(2023, 10, 25)  # a Wednesday
D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年10月25日", D(2023, 10, 25)),
        ("2023年 10 月 5 日", D(2023, 10, 5)),
        ("2023-11-05", D(2023, 11, 5)),
        ("2023/11/5", D(2023, 11, 5)),
        ("2023.11.05", D(2023, 11, 5)),
        ("11/15/2023", D(2023, 11, 15)),
        ("11月10日", D(2023, 11, 10)),
        ("11月10号", D(2023, 11, 10)),
        ("11月10日前", D(2023, 11, 10)),
        ("11月10日之前", D(2023, 11, 10)),
        ("11月10日以前", D(2023, 11, 10)),
        ("11.15", D(2023, 11, 15)),
        ("11/15", D(2023, 11, 15)),
        ("DDL 11.15", D(2023, 11, 15)),
        ("１２月２７日", D(2023, 12, 27)),
        ("２０２３年１２月２７日", D(2023, 12, 27)),
        ("十一月十五日", D(2023, 11, 15)),
        ("十二月三十一日前", D(2023, 12, 31)),
        ("二〇二四年一月十日", D(2024, 1, 10)),
        ("十月二十五日", D(2023, 10, 25)),
        ("Dec 2", D(2023, 12, 2)),
        ("December 2", D(2023, 12, 2)),
        ("Dec. 2nd", D(2023, 12, 2)),
        ("2 Dec 2026", D(2026, 12, 2)),
        ("2nd of December", D(2023, 12, 2)),
        ("Dec 11, 2026", D(2026, 12, 11)),
        ("by Nov 3", D(2023, 11, 3)),
    ],
)
def test_absolute_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text, MEETING) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1月5日", D(2024, 1, 5)),  # before the meeting: next January
        ("1.5", D(2024, 1, 5)),
        ("Jan 5", D(2024, 1, 5)),
        ("10月24日", D(2024, 10, 24)),
        ("10月25日", D(2023, 10, 25)),  # the meeting day itself stays
    ],
)
def test_year_less_dates_roll_into_next_year(text: str, expected: dt.date) -> None:
    assert parse_date(text, MEETING) == expected


def test_year_less_progress_dates_do_not_roll() -> None:
    assert parse_date("10月20日", MEETING, roll=False) == D(2023, 10, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("D+3", D(2023, 10, 28)),
        ("d + 10", D(2023, 11, 4)),
        ("3天内", D(2023, 10, 28)),
        ("5個工作日內", D(2023, 11, 1)),
        ("本周五", D(2023, 10, 27)),
        ("本週五", D(2023, 10, 27)),
        ("周五前", D(2023, 10, 27)),
        ("下周五", D(2023, 11, 3)),
        ("下週五前", D(2023, 11, 3)),
        ("下周一", D(2023, 10, 30)),
        ("月底前", D(2023, 10, 31)),
        ("本月底", D(2023, 10, 31)),
        ("下月底", D(2023, 11, 30)),
        ("明天", D(2023, 10, 26)),
        ("this Friday", D(2023, 10, 27)),
        ("next Friday", D(2023, 11, 3)),
        ("end of month", D(2023, 10, 31)),
        ("end of next month", D(2023, 11, 30)),
        ("within 2 weeks", D(2023, 11, 8)),
        ("2周内", D(2023, 11, 8)),
        ("tomorrow", D(2023, 10, 26)),
        ("within 3 days", D(2023, 10, 28)),
        ("11月底", D(2023, 11, 30)),
        ("十一月底前", D(2023, 11, 30)),
        ("end of November", D(2023, 11, 30)),
        ("Nov-end", D(2023, 11, 30)),
        ("9月底", D(2024, 9, 30)),
    ],
)
def test_relative_dates_count_from_the_meeting(text: str, expected: dt.date) -> None:
    assert parse_date(text, MEETING) == expected


def test_month_end_in_december_is_the_31st() -> None:
    assert parse_date("月底前", D(2023, 12, 5)) == D(2023, 12, 31)
    assert parse_date("下月底", D(2023, 12, 5)) == D(2024, 1, 31)


@pytest.mark.parametrize(
    "text",
    ["尽快", "盡快", "ASAP", "TBD", "X月X日", "2023–", "大概年底", "May 2025", "", "   ", "13月40日", "2月30日",
     "2024年1月", "每月5日", "sometime in Q1"],
)
def test_unreadable_dates_stay_empty(text: str) -> None:
    assert parse_date(text, MEETING) is None


def test_year_less_and_relative_dates_need_the_meeting_date() -> None:
    assert parse_date("11月10日", None) is None
    assert parse_date("D+3", None) is None
    assert parse_date("2023-11-10", None) == D(2023, 11, 10)


def test_feb_29_without_a_year_finds_the_leap_year() -> None:
    assert parse_date("2月29日", D(2023, 1, 10)) == D(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("二〇二三", 2023), ("十", 10), ("十一", 11), ("二十", 20), ("二十五", 25), ("三十一", 31), ("九", 9)],
)
def test_chinese_numbers(text: str, expected: int) -> None:
    assert chinese_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00-16:00", ("14:00", "16:00")),
        ("9:30–11:00", ("09:30", "11:00")),
        ("15:00 - 16:30", ("15:00", "16:30")),
        ("14：00－16：00", ("14:00", "16:00")),
        ("１４：００～１６：００", ("14:00", "16:00")),
        ("14:00至16:00", ("14:00", "16:00")),
        ("2:00 pm - 4:00 pm", ("14:00", "16:00")),
        ("10:30 to 11:15", ("10:30", "11:15")),
        ("2023年10月25日 14:00-16:00", ("14:00", "16:00")),
        ("14:00", ("14:00", None)),
        ("no time here", (None, None)),
        ("25:00-26:00", (None, None)),
        ("2024年1月8日 下午2点-4点", ("14:00", "16:00")),
        ("14点至16点", ("14:00", "16:00")),
        ("上午10時至11時30分", ("10:00", "11:30")),
        ("晚上7点到9点半", ("19:00", "21:30")),
        ("下午两点", ("14:00", None)),
        ("3pm - 4pm", ("15:00", "16:00")),
        ("3-4 pm", ("15:00", "16:00")),
        ("11am to 12:30pm", ("11:00", "12:30")),
        ("2024.1.15", (None, None)),
    ],
)
def test_time_ranges(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_time_range(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("活动目标确认（14:00-14:20）", ("活动目标确认", "14:00", "14:20")),
        ("Launch scope (10:00–10:20)", ("Launch scope", "10:00", "10:20")),
        ("預算分配 14:40-15:30", ("預算分配", "14:40", "15:30")),
        ("没有时间段", ("没有时间段", None, None)),
    ],
)
def test_trailing_time_slot(title: str, expected: tuple[str, str | None, str | None]) -> None:
    assert split_trailing_time_slot(title) == expected
