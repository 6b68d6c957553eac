"""How fast ``minutes ledger`` reads an archive: cold (no index), unchanged, and against
parsing the same notes.

Generates N notes (three languages; each with action items and a follow-up section
updating tasks of earlier meetings by id; a tenth in GBK or Big5; fixed seed) and
prints, for each N:

- parse only: reading and parsing every note in one process, one after another (what
  the ledger would cost without its index and without workers);
- cold: ``minutes ledger ARCHIVE -o ledger.json`` with an empty cache folder (the notes
  are parsed, in parallel, and the index is written);
- unchanged: the same command again (every note comes from the index);
- one note edited: the same after changing one note;
- the listing: ``minutes ledger ARCHIVE`` (terminal output, to /dev/null), unchanged.

    python benchmarks/bench_ledger.py                 # N = 10,000
    python benchmarks/bench_ledger.py --sizes 1000    # a quick run

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEOPLE = {
    "zh-Hans": [("研发部", "张三"), ("市场部", "王芳"), ("测试部", "李四"), ("财务部", "赵六")],
    "zh-Hant": [("研發部", "陳志明"), ("行銷部", "林美玲"), ("業務部", "黃建國")],
    "en": [("Engineering", "Ann Lee"), ("Marketing", "Bob Chan"), ("Legal", "Maria Garcia")],
}
TASKS = {
    "zh-Hans": ["完成接口文档", "提交测试报告", "整理客户反馈", "确认物料配送计划", "输出预算方案"],
    "zh-Hant": ["完成介面文件", "提交測試報告", "整理客戶回饋", "確認物料配送計畫"],
    "en": ["Send the release notes", "Finish the regression run", "Draft the budget", "Book the venue"],
}
TEXT = {
    "zh-Hans": ("会议日期", "参会人员", "议程", "讨论要点", "决议", "行动项", "负责人", "截止", "完成标准",
                "上次行动项跟进", "各部门按时间节点推进，周五前同步进度。", "已完成", "进行中，延期到{d}"),
    "zh-Hant": ("會議日期", "參會人員", "議程", "討論要點", "決議", "行動項", "負責人", "截止", "完成標準",
                "上次會議決議執行情形", "各部門按時程推進，週五前同步進度。", "已完成", "進行中，延期到{d}"),
    "en": ("Date", "Attendees", "Topic", "Discussion", "Decisions", "Action items", "owner", "due",
           "done when", "Follow-up of previous actions", "Each team reports progress by Friday.",
           "done", "in progress, moved to {d}"),
}


def make_note(rng: random.Random, index: int, date: dt.date, previous: list[str]) -> tuple[str, str]:
    """(text, encoding) of one meeting; ``previous`` are ids of earlier tasks to update."""
    language = ("zh-Hans", "zh-Hans", "zh-Hant", "en")[index % 4]
    t = TEXT[language]
    sep = "：" if language != "en" else ": "
    people = PEOPLE[language]
    lines = [f"# {'周会' if language == 'zh-Hans' else '週會' if language == 'zh-Hant' else 'Weekly'} {index}", ""]
    lines.append(f"{t[0]}{sep}{date.isoformat()}")
    lines.append(f"{t[1]}{sep}" + ("；" if language != "en" else "; ").join(f"{d}{sep}{n}" for d, n in people))
    lines.append("")
    for topic in range(1, rng.randint(2, 4)):
        lines += [f"## {t[2]}{topic}", "", f"### {t[3]}", ""]
        lines += [f"- {t[10]}" for _ in range(rng.randint(2, 6))]
        lines += ["", f"### {t[4]}", "", f"- {t[10]}", ""]
    if previous:
        lines += [f"## {t[9]}", ""]
        for task_id in previous:
            if rng.random() < 0.5:
                lines.append(f"- [x] #{task_id} {t[11]}")
            else:
                moved = date + dt.timedelta(days=rng.randint(5, 40))
                lines.append(f"- #{task_id}{sep}{t[12].format(d=moved.isoformat())}")
        lines.append("")
    lines += [f"## {t[5]}", ""]
    for _ in range(rng.randint(2, 5)):
        dept, name = rng.choice(people)
        due = date + dt.timedelta(days=rng.randint(3, 30))
        task = rng.choice(TASKS[language])
        if language == "en":
            lines.append(f"- [ ] {task}; {t[6]}: {dept}/{name}; {t[7]}: {due.isoformat()}; {t[8]}: signed off")
        else:
            lines.append(f"- [ ] {task}；{t[6]}：{dept} {name}；{t[7]}：{due.isoformat()}；{t[8]}：经审核")
    encoding = "utf-8"
    if index % 10 == 9:
        encoding = {"zh-Hans": "gbk", "zh-Hant": "big5", "en": "utf-8"}[language]
    return "\n".join(lines) + "\n", encoding


def generate(folder: Path, count: int, seed: int = 20240612) -> None:
    rng = random.Random(seed)
    start = dt.date(2000, 1, 3)
    previous: list[str] = []
    for index in range(count):
        date = start + dt.timedelta(days=index)
        text, encoding = make_note(rng, index, date, previous)
        sub = folder / f"{date.year}"
        sub.mkdir(parents=True, exist_ok=True)
        data = text.encode(encoding, errors="replace")
        if encoding != "utf-8":
            data = data.replace(b"\n", b"\r\n")
        (sub / f"meeting-{index:05d}.md").write_bytes(data)
        tasks = text.count("- [ ] ")
        previous = [f"{date.isoformat()}-{n}" for n in range(1, tasks + 1)][:2]


def parse_only(folder: Path) -> float:
    """Seconds to read and parse every note, one after another, in a fresh process."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from parsers import load_meeting\n"
        "from pipeline.notes_files import notes_under\n"
        "files = list(notes_under(Path(sys.argv[1])))\n"
        "start = time.perf_counter()\n"
        "for path in files:\n"
        "    load_meeting(path)\n"
        "print(time.perf_counter() - start)\n"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(folder)], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - started


def minutes(*arguments: str, cache: Path) -> float:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).with_name("minutes")), "ledger", *arguments],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - started


def bench(size: int, work: Path) -> None:
    archive = work / f"archive-{size}"
    generate(archive, size)
    cache = work / f"cache-{size}"
    out = work / f"ledger-{size}.json"
    parse = parse_only(archive)
    cold = minutes(str(archive), "-o", str(out), "--as-of", "2030-01-01", cache=cache)
    unchanged = [minutes(str(archive), "-o", str(out), "--as-of", "2030-01-01", cache=cache) for _ in range(3)]
    edited = next(archive.rglob("meeting-00007.md"))
    edited.write_bytes(edited.read_bytes() + b"\n")
    one = minutes(str(archive), "-o", str(out), "--as-of", "2030-01-01", cache=cache)
    listing = min(minutes(str(archive), "--as-of", "2030-01-01", cache=cache) for _ in range(3))
    no_index = minutes(str(archive), "-o", str(out), "--no-index", cache=cache)
    print(f"{size:,} notes:")
    print(f"  parse only (one process, read + parse) {parse:7.2f} s")
    print(f"  cold ledger (-o .json, index written)  {cold:7.2f} s  = {cold / parse:.2f}x parse only")
    print(f"  --no-index                             {no_index:7.2f} s")
    print(f"  unchanged (-o .json), best of 3        {min(unchanged):7.2f} s")
    print(f"  one note edited                        {one:7.2f} s")
    print(f"  unchanged listing on the terminal      {listing:7.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-ledger-") as work:
        for size in args.sizes:
            bench(size, Path(work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
