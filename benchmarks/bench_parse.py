"""Warm parse time of a typical note and of a generated 10,000-line note.

Goals: a typical note in at most 5 ms, a 10,000-line note in at most 1 s.
Run: ``.venv/bin/python benchmarks/bench_parse.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import parse_notes, read_notes  # noqa: E402
from parsers.actions import split_fields  # noqa: E402
from parsers.dates import find_absolute_date, parse_date  # noqa: E402
from parsers.markdown_notes import markdown_for  # noqa: E402
from parsers.vocabulary import normalise_key  # noqa: E402

# Memoised helpers: emptied before every timed run, so that parsing the same
# note again is not sped up by answers kept from the previous run.
CACHES = (split_fields, find_absolute_date, parse_date, normalise_key)

TYPICAL = ROOT / "samples" / "q4-marketing-kickoff.zh-Hans.md"


def generated_note(lines: int) -> str:
    """A long but realistic note: many agenda items, each with labels, lists and action items."""
    out = [
        "# 年度跨部门协调会",
        "",
        "- 会议日期：2023年10月25日",
        "- 会议时间：14:00-16:00",
        "- 主持人：市场部 张经理",
        "- 记录人：市场部 周专员",
        "- 参会人员：市场部：张经理、周专员；销售部：黄主管；设计部：陈主管",
        "",
    ]
    index = 0
    while len(out) < lines:
        index += 1
        day = index % 28 + 1
        out += [
            f"## 议程{index}：第{index}项议题（14:00-14:20）",
            "",
            "讨论要点：",
            f"1. 市场部介绍第{index}项活动目标，目标销量5000台。",
            f"2. 销售部反馈：需重点关注第{index}批渠道商激励政策，",
            "   保证线下门店配合推广。",
            "",
            f"决议结果：1.活动范围锁定华东地区第{index}区；2.销售部11月{day}日前提交方案。",
            "",
            "行动项：",
            f"- [ ] 提交第{index}项方案；负责人：销售部 黄主管；截止：11月{day}日前；完成标准：经张经理审核第{index}版",
            f"- [ ] 第{index}版主视觉设计 @设计部/陈主管 截止：下周五",
            f"  - 里程碑：11月{day}日：提交第{index}版文案；11月22日：输出初稿",
            f"  - 2023-11-{day:02d}：已完成第{index}版品牌规范整理",
            "",
        ]
    return "\n".join(out[:lines]) + "\n"


def warm_times(text: str, repeat: int, parse: Callable[[str], object] = parse_notes) -> tuple[float, float]:
    """(median, best) seconds of a parse after a warm-up run.

    The best run is the code's own cost; the median also holds whatever else the
    machine was doing.
    """
    parse(text)  # warm-up: imports, compiled patterns, markdown-it set-up
    samples = []
    for _ in range(repeat):
        for cached in CACHES:
            cached.cache_clear()
        start = time.perf_counter()
        parse(text)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def markdown_it_pass(text: str) -> object:
    """markdown-it-py's own tokenising, as the parser runs it: the part not in this project's code."""
    return markdown_for(text).parse(text)


def main() -> int:
    typical = read_notes(TYPICAL) if TYPICAL.exists() else generated_note(90)
    typical_lines = typical.count("\n")
    big = generated_note(10_000)
    median, best = warm_times(typical, 200)
    _, tokenising = warm_times(typical, 200, markdown_it_pass)
    print(
        f"typical note ({typical_lines} lines): median {median * 1000:.2f} ms, best {best * 1000:.2f} ms"
        f" (goal <= 5 ms); markdown-it tokenising {tokenising * 1000:.2f} ms of it ({tokenising / best:.0%})"
    )
    median, best = warm_times(big, 7)
    _, tokenising = warm_times(big, 3, markdown_it_pass)
    print(
        f"generated note (10,000 lines): median {median * 1000:.0f} ms, best {best * 1000:.0f} ms"
        f" (goal <= 1000 ms); markdown-it tokenising {tokenising * 1000:.0f} ms of it ({tokenising / best:.0%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
