"""Building small meetings by hand for the checker tests (helpers, no tests here)."""

from __future__ import annotations

import datetime as dt

from pipeline.check import Finding, check_meeting, load_config
from pipeline.check.config import CheckConfig
from pipeline.model import ActionItem, AgendaItem, Meeting, Person, TextSpan

COMPLETE_INFO = {
    "date": dt.date(2024, 3, 5),
    "start_time": "14:00",
    "location": "3楼会议室",
    "host": Person(department="市场部", name="张经理"),
    "recorder": Person(department="市场部", name="周专员"),
    "attendees": [{"department": "市场部", "name": "张经理"}],
}


def good_item(**changes: object) -> ActionItem:
    values: dict[str, object] = {
        "task": "提交方案",
        "owner": Person(department="市场部", name="张经理"),
        "owner_text": "市场部 张经理",
        "due": dt.date(2024, 3, 15),
        "due_text": "2024-03-15",
        "acceptance": "方案经总监签字确认",
        "line": 1,
    }
    values.update(changes)
    return ActionItem(**values)  # type: ignore[arg-type]


def meeting(**changes: object) -> Meeting:
    values: dict[str, object] = dict(COMPLETE_INFO)
    values.update(changes)
    return Meeting(**values)  # type: ignore[arg-type]


def check_text_in(
    text: str, where: str, config: CheckConfig | None = None, language: str = "zh-Hans"
) -> list[Finding]:
    """Check ``text`` placed as one line of notes in a discussion point, a resolution,
    an action item's task or an action item's owner field."""
    source = text + "\n"
    if where in ("discussion", "disagreements", "resolutions"):
        agenda = AgendaItem(
            title="议题",
            line=1,
            end_line=1,
            spans=[TextSpan(field=where, index=0, line=1, end_line=1)],  # type: ignore[arg-type]
            **{where: [text]},  # type: ignore[arg-type]
        )
        model = meeting(agenda=[agenda], language=language)
    elif where == "action":
        model = meeting(action_items=[good_item(task=text, line=1)], language=language)
    elif where == "owner":
        source = f"- [ ] 提交方案；负责人：{text}；截止：2024-03-15；完成标准：方案经总监签字确认\n"
        item = good_item(owner=Person(department=text), owner_text=text, line=1)
        model = meeting(action_items=[item], language=language)
    else:
        raise ValueError(where)
    return check_meeting(model, source, "notes.md", config or load_config(None))


def terms_found(findings: list[Finding]) -> list[str]:
    return [f.message for f in findings if f.rule == "vague-term"]
