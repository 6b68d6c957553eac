"""The notes in samples/ and the independent corpus in tests/corpus/ parse as a person reads them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from parsers import load_meeting
from pipeline.model import ActionItem, Meeting, Person

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT / "tests" / "corpus"
D = dt.date


def load(name: str) -> Meeting:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} is not in samples/")
    return load_meeting(path)[0]


def task(meeting: Meeting, prefix: str) -> ActionItem:
    found = [item for item in meeting.action_items if item.task.startswith(prefix)]
    assert len(found) == 1, [item.task for item in meeting.action_items]
    return found[0]


def who(person: Person | None) -> tuple[str | None, str | None] | None:
    return None if person is None else (person.department, person.name)


def every_line_number(meeting: Meeting) -> list[int]:
    lines = list(meeting.info_lines.values())
    for item in meeting.agenda:
        lines += [item.line or 1, item.end_line or 1]
        lines += [n for span in item.spans for n in (span.line, span.end_line)]
    lines += [n for action in meeting.action_items for n in (action.line, action.end_line or 1)]
    return lines


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.*.md")), ids=lambda p: p.name)
def test_every_sample_parses_with_the_basic_fields(path: Path) -> None:
    meeting, text = load_meeting(path)
    assert meeting.title and meeting.date and meeting.start_time and meeting.location
    assert meeting.host is not None and meeting.recorder is not None
    assert meeting.attendees and meeting.agenda and meeting.action_items
    assert all(item.discussion or item.resolutions for item in meeting.agenda)
    assert meeting.line_count == len(text.splitlines())
    assert all(1 <= n <= meeting.line_count for n in every_line_number(meeting))
    expected_language = path.name.split(".")[-2]
    if expected_language in ("zh-Hans", "zh-Hant", "en"):
        assert meeting.language == expected_language


def test_q4_kickoff_simplified() -> None:
    meeting = load("q4-marketing-kickoff.zh-Hans.md")
    assert meeting.absentees[0].proxy == "黄主管"
    design = task(meeting, "活动宣传主视觉设计")
    assert who(design.owner) == ("设计部", "陈主管")
    assert (design.start, design.due) == (D(2023, 11, 10), D(2023, 11, 25))
    assert [m.date for m in design.milestones] == [D(2023, 11, 15), D(2023, 11, 22), D(2023, 11, 25)]
    assert len(design.resources) == 3
    assert [p.date for p in design.progress] == [D(2023, 11, 12), D(2023, 11, 18)]
    assert design.status == "in_progress" and design.risks
    assert task(meeting, "线下门店物料配送及布置").owner_text == "相关部门"
    assert task(meeting, "准备活动延期通知邮件模板").due is None
    assert task(meeting, "会议纪要初版发出").status == "done"
    assert meeting.agenda[1].disagreements


def test_q4_kickoff_traditional_table() -> None:
    meeting = load("q4-marketing-kickoff.zh-Hant.md")
    assert meeting.language == "zh-Hant"
    media = task(meeting, "媒體資源整理")
    assert media.due is None and media.due_text == "盡快"
    assert task(meeting, "實體門市物料配送及佈置").owner_text == "相關部門"
    visual = task(meeting, "活動文宣主視覺設計")
    assert visual.status == "in_progress"
    assert [who(p) for p in visual.collaborators] == [("行銷部", "周專員")]


def test_q3_coordination_two_owners_and_placeholder_date() -> None:
    meeting = load("q3-launch-coordination.zh-Hans.md")
    logistics = task(meeting, "物流流程优化方案及合同审核")
    assert who(logistics.owner) == ("运营部", "林主管")
    assert [who(p) for p in logistics.co_owners] == [("法务部", "杨律师")]
    phase_two = task(meeting, "第二阶段优化功能交付")
    assert phase_two.due is None and phase_two.due_text == "X月X日"


def test_v2_release_sync_observers_and_follow_ups() -> None:
    meeting = load("v2-release-sync.zh-Hant.md")
    assert [a.name for a in meeting.attendees if a.role == "observer"] == ["吳設計師", "高組長"]
    copy = task(meeting, "提交V2.0宣傳素材")
    assert who(copy.owner) == ("市場部", "謝主任")
    assert [p.date for p in copy.progress] == [D(2024, 3, 10), D(2024, 3, 10)]
    assert who(task(meeting, "V2.0宣傳圖製作").owner) == ("設計部", None)


def test_new_product_launch_english() -> None:
    meeting = load("new-product-launch.en.md")
    mockups = task(meeting, "UI design mockups")
    assert who(mockups.owner) == ("Design", "Emily Park")
    assert mockups.due == D(2026, 3, 7)
    assert task(meeting, "Legal review of all launch copy").due == D(2026, 3, 13)
    photo = task(meeting, "Product photo shoot")
    assert photo.due is None and photo.due_text == "ASAP"
    core = task(meeting, "Core feature development")
    assert [(p.date, p.text) for p in core.progress] == [(D(2026, 3, 6), "architecture spike finished, no blocker found")]
    assert core.milestones == []
    assert meeting.absentees[0].proxy == "Mark Johnson"


def test_annual_okr_final_english_table() -> None:
    meeting = load("annual-okr-alignment.en.md")
    assert meeting.status == "final"
    routing = task(meeting, "Ticket routing project plan")
    assert who(routing.owner) == ("Customer Service", "Ben Carter")
    assert routing.due == D(2026, 12, 18)
    assert routing.status == "in_progress"
    assert [who(p) for p in routing.collaborators] == [("R&D", None)]
    okrs = [item for item in meeting.action_items if item.task.startswith("Draft department OKRs")]
    assert [who(p) for item in okrs for p in item.collaborators] == [("Strategy Office", None)] * 2
    assert who(task(meeting, "Set up the shared OKR sheet").owner) == ("Strategy Office", "Grace Kim")


def test_customer_complaint_gbk_crlf() -> None:
    meeting = load("customer-complaint-review.gbk.md")
    assert meeting.title == "11月客户投诉专项复盘会"
    assert meeting.status == "final"
    assert task(meeting, "出库揽收时效监控看板").due == D(2023, 12, 27)
    assert task(meeting, "第二家快递公司比价及签约建议").due == D(2023, 12, 15)
    assert task(meeting, "6位受影响客户一对一回访并补偿").due == D(2023, 12, 8)
    contract = task(meeting, "物流合同赔付条款修订")
    assert who(contract.owner) == ("法务部", "杨律师") and contract.co_owners == []
    assert contract.notes == "配合完成合同修订"


def test_store_event_big5_crlf() -> None:
    meeting = load("store-event-planning.big5.md")
    assert meeting.language == "zh-Hant"
    assert meeting.title == "信義門市週年慶活動籌備會議"
    cups = task(meeting, "保溫杯贈品採購")
    assert who(cups.owner) == ("採購部", "吳課長")
    assert cups.due == D(2024, 5, 6)
    assert [who(p) for p in task(meeting, "週年慶主視覺及海報").collaborators] == [("門市", None)]
    staffing = task(meeting, "人力排班")
    assert staffing.due is None and staffing.due_text == "大概5月初"


def test_design_marketing_weekly_loose_notes() -> None:
    meeting = load("design-marketing-weekly.zh-Hans.md")
    assert who(meeting.host) == ("市场部", "张经理")
    assert who(meeting.recorder) == ("设计部", "陈主管")
    assert task(meeting, "活动文案终稿").due == D(2023, 11, 24)
    assert task(meeting, "易拉宝和门店海报延展").due == D(2023, 12, 1)
    assert task(meeting, "跟进印刷厂排期").due is None


# ------------------------------------------------------------------ corpus answer key


def _expected_rows() -> list[tuple[str, int, str, str]]:
    """(file, line, owner, due) rows of tests/corpus/EXPECTED.txt."""
    key = CORPUS / "EXPECTED.txt"
    if not key.exists():
        return []
    rows: list[tuple[str, int, str, str]] = []
    current = ""
    for line in key.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        match = re.match(r"^\| (\d+) \| (.+?) \| (.+?) \| (.+?) \| (.+?) \|$", line)
        if match and current:
            rows.append((current, int(match.group(1)), match.group(3), match.group(4)))
    return rows


def _owner_renderings(item: ActionItem) -> set[str]:
    people = [p for p in [item.owner, *item.co_owners] if p is not None]
    names = {
        f"{p.department} {p.name}" for p in people if p.department and p.name
    } | {f"{p.department} / {p.name}" for p in people if p.department and p.name} | {
        f"[{p.department}] {p.name}" for p in people if p.department and p.name
    } | {p.name for p in people if p.name and not p.department}
    if len(people) == 2 and all(p.name for p in people):
        names.add(f"{people[0].name} / {people[1].name}")
    return {name for name in names if name}


@pytest.mark.parametrize(("name", "line", "owner", "due"), _expected_rows())
def test_corpus_action_items_match_the_answer_key(name: str, line: int, owner: str, due: str) -> None:
    meeting, _ = load_meeting(CORPUS / name)
    items = [item for item in meeting.action_items if item.line == line]
    assert len(items) == 1, [item.line for item in meeting.action_items]
    item = items[0]
    expected_due = re.match(r"(\d{4})-(\d{2})-(\d{2})", due)
    assert item.due == (D(*map(int, expected_due.groups())) if expected_due else None)
    if owner.startswith("none"):
        assert item.owner is None or item.owner.name is None
    elif "(no person)" in owner:
        assert who(item.owner) == (owner.split(" (no person)")[0], None)
    else:
        written = re.sub(r"\s*\((?:absent|external|done|in progress)[^)]*\)$", "", owner)
        written = written.split(" (")[0]
        assert written in _owner_renderings(item)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("c[0-9]*.md")), ids=lambda p: p.name)
def test_corpus_action_item_count_matches(path: Path) -> None:
    expected = [row for row in _expected_rows() if row[0] == path.name]
    meeting, _ = load_meeting(path)
    assert sorted(item.line for item in meeting.action_items) == sorted(row[1] for row in expected)
    assert all(1 <= n <= meeting.line_count for n in every_line_number(meeting))
