"""Stable task ids: the meeting date and the item's position, or the id the recorder wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers import load_meeting
from parsers import parse_notes as parse
from pipeline.check import check_meeting, load_config
from pipeline.cli import main
from renderers import render_documents
from tests.test_render_helpers import docx_text

DEFAULTS = load_config(None)

HANS = """# 产品周会
会议日期：2024年6月12日

## 一、上线准备
- [ ] 准备发布说明；负责人：市场部 王芳；截止：6月20日；完成标准：说明经审核

## 行动项
- [ ] #Q3-7 提交季度报告；负责人：财务部 张三；截止：6月30日；完成标准：报告经总监签字
- [ ] 完成回归测试；负责人：测试部 李四；截止：7月1日；完成标准：无P1缺陷
- [x] 预订会议室；负责人：行政部 赵六；截止：6月13日
"""

HANT = """# 產品週會
會議日期：2024年6月12日

## 行動項
- [ ] 準備發布說明；負責人：行銷部 王芳；截止：6月20日；完成標準：說明經審核
- [ ] #TW-12 提交季度報告；負責人：財務部 張三；截止：6月30日；完成標準：報告經總監簽字
"""

EN = """# Product weekly
Date: 2024-06-12

## Action items
- [ ] #ENG-42 Send the release notes; owner: Marketing/Ann Lee; due: 2024-06-20; done when: notes approved
- [ ] Finish the regression run; owner: QA/Bob Chan; due: 2024-07-01; done when: no P1 bugs
"""


def ids(text: str) -> list[str]:
    return [item.id for item in parse(text).action_items]


def tasks(text: str) -> list[str]:
    return [item.task for item in parse(text).action_items]


def rules_at(text: str) -> list[tuple[str, int, str]]:
    return [(f.rule, f.line, f.message) for f in check_meeting(parse(text), text, "n.md", DEFAULTS)]


# -- position ids -----------------------------------------------------------------


def test_ids_are_the_meeting_date_and_the_position_in_document_order() -> None:
    meeting = parse(HANS)
    assert [(item.line, item.id) for item in meeting.action_items] == [
        (5, "2024-06-12-1"),
        (8, "Q3-7"),
        (9, "2024-06-12-3"),
        (10, "2024-06-12-4"),
    ]
    # the agenda item's task is the same object, with the same id
    assert [item.id for item in meeting.agenda[0].action_items] == ["2024-06-12-1"]


def test_ids_do_not_change_when_the_notes_are_parsed_again(tmp_path: Path) -> None:
    assert ids(HANS) == ids(HANS)
    assert parse(HANS).model_dump(mode="json") == parse(HANS).model_dump(mode="json")
    path = tmp_path / "weekly.md"
    path.write_text(HANS, encoding="utf-8")
    first, _ = load_meeting(path)
    second, _ = load_meeting(path)
    assert [item.id for item in first.action_items] == [item.id for item in second.action_items] == ids(HANS)


def test_an_id_written_on_one_item_does_not_renumber_the_others() -> None:
    plain = HANS.replace("#Q3-7 ", "")
    assert ids(plain) == ["2024-06-12-1", "2024-06-12-2", "2024-06-12-3", "2024-06-12-4"]
    assert ids(HANS) == ["2024-06-12-1", "Q3-7", "2024-06-12-3", "2024-06-12-4"]


def test_without_a_meeting_date_only_written_ids_are_given() -> None:
    undated = HANS.replace("会议日期：2024年6月12日\n", "")
    assert parse(undated).date is None
    assert ids(undated) == ["", "Q3-7", "", ""]


def test_a_date_in_the_file_name_numbers_the_items(tmp_path: Path) -> None:
    path = tmp_path / "weekly-20240612.md"
    path.write_text(HANS.replace("会议日期：2024年6月12日\n", ""), encoding="utf-8")
    meeting, _ = load_meeting(path)
    assert [item.id for item in meeting.action_items] == [
        "2024-06-12-1", "Q3-7", "2024-06-12-3", "2024-06-12-4"
    ]  # fmt: skip


def test_notes_on_standard_input_are_numbered_by_the_date_in_their_given_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import io
    import sys

    notes = HANS.replace("会议日期：2024年6月12日\n", "").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(notes)))
    name = str(tmp_path / "weekly-20240612.md")
    assert main(["parse", "-", "--stdin-filename", name]) == 0
    items = json.loads(capsys.readouterr().out)["action_items"]
    assert [item["id"] for item in items] == ["2024-06-12-1", "Q3-7", "2024-06-12-3", "2024-06-12-4"]


# -- ids the recorder wrote ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_ids", "task", "owner"),
    [
        (HANS, ["2024-06-12-1", "Q3-7"], "提交季度报告", "张三"),
        (HANT, ["2024-06-12-1", "TW-12"], "提交季度報告", "張三"),
        (EN, ["ENG-42", "2024-06-12-2"], "Send the release notes", "Ann Lee"),
    ],
    ids=["zh-Hans", "zh-Hant", "en"],
)
def test_a_written_id_is_kept_as_the_id_and_removed_from_the_task(
    text: str, expected_ids: list[str], task: str, owner: str
) -> None:
    meeting = parse(text)
    assert [item.id for item in meeting.action_items][:2] == expected_ids
    (item,) = [item for item in meeting.action_items if not item.id.startswith("2024")]
    assert item.task == task
    assert "#" not in item.task
    assert item.owner is not None and item.owner.name == owner


def test_a_written_id_in_the_form_of_a_date_id_is_an_id() -> None:
    text = "# 周会\n会议日期：2024年7月3日\n\n## 行动项\n- [x] #2024-06-12-3 发布说明；负责人：王芳；截止：7月5日\n"
    (item,) = parse(text).action_items
    assert item.id == "2024-06-12-3"
    assert item.task == "发布说明"
    assert item.status == "done"


@pytest.mark.parametrize(
    "line",
    [
        "- [ ] #123 fix the login crash; owner: Bob Chan; due: 2024-06-20",  # an issue, not an id
        "- [ ] #urgent fix the login crash; owner: Bob Chan; due: 2024-06-20",  # a tag
        "- [ ] Fix the crash reported in #Q3-7; owner: Bob Chan; due: 2024-06-20",  # not at the start
        "- [ ] #1-1 fix the login crash; owner: Bob Chan; due: 2024-06-20",  # an outline number
    ],
)
def test_only_an_id_like_token_at_the_very_start_is_an_id(line: str) -> None:
    text = f"# Weekly\nDate: 2024-06-12\n\n## Action items\n{line}\n"
    (item,) = parse(text).action_items
    assert item.id == "2024-06-12-1"
    assert "#" in item.task


def test_a_markdown_heading_is_no_id() -> None:
    text = "# Weekly\nDate: 2024-06-12\n\n## Action items\n### Q3 work\n- [ ] Send the deck; owner: Ann Lee; due: 2024-06-20\n"
    assert ids(text) == ["2024-06-12-1"]


# -- tables ---------------------------------------------------------------------------

TABLE = """# 项目周会
会议日期：2024年6月12日

## 行动项
| {header} | 任务 | 负责人 | 截止 |
| --- | --- | --- | --- |
| {first} | 准备材料 | 赵六 | 6月20日 |
| {second} | 联系客户 | 钱七 | 6月21日 |
"""


@pytest.mark.parametrize("header", ["序号", "编号", "編號", "No.", "ID"])
def test_ordinal_numbers_in_a_table_are_no_ids(header: str) -> None:
    text = TABLE.format(header=header, first="1", second="2")
    assert ids(text) == ["2024-06-12-1", "2024-06-12-2"]
    assert tasks(text) == ["准备材料", "联系客户"]


@pytest.mark.parametrize("header", ["编号", "編號", "ID", "No."])
def test_an_id_column_with_ids_gives_the_ids(header: str) -> None:
    text = TABLE.format(header=header, first="T-01", second="#Q3-7")
    assert ids(text) == ["T-01", "Q3-7"]
    assert tasks(text) == ["准备材料", "联系客户"]


# -- duplicate ids ------------------------------------------------------------------


DUPLICATES = {
    "zh-Hans": (
        HANS.replace("- [ ] 完成回归测试", "- [ ] #Q3-7 完成回归测试"),
        "Q3-7",
        "任务编号“Q3-7”与第8行的行动项重复",
    ),
    "zh-Hant": (
        HANT.replace("- [ ] 準備發布說明", "- [ ] #TW-12 準備發布說明"),
        "TW-12",
        "任務編號「TW-12」與第5行的行動項重複",
    ),
    "en": (
        EN.replace("- [ ] Finish", "- [ ] #ENG-42 Finish"),
        "ENG-42",
        'task id "ENG-42" is already used by the action item on line 5',
    ),
}


@pytest.mark.parametrize("language", list(DUPLICATES))
def test_a_duplicate_id_is_reported_at_the_second_item_and_both_are_kept(language: str) -> None:
    text, task_id, message = DUPLICATES[language]
    meeting = parse(text)
    assert meeting.language == language
    duplicated = [item for item in meeting.action_items if item.id == task_id]
    assert len(duplicated) == 2
    assert all("#" not in item.task for item in duplicated)
    found = [(line, text) for rule, line, text in rules_at(text) if rule == "duplicate-task-id"]
    assert found == [(max(item.line for item in duplicated), message)]


@pytest.mark.parametrize(
    "text",
    [HANS, HANT, EN, TABLE.format(header="序号", first="1", second="1"), HANS.replace("会议日期：2024年6月12日\n", "")],
    ids=["zh-Hans", "zh-Hant", "en", "repeated-ordinals", "undated"],
)
def test_unique_ids_are_not_reported(text: str) -> None:
    assert "duplicate-task-id" not in [rule for rule, _, _ in rules_at(text)]


def test_the_duplicate_finding_points_at_the_written_id() -> None:
    text, _, _ = DUPLICATES["en"]
    (finding,) = [
        f for f in check_meeting(parse(text), text, "n.md", DEFAULTS) if f.rule == "duplicate-task-id"
    ]
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 : finding.end_column - 1] == "#ENG-42"


# -- output ----------------------------------------------------------------------------


def test_minutes_parse_prints_the_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "weekly.md"
    path.write_text(HANS, encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    model = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in model["action_items"]] == ids(HANS)
    assert model["agenda"][0]["action_items"][0]["id"] == "2024-06-12-1"


@pytest.mark.parametrize("profile", ["business", "gbt9704"])
@pytest.mark.parametrize("text", [HANS, HANT, EN], ids=["zh-Hans", "zh-Hant", "en"])
def test_the_task_document_and_the_minutes_show_every_id(profile: str, text: str) -> None:
    meeting = parse(text)
    documents = render_documents(meeting, profile)
    for kind in ("minutes", "tasks"):
        shown = docx_text(documents[kind])
        for item in meeting.action_items:
            # in a sentence before the task; in a table on a line of its own above it
            before = f"[{item.id}] {item.task}" in shown
            above = f"\n{item.id}\n{item.task}\n" in shown
            assert before or above, (kind, item.id)
