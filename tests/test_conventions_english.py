"""English messages read as English (issue 11): owners joined with ", ", a person as
``Department: Name``, a task quoted whole or cut at a word."""

from __future__ import annotations

from pipeline.check import check_meeting
from pipeline.check.checks import _short
from pipeline.check.config import DEFAULT_CONFIG
from pipeline.model import Absentee, Person
from tests.test_check_support import good_item, meeting

SOURCE = "- [ ] Ship the launch page\n"


def english_findings(**item_changes: object):
    values: dict[str, object] = {"task": "Ship the launch page", "owner_text": "Web: Dana Lee"}
    item = good_item(**{**values, "acceptance": "page is live", **item_changes})
    model = meeting(action_items=[item], language="en")
    return {f.rule: f for f in check_meeting(model, SOURCE, "n.md", DEFAULT_CONFIG)}


def test_owners_are_joined_with_a_comma_and_shown_as_department_colon_name() -> None:
    found = english_findings(
        owner=Person(department="Web", name="Dana Lee"),
        co_owners=[Person(department="Design", name="Sam Wu"), Person(name="Kim Ho")],
    )
    assert found["multiple-owners"].message == (
        'action item "Ship the launch page" has 3 owners: Web: Dana Lee, Design: Sam Wu, Kim Ho'
    )


def test_chinese_notes_keep_their_own_punctuation() -> None:
    item = good_item(
        owner=Person(department="市场部", name="张经理"), co_owners=[Person(department="法务部", name="李律师")]
    )
    (finding,) = check_meeting(meeting(action_items=[item]), "- [ ] 提交方案\n", "n.md", DEFAULT_CONFIG)
    assert finding.message == "行动项“提交方案”有2位负责人：市场部 张经理、法务部 李律师"


def test_an_absent_owner_is_department_colon_name() -> None:
    model = meeting(
        action_items=[good_item(task="Ship the launch page", owner=Person(department="Web", name="Dana Lee"), acceptance="page is live")],
        absentees=[Absentee(department="Web", name="Dana Lee", reason="leave")],
        language="en",
    )
    (finding,) = [f for f in check_meeting(model, SOURCE, "n.md", DEFAULT_CONFIG) if f.rule == "owner-absent"]
    assert finding.message == 'owner "Web: Dana Lee" was absent from the meeting'


def test_an_english_task_is_quoted_whole_when_it_is_a_sentence() -> None:
    task = "Settings page tweaks — Design to help R&D as needed"
    found = english_findings(task=task, due=None, due_text=None)
    assert found["missing-due"].message == f'action item "{task}" has no due date'


def test_a_long_english_task_is_cut_at_a_word() -> None:
    task = "Audit all two hundred and fourteen legacy landing pages for broken tracking pixels and redirects"
    found = english_findings(task=task, due=None, due_text=None)
    quoted = found["missing-due"].message.split('"')[1]
    assert quoted == "Audit all two hundred and fourteen legacy landing pages for …"
    assert task.startswith(quoted[:-2]) and task[len(quoted) - 2] == " "


def test_cutting_never_splits_a_word() -> None:
    assert _short("Prepare the onboarding checklist", limit=20) == "Prepare the …"
    assert _short("Settings page tweaks — Design to help", limit=24) == "Settings page tweaks …"
    assert _short("整理接口文档并提交评审意见给研发部门负责人确认", limit=10) == "整理接口文档并提交…"
    assert _short("整理API文档", limit=5) == "整理…"
    assert _short("Supercalifragilistic", limit=8) == "Superca…"
    assert _short("short task", "en") == "short task"

