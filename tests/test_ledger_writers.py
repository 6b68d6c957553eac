"""The ledger's listing and its CSV and JSON files: what a user sees in each."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest

from pipeline.ledger.entry import JSON_KEYS, Ledger
from pipeline.ledger.writers import WRITERS, ledger_csv, ledger_json, render_terminal
from pipeline.ledger.writers.labels import LEDGER_LABELS
from tests.test_ledger_writers_rows import (
    AS_OF,
    english_ledger,
    simplified_ledger,
    task,
    traditional_ledger,
)

ESC = "\x1b["


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# ---------------------------------------------------------------- terminal


def task_lines(listing: str) -> list[str]:
    return [line for line in listing.splitlines() if line.startswith("  ")]


def test_listing_groups_by_owner_with_overdue_groups_first() -> None:
    listing = render_terminal(simplified_ledger(), colour=False)
    headings = [line for line in listing.splitlines() if line and not line.startswith(" ")]
    # the most overdue owner first, then the other overdue one; the summary last
    assert headings[:2] == ["研发部 张伟", "市场部 王芳"]
    assert "（无负责人）" in headings
    assert headings[-1].startswith("共 7 项任务")
    # within 市场部 王芳: the overdue task before the one due soon
    body = listing.splitlines()
    wang = body[body.index("市场部 王芳") + 1 : body.index("市场部 王芳") + 3]
    assert "准备发布会宣传物料" in wang[0] and "逾期 3 天" in wang[0]
    assert "更新官网价格页" in wang[1] and "即将到期" in wang[1]
    # within 研发部 张伟: overdue before done
    zhang = body[body.index("研发部 张伟") + 1 : body.index("研发部 张伟") + 3]
    assert "逾期 12 天" in zhang[0] and "已完成" in zhang[1]


def test_task_nobody_owns_is_listed_under_no_owner() -> None:
    body = render_terminal(simplified_ledger(), colour=False).splitlines()
    after = body[body.index("（无负责人）") + 1]
    assert "2026-05-06-6" in after and "确认供应商名单" in after


def test_listing_columns_line_up_by_display_width() -> None:
    ledger = english_ledger()
    ledger.tasks.append(task("2026-05-08-4", "ok", name="Bob Lee", language="en"))
    for listing in (
        render_terminal(simplified_ledger(), colour=False),
        render_terminal(ledger, colour=False),
    ):
        lines = task_lines(listing)
        # the due column (a date or "—") starts at the same column on every line
        starts = set()
        for line in lines:
            cut = min(i for i in (line.find("2026-0", 16), line.find("—")) if i > 0)
            starts.add(columns(line[:cut]))
        assert len(starts) == 1, lines


def test_long_task_is_cut_in_the_listing_only() -> None:
    long_text = "梳理" * 60
    ledger = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", long_text, name="张伟")])
    line = task_lines(render_terminal(ledger, colour=False))[0]
    assert "…" in line and columns(line) < 80
    assert long_text in ledger_csv(ledger)


def test_task_written_over_two_lines_is_listed_on_one() -> None:
    ledger = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", "联系场地\n并确认报价", name="张伟")])
    lines = task_lines(render_terminal(ledger, colour=False))
    assert len(lines) == 1 and "联系场地 并确认报价" in lines[0]


def test_summary_counts_due_soon_as_open_and_says_so() -> None:
    listing = render_terminal(simplified_ledger(), colour=False)
    assert listing.splitlines()[-1] == (
        "共 7 项任务：待办 3 项（含即将到期 1 项），逾期 2 项，已完成 1 项，已取消 1 项"
    )
    english = render_terminal(english_ledger(), colour=False).splitlines()[-1]
    assert english == "3 tasks: 2 open (0 due soon), 1 overdue, 0 done, 0 cancelled"
    one = Ledger(as_of=AS_OF, tasks=english_ledger().tasks[:1])
    assert render_terminal(one, colour=False).splitlines()[-1].startswith("1 task: ")


def test_listing_speaks_the_notes_language() -> None:
    listing = render_terminal(traditional_ledger(), colour=False)
    assert "逾期 5 天" in listing and "未開始" in listing
    assert listing.splitlines()[-1].startswith("共 2 項任務")
    english = render_terminal(english_ledger(), colour=False)
    assert "overdue 1 day" in english and "Not started" in english


def test_colour_only_when_asked() -> None:
    plain = render_terminal(simplified_ledger(), colour=False)
    assert ESC not in plain
    coloured = render_terminal(simplified_ledger(), colour=True)
    by_task = {line.split("  ")[2]: line for line in coloured.splitlines() if "  2026-" in line}
    red, yellow, dim = "\x1b[31m", "\x1b[33m", "\x1b[2m"
    assert next(v for k, v in by_task.items() if "准备发布会宣传物料" in k).startswith(red)
    assert next(v for k, v in by_task.items() if "更新官网价格页" in k).startswith(yellow)
    assert next(v for k, v in by_task.items() if "整理用户访谈记录" in k).startswith(dim)
    assert next(v for k, v in by_task.items() if "采购新投影仪" in k).startswith(dim)
    assert not next(v for k, v in by_task.items() if "确认供应商名单" in k).startswith(ESC)


def test_empty_ledger_lists_only_the_summary() -> None:
    assert render_terminal(Ledger(as_of=AS_OF), colour=False) == (
        "共 0 项任务：待办 0 项（含即将到期 0 项），逾期 0 项，已完成 0 项，已取消 0 项\n"
    )


# ---------------------------------------------------------------- csv


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_a_bom_crlf_rows_and_round_trips(tmp_path: Path) -> None:
    ledger = simplified_ledger()
    path = tmp_path / "台账.csv"
    WRITERS[".csv"](ledger, path)
    data = path.read_bytes()
    rows = read_csv(data)
    labels = LEDGER_LABELS["zh-Hans"]
    assert rows[0][:6] == [labels[k] for k in ("id", "meeting_title", "meeting_date", "source", "task", "owner")]
    assert len(rows) == 1 + len(ledger.tasks)
    assert data.count(b"\r\n") >= len(rows) and data.endswith(b"\r\n")
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["编号"] == "2026-05-06-1"
    assert first["纪要位置"] == "notes/2026-05-06-weekly.md:11"
    assert first["负责人"] == "研发部 张伟"
    assert first["协作人"] == "质量部 刘洋、陈静"
    assert first["截止日期"] == "2026-05-08"
    assert first["逾期天数"] == "12"
    assert first["最新进展"] == "2026-05-13: 联调完成八成"
    # the history: one line per update, "date: text", inside one quoted cell
    assert first["历次更新"].splitlines() == [
        "2026-05-13: 联调完成八成；进行中",
        "2026-05-20: 申请延期一周；截止日期 2026-05-27",
    ]
    nobody = dict(zip(rows[0], rows[6], strict=True))
    assert nobody["负责人"] == "" and nobody["截止日期"] == ""


def test_csv_labels_follow_the_most_common_language() -> None:
    assert read_csv(ledger_csv(english_ledger()).encode("utf-8-sig"))[0][0] == "ID"
    assert read_csv(ledger_csv(traditional_ledger()).encode("utf-8-sig"))[0][3] == "紀錄位置"


@pytest.mark.parametrize("text", ["=1+2", "+86 138 0000 0000", "-5 天", "@SUM(A1)", "=HYPERLINK(\"http://x\")"])
def test_csv_neutralises_formulas(text: str) -> None:
    ledger = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", text, name=text)])
    row = read_csv(ledger_csv(ledger).encode("utf-8-sig"))[1]
    assert row[4] == "'" + text  # the task
    assert row[5] == "'" + text  # the owner
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_csv_leaves_ordinary_text_alone() -> None:
    ledger = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", "a = b, \"quoted\"", name="O'Brien")])
    row = read_csv(ledger_csv(ledger).encode("utf-8-sig"))[1]
    assert row[4] == "a = b, \"quoted\"" and row[5] == "O'Brien"


# ---------------------------------------------------------------- json


def test_json_objects_have_exactly_the_ledger_keys(tmp_path: Path) -> None:
    path = tmp_path / "ledger.json"
    WRITERS[".json"](simplified_ledger(), path)
    data = path.read_bytes()
    assert "研发部".encode() in data and b"\\u" not in data
    objects = json.loads(data.decode("utf-8"))
    assert len(objects) == 7
    assert all(list(obj) == list(JSON_KEYS) for obj in objects)
    first = objects[0]
    assert first["owner"] == {"department": "研发部", "name": "张伟"}
    assert first["due"] == "2026-05-08" and first["start"] is None
    assert first["last_progress"] == {"date": "2026-05-13", "text": "联调完成八成"}
    assert first["history"][1]["due"] == "2026-05-27"
    assert first["history"][0]["file"] == "notes/2026-05-13-weekly.md"
    assert first["collaborators"][1] == {"department": None, "name": "陈静"}
    assert objects[5]["owner"] is None and objects[5]["last_progress"] is None
    assert objects[0]["state"] == "overdue" and objects[0]["days_overdue"] == 12


def test_json_of_an_empty_ledger_is_an_empty_list() -> None:
    assert json.loads(ledger_json(Ledger(as_of=AS_OF))) == []


# ---------------------------------------------------------------- dispatch


def test_writers_by_suffix_write_whole_files_and_replace_old_ones(tmp_path: Path) -> None:
    assert set(WRITERS) == {".xlsx", ".csv", ".json", ".ics"}
    for suffix, write in WRITERS.items():
        path = tmp_path / f"ledger{suffix}"
        path.write_bytes(b"old")
        write(simplified_ledger(), path)
        assert path.read_bytes() != b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ledger.csv",
        "ledger.ics",
        "ledger.json",
        "ledger.xlsx",
    ]
