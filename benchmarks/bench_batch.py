"""How fast ``minutes build`` turns a whole archive into documents, against a pandoc loop.

Generates N archived notes (three languages, varied sizes, some with action-item
tables, a tenth in GBK/Big5 with CRLF as Windows machines save them; fixed seed)
and prints, for each N:

- cold build: wall time, notes/s, documents/s, peak RSS of the whole process tree
  (parent + workers, summed, sampled from /proc every 50 ms);
- unchanged rerun: wall time;
- the baseline a user would otherwise pick: ``pandoc note.md -o note.docx`` for
  each note, two at a time (``xargs -P2``), on the same notes. For large N it is
  timed on a sample and extrapolated (said so in the output). pandoc is installed
  with apt-get where missing.

    python benchmarks/bench_batch.py                 # N = 1,000 and 10,000
    python benchmarks/bench_batch.py --sizes 200     # a quick run

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- the notes

BLOCKS = {
    "zh-Hans": {
        "depts": ["市场部", "销售部", "产品部", "设计部", "研发中心", "财务部", "客服部", "法务部"],
        "names": ["张经理", "李主管", "王工程师", "赵专员", "陈主管", "刘经理", "周专员", "黄主管"],
        "topics": [
            "活动目标确认",
            "渠道激励方案",
            "宣传物料设计",
            "预算审批",
            "上线时间节点",
            "用户反馈处理",
            "供应商评估",
            "人员排班",
        ],
        "points": [
            "介绍了当前进度，已完成约六成。",
            "反馈渠道商需要更明确的激励政策。",
            "提出预算需增加15%用于线下物料。",
            "认为上线时间需与市场推广同步。",
            "整理了客户投诉Top3问题及原因。",
            "建议分两期推进，先试点华东地区。",
        ],
        "decisions": [
            "各部门按时间节点推进，周五前同步进度。",
            "预算方案提交财务部审核。",
            "试点城市锁定上海、杭州、南京。",
            "物料设计以品牌规范为准，修改不超过2次。",
        ],
        "tasks": [
            "提交渠道商激励方案初稿",
            "完成宣传主视觉设计",
            "整理媒体资源清单",
            "输出产品卖点说明书",
            "完成内测并提交测试报告",
            "确认门店物料配送计划",
        ],
        "done": [
            "经张经理审核通过",
            "输出可印刷PDF并归档",
            "报告含问题清单及修复计划",
            "名单含联系人及报价",
        ],
        "vague": ["尽快", "大概下周", "配合完成"],
        "title": "会议",
        "labels": (
            "会议日期",
            "会议时间",
            "会议地点",
            "主持人",
            "记录人",
            "参会人员",
            "状态",
            "草稿",
        ),
        "sections": ("议程", "讨论要点：", "决议结果：", "行动项：", "负责人", "截止", "完成标准"),
        "table_head": "| 序号 | 行动内容 | 负责部门 | 负责人 | 截止时间 | 完成标准 |",
    },
    "zh-Hant": {
        "depts": ["行銷部", "業務部", "產品部", "設計部", "研發中心", "財務部", "客服部", "法務部"],
        "names": ["張經理", "李主任", "王工程師", "趙專員", "陳主任", "劉經理", "周專員", "黃主任"],
        "topics": [
            "活動目標確認",
            "經銷商獎勵方案",
            "文宣物料設計",
            "預算審核",
            "上線時程",
            "用戶回饋處理",
            "供應商評估",
            "人力排班",
        ],
        "points": [
            "說明目前進度，已完成約六成。",
            "回報經銷商需要更明確的獎勵政策。",
            "提出預算需增加15%用於實體物料。",
            "認為上線時間需與行銷推廣同步。",
            "整理客戶申訴前三大問題及原因。",
            "建議分兩階段推動，先試辦北部地區。",
        ],
        "decisions": [
            "各部門依時程推動，週五前同步進度。",
            "預算方案送財務部審核。",
            "試辦城市為台北、新竹、台中。",
            "物料設計依品牌規範，修改不超過2次。",
        ],
        "tasks": [
            "提出經銷商獎勵方案初稿",
            "完成文宣主視覺設計",
            "整理媒體資源清單",
            "提供產品賣點說明",
            "完成內測並提交測試報告",
            "確認門市物料配送計畫",
        ],
        "done": [
            "經張經理審核通過",
            "輸出可印刷PDF並歸檔",
            "報告含問題清單及修正計畫",
            "名單含聯絡人及報價",
        ],
        "vague": ["盡快", "大概下週", "配合完成"],
        "title": "會議",
        "labels": (
            "會議日期",
            "會議時間",
            "會議地點",
            "主持人",
            "記錄人",
            "參會人員",
            "狀態",
            "草稿",
        ),
        "sections": ("議程", "討論要點：", "決議結果：", "行動項：", "負責人", "截止", "完成標準"),
        "table_head": "| 序號 | 行動內容 | 負責部門 | 負責人 | 截止時間 | 完成標準 |",
    },
    "en": {
        "depts": ["Marketing", "Sales", "Product", "Design", "R&D", "Finance", "Support", "Legal"],
        "names": [
            "Alice Wong",
            "Mark Johnson",
            "Raj Patel",
            "Emily Park",
            "Sarah Chen",
            "Tom Baker",
            "Dana Lee",
            "Maria Garcia",
        ],
        "topics": [
            "Launch scope",
            "Dealer incentives",
            "Campaign assets",
            "Budget approval",
            "Release timeline",
            "Customer feedback",
            "Supplier review",
            "Staffing",
        ],
        "points": [
            "Reported progress: about 60% of the work is done.",
            "Dealers need a clearer incentive policy before the launch.",
            "Asked for 15% more budget for in-store material.",
            "The release date must line up with the campaign.",
            "Summarised the top three customer complaints and their causes.",
            "Suggested a two-phase roll-out starting with three pilot cities.",
        ],
        "decisions": [
            "Each department follows the agreed milestones and reports on Friday.",
            "The budget plan goes to Finance for approval.",
            "Pilot cities are Shanghai, Shenzhen and Chengdu.",
            "Designs follow the brand guide; at most two rounds of changes.",
        ],
        "tasks": [
            "Draft the dealer incentive plan",
            "Deliver the campaign key visual",
            "Compile the media contact list",
            "Write the product fact sheet",
            "Finish beta testing and file the test report",
            "Confirm store delivery plan",
        ],
        "done": [
            "approved by Sarah Chen",
            "print-ready PDF filed in the shared drive",
            "report lists open bugs with a fix plan",
            "list with contacts and prices",
        ],
        "vague": ["ASAP", "probably next week", "help as needed"],
        "title": "Meeting",
        "labels": ("Date", "Time", "Location", "Host", "Recorder", "Attendees", "Status", "draft"),
        "sections": (
            "Agenda",
            "Discussion:",
            "Decisions:",
            "Action items:",
            "owner",
            "due",
            "done when",
        ),
        "table_head": "| # | Action | Department | Owner | Due | Done when |",
    },
}


def make_note(rng: random.Random, index: int) -> tuple[str, str, str]:
    """One archived meeting's notes: (language, text, encoding)."""
    language = rng.choice(["zh-Hans", "zh-Hans", "zh-Hant", "en"])
    b = BLOCKS[language]
    labels, sections = b["labels"], b["sections"]
    colon = ": " if language == "en" else "："
    year = rng.choice([2021, 2022, 2023, 2024, 2025])
    meeting_day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    date = meeting_day.isoformat()
    people = [(rng.choice(b["depts"]), rng.choice(b["names"])) for _ in range(rng.randint(3, 9))]
    lines = [f"# {rng.choice(b['topics'])} {b['title']} #{index}", ""]
    lines += [
        f"- {labels[0]}{colon}{date}",
        f"- {labels[1]}{colon}{rng.randint(9, 15):02d}:00-{rng.randint(16, 18)}:00",
        f"- {labels[2]}{colon}{rng.choice(['3F-A', 'Room 4.12', '6F', 'Zoom'])}",
        f"- {labels[3]}{colon}{people[0][0]} {people[0][1]}",
        f"- {labels[4]}{colon}{people[1][0]} {people[1][1]}",
        f"- {labels[5]}{colon}"
        + ("; " if language == "en" else "；").join(f"{d}{colon}{n}" for d, n in people),
        f"- {labels[6]}{colon}{labels[7]}",
        "",
    ]
    use_table = rng.random() < 0.3
    table_rows: list[str] = []
    for number in range(1, rng.randint(1, 7) + 1):
        lines += [f"## {sections[0]} {number}{colon}{rng.choice(b['topics'])}", "", sections[1]]
        lines += [
            f"{k}. {rng.choice(b['names'])}{colon}{rng.choice(b['points'])}"
            for k in range(1, rng.randint(1, 6) + 1)
        ]
        lines += ["", sections[2]]
        lines += [f"{k}. {rng.choice(b['decisions'])}" for k in range(1, rng.randint(1, 3) + 1)]
        lines.append("")
        for _ in range(rng.randint(0, 4)):
            dept, name = rng.choice(people)
            task = rng.choice(b["tasks"])
            due = (
                rng.choice(b["vague"])
                if rng.random() < 0.1
                else (meeting_day + dt.timedelta(days=rng.randint(2, 60))).isoformat()
            )
            done = rng.choice(b["done"])
            if use_table:
                table_rows.append(
                    f"| {len(table_rows) + 1} | {task} | {dept} | {name} | {due} | {done} |"
                )
            else:
                if len(lines) and lines[-1] != sections[3] and not lines[-1].startswith("- [ ]"):
                    lines.append(sections[3])
                sep = "; " if language == "en" else "；"
                lines.append(
                    f"- [ ] {task}{sep}{sections[4]}{colon}{dept} {name}{sep}"
                    f"{sections[5]}{colon}{due}{sep}{sections[6]}{colon}{done}"
                )
        lines.append("")
    if table_rows:
        lines += [
            f"## {sections[3].rstrip(':：')}",
            "",
            b["table_head"],
            "| " + " | ".join(["---"] * 6) + " |",
            *table_rows,
            "",
        ]
    encoding = "utf-8"
    if rng.random() < 0.1 and language != "en":
        encoding = "gbk" if language == "zh-Hans" else "big5"
    return language, "\n".join(lines), encoding


def generate_archive(folder: Path, count: int, seed: int = 20240305) -> None:
    rng = random.Random(seed)
    for index in range(count):
        _, text, encoding = make_note(rng, index)
        sub = folder / f"{2021 + index % 5}" / f"dept{index % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        data = (
            text.replace("\n", "\r\n").encode(encoding, errors="replace")
            if encoding != "utf-8"
            else text.encode("utf-8")
        )
        (sub / f"meeting-{index:05d}.md").write_bytes(data)


# --------------------------------------------------------------------------- measuring


class TreeMemory:
    """Peak of the summed RSS of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid = pid
        self.interval = interval
        self.peak_sum = 0
        self.peak_single = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                        todo.extend(int(child) for child in handle.read().split())
            except OSError:
                continue
        return tree

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = [self._rss(pid) for pid in self._tree()]
            self.peak_sum = max(self.peak_sum, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            self.peak_processes = max(self.peak_processes, len([s for s in sizes if s]))
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def children_cpu() -> float:
    """User + system CPU seconds of every finished descendant (workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Run:
    wall: float
    cpu: float
    rss_sum: int
    rss_single: int
    processes: int
    counts: dict[str, int]


def run_minutes(archive: Path, out: Path, jobs: int | None, report: Path) -> Run:
    command = [
        sys.executable, "-m", "pipeline", "build", str(archive), "-o", str(out),
        "--report", str(report),
    ]  # fmt: skip
    if jobs:
        command += ["-j", str(jobs)]
    cpu_before = children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    memory = TreeMemory(process.pid)
    _stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    cpu = children_cpu() - cpu_before
    memory.stop()
    if process.returncode not in (0, 1):
        sys.stderr.write(stderr.decode(errors="replace"))
        raise SystemExit(f"minutes build failed with status {process.returncode}")
    counts = json.loads(report.read_text(encoding="utf-8"))["counts"]
    return Run(wall, cpu, memory.peak_sum, memory.peak_single, memory.peak_processes, counts)


def ensure_pandoc() -> str | None:
    found = shutil.which("pandoc")
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("installing pandoc with apt-get ...", flush=True)
        for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "pandoc"]):
            subprocess.run(step, check=False, stdout=subprocess.DEVNULL)
    return shutil.which("pandoc")


def run_pandoc(archive: Path, out: Path, sample: int) -> tuple[float, float, int, int]:
    """The pandoc loop on the first ``sample`` notes: (wall, CPU seconds, notes, failures)."""
    notes = sorted(archive.rglob("*.md"))[:sample]
    out.mkdir(parents=True, exist_ok=True)
    listing = out / "list.txt"
    listing.write_text("\n".join(str(n) for n in notes) + "\n", encoding="utf-8")
    script = 'pandoc "$1" -o "$0/$(basename "$1" .md).docx" 2>/dev/null || echo FAIL'
    cpu_before = children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        ["xargs", "-a", str(listing), "-P2", "-n1", "sh", "-c", script, str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    return wall, children_cpu() - cpu_before, len(notes), result.stdout.count("FAIL")


def megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB"


def bench(size: int, work: Path, jobs: int | None, pandoc_sample: int, pandoc: str | None) -> None:
    archive, out = work / f"archive-{size}", work / f"out-{size}"
    started = time.perf_counter()
    generate_archive(archive, size)
    total_bytes = sum(p.stat().st_size for p in archive.rglob("*.md"))
    print(
        f"\n== {size} notes ({total_bytes / 2**20:.1f} MB of notes, generated in "
        f"{time.perf_counter() - started:.1f} s)",
        flush=True,
    )

    cold = run_minutes(archive, out, jobs, work / f"report-{size}.json")
    counts = cold.counts
    print(
        f"minutes build, cold      : {cold.wall:8.2f} s wall, {cold.cpu:8.1f} s CPU  "
        f"{counts['notes'] / cold.wall:6.1f} notes/s  {counts['documents'] / cold.wall:6.1f} "
        f"documents/s  (built {counts['built']}, failed {counts['failed']})"
    )
    print(
        f"  peak RSS, process tree : {megabytes(cold.rss_sum)} summed over {cold.processes} "
        f"processes (largest one {megabytes(cold.rss_single)})"
    )
    rerun = run_minutes(archive, out, jobs, work / f"report-{size}-again.json")
    print(
        f"minutes build, unchanged : {rerun.wall:8.2f} s wall  "
        f"(built {rerun.counts['built']}, unchanged {rerun.counts['unchanged']})"
    )

    if pandoc is None:
        print("pandoc loop              : skipped (pandoc not available)")
        return
    sample = min(size, pandoc_sample)
    p_wall, p_cpu, p_notes, p_failed = run_pandoc(archive, work / f"pandoc-{size}", sample)
    scale = size / p_notes
    how = "measured" if p_notes == size else f"timed on {p_notes} notes, extrapolated"
    print(
        f"pandoc loop (xargs -P2)  : {p_wall * scale:8.2f} s wall, {p_cpu * scale:8.1f} s CPU  "
        f"{size / (p_wall * scale):6.1f} notes/s  (one document per note; {how}; "
        f"{p_failed} failed)"
    )
    print(
        f"minutes / pandoc         : {cold.wall / (p_wall * scale):8.2f}x the wall time, "
        f"{cold.cpu / (p_cpu * scale):.2f}x the CPU time, for twice the documents"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated note counts")
    parser.add_argument("-j", "--jobs", type=int, help="worker processes (default: every core)")
    parser.add_argument(
        "--pandoc-sample",
        type=int,
        default=1000,
        help="time pandoc on at most this many notes and extrapolate",
    )
    parser.add_argument("--no-pandoc", action="store_true", help="skip the pandoc baseline")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    pandoc = None if args.no_pandoc else ensure_pandoc()
    print(
        f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; "
        f"workers: {args.jobs or 'every core'}"
    )
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            bench(size, args.keep, args.jobs, args.pandoc_sample, pandoc)
    else:
        with tempfile.TemporaryDirectory(prefix="minutes-bench-") as work:
            for size in sizes:
                bench(size, Path(work), args.jobs, args.pandoc_sample, pandoc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
