"""benchmarks/score_notes.py: the figures it computes are the ones worked out by hand.

Two layers: a made-up corpus run through the real parser and checker (the notes use
the project's own documented format, so their parse is not in doubt), and
hand-built meetings scored directly, which pins the matching rules independently
of any parser change. The last test only checks that every real note gets scored.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pipeline.check import Finding
from pipeline.model import ActionItem, AgendaItem, Attendee, Meeting, Person, TextSpan

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "score_notes.py"
REAL_NOTES = Path(__file__).resolve().parents[2] / "shared" / "real-notes"


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_notes", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is built.
    sys.modules["score_notes"] = module
    spec.loader.exec_module(module)
    return module


score_notes = load_scorer()


# ---------------------------------------------------------------- made-up corpus

GARDEN_NOTE = """\
# 社区花园月度例会

- 会议日期：2024年3月6日
- 会议时间：19:00-20:00
- 会议地点：活动中心二楼
- 主持人：王春华
- 记录人：李秋实
- 参会人员：王春华、李秋实、赵一鸣

## 议程1：春季播种安排

讨论要点：
1. 今年想多种一些耐旱的品种。

决议结果：
1. 同意购买三袋有机肥。

行动项：
- [ ] 采购有机肥；负责人：赵一鸣；截止：2024年3月10日
- [ ] 制作浇水值班表；负责人：李秋实
- [ ] 尽快清理工具棚；负责人：王春华；截止：2024年3月20日；完成标准：工具分类摆放

## 议程2：经费

讨论要点：
1. 上月经费结余两百元。
"""

GARDEN_KEY: dict[str, Any] = {
    "title": "社区花园月度例会。",  # trailing punctuation does not count in titles
    "date": "2024-03-06",
    "start_time": "19:00",
    "end_time": "20:30",  # wrong on purpose: the note says 20:00
    "host": "王春华",
    "attendees": ["王春华", "李秋实", "赵一鸣", "孙小梅"],  # 孙小梅 is not in the note
    "agenda_count": 2,
    "agenda_titles": ["春季播种安排", "经费"],
    "decisions": [{"line": 16, "text_contains": "购买三袋有机肥"}],
    "action_items": [
        {
            "line": 19,
            "task_contains": "采购有机肥",
            "owner_name_contains": "赵一鸣",
            "due": "2024-03-10",
            "done": False,
        },
        {
            "line": 20,
            "task_contains": "制作浇水值班表",
            "owner_name_contains": "李秋实",
            "done": False,
        },
        # Due wrong on purpose (the note says 3月20日): matched, owner right, due wrong.
        {
            "line": 21,
            "task_contains": "清理工具棚",
            "owner_name_contains": "王春华",
            "due": "2024-03-25",
            "done": False,
        },
        # A discussion line keyed as a task: nothing produced there, so it is missed.
        {"line": 13, "task_contains": "耐旱的品种", "done": False},
    ],
    "not_action_items": [],
    "findings_required": [
        {"rule": "missing-due", "line": 20},
        {"rule": "missing-owner", "line": 13},
    ],
    # Line 21 holds 尽快 in a task: the vague-term finding there is a false alarm by this key.
    "findings_forbidden_lines": [8, 13, 21],
}

ROBOT_NOTE = """\
---
title: Robot Team Weekly Sync
date: 2024-05-13
time: 16:00-17:00
host: Maya Lin
recorder: Omar Haddad
attendees: Maya Lin, Omar Haddad, Priya Nair
---

# Robot Team Weekly Sync

## 1. Motor driver

Discussion:
- The left motor stalls under load.

Decisions:
- Replace the left motor driver board.

Action items:
- [ ] Order a new driver board; owner: Omar Haddad; due: 2024-05-17
- [x] Upload the test log; owner: Priya Nair; due: 2024-05-14
"""

ROBOT_KEY: dict[str, Any] = {
    "title": "Robot Team Weekly Sync",
    "date": "2024-05-13",
    "start_time": "16:00",
    "end_time": "17:00",
    "host": "Maya Lin",
    "recorder": "Omar",
    "attendees": ["Maya Lin", "Omar Haddad"],  # Priya Nair is produced as an extra
    "decisions": [
        {"line": 18, "text_contains": "left motor driver"},
        {"line": 15, "text_contains": "stalls under load"},  # discussion: not found
    ],
    "action_items": [
        # Different wording: matched by line alone in the second pass.
        {
            "line": 21,
            "task_contains": "Order the driver board",
            "owner_name_contains": "Omar",
            "due": "2024-05-17",
            "done": False,
        },
    ],
    # The done item on line 22 is not keyed: a false positive on a known negative line.
    "not_action_items": [{"line": 22, "why": "made up for the test"}],
    "findings_required": [],
    "findings_forbidden_lines": [15],
}

BROKEN_KEY: dict[str, Any] = {
    "attendees": ["Someone"],
    "action_items": [{"line": 1, "task_contains": "anything", "done": False}],
    "findings_forbidden_lines": [],
}


def write_corpus(folder: Path) -> Path:
    (folder / "01-garden-club.md").write_text(GARDEN_NOTE, encoding="utf-8")
    (folder / "02-robot-team.md").write_text(ROBOT_NOTE, encoding="utf-8")
    (folder / "03-broken.md").write_bytes(b"\x00\x01\x02binary, not notes")
    for name, key in (
        ("01-garden-club", GARDEN_KEY),
        ("02-robot-team", ROBOT_KEY),
        ("03-broken", BROKEN_KEY),
    ):
        (folder / f"{name}.expect.json").write_text(
            json.dumps(key, ensure_ascii=False), encoding="utf-8"
        )
    (folder / "README.md").write_text("# not a note: it has no key\n", encoding="utf-8")
    return folder


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def run_json(*args: str | Path) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_made_up_corpus_per_note_figures(tmp_path: Path) -> None:
    notes = {note["note"]: note for note in run_json(write_corpus(tmp_path))["notes"]}
    assert list(notes) == ["01-garden-club.md", "02-robot-team.md", "03-broken.md"]

    garden = notes["01-garden-club.md"]
    assert garden["error"] is None
    assert (garden["ai_expected"], garden["ai_matched"], garden["ai_produced"]) == (4, 3, 3)
    assert garden["ai_false_positives"] == 0
    assert garden["ai_owner_right"] == 3
    assert garden["ai_due_right"] == 2  # line 21: 2024-03-20 produced, 2024-03-25 keyed
    assert garden["ai_owner_due_right"] == 2
    assert garden["field_results"] == {
        "title": True,
        "date": True,
        "start_time": True,
        "end_time": False,
        "host": True,
    }
    assert (garden["fields_right"], garden["fields_given"]) == (4, 5)
    assert (garden["attendees_found"], garden["attendees_expected"], garden["attendees_extra"]) == (
        3,
        4,
        0,
    )
    assert (garden["agenda_count_expected"], garden["agenda_count_exact"]) == (2, True)
    assert (garden["agenda_titles_found"], garden["agenda_titles_expected"]) == (2, 2)
    assert (garden["decisions_found"], garden["decisions_expected"]) == (1, 1)
    assert (garden["findings_raised"], garden["findings_required"]) == (1, 2)
    assert garden["false_alarms"] == 1

    robot = notes["02-robot-team.md"]
    assert robot["error"] is None
    assert (robot["ai_expected"], robot["ai_matched"], robot["ai_produced"]) == (1, 1, 2)
    assert (robot["ai_false_positives"], robot["ai_false_positives_known_negative"]) == (1, 1)
    assert (robot["ai_owner_due_right"], robot["ai_done_right"]) == (1, 1)
    assert (robot["fields_right"], robot["fields_given"]) == (6, 6)
    assert (robot["attendees_found"], robot["attendees_expected"], robot["attendees_extra"]) == (
        2,
        2,
        1,
    )
    assert robot["agenda_count_exact"] is None
    assert (robot["decisions_found"], robot["decisions_expected"]) == (1, 2)
    assert (robot["findings_required"], robot["false_alarms"]) == (0, 0)

    broken = notes["03-broken.md"]
    assert "MinutesError" in broken["error"]
    assert (broken["ai_expected"], broken["ai_matched"]) == (1, 0)
    assert (broken["attendees_expected"], broken["attendees_found"]) == (1, 0)


def test_made_up_corpus_totals_and_goals(tmp_path: Path) -> None:
    document = run_json(write_corpus(tmp_path))
    totals = document["totals"]
    assert (totals["notes"], totals["load_errors"]) == (3, 1)
    assert (totals["ai_matched"], totals["ai_expected"], totals["ai_produced"]) == (4, 6, 5)
    assert totals["ai_recall"] == pytest.approx(4 / 6)
    assert totals["ai_precision"] == pytest.approx(4 / 5)
    assert totals["ai_owner_due"] == pytest.approx(3 / 6)
    assert totals["ai_done"] == pytest.approx(1.0)
    assert totals["fields"] == pytest.approx(10 / 11)
    assert totals["per_field"]["end_time"] == {"right": 1, "given": 2}
    assert totals["attendees"] == pytest.approx(5 / 7)
    assert totals["agenda_exact"] == pytest.approx(1.0)
    assert totals["decisions"] == pytest.approx(2 / 3)
    assert totals["findings_recall"] == pytest.approx(1 / 2)
    assert totals["false_alarms_per_note"] == pytest.approx(1 / 3)
    met = {goal["goal"]: goal["met"] for goal in document["goals"]}
    assert met == {
        "recall": False,
        "precision": False,
        "owner+due": False,
        "fields": False,
        "attendees": False,
        "agenda": True,
        "decisions": False,
        "findings": False,
        "false alarms": False,
    }


def test_table_ends_with_four_summary_lines(tmp_path: Path) -> None:
    result = run(write_corpus(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len([line for line in lines if line.startswith(("01-", "02-", "03-"))]) == 3
    assert any(line.startswith("03-broken") and "MinutesError" in line for line in lines)
    last = lines[-4:]
    assert last[0].startswith("action items  recall 66.7% (4/6)  precision 80.0% (4/5)")
    assert last[1].startswith("meeting fields 90.9% (10/11)  attendees 71.4% (5/7)")
    assert last[2] == "findings recall 50.0% (1/2)  false alarms 0.33/note (1/3)"
    assert last[3].startswith("goals met: 1/9 (missing: recall, precision,")


def test_verbose_names_what_went_wrong(tmp_path: Path) -> None:
    result = run(write_corpus(tmp_path), "--note", "garden", "-v")
    out = result.stdout
    assert "02-robot-team" not in out
    assert 'AI missed   L13 "耐旱的品种"' in out
    assert "AI wrong    L21" in out and "due 2024-03-20" in out
    assert 'field       end_time: want "20:30" got "20:00"' in out
    assert "attendees   missed: 孙小梅" in out
    assert "finding     missed L13 missing-owner" in out
    assert "false alarm L21 vague-term" in out


def test_exit_status(tmp_path: Path) -> None:
    missing = run(tmp_path / "nowhere")
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1
    assert run(write_corpus(tmp_path)).returncode == 0
    assert run(tmp_path, "--check-goals").returncode == 1


# ---------------------------------------------------------------- matching rules, parser-free


def item(line: int, task: str, end_line: int | None = None, **fields: Any) -> ActionItem:
    return ActionItem(line=line, end_line=end_line, task=task, **fields)


def test_two_items_on_one_line_are_matched_one_to_one() -> None:
    expected = [
        {"line": 17, "task_contains": "review the charter", "done": False},
        {"line": 17, "task_contains": "set up the meeting", "done": False},
    ]
    produced = [item(17, "John to set up the meeting"), item(17, "Cyrus to review the charter")]
    assert score_notes.match_action_items(expected, produced) == {0: 1, 1: 0}


def test_line_only_match_needs_a_single_unmatched_item_on_the_line() -> None:
    two_on_a_line = [
        {"line": 5, "task_contains": "alpha", "done": False},
        {"line": 5, "task_contains": "beta", "done": False},
    ]
    # Which of the two the produced item stands for cannot be told: neither is matched.
    assert score_notes.match_action_items(two_on_a_line, [item(5, "something else")]) == {}
    one_on_a_line = [{"line": 6, "task_contains": "alpha", "done": False}]
    # A nested line inside the produced item's range counts, the item's start line first.
    produced = [item(4, "parent", end_line=8), item(6, "other words")]
    assert score_notes.match_action_items(one_on_a_line, produced) == {0: 1}
    assert score_notes.match_action_items(one_on_a_line, [item(7, "alpha")]) == {}


def test_owner_rules() -> None:
    by_name = {"owner_name_contains": "唐斌"}
    assert score_notes.owner_right(
        by_name, item(1, "t", owner=Person(department="研发部", name="唐斌"))
    )
    assert score_notes.owner_right(by_name, item(1, "t", owner_text="唐斌、韩立新"))
    assert not score_notes.owner_right(by_name, item(1, "t"))
    by_department = {"owner_department": "物業"}
    assert score_notes.owner_right(by_department, item(1, "t"))
    assert score_notes.owner_right(by_department, item(1, "t", owner=Person(name="物業公司")))
    assert not score_notes.owner_right(by_department, item(1, "t", owner=Person(name="主委")))
    nobody: dict[str, Any] = {}
    assert score_notes.owner_right(nobody, item(1, "t", owner=Person()))
    assert not score_notes.owner_right(nobody, item(1, "t", owner=Person(name="Kevin")))


def test_title_containment_needs_sixty_percent() -> None:
    assert score_notes.titles_match("Weekly Sync", "**Weekly  Sync**:")
    assert score_notes.titles_match("PMC 例会", "PMC 例会 06")  # 5 of 7 characters
    assert not score_notes.titles_match("组会", "第八周例会会议纪要")  # 2 of 9


def test_scored_meeting_built_by_hand() -> None:
    meeting = Meeting(
        title="Board meeting",
        attendees=[
            Attendee(name="Derek"),
            Attendee(name="Max G."),
            Attendee(name="Visitor", role="observer"),
        ],
        agenda=[
            AgendaItem(
                title="Budget",
                resolutions=["Agreed to buy a 3D printer", "Keep the dues"],
                spans=[
                    TextSpan(field="resolutions", index=0, line=10, end_line=11),
                    TextSpan(field="resolutions", index=1, line=14, end_line=14),
                ],
            )
        ],
        action_items=[
            item(20, "Colin to order the printer", owner=Person(name="Colin"), status="done"),
            item(21, "Mike to make a sign", owner=Person(name="Max G.")),
        ],
    )
    key = {
        "title": "Board meeting",
        "location": "Room 4",
        "attendees": ["Derek", "Max G", "Visitor"],
        "agenda_count": 2,
        "decisions": [
            {"line": 11, "text_contains": "buy a 3D printer"},  # inside the span 10-11
            {"line": 16, "text_contains": "keep the dues"},  # span starts 2 lines before
            {"line": 17, "text_contains": "keep the dues"},  # 3 lines: too far
        ],
        "action_items": [
            {
                "line": 20,
                "task_contains": "order the printer",
                "owner_name_contains": "Colin",
                "done": False,
            },
            {"line": 30, "task_contains": "write the report", "done": False},
        ],
        "findings_required": [
            {"rule": "missing-due", "line": 21},
            {"rule": "missing-due", "line": 20},
        ],
        "findings_forbidden_lines": [3, 4],
    }
    findings = [
        Finding("n.md", 21, 1, "missing-due", "error", "no due"),
        Finding("n.md", 20, 1, "missing-owner", "error", "wrong rule for the required one"),
        Finding("n.md", 3, 1, "missing-meeting-info", "warning", "any severity counts"),
        Finding("n.md", 3, 5, "informal-name", "info", "a second one on the same line"),
    ]
    score = score_notes.score_note("n.md", key, meeting, findings)
    assert (score.ai_matched, score.ai_expected, score.ai_false_positives) == (1, 2, 1)
    assert (score.ai_owner_due_right, score.ai_done_right) == (1, 0)  # done, keyed open
    assert score.field_results == {"title": True, "location": False}
    # The observer is not an attendee: 2 of 3 found.
    assert (score.attendees_found, score.attendees_expected, score.attendees_extra) == (2, 3, 0)
    assert score.agenda_count_exact is False
    assert (score.decisions_found, score.decisions_expected) == (2, 3)
    assert (score.findings_raised, score.findings_required, score.false_alarms) == (1, 2, 2)


# ---------------------------------------------------------------- the real corpus


@pytest.mark.skipif(
    not REAL_NOTES.is_dir(), reason="the real-notes corpus is not beside the project"
)
def test_every_real_note_is_scored() -> None:
    notes = sorted(REAL_NOTES.glob(f"*{score_notes.KEY_SUFFIX}"))
    document = run_json(REAL_NOTES)
    assert len(document["notes"]) == len(notes) == 39
    assert [note["error"] for note in document["notes"] if note["error"]] == []
    table = run(REAL_NOTES).stdout.splitlines()
    assert len([line for line in table if line[:2].isdigit() and line[2] == "-"]) == 39
