"""The ledger's calendar of to-dos, parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from icalendar import Calendar

from pipeline.ledger.entry import Ledger
from pipeline.ledger.writers import WRITERS
from pipeline.ledger.writers.to_ics import ledger_ics
from tests.test_ledger_writers_rows import AS_OF, english_ledger, simplified_ledger, task

STAMP = dt.datetime(2026, 5, 20, 8, 30, tzinfo=dt.timezone.utc)


def todos(data: bytes) -> dict[str, Any]:
    calendar = Calendar.from_ical(data)
    return {str(todo["SUMMARY"]): todo for todo in calendar.walk("VTODO")}


def test_one_todo_per_task_not_done_or_cancelled(tmp_path: Path) -> None:
    path = tmp_path / "tasks.ics"
    WRITERS[".ics"](simplified_ledger(), path)
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and "minutes" in str(calendar["PRODID"])
    found = todos(path.read_bytes())
    assert set(found) == {
        "完成支付接口联调并提交测试报告",
        "准备发布会宣传物料",
        "更新官网价格页",
        "预订年会场地",
        "确认供应商名单",
    }


def test_due_is_a_date_and_absent_without_one() -> None:
    found = todos(ledger_ics(simplified_ledger(), stamp=STAMP))
    due = found["完成支付接口联调并提交测试报告"]["DUE"].dt
    assert due == dt.date(2026, 5, 8) and not isinstance(due, dt.datetime)
    assert "DUE" not in found["确认供应商名单"]
    assert b"DUE;VALUE=DATE:20260508" in ledger_ics(simplified_ledger(), stamp=STAMP)


def test_status_and_description() -> None:
    found = todos(ledger_ics(simplified_ledger(), stamp=STAMP))
    started = found["完成支付接口联调并提交测试报告"]
    assert str(started["STATUS"]) == "IN-PROCESS"
    assert str(found["准备发布会宣传物料"]["STATUS"]) == "NEEDS-ACTION"
    description = str(started["DESCRIPTION"])
    assert "研发部 张伟" in description
    assert "产品周会 2026-05-06" in description
    assert "notes/2026-05-06-weekly.md:11" in description
    assert "测试报告经质量部签字" in description
    english = str(todos(ledger_ics(english_ledger(), stamp=STAMP))["Draft the release notes"]["DESCRIPTION"])
    assert "Owner: Product Alice Smith" in english and "Acceptance: Reviewed by the product lead" in english


def test_uids_are_stable_and_unique() -> None:
    first = ledger_ics(simplified_ledger(), stamp=STAMP)
    later = ledger_ics(simplified_ledger(), stamp=STAMP + dt.timedelta(days=7))
    uids = [str(todo["UID"]) for todo in Calendar.from_ical(first).walk("VTODO")]
    assert uids == [str(todo["UID"]) for todo in Calendar.from_ical(later).walk("VTODO")]
    assert uids[0].startswith("2026-05-06-1@") and len({uid.split("@")[1] for uid in uids}) == 1
    twice = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", "甲"), task("2026-05-06-1", "乙", line=40)])
    twins = [str(todo["UID"]) for todo in Calendar.from_ical(ledger_ics(twice)).walk("VTODO")]
    assert len(set(twins)) == 2


def test_crlf_and_folded_lines() -> None:
    long_task = "协调各事业部完成年度预算编制、审核与汇总并报送财务委员会审议" * 3
    ledger = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", long_task, name="张伟")])
    data = ledger_ics(ledger, stamp=STAMP)
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)
    assert all(len(line) <= 75 for line in lines)
    assert str(Calendar.from_ical(data).walk("VTODO")[0]["SUMMARY"]) == long_task
    assert all(b"X-" not in line.split(b":")[0] for line in lines)


def test_every_due_date_is_also_an_all_day_event_for_calendars_without_todos() -> None:
    data = ledger_ics(simplified_ledger(), stamp=STAMP)
    calendar = Calendar.from_ical(data)
    due = {str(todo["SUMMARY"]): todo.decoded("DUE") for todo in calendar.walk("VTODO") if "DUE" in todo}
    events = calendar.walk("VEVENT")
    assert due and len(events) == len(due)
    for event in events:
        start = event.decoded("DTSTART")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
        assert event.decoded("DTEND") - start == dt.timedelta(days=1)
        summary = str(event["SUMMARY"])
        assert any(summary.endswith(task) and due[task] == start for task in due)
    uids = [str(c["UID"]) for c in calendar.walk() if "UID" in c]
    assert len(uids) == len(set(uids))
