"""``minutes ledger``: an archive of notes in, the task ledger out (listing or file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main

W1 = """\
# 产品周会
会议日期：2024年6月12日
参会人员：研发部：张三、李四；市场部：王芳

## 行动项
- [ ] 完成接口文档；负责人：研发部 张三；截止：2024年7月1日；完成标准：评审通过
- [ ] #Q3-7 准备发布说明；负责人：市场部 王芳；截止：2024年6月20日；完成标准：经审核
- [ ] 整理客户反馈；负责人：研发部 李四；截止：2024年6月28日；完成标准：形成清单
"""

W2 = """\
# 产品周会
会议日期：2024年6月19日

## 上次行动项跟进
- [x] #Q3-7 已发布
- 2024-06-12-1：进行中，延期到7月20日
- #2024-06-12-9 已完成
"""

EN = """\
# Weekly sync
Date: 2024-06-12

## Action items
- [ ] #ENG-42 Send the contract draft; owner: Legal/Maria Garcia; due: 2024-06-14; done when: signed off
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setenv("LOCALAPPDATA", str(cache))
    monkeypatch.setenv("NO_COLOR", "1")
    return cache


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "w1.md").write_text(W1, encoding="utf-8")
    (folder / "2024" / "w2.md").write_bytes(W2.replace("\n", "\r\n").encode("gbk"))
    (folder / "en.md").write_text(EN, encoding="utf-8")
    (folder / "README.md").write_text("# 这不是会议纪要\n", encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["ledger", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def json_ledger(path: Path) -> dict[str, dict[str, object]]:
    return {row["id"]: row for row in json.loads(path.read_text(encoding="utf-8"))}


def test_the_listing_shows_every_task_with_its_state_and_problems_go_to_stderr(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, archive, "--as-of", "2024-07-02")
    assert code == 0
    for task_id in ("2024-06-12-1", "Q3-7", "2024-06-12-3", "ENG-42"):
        assert task_id in out
    assert "完成接口文档" in out and "2024-07-20" in out  # the new due date
    w2 = archive / "2024" / "w2.md"
    assert err.splitlines() == [f"{w2}:7: unknown-task-id: no task has the id 2024-06-12-9"]


def test_json_output_carries_status_state_history_and_days_overdue(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ledger.json"
    code, stdout, _ = run(capsys, archive, "--as-of", "2024-07-02", "-o", out)
    assert code == 0 and stdout == ""
    rows = json_ledger(out)
    assert (rows["Q3-7"]["status"], rows["Q3-7"]["state"]) == ("done", "done")
    doc = rows["2024-06-12-1"]
    assert (doc["due"], doc["state"]) == ("2024-07-20", "open")
    assert doc["history"][0]["meeting_date"] == "2024-06-19"  # type: ignore[index]
    assert (rows["2024-06-12-3"]["state"], rows["2024-06-12-3"]["days_overdue"]) == ("overdue", 4)
    assert (rows["ENG-42"]["state"], rows["ENG-42"]["days_overdue"]) == ("overdue", 18)
    assert rows["ENG-42"]["file"] == str(archive / "en.md")


def test_owner_and_open_filter_the_tasks(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ledger.json"
    run(capsys, archive, "--as-of", "2024-07-02", "-o", out, "--owner", "研发部")
    assert sorted(json_ledger(out)) == ["2024-06-12-1", "2024-06-12-3"]
    run(capsys, archive, "--as-of", "2024-07-02", "-o", out, "--owner", "maria")
    assert sorted(json_ledger(out)) == ["ENG-42"]
    run(capsys, archive, "--as-of", "2024-07-02", "-o", out, "--open")
    assert sorted(json_ledger(out)) == ["2024-06-12-1", "2024-06-12-3", "ENG-42"]


def test_fail_on_overdue(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, archive, "--as-of", "2024-06-13", "--fail-on-overdue")[0] == 0
    assert run(capsys, archive, "--as-of", "2024-07-02", "--fail-on-overdue")[0] == 1
    # only the tasks listed count
    assert run(capsys, archive, "--as-of", "2024-06-25", "--owner", "张三", "--fail-on-overdue")[0] == 0


def test_an_unreadable_note_is_named_left_out_and_the_ledger_still_written(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = archive / "broken.md"
    broken.write_bytes(b"# x\n\x00\x01binary")
    out = tmp_path / "ledger.csv"
    code, _, err = run(capsys, archive, "--as-of", "2024-07-02", "-o", out)
    assert code == 1
    lines = [line for line in err.splitlines() if str(broken) in line]
    assert len(lines) == 1 and lines[0].startswith(f"{broken}:2: unreadable-notes: ")
    assert "Q3-7" in out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2024-13-01"], "not a date"),
        (["-o", "ledger.txt"], "unknown output format"),
        (["-o", "ledger"], "unknown output format"),
    ],
)
def test_bad_usage_exits_2(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    arguments = [str(tmp_path / a) if a.startswith("ledger") else a for a in args]
    with pytest.raises(SystemExit) as stop:
        code = main(["ledger", str(archive), *arguments])
        raise SystemExit(code)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "ledger.txt").exists()


def test_a_file_not_written_by_minutes_is_not_replaced_without_force(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "budget.csv"
    mine.write_text("my,own,numbers\n", encoding="utf-8")
    code, _, err = run(capsys, archive, "-o", mine)
    assert code == 2 and "no ledger written by minutes" in err
    assert mine.read_text(encoding="utf-8") == "my,own,numbers\n"
    code, _, _ = run(capsys, archive, "-o", mine, "--force")
    assert code == 0 and "Q3-7" in mine.read_text(encoding="utf-8-sig")


def test_its_own_ledger_is_replaced_unless_someone_edited_it(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ledger.json"
    assert run(capsys, archive, "--as-of", "2024-06-13", "-o", out)[0] == 0
    assert run(capsys, archive, "--as-of", "2024-07-02", "-o", out)[0] == 0
    assert json_ledger(out)["ENG-42"]["state"] == "overdue"
    out.write_text(out.read_text(encoding="utf-8").replace("overdue", "late"), encoding="utf-8")
    edited = out.read_text(encoding="utf-8")
    assert run(capsys, archive, "--as-of", "2024-07-03", "-o", out)[0] == 2
    assert out.read_text(encoding="utf-8") == edited


def test_an_input_is_never_overwritten(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = archive / "en.md"
    before = note.read_bytes()
    renamed = archive / "en.json"
    renamed.write_text("[]", encoding="utf-8")
    code, _, err = run(capsys, note, renamed, "-o", renamed, "--force")
    assert code == 2 and "named on the command line" in err
    assert note.read_bytes() == before and renamed.read_text(encoding="utf-8") == "[]"


def test_every_format_is_written(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for suffix in (".xlsx", ".csv", ".json", ".ics"):
        out = tmp_path / f"ledger{suffix}"
        assert run(capsys, archive, "--as-of", "2024-07-02", "-o", out)[0] == 0
        assert out.stat().st_size > 0
    assert (tmp_path / "ledger.xlsx").read_bytes()[:2] == b"PK"
    assert b"BEGIN:VCALENDAR" in (tmp_path / "ledger.ics").read_bytes()


def test_no_index_gives_the_same_ledger(archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second, third = (tmp_path / f"{n}.json" for n in ("a", "b", "c"))
    run(capsys, archive, "--as-of", "2024-07-02", "-o", first)
    run(capsys, archive, "--as-of", "2024-07-02", "-o", second)  # from the index
    run(capsys, archive, "--as-of", "2024-07-02", "-o", third, "--no-index")
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") == third.read_text(encoding="utf-8")


def test_the_index_goes_beside_the_build_manifest_or_to_the_user_cache_never_among_the_notes(
    archive: Path, tmp_path: Path, private_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.relative_to(archive) for p in archive.rglob("*"))
    assert run(capsys, archive, "--no-index")[0] == 0
    assert not private_cache.exists()
    assert run(capsys, archive)[0] == 0
    assert len(list((private_cache / "minutes" / "ledger-index").glob("*.sqlite"))) == 1
    built = tmp_path / "built"
    built.mkdir()
    assert run(capsys, archive, "--build-dir", built)[0] == 0
    assert (built / ".minutes-ledger-index.sqlite").is_file()
    assert sorted(p.relative_to(archive) for p in archive.rglob("*")) == before
    code, _, err = run(capsys, archive, "--build-dir", tmp_path / "missing")
    assert code == 2 and "no such build output folder" in err


TW_1 = """\
# 行銷部月會
會議日期：2024年6月5日

## 行動項
- [ ] #TW-12 提交夏季報價單；負責人：業務部 黃建國；截止：2024年6月30日；完成標準：主管核准
- [ ] 更新門市海報；負責人：行銷部 林美玲；截止：2024年6月20日；完成標準：門市確認
"""

TW_2 = """\
# 行銷部月會
會議日期：2024年7月3日

## 上次會議決議執行情形
1. #TW-12 進行中，延後至7月25日
2. 更新門市海報（負責人：行銷部 林美玲）：已完成
"""


def test_traditional_notes_in_big5_are_followed_by_id_and_by_text_and_owner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "月會"
    folder.mkdir()
    (folder / "0605.md").write_bytes(TW_1.replace("\n", "\r\n").encode("big5"))
    (folder / "0703.md").write_bytes(TW_2.replace("\n", "\r\n").encode("big5"))
    out = tmp_path / "ledger.json"
    code, _, err = run(capsys, folder, "--as-of", "2024-07-10", "-o", out)
    assert (code, err) == (0, "")
    rows = json_ledger(out)
    assert (rows["TW-12"]["status"], rows["TW-12"]["due"], rows["TW-12"]["state"]) == (
        "in_progress", "2024-07-25", "open"
    )
    assert rows["2024-06-05-2"]["state"] == "done"
    assert rows["2024-06-05-2"]["history"][0]["line"] == 6  # type: ignore[index]
