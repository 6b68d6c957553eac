"""Attendance labels as a formal record writes them: 列席者, 請假者 (with a reason) and 缺席者."""

from __future__ import annotations

import pytest

from parsers import parse_notes

NOTES = {
    "zh-Hant": "# 理事會\n\n時間：2025年3月4日 14:00\n出席者：甲君、乙君\n列席者：丙專員\n請假者：丁君（出國）\n缺席者：戊君\n",
    "zh-Hans": "# 理事会\n\n时间：2025年3月4日 14:00\n出席者：甲君、乙君\n列席者：丙专员\n请假者：丁君（出差）\n缺席者：戊君\n",
}


@pytest.mark.parametrize("language", sorted(NOTES))
def test_observers_leave_and_absence_lines_are_read_as_people(language: str) -> None:
    meeting = parse_notes(NOTES[language])
    observers = [a.name for a in meeting.attendees if a.role == "observer"]
    assert observers and observers[0].startswith("丙")
    assert [(a.name, bool(a.reason)) for a in meeting.absentees] == [("丁君", True), ("戊君", False)]
    assert meeting.absentees[0].line == 6
    assert not meeting.other_sections


def test_english_absentees_and_observers_still_read() -> None:
    meeting = parse_notes(
        "# Board\n\nDate: 2025-03-04\nPresent: Ann, Bo\nObservers: Cy\nApologies: Di (travelling)\n"
    )
    assert [a.name for a in meeting.attendees if a.role == "observer"] == ["Cy"]
    assert [(a.name, a.reason) for a in meeting.absentees] == [("Di", "travelling")]
