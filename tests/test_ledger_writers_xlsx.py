"""The ledger's workbook, read back with openpyxl as Excel would show it."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pipeline.ledger.entry import Ledger
from pipeline.ledger.writers import WRITERS
from pipeline.ledger.writers.to_xlsx import MAX_WIDTH, OVERDUE_FILL, ledger_xlsx, sheet_name
from tests.test_ledger_writers_rows import (
    AS_OF,
    english_ledger,
    simplified_ledger,
    task,
    traditional_ledger,
)

FORBIDDEN = set("[]:*?/\\")


def workbook(ledger: Ledger) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(ledger_xlsx(ledger)))


def records(sheet: Any) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def fill_of(cell: Any) -> str:
    """The colour a cell shows: its own fill, or its row's."""
    rgb = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
    return (rgb or "").upper()


def test_sheets_all_overdue_and_one_per_department(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    WRITERS[".xlsx"](simplified_ledger(), path)
    book = openpyxl.load_workbook(path)
    departments = sorted(["研发部", "市场部", "行政部"])  # in the order of their names
    assert book.sheetnames == ["全部", "逾期", *departments, "无部门"]
    assert book.properties.creator == "minutes"
    assert len(records(book["全部"])) == 7
    overdue = records(book["逾期"])
    assert [row["编号"] for row in overdue] == ["2026-05-06-1", "2026-05-06-3"]
    assert [row["任务"] for row in records(book["研发部"])] == ["完成支付接口联调并提交测试报告", "整理用户访谈记录"]
    # a name without a department, and nobody at all, both on the sheet without a department
    assert [row["负责人"] for row in records(book["无部门"])] == ["赵敏", None]


def test_labels_follow_the_notes_language() -> None:
    assert workbook(english_ledger()).sheetnames == ["All", "Overdue", "Legal", "Product", "No department"]
    assert workbook(traditional_ledger()).sheetnames == ["全部", "逾期", "會計室", "總務處"]
    header = next(workbook(traditional_ledger())["全部"].iter_rows(values_only=True))
    assert header[:5] == ("編號", "會議", "會議日期", "紀錄位置", "任務")


def test_every_sheet_has_a_frozen_filtered_header() -> None:
    book = workbook(simplified_ledger())
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert sheet.cell(1, 1).font.bold


def test_dates_are_real_dates() -> None:
    sheet = workbook(simplified_ledger())["全部"]
    header = [cell.value for cell in sheet[1]]
    due = sheet.cell(2, header.index("截止日期") + 1)
    assert due.is_date and due.value.date() == dt.date(2026, 5, 8)
    assert due.number_format == "yyyy-mm-dd"
    meeting = sheet.cell(2, header.index("会议日期") + 1)
    assert meeting.is_date and meeting.value.date() == dt.date(2026, 5, 6)
    assert sheet.cell(2, header.index("逾期天数") + 1).value == 12


def test_overdue_rows_are_highlighted() -> None:
    book = workbook(simplified_ledger())
    sheet = book["全部"]
    states = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert fill_of(states["2026-05-06-1"][4]).endswith(OVERDUE_FILL.lstrip("#").upper())
    assert fill_of(states["2026-05-06-3"][0]).endswith(OVERDUE_FILL.lstrip("#").upper())
    # the whole row, empty cells included
    assert sheet.row_dimensions[2].fill.fgColor.rgb.upper().endswith(OVERDUE_FILL.lstrip("#").upper())
    assert not fill_of(states["2026-05-06-6"][4]).endswith(OVERDUE_FILL.lstrip("#").upper())
    assert not fill_of(states["2026-05-06-2"][4]).endswith(OVERDUE_FILL.lstrip("#").upper())


def test_text_wraps_and_columns_fit_chinese() -> None:
    long_text = "梳理客户反馈" * 30
    ledger = Ledger(
        as_of=AS_OF,
        tasks=[
            task("2026-05-06-1", "审核合同条款", name="张伟"),  # 6 characters, 12 columns
            task("2026-05-06-2", "abcdef", name="Ann"),
        ],
    )
    sheet = workbook(ledger)["全部"]
    task_column = sheet.column_dimensions["E"].width
    assert task_column >= 12  # the Chinese task, counted two columns a character
    assert sheet["E2"].alignment.wrap_text
    ledger.tasks.append(task("2026-05-06-3", long_text, name="Ann"))
    sheet = workbook(ledger)["全部"]
    assert MAX_WIDTH <= sheet.column_dimensions["E"].width <= MAX_WIDTH + 3
    assert sheet["E4"].value == long_text  # capped width, whole text


def test_history_reads_as_dated_lines() -> None:
    rows = records(workbook(simplified_ledger())["全部"])
    assert rows[0]["历次更新"].splitlines()[0] == "2026-05-13: 联调完成八成；进行中"
    assert rows[0]["负责人"] == "研发部 张伟"
    assert rows[0]["协作人"] == "质量部 刘洋、陈静"


@pytest.mark.parametrize("text", ["=1+2", "+86 138 0000 0000", "-5 天", "@SUM(A1)"])
def test_formula_like_text_stays_text(text: str) -> None:
    ledger = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", text, department=text)])
    book = workbook(ledger)
    cell = book["全部"]["E2"]
    assert cell.value == text and cell.data_type == "s"
    assert cell.quotePrefix  # Excel's leading apostrophe: stays text when edited
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_department_sheet_names_are_made_valid_and_unique() -> None:
    departments = [
        "研发/测试部",
        "R&D: Core [A]",
        "Sales",
        "sales",
        "History",
        "'Finance'",
        "国际业务拓展与战略合作发展中心华东区域市场营销二部销售运营组",
        "国际业务拓展与战略合作发展中心华东区域市场营销二部销售运营组（筹）",
        "全部",
    ]
    ledger = Ledger(
        as_of=AS_OF,
        tasks=[task(f"2026-05-06-{n}", f"任务{n}", department=d) for n, d in enumerate(departments, 1)],
    )
    book = workbook(ledger)
    names = book.sheetnames
    assert len(names) == 2 + len(departments)
    assert len({name.casefold() for name in names}) == len(names)
    for name in names:
        assert 0 < len(name) <= 31 and not FORBIDDEN & set(name)
        assert not name.startswith("'") and not name.endswith("'")
        assert name.casefold() != "history"
    # every department's task is on a sheet of its own
    for name in names[2:]:
        rows = records(book[name])
        assert len(rows) == 1
        assert departments[int(str(rows[0]["编号"]).rsplit("-", 1)[1]) - 1].startswith(
            rows[0]["负责人"]
        )


def test_sheet_name_tells_apart_names_that_differ_after_31_characters() -> None:
    taken: set[str] = set()
    first = sheet_name("A" * 40, taken)
    second = sheet_name("A" * 40 + "B", taken)
    assert first != second and len(first) == len(second) == 31
    assert sheet_name("a" * 31, taken).casefold() not in {first.casefold(), second.casefold()}
    assert sheet_name("[]", set()) == "__"
    assert sheet_name("  ", set()) == "_"


SCRIPT = """
import datetime as dt, resource, sys
from pipeline.ledger.entry import Ledger
from pipeline.ledger.writers.to_xlsx import ledger_xlsx
from tests.test_ledger_writers_rows import task
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(128, hard), hard))
tasks = [task(f"2026-05-06-{n}", f"任务{n}", department=f"部门{n:03d}") for n in range(1, 301)]
sys.stdout.buffer.write(ledger_xlsx(Ledger(as_of=dt.date(2026, 5, 20), tasks=tasks)))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the limit of open files is set through resource")
def test_hundreds_of_departments_within_a_small_limit_of_open_files() -> None:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-500:]
    book = openpyxl.load_workbook(io.BytesIO(done.stdout))
    assert len(book.sheetnames) == 2 + 300
    assert [row["任务"] for row in records(book["部门300"])] == ["任务300"]
    assert [row["任务"] for row in records(book["部门001"])] == ["任务1"]


def test_overdue_sheet_lists_the_most_overdue_first() -> None:
    ledger = Ledger(
        as_of=AS_OF,
        tasks=[
            task("2026-05-06-1", "小逾期", name="甲", state="overdue", due=dt.date(2026, 5, 18), days_overdue=2),
            task("2026-05-06-2", "未到期", name="乙", due=dt.date(2026, 6, 18)),
            task("2026-05-06-3", "大逾期", name="丙", state="overdue", due=dt.date(2026, 4, 20), days_overdue=30),
        ],
    )
    rows = records(workbook(ledger)["逾期"])
    assert [row["任务"] for row in rows] == ["大逾期", "小逾期"]
    assert [row["逾期天数"] for row in rows] == [30, 2]


def test_printed_sheets_are_landscape_with_the_header_on_every_page() -> None:
    sheet = workbook(simplified_ledger())["全部"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0


def test_text_longer_than_a_cell_holds_is_cut_visibly() -> None:
    long_text = "进展" * 20_000
    ledger = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", long_text, name="张伟")])
    cell = workbook(ledger)["全部"]["E2"]
    assert len(cell.value) == 32_767 and cell.value.endswith("…")
    assert long_text[:100] == cell.value[:100]


def test_a_date_before_excels_calendar_stays_readable() -> None:
    ledger = Ledger(as_of=AS_OF, tasks=[task("2026-05-06-1", "核对", name="张伟", due=dt.date(24, 6, 30))])
    sheet = workbook(ledger)["全部"]
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, header.index("截止日期") + 1).value == "0024-06-30"
