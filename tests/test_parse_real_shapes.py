"""Notes as people actually write them, in Simplified Chinese, Traditional Chinese and English.

Every note here is made up (names, teams, topics). Each test takes one construct of real
notes in the three languages and asserts what a recorder would notice in the minutes and
the task sheet: a task's words, its owner, its due date, whether it is done, which lines
are tasks at all, the meeting date, the attendees, the agenda titles and the decisions.

A construct the reader still gets wrong in a language is a ``xfail(strict=True)`` case
whose reason says what goes wrong; it starts passing (and then fails as XPASS) once the
reader is fixed, so the mark comes off then. ``tests/test_parse_shapes.py`` covers
neighbouring shapes; the cases here are other shapes, or other languages and other
consequences (deadlines, owners) of the shapes it has.

Unless a note says otherwise the meeting is on Wednesday 2024-03-06, so "下周五",
"下週五" and "next Friday" are Friday 2024-03-15, the Friday of the following week.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parsers import parse_notes
from pipeline.check import check_meeting, load_config
from pipeline.model import ActionItem, Meeting

NEXT_FRIDAY = dt.date(2024, 3, 15)
MARCH_20 = dt.date(2024, 3, 20)
LANGUAGES = ("zh-Hans", "zh-Hant", "en")


def case(*values: object, name: str, fails: str | None = None) -> object:
    """One parametrised case; ``fails`` says what the reader gets wrong (a strict xfail)."""
    marks = [pytest.mark.xfail(strict=True, reason=fails)] if fails else []
    return pytest.param(*values, id=name, marks=marks)


def parse(text: str, date_order: str | None = None) -> Meeting:
    return parse_notes(text, date_order=date_order)


def task(meeting: Meeting, fragment: str) -> ActionItem:
    """The one task whose text holds ``fragment``."""
    found = [item for item in meeting.action_items if fragment in item.task]
    assert len(found) == 1, (fragment, [item.task for item in meeting.action_items])
    return found[0]


def owners(item: ActionItem) -> list[str | None]:
    """The responsible people's names: the owner first, then the co-owners."""
    return [person.name for person in [item.owner, *item.co_owners] if person is not None]


def facts(item: ActionItem) -> tuple[list[str | None], dt.date | None, str]:
    return owners(item), item.due, item.status


def discussion(meeting: Meeting) -> list[str]:
    return [entry for item in meeting.agenda for entry in item.discussion]


def decisions(meeting: Meeting) -> list[str]:
    return [entry for item in meeting.agenda for entry in item.resolutions]


def titles(meeting: Meeting) -> list[str]:
    return [item.title for item in meeting.agenda]


def names(people: list) -> list[str | None]:
    return [person.name for person in people]


def every_word(meeting: Meeting) -> str:
    """All the text a reader of the minutes and the task sheet gets to see."""
    parts: list[str] = []
    for item in meeting.agenda:
        parts += [item.title, *item.discussion, *item.disagreements, *item.resolutions]
    for action in meeting.action_items:
        parts += [action.task, action.description or ""]
    return "\n".join(parts)


# ---------------------------------------------------------------- 1. action-item sections by other names

SECTION_NOTES = {
    "zh-Hans": "# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 讨论了鉴权方案\n\n{heading}\n\n- 小周：下周五前提交接口文档\n- 补充压测脚本，负责人：老陈，3月20日前\n",
    "zh-Hant": "# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 討論了驗證方案\n\n{heading}\n\n- 小周：下週五前提交介面文件\n- 補充壓測腳本，負責人：老陳，3月20日前\n",
    "en": "# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- Talked about auth\n\n{heading}\n\n- Dana: send the API doc by next Friday\n- Add load-test scripts, owner: Raj, due: March 20\n",
}
SECTION_TASKS = {
    "zh-Hans": (("接口文档", "小周"), ("压测脚本", "老陈"), "接口评审"),
    "zh-Hant": (("介面文件", "小周"), ("壓測腳本", "老陳"), "介面評審"),
    "en": (("API doc", "Dana"), ("load-test scripts", "Raj"), "API review"),
}


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        case("zh-Hans", "## 待办事项", name="hans-待办事项"),
        case("zh-Hans", "## 后续行动", name="hans-后续行动"),
        case("zh-Hans", "## 遗留问题", name="hans-遗留问题"),
        case("zh-Hans", "## 初步分工", name="hans-初步分工"),
        case("zh-Hans", "待办事项", name="hans-待办事项-no-hashes"),
        case("zh-Hant", "## 行動", name="hant-行動"),
        case("zh-Hant", "## 待辦", name="hant-待辦"),
        case("zh-Hant", "## 代辦", name="hant-代辦"),
        case("zh-Hant", "## 後續", name="hant-後續"),
        case("zh-Hant", "## 初步分工", name="hant-初步分工"),
        case("zh-Hant", "待辦事項", name="hant-待辦事項-no-hashes"),
        case("en", "## TODO", name="en-TODO"),
        case("en", "## Next steps", name="en-next-steps"),
        case("en", "## Follow-ups", name="en-follow-ups"),
        case("en", "## Action Items (AIs)", name="en-action-items-AIs"),
        case("en", "Next steps", name="en-next-steps-no-hashes"),
    ],
)
def test_an_action_items_section_by_another_name(lang: str, heading: str) -> None:
    meeting = parse(SECTION_NOTES[lang].format(heading=heading))
    (doc, doc_owner), (script, script_owner), topic = SECTION_TASKS[lang]
    assert titles(meeting) == [topic]  # the section is no agenda item
    assert len(meeting.action_items) == 2
    assert facts(task(meeting, doc)) == ([doc_owner], NEXT_FRIDAY, "not_started")
    assert facts(task(meeting, script)) == ([script_owner], MARCH_20, "not_started")


NUMBERED_ACTION_HEADINGS = {
    "zh-Hans": "# 产品周会\n日期：2024-03-06\n\n## 接口评审\n- 讨论了鉴权方案\n\n## 行动一、需求清单\n- 小周：汇总客户反馈，3月20日前\n- 老陈：更新需求池，下周五前\n\n## 行动二、测试环境\n- 申请测试服务器，负责人：阿美\n",
    "zh-Hant": "# 產品週會\n日期：2024-03-06\n\n## 介面評審\n- 討論了驗證方案\n\n## 行動一、需求清單\n- 小周：彙整客戶回饋，3月20日前\n- 老陳：更新需求池，下週五前\n\n## 行動二、測試環境\n- 申請測試伺服器，負責人：阿美\n",
    "en": "# Product sync\nDate: 2024-03-06\n\n## API review\n- Talked about auth\n\n## Action 1: requirements\n- Dana: collect customer feedback by March 20\n- Raj: update the backlog by next Friday\n\n## Action 2: test environment\n- Request a test server, owner: Ana\n",
}
NUMBERED_ACTION_TASKS = {
    "zh-Hans": ("接口评审", ("客户反馈", "小周"), ("需求池", "老陈"), ("测试服务器", "阿美")),
    "zh-Hant": ("介面評審", ("客戶回饋", "小周"), ("需求池", "老陳"), ("測試伺服器", "阿美")),
    "en": ("API review", ("customer feedback", "Dana"), ("backlog", "Raj"), ("test server", "Ana")),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numbered_action_headings_hold_tasks(lang: str) -> None:
    """``## 行动一、…`` / ``## Action 1: …``: blocks of tasks, not agenda items."""
    meeting = parse(NUMBERED_ACTION_HEADINGS[lang])
    topic, (feedback, first), (backlog, second), (server, third) = NUMBERED_ACTION_TASKS[lang]
    assert titles(meeting) == [topic]
    assert len(meeting.action_items) == 3
    assert facts(task(meeting, feedback)) == ([first], MARCH_20, "not_started")
    assert facts(task(meeting, backlog)) == ([second], NEXT_FRIDAY, "not_started")
    assert facts(task(meeting, server)) == ([third], None, "not_started")


@pytest.mark.parametrize(
    ("notes", "first", "second"),
    [
        case(
            "# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 讨论了鉴权方案\n\n行动一、整理需求清单，负责人：小周，3月20日前\n\n行动二、搭建测试环境，负责人：老陈，下周五前\n",
            ("需求清单", "小周", MARCH_20),
            ("测试环境", "老陈", NEXT_FRIDAY),
            name="hans",
        ),
        case(
            "# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 討論了驗證方案\n\n行動一、整理需求清單，負責人：小周，3月20日前\n\n行動二、架設測試環境，負責人：老陳，下週五前\n",
            ("需求清單", "小周", MARCH_20),
            ("測試環境", "老陳", NEXT_FRIDAY),
            name="hant",
        ),
        case(
            "# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- Talked about auth\n\nAction 1: Collect the requirements, owner: Dana, due: March 20\n\nAction 2: Set up the test environment, owner: Raj, due: next Friday\n",
            ("requirements", "Dana", MARCH_20),
            ("test environment", "Raj", NEXT_FRIDAY),
            name="en",
        ),
    ],
)
def test_numbered_action_lines_are_tasks_with_their_fields(
    notes: str, first: tuple[str, str, dt.date], second: tuple[str, str, dt.date]
) -> None:
    """``行动一、整理需求清单，负责人：小周，3月20日前`` written as lines, not headings."""
    meeting = parse(notes)
    for fragment, owner, due in (first, second):
        assert facts(task(meeting, fragment)) == ([owner], due, "not_started")


# ---------------------------------------------------------------- 2. inline labels in a discussion list

LABEL_NOTES = {
    "zh-Hans": "# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 讨论了鉴权方案，倾向 OAuth\n- {label} 小周下周五前提交接口文档\n- 测试组担心过期策略\n",
    "zh-Hant": "# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 討論了驗證方案，傾向 OAuth\n- {label} 小周下週五前提交介面文件\n- 測試組擔心過期策略\n",
    "en": "# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- We talked about OAuth versus JWT\n- {label} Dana to send the API doc by next Friday\n- QA worried about token expiry\n",
}
LABEL_EXPECTED = {
    "zh-Hans": ("接口文档", "小周", "测试组担心过期策略"),
    "zh-Hant": ("介面文件", "小周", "測試組擔心過期策略"),
    "en": ("API doc", "Dana", "QA worried about token expiry"),
}


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        case("zh-Hans", "Action item:", name="hans-action-item"),
        case("zh-Hans", "AI:", name="hans-AI"),
        case("zh-Hans", "ACTION:", name="hans-ACTION"),
        case("zh-Hans", "TODO:", name="hans-TODO"),
        case("zh-Hant", "Action item:", name="hant-action-item"),
        case("zh-Hant", "AI:", name="hant-AI"),
        case("zh-Hant", "ACTION:", name="hant-ACTION"),
        case("zh-Hant", "TODO:", name="hant-TODO"),
        case("en", "Action item:", name="en-action-item"),
        case("en", "AI:", name="en-AI"),
        case("en", "ACTION:", name="en-ACTION"),
        case("en", "TODO:", name="en-TODO"),
    ],
)
def test_an_inline_task_label_in_a_discussion_list(lang: str, label: str) -> None:
    meeting = parse(LABEL_NOTES[lang].format(label=label))
    fragment, owner, next_point = LABEL_EXPECTED[lang]
    assert facts(task(meeting, fragment)) == ([owner], NEXT_FRIDAY, "not_started")
    assert len(meeting.action_items) == 1  # the points around it are no tasks
    assert next_point in discussion(meeting)


# ---------------------------------------------------------------- 3. sentences that assign work

SENTENCE_NOTES = {
    "zh-Hans": "# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n- {line}\n- 测试组担心过期策略\n",
    "zh-Hant": "# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n- {line}\n- 測試組擔心過期策略\n",
    "en": "# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- We compared OAuth and JWT\n- {line}\n- QA worried about token expiry\n",
}


@pytest.mark.parametrize(
    ("lang", "line", "fragment", "who", "due"),
    [
        case("zh-Hans", "小周会在下周五前发出接口文档", "接口文档", ["小周"], NEXT_FRIDAY, name="hans-会"),
        case("zh-Hans", "由小周负责整理接口文档，下周五前完成", "接口文档", ["小周"], NEXT_FRIDAY, name="hans-由X负责"),
        case("zh-Hans", "小周负责整理接口文档，3月20日前", "接口文档", ["小周"], MARCH_20, name="hans-X负责"),
        case("zh-Hans", "请小周下周五前整理接口文档", "接口文档", ["小周"], NEXT_FRIDAY, name="hans-请X"),
        case("zh-Hans", "阿美和老陈负责审查合并请求，下周五前", "合并请求", ["阿美", "老陈"], NEXT_FRIDAY, name="hans-two-owners"),
        case("zh-Hant", "小周會在下週五前寄出介面文件", "介面文件", ["小周"], NEXT_FRIDAY, name="hant-會"),
        case("zh-Hant", "由小周負責整理介面文件，下週五前完成", "介面文件", ["小周"], NEXT_FRIDAY, name="hant-由X負責"),
        case("zh-Hant", "小周負責整理介面文件，3月20日前", "介面文件", ["小周"], MARCH_20, name="hant-X負責"),
        case("zh-Hant", "請小周下週五前整理介面文件", "介面文件", ["小周"], NEXT_FRIDAY, name="hant-請X"),
        case("zh-Hant", "由阿美與老陳負責審查合併請求，下週五前完成", "合併請求", ["阿美", "老陳"], NEXT_FRIDAY, name="hant-two-owners"),
        case("en", "Dana will send the API doc by next Friday", "API doc", ["Dana"], NEXT_FRIDAY, name="en-will"),
        case("en", "Raj to update the runbook by March 20", "runbook", ["Raj"], MARCH_20, name="en-to"),
        case("en", "Ana and Li to review the pull request by next Friday", "pull request", ["Ana", "Li"], NEXT_FRIDAY, name="en-two-owners"),
        case("en", "Dana is responsible for the API doc, due next Friday", "API doc", ["Dana"], NEXT_FRIDAY, name="en-responsible"),
        case("en", "Please ask Dana to send the API doc by next Friday", "API doc", ["Dana"], NEXT_FRIDAY, name="en-please-ask-X"),
        case("en", "Ask Dana to send the API doc by next Friday", "API doc", ["Dana"], NEXT_FRIDAY, name="en-ask-X"),
        case("en", "Ask Ana and Li to review the pull request by next Friday", "pull request", ["Ana", "Li"], NEXT_FRIDAY, name="en-ask-two"),
    ],
)
def test_a_sentence_in_the_discussion_assigns_a_task(
    lang: str, line: str, fragment: str, who: list[str], due: dt.date
) -> None:
    meeting = parse(SENTENCE_NOTES[lang].format(line=line))
    assert facts(task(meeting, fragment)) == (who, due, "not_started")
    assert len(meeting.action_items) == 1  # the two points around it assign nothing


@pytest.mark.parametrize(
    ("notes", "decision", "owner", "kept"),
    [
        case(
            "# 技术委员会例会\n\n日期：2024-03-06\n\n## 工具选型\n\n- 推荐使用 Insomnia 管理接口文档。（提议人：老陈）**通过**\n  - 部署人：小周\n- 代码托管平台暂不更换\n",
            "Insomnia", "小周", "代码托管平台暂不更换", name="hans",
        ),
        case(
            "# 技術委員會例會\n\n日期：2024-03-06\n\n## 工具選型\n\n- 推薦使用 Insomnia 管理介面文件。（提議人：老陳）**通過**\n  - 部署人：小周\n- 程式碼託管平台暫不更換\n",
            "Insomnia", "小周", "程式碼託管平台暫不更換", name="hant",
        ),
        case(
            "# Tech committee\n\nDate: 2024-03-06\n\n## Tooling\n\n- Use Insomnia for the API docs (proposed by Raj) **Approved**\n  - Deployer: Dana\n- Keep the current code host for now\n",
            "Insomnia", "Dana", "Keep the current code host for now", name="en",
        ),
    ],
)
def test_a_passed_proposal_with_a_deployer_below_is_a_decision_and_a_task(
    notes: str, decision: str, owner: str, kept: str
) -> None:
    meeting = parse(notes)
    assert any(decision in entry for entry in decisions(meeting))
    assert owners(task(meeting, decision)) == [owner]
    assert len(meeting.action_items) == 1
    assert kept in discussion(meeting)


@pytest.mark.parametrize(
    ("lang", "lines", "fragment", "owner", "due"),
    [
        case("zh-Hans", "- 接口文档需要补齐错误码说明\n  - 责任人：小周", "错误码", "小周", None, name="hans-bullet"),
        case("zh-Hant", "- 介面文件需要補齊錯誤碼說明\n  - 負責人：小周", "錯誤碼", "小周", None, name="hant-bullet"),
        case("en", "- The API doc needs the error codes\n  - Owner: Dana", "error codes", "Dana", None, name="en-bullet"),
        case("zh-Hans", "- 接口文档需要补齐错误码说明\n  责任人：小周", "错误码", "小周", None, name="hans-continuation-line"),
        case("zh-Hant", "- 介面文件需要補齊錯誤碼說明\n  負責人：小周", "錯誤碼", "小周", None, name="hant-continuation-line"),
        case("en", "- The API doc needs the error codes\n  Owner: Dana", "error codes", "Dana", None, name="en-continuation-line"),
        case(
            "zh-Hans", "- 接口文档需要补齐错误码说明\n  - 责任人：小周\n  - 截止：3月20日", "错误码", "小周", MARCH_20, name="hans-with-due",
        ),
        case(
            "zh-Hant", "- 介面文件需要補齊錯誤碼說明\n  - 負責人：小周\n  - 截止：3月20日", "錯誤碼", "小周", MARCH_20, name="hant-with-due",
        ),
        case(
            "en", "- The API doc needs the error codes\n  - Owner: Dana\n  - Due: March 20", "error codes", "Dana", MARCH_20, name="en-with-due",
        ),
    ],
)
def test_an_owner_line_under_a_discussion_point_makes_it_a_task(
    lang: str, lines: str, fragment: str, owner: str, due: dt.date | None
) -> None:
    template = SENTENCE_NOTES[lang].replace("- {line}\n", lines + "\n")
    meeting = parse(template)
    assert facts(task(meeting, fragment)) == ([owner], due, "not_started")
    assert len(meeting.action_items) == 1


# ---------------------------------------------------------------- 4. how owners are written

OWNER_NOTES = {
    "zh-Hans": "# 产品周会\n\n日期：2024-03-06\n参会人员：研发部：小周、老陈；设计部：阿美\n\n## 待办事项\n\n{line}\n",
    "zh-Hant": "# 產品週會\n\n日期：2024-03-06\n參會人員：研發部：小周、老陳；設計部：阿美\n\n## 待辦事項\n\n{line}\n",
    "en": "# Product sync\n\nDate: 2024-03-06\nAttendees: R&D: Dana Wu, Raj Mehta; Design: Ana Ruiz\n\n## Action items\n\n{line}\n",
}
BRACKET_THEN_DATE = "a name in brackets followed by a deadline is not read as the owner: the task has no owner and keeps '(…)' in its text"


@pytest.mark.parametrize(
    ("lang", "line", "fragment", "who"),
    [
        case("zh-Hans", "- [ ] 整理接口文档 @zhouxy 下周五前", "接口文档", ["zhouxy"], name="hans-@handle"),
        case("zh-Hans", "- [ ] 整理接口文档 @zhouxy(小周) 下周五前", "接口文档", ["小周"], name="hans-@handle(name)"),
        case("zh-Hans", "- [ ] 整理接口文档 [name=小周] 下周五前", "接口文档", ["小周"], name="hans-[name=]"),
        case("zh-Hans", "- [ ] **[小周]** 整理接口文档，下周五前", "接口文档", ["小周"], name="hans-**[name]**"),
        case("zh-Hans", "- [ ] 下周五前整理接口文档（小周）", "接口文档", ["小周"], name="hans-(name)"),
        case("zh-Hans", "- 小周：整理接口文档，下周五前", "接口文档", ["小周"], name="hans-name:"),
        case("zh-Hans", "- 阿美、老陈：负责界面修改，下周五前", "界面修改", ["阿美", "老陈"], name="hans-two-names:"),
        case("zh-Hans", "- [ ] 整理接口文档，下周五前\n  - 小周", "接口文档", ["小周"], name="hans-name-below"),
        case("zh-Hans", "- [ ] 整理接口文档（小周），下周五前", "接口文档", ["小周"], name="hans-(name)-then-date"),
        case("zh-Hant", "- [ ] 整理介面文件 @zhouxy 下週五前", "介面文件", ["zhouxy"], name="hant-@handle"),
        case("zh-Hant", "- [ ] 整理介面文件 @zhouxy(小周) 下週五前", "介面文件", ["小周"], name="hant-@handle(name)"),
        case("zh-Hant", "- [ ] 整理介面文件 [name=小周] 下週五前", "介面文件", ["小周"], name="hant-[name=]"),
        case("zh-Hant", "- [ ] **[小周]** 整理介面文件，下週五前", "介面文件", ["小周"], name="hant-**[name]**"),
        case("zh-Hant", "- [ ] 下週五前整理介面文件（小周）", "介面文件", ["小周"], name="hant-(name)"),
        case("zh-Hant", "- 小周：整理介面文件，下週五前", "介面文件", ["小周"], name="hant-name:"),
        case("zh-Hant", "- 阿美、老陳：負責原型修改，下週五前", "原型修改", ["阿美", "老陳"], name="hant-two-names:"),
        case("zh-Hant", "- [ ] 整理介面文件，下週五前\n  - 小周", "介面文件", ["小周"], name="hant-name-below"),
        case("zh-Hant", "- [ ] 整理介面文件（小周），下週五前", "介面文件", ["小周"], name="hant-(name)-then-date"),
        case("en", "- [ ] Write the API doc @dwu by next Friday", "API doc", ["dwu"], name="en-@handle"),
        case("en", "- [ ] Write the API doc @dwu(Dana Wu) by next Friday", "API doc", ["Dana Wu"], name="en-@handle(name)"),
        case("en", "- [ ] Write the API doc [name=Dana Wu] by next Friday", "API doc", ["Dana Wu"], name="en-[name=]"),
        case("en", "- [ ] **[Dana Wu]** Write the API doc by next Friday", "API doc", ["Dana Wu"], name="en-**[name]**"),
        case("en", "- [ ] Write the API doc by next Friday (Dana Wu)", "API doc", ["Dana Wu"], name="en-(name)"),
        case("en", "- Dana Wu: write the API doc by next Friday", "API doc", ["Dana Wu"], name="en-name:"),
        case("en", "- Ana Ruiz, Raj Mehta: revise the prototype by next Friday", "prototype", ["Ana Ruiz", "Raj Mehta"], name="en-two-names:"),
        case("en", "- [ ] Write the API doc by next Friday\n  - Dana Wu", "API doc", ["Dana Wu"], name="en-name-below"),
        case("en", "- [ ] Write the API doc (Dana Wu), by next Friday", "API doc", ["Dana Wu"], name="en-(name)-then-date"),
    ],
)
def test_how_an_owner_is_written(lang: str, line: str, fragment: str, who: list[str]) -> None:
    meeting = parse(OWNER_NOTES[lang].format(line=line))
    assert len(meeting.action_items) == 1
    assert facts(task(meeting, fragment)) == (who, NEXT_FRIDAY, "not_started")


@pytest.mark.parametrize(
    ("lang", "line", "department"),
    [
        case("zh-Hans", "- [ ] 整理接口文档 @zhouxy(小周) 下周五前", "研发部", name="hans"),
        case("zh-Hant", "- [ ] 整理介面文件 [name=小周] 下週五前", "研發部", name="hant"),
        case("en", "- [ ] Write the API doc @dwu(Dana Wu) by next Friday", "R&D", name="en"),
    ],
)
def test_an_owner_named_in_a_handle_takes_the_department_the_attendee_list_gives(
    lang: str, line: str, department: str
) -> None:
    owner = parse(OWNER_NOTES[lang].format(line=line)).action_items[0].owner
    assert owner is not None and owner.department == department


DEPARTMENT_HEADINGS = "a department heading above tasks is read as an agenda item and gives the tasks' owners no department"


@pytest.mark.parametrize(
    ("notes", "first", "second"),
    [
        case(
            "# 产品周会\n\n日期：2024-03-06\n\n## 待办事项\n\n### 研发部\n\n- [ ] 小周：整理接口文档，下周五前\n\n### 设计部\n\n- [ ] 阿美：出三版首页原型\n",
            ("接口文档", "研发部", "小周"), ("首页原型", "设计部", "阿美"), name="hans",
        ),
        case(
            "# 產品週會\n\n日期：2024-03-06\n\n## 待辦事項\n\n### 研發部\n\n- [ ] 小周：整理介面文件，下週五前\n\n### 設計部\n\n- [ ] 阿美：出三版首頁原型\n",
            ("介面文件", "研發部", "小周"), ("首頁原型", "設計部", "阿美"), name="hant",
        ),
        case(
            "# Product sync\n\nDate: 2024-03-06\n\n## Action items\n\n### R&D\n\n- [ ] Dana: write the API doc by next Friday\n\n### Design\n\n- [ ] Ana: draw three home page mock-ups\n",
            ("API doc", "R&D", "Dana"), ("mock-ups", "Design", "Ana"), name="en",
        ),
    ],
)
def test_a_department_heading_above_tasks_is_their_owners_department(
    notes: str, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    meeting = parse(notes)
    assert titles(meeting) == []
    for fragment, department, name in (first, second):
        owner = task(meeting, fragment).owner
        assert owner is not None and (owner.department, owner.name) == (department, name)


# ---------------------------------------------------------------- 5. nesting, table cells, dates next to owners

NESTED_TASKS = {
    "zh-Hans": "# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 鉴权方案\n  - [ ] 小周：整理接口文档，下周五前\n  - [x] 老陈：申请测试账号\n- 性能\n  - [ ] 阿美：补充压测脚本，3月20日前\n    - [ ] 老陈：准备压测数据\n",
    "zh-Hant": "# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 驗證方案\n  - [ ] 小周：整理介面文件，下週五前\n  - [x] 老陳：申請測試帳號\n- 效能\n  - [ ] 阿美：補充壓測腳本，3月20日前\n    - [ ] 老陳：準備壓測資料\n",
    "en": "# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- Auth\n  - [ ] Dana: write the API doc by next Friday\n  - [x] Raj: request test accounts\n- Performance\n  - [ ] Ana: add load-test scripts by March 20\n    - [ ] Raj: prepare the test data\n",
}
NESTED_EXPECTED = {
    "zh-Hans": [("接口文档", "小周", NEXT_FRIDAY, "not_started"), ("测试账号", "老陈", None, "done"), ("压测脚本", "阿美", MARCH_20, "not_started"), ("压测数据", "老陈", None, "not_started")],
    "zh-Hant": [("介面文件", "小周", NEXT_FRIDAY, "not_started"), ("測試帳號", "老陳", None, "done"), ("壓測腳本", "阿美", MARCH_20, "not_started"), ("壓測資料", "老陳", None, "not_started")],
    "en": [("API doc", "Dana", NEXT_FRIDAY, "not_started"), ("test accounts", "Raj", None, "done"), ("load-test scripts", "Ana", MARCH_20, "not_started"), ("test data", "Raj", None, "not_started")],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_task_lists_nested_under_plain_points_and_under_tasks_are_each_a_task(lang: str) -> None:
    meeting = parse(NESTED_TASKS[lang])
    expected = NESTED_EXPECTED[lang]
    assert len(meeting.action_items) == len(expected)  # the plain points above them are no tasks
    for fragment, owner, due, status in expected:
        assert facts(task(meeting, fragment)) == ([owner], due, status)
    assert len({item.line for item in meeting.action_items}) == len(expected)


TABLE_CELL_BUG = "the lines of a cell are joined into one task ('…；…') with the second owner as a co-owner, instead of one task per line"


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        case(
            "# 产品周会\n\n日期：2024-03-06\n\n## 待办事项\n\n| 任务 | 负责人 | 截止 |\n| --- | --- | --- |\n| 整理接口文档<br>申请测试账号 | 小周<br>老陈 | 下周五<br>3月20日 |\n| 补充压测脚本 | 阿美 | 3月22日 |\n",
            [("接口文档", "小周", NEXT_FRIDAY), ("测试账号", "老陈", MARCH_20), ("压测脚本", "阿美", dt.date(2024, 3, 22))],
            name="hans",
        ),
        case(
            "# 產品週會\n\n日期：2024-03-06\n\n## 待辦事項\n\n| 任務 | 負責人 | 截止 |\n| --- | --- | --- |\n| 整理介面文件<br>申請測試帳號 | 小周<br>老陳 | 下週五<br>3月20日 |\n| 補充壓測腳本 | 阿美 | 3月22日 |\n",
            [("介面文件", "小周", NEXT_FRIDAY), ("測試帳號", "老陳", MARCH_20), ("壓測腳本", "阿美", dt.date(2024, 3, 22))],
            name="hant",
        ),
        case(
            "# Product sync\n\nDate: 2024-03-06\n\n## Action items\n\n| Task | Owner | Due |\n| --- | --- | --- |\n| Write the API doc<br>Request test accounts | Dana<br>Raj | next Friday<br>March 20 |\n| Add load-test scripts | Ana | March 22 |\n",
            [("API doc", "Dana", NEXT_FRIDAY), ("test accounts", "Raj", MARCH_20), ("load-test scripts", "Ana", dt.date(2024, 3, 22))],
            name="en",
        ),
    ],
)
def test_several_tasks_in_one_table_cell(notes: str, expected: list[tuple[str, str, dt.date]]) -> None:
    meeting = parse(notes)
    assert len(meeting.action_items) == len(expected)
    for fragment, owner, due in expected:
        assert facts(task(meeting, fragment)) == ([owner], due, "not_started")


@pytest.mark.parametrize(
    ("notes", "decided", "fragment", "owner"),
    [
        case(
            "# 产品周会\n\n日期：2024-03-06\n\n| 议题 | 纪要 |\n| --- | --- |\n| 接口评审 | 比较了 OAuth 和 JWT<br>结论：采用 JWT 方案<br>遗留问题：<br>1）整理接口文档——责任人：小周，3月20日前<br>2）申请测试账号——责任人：老陈 |\n",
            "采用 JWT 方案", ("接口文档", "测试账号"), ("小周", "老陈"), name="hans",
        ),
        case(
            "# 產品週會\n\n日期：2024-03-06\n\n| 議題 | 紀要 |\n| --- | --- |\n| 介面評審 | 比較了 OAuth 和 JWT<br>結論：採用 JWT 方案<br>遺留問題：<br>1）整理介面文件——負責人：小周，3月20日前<br>2）申請測試帳號——負責人：老陳 |\n",
            "採用 JWT 方案", ("介面文件", "測試帳號"), ("小周", "老陳"), name="hant",
        ),
        case(
            "# Product sync\n\nDate: 2024-03-06\n\n| Agenda item | Minutes |\n| --- | --- |\n| API review | Compared OAuth and JWT<br>Decision: use JWT<br>Action items:<br>1) Dana to write the API doc by March 20<br>2) Raj to request test accounts |\n",
            "use JWT", ("API doc", "test accounts"), ("Dana", "Raj"), name="en-agenda-item",
        ),
        case(
            "# Product sync\n\nDate: 2024-03-06\n\n| Topic | Minutes |\n| --- | --- |\n| API review | Compared OAuth and JWT<br>Decision: use JWT<br>Action items:<br>1) Dana to write the API doc by March 20<br>2) Raj to request test accounts |\n",
            "use JWT", ("API doc", "test accounts"), ("Dana", "Raj"), name="en-topic",
        ),
    ],
)
def test_several_tasks_in_one_cell_of_an_agenda_table(
    notes: str, decided: str, fragment: tuple[str, str], owner: tuple[str, str]
) -> None:
    """An item's whole minutes in one cell: the discussion, a decision, then numbered tasks."""
    meeting = parse(notes)
    assert len(meeting.agenda) == 1 and decisions(meeting) == [decided]
    assert len(meeting.action_items) == 2
    assert facts(task(meeting, fragment[0])) == ([owner[0]], MARCH_20, "not_started")
    assert facts(task(meeting, fragment[1])) == ([owner[1]], None, "not_started")


GLUED_BUG = "the date glued to the owner's name is read as part of the name: owner '{}', no due date"


@pytest.mark.parametrize(
    ("lang", "line", "fragment", "owner", "due"),
    [
        case("zh-Hans", "- [ ] 整理接口文档 @小周 📅 3/20", "接口文档", "小周", MARCH_20, name="hans-emoji"),
        case("zh-Hant", "- [ ] 整理介面文件 @小周 📅 3/20", "介面文件", "小周", MARCH_20, name="hant-emoji"),
        case("en", "- [ ] Write the API doc @dwu 📅 3/20", "API doc", "dwu", MARCH_20, name="en-emoji"),
        case(
            "zh-Hans", "- [ ] 整理接口文档，负责人：小周3月20日前", "接口文档", "小周", MARCH_20, name="hans-glued",
        ),
        case(
            "zh-Hant", "- [ ] 整理介面文件，負責人：小周3月20日前", "介面文件", "小周", MARCH_20, name="hant-glued",
        ),
        case(
            "en", "- [ ] Write the API doc, owner: Dana Wu 3/20", "API doc", "Dana Wu", MARCH_20, name="en-glued",
        ),
    ],
)
def test_a_date_next_to_the_owner(lang: str, line: str, fragment: str, owner: str, due: dt.date) -> None:
    meeting = parse(OWNER_NOTES[lang].format(line=line))
    assert facts(task(meeting, fragment)) == ([owner], due, "not_started")


# ---------------------------------------------------------------- 6. done items

DONE_NOTES = {
    "zh-Hans": "# 产品周会\n\n日期：2024-03-06\n\n## 待办事项\n\n{line}\n- [ ] 更新错误码表，负责人：小周，3月20日前\n",
    "zh-Hant": "# 產品週會\n\n日期：2024-03-06\n\n## 待辦事項\n\n{line}\n- [ ] 更新錯誤碼表，負責人：小周，3月20日前\n",
    "en": "# Product sync\n\nDate: 2024-03-06\n\n## Action items\n\n{line}\n- [ ] Update the error code table, owner: Dana, due: March 20\n",
}
OPEN_TASK = {"zh-Hans": "错误码表", "zh-Hant": "錯誤碼表", "en": "error code table"}
STRUCK_BUG = "a struck-through line is an open task whose text starts with '~~' and whose owner ends with '~~'"
DONE_WORD_BUG = "the closing '{}' is read as a second owner; the task stays open"


@pytest.mark.parametrize(
    ("lang", "line", "fragment", "owner"),
    [
        case("zh-Hans", "- [x] 整理接口文档，负责人：老陈", "接口文档", "老陈", name="hans-[x]"),
        case("zh-Hans", "- ~~申请测试账号，负责人：老陈~~", "测试账号", "老陈", name="hans-struck"),
        case("zh-Hans", "- 补充压测脚本，负责人：老陈，已完成", "压测脚本", "老陈", name="hans-已完成"),
        case("zh-Hant", "- [x] 整理介面文件，負責人：老陳", "介面文件", "老陳", name="hant-[x]"),
        case("zh-Hant", "- ~~申請測試帳號，負責人：老陳~~", "測試帳號", "老陳", name="hant-struck"),
        case("zh-Hant", "- 補充壓測腳本，負責人：老陳，已完成", "壓測腳本", "老陳", name="hant-已完成"),
        case("en", "- [x] Write the API doc, owner: Raj", "API doc", "Raj", name="en-[x]"),
        case("en", "- ~~Request test accounts, owner: Raj~~", "test accounts", "Raj", name="en-struck"),
        case("en", "- Add load-test scripts, owner: Raj, done", "load-test scripts", "Raj", name="en-done"),
    ],
)
def test_a_done_item_is_done_and_the_checker_leaves_it_alone(
    lang: str, line: str, fragment: str, owner: str
) -> None:
    notes = DONE_NOTES[lang].format(line=line)
    meeting = parse(notes)
    item = task(meeting, fragment)
    assert (owners(item), item.status) == ([owner], "done")
    assert task(meeting, OPEN_TASK[lang]).status == "not_started"
    findings = check_meeting(meeting, notes, "notes.md", load_config(None))
    last = item.end_line or item.line
    assert [f.rule for f in findings if item.line <= f.line <= last] == []


@pytest.mark.parametrize(
    ("lang", "line", "fragment"),
    [
        case("zh-Hans", "~~老陈负责申请测试账号~~", "测试账号", name="hans-struck"),
        case("zh-Hans", "已完成：老陈负责申请测试账号", "测试账号", name="hans-已完成"),
        case("zh-Hant", "~~老陳負責申請測試帳號~~", "測試帳號", name="hant-struck"),
        case("zh-Hant", "已完成：老陳負責申請測試帳號", "測試帳號", name="hant-已完成"),
        case("en", "~~Raj to request test accounts~~", "test accounts", name="en-struck"),
        case("en", "Raj to request test accounts (done)", "test accounts", name="en-done"),
    ],
)
def test_a_done_assignment_in_the_discussion_is_a_done_task(lang: str, line: str, fragment: str) -> None:
    notes = SENTENCE_NOTES[lang].format(line=line)
    meeting = parse(notes)
    item = task(meeting, fragment)
    assert item.status == "done"
    findings = check_meeting(meeting, notes, "notes.md", load_config(None))
    assert [f.rule for f in findings if f.line == item.line] == []


# ---------------------------------------------------------------- 7. what is not a task

@pytest.mark.parametrize(
    ("notes", "present", "absent"),
    [
        case("# 产品周会\n\n日期：2024-03-06\n\n## 参会人员\n\n- [x] 小周\n- [x] 老陈\n- [ ] 阿美\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n", ["小周", "老陈"], ["阿美"], name="hans"),
        case("# 產品週會\n\n日期：2024-03-06\n\n## 出席人員\n\n- [x] 小周\n- [x] 老陳\n- [ ] 阿美\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n", ["小周", "老陳"], ["阿美"], name="hant"),
        case("# Product sync\n\nDate: 2024-03-06\n\n### Attendees\n\n- [x] Dana Wu\n- [x] Raj Mehta\n- [ ] Ana Ruiz\n\n## API review\n\n- Compared OAuth and JWT\n", ["Dana Wu", "Raj Mehta"], ["Ana Ruiz"], name="en"),
    ],
)
def test_an_attendance_check_list_under_an_attendees_heading(notes: str, present: list[str], absent: list[str]) -> None:
    meeting = parse(notes)
    assert meeting.action_items == []
    assert names(meeting.attendees) == present
    assert names(meeting.absentees) == absent
    assert len(meeting.agenda) == 1


ROLE_NOTES = {
    "zh-Hans": ("# 产品周会\n\n日期：2024-03-06\n\n## {section}\n\n- 小周会在下周五前整理接口文档\n- 下次主持：阿美\n- 下周记录人：老陈\n", "讨论", "待办事项", "接口文档"),
    "zh-Hant": ("# 產品週會\n\n日期：2024-03-06\n\n## {section}\n\n- 小周會在下週五前整理介面文件\n- 下次主持：阿美\n- 下週記錄人：老陳\n", "討論", "待辦事項", "介面文件"),
    "en": ("# Product sync\n\nDate: 2024-03-06\n\n## {section}\n\n- Dana to write the API doc by next Friday\n- Next chair: Ana\n- next week note taker: Raj\n", "Discussion", "Action items", "API doc"),
}
ROLES_BUG = "in an action-items section the next meeting's chair and note taker are read as tasks (one of them due 'next week')"


@pytest.mark.parametrize(
    ("lang", "in_actions"),
    [
        case("zh-Hans", False, name="hans-discussion"),
        case("zh-Hant", False, name="hant-discussion"),
        case("en", False, name="en-discussion"),
        case("zh-Hans", True, name="hans-actions"),
        case("zh-Hant", True, name="hant-actions"),
        case("en", True, name="en-actions"),
    ],
)
def test_standing_role_assignments_are_not_tasks(lang: str, in_actions: bool) -> None:
    notes, discussion_heading, actions_heading, fragment = ROLE_NOTES[lang]
    meeting = parse(notes.format(section=actions_heading if in_actions else discussion_heading))
    assert [item.task for item in meeting.action_items] == [task(meeting, fragment).task]


@pytest.mark.parametrize(
    "notes",
    [
        pytest.param("# 产品周会\n\n日期：2024-03-06\n\n## 进展汇报\n\n- 小周汇报：接口文档已完成 80%\n- 老陈：测试环境已完成 80%\n- 阿美汇报了压测结果\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n", id="hans"),
        pytest.param("# 產品週會\n\n日期：2024-03-06\n\n## 進度報告\n\n- 小周報告：介面文件已完成 80%\n- 老陳：測試環境已完成 80%\n- 阿美報告了壓測結果\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n", id="hant"),
        pytest.param("# Product sync\n\nDate: 2024-03-06\n\n## Status\n\n- Dana reported that the API doc is 80% done\n- Raj: test environment 80% done\n- Ana reported the load-test results\n\n## API review\n\n- Compared OAuth and JWT\n", id="en"),
    ],
)
def test_status_reports_are_not_tasks(notes: str) -> None:
    meeting = parse(notes)
    assert meeting.action_items == []
    assert len(meeting.agenda) == 2 and len(meeting.agenda[0].discussion) == 3


PREVIOUS_NOTES = {
    "zh-Hans": ("# 产品周会\n\n日期：2024-03-06\n\n## 上次会议待办\n\n- [x] 小周：整理需求清单\n- [ ] 老陈：申请测试服务器\n\n## 接口评审\n\n- 小周会在下周五前发出接口文档\n", "接口文档"),
    "zh-Hant": ("# 產品週會\n\n日期：2024-03-06\n\n## 上次會議待辦\n\n- [x] 小周：整理需求清單\n- [ ] 老陳：申請測試伺服器\n\n## 介面評審\n\n- 小周會在下週五前寄出介面文件\n", "介面文件"),
    "en": ("# Product sync\n\nDate: 2024-03-06\n\n## Previous action items\n\n- [x] Dana: collect the requirements\n- [ ] Raj: request a test server\n\n## API review\n\n- Dana will send the API doc by next Friday\n", "API doc"),
}


@pytest.mark.parametrize(
    "lang",
    [
        case("zh-Hans", name="hans"),
        case("zh-Hant", name="hant"),
        case("en", name="en"),
    ],
)
def test_the_last_meetings_items_are_not_this_meetings_tasks(lang: str) -> None:
    notes, fragment = PREVIOUS_NOTES[lang]
    meeting = parse(notes)
    assert [item.task for item in meeting.action_items] == [task(meeting, fragment).task]


QUESTION_NOTES = {
    "zh-Hans": ("# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n- 小周会在下周五前发出接口文档\n- 老陈会不会来不及准备测试账号？\n- 测试组担心过期策略\n", "接口文档", "老陈会不会来不及准备测试账号？"),
    "zh-Hant": ("# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n- 小周會在下週五前寄出介面文件\n- 老陳會不會來不及準備測試帳號？\n- 測試組擔心過期策略\n", "介面文件", "老陳會不會來不及準備測試帳號？"),
    "en": ("# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- Compared OAuth and JWT\n- Dana will send the API doc by next Friday\n- Will Raj have the test accounts ready in time?\n- QA worried about token expiry\n", "API doc", "Will Raj have the test accounts ready in time?"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_question_and_the_other_points_of_a_list_with_one_task_are_not_tasks(lang: str) -> None:
    notes, fragment, question = QUESTION_NOTES[lang]
    meeting = parse(notes)
    assert len(meeting.action_items) == 1
    assert facts(task(meeting, fragment))[1] == NEXT_FRIDAY
    assert len(discussion(meeting)) == 4  # every point stays in the minutes, the task's too
    assert question in discussion(meeting)


# ---------------------------------------------------------------- 8. decisions

DECISION_NOTES = {
    "zh-Hans": ("# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n- {line}\n- 测试组担心过期策略\n", "比较了 OAuth 和 JWT", "测试组担心过期策略"),
    "zh-Hant": ("# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n- {line}\n- 測試組擔心過期策略\n", "比較了 OAuth 和 JWT", "測試組擔心過期策略"),
    "en": ("# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- Compared OAuth and JWT\n- {line}\n- QA worried about token expiry\n", "Compared OAuth and JWT", "QA worried about token expiry"),
}
LABELLED_DECISION_BUG = "the label opens a decisions part: the discussion point after the decision is filed as a decision too"


@pytest.mark.parametrize(
    ("lang", "line", "decided"),
    [
        case("zh-Hans", "结论：采用 JWT 方案", "JWT 方案", name="hans-结论"),
        case("zh-Hans", "决定：采用 JWT 方案", "JWT 方案", name="hans-决定"),
        case("zh-Hans", "采用 JWT 方案。表决：通过", "JWT 方案", name="hans-表决通过"),
        case("zh-Hans", "采用 JWT 方案（提议人：老陈）**通过**", "JWT 方案", name="hans-**通过**"),
        case("zh-Hans", "是否采用 JWT 方案？", None, name="hans-是否"),
        case("zh-Hant", "決議：採用 JWT 方案", "JWT 方案", name="hant-決議"),
        case("zh-Hant", "決定：採用 JWT 方案", "JWT 方案", name="hant-決定"),
        case("zh-Hant", "採用 JWT 方案。表決：通過", "JWT 方案", name="hant-表決通過"),
        case("zh-Hant", "採用 JWT 方案（提議人：老陳）**通過**", "JWT 方案", name="hant-**通過**"),
        case("zh-Hant", "是否採用 JWT 方案？", None, name="hant-是否"),
        case("en", "Resolved: use JWT", "use JWT", name="en-resolved"),
        case("en", "Agreed: use JWT", "use JWT", name="en-agreed"),
        case("en", "Decision: use JWT", "use JWT", name="en-decision"),
        case("en", "Use JWT (proposed by Raj) **Approved**", "Use JWT", name="en-**approved**"),
        case("en", "Use JWT. Vote: passed", "Use JWT", name="en-vote-passed"),
        case("en", "Whether to use JWT is still open", None, name="en-whether"),
    ],
)
def test_a_decision_line_among_a_topics_points(lang: str, line: str, decided: str | None) -> None:
    notes, before, after = DECISION_NOTES[lang]
    meeting = parse(notes.format(line=line))
    if decided is None:
        assert decisions(meeting) == []
        assert discussion(meeting) == [before, line, after]
    else:
        assert len(decisions(meeting)) == 1 and decided in decisions(meeting)[0]
        assert discussion(meeting) == [before, after]
    assert meeting.action_items == []


# ---------------------------------------------------------------- 9. meeting information

@pytest.mark.parametrize(
    ("notes", "host", "attendees", "fragment"),
    [
        case("# 产品周会\n\n## 📌 会议信息\n\n- 日期：2024-03-06\n- 主持人：老陈\n- 参会人员：小周、老陈、阿美\n\n## 接口评审\n\n- 小周会在下周五前发出接口文档\n", "老陈", ["小周", "老陈", "阿美"], "接口文档", name="hans"),
        case("# 產品週會\n\n## 會議資訊\n\n- 日期：2024-03-06\n- 主持人：老陳\n- 參會人員：小周、老陳、阿美\n\n## 介面評審\n\n- 小周會在下週五前寄出介面文件\n", "老陳", ["小周", "老陳", "阿美"], "介面文件", name="hant"),
        case("# Product sync\n\n### Meeting info\n\n- Date: 2024-03-06\n- Chair: Raj Mehta\n- Attendees: Dana Wu, Raj Mehta, Ana Ruiz\n\n## API review\n\n- Dana will send the API doc by next Friday\n", "Raj Mehta", ["Dana Wu", "Raj Mehta", "Ana Ruiz"], "API doc", name="en"),
    ],
)
def test_an_information_section_gives_the_date_people_and_relative_deadlines(
    notes: str, host: str, attendees: list[str], fragment: str
) -> None:
    meeting = parse(notes)
    assert meeting.date == dt.date(2024, 3, 6)
    assert meeting.host is not None and meeting.host.name == host
    assert names(meeting.attendees) == attendees
    assert len(meeting.agenda) == 1  # the information section is no agenda item
    assert task(meeting, fragment).due == NEXT_FRIDAY


@pytest.mark.parametrize(
    ("notes", "location", "attendees"),
    [
        case("# 产品周会\n\n##### 会议时间：2024年3月6日 14:00-15:00\n##### 会议地点：三楼会议室\n##### 参会人员：小周、老陈\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n", "三楼会议室", ["小周", "老陈"], name="hans"),
        case("# 產品週會\n\n##### 會議時間：2024年3月6日 14:00-15:00\n##### 會議地點：三樓會議室\n##### 參會人員：小周、老陳\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n", "三樓會議室", ["小周", "老陳"], name="hant"),
        case("# Product sync\n\n##### Time: 2024-03-06 14:00-15:00\n##### Location: Room 3\n##### Attendees: Dana Wu, Raj Mehta\n\n## API review\n\n- Compared OAuth and JWT\n", "Room 3", ["Dana Wu", "Raj Mehta"], name="en"),
    ],
)
def test_location_and_attendees_written_as_headings(notes: str, location: str, attendees: list[str]) -> None:
    meeting = parse(notes)
    assert (meeting.date, meeting.start_time, meeting.end_time) == (dt.date(2024, 3, 6), "14:00", "15:00")
    assert meeting.location == location
    assert names(meeting.attendees) == attendees
    assert len(meeting.agenda) == 1


@pytest.mark.parametrize(
    ("notes", "location"),
    [
        case("# 产品周会\n\nDate/日期：2024-03-06\nTime时间：14:00-15:00\n地点 Location：三楼会议室\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n", "三楼会议室", name="hans"),
        case("# 產品週會\n\n日期/Date：2024-03-06\n時間 Time：14:00-15:00\n地點 Location：三樓會議室\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n", "三樓會議室", name="hant"),
        case("# Product sync\n\nDate/日期: 2024-03-06\nTime时间: 14:00-15:00\nLocation 地点: Room 3\n\n## API review\n\n- Compared OAuth and JWT\n", "Room 3", name="en"),
    ],
)
def test_a_date_with_a_bilingual_label(notes: str, location: str) -> None:
    meeting = parse(notes)
    assert (meeting.date, meeting.start_time, meeting.end_time) == (dt.date(2024, 3, 6), "14:00", "15:00")
    assert meeting.location == location


@pytest.mark.parametrize(
    ("notes", "host", "attendees"),
    [
        case("# 产品周会\n\n| 项目 | 内容 |\n| --- | --- |\n| 日期 | 2024-03-06 |\n| 时间 | 14:00-15:00 |\n| 地点 | 三楼会议室 |\n| 主持人 | 老陈 |\n| 参会人员 | 小周、老陈、阿美 |\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n", "老陈", ["小周", "老陈", "阿美"], name="hans"),
        case("# 產品週會\n\n| 會議時間 | 2024-03-06 14:00-15:00 |\n| --- | --- |\n| 會議地點 | 三樓會議室 |\n| 主持人 | 老陳 |\n| 參會人員 | 小周、老陳、阿美 |\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n", "老陳", ["小周", "老陳", "阿美"], name="hant-no-header-labels"),
        case("# Product sync\n\n| Field | Value |\n| --- | --- |\n| Date | 2024-03-06 |\n| Time | 14:00-15:00 |\n| Location | Room 3 |\n| Chair | Raj Mehta |\n| Attendees | Dana Wu, Raj Mehta, Ana Ruiz |\n\n## API review\n\n- Compared OAuth and JWT\n", "Raj Mehta", ["Dana Wu", "Raj Mehta", "Ana Ruiz"], name="en"),
    ],
)
def test_meeting_information_in_a_two_column_table(notes: str, host: str, attendees: list[str]) -> None:
    meeting = parse(notes)
    assert (meeting.date, meeting.start_time, meeting.end_time) == (dt.date(2024, 3, 6), "14:00", "15:00")
    assert meeting.location
    assert meeting.host is not None and meeting.host.name == host
    assert names(meeting.attendees) == attendees
    assert len(meeting.agenda) == 1


@pytest.mark.parametrize(
    ("notes", "title", "attendees", "fragment"),
    [
        case("---\ntitle: 产品周会\ndate: 2024-03-06\nattendees: [小周, 老陈, 阿美]\n---\n\n## 接口评审\n\n- 小周会在下周五前发出接口文档\n", "产品周会", ["小周", "老陈", "阿美"], "接口文档", name="hans"),
        case("---\ntitle: 產品週會\ndate: 2024-03-06\nattendees: [小周, 老陳, 阿美]\n---\n\n## 介面評審\n\n- 小周會在下週五前寄出介面文件\n", "產品週會", ["小周", "老陳", "阿美"], "介面文件", name="hant"),
        case("---\ntitle: Product sync\ndate: 2024-03-06\nattendees: [Dana Wu, Raj Mehta, Ana Ruiz]\n---\n\n## API review\n\n- Dana will send the API doc by next Friday\n", "Product sync", ["Dana Wu", "Raj Mehta", "Ana Ruiz"], "API doc", name="en"),
    ],
)
def test_yaml_front_matter_with_an_attendee_list(notes: str, title: str, attendees: list[str], fragment: str) -> None:
    meeting = parse(notes)
    assert (meeting.title, meeting.date) == (title, dt.date(2024, 3, 6))
    assert names(meeting.attendees) == attendees
    assert task(meeting, fragment).due == NEXT_FRIDAY
    assert meeting.agenda[0].line == 7  # front matter keeps its lines


TITLE_DATE_NOTES = {
    "zh-Hans": "# 2024-03-06 产品周会\n\n## 待办事项\n\n- 小周：下周五前发出接口文档\n- 老陈：15号前申请测试账号\n- 阿美：两周内补充压测脚本\n",
    "zh-Hant": "# 20240306 產品週會\n\n## 待辦事項\n\n- 小周：下週五前寄出介面文件\n- 老陳：15號前申請測試帳號\n- 阿美：兩週內補充壓測腳本\n",
    "en": "# Product sync\n\nDate: 2024-03-06\n\n## Action items\n\n- Dana: send the API doc by next Friday\n- Raj: request test accounts, due: the 15th\n- Ana: add load-test scripts, due: within two weeks\n",
}
TITLE_DATE_TASKS = {
    "zh-Hans": ("接口文档", "测试账号", "压测脚本"),
    "zh-Hant": ("介面文件", "測試帳號", "壓測腳本"),
    "en": ("API doc", "test accounts", "load-test scripts"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_deadlines_a_day_of_the_month_and_within_two_weeks(lang: str) -> None:
    """``15号`` / ``15號`` / ``the 15th`` and ``两周内`` / ``兩週內`` / ``within two weeks``."""
    meeting = parse(TITLE_DATE_NOTES[lang])
    friday, fifteenth, fortnight = TITLE_DATE_TASKS[lang]
    assert meeting.date == dt.date(2024, 3, 6)
    assert task(meeting, friday).due == NEXT_FRIDAY
    assert task(meeting, fifteenth).due == dt.date(2024, 3, 15)
    assert task(meeting, fortnight).due == MARCH_20


@pytest.mark.parametrize(
    ("notes", "fragment", "due"),
    [
        case("# 产品周会\n\n日期：2024-03-06\n\n## 待办事项\n\n- 老陈：15号前申请测试账号\n", "测试账号", dt.date(2024, 3, 15), name="hans-15号"),
        case("# 產品週會\n\n日期：2024-03-06\n\n## 待辦事項\n\n- 阿美：兩週內補充壓測腳本\n", "壓測腳本", MARCH_20, name="hant-兩週內"),
        case(
            "# Product sync\n\nDate: 2024-03-06\n\n## Action items\n\n- Raj: request test accounts by the 15th\n", "test accounts", dt.date(2024, 3, 15),
            name="en-by-the-15th",
        ),
        case(
            "# Product sync\n\nDate: 2024-03-06\n\n## Action items\n\n- Ana: add load-test scripts within two weeks\n", "load-test scripts", MARCH_20,
            name="en-within-two-weeks",
        ),
    ],
)
def test_a_deadline_in_the_words_of_the_task(notes: str, fragment: str, due: dt.date) -> None:
    assert task(parse(notes), fragment).due == due


@pytest.mark.parametrize(
    ("notes", "title", "fragment"),
    [
        case("# 2024-03-06 产品周会\n\n## 待办事项\n\n- 小周：下周五前发出接口文档\n", "产品周会", "接口文档", name="hans"),
        case("# 20240306 產品週會\n\n## 待辦事項\n\n- 小周：下週五前寄出介面文件\n", "產品週會", "介面文件", name="hant"),
        case(
            "# Product sync 2024-03-06\n\n## Action items\n\n- Dana: send the API doc by next Friday\n", "Product sync", "API doc",
            name="en",
        ),
    ],
)
def test_a_title_with_the_date_keeps_its_words_and_dates_the_deadlines(notes: str, title: str, fragment: str) -> None:
    meeting = parse(notes)
    assert meeting.title is not None and title in meeting.title
    assert meeting.date == dt.date(2024, 3, 6)
    assert task(meeting, fragment).due == NEXT_FRIDAY


@pytest.mark.parametrize(
    ("notes", "fragment", "due"),
    [
        case("# 业委会例会\n\n日期：114年3月11日\n\n## 待办事项\n\n- 小周：114年3月20日前提交维修报价\n", "维修报价", dt.date(2025, 3, 20), name="hans"),
        case("# 管委會例會\n\n日期：114/3/11\n\n## 待辦事項\n\n- 小周：114/3/20 前提交維修報價\n", "維修報價", dt.date(2025, 3, 20), name="hant"),
        case("# Committee meeting\n\nDate: 114/3/11\n\n## Action items\n\n- Dana: send the repair quote by next Friday\n", "repair quote", dt.date(2025, 3, 21), name="en"),
    ],
)
def test_roc_dates_for_the_meeting_and_its_deadlines(notes: str, fragment: str, due: dt.date) -> None:
    meeting = parse(notes)
    assert meeting.date == dt.date(2025, 3, 11)
    assert task(meeting, fragment).due == due


@pytest.mark.parametrize(
    ("notes", "fragments"),
    [
        case("# 2018 春季团队例会\n\n日期：4/28（周六）\n\n## 待办事项\n\n- 小周：5/2 前订好场地\n- 老陈：下周五前发通知\n", ("场地", "通知"), name="hans"),
        case("# 2018 春季團隊例會\n\n日期：4/28（週六）\n\n## 待辦事項\n\n- 小周：5/2 前訂好場地\n- 老陳：下週五前發通知\n", ("場地", "通知"), name="hant"),
        case("# 2018 spring team meeting\n\nDate: 4/28 (Sat)\n\n## Action items\n\n- Dana: book the venue by 5/2\n- Raj: send the notice by next Friday\n", ("venue", "notice"), name="en"),
    ],
)
def test_deadlines_of_a_meeting_dated_by_weekday_and_the_titles_year(notes: str, fragments: tuple[str, str]) -> None:
    meeting = parse(notes)
    assert meeting.date == dt.date(2018, 4, 28)  # a Saturday
    venue, notice = fragments
    assert task(meeting, venue).due == dt.date(2018, 5, 2)
    assert task(meeting, notice).due == dt.date(2018, 5, 4)  # the Friday of the following week


@pytest.mark.parametrize(
    ("notes", "fragment"),
    [
        case("# 产品周会\n\n日期：25/09/2019\n\n## 待办事项\n\n- 小周：30/09/2019 前提交报价\n", "报价", name="hans"),
        case("# 產品週會\n\n日期：25/09/2019\n\n## 待辦事項\n\n- 小周：30/09/2019 前提交報價\n", "報價", name="hant"),
        case("# Product sync\n\nDate: 25/09/2019\n\n## Action items\n\n- Dana: send the quote by 30/09/2019\n", "quote", name="en"),
    ],
)
def test_an_unambiguous_day_first_date(notes: str, fragment: str) -> None:
    meeting = parse(notes)
    assert meeting.date == dt.date(2019, 9, 25)
    assert task(meeting, fragment).due == dt.date(2019, 9, 30)


@pytest.mark.parametrize(
    ("notes", "fragment"),
    [
        case("# 产品周会\n\n日期：03/04/2019\n\n## 待办事项\n\n- [ ] 提交报价，负责人：小周，截止：05/04/2019\n", "报价", name="hans"),
        case("# 產品週會\n\n日期：03/04/2019\n\n## 待辦事項\n\n- [ ] 提交報價，負責人：小周，截止：05/04/2019\n", "報價", name="hant"),
        case("# Supplier call\n\nDate: 03/04/2019\nAttendees: Dana Wu, Raj Mehta\n\n## Action items\n\n- [ ] Send the quote, owner: Dana Wu, due: 05/04/2019\n", "quote", name="en"),
    ],
)
def test_an_ambiguous_day_first_date_needs_a_date_order(notes: str, fragment: str) -> None:
    guessed = parse(notes)
    assert guessed.date is None
    assert task(guessed, fragment).due is None
    assert task(guessed, fragment).due_text == "05/04/2019"  # kept for the checker to report
    meeting = parse(notes, date_order="dmy")
    assert meeting.date == dt.date(2019, 4, 3)
    assert task(meeting, fragment).due == dt.date(2019, 4, 5)


# ---------------------------------------------------------------- 10. attendees

@pytest.mark.parametrize(
    ("notes", "attendees"),
    [
        case("# 产品周会\n\n日期：2024-03-06\n参会人员：@小周 @老陈 @阿美\n\n## 接口评审\n\n- 比较\n", ["小周", "老陈", "阿美"], name="hans-@"),
        case("# 產品週會\n\n日期：2024-03-06\n參會人員：@小周 @老陳 @阿美\n\n## 介面評審\n\n- 比較\n", ["小周", "老陳", "阿美"], name="hant-@"),
        case("# Product sync\n\nDate: 2024-03-06\nAttendees: @dana @raj @ana\n\n## API review\n\n- Compared\n", ["dana", "raj", "ana"], name="en-@"),
        case("# 产品周会\n\n参会人员：小周，老陈，阿美\n\n## 接口评审\n\n- 比较\n", ["小周", "老陈", "阿美"], name="hans-，"),
        case("# 產品週會\n\n出席：小周、老陳、阿美\n\n## 介面評審\n\n- 比較\n", ["小周", "老陳", "阿美"], name="hant-、"),
        case("# Product sync\n\nAttendees: Dana Wu, Raj Mehta, Ana Ruiz\n\n## API review\n\n- Compared\n", ["Dana Wu", "Raj Mehta", "Ana Ruiz"], name="en-,"),
    ],
)
def test_attendees_as_handles_and_separated_lists(notes: str, attendees: list[str]) -> None:
    meeting = parse(notes)
    assert names(meeting.attendees) == attendees
    assert meeting.action_items == []


@pytest.mark.parametrize(
    ("notes", "people"),
    [
        case("# 产品周会\n\n## 参会人员\n\n- 小周（研发部）\n- 老陈（设计部）\n\n## 接口评审\n\n- 比较\n", [("研发部", "小周"), ("设计部", "老陈")], name="hans-(org)"),
        case("# 產品週會\n\n## 參與者\n\n- 小周（研發部）\n- 老陳（設計部）\n\n## 介面評審\n\n- 比較\n", [("研發部", "小周"), ("設計部", "老陳")], name="hant-參與者-(org)"),
        case("# 產品週會\n\n## 出席人員\n\n* 小周 - 工程師，研發部\n* 老陳 - 主任，設計部\n\n## 介面評審\n\n- 比較\n", [("研發部", "小周"), ("設計部", "老陳")], name="hant-出席人員-role-org"),
        case("# Product sync\n\n## Present\n\n- Dana Wu (Acme)\n- Raj Mehta (Globex)\n\n## API review\n\n- Compared\n", [("Acme", "Dana Wu"), ("Globex", "Raj Mehta")], name="en-present-(org)"),
        case("# Product sync\n\n### Attendees\n\n* Dana Wu - Chair, Acme\n* Raj Mehta - Engineer, Globex\n\n## API review\n\n- Compared\n", [("Acme", "Dana Wu"), ("Globex", "Raj Mehta")], name="en-attendees-role-org"),
    ],
)
def test_attendee_lists_with_organisations_and_roles(notes: str, people: list[tuple[str, str]]) -> None:
    meeting = parse(notes)
    assert [(a.department, a.name) for a in meeting.attendees] == people
    assert len(meeting.agenda) == 1 and meeting.action_items == []


@pytest.mark.parametrize(
    ("notes", "attendees"),
    [
        case("# 产品周会\n\n参会人员：\n线上：小周、老陈\n现场：阿美\n\n## 接口评审\n\n- 比较\n", ["小周", "老陈", "阿美"], name="hans-label"),
        case("# 產品週會\n\n## 出席人員\n\n線上：小周、老陳\n現場：阿美\n\n## 介面評審\n\n- 比較\n", ["小周", "老陳", "阿美"], name="hant-heading"),
        case("# Product sync\n\n## Attendees\n\n- Online: Dana Wu, Raj Mehta\n- In person: Ana Ruiz\n\n## API review\n\n- Compared\n", ["Dana Wu", "Raj Mehta", "Ana Ruiz"], name="en-heading"),
        case(
            "# 产品周会\n\n线上：小周、老陈\n现场：阿美\n\n## 接口评审\n\n- 比较\n", ["小周", "老陈", "阿美"], name="hans-no-label",
        ),
        case(
            "# 產品週會\n\n線上：小周、老陳\n現場：阿美\n\n## 介面評審\n\n- 比較\n", ["小周", "老陳", "阿美"], name="hant-no-label",
        ),
        case(
            "# Product sync\n\nRemote: Dana Wu, Raj Mehta\nIn the room: Ana Ruiz\n\n## API review\n\n- Compared\n", ["Dana Wu", "Raj Mehta", "Ana Ruiz"], name="en-no-label",
        ),
    ],
)
def test_attendees_split_into_online_and_in_the_room(notes: str, attendees: list[str]) -> None:
    meeting = parse(notes)
    assert names(meeting.attendees) == attendees
    assert len(meeting.agenda) == 1


@pytest.mark.parametrize(
    ("notes", "present", "absent"),
    [
        case("# 产品周会\n\n## 参会人员\n\n| 姓名 | 出席 |\n| --- | --- |\n| 小周 | √ |\n| 老陈 | ✗ |\n| 阿美 | √ |\n\n## 接口评审\n\n- 比较\n", ["小周", "阿美"], ["老陈"], name="hans"),
        case("# 產品週會\n\n## 出席人員\n\n| 姓名 | 出席 |\n| --- | --- |\n| 小周 | √ |\n| 老陳 | ✗ |\n| 阿美 | √ |\n\n## 介面評審\n\n- 比較\n", ["小周", "阿美"], ["老陳"], name="hant"),
        case("# Product sync\n\n## Attendance\n\n| Name | Present |\n| --- | --- |\n| Dana Wu | √ |\n| Raj Mehta | ✗ |\n| Ana Ruiz | √ |\n\n## API review\n\n- Compared\n", ["Dana Wu", "Ana Ruiz"], ["Raj Mehta"], name="en"),
    ],
)
def test_an_attendance_table_with_ticks_and_crosses(notes: str, present: list[str], absent: list[str]) -> None:
    meeting = parse(notes)
    assert names(meeting.attendees) == present
    assert names(meeting.absentees) == absent
    assert len(meeting.agenda) == 1 and meeting.action_items == []


# ---------------------------------------------------------------- 11. agenda

@pytest.mark.parametrize(
    ("notes", "topics"),
    [
        case("# 产品周会\n\n日期：2024-03-06\n\n## 本次议题\n\n### 接口评审\n\n- 比较了 OAuth 和 JWT\n\n### 压测计划\n\n- 下周开始压测\n", ["接口评审", "压测计划"], name="hans-本次议题"),
        case("# 產品週會\n\n日期：2024-03-06\n\n## 本次議題\n\n### 介面評審\n\n- 比較了 OAuth 和 JWT\n\n### 壓測計畫\n\n- 下週開始壓測\n", ["介面評審", "壓測計畫"], name="hant-本次議題"),
        case("# Product sync\n\nDate: 2024-03-06\n\n## Agenda\n\n### API review\n\n- Compared OAuth and JWT\n\n### Load testing\n\n- Starts next week\n", ["API review", "Load testing"], name="en-agenda"),
        case("# Product sync\n\nDate: 2024-03-06\n\n## Discussion\n\n### API review\n\n- Compared OAuth and JWT\n\n### Load testing\n\n- Starts next week\n", ["API review", "Load testing"], name="en-discussion"),
    ],
)
def test_a_container_heading_holds_the_topics(notes: str, topics: list[str]) -> None:
    meeting = parse(notes)
    assert titles(meeting) == topics
    assert all(len(item.discussion) == 1 for item in meeting.agenda)


@pytest.mark.parametrize(
    ("notes", "topics"),
    [
        case("# 产品周会\n\n议程：\n1. 接口评审\n2. 压测计划\n\n## 接口评审\n\n- 比较了 OAuth 和 JWT\n\n## 压测计划\n\n- 下周开始压测\n", ["接口评审", "压测计划"], name="hans"),
        case("# 產品週會\n\n議程：\n1. 介面評審\n2. 壓測計畫\n\n## 介面評審\n\n- 比較了 OAuth 和 JWT\n\n## 壓測計畫\n\n- 下週開始壓測\n", ["介面評審", "壓測計畫"], name="hant"),
        case("# Product sync\n\n## Agenda\n\n1. API review\n2. Load testing\n\n## API review\n\n- Compared OAuth and JWT\n\n## Load testing\n\n- Starts next week\n", ["API review", "Load testing"], name="en"),
    ],
)
def test_a_numbered_agenda_mirrored_by_sections_counts_once(notes: str, topics: list[str]) -> None:
    meeting = parse(notes)
    assert titles(meeting) == topics
    assert all(item.discussion for item in meeting.agenda)


@pytest.mark.parametrize(
    ("notes", "topics"),
    [
        case("# 产品周会\n\n## 议程\n- [x] 接口评审\n- [ ] 压测计划\n\n## 接口评审\n- 比较了 OAuth 和 JWT\n\n## 压测计划\n- 下周开始压测\n", ["接口评审", "压测计划"], name="hans"),
        case("# 產品週會\n\n## 議程\n- [x] 介面評審\n- [ ] 壓測計畫\n\n## 介面評審\n- 比較了 OAuth 和 JWT\n\n## 壓測計畫\n- 下週開始壓測\n", ["介面評審", "壓測計畫"], name="hant"),
        case("# Product sync\n\n## Agenda\n- [x] API review\n- [ ] Load testing\n\n## API review\n- Compared OAuth and JWT\n\n## Load testing\n- Starts next week\n", ["API review", "Load testing"], name="en"),
    ],
)
def test_an_agenda_check_list_mirrored_by_sections_is_the_agenda_once_and_no_tasks(notes: str, topics: list[str]) -> None:
    meeting = parse(notes)
    assert titles(meeting) == topics
    assert meeting.action_items == []
    assert all(len(item.discussion) == 1 for item in meeting.agenda)


PLAIN_AGENDA_BUG = "the numbered agenda lines under the label give no agenda items with times (in English the times stay in the titles)"


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        case(
            "# 季度规划会\n\n日期：2024-03-06\n\n会议议程：\n1、开场与目标  09:30~09:45  15min  老陈\n2、接口评审  09:45~10:15  30min  小周\n3、容量规划评审  10:15~10:45  30min  阿美\n",
            [("开场与目标", "09:30", "09:45"), ("接口评审", "09:45", "10:15"), ("容量规划评审", "10:15", "10:45")],
            name="hans",
        ),
        case(
            "# 季度規劃會\n\n日期：2024-03-06\n\n會議議程：\n1、開場與目標  09:30~09:45  15min  老陳\n2、介面評審  09:45~10:15  30min  小周\n3、容量規劃評審  10:15~10:45  30min  阿美\n",
            [("開場與目標", "09:30", "09:45"), ("介面評審", "09:45", "10:15"), ("容量規劃評審", "10:15", "10:45")],
            name="hant",
        ),
        case(
            "# Quarterly planning\n\nDate: 2024-03-06\n\nAgenda:\n1. Opening and goals  09:30~09:45  15min  Raj\n2. API review  09:45~10:15  30min  Dana\n3. Capacity planning  10:15~10:45  30min  Ana\n",
            [("Opening and goals", "09:30", "09:45"), ("API review", "09:45", "10:15"), ("Capacity planning", "10:15", "10:45")],
            name="en",
        ),
    ],
)
def test_a_plain_text_numbered_agenda_with_times(notes: str, expected: list[tuple[str, str, str]]) -> None:
    meeting = parse(notes)
    assert [(item.title, item.start_time, item.end_time) for item in meeting.agenda] == expected
    assert meeting.action_items == []


@pytest.mark.parametrize(
    ("notes", "title", "topics"),
    [
        case("# 产品周会\n\n日期：2024-03-06\n\n###### 接口评审\n\n- 比较了 OAuth 和 JWT\n\n###### 压测计划\n\n- 下周开始压测\n", "产品周会", ["接口评审", "压测计划"], name="hans-######"),
        case("#產品週會\n\n日期：2024-03-06\n\n##介面評審\n\n- 比較了 OAuth 和 JWT\n\n##壓測計畫\n\n- 下週開始壓測\n", "產品週會", ["介面評審", "壓測計畫"], name="hant-no-space"),
        case("# Product sync\n\nDate: 2024-03-06\n\n###### API review\n\n- Compared OAuth and JWT\n\n###### Load testing\n\n- Starts next week\n", "Product sync", ["API review", "Load testing"], name="en-######"),
        case("#Product sync\n\nDate: 2024-03-06\n\n##API review\n\n- Compared OAuth and JWT\n\n##Load testing\n\n- Starts next week\n", "Product sync", ["API review", "Load testing"], name="en-no-space"),
    ],
)
def test_six_hash_headings_and_headings_without_a_space(notes: str, title: str, topics: list[str]) -> None:
    meeting = parse(notes)
    assert meeting.title == title
    assert titles(meeting) == topics


@pytest.mark.parametrize(
    ("notes", "topic"),
    [
        case(
            "# 产品周会\n\n## 参会人员\n- 小周\n- 老陈\n\n## 接口评审\n- 比较了 OAuth 和 JWT\n\n## 相关链接\n- https://example.com/doc\n\n## 聊天记录\n- 谢谢大家\n",
            "接口评审", name="hans",
        ),
        case(
            "# 產品週會\n\n## 參會人員\n- 小周\n- 老陳\n\n## 介面評審\n- 比較了 OAuth 和 JWT\n\n## 相關連結\n- https://example.com/doc\n\n## 聊天紀錄\n- 謝謝大家\n",
            "介面評審", name="hant",
        ),
        case(
            "# Product sync\n\n## Attendees\n- Dana Wu\n- Raj Mehta\n\n## API review\n- Compared OAuth and JWT\n\n## Links\n- https://example.com/doc\n\n## Chat\n- thanks all\n",
            "API review", name="en",
        ),
    ],
)
def test_attendees_links_and_chat_sections_are_not_agenda_items(notes: str, topic: str) -> None:
    meeting = parse(notes)
    assert titles(meeting) == [topic]
    assert len(meeting.attendees) == 2


# ---------------------------------------------------------------- 12. the text itself

@pytest.mark.parametrize(
    ("notes", "points"),
    [
        case("# 版本规划会\n\n日期：2024-03-06\n\n## 发布计划\n\n- 24.09 版本修复登录问题\n- v2.3 版本加入导出\n- 3.1 版本下线旧接口\n", ["24.09 版本修复登录问题", "v2.3 版本加入导出", "3.1 版本下线旧接口"], name="hans"),
        case("# 版本規劃會\n\n日期：2024-03-06\n\n## 發布計畫\n\n- 24.09 版本修復登入問題\n- v2.3 版本加入匯出\n- 3.1 版本下線舊介面\n", ["24.09 版本修復登入問題", "v2.3 版本加入匯出", "3.1 版本下線舊介面"], name="hant"),
        case("# Release planning\n\nDate: 2024-03-06\n\n## Release plan\n\n- 24.09 fixes the login bug\n- v2.3 adds export\n- 3.1 drops the old API\n", ["24.09 fixes the login bug", "v2.3 adds export", "3.1 drops the old API"], name="en"),
    ],
)
def test_version_numbers_in_a_list_are_neither_numbering_nor_dates(notes: str, points: list[str]) -> None:
    meeting = parse(notes)
    assert meeting.date == dt.date(2024, 3, 6)
    assert discussion(meeting) == points
    assert meeting.action_items == []


@pytest.mark.parametrize(
    ("notes", "fragment"),
    [
        case("# 版本规划会\n\n日期：2024-03-06\n\n## 待办事项\n\n- 小周：24.09 版本修复登录问题\n", "24.09 版本", name="hans"),
        case("# 版本規劃會\n\n日期：2024-03-06\n\n## 待辦事項\n\n- 小周：v2.3 版本加入匯出\n", "v2.3 版本", name="hant"),
        case("# Release planning\n\nDate: 2024-03-06\n\n## Action items\n\n- Dana: ship 24.09 with the login fix\n", "24.09", name="en"),
    ],
)
def test_a_version_number_in_a_task_is_no_deadline(notes: str, fragment: str) -> None:
    item = task(parse(notes), fragment)
    assert (item.due, item.due_text) == (None, None)


DEEP_WORDS = {
    "zh-Hans": ["甲方案", "乙方案", "丙方案", "丁方案", "戊方案", "己方案", "庚方案", "辛方案", "壬方案", "癸方案"],
    "zh-Hant": ["甲選項", "乙選項", "丙選項", "丁選項", "戊選項", "己選項", "庚選項", "辛選項", "壬選項", "癸選項"],
    "en": ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"],
}
DEEP_AFTER = {
    "zh-Hans": ("# 架构评审\n## 架构\n", "- 收尾意见\n## 待办事项\n- 小周：下周五前出方案\n", ["收尾意见", "出方案"]),
    "zh-Hant": ("# 架構評審\n## 架構\n", "- 收尾意見\n## 待辦事項\n- 小周：下週五前出方案\n", ["收尾意見", "出方案"]),
    "en": ("# Architecture review\n## Architecture\n", "- kilo closing point\n## Action items\n- Dana: send the plan by next Friday\n", ["kilo", "send the plan"]),
}


@pytest.mark.parametrize(
    "lang",
    [case("zh-Hans", name="hans"), case("zh-Hant", name="hant"), case("en", name="en")],
)
def test_an_outline_ten_levels_deep_keeps_every_word(lang: str) -> None:
    head, tail, after = DEEP_AFTER[lang]
    outline = "\n".join("  " * depth + f"- {word} point" for depth, word in enumerate(DEEP_WORDS[lang]))
    meeting = parse(head + outline + "\n" + tail)
    text = every_word(meeting)
    missing = [word for word in [*DEEP_WORDS[lang], *after] if word not in text]
    assert missing == []
    assert len(meeting.agenda) == 1 and len(meeting.action_items) == 1


@pytest.mark.parametrize(
    ("notes", "parent", "child", "sibling"),
    [
        case("# 产品周会\n\n日期：2024-03-06\n\n## 接口评审\n\n- 鉴权方案\n  - 倾向 OAuth，兼容旧客户端\n- 限流策略\n  - 每秒一百次\n", "鉴权方案", "倾向 OAuth，兼容旧客户端", "限流策略", name="hans"),
        case("# 產品週會\n\n日期：2024-03-06\n\n## 介面評審\n\n- 驗證方案\n  - 傾向 OAuth，相容舊用戶端\n- 限流策略\n  - 每秒一百次\n", "驗證方案", "傾向 OAuth，相容舊用戶端", "限流策略", name="hant"),
        case("# Product sync\n\nDate: 2024-03-06\n\n## API review\n\n- Auth scheme\n  - leaning to OAuth for old clients\n- Rate limits\n  - a hundred calls a second\n", "Auth scheme", "leaning to OAuth for old clients", "Rate limits", name="en"),
    ],
)
def test_a_nested_discussion_keeps_a_sub_point_with_its_parent(notes: str, parent: str, child: str, sibling: str) -> None:
    meeting = parse(notes)
    entries = discussion(meeting)
    assert len(entries) == 2
    assert parent in entries[0] and child in entries[0]
    assert sibling in entries[1] and child not in entries[1]
    assert meeting.action_items == []
