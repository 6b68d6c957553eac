"""The words the ledger's files and listing print, in the notes' language.

The language is the most common ``language`` among the ledger's tasks
(:func:`ledger_language`); column headers, sheet names, states and the summary come
from the table of that language. Task statuses reuse the documents' own labels.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from pipeline.ledger.entry import Ledger
from pipeline.model import Language
from renderers.labels import STATUS_LABELS

# Column headers, in the order of the spreadsheet's and the CSV's columns
# (the content of pipeline.ledger.entry.JSON_KEYS in readable form: "file" and "line"
# make one "file:line" column).
COLUMN_KEYS: Final[tuple[str, ...]] = (
    "id",
    "meeting_title",
    "meeting_date",
    "source",
    "task",
    "owner",
    "collaborators",
    "start",
    "due",
    "status",
    "state",
    "days_overdue",
    "acceptance",
    "last_progress",
    "history",
)

LEDGER_LABELS: Final[dict[Language, dict[str, str]]] = {
    "zh-Hans": {
        # columns
        "id": "编号",
        "meeting_title": "会议",
        "meeting_date": "会议日期",
        "source": "纪要位置",
        "task": "任务",
        "owner": "负责人",
        "collaborators": "协作人",
        "start": "开始日期",
        "due": "截止日期",
        "status": "状态",
        "state": "台账状态",
        "days_overdue": "逾期天数",
        "acceptance": "完成标准",
        "last_progress": "最新进展",
        "history": "历次更新",
        # sheets
        "sheet_all": "全部",
        "sheet_overdue": "逾期",
        "sheet_no_department": "无部门",
        # states
        "state_open": "待办",
        "state_due-soon": "即将到期",
        "state_overdue": "逾期",
        "state_done": "已完成",
        "state_cancelled": "已取消",
        "overdue_days": "逾期 {n} 天",
        # listing and calendar
        "no_owner": "（无负责人）",
        "no_due": "—",
        "list_sep": "、",
        "colon": "：",
        "meeting": "会议",
        "notes_at": "纪要",
        "summary": "共 {total} 项任务：待办 {open} 项（含即将到期 {due_soon} 项），"
        "逾期 {overdue} 项，已完成 {done} 项，已取消 {cancelled} 项",
        "calendar_name": "任务台账",
    },
    "zh-Hant": {
        "id": "編號",
        "meeting_title": "會議",
        "meeting_date": "會議日期",
        "source": "紀錄位置",
        "task": "任務",
        "owner": "負責人",
        "collaborators": "協辦人",
        "start": "開始日期",
        "due": "截止日期",
        "status": "狀態",
        "state": "追蹤狀態",
        "days_overdue": "逾期天數",
        "acceptance": "完成標準",
        "last_progress": "最新進度",
        "history": "歷次更新",
        "sheet_all": "全部",
        "sheet_overdue": "逾期",
        "sheet_no_department": "無部門",
        "state_open": "待辦",
        "state_due-soon": "即將到期",
        "state_overdue": "逾期",
        "state_done": "已完成",
        "state_cancelled": "已取消",
        "overdue_days": "逾期 {n} 天",
        "no_owner": "（無負責人）",
        "no_due": "—",
        "list_sep": "、",
        "colon": "：",
        "meeting": "會議",
        "notes_at": "紀錄",
        "summary": "共 {total} 項任務：待辦 {open} 項（含即將到期 {due_soon} 項），"
        "逾期 {overdue} 項，已完成 {done} 項，已取消 {cancelled} 項",
        "calendar_name": "任務追蹤表",
    },
    "en": {
        "id": "ID",
        "meeting_title": "Meeting",
        "meeting_date": "Meeting date",
        "source": "Notes (file:line)",
        "task": "Task",
        "owner": "Owner",
        "collaborators": "Collaborators",
        "start": "Start",
        "due": "Due",
        "status": "Status",
        "state": "State",
        "days_overdue": "Days overdue",
        "acceptance": "Acceptance",
        "last_progress": "Last progress",
        "history": "History",
        "sheet_all": "All",
        "sheet_overdue": "Overdue",
        "sheet_no_department": "No department",
        "state_open": "open",
        "state_due-soon": "due soon",
        "state_overdue": "overdue",
        "state_done": "done",
        "state_cancelled": "cancelled",
        "overdue_days": "overdue {n} days",
        "overdue_day": "overdue 1 day",
        "no_owner": "(no owner)",
        "no_due": "—",
        "list_sep": ", ",
        "colon": ": ",
        "meeting": "Meeting",
        "notes_at": "Notes",
        "summary": "{total} tasks: {open} open ({due_soon} due soon), {overdue} overdue, "
        "{done} done, {cancelled} cancelled",
        "summary_one": "1 task: {open} open ({due_soon} due soon), {overdue} overdue, "
        "{done} done, {cancelled} cancelled",
        "calendar_name": "Task ledger",
    },
}


def ledger_language(ledger: Ledger) -> Language:
    """The most common language among the tasks (the first seen wins a tie); Simplified
    Chinese for an empty ledger."""
    counts = Counter(task.language for task in ledger.tasks)
    if not counts:
        return "zh-Hans"
    return counts.most_common(1)[0][0]


def status_label(status: str, language: Language) -> str:
    return STATUS_LABELS[language].get(status, status)


def overdue_label(days: int, labels: dict[str, str]) -> str:
    if days == 1 and "overdue_day" in labels:
        return labels["overdue_day"]
    return labels["overdue_days"].format(n=days)
