"""The ledger as an Excel workbook (XlsxWriter, in its constant-memory mode).

Sheets: all tasks, the overdue ones (most overdue first), then one per responsible
department (tasks without a department on a sheet of their own, last). Sheet names and
column headers are in the notes' language. On every sheet the header row is frozen and
filtered; dates are real Excel dates (``yyyy-mm-dd``); overdue rows are red, rows due
soon yellow, done and cancelled ones grey; text wraps, and columns are as wide as their
widest line (a Chinese character counts two) up to :data:`MAX_WIDTH`.

Every text is written as a string, never as a formula; one that a spreadsheet program
would take for a formula when edited (``=``, ``+``, ``-``, ``@`` first) is marked with
Excel's own leading apostrophe (the "quote prefix" style), which is not part of the text.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from pipeline.atomic import write_bytes_atomically
from pipeline.ledger.entry import Ledger, LedgerTask
from pipeline.ledger.writers.cells import (
    Cell,
    headers,
    is_formula_like,
    row_cells,
    widest_line,
)
from pipeline.ledger.writers.labels import LEDGER_LABELS, ledger_language
from pipeline.text_width import display_width

MAX_WIDTH = 50
"""No column is wider than this many characters (long text wraps)."""

SHEET_NAME_LIMIT = 31
FORBIDDEN_IN_SHEET_NAMES = "[]:*?/\\"
RESERVED_SHEET_NAMES = ("history",)  # Excel keeps "History" for itself

_ROW_STYLES: dict[str, dict[str, Any]] = {
    "plain": {},
    "overdue": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "due-soon": {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
    "dim": {"font_color": "#808080"},
}
_STYLE_OF_STATE = {"overdue": "overdue", "due-soon": "due-soon", "done": "dim", "cancelled": "dim"}
_FILLED = {style for style, props in _ROW_STYLES.items() if "bg_color" in props}
OVERDUE_FILL = _ROW_STYLES["overdue"]["bg_color"]


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-16 code units (Excel's measure)."""
    while _utf16_len(text) > limit:
        text = text[:-1]
    return text


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unused sheet name close to ``wanted``; adds it to ``taken`` (casefolded).

    Excel's rules: at most 31 characters, none of ``[]:*?/\\``, no apostrophe first or
    last, not empty, not "History", unique without regard to case."""
    name = "".join("_" if char in FORBIDDEN_IN_SHEET_NAMES else char for char in wanted)
    name = " ".join(name.split()).strip("'").strip() or "_"
    base = _cut(name, SHEET_NAME_LIMIT).rstrip("'").rstrip() or "_"
    candidate, number = base, 1
    while candidate.casefold() in taken or candidate.casefold() in RESERVED_SHEET_NAMES:
        number += 1
        suffix = f" ({number})"
        candidate = _cut(base, SHEET_NAME_LIMIT - len(suffix)).rstrip() + suffix
    taken.add(candidate.casefold())
    return candidate


def department_of(task: LedgerTask) -> str | None:
    return task.owner.department if task.owner and task.owner.department else None


def ledger_xlsx(ledger: Ledger) -> bytes:
    """The workbook's bytes."""
    # A big ledger means millions of short-lived tuples: the cyclic garbage collector
    # would walk every object of the process again and again (a fifth of the time)
    # while nothing here makes cycles worth collecting.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _workbook_bytes(ledger)
    finally:
        if collecting:
            gc.enable()


def _workbook_bytes(ledger: Ledger) -> bytes:
    language = ledger_language(ledger)
    labels = LEDGER_LABELS[language]
    header = headers(labels)
    header_widths = [display_width(text) for text in header]

    by_department: dict[str | None, list[int]] = {}
    for index, task in enumerate(ledger.tasks):
        by_department.setdefault(department_of(task), []).append(index)
    overdue = [i for i, task in enumerate(ledger.tasks) if task.state == "overdue"]
    overdue.sort(key=lambda i: -ledger.tasks[i].days_overdue)

    taken: set[str] = set()
    sheets: list[tuple[str, Sequence[int]]] = [
        (sheet_name(labels["sheet_all"], taken), range(len(ledger.tasks))),
        (sheet_name(labels["sheet_overdue"], taken), overdue),
    ]
    named = sorted(key for key in by_department if key is not None)
    sheets += [(sheet_name(key, taken), by_department[key]) for key in named]
    if None in by_department:
        sheets.append((sheet_name(labels["sheet_no_department"], taken), by_department[None]))

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties(
        {
            "title": f"{labels['calendar_name']} {ledger.as_of.isoformat()}",
            "author": "minutes",
            "comments": f"minutes ledger, {ledger.as_of.isoformat()}",
        }
    )
    formats = _Formats(workbook)
    styles = [_STYLE_OF_STATE.get(task.state, "plain") for task in ledger.tasks]
    known: dict[str, int] = {}
    prepared = [
        _prepare(row_cells(task, language, labels), style, formats, known)
        for task, style in zip(ledger.tasks, styles, strict=True)
    ]
    plans = [plan for plan, _ in prepared]
    widths = [cell_widths for _, cell_widths in prepared]
    del prepared
    row_formats = [formats.text[style] if style in _FILLED else None for style in styles]
    for name, indices in sheets:
        sheet = workbook.add_worksheet(name)
        _write_sheet(sheet, formats, header, header_widths, plans, widths, row_formats, indices)
    workbook.close()
    return buffer.getvalue()


def write_xlsx(ledger: Ledger, path: Path) -> None:
    """Write :func:`ledger_xlsx` to ``path`` atomically."""
    write_bytes_atomically(path, ledger_xlsx(ledger))


class _Formats:
    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        base = {"text_wrap": True, "valign": "top"}
        self.header = workbook.add_format(
            {**base, "bold": True, "bg_color": "#D9E1F2", "border": 1, "border_color": "#8EA9DB"}
        )
        self.text: dict[str, Any] = {}
        self.date: dict[str, Any] = {}
        self.quoted: dict[str, Any] = {}
        for style, props in _ROW_STYLES.items():
            self.text[style] = workbook.add_format({**base, **props})
            self.date[style] = workbook.add_format({**base, **props, "num_format": "yyyy-mm-dd"})
            self.quoted[style] = workbook.add_format({**base, **props, "quote_prefix": True})


_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FIRST_EXCEL_DATE = dt.date(1900, 3, 1)  # earlier serial numbers are off by Excel's 1900-02-29
CELL_LIMIT = 32_767
"""Excel holds at most this many characters in a cell: a longer text is cut, ending in "…"
(the JSON file keeps it whole)."""

# A row to write: (column, is a number, value, format) for each cell with a value.
_Plan = list[tuple[int, bool, "str | int", Any]]


def _prepare(
    cells: Sequence[Cell], style: str, formats: _Formats, known: dict[str, int]
) -> tuple[_Plan, list[int]]:
    """How to write a task's cells, and the width of each (the widest line; 0 if empty).

    ``known`` keeps the widths of texts already measured (names, states, titles repeat)."""
    plan: _Plan = []
    widths = [0] * len(cells)
    for col, value in enumerate(cells):
        if value is None:
            continue
        if isinstance(value, str):
            if len(value) > CELL_LIMIT:
                value = value[: CELL_LIMIT - 1] + "…"
            quoted = is_formula_like(value)
            plan.append((col, False, value, (formats.quoted if quoted else formats.text)[style]))
            width = known.get(value)
            if width is None:
                simple = value.isascii() and "\n" not in value
                width = known[value] = len(value) if simple else widest_line(value, MAX_WIDTH)
            widths[col] = width
        elif isinstance(value, dt.date) and value >= _FIRST_EXCEL_DATE:
            # Excel's dates: days since 1899-12-30, shown with a date format
            plan.append((col, True, (value - _EXCEL_EPOCH).days, formats.date[style]))
            widths[col] = 10
        elif isinstance(value, dt.date):  # before Excel's calendar: ISO text
            plan.append((col, False, value.isoformat(), formats.text[style]))
            widths[col] = 10
        else:
            plan.append((col, True, value, formats.text[style]))
            widths[col] = len(str(value))
    return plan, widths


def _write_sheet(
    sheet: Any,
    formats: _Formats,
    header: list[str],
    header_widths: list[int],
    plans: list[_Plan],
    widths: list[list[int]],
    row_formats: list[Any],
    indices: Sequence[int],
) -> None:
    column_widths = [
        max(column) for column in zip(header_widths, *(widths[i] for i in indices), strict=True)
    ]
    for col, width in enumerate(column_widths):
        sheet.set_column(col, col, min(width, MAX_WIDTH) + 2)
    sheet.freeze_panes(1, 0)
    # printed: A4 landscape, as wide as the page, the header on every page
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.autofilter(0, 0, len(indices), len(header) - 1)

    for col, text in enumerate(header):
        sheet.write_string(0, col, text, formats.header)
    write_string = sheet.write_string
    write_number = sheet.write_number
    set_row = sheet.set_row
    for row, index in enumerate(indices, start=1):
        row_format = row_formats[index]
        if row_format is not None:  # the colour of the whole row, empty cells too
            set_row(row, None, row_format)
        for col, is_number, value, cell_format in plans[index]:
            if is_number:
                write_number(row, col, value, cell_format)
            else:
                write_string(row, col, value, cell_format)
    # In constant-memory mode each sheet keeps a temporary file open until the workbook is
    # closed: with hundreds of departments that passes the limit of open files (256 by
    # default on macOS). XlsxWriter reopens a closed one when it assembles the workbook.
    close_temporary = getattr(sheet, "_opt_close", None)
    if close_temporary is not None:
        close_temporary()
