"""A note has a size limit and an action-item limit: beyond either it is refused in one line.

The oversized notes here are refused before they are parsed (the size before the
file is read), so these tests stay fast; the one note built is just under both
limits at once.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parsers import limits, load_meeting
from parsers.encoding import read_text
from pipeline.errors import MinutesError

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (REPO / "samples").glob("*.md") if p.name.lower() != "readme.md")
HEAD = "# 周例会\n\n- 会议日期：2023年10月25日\n- 主持人：张经理\n\n## 议程1：渠道\n\n"
PROSE = "市场部介绍活动目标，销售部反馈渠道情况，设计部说明主视觉进度。\n\n"


def minutes(
    command: str, *args: str | Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", command, *map(str, args)],
        capture_output=True,
        input=stdin,
        cwd=REPO,
        timeout=300,
    )


def action_items(count: int) -> str:
    return "行动项：\n" + "".join(
        f"- [ ] 提交第{i}项方案；负责人：销售部 黄主管；截止：11月3日\n" for i in range(count)
    )


def oversized_note(path: Path) -> Path:
    """A note of 3 MB: a small head, then prose (cheap to write, refused unread)."""
    body = (HEAD + action_items(3)).encode("utf-8")
    filler = PROSE.encode("utf-8")
    path.write_bytes(body + filler * ((3 * 1024 * 1024) // len(filler) + 1))
    assert path.stat().st_size > limits.MAX_NOTE_BYTES
    return path


def reasons(stderr: bytes, path: Path) -> list[str]:
    """The distinct lines on stderr that name ``path`` (a build repeats the reason in its summary)."""
    return sorted(
        {line.strip() for line in stderr.decode("utf-8").splitlines() if str(path) in line}
    )


def assert_refused_in_one_line(
    result: subprocess.CompletedProcess[bytes], path: Path, what: str
) -> None:
    assert b"Traceback" not in result.stderr
    lines = reasons(result.stderr, path)
    assert lines, result.stderr.decode("utf-8")
    assert all(line.endswith(f"{path}: {what}") for line in lines), lines
    assert len({line.split(f"{path}: ", 1)[1] for line in lines}) == 1


TOO_BIG = "notes of 3 MB exceed the limit of 2 MB per note; split them"


@pytest.mark.parametrize("command", ["build", "check", "parse"])
def test_an_oversized_note_is_refused_in_one_line_by_each_command(
    tmp_path: Path, command: str
) -> None:
    note = oversized_note(tmp_path / "huge.md")
    args: list[str | Path] = [note, "-o", tmp_path / "out"] if command == "build" else [note]
    result = minutes(command, *args)
    assert_refused_in_one_line(result, note, TOO_BIG)
    # the exit status of notes that cannot be read (a binary file)
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"a\0b")
    unreadable = minutes(
        command, *([binary, "-o", tmp_path / "out"] if command == "build" else [binary])
    )
    assert result.returncode == unreadable.returncode != 0
    assert not list((tmp_path / "out").glob("huge.*.docx"))


@pytest.mark.parametrize("command", ["check", "parse"])
def test_oversized_notes_on_standard_input_are_refused_in_one_line(
    tmp_path: Path, command: str
) -> None:
    data = oversized_note(tmp_path / "huge.md").read_bytes()
    result = minutes(command, "-", "--stdin-filename", "week.md", stdin=data)
    assert b"Traceback" not in result.stderr
    assert result.returncode == 2
    assert result.stderr.decode("utf-8").strip().splitlines() == [
        "minutes: week.md: notes of more than 2 MB exceed the limit of 2 MB per note; split them"
    ]


@pytest.mark.parametrize("command", ["build", "check", "parse"])
def test_a_note_with_too_many_action_items_is_refused_in_one_line(
    tmp_path: Path, command: str
) -> None:
    note = tmp_path / "tasks.md"
    note.write_text(HEAD + action_items(limits.MAX_ACTION_ITEMS + 1), encoding="utf-8")
    assert note.stat().st_size < limits.MAX_NOTE_BYTES
    args: list[str | Path] = [note, "-o", tmp_path / "out"] if command == "build" else [note]
    result = minutes(command, *args)
    assert_refused_in_one_line(
        result, note, "3,001 action items exceed the limit of 3,000 per note; split them"
    )
    assert result.returncode != 0


def test_in_a_batch_the_oversized_note_fails_and_the_others_build(tmp_path: Path) -> None:
    archive = tmp_path / "notes"
    archive.mkdir()
    for sample in SAMPLES[:2]:
        shutil.copy2(sample, archive / sample.name)
    huge = oversized_note(archive / "huge.md")
    many = archive / "many.md"
    many.write_text(HEAD + action_items(limits.MAX_ACTION_ITEMS + 1), encoding="utf-8")
    out = tmp_path / "out"
    result = minutes("build", archive, "-o", out)
    assert result.returncode == 1, result.stderr.decode("utf-8")
    assert b"Traceback" not in result.stderr
    for sample in SAMPLES[:2]:
        stem = sample.name[: -len(".md")]
        assert (out / f"{stem}.minutes.docx").is_file()
        assert (out / f"{stem}.tasks.docx").is_file()
    assert not list(out.glob("huge.*")) and not list(out.glob("many.*"))
    assert_refused_in_one_line(result, huge, TOO_BIG)
    assert_refused_in_one_line(
        result, many, "3,001 action items exceed the limit of 3,000 per note; split them"
    )
    assert "2 built" in (result.stdout + result.stderr).decode("utf-8")


def test_a_note_just_under_both_limits_builds(tmp_path: Path) -> None:
    text = HEAD + action_items(limits.MAX_ACTION_ITEMS) + "\n## 议程2：其他\n\n"
    room = limits.MAX_NOTE_BYTES - len(text.encode("utf-8")) - 1024
    filler = PROSE.encode("utf-8")
    note = tmp_path / "big.md"
    note.write_bytes(text.encode("utf-8") + filler * (room // len(filler)))
    assert limits.MAX_NOTE_BYTES - 2048 < note.stat().st_size <= limits.MAX_NOTE_BYTES
    meeting, _ = load_meeting(note)
    assert len(meeting.action_items) == limits.MAX_ACTION_ITEMS
    result = minutes("build", note, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert (tmp_path / "out" / "big.minutes.docx").is_file()
    assert (tmp_path / "out" / "big.tasks.docx").is_file()


def test_the_size_is_checked_before_the_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_NOTE_BYTES", 100)
    exact = tmp_path / "exact.md"
    exact.write_bytes(b"# x\n" * 25)
    assert read_text(exact) == "# x\n" * 25  # at the limit: read
    over = tmp_path / "over.md"
    over.write_bytes(b"# x\n" * 25 + b"\n")
    real_open = Path.open
    opened: list[str] = []

    def reads(self: Path, *args: object, **kwargs: object) -> object:
        handle = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        real_read = handle.read

        def read(*a: object) -> bytes:
            opened.append(self.name)
            return real_read(*a)  # type: ignore[no-any-return]

        handle.read = read
        return handle

    monkeypatch.setattr(Path, "open", reads)
    with pytest.raises(MinutesError) as caught:
        read_text(over)
    assert str(caught.value).startswith(f"{over}: notes of ")
    assert "exceed the limit" in str(caught.value)
    assert opened == []  # refused from its size alone: not a byte was read


def test_the_limits_leave_realistic_notes_far_below() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from bench_parse import generated_note
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    from parsers import parse_notes

    big = generated_note(10_000)  # the benchmark's long note
    assert len(big.encode("utf-8")) < limits.MAX_NOTE_BYTES / 4
    assert len(parse_notes(big).action_items) < limits.MAX_ACTION_ITEMS / 2
    for sample in SAMPLES:
        assert sample.stat().st_size < limits.MAX_NOTE_BYTES / 100
