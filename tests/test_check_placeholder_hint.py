"""The placeholder scan's cheap pre-test never hides a placeholder the full pattern would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.check.checks import _PLACEHOLDER_HINT, _placeholder

PIECES = [
    *"XxＸY年月日号號-–—/.0123456789 [【［〔<＜(（]】］〕>＞)）",
    "20", "19", "2023", "11", "XX", "YYYY", "MM", "DD", "姓名", "负责人", "待定", "Name", "owner", "date",
    "[x]", "截止：", "a", "会议",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_every_line_with_a_placeholder_passes_the_pre_test(line: str) -> None:
    if _placeholder().search(line):
        assert _PLACEHOLDER_HINT.search(line), line


def test_common_lines_skip_the_full_pattern() -> None:
    for line in ("- [x] 会议纪要初版发出；截止：2023-10-26", "- 2023-11-12：已完成品牌规范整理", "Next review 2024/03/05"):
        assert not _PLACEHOLDER_HINT.search(line), line
    for line in ("截止：2023年X月X日", "负责人：【姓名】", "Due: YYYY-MM-DD", "2023-07-"):
        assert _PLACEHOLDER_HINT.search(line) and _placeholder().search(line), line
