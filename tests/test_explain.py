"""``minutes parse --explain``: each line's role in a margin, from the model and the reader's cues.

Every note here is made up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parsers.explain import (
    SEPARATOR,
    ExplainedLine,
    display_width,
    explain_lines,
    explain_meeting,
    fit,
    format_explained,
)
from pipeline.model import ActionItem, AgendaItem, Meeting, Person, TextSpan
from tests.terminal import minutes_on_a_terminal

SIMPLIFIED = """\
# 周会

会议时间：2024-05-13 14:00-15:00
参会人员：张三、李四、王五
随便写的一句话

## 接口评审
- 讨论了鉴权方案
- 采用 JWT 方案，通过
- [ ] 张三：完成接口文档，5月20日前
- [x] 李四：申请测试环境，2024-05-14
"""

TRADITIONAL = """\
# 行銷部月會

會議日期：2024年6月3日
會議時間：09:30-10:30
主持人：行銷部 陳經理
參會人員：行銷部：陳經理、黃專員；業務部：林主任

本次重點：暖身一下

## 一、夏季檔期

### 討論要點
- 黃專員：社群貼文觸及率下滑兩成。

### 分歧
- 業務部希望加碼廣告；行銷部主張先優化內容。

### 決議
- 一致同意七月起改為每週三篇貼文。

### 行動項
| 序號 | 任務名稱 | 負責人 | 截止日期 |
| --- | --- | --- | --- |
| 1 | 整理貼文成效報表 | 黃專員 | 2024-06-10 |
| 2 | 提出加碼預算 | 林主任 | 6月14日 |
"""

ENGLISH = """\
---
title: Platform weekly sync
date: 2025-03-04
attendees:
  - "Platform: Ana Silva"
  - "Platform: Ben Okafor"
  - "QA: Chen Wei"
mood: cheerful
---

# Platform weekly sync

Time: 10:00-10:45
Absent: Security: Dana Ruiz (on leave)
Coffee machine is broken again.

## 1. Release 4.2 readiness

Discussion:
- Ben walked through the open bugs; two are blockers.

Disagreements:
- Ben wants to slip a week; Ana prefers shipping without the ARM build.

Decisions:
- Agreed to ship 4.2 on March 14 without the ARM build.

Action items:
- [ ] Fix the two release blockers; owner: Platform/Ben Okafor; due: 2025-03-11
- [x] Quarantine the flaky ARM tests; owner: QA/Chen Wei; due: 2025-03-05
- [ ] Write the 4.2 release notes
  - owner: Platform/Ana Silva
  - due: March 13

## Risks

- The ARM customers may complain if 4.2 ships without their build.
"""


def margins(text: str) -> dict[str, str]:
    """Source line → its margin, for the non-blank lines of ``text``."""
    return {line.source_text: line.margin for line in explain_lines(text) if line.source_text}


# ---------------------------------------------------------------- roles, one note per language


def test_roles_of_a_simplified_chinese_note() -> None:
    roles = margins(SIMPLIFIED)
    assert roles["# 周会"] == "title"
    assert roles["会议时间：2024-05-13 14:00-15:00"] == "info: date, time"
    assert roles["参会人员：张三、李四、王五"] == "attendees (3)"
    assert roles["随便写的一句话"] == "kept: other information"
    assert roles["## 接口评审"] == "agenda 1"
    assert roles["- 讨论了鉴权方案"] == "discussion"
    assert roles["- 采用 JWT 方案，通过"] == "decision (通过)"
    assert roles["- [ ] 张三：完成接口文档，5月20日前"] == "task 1 → 张三 · 2024-05-20"
    assert roles["- [x] 李四：申请测试环境，2024-05-14"] == "task 2 done → 李四 · 2024-05-14"


def test_roles_of_a_traditional_chinese_note() -> None:
    roles = margins(TRADITIONAL)
    assert roles["# 行銷部月會"] == "title"
    assert roles["會議日期：2024年6月3日"] == "info: date"
    assert roles["主持人：行銷部 陳經理"] == "info: host"
    assert roles["參會人員：行銷部：陳經理、黃專員；業務部：林主任"] == "attendees (3)"
    assert roles["本次重點：暖身一下"] == "kept: other information"
    assert roles["## 一、夏季檔期"] == "agenda 1"
    assert roles["### 討論要點"] == "section: heading"
    assert roles["- 黃專員：社群貼文觸及率下滑兩成。"] == "discussion"
    assert roles["- 業務部希望加碼廣告；行銷部主張先優化內容。"] == "disagreement"
    assert roles["- 一致同意七月起改為每週三篇貼文。"] == "decision (一致同意)"
    assert roles["| --- | --- | --- | --- |"] == "table header"
    assert roles["| 1 | 整理貼文成效報表 | 黃專員 | 2024-06-10 |"] == "task 1 → 黃專員 · 2024-06-10"
    assert roles["| 2 | 提出加碼預算 | 林主任 | 6月14日 |"] == "task 2 → 林主任 · 2024-06-14"


def test_roles_of_an_english_note_with_front_matter() -> None:
    lines = explain_lines(ENGLISH)
    by_number = {line.line: line.margin for line in lines}
    assert by_number[1] == "front matter: start"
    assert by_number[2] == "title"  # the front matter's title
    assert by_number[3] == "info: date"
    assert by_number[4] == "attendees (3)"
    assert by_number[5] == by_number[7] == "attendees (cont.)"
    assert by_number[8] == "unread: reported (unread-text)"  # a key nobody reads: reported
    assert by_number[9] == "front matter: end"
    roles = margins(ENGLISH)
    # the heading repeats a title the front matter already gave
    assert roles["# Platform weekly sync"] == "ignored: title given on line 2"
    assert roles["Time: 10:00-10:45"] == "info: time"
    assert roles["Absent: Security: Dana Ruiz (on leave)"] == "absentees (1)"
    assert roles["Coffee machine is broken again."] == "kept: other information"
    assert roles["## 1. Release 4.2 readiness"] == "agenda 1"
    assert roles["Discussion:"] == "section: label"
    assert roles["- Ben walked through the open bugs; two are blockers."] == "discussion"
    assert roles["- Agreed to ship 4.2 on March 14 without the ARM build."] == "decision (Agreed)"
    assert (
        roles["- [ ] Fix the two release blockers; owner: Platform/Ben Okafor; due: 2025-03-11"]
        == "task 1 → Ben Okafor · 2025-03-11"
    )
    assert roles["- [ ] Write the 4.2 release notes"] == "task 3 → Ana Silva · 2025-03-13"
    assert roles["  - owner: Platform/Ana Silva"] == roles["  - due: March 13"] == "task 3 (cont.)"
    assert roles["- The ARM customers may complain if 4.2 ships without their build."] == "risk"


def test_blank_lines_have_no_role_and_every_line_is_there() -> None:
    lines = explain_lines(SIMPLIFIED)
    assert [line.line for line in lines] == list(range(1, SIMPLIFIED.count("\n") + 1))
    assert [line.source_text for line in lines] == SIMPLIFIED.split("\n")[:-1]
    assert all(bool(line.margin) == bool(line.source_text.strip()) for line in lines)


# ---------------------------------------------------------------- model before cues


def test_the_model_beats_the_cues_and_the_cues_say_why() -> None:
    text = "# T\n## Item\n- talk\n- [ ] do it\n  - more\n## Tags\nstray\nnothing\n"
    meeting = Meeting(
        title="T",
        info_lines={"title": 1},
        agenda=[
            AgendaItem(
                title="Item",
                line=2,
                end_line=5,
                discussion=["talk"],
                spans=[TextSpan(field="discussion", index=0, line=3, end_line=3)],
            )
        ],
        action_items=[
            ActionItem(task="do it", owner=Person(name="Ana"), line=4, end_line=5, status="done")
        ],
    )
    cues = {
        1: ("title", "first heading (h1)"),
        3: ("ignored", "a cue the model overrides"),
        4: ("ignored", "another one"),
        6: ("section", "risks heading"),
        7: ("ignored", "tags line"),
    }
    lines = {line.line: line for line in explain_meeting(text, meeting, cues)}
    assert lines[1].margin == "title" and lines[1].cue == "first heading (h1)"
    assert lines[2].margin == "agenda 1"
    assert lines[3].margin == "discussion" and lines[3].cue == "a cue the model overrides"
    assert lines[4].margin == "task 1 done → Ana · no date"
    assert lines[5].margin == "task 1 (cont.)"
    assert lines[6].margin == "section: risks heading"  # a role only a cue gives
    assert lines[7].margin == "ignored: tags line"  # the reason from the cue
    assert lines[8].margin == "ignored: no role"


def test_a_task_without_owner_or_readable_date_says_so() -> None:
    text = "## A\n- [ ] one\n- [ ] two\n"
    meeting = Meeting(
        agenda=[AgendaItem(title="A", line=1, end_line=3)],
        action_items=[
            ActionItem(task="one", line=2),
            ActionItem(
                task="two",
                owner=Person(department="设计部"),
                co_owners=[Person(name="B")],
                due_text="尽快",
                line=3,
            ),
        ],
    )
    lines = explain_meeting(text, meeting, {})
    assert lines[1].margin == "task 1 → no owner · no date"
    assert lines[2].margin == "task 2 → 设计部 +1 · 尽快?"


# ---------------------------------------------------------------- layout


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("周会") == 4
    assert display_width("會議 ab") == 7
    assert display_width("ｆｕｌｌ") == 8  # full-width Latin
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_fit_pads_and_cuts_by_display_width() -> None:
    assert fit("周会", 6) == "周会  "
    cut = fit("采用 JWT 方案，通过", 9)
    assert display_width(cut) == 9 and cut.rstrip().endswith("…")
    assert display_width(fit("周周周周周", 4)) == 4  # a wide character never overshoots


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, ENGLISH], ids=["hans", "hant", "en"])
def test_the_separator_column_is_aligned_with_cjk_in_the_margin(text: str) -> None:
    output = format_explained(explain_lines(text))
    columns = {display_width(row.split(SEPARATOR, 1)[0]) for row in output.split("\n")}
    assert len(columns) == 1, columns


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL], ids=["hans", "hant"])
def test_the_aligned_notes_have_cjk_in_their_margins(text: str) -> None:
    # the alignment above is only worth something if some margin is wider than its length
    assert any(display_width(margin) > len(margin) for margin in margins(text).values())


def test_a_long_margin_is_cut_and_keeps_the_column() -> None:
    line = ExplainedLine(1, "task", "1 → " + "很长的名字" * 10 + " · 2024-05-20", "", "- [ ] x")
    row = format_explained([line, ExplainedLine(2, "title", "", "", "# t")])
    first, second = row.split("\n")
    assert "…" in first
    assert display_width(first.split(SEPARATOR)[0]) == display_width(second.split(SEPARATOR)[0])


def test_colour_only_when_asked_and_one_colour_per_family() -> None:
    lines = explain_lines(SIMPLIFIED)
    assert "\033[" not in format_explained(lines, color=False)
    coloured = format_explained(lines, color=True).split("\n")
    by_text = {line.source_text: row for line, row in zip(lines, coloured, strict=True)}
    assert "\033[36m" in by_text["# 周会"]  # title/info
    assert "\033[35m" in by_text["参会人员：张三、李四、王五"]  # attendees
    assert "\033[32m" in by_text["- 采用 JWT 方案，通过"]  # decision
    assert "\033[33m" in by_text["- [ ] 张三：完成接口文档，5月20日前"]  # task
    assert "\033[34mkept" in by_text["随便写的一句话"]  # kept: blue, as discussion
    assert all(row.endswith(line.source_text) for line, row in zip(lines, coloured, strict=True))


# ---------------------------------------------------------------- the command


def minutes(
    *args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "parse", *map(str, args)],
        input=stdin,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        timeout=60,
        check=False,
    )


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, ENGLISH], ids=["hans", "hant", "en"])
def test_the_command_prints_each_line_with_its_margin(tmp_path: Path, text: str) -> None:
    done = minutes("--explain", write(tmp_path, "notes.md", text))
    assert done.returncode == 0, done.stderr
    assert b"\033[" not in done.stdout
    rows = done.stdout.decode("utf-8").split("\n")
    assert rows[-1] == ""
    sources = text.split("\n")[:-1]
    assert len(rows) - 1 == len(sources)
    for number, (row, source) in enumerate(zip(rows, sources, strict=False), start=1):
        left, _, right = row.partition(f" {SEPARATOR}")
        assert right == (f" {source}" if source else "")  # the notes exactly as written
        head, _, margin = left.strip().partition(" ")
        assert head == str(number)
        assert bool(margin.strip()) == bool(source.strip()), row


def test_the_command_reads_a_gbk_file_with_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "weekly.md", SIMPLIFIED.replace("\n", "\r\n"), "gbk")
    done = minutes("--explain", "--encoding", "gbk", path)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    row = next(
        row for row in out.split("\n") if row.endswith("│ - [ ] 张三：完成接口文档，5月20日前")
    )
    assert row.split("│")[0].split(maxsplit=1)[1].rstrip() == "task 1 → 张三 · 2024-05-20"
    assert "\r" not in out


@pytest.mark.parametrize("content", [None, b"# x\n\x00\x01\x02"], ids=["missing", "binary"])
def test_bad_input_gives_the_same_one_line_error_as_parse(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "notes.md"
    if content is not None:
        path.write_bytes(content)
    explained, parsed = minutes("--explain", path), minutes(path)
    assert explained.returncode == parsed.returncode == 2
    assert explained.stderr == parsed.stderr
    assert explained.stderr.count(b"\n") == 1 and str(path).encode() in explained.stderr
    assert explained.stdout == b""


def test_colour_is_forced_with_color_always_and_off_otherwise(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", SIMPLIFIED)
    assert b"\033[" in minutes("--explain", "--color", "always", path).stdout
    assert b"\033[" not in minutes("--explain", path, env={"TERM": "xterm"}).stdout
    assert b"\033[" not in minutes("--explain", "--color", "never", path).stdout


@pytest.mark.skipif(sys.platform == "win32", reason="uses a pseudo-terminal")
def test_colour_on_a_terminal_unless_no_color(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", SIMPLIFIED)

    def on_terminal(env: dict[str, str]) -> bytes:
        return minutes_on_a_terminal(["parse", "--explain", str(path)], env)

    assert b"\033[33m" in on_terminal({"TERM": "xterm"})
    assert b"\033[" not in on_terminal({"TERM": "xterm", "NO_COLOR": "1"})


def test_notes_from_standard_input(tmp_path: Path) -> None:
    explained = minutes("-", "--explain", stdin=TRADITIONAL.encode("big5"))
    assert explained.returncode == 0, explained.stderr
    assert "agenda 1" in explained.stdout.decode("utf-8")
    from_file = minutes("--explain", write(tmp_path, "notes.md", TRADITIONAL))
    assert explained.stdout == from_file.stdout

    undated = SIMPLIFIED.replace("会议时间：2024-05-13 14:00-15:00\n", "")
    named = minutes("-", "--stdin-filename", "weekly-2024-05-13.md", stdin=undated.encode())
    assert named.returncode == 0, named.stderr
    assert json.loads(named.stdout)["date"] == "2024-05-13"  # the name's date, as for a file
    assert json.loads(minutes("-", stdin=undated.encode()).stdout)["date"] is None


def test_undecodable_standard_input_is_named_by_stdin_filename() -> None:
    damaged = "# 周会\n".encode() + b"\xff\xfe\x80 bad\n"
    named = minutes("-", "--explain", "--stdin-filename", "weekly.md", stdin=damaged)
    assert named.returncode == 2
    assert named.stderr.startswith(b"minutes: weekly.md:2: cannot read:")
    assert named.stderr.count(b"\n") == 1
    unnamed = minutes("-", stdin=damaged)
    assert unnamed.returncode == 2 and unnamed.stderr.startswith(b"minutes: <stdin>:2: ")


def test_stdin_filename_is_only_for_standard_input(tmp_path: Path) -> None:
    done = minutes(write(tmp_path, "notes.md", SIMPLIFIED), "--stdin-filename", "other.md")
    assert done.returncode == 2 and b"--stdin-filename" in done.stderr
    assert done.stderr.count(b"\n") == 1
