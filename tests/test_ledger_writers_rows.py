"""Made-up ledger rows in Simplified Chinese, Traditional Chinese and English, shared by
the tests of the ledger's writers (this module holds no tests of its own)."""

from __future__ import annotations

import datetime as dt

from pipeline.ledger.entry import Ledger, LedgerTask, LedgerUpdate
from pipeline.model import DatedNote, Language, Person

AS_OF = dt.date(2026, 5, 20)


def task(
    id: str,
    text: str,
    *,
    department: str | None = None,
    name: str | None = None,
    state: str = "open",
    status: str = "not_started",
    due: dt.date | None = None,
    days_overdue: int = 0,
    language: Language = "zh-Hans",
    **more: object,
) -> LedgerTask:
    owner = Person(department=department, name=name) if (department or name) else None
    return LedgerTask.model_validate(
        {
            "id": id,
            "file": "notes/2026-05-06-weekly.md",
            "line": 10 + int(id.rsplit("-", 1)[-1]),
            "task": text,
            "owner": owner,
            "state": state,
            "status": status,
            "due": due,
            "days_overdue": days_overdue,
            "language": language,
            **more,
        }
    )


def simplified_ledger() -> Ledger:
    """Seven tasks: two overdue (研发部 12 days, 市场部 3 days), one due soon, two open
    (one nobody owns), one done, one cancelled."""
    tasks = [
        task(
            "2026-05-06-1",
            "完成支付接口联调并提交测试报告",
            department="研发部",
            name="张伟",
            state="overdue",
            status="in_progress",
            due=dt.date(2026, 5, 8),
            days_overdue=12,
            meeting_title="产品周会",
            meeting_date=dt.date(2026, 5, 6),
            acceptance="测试报告经质量部签字",
            collaborators=[Person(department="质量部", name="刘洋"), Person(name="陈静")],
            last_progress=DatedNote(date=dt.date(2026, 5, 13), text="联调完成八成"),
            history=[
                LedgerUpdate(
                    meeting_date=dt.date(2026, 5, 13),
                    file="notes/2026-05-13-weekly.md",
                    line=7,
                    status="in_progress",
                    text="联调完成八成",
                ),
                LedgerUpdate(
                    meeting_date=dt.date(2026, 5, 20),
                    file="notes/2026-05-20-weekly.md",
                    line=9,
                    due=dt.date(2026, 5, 27),
                    text="申请延期一周",
                ),
            ],
        ),
        task(
            "2026-05-06-2",
            "整理用户访谈记录",
            department="研发部",
            name="张伟",
            state="done",
            status="done",
            due=dt.date(2026, 5, 10),
        ),
        task(
            "2026-05-06-3",
            "准备发布会宣传物料",
            department="市场部",
            name="王芳",
            state="overdue",
            due=dt.date(2026, 5, 17),
            days_overdue=3,
        ),
        task(
            "2026-05-06-4",
            "更新官网价格页",
            department="市场部",
            name="王芳",
            state="due-soon",
            due=dt.date(2026, 5, 22),
        ),
        task("2026-05-06-5", "预订年会场地", name="赵敏", state="open", due=dt.date(2026, 6, 30)),
        task("2026-05-06-6", "确认供应商名单", state="open"),
        task(
            "2026-05-06-7",
            "采购新投影仪",
            department="行政部",
            name="孙丽",
            state="cancelled",
            status="cancelled",
        ),
    ]
    return Ledger(as_of=AS_OF, tasks=tasks)


def traditional_ledger() -> Ledger:
    tasks = [
        task(
            "2026-05-07-1",
            "完成第二期採購驗收文件",
            department="總務處",
            name="陳大文",
            state="overdue",
            due=dt.date(2026, 5, 15),
            days_overdue=5,
            language="zh-Hant",
        ),
        task(
            "2026-05-07-2",
            "彙整各單位年度預算需求",
            department="會計室",
            name="林小華",
            due=dt.date(2026, 6, 1),
            language="zh-Hant",
        ),
    ]
    return Ledger(as_of=AS_OF, tasks=tasks)


def english_ledger() -> Ledger:
    tasks = [
        task(
            "2026-05-08-1",
            "Draft the release notes",
            department="Product",
            name="Alice Smith",
            state="overdue",
            status="in_progress",
            due=dt.date(2026, 5, 19),
            days_overdue=1,
            language="en",
            acceptance="Reviewed by the product lead",
        ),
        task(
            "2026-05-08-2",
            "Review the vendor contract",
            department="Legal",
            name="Bob Lee",
            due=dt.date(2026, 6, 3),
            language="en",
        ),
        task("2026-05-08-3", "书面确认场地", name="张伟", language="zh-Hans"),
    ]
    return Ledger(as_of=AS_OF, tasks=tasks)
