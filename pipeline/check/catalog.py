"""Rules of the checker and their messages in the three languages of the notes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
LANGUAGES = ("zh-Hans", "zh-Hant", "en")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity  # default; vague-term depends on where the term stands
    summary: str  # English, for --format sarif and the README


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("vague-term", "error", "Vague wording in a decision, a task or a discussion point."),
        Rule("missing-owner", "error", "An action item has no responsible person."),
        Rule("multiple-owners", "error", "An action item has more than one responsible person."),
        Rule("missing-due", "error", "An action item has no deadline."),
        Rule("unparsed-date", "error", "A date is written but cannot be read as a date."),
        Rule("due-before-meeting", "error", "A deadline falls before the meeting date."),
        Rule("start-after-due", "error", "An action item starts after its deadline."),
        Rule("missing-acceptance", "warning", "An action item has no completion standard."),
        Rule("placeholder", "error", "A template placeholder was never filled in."),
        Rule(
            "duplicate-task-id",
            "error",
            "Two action items of one meeting have the same id.",
        ),
        Rule(
            "unknown-task-id",
            "warning",
            "An update names a task id that no notes in its folder (or given to check) assign.",
        ),
        Rule(
            "conflicting-update",
            "warning",
            "Two updates in one note on the same earlier task disagree on its status or due date.",
        ),
        Rule(
            "looks-like-task",
            "warning",
            "A decision names who does it and by when, but is not among the action items.",
        ),
        Rule(
            "missing-meeting-info",
            "warning",
            "Date, time, location, host, recorder or attendees are missing.",
        ),
        Rule("absent-without-reason", "warning", "An absentee is listed without a reason."),
        Rule("owner-absent", "info", "The responsible person was absent from the meeting."),
        Rule("informal-name", "info", "The responsible person is given by a nickname."),
        Rule(
            "unknown-rule-in-comment",
            "warning",
            "A minutes-disable comment names a rule that does not exist.",
        ),
        Rule("unused-suppression", "info", "A minutes-disable comment silences nothing."),
        Rule(
            "unread-text",
            "info",
            "A line of the notes was not read into any part of the minutes.",
        ),
    )
}

MESSAGES: dict[str, dict[str, str]] = {
    "vague-term": {
        "zh-Hans": "模糊用语“{term}”",
        "zh-Hant": "模糊用語「{term}」",
        "en": 'vague wording "{term}"',
    },
    "vague-term-owner": {
        "zh-Hans": "负责人写成了“{term}”，不是具体的人",
        "zh-Hant": "負責人寫成了「{term}」，不是具體的人",
        "en": 'the owner is "{term}", not a person',
    },
    "missing-owner": {
        "zh-Hans": "行动项“{task}”没有负责人",
        "zh-Hant": "行動項「{task}」沒有負責人",
        "en": 'action item "{task}" has no owner',
    },
    "missing-owner-department": {
        "zh-Hans": "行动项“{task}”只写了部门“{owner}”，没有具体负责人",
        "zh-Hant": "行動項「{task}」只寫了部門「{owner}」，沒有具體負責人",
        "en": 'action item "{task}" names only the department "{owner}", no person',
    },
    "missing-owner-group": {
        "zh-Hans": "行动项“{task}”的负责人“{owner}”不是具体的人",
        "zh-Hant": "行動項「{task}」的負責人「{owner}」不是具體的人",
        "en": 'action item "{task}": owner "{owner}" is not a person',
    },
    "missing-owner.suggestion": {
        "zh-Hans": "写明一位第一负责人（部门+姓名），如“设计部 陈主管”",
        "zh-Hant": "寫明一位第一負責人（部門+姓名），如「設計部 陳主任」",
        "en": 'name one responsible person (department + name), e.g. "Design: Emily Park"',
    },
    "multiple-owners": {
        "zh-Hans": "行动项“{task}”有{count}位负责人：{owners}",
        "zh-Hant": "行動項「{task}」有{count}位負責人：{owners}",
        "en": 'action item "{task}" has {count} owners: {owners}',
    },
    "multiple-owners.suggestion": {
        "zh-Hans": "只保留一位第一负责人，其余写为协同人",
        "zh-Hant": "只保留一位第一負責人，其餘寫為協同人",
        "en": "keep one responsible person; list the others as collaborators",
    },
    "missing-due": {
        "zh-Hans": "行动项“{task}”没有截止日期",
        "zh-Hant": "行動項「{task}」沒有截止日期",
        "en": 'action item "{task}" has no due date',
    },
    "missing-due-relative": {
        "zh-Hans": "行动项“{task}”的截止“{text}”无法换算成日期：纪要没有写会议日期",
        "zh-Hant": "行動項「{task}」的截止「{text}」無法換算成日期：紀錄沒有寫會議日期",
        "en": 'action item "{task}": "{text}" is no date, since the notes do not say when the meeting was',
    },
    "missing-due.suggestion": {
        "zh-Hans": "写明截止日期，如“截止：11月15日”",
        "zh-Hant": "寫明截止日期，如「截止：11月15日」",
        "en": 'add a due date, e.g. "due: 2026-03-20"',
    },
    "unparsed-date": {
        "zh-Hans": "“{text}”不是可识别的日期",
        "zh-Hant": "「{text}」不是可辨識的日期",
        "en": '"{text}" is not a date that can be read',
    },
    "unparsed-date.suggestion": {
        "zh-Hans": "写成明确的日期，如“2023年11月15日”或“2023-11-15”",
        "zh-Hant": "寫成明確的日期，如「2023年11月15日」或「2023-11-15」",
        "en": 'write a calendar date, e.g. "2026-03-20" or "20 March 2026"',
    },
    "due-before-meeting": {
        "zh-Hans": "截止日期{due}早于会议日期{date}",
        "zh-Hant": "截止日期{due}早於會議日期{date}",
        "en": "due date {due} is before the meeting date {date}",
    },
    "due-before-meeting.suggestion": {
        "zh-Hans": "核对截止日期（年份或月份是否写错）",
        "zh-Hant": "核對截止日期（年份或月份是否寫錯）",
        "en": "check the due date (wrong year or month?)",
    },
    "start-after-due": {
        "zh-Hans": "开始日期{start}晚于截止日期{due}",
        "zh-Hant": "開始日期{start}晚於截止日期{due}",
        "en": "start date {start} is after the due date {due}",
    },
    "start-after-due.suggestion": {
        "zh-Hans": "核对开始日期和截止日期",
        "zh-Hant": "核對開始日期和截止日期",
        "en": "check the start and due dates",
    },
    "missing-acceptance": {
        "zh-Hans": "行动项“{task}”没有完成标准",
        "zh-Hant": "行動項「{task}」沒有完成標準",
        "en": 'action item "{task}" has no completion standard',
    },
    "missing-acceptance.suggestion": {
        "zh-Hans": "写明可衡量的完成标准，如“通过测试部全流程验证，无兼容性bug”",
        "zh-Hant": "寫明可衡量的完成標準，如「通過測試部全流程驗證，無相容性錯誤」",
        "en": 'add a measurable "done when", e.g. "passes QA regression with no P1 bugs"',
    },
    "placeholder": {
        "zh-Hans": "模板占位符“{text}”没有填写",
        "zh-Hant": "範本佔位符「{text}」沒有填寫",
        "en": 'template placeholder "{text}" was never filled in',
    },
    "placeholder.suggestion": {
        "zh-Hans": "填入真实的内容（日期、姓名等）",
        "zh-Hant": "填入真實的內容（日期、姓名等）",
        "en": "fill in the real value (date, name …)",
    },
    "duplicate-task-id": {
        "zh-Hans": "任务编号“{id}”与第{first}行的行动项重复",
        "zh-Hant": "任務編號「{id}」與第{first}行的行動項重複",
        "en": 'task id "{id}" is already used by the action item on line {first}',
    },
    "duplicate-task-id.suggestion": {
        "zh-Hans": "给每项任务一个不同的编号，或删去编号（将按会议日期和顺序编号）",
        "zh-Hant": "給每項任務一個不同的編號，或刪去編號（將按會議日期和順序編號）",
        "en": "give each task its own id, or drop the id (the meeting date and position are used)",
    },
    "unknown-task-id": {
        "zh-Hans": "任务编号“{id}”不在本文件夹（或一并检查）的纪要里",
        "zh-Hant": "任務編號「{id}」不在本資料夾（或一併檢查）的紀錄裡",
        "en": 'no notes in this folder (or checked with these) have a task with the id "{id}"',
    },
    "unknown-task-id.suggestion": {
        "zh-Hans": "核对编号是否写错，或把布置这项任务的纪要一并检查",
        "zh-Hant": "核對編號是否寫錯，或把交辦這項任務的紀錄一併檢查",
        "en": "check the id for a typo, or check the notes that assign the task along with these",
    },
    "conflicting-update": {
        "zh-Hans": "任务“{task}”的更新与第{first}行不一致：{what}",
        "zh-Hant": "任務「{task}」的更新與第{first}行不一致：{what}",
        "en": 'the update on task "{task}" disagrees with line {first}: {what}',
    },
    "conflicting-update.status": {
        "zh-Hans": "状态先是“{was}”，这里是“{now}”",
        "zh-Hant": "狀態先是「{was}」，這裡是「{now}」",
        "en": 'status "{was}" there, "{now}" here',
    },
    "conflicting-update.due": {
        "zh-Hans": "截止日期先是{was}，这里是{now}",
        "zh-Hant": "截止日期先是{was}，這裡是{now}",
        "en": "due date {was} there, {now} here",
    },
    "conflicting-update.suggestion": {
        "zh-Hans": "每项任务只写一条更新，或改正其中一条",
        "zh-Hant": "每項任務只寫一條更新，或改正其中一條",
        "en": "give each task one update, or correct one of them",
    },
    "looks-like-task": {
        "zh-Hans": "决议“{text}”写了负责人和期限，是一项任务，却不在行动项里",
        "zh-Hant": "決議「{text}」寫了負責人和期限，是一項任務，卻不在行動項裡",
        "en": 'decision "{text}" names an owner and a deadline: a task, yet not an action item',
    },
    "looks-like-task.suggestion": {
        "zh-Hans": "把它写成行动项（负责人、截止日期、完成标准），或列入行动项清单",
        "zh-Hant": "把它寫成行動項（負責人、截止日期、完成標準），或列入行動項清單",
        "en": "write it as an action item (owner, due date, done when) or add it to the action items",
    },
    "missing-meeting-info": {
        "zh-Hans": "会议信息缺少{field}",
        "zh-Hant": "會議資訊缺少{field}",
        "en": "meeting information lacks the {field}",
    },
    "missing-meeting-info.suggestion": {
        "zh-Hans": "在开头补上“{label}：…”",
        "zh-Hant": "在開頭補上「{label}：…」",
        "en": 'add "{label}: …" at the top',
    },
    "absent-without-reason": {
        "zh-Hans": "缺席人员“{person}”没有写明原因",
        "zh-Hant": "缺席人員「{person}」沒有寫明原因",
        "en": 'absentee "{person}" has no reason given',
    },
    "absent-without-reason.suggestion": {
        "zh-Hans": "写明缺席原因和代理人，如“（出差，由黄主管代参会）”",
        "zh-Hant": "寫明缺席原因和代理人，如「（出差，由黃主任代理出席）」",
        "en": 'give the reason and any proxy, e.g. "(customer visit, Mark attending)"',
    },
    "informal-name": {
        "zh-Hans": "负责人“{person}”是称呼，不是全名",
        "zh-Hant": "負責人「{person}」是稱呼，不是全名",
        "en": 'owner "{person}" is a nickname, not a full name',
    },
    "informal-name.suggestion": {
        "zh-Hans": "正式纪要里写全名（部门+姓名）",
        "zh-Hant": "正式紀錄裡寫全名（部門+姓名）",
        "en": "write the full name in the official minutes",
    },
    "owner-absent": {
        "zh-Hans": "负责人“{person}”未出席本次会议",
        "zh-Hant": "負責人「{person}」未出席本次會議",
        "en": 'owner "{person}" was absent from the meeting',
    },
    "owner-absent.suggestion": {
        "zh-Hans": "发送纪要前与其本人确认这项任务",
        "zh-Hant": "發送紀錄前與本人確認這項任務",
        "en": "confirm the task with them before sending the minutes",
    },
    "unread-text": {
        "zh-Hans": "“{text}”没有读入纪要的任何部分",
        "zh-Hant": "「{text}」沒有讀入紀錄的任何部分",
        "en": '"{text}" is in no part of the minutes',
    },
    "unread-text.suggestion": {
        "zh-Hans": "把这段内容写进会议信息或某个议题；若不需要，可删除",
        "zh-Hant": "把這段內容寫進會議資訊或某個議題；若不需要，可刪除",
        "en": "write it into the meeting information or an agenda item, or delete it if it is not needed",
    },
    "unknown-rule-in-comment": {
        "zh-Hans": "注释里的“{rule}”不是规则名，这条注释对它不起作用",
        "zh-Hant": "註解裡的「{rule}」不是規則名稱，這條註解對它不起作用",
        "en": 'the comment names "{rule}", which is no rule, so it switches nothing off',
    },
    "unknown-rule-in-comment.suggestion": {
        "zh-Hans": "是不是“{close}”？",
        "zh-Hant": "是不是「{close}」？",
        "en": 'did you mean "{close}"?',
    },
    "unknown-rule-in-comment.suggestion-none": {
        "zh-Hans": "写规则表里的规则名，如“vague-term”",
        "zh-Hant": "寫規則表裡的規則名稱，如「vague-term」",
        "en": 'use a rule id from the rules table, e.g. "vague-term"',
    },
    "unused-suppression": {
        "zh-Hans": "注释“{comment}”没有关闭任何提示",
        "zh-Hant": "註解「{comment}」沒有關閉任何提示",
        "en": 'the comment "{comment}" silences nothing',
    },
    "unused-suppression.suggestion": {
        "zh-Hans": "删除这条注释（或其中的这个规则名）",
        "zh-Hant": "刪除這條註解（或其中的這個規則名稱）",
        "en": "remove the comment (or this rule from it)",
    },
}

# an action item's status as the messages name it
STATUS_NAMES: dict[str, dict[str, str]] = {
    "not_started": {"zh-Hans": "未开始", "zh-Hant": "未開始", "en": "not started"},
    "in_progress": {"zh-Hans": "进行中", "zh-Hant": "進行中", "en": "in progress"},
    "done": {"zh-Hans": "已完成", "zh-Hant": "已完成", "en": "done"},
    "delayed": {"zh-Hans": "延期", "zh-Hant": "延期", "en": "delayed"},
    "needs_support": {"zh-Hans": "需支持", "zh-Hant": "需支援", "en": "needs support"},
    "cancelled": {"zh-Hans": "已取消", "zh-Hant": "已取消", "en": "cancelled"},
}

MEETING_FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    # model field -> language -> (name in the message, label to write)
    "date": {
        "zh-Hans": ("会议日期", "会议日期"),
        "zh-Hant": ("會議日期", "會議日期"),
        "en": ("date", "Date"),
    },
    "start_time": {
        "zh-Hans": ("会议时间", "会议时间"),
        "zh-Hant": ("會議時間", "會議時間"),
        "en": ("time", "Time"),
    },
    "location": {
        "zh-Hans": ("会议地点", "会议地点"),
        "zh-Hant": ("會議地點", "會議地點"),
        "en": ("location", "Location"),
    },
    "host": {
        "zh-Hans": ("主持人", "主持人"),
        "zh-Hant": ("主持人", "主持人"),
        "en": ("chair", "Chair"),
    },
    "recorder": {
        "zh-Hans": ("记录人", "记录人"),
        "zh-Hant": ("記錄人", "記錄人"),
        "en": ("minute-taker", "Minutes"),
    },
    "attendees": {
        "zh-Hans": ("参会人员", "参会人员"),
        "zh-Hant": ("參會人員", "參會人員"),
        "en": ("attendees", "Attendees"),
    },
}


def message(key: str, language: str, **values: object) -> str:
    """The text of ``key`` in ``language`` (English when the language is unknown)."""
    texts = MESSAGES[key]
    return texts.get(language, texts["en"]).format(**values)
