"""Word rendering speed: warm per-note time for both documents, and a cold `minutes build`.

    .venv/bin/python benchmarks/bench_render.py

Warm: templates already prepared (patched XML and compiled Jinja cached per
process), so a render is the Jinja evaluation plus writing the zip. Goal: at
most 10 ms per note for the minutes and the task document together.
Cold: one `minutes build` of one note in a new process (imports, parsing,
checking, template preparation and rendering).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import load_meeting  # noqa: E402
from renderers import render_documents  # noqa: E402

ROUNDS = 30


def warm_ms(profile: str) -> list[tuple[str, float]]:
    results = []
    for notes in sorted((ROOT / "samples").glob("*.md")):
        if notes.name.lower() == "readme.md":
            continue
        meeting, _ = load_meeting(notes)
        render_documents(meeting, profile)  # prepares and caches the templates
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            render_documents(meeting, profile)
            times.append((time.perf_counter() - start) * 1000)
        results.append((notes.name, statistics.median(times)))
    return results


def cold_build_ms(notes: Path) -> float:
    minutes = Path(sys.executable).parent / "minutes"
    with tempfile.TemporaryDirectory() as out:
        command = [str(minutes), "build", str(notes), "-o", out]
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        elapsed = (time.perf_counter() - start) * 1000
        if not list(Path(out).glob("*.docx")):
            raise SystemExit(f"`{' '.join(command)}` wrote no document")
    return elapsed


def main() -> None:
    for profile in ("business", "gbt9704"):
        results = warm_ms(profile)
        print(f"warm render, profile {profile} (median of {ROUNDS}, minutes + tasks):")
        for name, ms in results:
            print(f"  {name:45s} {ms:6.2f} ms")
        worst = max(ms for _, ms in results)
        print(f"  worst {worst:.2f} ms per note (goal ≤ 10 ms): {'ok' if worst <= 10 else 'SLOW'}")
    notes = ROOT / "samples" / "q4-marketing-kickoff.zh-Hans.md"
    colds = [cold_build_ms(notes) for _ in range(3)]
    print(f"cold `minutes build` of one note: {statistics.median(colds):.0f} ms (median of 3)")


if __name__ == "__main__":
    main()
