"""The ledger's index: unchanged notes are not parsed again; the index is only a cache."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from pipeline.ledger import index as index_module
from pipeline.ledger.archive import find_notes, read_archive
from pipeline.ledger.entry import Ledger
from pipeline.ledger.index import INDEX_NAME, NoteIndex, cache_folder, index_path

NOTE = """\
# 周会 {n}
会议日期：2024年6月{day}日

## 行动项
- [ ] 任务{n}；负责人：研发部 张三；截止：2024年7月1日；完成标准：评审通过
"""


def write_notes(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"m{n:03d}.md"
        path.write_text(NOTE.format(n=n, day=1 + n % 28), encoding="utf-8")
        paths.append(path)
    return paths


def age(path: Path, seconds: int = 60) -> None:
    """Make ``path`` look modified a while ago (a note just written is always hashed)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 1_000_000_000))


def read(folder: Path, where: Path | None) -> tuple[int, int, list[str]]:
    files = find_notes([folder], [])
    index = NoteIndex(where) if where is not None else None
    try:
        archive = read_archive(files, index, processes=1)
    finally:
        if index is not None:
            index.close()
    tasks = [task["task"] for _, record in archive.notes for task in record["tasks"]]
    return archive.parsed, archive.reused, tasks


def test_unchanged_notes_come_from_the_index_and_an_edited_one_is_parsed_again(tmp_path: Path) -> None:
    notes = write_notes(tmp_path / "notes", 5)
    for path in notes:
        age(path)
    where = tmp_path / "index.sqlite"
    parsed, reused, tasks = read(tmp_path / "notes", where)
    assert (parsed, reused) == (5, 0)
    assert read(tmp_path / "notes", where) == (0, 5, tasks)
    notes[2].write_text(NOTE.format(n="二", day=3), encoding="utf-8")
    parsed, reused, changed = read(tmp_path / "notes", where)
    assert (parsed, reused) == (1, 4)
    assert "任务二" in changed and "任务2" not in changed


def test_a_note_touched_but_not_changed_is_recognised_by_its_hash(tmp_path: Path) -> None:
    notes = write_notes(tmp_path / "notes", 3)
    where = tmp_path / "index.sqlite"
    read(tmp_path / "notes", where)
    os.utime(notes[0])  # a new time stamp, the same bytes
    assert read(tmp_path / "notes", where)[:2] == (0, 3)


def test_an_edit_that_keeps_size_and_time_stamp_is_still_seen(tmp_path: Path) -> None:
    (note,) = write_notes(tmp_path / "notes", 1)
    where = tmp_path / "index.sqlite"
    read(tmp_path / "notes", where)
    stat = note.stat()
    note.write_text(NOTE.format(n=8, day=1), encoding="utf-8")  # same length as n=0
    os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert note.stat().st_size == stat.st_size
    assert read(tmp_path / "notes", where)[2] == ["任务8"]


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_a_corrupt_index_is_rebuilt(tmp_path: Path, content: bytes) -> None:
    write_notes(tmp_path / "notes", 2)
    where = tmp_path / "index.sqlite"
    where.write_bytes(content)
    assert read(tmp_path / "notes", where)[:2] == (2, 0)
    assert read(tmp_path / "notes", where)[:2] == (0, 2)


def test_a_foreign_database_is_not_trusted(tmp_path: Path) -> None:
    write_notes(tmp_path / "notes", 2)
    where = tmp_path / "index.sqlite"
    with sqlite3.connect(where) as other:
        other.execute("CREATE TABLE notes (path TEXT, size INTEGER)")
    assert read(tmp_path / "notes", where)[:2] == (2, 0)
    assert read(tmp_path / "notes", where)[:2] == (0, 2)


def test_a_changed_reader_reads_every_note_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_notes(tmp_path / "notes", 2)
    where = tmp_path / "index.sqlite"
    read(tmp_path / "notes", where)
    monkeypatch.setattr(index_module, "reader_fingerprint", lambda: "another version")
    assert read(tmp_path / "notes", where)[:2] == (2, 0)


def test_deleting_the_index_loses_nothing(tmp_path: Path) -> None:
    write_notes(tmp_path / "notes", 3)
    where = tmp_path / "index.sqlite"
    first = read(tmp_path / "notes", where)[2]
    where.unlink()
    assert read(tmp_path / "notes", where)[2] == first
    assert read(tmp_path / "notes", None)[2] == first


def test_the_index_lives_beside_the_build_manifest_or_in_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = tmp_path / "built"
    assert index_path([tmp_path / "notes"], built) == built / INDEX_NAME
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "minutes"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "minutes"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert cache_folder() == tmp_path / "home" / "Library" / "Caches" / "minutes"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert cache_folder() == tmp_path / "local" / "minutes"
    # one index per archive, never among the notes
    one = index_path([tmp_path / "a"])
    assert one != index_path([tmp_path / "b"])
    assert one.parent == tmp_path / "local" / "minutes" / "ledger-index"


def test_notes_are_parsed_in_spawned_workers_as_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.ledger import archive as archive_module

    monkeypatch.setenv("MINUTES_START_METHOD", "spawn")
    monkeypatch.setattr(archive_module, "PARALLEL_FROM", 4)
    write_notes(tmp_path / "notes", 12)
    (tmp_path / "notes" / "broken.md").write_bytes(b"\x00\x00binary")
    files = find_notes([tmp_path / "notes"], [])
    together = read_archive(files, None, processes=2)
    alone = read_archive(files, None, processes=1)
    assert together.parsed == alone.parsed == 12
    assert [name for name, _ in together.notes] == [name for name, _ in alone.notes]
    assert [record for _, record in together.notes] == [record for _, record in alone.notes]
    assert [p.file for p in together.problems] == [str(tmp_path / "notes" / "broken.md")]


FOLLOW_UP = """\
# 周会
会议日期：2024年6月29日

## 上次行动项跟进
- [x] #2024-06-01-1 已完成
- #2024-06-02-1：进行中，延期到7月20日
"""


def ledger_of(folder: Path, where: Path | None, as_of: dt.date) -> Ledger:
    from pipeline.ledger.archive import archive_ledger

    files = find_notes([folder], [])
    index = NoteIndex(where) if where is not None else None
    try:
        return archive_ledger(read_archive(files, index, processes=1), index, as_of)
    finally:
        if index is not None:
            index.close()


def test_the_ledger_of_unchanged_notes_comes_from_the_index_with_the_states_of_the_day(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "notes"
    write_notes(folder, 4)
    (folder / "z.md").write_text(FOLLOW_UP, encoding="utf-8")
    where = tmp_path / "index.sqlite"
    first = ledger_of(folder, where, dt.date(2024, 6, 30))
    again = ledger_of(folder, where, dt.date(2024, 7, 2))
    fresh = ledger_of(folder, None, dt.date(2024, 7, 2))
    assert again == fresh and again.model_dump_json() == fresh.model_dump_json()
    states = {t.id: (t.state, t.days_overdue) for t in again.tasks}
    assert states["2024-06-01-1"] == ("done", 0)
    assert states["2024-06-02-1"] == ("open", 0)
    assert states["2024-06-03-1"] == ("overdue", 1)
    assert {t.id: t.state for t in first.tasks}["2024-06-03-1"] == "due-soon"


def test_a_stored_ledger_that_is_not_one_is_made_afresh(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    write_notes(folder, 3)
    where = tmp_path / "index.sqlite"
    ledger_of(folder, where, dt.date(2024, 6, 30))
    with sqlite3.connect(where) as db:
        db.execute("UPDATE ledgers SET ledger = replace(ledger, '\"status\":\"not_started\"', '\"status\":\"gone\"')")
    assert ledger_of(folder, where, dt.date(2024, 6, 30)) == ledger_of(folder, None, dt.date(2024, 6, 30))
    with sqlite3.connect(where) as db:
        db.execute("UPDATE ledgers SET ledger = '[1, 2'")
    assert ledger_of(folder, where, dt.date(2024, 6, 30)) == ledger_of(folder, None, dt.date(2024, 6, 30))
