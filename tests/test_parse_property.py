"""Any text parses without an exception, and every line number points into the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import parse_notes
from pipeline.model import Meeting

FRAGMENTS = [
    "# 会议纪要", "## 议程1：目标（14:00-14:20）", "### 讨论要点", "## 行动项", "## 附件", "## Risks",
    "## 会议议程", "#### 决议", "讨论要点：", "**决议：**", "Decisions:", "分歧：", "行动项：",
    "- 会议日期：2023年10月25日", "日期：2023-10-25 14:00-16:00", "主持人：市场部 张经理 记录人：",
    "参会人员：市场部：张经理、李专员；销售部：", "缺席人员及原因：销售部 许经理（客户拜访，由黄主管代参会",
    "- [ ] 提交方案；负责人：销售部 黄主管；截止：11月10日前；完成标准：审核",
    "- [x] Send deck @Legal/Maria Garcia due: next Friday done when:", "  - 里程碑：", "    - 11月15日：文案",
    "  - 2023-11-12：已完成", "1. 第一点", "2、第二点", "| 序号 | 行动内容 | 负责人 | 截止时间 |",
    "| --- | --- | --- | --- |", "| 1 | 任务 | 张三 | D+3 |", "| 项目 | 内容 |", "---", "title: x",
    "attendees:", "  - a", "```", "> 引用", "", "   ", "\t- 缩进", "负责人：", "@", "[ ]", "**", "：：", "1.",
    "<br>", "{{ x }}", "１２月２７日", "十一月十五日", "\x0b", "\r",
]


def line_numbers(meeting: Meeting) -> list[int]:
    numbers = list(meeting.info_lines.values())
    numbers += [a.line for a in meeting.absentees if a.line is not None]
    for item in meeting.agenda:
        numbers += [n for n in (item.line, item.end_line) if n is not None]
        numbers += [n for span in item.spans for n in (span.line, span.end_line)]
    for action in meeting.action_items:
        numbers += [action.line] + ([action.end_line] if action.end_line else [])
    return numbers


def check(text: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meeting = parse_notes(text)
    count = meeting.line_count
    assert all(1 <= n <= max(count, 1) for n in line_numbers(meeting)), (text, line_numbers(meeting))
    for item in meeting.agenda:
        for span in item.spans:
            assert span.index < len(getattr(item, span.field))
    assert sum(len(item.action_items) for item in meeting.agenda) <= len(meeting.action_items)
    meeting.to_json()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_parses(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=40))
def test_any_mix_of_notes_constructs_parses(lines: list[str]) -> None:
    check("\n".join(lines))
