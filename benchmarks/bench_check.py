"""Speed of ``minutes check``: a 10,000-line note in a warm process, one note as a cold process.

Goals: warm check of 10,000 lines <= 1 s; cold ``minutes check one.md`` <= 0.3 s wall.
Prints figures; run with ``.venv/bin/python benchmarks/bench_check.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "samples" / "q4-marketing-kickoff.zh-Hans.md"
AGENDA = """
## 议程{n}：第{n}项议题（14:00-14:20）

讨论要点：
1. 市场部介绍进度，文案大概还要两天，设计部可能需要支援；
2. 销售部反馈门店愿意配合推广，评估延期的可能性不大。

分歧：
- 设计部认为时间偏紧，希望延到11月25日。

决议结果：
1. 设计部11月22日前输出初稿；
2. 宣传图由设计部配合完成。

行动项：
- [ ] 第{n}批物料设计；负责人：设计部 陈主管；截止：2023年11月22日；完成标准：3版初稿经市场部确认
- [ ] 第{n}批门店清单，尽快发给大家；负责人：销售部 黄主管；截止：11月15日前；完成标准：名单齐全
- [ ] 第{n}批物料配送；负责人：相关部门；完成标准：全部布置完成并拍照回传
"""


def big_note(lines: int) -> str:
    head = SAMPLE.read_text(encoding="utf-8").split("## 议程1")[0]
    parts = [head]
    n = 0
    while sum(part.count("\n") for part in parts) < lines:
        n += 1
        parts.append(AGENDA.format(n=n))
    return "".join(parts)


def warm(lines: int = 10_000) -> None:
    from parsers import parse_notes
    from pipeline.check import check_meeting, load_config

    text = big_note(lines)
    config = load_config(None)
    meeting = parse_notes(text)
    check_meeting(meeting, text, "big.md", config)  # first use compiles the patterns
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        findings = check_meeting(meeting, text, "big.md", config)
        timings.append(time.perf_counter() - start)
    start = time.perf_counter()
    parse_notes(text)
    parse_time = time.perf_counter() - start
    print(
        f"warm: check of a {text.count(chr(10)):,}-line note: median {statistics.median(timings):.3f} s "
        f"({len(findings):,} findings; goal <= 1 s); parsing it: {parse_time:.3f} s"
    )


def _wall(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        timings.append(time.perf_counter() - start)
    return timings


def cold(runs: int = 21) -> None:
    minutes = Path(sys.executable).with_name("minutes")
    command = [str(minutes)] if minutes.exists() else [sys.executable, "-m", "pipeline"]
    # A user's Python keeps compiled bytecode next to the sources (__pycache__); a
    # development shell that sets PYTHONDONTWRITEBYTECODE would time the compiler too.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as folder:
        note = Path(folder) / "one.md"
        note.write_bytes(SAMPLE.read_bytes())
        check = [*command, "check", str(note)]
        _wall(check, env, 1)  # writes the bytecode caches, as any first run does
        timings = _wall(check, env, runs)
        bare = _wall([sys.executable, "-c", "pass"], env, runs)
        model_only = _wall([sys.executable, "-c", "import pipeline.model"], env, runs)
    print(
        f"cold: `minutes check one.md` ({runs} runs): median {statistics.median(timings):.3f} s, "
        f"best {min(timings):.3f} s (goal <= 0.3 s); "
        f"a bare `python -c pass` takes {statistics.median(bare):.3f} s, "
        f"`python -c 'import pipeline.model'` (pydantic) {statistics.median(model_only):.3f} s"
    )


def snapshot_state() -> None:
    from pipeline.check.terms import builtin_snapshot_is_current

    if builtin_snapshot_is_current():
        print("term list snapshot: current (a cold start reads no TOML)")
    else:
        print(
            "term list snapshot: STALE, the cold start parses vague_terms.toml "
            "(run `python -m pipeline.check.rules`)"
        )


if __name__ == "__main__":
    warm()
    cold()
    snapshot_state()
