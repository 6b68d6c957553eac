"""``minutes next``: the next meeting's notes, with the open tasks to follow up."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import parse_notes
from pipeline.cli import main
from pipeline.ledger.core import build_ledger

HANS_1 = """\
# 产品周会
会议日期：2024年6月12日
参会人员：研发部：张三、李四；市场部：王芳

## 行动项
- [ ] 完成接口文档；负责人：研发部 张三；截止：2024年7月1日；完成标准：评审通过
- [ ] #Q3-7 准备发布说明；负责人：市场部 王芳；截止：2024年6月20日；完成标准：经审核
- [ ] 整理客户反馈；负责人：研发部 李四；截止：2024年6月28日；完成标准：形成清单
"""

HANS_2 = """\
# 产品周会
会议日期：2024年6月19日
参会人员：研发部：张三；市场部：王芳、赵六

## 上次行动项跟进
- [x] #Q3-7 已发布
- 2024-06-12-1：进行中，延期到7月20日

## 行动项
- [ ] 预订发布会场地；负责人：行政部 周七；截止：2024年6月26日；完成标准：合同签订
"""

HANT = """\
# 行銷部月會
會議日期：2024年6月5日
參會人員：行銷部：陳志明、林美玲

## 行動項
- [ ] #TW-12 提交夏季報價單；負責人：業務部 黃建國；截止：2024年6月30日；完成標準：主管核准
"""

EN = """\
# Weekly sync
Date: 2024-06-12
Attendees: Engineering: Ann Lee, Bob Chan; Legal: Maria Garcia

## Action items
- [ ] #ENG-42 Send the contract draft; owner: Legal/Maria Garcia; due: 2024-06-14; done when: signed off
- [ ] Finish the regression run; owner: Customer Service/Bob Chan; due: 2024-07-30; done when: no P1 bugs
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "cache"))


def folder_with(tmp_path: Path, folder_name: str = "notes", **notes: str) -> Path:
    folder = tmp_path / folder_name
    folder.mkdir(exist_ok=True)
    for name, text in notes.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def next_of(capsys: pytest.CaptureFixture[str], notes: Path, *args: str) -> str:
    assert main(["next", str(notes), *args]) == 0
    return capsys.readouterr().out


def test_the_skeleton_lists_every_open_task_across_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_with(tmp_path, w1=HANS_1, w2=HANS_2)
    text = next_of(capsys, folder / "w2.md", "--as-of", "2024-06-30")
    lines = text.splitlines()
    assert lines[0] == "# 产品周会"
    assert "参会人员：研发部：张三；市场部：王芳、赵六" in lines
    assert "会议日期：" in lines  # left for the recorder: no date is made up
    section = lines[lines.index("## 上次行动项跟进") + 1 :]
    tasks = [line for line in section if line.startswith("- [ ]")]
    assert tasks == [
        "- [ ] #2024-06-12-1 完成接口文档 — 负责人：研发部 张三 — 截止：2024-07-20",
        "- [ ] #2024-06-12-3 整理客户反馈 — 负责人：研发部 李四 — 截止：2024-06-28 — ⚠ 已逾期2天",
        "- [ ] #2024-06-19-1 预订发布会场地 — 负责人：行政部 周七 — 截止：2024-06-26 — ⚠ 已逾期4天",
    ]
    assert "Q3-7" not in text  # done at the second meeting


def test_the_skeleton_parses_back_into_updates_of_the_same_tasks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_with(tmp_path, w1=HANS_1, w2=HANS_2)
    text = next_of(capsys, folder / "w2.md", "--as-of", "2024-06-30")
    meeting = parse_notes(text.replace("会议日期：", "会议日期：2024年6月26日"))
    assert [u.task_id for u in meeting.task_updates] == ["2024-06-12-1", "2024-06-12-3", "2024-06-19-1"]
    assert meeting.action_items == []
    assert all(u.status is None for u in meeting.task_updates)  # an overdue mark is no status


def test_traditional_and_english_skeletons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, tw=HANT)
    text = next_of(capsys, folder / "tw.md", "--as-of", "2024-07-02")
    assert "## 上次會議決議執行情形" in text
    assert "參會人員：行銷部：陳志明、林美玲" in text
    assert "- [ ] #TW-12 提交夏季報價單 — 負責人：業務部 黃建國 — 截止：2024-06-30 — ⚠ 已逾期2天" in text

    folder = folder_with(tmp_path, "english", en=EN)
    text = next_of(capsys, folder / "en.md", "--as-of", "2024-06-13")
    assert "## Follow-up of previous actions" in text
    assert "Attendees: Engineering: Ann Lee, Bob Chan; Legal: Maria Garcia" in text
    assert "- [ ] #ENG-42 Send the contract draft — Owner: Legal/Maria Garcia — Due: 2024-06-14" in text
    back = parse_notes(text.replace("Date:", "Date: 2024-06-19"))
    assert [(u.task_id, u.owner.department if u.owner else None) for u in back.task_updates] == [
        ("ENG-42", "Legal"),
        ("2024-06-12-2", "Customer Service"),
    ]


def test_a_task_without_id_is_listed_by_text_and_owner_and_followed_that_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    undated = "# 筹备会\n\n## 行动项\n- [ ] 整理场地清单；负责人：行政部 周七；截止：2024年6月20日；完成标准：清单确认\n"
    folder = folder_with(tmp_path, kickoff=undated)
    text = next_of(capsys, folder / "kickoff.md", "--as-of", "2024-06-10")
    assert "- [ ] 整理场地清单 — 负责人：行政部 周七 — 截止：2024-06-20" in text
    follow = parse_notes(text.replace("会议日期：", "会议日期：2024年6月12日").replace("- [ ] 整理", "- [x] 整理"))
    (update,) = follow.task_updates
    assert update.task_id == "" and update.task == "整理场地清单"
    first = parse_notes(undated)
    ledger = build_ledger([("kickoff.md", first), ("next.md", follow)], first.action_items[0].due)  # type: ignore[arg-type]
    # the undated meeting comes after the dated one, so nothing earlier matches: reported, not guessed
    assert [p.rule for p in ledger.problems] == ["unmatched-update"]


def test_archive_option_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, w2=HANS_2)
    other = tmp_path / "older"
    other.mkdir()
    (other / "w1.md").write_text(HANS_1, encoding="utf-8")
    out = tmp_path / "next.md"
    assert main(["next", str(folder / "w2.md"), "--archive", str(other), "-o", str(out), "--as-of", "2024-06-30"]) == 0
    assert capsys.readouterr().out == ""
    text = out.read_text(encoding="utf-8")
    assert "#2024-06-12-1" in text and "#2024-06-19-1" in text


def test_an_existing_file_is_not_overwritten_without_force_and_the_notes_never(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_with(tmp_path, w1=HANS_1)
    out = tmp_path / "next.md"
    out.write_text("我的草稿\n", encoding="utf-8")
    assert main(["next", str(folder / "w1.md"), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "我的草稿\n"
    assert main(["next", str(folder / "w1.md"), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# 产品周会")
    before = (folder / "w1.md").read_bytes()
    assert main(["next", str(folder / "w1.md"), "-o", str(folder / "w1.md"), "--force"]) == 2
    assert (folder / "w1.md").read_bytes() == before


def test_a_skeleton_left_unfilled_in_the_folder_changes_no_task_and_a_filled_one_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    folder = folder_with(tmp_path, w1=HANS_1, w2=HANS_2)
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    assert main(["ledger", str(folder), "--as-of", "2024-06-30", "-o", str(before)]) == 0
    assert main(["next", str(folder / "w2.md"), "--as-of", "2024-06-30", "-o", str(folder / "w3.md")]) == 0
    assert main(["ledger", str(folder), "--as-of", "2024-06-30", "-o", str(after)]) == 0
    capsys.readouterr()
    assert after.read_text(encoding="utf-8") == before.read_text(encoding="utf-8")

    filled = (folder / "w3.md").read_text(encoding="utf-8")
    filled = filled.replace("会议日期：", "会议日期：2024年6月26日").replace("- [ ] #2024-06-12-3", "- [x] #2024-06-12-3")
    filled = filled.replace("截止：2024-07-20", "截止：2024-07-20 — 已提交初稿")
    (folder / "w3.md").write_text(filled, encoding="utf-8")
    assert main(["ledger", str(folder), "--as-of", "2024-06-30", "-o", str(after), "--force"]) == 0
    rows = {row["id"]: row for row in json.loads(after.read_text(encoding="utf-8"))}
    assert rows["2024-06-12-3"]["state"] == "done"
    assert rows["2024-06-12-1"]["last_progress"]["date"] == "2024-06-26"
    assert len(rows["2024-06-19-1"]["history"]) == 0


def test_force_never_replaces_a_note_of_the_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, w1=HANS_1, w2=HANS_2)
    before = (folder / "w1.md").read_bytes()
    assert main(["next", str(folder / "w2.md"), "-o", str(folder / "w1.md"), "--force"]) == 2
    assert "one of the notes" in capsys.readouterr().err
    assert (folder / "w1.md").read_bytes() == before
