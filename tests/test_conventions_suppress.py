"""A suppression comment that names no rule, or silences nothing, is reported (issue 11)."""

from __future__ import annotations

import pytest

from parsers import parse_notes
from pipeline.check import check_meeting
from pipeline.check.catalog import LANGUAGES, MESSAGES, RULES
from pipeline.check.config import DEFAULT_CONFIG

HEAD = """# Weekly sync

- Date: 2024-03-05
- Time: 10:00-11:00
- Location: Room 3
- Chair: Marketing: Dana Lee
- Minutes: Marketing: Sam Wu
- Attendees: Dana Lee, Sam Wu

## 1. Launch

Decisions:
"""
VAGUE = "1. The launch page stays blue, probably.\n"
PLAIN = "2. The logo stays.\n"


def findings(body: str) -> list[tuple[str, int, int, str]]:
    source = HEAD + body
    return [
        (f.rule, f.line, f.column, f.severity)
        for f in check_meeting(parse_notes(source), source, "n.md", DEFAULT_CONFIG)
    ]


def line_of(body: str, text: str) -> int:
    return (HEAD + body).splitlines().index(text) + 1


@pytest.mark.parametrize("kind", ["disable-next-line", "disable"])
def test_a_misspelt_rule_is_reported_where_it_is_written(kind: str) -> None:
    comment = f"<!-- minutes-{kind} vague-trem -->"
    body = f"{comment}\n{VAGUE}"
    found = findings(body)
    line = line_of(body, comment)
    column = comment.index("vague-trem") + 1
    assert ("unknown-rule-in-comment", line, column, "warning") in found
    assert any(rule == "vague-term" for rule, *_ in found)  # the misspelt comment silenced nothing


def test_the_report_suggests_the_rule_meant() -> None:
    source = HEAD + "<!-- minutes-disable-next-line vague-trem -->\n" + VAGUE
    (finding,) = [
        f
        for f in check_meeting(parse_notes(source), source, "n.md", DEFAULT_CONFIG)
        if f.rule == "unknown-rule-in-comment"
    ]
    assert finding.message == 'the comment names "vague-trem", which is no rule, so it switches nothing off'
    assert finding.suggestion == 'did you mean "vague-term"?'
    assert finding.end_column == finding.column + len("vague-trem")


def test_a_comment_that_silences_nothing_is_reported() -> None:
    comment = "<!-- minutes-disable-next-line vague-term -->"
    body = f"{comment}\n{PLAIN}"
    assert findings(body) == [
        ("unused-suppression", line_of(body, comment), comment.index("vague-term") + 1, "info")
    ]


def test_a_bare_disable_that_silences_nothing_is_reported_at_the_comment() -> None:
    body = f"<!-- minutes-disable -->\n{PLAIN}<!-- minutes-enable -->\n"
    assert findings(body) == [("unused-suppression", line_of(body, "<!-- minutes-disable -->"), 1, "info")]


def test_a_comment_that_silences_something_is_not_reported() -> None:
    for comment in ("<!-- minutes-disable-next-line vague-term -->", "<!-- minutes-disable-next-line -->"):
        assert findings(f"{comment}\n{VAGUE}") == []
    assert findings(f"<!-- minutes-disable vague-term -->\n{VAGUE}{PLAIN}<!-- minutes-enable -->\n") == []


def test_only_the_rule_of_a_comment_that_silenced_nothing_is_reported() -> None:
    comment = "<!-- minutes-disable-next-line vague-term, placeholder -->"
    body = f"{comment}\n{VAGUE}"
    assert findings(body) == [
        ("unused-suppression", line_of(body, comment), comment.index("placeholder") + 1, "info")
    ]


def test_a_rule_switched_off_in_the_config_is_not_blamed() -> None:
    from dataclasses import replace

    config = replace(DEFAULT_CONFIG, severities={"placeholder": "off"})
    source = HEAD + "<!-- minutes-disable-next-line placeholder -->\n" + PLAIN
    assert check_meeting(parse_notes(source), source, "n.md", config) == []


def test_the_reports_about_comments_can_themselves_be_switched_off() -> None:
    body = "<!-- minutes-disable unused-suppression, unknown-rule-in-comment -->\n"
    body += f"<!-- minutes-disable-next-line vague-trem -->\n{PLAIN}"
    assert findings(body) == []


def test_the_new_rules_speak_every_language_and_are_in_the_readme() -> None:
    for rule in ("unknown-rule-in-comment", "unused-suppression"):
        assert rule in RULES
        for key in (rule, f"{rule}.suggestion"):
            assert set(MESSAGES[key]) == set(LANGUAGES)
