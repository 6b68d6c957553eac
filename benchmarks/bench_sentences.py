"""Microseconds per line of :func:`parsers.sentences.find_tasks` over 10,000 mixed lines.

Goal: at most 20 µs for a plain line without any cue (the cheap first test
rejects it); lines with cues may take longer, they are far fewer in a note.
Run: ``.venv/bin/python benchmarks/bench_sentences.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers.actions import split_fields  # noqa: E402
from parsers.sentences import find_tasks  # noqa: E402
from parsers.vocabulary import normalise_key  # noqa: E402

LINES = 10_000
GOAL_PLAIN_US = 20.0
# memoised helpers find_tasks calls: emptied before every timed run
CACHES = (split_fields, normalise_key)
KNOWN = frozenset({"小周", "许国栋", "Dana Li", "Raj"})

# made-up lines as recorders write them; none is taken from a real note
PLAIN = [
    "本季度华东区销售额同比增长百分之十二，主要来自新渠道",
    "本季度華東區銷售額同比增長百分之十二，主要來自新渠道",
    "The team reviewed the quarterly numbers and the new dashboard",
    "客户反馈整体满意，个别门店的陈列还需优化",
    "Discussion centred on the budget for the spring campaign",
    "預算超支的主要原因是物流成本上升",
]
# discussion that holds a cue word ("to", "会") but assigns nothing: these take the slow path
CUE_WORDS_ONLY = [
    "The team wants to move the launch to the spring",
    "We talked about how to reach more stores next year",
    "会议讨论了新渠道的预算分配",
    "Welcome to the quarterly review",
]
CUED = [
    "由小周负责测试，3月5日前完成初稿；",
    "請物業確認地下室漏水的原因",
    "Dana will send the deck to the board by Friday",
    "Raj to update the wiki and Li to review it",
    "ACTION: Raj to book the room for the offsite",
    "1.补充测试；2.更新文档（小周）",
    "李四：写接口；王五：写文档",
    "Update the onboarding checklist (Raj)",
    "会议决定下周发布新版本",
    "Rollout is going well: 80% of stores have been migrated",
]


def mixed_lines(count: int) -> list[str]:
    """Three plain lines to one with a cue, roughly the mix of a real note."""
    lines: list[str] = []
    for index in range(count):
        pool = CUED if index % 4 == 3 else PLAIN
        # a counter in the text, so that no answer can be memoised from the line before
        lines.append(f"{pool[index % len(pool)]} {index}")
    return lines


def per_line_us(lines: list[str], runs: int = 5) -> float:
    """Median microseconds per line over ``runs`` passes."""
    timings = []
    for _ in range(runs):
        for cache in CACHES:
            cache.cache_clear()
        start = time.perf_counter()
        for line in lines:
            find_tasks(line, KNOWN)
        timings.append((time.perf_counter() - start) / len(lines) * 1e6)
    return statistics.median(timings)


def report(name: str, lines: list[str], measure: Callable[[list[str]], float] = per_line_us) -> float:
    value = measure(lines)
    print(f"{name:<24} {value:8.2f} µs/line  ({len(lines):,} lines)")
    return value


def main() -> int:
    lines = mixed_lines(LINES)
    find_tasks(CUED[0])  # compile the patterns once, as a real run would have
    plain = report("plain lines", [line for index, line in enumerate(lines) if index % 4 != 3])
    report("lines with cues", [line for index, line in enumerate(lines) if index % 4 == 3])
    report("cue words, no task", [f"{CUE_WORDS_ONLY[i % len(CUE_WORDS_ONLY)]} {i}" for i in range(LINES // 4)])
    report("mixed (3 plain : 1 cue)", lines)
    verdict = "ok" if plain <= GOAL_PLAIN_US else "SLOW"
    print(f"goal: plain ≤ {GOAL_PLAIN_US:.0f} µs/line — {verdict}")
    return 0 if plain <= GOAL_PLAIN_US else 1


if __name__ == "__main__":
    raise SystemExit(main())
