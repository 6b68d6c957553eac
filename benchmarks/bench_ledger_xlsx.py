"""Task ledger spreadsheet: time and peak memory of writing 50,000 tasks to .xlsx.

    .venv/bin/python benchmarks/bench_ledger_xlsx.py [--tasks N] [--keep FILE]

Builds a made-up ledger (Simplified, Traditional and English tasks, 40 departments, a
mix of states, some history), then writes it with ``write_xlsx`` as ``minutes ledger
-o ledger.xlsx`` would. Goal: 50,000 tasks in at most 10 s and 500 MB.

The time is the wall-clock time of the write, and its CPU time beside it: on a machine
busy with other work the two differ, and the load average is printed to tell.
Peak memory is the process's peak resident size (``resource``, on Linux and macOS),
which includes the ledger itself; where ``resource`` is missing (Windows) the write is
run a second time under ``tracemalloc`` and its peak of Python allocations is shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ledger.entry import Ledger, LedgerTask, LedgerUpdate  # noqa: E402
from pipeline.ledger.writers import write_xlsx  # noqa: E402
from pipeline.model import DatedNote, Person  # noqa: E402

GOAL_SECONDS = 10.0
GOAL_MB = 500.0

TASKS = {
    "zh-Hans": ("完成{n}号接口联调并提交测试报告", "整理第{n}批客户反馈，形成改进清单", "评审供应商报价"),
    "zh-Hant": ("完成第{n}期採購驗收文件", "彙整各單位年度預算需求", "更新資訊安全稽核紀錄"),
    "en": ("Draft the Q{n} release notes", "Review vendor contract No. {n}", "Fix login timeout"),
}
NAMES = ("张三", "李四", "王五", "陳大文", "林小華", "Alice Smith", "Bob Lee", None)
STATES = ("open", "open", "due-soon", "overdue", "done", "done", "cancelled")


def made_up_ledger(count: int, seed: int = 7) -> Ledger:
    rng = random.Random(seed)
    as_of = dt.date(2026, 6, 30)
    departments = [f"部门{n:02d}" for n in range(30)] + [f"Dept {n}" for n in range(10)]
    tasks = []
    for n in range(count):
        language = rng.choice(("zh-Hans", "zh-Hans", "zh-Hant", "en"))
        meeting = as_of - dt.timedelta(days=rng.randrange(1, 365))
        state = rng.choice(STATES)
        due = meeting + dt.timedelta(days=rng.randrange(3, 60)) if rng.random() < 0.9 else None
        name = rng.choice(NAMES)
        department = rng.choice(departments) if rng.random() < 0.9 else None
        owner = Person(department=department, name=name) if (department or name) else None
        history = [
            LedgerUpdate(
                meeting_date=meeting + dt.timedelta(days=7 * (k + 1)),
                file=f"notes/{meeting.isoformat()}-weekly.md",
                line=20 + k,
                status="in_progress",
                text=f"进展 {k + 1}：已完成约 {30 * (k + 1)}%",
            )
            for k in range(rng.randrange(0, 3))
        ]
        tasks.append(
            LedgerTask(
                id=f"{meeting.isoformat()}-{n % 20 + 1}",
                meeting_title=f"项目周会 {meeting.isoformat()}",
                meeting_date=meeting,
                file=f"notes/{meeting.isoformat()}-weekly.md",
                line=10 + n % 50,
                task=rng.choice(TASKS[language]).format(n=n),
                owner=owner,
                collaborators=[Person(name=rng.choice(NAMES[:5]))] if rng.random() < 0.3 else [],
                due=due,
                status="done" if state == "done" else "in_progress",
                state=state if due or state in ("done", "cancelled") else "open",
                days_overdue=rng.randrange(1, 90) if state == "overdue" and due else 0,
                acceptance="通过验收评审，文档归档" if rng.random() < 0.5 else None,
                last_progress=DatedNote(date=history[-1].meeting_date, text=history[-1].text)
                if history
                else None,
                history=history,
                language=language,
            )
        )
    return Ledger(as_of=as_of, tasks=tasks)


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="also keep the workbook at this path")
    args = parser.parse_args()

    ledger = made_up_ledger(args.tasks)
    before = peak_rss_mb()
    with tempfile.TemporaryDirectory() as folder:
        target = args.keep or Path(folder) / "ledger.xlsx"
        start, cpu_start = time.perf_counter(), time.process_time()
        write_xlsx(ledger, target)
        seconds = time.perf_counter() - start
        cpu_seconds = time.process_time() - cpu_start
        size_mb = target.stat().st_size / 1e6
        memory = peak_rss_mb()
        how = "peak resident size of the process"
        if memory is None:
            tracemalloc.start()
            write_xlsx(ledger, Path(folder) / "again.xlsx")
            memory = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            how = "peak Python allocations while writing (tracemalloc)"

    print(f"{args.tasks} tasks → {size_mb:.1f} MB workbook")
    print(f"time:   {seconds:.2f} s (goal ≤ {GOAL_SECONDS:.0f} s), {cpu_seconds:.2f} s of CPU")
    if hasattr(os, "getloadavg"):
        busy = os.getloadavg()[0] / (os.cpu_count() or 1)
        print(f"load:   {busy:.1f} runnable processes per CPU (above 1, other work slows this one)")
    print(f"memory: {memory:.0f} MB, {how} (goal ≤ {GOAL_MB:.0f} MB)")
    if before is not None:
        print(f"        of which {before:.0f} MB before the write (the made-up ledger itself)")
    met = seconds <= GOAL_SECONDS and memory <= GOAL_MB
    print("goal met" if met else "OVER THE GOAL (on a busy machine, compare the CPU time)")


if __name__ == "__main__":
    main()
