"""``minutes check`` reports an update naming a task id that no notes beside it assign."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main

FIRST = """\
# 产品周会
会议日期：2024年6月12日

## 行动项
- [ ] #Q3-7 准备发布说明；负责人：市场部 王芳；截止：2024年6月20日；完成标准：经审核
"""

SECOND = """\
# 产品周会
会议日期：2024年6月19日

## 上次行动项跟进
- [x] #Q3-7 已发布
- [x] #Q3-9 已完成
"""

ENGLISH = """\
# Weekly sync
Date: 2024-06-19

## Follow-up of previous actions
- [x] #ENG-404 done
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "cache"))


def unknown_ids(capsys: pytest.CaptureFixture[str], *paths: Path | str) -> list[tuple[str, int, int, str]]:
    main(["check", "--format", "json", *map(str, paths)])
    findings = json.loads(capsys.readouterr().out)
    return [(Path(f["file"]).name, f["line"], f["column"], f["message"]) for f in findings if f["rule"] == "unknown-task-id"]


def test_an_id_no_notes_in_the_folder_assign_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "w1.md").write_text(FIRST, encoding="utf-8")
    (tmp_path / "w2.md").write_text(SECOND, encoding="utf-8")
    expected = [("w2.md", 6, 8, "任务编号“Q3-9”不在本文件夹（或一并检查）的纪要里")]
    # checked alone: the other notes of its folder are read for their ids
    assert unknown_ids(capsys, tmp_path / "w2.md") == expected
    assert unknown_ids(capsys, tmp_path) == expected


def test_ids_of_notes_given_elsewhere_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "w1.md").write_text(FIRST, encoding="utf-8")
    (tmp_path / "new" / "w2.md").write_text(SECOND.replace("#Q3-9", "#Q3-7"), encoding="utf-8")
    assert [line for _, line, _, _ in unknown_ids(capsys, tmp_path / "new")] == [5, 6]
    assert unknown_ids(capsys, tmp_path / "new", tmp_path / "old") == []


def test_the_rule_can_be_switched_off_or_silenced_and_speaks_the_notes_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "en.md").write_text(ENGLISH, encoding="utf-8")
    ((_, line, _, text),) = unknown_ids(capsys, tmp_path / "en.md")
    assert line == 5 and text == 'no notes in this folder (or checked with these) have a task with the id "ENG-404"'
    silenced = ENGLISH.replace("- [x] #ENG-404", "<!-- minutes-disable-next-line unknown-task-id -->\n- [x] #ENG-404")
    (tmp_path / "en.md").write_text(silenced, encoding="utf-8")
    main(["check", "--format", "json", str(tmp_path / "en.md")])
    assert [f["rule"] for f in json.loads(capsys.readouterr().out) if "missing-meeting" not in f["rule"]] == []
    team = tmp_path / "team"
    team.mkdir()
    (team / "en.md").write_text(ENGLISH, encoding="utf-8")
    (team / "minutes.toml").write_text('[check.rules]\nunknown-task-id = "off"\n', encoding="utf-8")
    assert unknown_ids(capsys, team / "en.md") == []
