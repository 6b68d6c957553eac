"""Peak memory and time of ``minutes build`` on notes at the limits of ``parsers.limits``.

Two notes of just under 2 MB with 3,000 action items (short tasks and prose; long
tasks), and the benchmark's generated long note stretched to the action-item
limit (22,500 lines, 1 MB: 2,998 action items with milestones and progress).
Each is built in a fresh process; its peak resident memory is read from
``resource.getrusage(RUSAGE_CHILDREN)``. One note over the size limit shows the
cost of a refusal. Run: ``.venv/bin/python benchmarks/bench_note_limit.py``
(Linux and macOS; ``resource`` does not exist on Windows).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_parse import generated_note  # noqa: E402

from parsers.limits import MAX_ACTION_ITEMS, MAX_NOTE_BYTES  # noqa: E402

HEAD = "# 周例会\n\n- 会议日期：2023年10月25日\n- 主持人：张经理\n\n## 议程1：渠道\n\n行动项：\n"
PROSE = "市场部介绍活动目标，销售部反馈渠道情况，设计部说明主视觉进度。\n\n"


def _fill(text: str) -> bytes:
    data = text.encode("utf-8")
    filler = PROSE.encode("utf-8")
    return data + filler * ((MAX_NOTE_BYTES - len(data) - 1024) // len(filler))


def notes() -> dict[str, bytes]:
    items = "".join(
        f"- [ ] 提交第{i}项方案；负责人：销售部 黄主管；截止：11月3日\n"
        for i in range(MAX_ACTION_ITEMS)
    )
    task = "整理渠道反馈并提交方案" * 15
    long_items = "".join(
        f"- [ ] 任务{i}{task}；负责人：张三；截止：11月3日\n" for i in range(MAX_ACTION_ITEMS)
    )
    generated = generated_note(22_500).encode("utf-8")
    return {
        "3,000 action items and prose": _fill(HEAD + items + "\n## 议程2：其他\n\n"),
        "3,000 long action items": _fill(HEAD + long_items + "\n## 议程2：其他\n\n"),
        "generated long note (22,500 lines)": generated,
        "over the limit (3 MB)": PROSE.encode("utf-8") * (3 * 1024 * 1024 // len(PROSE.encode())),
    }


# Run in a process of its own, so that RUSAGE_CHILDREN holds this one build only.
_MEASURE = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:], capture_output=True).returncode
print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def build(note: Path, out: Path) -> tuple[int, float, float]:
    """(exit status, seconds, peak resident MB of the build's processes)."""
    command = [sys.executable, "-m", "pipeline", "build", str(note), "-o", str(out), "--force"]
    start = time.perf_counter()
    measured = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    seconds = time.perf_counter() - start
    status, peak = int(measured[0]), int(measured[1])
    # ru_maxrss: the largest process, in KB on Linux, in bytes on macOS
    return status, seconds, peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, data) in enumerate(notes().items()):
            note = Path(folder) / f"note{index}.md"
            note.write_bytes(data)
            status, seconds, peak = build(note, Path(folder) / "out")
            print(
                f"{name}: {len(data) / 1024 / 1024:.2f} MB, exit {status}, {seconds:.2f} s,"
                f" peak memory {peak:.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
