"""looks-like-task: a decision naming who and by when that no action item stands for.

The cue list's own examples run here, cue by cue and as whole decisions.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parsers import load_meeting
from pipeline.check import check_meeting, load_config
from pipeline.check.catalog import MESSAGES, RULES
from pipeline.check.task_cues import (
    TASK_CUES_FILE,
    Cue,
    _first,
    _to_come,
    builtin_task_cues,
    cue_tables,
    task_cues_from,
)
from pipeline.check.terms import parse_toml
from pipeline.model import AgendaItem, TextSpan
from tests.test_check_support import good_item, meeting

CUES = builtin_task_cues()
DEFAULTS = load_config(None)
MONDAY = dt.date(2024, 6, 3)  # the meeting date the cue file's examples assume


def _owner_found(cue: Cue, text: str) -> bool:
    return _first(cue.regex, text, CUES._a_person) is not None


def _deadline_found(cue: Cue, text: str) -> bool:
    accept = _to_come(MONDAY) if cue.calendar else (lambda _match: True)
    return _first(cue.regex, text, accept) is not None


def _cases(cues: tuple[Cue, ...], examples: str) -> list[object]:
    return [
        pytest.param(cue, text, id=f"{cue.id}:{text}")
        for cue in cues
        for text in getattr(cue, examples)
    ]


@pytest.mark.parametrize(("cue", "text"), _cases(CUES.owners, "flag"))
def test_owner_cue_finds_its_examples(cue: Cue, text: str) -> None:
    assert _owner_found(cue, text)


@pytest.mark.parametrize(("cue", "text"), _cases(CUES.owners, "no_flag"))
def test_owner_cue_spares_its_counter_examples(cue: Cue, text: str) -> None:
    assert not _owner_found(cue, text)


@pytest.mark.parametrize(("cue", "text"), _cases(CUES.deadlines, "flag"))
def test_deadline_cue_finds_its_examples(cue: Cue, text: str) -> None:
    assert _deadline_found(cue, text)


@pytest.mark.parametrize(("cue", "text"), _cases(CUES.deadlines, "no_flag"))
def test_deadline_cue_spares_its_counter_examples(cue: Cue, text: str) -> None:
    assert not _deadline_found(cue, text)


@pytest.mark.parametrize(("cue", "text"), _cases(CUES.done, "flag"))
def test_done_work_cue_finds_its_examples(cue: Cue, text: str) -> None:
    assert cue.regex.search(text)


@pytest.mark.parametrize(("cue", "text"), _cases(CUES.done, "no_flag"))
def test_done_work_cue_spares_its_counter_examples(cue: Cue, text: str) -> None:
    assert not cue.regex.search(text)


def test_the_checker_uses_the_cues_of_the_toml_file() -> None:
    source = TASK_CUES_FILE.read_bytes()
    assert task_cues_from(parse_toml(source)) == CUES
    assert cue_tables(source, None) == parse_toml(source)


def test_every_cue_has_examples_both_ways() -> None:
    for cue in (*CUES.owners, *CUES.deadlines, *CUES.done):
        assert cue.flag and cue.no_flag, cue.id
    assert CUES.flag and CUES.no_flag
    ids = [cue.id for cue in (*CUES.owners, *CUES.deadlines, *CUES.done)]
    assert len(ids) == len(set(ids))


def _language_of(text: str) -> str:
    if text.isascii():
        return "en"
    return "zh-Hant" if any(ch in text for ch in "負責陳週設計測試會聯繫確認") else "zh-Hans"


def _check_decision(text: str, items: list | None = None, spans: bool = True):
    source = f"# 周会\n\n决议：\n1. {text}\n"
    agenda = AgendaItem(
        title="周会",
        resolutions=[text],
        line=1,
        end_line=4,
        spans=[TextSpan(field="resolutions", index=0, line=4, end_line=4)] if spans else [],
    )
    model = meeting(
        date=MONDAY, agenda=[agenda], action_items=items or [], language=_language_of(text)
    )
    return check_meeting(model, source, "n.md", DEFAULTS)


@pytest.mark.parametrize("text", CUES.flag)
def test_task_shaped_decisions_are_reported_at_their_line(text: str) -> None:
    found = [f for f in _check_decision(text) if f.rule == "looks-like-task"]
    assert [(f.line, f.column, f.severity) for f in found] == [(4, 4, "warning")]


@pytest.mark.parametrize("text", CUES.no_flag)
def test_other_decisions_are_not(text: str) -> None:
    assert [f for f in _check_decision(text) if f.rule == "looks-like-task"] == []


def test_a_decision_an_action_item_stands_for_is_not_reported() -> None:
    text = "首页改版由陈主管负责，6月30日前完成初稿"
    # The parser read the decision's line as an action item.
    on_its_line = good_item(task="首页改版", line=3, end_line=4)
    assert not [f for f in _check_decision(text, [on_its_line]) if f.rule == "looks-like-task"]
    # The same task listed among the action items: same person, same due date.
    from pipeline.model import Person

    listed = good_item(
        task="完成首页初稿",
        owner=Person(department="设计部", name="陈主管"),
        due=dt.date(2024, 6, 30),
        due_text="2024-06-30",
        line=9,
    )
    assert not [f for f in _check_decision(text, [listed]) if f.rule == "looks-like-task"]
    # A department's task: the department named, its due date written.
    department = listed.model_copy(
        update={"owner": Person(department="设计部"), "due_text": "6月30日前"}
    )
    decision = "首页改版由设计部负责，6月30日前完成初稿"
    assert not [f for f in _check_decision(decision, [department]) if f.rule == "looks-like-task"]
    # Another person's task with that date does not stand for it.
    other = listed.model_copy(update={"owner": Person(department="市场部", name="张经理")})
    assert [f.line for f in _check_decision(text, [other]) if f.rule == "looks-like-task"] == [4]


def test_a_decision_without_a_span_is_still_found() -> None:
    findings = _check_decision("Raj to book the venue by June 30", spans=False)
    assert [(f.line, f.rule) for f in findings] == [(4, "looks-like-task")]


def test_a_past_date_is_no_deadline() -> None:
    assert CUES.deadline("整理2023-05-01以来的数据", MONDAY) is None
    assert CUES.deadline("2024-07-01前完成", MONDAY) == "2024-07-01"
    # Without a meeting date a year-less date still reads as a date.
    assert CUES.deadline("6月30日前完成", None) == "6月30日"
    assert CUES.deadline("13月45日前完成", None) is None


def test_the_rule_speaks_three_languages() -> None:
    assert RULES["looks-like-task"].severity == "warning"
    for key in ("looks-like-task", "looks-like-task.suggestion"):
        assert set(MESSAGES[key]) == {"zh-Hans", "zh-Hant", "en"}
    for text, expected in (
        (
            "由陈主管负责，6月30日前完成初稿",
            "决议“由陈主管负责，6月30日前完成初稿”写了负责人和期限",
        ),
        (
            "由陳主任負責，6月30日前完成初稿",
            "決議「由陳主任負責，6月30日前完成初稿」寫了負責人和期限",
        ),
        ("Dana will send the deck by Friday", 'decision "Dana will send the deck by Friday" names'),
    ):
        (finding,) = _check_decision(text)
        assert finding.message.startswith(expected), finding.message


NOTE = """# 官网改版周会

- 会议日期：2024年6月3日
- 会议时间：14:00-15:00
- 会议地点：3楼会议室
- 主持人：市场部 张经理
- 记录人：市场部 周专员
- 参会人员：市场部 张经理、设计部 陈主管

## 一、首页改版

讨论要点：
1. 陈主管说客户要“尽快上线”，首页可能要重做。

决议：
1. 首页改版由设计部陈主管负责，6月30日前完成初稿。
2. 同意改版方向。

## 行动项

- [ ] 整理需求；负责人：市场部 张经理；截止：2024-06-10；完成标准：需求文档经总监签字
"""


def test_through_the_parser_a_task_in_the_decisions_is_never_lost(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(NOTE, encoding="utf-8")
    model, source = load_meeting(path)
    findings = check_meeting(model, source, str(path), DEFAULTS)
    line = NOTE.splitlines().index("1. 首页改版由设计部陈主管负责，6月30日前完成初稿。") + 1
    items = [*model.action_items, *(a for agenda in model.agenda for a in agenda.action_items)]
    read_as_task = any(item.line <= line <= (item.end_line or item.line) for item in items)
    reported = [(f.line, f.rule) for f in findings if f.rule == "looks-like-task"]
    # Either the parser read it as a task, or the checker says it is one.
    assert read_as_task or reported == [(line, "looks-like-task")]
    # The discussion point (可能, a quoted 尽快) and decision 2 stay clean.
    assert not [f for f in findings if f.line in (13, line + 1)]
