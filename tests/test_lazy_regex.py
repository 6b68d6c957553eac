"""Patterns compiled on first use answer exactly as ``re.compile`` does."""

from __future__ import annotations

import re

import pytest

from parsers.lazy_regex import lazy_compile

TEXT = "会议时间：2024年3月5日 14:00-15:30；Owner: Alice, due 3/15"


def _plain(result: object) -> object:
    return result.span() if isinstance(result, re.Match) else result


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [(r"(?P<h>\d{1,2}):(?P<m>\d\d)", 0), (r"owner|due", re.IGNORECASE), (r"[\u3400-\u9fff]+", 0), ("(?!)", 0)],
)
def test_every_method_answers_like_a_compiled_pattern(pattern: str, flags: int) -> None:
    compiled = re.compile(pattern, flags)
    for method in ("search", "match", "fullmatch", "findall"):
        lazy = lazy_compile(pattern, flags)  # a fresh one each time: the first call compiles
        assert _plain(getattr(lazy, method)(TEXT)) == _plain(getattr(compiled, method)(TEXT))
    lazy = lazy_compile(pattern, flags)
    assert lazy.sub("#", TEXT) == compiled.sub("#", TEXT)
    assert lazy.subn(lambda m: m.group(0).upper(), TEXT) == compiled.subn(lambda m: m.group(0).upper(), TEXT)
    assert lazy.split(TEXT) == compiled.split(TEXT)
    assert [m.span() for m in lazy.finditer(TEXT, 3)] == [m.span() for m in compiled.finditer(TEXT, 3)]
    assert _plain(lazy.search(TEXT, 5, 20)) == _plain(compiled.search(TEXT, 5, 20))
    assert lazy.pattern == pattern


def test_a_bad_pattern_fails_when_first_used() -> None:
    broken = lazy_compile("(unclosed")
    with pytest.raises(re.error):
        broken.search("text")
