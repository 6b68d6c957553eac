"""``conflicting-update``, and the other rules keeping quiet on update lines. Notes are made up."""

from __future__ import annotations

import pytest

from parsers import parse_notes
from pipeline.check import check_meeting
from pipeline.check.catalog import LANGUAGES, MESSAGES, RULES
from pipeline.check.config import DEFAULT_CONFIG
from pipeline.check.updates import EXAMPLES


def findings(notes: str) -> list[tuple[str, int]]:
    meeting = parse_notes(notes)
    return [
        (finding.rule, finding.line)
        for finding in check_meeting(meeting, notes, "n.md", DEFAULT_CONFIG)
        if finding.rule != "missing-meeting-info"
    ]


@pytest.mark.parametrize(("notes", "line"), EXAMPLES["flag"])
def test_conflicting_updates_are_reported_at_the_second(notes: str, line: int) -> None:
    assert ("conflicting-update", line) in findings(notes)


@pytest.mark.parametrize(("notes", "line"), EXAMPLES["no_flag"])
def test_agreeing_updates_are_not_reported(notes: str, line: int) -> None:
    assert [rule for rule, _ in findings(notes) if rule == "conflicting-update"] == []


def test_the_rule_speaks_every_language() -> None:
    assert RULES["conflicting-update"].severity == "warning"
    for key in ("conflicting-update", "conflicting-update.status", "conflicting-update.due", "conflicting-update.suggestion"):
        assert set(MESSAGES[key]) == set(LANGUAGES)


def test_the_message_names_both_statuses_and_the_first_line() -> None:
    notes, line = EXAMPLES["flag"][0]
    meeting = parse_notes(notes)
    (finding,) = [f for f in check_meeting(meeting, notes, "n.md", DEFAULT_CONFIG) if f.rule == "conflicting-update"]
    assert finding.line == line
    assert "第7行" in finding.message and "已完成" in finding.message and "进行中" in finding.message


def test_a_suppression_comment_silences_it() -> None:
    notes, line = EXAMPLES["flag"][0]
    lines = notes.split("\n")
    lines.insert(line - 1, "<!-- minutes-disable-next-line conflicting-update -->")
    assert findings("\n".join(lines)) == []


def test_other_rules_say_nothing_about_update_lines() -> None:
    notes = """\
# 周会

日期：2024-06-19

## 上次会议决议执行情况

- #2024-06-12-3 进行中，尽快处理，由张三负责6月30日前完成
- [ ] #2024-06-12-4 联系供应商 — 负责人：研发部、测试部 — 截止：尽快
- 整理用户反馈：大概下周完成
"""
    assert findings(notes) == []


def test_the_same_lines_as_new_tasks_are_still_checked() -> None:
    notes = """\
# 周会

日期：2024-06-19

## 行动项

- [ ] #Q3-4 联系供应商 — 负责人：研发部、测试部 — 截止：尽快
"""
    rules = {rule for rule, _ in findings(notes)}
    assert {"multiple-owners", "unparsed-date"} <= rules or "vague-term" in rules
