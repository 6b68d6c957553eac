"""Regular expressions compiled once per user: the same matches, from the cache or not.

Each test runs a small Python program that installs the cache as the `minutes`
program does, so the test process's own `re` is left alone.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import pattern_cache, user_cache

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython" or not (3, 10) <= sys.version_info[:2] <= (3, 13),
    reason="the cache is used on CPython 3.10 to 3.13 only",
)

PROGRAM = r"""
import json, os, re, sys
from pipeline import pattern_cache
pattern_cache.install()
if sys.version_info[:2] == (3, 10):
    import sre_parse as parser
else:
    from re import _parser as parser
translated = []
original = parser.parse
parser.parse = lambda p, flags=0: (translated.append(p), original(p, flags))[1]
cases = [
    (r"(?P<date>\d{4})-(?P<month>\d{1,2})", 0, "会议 2024-6 开始"),
    (r"(?<=[\u3400-\u9fff])[与與](?=[\u3400-\u9fff])", 0, "市场部与销售部"),
    (r"^\s*(?:议程|agenda)\s*[0-9一二三]+", re.I | re.M, "x\n  AGENDA 3 budget"),
    (r"next\s+week  # a comment", re.X | re.I, "Due NEXT   week"),
    (rb"\x00(?P<b>[a-f]+)\xff", 0, b"..\x00cafe\xff"),
    (r"(a|b)*?c{2,}", 0, "ababccc"),
    (r"[\w·]+", 0, "陈·主管 ok"),
]
out = []
for pattern, flags, text in cases:
    compiled = re.compile(pattern, flags)
    match = compiled.search(text)
    out.append([
        compiled.flags, compiled.groups, dict(compiled.groupindex),
        None if match is None else [repr(g) for g in match.groups()] + [match.span()],
        repr(compiled.sub("<\\g<0>>" if isinstance(text, str) else b"<\\g<0>>", text)),
    ])
out.append([re.compile("word%d[a-z]+" % i).findall("word%dabc" % i) for i in range(40)])
result = {"results": out, "translated": [repr(p) for p in translated]}
re.compile("pid%d" % os.getpid())  # new in every run, as a pattern built from a set can be
print(json.dumps(result))
"""

CASES = 7


def run(home: Path, **extra: str) -> dict[str, list[object]]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home / ".cache"), "LOCALAPPDATA": str(home / "local")}
    env.pop(user_cache.DISABLE_VARIABLE, None)
    if sys.platform == "darwin":
        env["HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], env={**env, **extra}, capture_output=True, text=True,
        check=True, timeout=120, cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


def entry(home: Path) -> Path:
    found = sorted(home.rglob("patterns/*" + user_cache.SUFFIX))
    assert len(found) == 1
    return found[0]


def test_the_second_run_takes_the_patterns_from_the_cache_with_the_same_matches(tmp_path: Path) -> None:
    plain = run(tmp_path / "none", MINUTES_NO_CACHE="1")
    assert len(plain["translated"]) >= CASES
    first = run(tmp_path)
    stamp = entry(tmp_path).stat().st_mtime_ns
    second = run(tmp_path)
    assert first["results"] == second["results"] == plain["results"]
    assert len(first["translated"]) >= CASES
    assert second["translated"] == []  # every pattern came from the cache
    # one new pattern in a run of many: not worth writing the cache again
    assert entry(tmp_path).stat().st_mtime_ns == stamp


def test_minutes_no_cache_leaves_no_patterns_behind(tmp_path: Path) -> None:
    run(tmp_path, MINUTES_NO_CACHE="1")
    assert not list(tmp_path.rglob("patterns"))


def test_a_program_the_engine_refuses_is_translated_again(tmp_path: Path) -> None:
    plain = run(tmp_path / "none", MINUTES_NO_CACHE="1")
    run(tmp_path)
    stored = entry(tmp_path)
    # The entry rewritten as the cache itself would write it, every program replaced by nonsense.
    blob = stored.read_bytes()
    head = len(user_cache.HEADER) + 64
    programs = marshal.loads(blob[head:])
    spoiled = {key: (flags, [99999] * len(code), *rest) for key, (flags, code, *rest) in programs.items()}
    payload = marshal.dumps(spoiled)
    key = pattern_cache.cache_key()
    stored.write_bytes(user_cache.HEADER + key + hashlib.sha256(payload).digest() + payload)
    again = run(tmp_path)
    assert again["results"] == plain["results"]
    assert len(again["translated"]) >= CASES
