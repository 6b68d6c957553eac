"""The words recorders use for keys, labels and section names, in the three languages.

Every lookup goes through :func:`normalise_key`, so ``**決議結果：**``, ``Decisions``
and ``决议结果`` all meet the same table entry.
"""

from __future__ import annotations

import re
from functools import lru_cache

# list bullets recorders type as characters: "● 决议：…", "▲ 北區達成率 92%"
BULLETS = "[●○◎◆◇■□▲△▼▶►➤★☆※▪▫✔✓]"

# emoji and pictographs recorders put before headings ("## 📌 会议信息") are decoration, not words
_KEY_JUNK = re.compile(r"[\s*_`#>【】\[\]“”\"'《》\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]+")


@lru_cache(maxsize=8192)
def normalise_key(text: str) -> str:
    """Lower-case, no spaces, no emphasis markers, no trailing colon."""
    return _KEY_JUNK.sub("", text).strip(":：").lower()


class KeyTable(dict[str, str]):
    """Normalised word → field name; ``words`` keeps the words as written, longest first."""

    words: list[str]

    def lookup(self, text: str) -> str | None:
        """The field of a label as recorders write it, bilingual ones included.

        ``Time时间``, ``地點 Location``, ``Date/日期`` and ``Action Items (AIs)`` name a
        field by either of their halves; the whole label is tried first.
        """
        cache = self.__dict__.setdefault("_looked_up", {})
        if text in cache:
            return cache[text]
        key = normalise_key(text)
        found = self.get(key)
        if found is None and key:
            found = next((self[part] for part in _label_halves(key) if part in self), None)
        if len(cache) < 8192:
            cache[text] = found
        return found


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_SCRIPT_BOUNDARY = re.compile(r"(?<=[a-z.])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[a-z])")


def _label_halves(key: str) -> list[str]:
    """``time时间`` → [time, 时间]; ``date/日期`` → [date, 日期]; ``actionitems(ais)`` → [actionitems]."""
    halves: list[str] = []
    unbracketed = _BRACKETED.sub("", key)
    if unbracketed != key and unbracketed:
        halves.append(unbracketed)
        # "议题(agenda)": the bracket may hold the other language's word
        halves.extend(inner.strip("()（）:：") for inner in _BRACKETED.findall(key))
    for part in re.split(r"[/|｜、]", unbracketed):
        pieces = [piece.strip(":：") for piece in _SCRIPT_BOUNDARY.split(part) if piece]
        # longest runs of pieces first: "腾讯会议id" is "会议id" before it is "会议"
        spans = sorted(
            ((start, end) for start in range(len(pieces)) for end in range(start + 1, len(pieces) + 1)),
            key=lambda span: span[0] - span[1],
        )
        halves.extend("".join(pieces[start:end]) for start, end in spans)
    return [half for half in halves if half and half != key]


def _table(groups: dict[str, str]) -> KeyTable:
    table = KeyTable()
    raw: set[str] = set()
    for field, words in groups.items():
        for word in words.split("|"):
            table[normalise_key(word)] = field
            raw.add(word)
    table.words = sorted(raw, key=len, reverse=True)
    return table


MEETING_KEYS = _table(
    {
        "title": "会议名称|會議名稱|名称|名稱|title|meeting|meeting title",
        # what the meeting is about: the title only when the notes have no title heading
        "subject": "会议|會議|会议主题|會議主題|主题|主題|subject|topic|meeting subject|会议议题名称",
        # the fields of a formal record (纪要): its number, who signs and reviews it, who gets it
        "purpose": "事由|開會事由|开会事由|会议事由|會議事由|purpose|purpose of meeting|meeting purpose",
        # what the meeting is meant to reach: the purpose when none is given, never the title
        "goal": "会议目标|會議目標|会议目的|會議目的|目的|目标|目標|协作目标|協作目標|开会目的|開會目的|本次会议目标|本次會議目標|goal|goals|meeting goal|meeting goals|objective|objectives|meeting objective|meeting objectives",
        "document_number": "纪要编号|紀要編號|会议纪要编号|會議紀要編號|编号|編號|文号|文號|发文字号|發文字號|期号|期號|字号|字號|minutes no|minutes no.|minutes number|ref|ref.|reference|reference no|document no|document number|document_number",
        "issuer": "签发|簽發|签发人|簽發人|签批|簽批|approved by|signed off by|signed-off by|sign-off|signoff|issuer",
        "reviewer": "审核|審核|审核人|審核人|核稿|核稿人|reviewed by|reviewer",
        "distribution": "分送|主送|发送|發送|分发|分發|distribution|distribution list|to|recipients",
        "copy_to": "抄送|副本|抄報|抄报|cc|copy to|copies to|copy_to",
        "printed_by": "印发机关|印發機關|印发单位|印發單位|印发|印發|issued by|issuing office|printed_by",
        "printed_on": "印发日期|印發日期|印发时间|印發時間|date of issue|issue date|issued on|printed_on",
        "classification": "密级|密級|保密等级|保密等級|classification|confidentiality|security level",
        "duration": "时长|時長|会议时长|會議時長|duration|length",
        "date": "会议日期|會議日期|日期|date|meeting date|开会日期|開會日期",
        "time": "会议时间|會議時間|时间|時間|time|meeting time|会议时段|會議時段|开会时间|開會時間|when",
        "location": "地点|地點|会议地点|會議地點|会议室|會議室|location|venue|place|room|where|会议形式|會議形式|线上平台|線上平台|会议链接|會議連結|会议id|會議id|会议号|會議號|meeting link|meeting id|zoom link|join link|腾讯会议|騰訊會議|线上会议|線上會議",
        "project": "所属项目|所屬項目|项目|項目|项目名称|項目名稱|project|project name|专案|專案",
        "host": "主持人|主持|chair|chairperson|host|facilitator|moderator|主席|会议主持人|會議主持人|会议主持|會議主持|lead|meeting lead|led by|facilitated by|chaired by",
        "recorder": "记录人|記錄人|记录|記錄|纪要整理|紀要整理|minutes|recorder|minute taker|minutes taker|note taker|notetaker|scribe|minutes by|会议纪要人员|會議紀要人員|纪要人员|紀要人員|记录员|記錄員|紀錄|纪录|紀錄人|会议记录人|會議記錄人|note-taker|notes by|notes taken by|minutes taken by|minute-taker|secretary",
        "attendees": "参会人员|參會人員|参会人|參會人|参会|參會|参会部门及人员|參會部門及人員|出席|出席人员|出席人員|与会人员|與會人員|参加人员|參加人員|参会成员|參會成員|与会者|與會者|与会成员|與會成員|出席委员|出席委員|出席成员|出席成員|参与者|參與者|参与人员|參與人員|参会者|參會者|出席者|attendees|present|participants|attendance|meeting attendees|team members|members present|attendee list|attending|members|tsc members|committee members|board members|voting members|线上|線上|线下|線下|现场|現場|线上参会|線上參會|现场参会|現場參會|remote|online|in the room|in person|on site",
        "observers": "列席|列席人员|列席人員|列席者|列席人|observers|observer|in attendance|also present",
        "absentees": "缺席人员及原因|缺席人員及原因|缺席人员|缺席人員|缺席|缺席者|请假|請假|请假人员|請假人員|请假者|請假者|absent|absentees|apologies|regrets|not present",
        "status": "状态|狀態|版本|纪要状态|紀要狀態|文档状态|文檔狀態|status|version|draft status",
        "next_meeting": "下次会议|下次會議|下次会议时间|下次會議時間|下次开会|下次開會|下次开会时间|下次開會時間|下次例会|下次例會|next meeting|next meeting time|next meeting date",
        "start_time": "开始时间|開始時間|start time|starts|meeting started at|started at|started|meeting start",
        "end_time": "结束时间|結束時間|end time|ends|meeting ended at|ended at|ended|adjourned|adjourned at|meeting adjourned|散会|散會|散会时间|散會時間",
        "language": "语言|語言|language|lang",
    }
)

SECTION_NAMES = _table(
    {
        "info": "会议基本信息|會議基本信息|會議基本資訊|基本信息|基本資訊|会议信息|會議信息|會議資訊|basic information|basic info|meeting information|meeting info|meeting details|details",
        "agenda": "会议议程|會議議程|议程|議程|会议议程与讨论记录|會議議程與討論記錄|议程与讨论|議程與討論|会议议程与讨论摘要|會議議程與討論摘要|讨论记录|討論記錄|agenda|agenda and discussion|discussion|discussions|minutes|notes|meeting notes|minutes of meeting|minute of meeting|纪要|紀要|会议纪要|會議紀要|会议内容|會議內容|会议记录|會議記錄|会议纪录|會議紀錄|讨论内容|討論內容|会议要点|會議要點|讨论事项|討論事項|议题讨论|議題討論|会议议题|會議議題|本次议题|本次議題|议题列表|議題列表|agenda items|agenda item|discussion items|discussion topics|topics",
        "actions": "行动项|行動項|行动项清单|行動項清單|任务分配|任務分配|任务分配表|任務分配表|行动项跟踪表|行動項跟蹤表|行动项跟踪|行動項跟蹤|跨部门任务分配表|跨部門任務分配表|任务|任務|待办|待辦|待办事项|待辦事項|会后安排|會後安排|后续安排|後續安排|跟进事项|跟進事項|跟进事宜|跟進事宜|任务分工|任務分工|分工|工作安排|action items|actions|action item tracker|tasks|task list|to do|todo|follow-ups|follow ups|follow-up tasks|follow-up actions|follow-up items|action points|行动|行動|行动计划|行動計劃|代办|代辦|代办事项|代辦事項|待办清单|待辦清單|后续行动|後續行動|后续|後續|后续工作|後續工作|后续事项|後續事項|遗留问题|遺留問題|下一步|下一步计划|下一步計劃|下一步工作|下周计划|下週計劃|下周工作|下週工作|会后任务|會後任務|追踪事项|追蹤事項|action plan|action points this week|action items this week|next steps|next actions|follow up|followups|follow-up|ais|todos|to-dos|to-do|deliverables|assignments|action required|actions required",
        "attachments": "附件|附件清单|附件清單|附件列表|attachments|attachment|appendix|appendices|annexes",
        "risks": "风险|風險|风险点|風險點|风险与问题|風險與問題|risks|risk|risks and issues|issues",
        "next_meeting": "下次会议|下次會議|下次会议安排|下次會議安排|next meeting|next steps and next meeting",
        "title": "会议名称|會議名稱",
        "attendees": "参会人员|參會人員|参会人|參會人|参会成员|參會成員|参会者|參會者|与会人员|與會人員|与会者|與會者|出席|出席人员|出席人員|出席者|出席委员|出席委員|出席成员|出席成員|参与者|參與者|参与人员|參與人員|参加人员|參加人員|成员|成員|attendees|attendee|attending|attendance|present|participants|members present|roll call|who",
        "absentees": "缺席|缺席人员|缺席人員|缺席者|请假|請假|请假人员|請假人員|请假者|請假者|未到|未到人员|未到人員|regrets|absent|absentees|apologies|not present",
        "observers": "列席|列席人员|列席人員|列席者|observers|non-voting observers|guests|also present",
        # sections that are neither agenda items nor meeting information: kept out of the agenda
        "other": "链接|鏈接|連結|相关链接|相關連結|参考链接|參考連結|会议链接|會議連結|会议室链接|links|link|resources|references|conference bridge|meeting link|zoom|chat|chat log|chat logs|recording|recordings|附录|附錄|聊天记录|聊天紀錄|聊天記錄|群聊记录|群聊紀錄",
    }
)

# Words that make a first heading the notes' title even when it is not a level-1 heading
MEETING_TITLE_WORDS = (
    "会议", "會議", "纪要", "紀要", "记录", "紀錄", "記錄", "例会", "例會", "周会", "週會", "月会", "月會",
    "晨会", "晨會", "复盘", "覆盤", "讨论会", "討論會", "座谈", "座談",
    "meeting", "minutes", "notes", "sync", "standup", "stand-up", "retro", "weekly", "review", "call",
    "kickoff", "kick-off", "huddle", "1:1", "one-on-one", "scrum", "session", "committee",
)

SUBSECTION_LABELS = _table(
    {
        "discussion": "讨论|討論|讨论要点|討論要點|讨论内容|討論內容|讨论摘要|討論摘要|要点|要點|讨论要点摘要|討論要點摘要|发言要点|發言要點|discussion|discussion points|notes|key points|points",
        "disagreements": "分歧|分歧点|分歧點|争议|爭議|争议点|爭議點|待定|待定事项|待定事項|disagreements|disagreement|open questions|open issues|concerns|objections",
        "resolutions": "决议|決議|决议结果|決議結果|决议事项|決議事項|关键决议|關鍵決議|共识|共識|结论|結論|决定|決定|decisions|decision|resolutions|resolution|agreed|agreements|conclusions|outcome|outcomes|决议事项|決議事項|会议决议|會議決議|会议结论|會議結論|决定事项|決定事項|表决|表決|we agreed on|we agreed|agreed on|decisions made|decisions taken|key decisions|投票结果|投票結果|表决结果|表決結果|vote result|voting result|vote|votes|result of the vote",
        "actions": "行动项|行動項|任务|任務|待办|待辦|待办事项|待辦事項|任务分配|任務分配|会后安排|會後安排|后续安排|後續安排|跟进事项|跟進事項|任务分工|任務分工|分工|工作安排|action items|actions|action|tasks|to do|todo|follow-ups|follow-up tasks|action points|next steps|行动|行動|行动计划|行動計劃|代办|代辦|代办事项|代辦事項|待办清单|待辦清單|后续行动|後續行動|后续|後續|后续工作|後續工作|后续事项|後續事項|遗留问题|遺留問題|下一步|下一步计划|下一步計劃|下一步工作|下周计划|下週計劃|下周工作|下週工作|会后任务|會後任務|追踪事项|追蹤事項|action plan|action points this week|action items this week|next steps|next actions|follow up|followups|follow-up|ais|todos|to-dos|to-do|deliverables|assignments|action required|actions required",
    }
)

ACTION_KEYS = _table(
    {
        "owner": "负责人|負責人|责任人|責任人|第一责任人|第一責任人|负责|負責|负责同事|負責同事|跟进人|跟進人|owner|owners|responsible|assignee|assigned to|负责人及分工|負責人及分工|部署人|执行人|執行人|承办人|承辦人|经办人|經辦人|负责人员|負責人員|assignees|assigned|owned by|dri|deployer|implementer|executor|done by",
        "department": "负责部门|負責部門|责任部门|責任部門|department|dept|team",
        "collaborators": "协同|協同|协同部门|協同部門|协同人|協同人|配合|配合部门|配合部門|协助|協助|with|collaborators|support from|supporting|helpers",
        "start": "开始|開始|开始时间|開始時間|开始日期|開始日期|计划开始时间|計劃開始時間|start|start date|starts|from",
        "due": "截止|截止时间|截止時間|截止日期|完成时间|完成時間|计划完成时间|計劃完成時間|期限|限期|时限|時限|due|due date|deadline|ddl|by|until|end date",
        "acceptance": "完成标准|完成標準|标准|標準|验收标准|驗收標準|交付标准|交付標準|交付物|done when|acceptance|acceptance criteria|definition of done|deliverable|success criteria",
        "resources": "资源|資源|所需资源|所需資源|所需资源与支持|所需資源與支持|resources|resource|budget|预算|預算",
        "status": "状态|狀態|当前状态|當前狀態|status|state",
        "progress": "进度|進度|进度更新|進度更新|进展|進展|跟进记录|跟進記錄|跟进|跟進|进度记录|進度記錄|progress|updates|update|status updates",
        "risks": "风险|風險|风险点|風險點|risk|risks",
        "notes": "备注|備註|备注延期原因|備註延期原因|note|notes|remark|remarks|comment|comments",
        "description": "描述|任务描述|任務描述|说明|說明|description|details|desc",
        "milestones": "里程碑|里程碑节点|里程碑節點|milestone|milestones",
        "task": "任务名称|任務名稱|行动内容|行動內容|任务|任務|行动项|行動項|事项|事項|action|task",
    }
)


TABLE_COLUMNS = _table(
    {
        "index": "序号|序號|编号|編號|no|no.|#|id|number",
        "task": "行动内容|行動內容|任务名称|任務名稱|任务|任務|任务内容|任務內容|行动项|行動項|事项|事項|工作内容|工作內容|action|action item|task|item|what",
        "department": "负责部门|負責部門|责任部门|責任部門|部门|部門|department|dept|team",
        "owner": "负责人|負責人|责任人|責任人|第一责任人|第一責任人|负责同事|負責同事|跟进人|跟進人|负责|負責|执行人|執行人|姓名|owner|responsible|assignee|assigned to|who",
        "plan": "明日计划|明日計劃|明日计划issue|明日計劃issue|明天计划|明天計劃|明日任务|明日任務|next|tomorrow|plan for tomorrow|to do tomorrow|today's plan|plans",
        "collaborators": "协同部门|協同部門|协同|協同|协同人|協同人|配合部门|配合部門|collaborators|with|support",
        "start": "开始|開始|开始时间|開始時間|开始日期|開始日期|计划开始时间|計劃開始時間|start|start date",
        "due": "截止时间|截止時間|截止|截止日期|完成时间|完成時間|计划完成时间|計劃完成時間|期限|限期|时限|時限|due|due date|deadline|ddl|by when",
        "acceptance": "完成标准|完成標準|标准|標準|验收标准|驗收標準|done when|acceptance|acceptance criteria|definition of done",
        "status": "当前状态|當前狀態|状态|狀態|status|state",
        "notes": "备注|備註|备注延期原因|備註延期原因|备注如延期原因|備註如延期原因|notes|note|remarks|comments",
        "resources": "资源|資源|所需资源|所需資源|resources",
        "risks": "风险|風險|风险点|風險點|risks|risk",
        "progress": "进度|進度|进展|進展|progress",
        "description": "描述|任务描述|任務描述|说明|說明|description",
        "topic": "议程主题|議程主題|议题|議題|议程|議程|主题|主題|议题名称|議題名稱|议程名称|議程名稱|topic|agenda item|agenda|topic name",
        "minutes": "会议纪要|會議紀要|纪要|紀要|会议记录|會議記錄|纪要内容|紀要內容|讨论结果|討論結果|minutes|summary|outcome",
        "discussion": "讨论要点摘要|討論要點摘要|讨论要点|討論要點|讨论|討論|discussion|discussion summary",
        "resolutions": "关键决议|關鍵決議|决议|決議|决议结果|決議結果|decisions|resolutions|decision",
        "key": "项目|項目|字段|欄位|field|item|key",
        "value": "内容|內容|value|details|content",
    }
)

ACTION_STATUS = _table(
    {
        "not_started": "未开始|未開始|待开始|待開始|未启动|未啟動|not started|todo|to do|open|pending|planned|new",
        "in_progress": "进行中|進行中|处理中|處理中|执行中|執行中|in progress|ongoing|doing|started|wip|underway",
        "done": "已完成|完成|已结束|已結束|已关闭|已關閉|done|completed|complete|finished|closed|resolved",
        "delayed": "延期|已延期|逾期|已逾期|延误|延誤|delayed|overdue|late|postponed|behind",
        "needs_support": "需支持|需要支持|待支持|受阻|阻塞|needs support|need support|blocked|help needed|needs help",
        "cancelled": "已取消|取消|作废|作廢|cancelled|canceled|dropped|void",
    }
)

MEETING_STATUS = _table(
    {
        "draft": "草稿|初版|初稿|待审|待審|待审核|待審核|draft|preliminary|v0|for review",
        "final": "最终版|最終版|定稿|终稿|終稿|正式版|已确认|已確認|final|approved|final version|confirmed",
    }
)

NONE_WORDS = frozenset(normalise_key(word) for word in ["无", "無", "没有", "沒有", "暂无", "暫無", "none", "n/a", "na", "nil", "-", "—", "/", "无缺席", "無缺席", "全员出席", "全員出席", "nobody"])

OBSERVER_WORDS = frozenset(normalise_key(word) for word in ["列席", "列席人", "列席人员", "列席人員", "observer", "observing", "guest", "旁听", "旁聽"])

DEPARTMENT_SUFFIXES = (
    "委员会", "委員會", "事业部", "事業部", "中心", "团队", "團隊", "小组", "小組", "部门", "部門",
    "门市", "門市", "门店", "門店",
    "部", "组", "組", "室", "处", "處", "科", "办", "辦", "司", "局", "课", "課", "所",
)
# Words that merely end like a department: "外部顾问" is an outside adviser, not 外部 + 顾问.
NOT_DEPARTMENTS = frozenset(
    [
        "外部", "内部", "內部", "全部", "局部", "大部", "头部", "頭部", "底部", "顶部", "頂部", "尾部",
        "东部", "東部", "西部", "南部", "北部", "中部", "细部", "細部",
        "会议室", "會議室", "教室", "场所", "場所", "到处", "到處", "好处", "好處", "之处", "之處",
    ]
)
# A person named by surname and job title, as Chinese notes do: 林主管, 杨律师, 周專員.
TITLE_WORDS = (
    "副总经理", "副總經理", "总经理", "總經理", "副经理", "副經理", "经理", "經理", "主管", "专员", "專員",
    "主任", "总监", "總監", "工程师", "工程師", "设计师", "設計師", "律师", "律師", "会计", "會計",
    "助理", "组长", "組長", "课长", "課長", "副店长", "副店長", "店长", "店長", "老师", "老師",
    "协理", "協理", "科长", "科長", "处长", "處長", "部长", "部長", "顾问", "顧問", "秘书", "秘書",
    "总", "總", "工",
)
ENGLISH_DEPARTMENT_WORDS = frozenset(
    ["marketing", "sales", "legal", "finance", "hr", "human resources", "it", "engineering", "r&d", "rnd", "product", "design", "operations", "ops", "support", "customer service", "customer support", "qa", "quality", "procurement", "purchasing", "logistics", "admin", "administration", "pr", "security", "compliance", "research", "development", "data", "management", "accounting", "brand", "growth", "platform", "infrastructure", "manufacturing", "production", "supply chain", "warehouse", "facilities", "training", "communications", "comms", "strategy", "partnerships", "bd", "business development", "customer success", "tech", "technology", "treasury", "audit", "risk"]
)
ENGLISH_DEPARTMENT_SUFFIXES = ("dept", "dept.", "department", "team", "office", "division", "group", "unit", "committee")


# Bodies that act but are nobody in particular: a management company, a vendor, a council
ORGANISATION_WORDS = frozenset(
    ["物业", "物業", "物业公司", "物業公司", "厂商", "廠商", "供应商", "供應商", "系统", "系統", "保全", "管委会", "管委會",
     "学生会", "學生會", "委员会", "委員會", "全组", "全組", "全体", "全體", "大家", "所有人", "各部门", "各部門",
     "住户", "住戶", "住户们", "住戶們", "居民", "业主", "業主", "新同学", "新同學", "新人", "新成员", "新成員",
     "vendor", "contractor", "the vendor", "management", "everyone", "all", "the team", "team", "board", "the board",
     "residents", "someone", "somebody", "new member", "new members"]
)
ORGANISATION_SUFFIXES = ("公司", "集团", "集團", "协会", "協會", "工作组", "工作組", "成员单位", "成員單位", "学生会", "學生會", "管委会", "管委會")


def looks_like_department(text: str) -> bool:
    """市场部, 研发中心, Legal, Marketing Team, Customer Service, 物業 → True."""
    word = text.strip().strip("@")
    if not word or word in NOT_DEPARTMENTS:
        return False
    if word in ORGANISATION_WORDS or word.lower() in ORGANISATION_WORDS or word.endswith(ORGANISATION_SUFFIXES):
        return True
    if word.endswith(DEPARTMENT_SUFFIXES) and len(word) >= 2:
        return True
    lowered = word.lower()
    if lowered in ENGLISH_DEPARTMENT_WORDS:
        return True
    last = lowered.split()[-1]
    return last in ENGLISH_DEPARTMENT_SUFFIXES and len(lowered.split()) > 1


# ---------------------------------------------------------------- updates on earlier tasks

# Sections that report on the tasks of earlier meetings: every line in them is an update
# ("- [x] #2024-06-12-3 已上线"), never a new task of this meeting.
FOLLOW_UP_SECTIONS = frozenset(
    normalise_key(word)
    for word in (
        "上次行动项跟进", "上次行動項跟進", "上次会议行动项跟进", "上次會議行動項跟進", "上次行动项", "上次行動項",
        "上次会议行动项", "上次會議行動項", "上次会议决议执行情况", "上次會議決議執行情況", "上次会议决议执行情形",
        "上次會議決議執行情形", "上次会议事项落实情况", "上次會議事項落實情況", "上次会议待办", "上次會議待辦",
        "上次会议待办事项", "上次會議待辦事項", "前次会议决议执行情形", "前次會議決議執行情形", "前次会议追踪事项",
        "前次會議追蹤事項", "上次会议任务跟进", "上次會議任務跟進", "上周行动项跟进", "上週行動項跟進", "往期任务跟进", "往期任務跟進", "上期任务跟进", "上期任務跟進", "决议执行情况", "決議執行情況",
        "决议执行情形", "決議執行情形", "follow-up of previous actions", "follow up of previous actions",
        "follow-up on previous actions", "follow-up of action items", "action items from last meeting",
        "action items from the last meeting", "actions from last meeting", "actions from the last meeting",
        "previous action items", "previous actions", "review of action items", "review of previous actions",
        "action item review", "action items review", "status of previous actions", "outstanding action items", "matters arising", "follow-up of last meeting", "last meeting's action items",
    )
)
# a heading naming an earlier meeting and its tasks counts too: "上周会议待办回顾", "Last week's AIs"
FOLLOW_UP_EARLIER = (
    "上次", "上周", "上週", "前次", "上期", "上一次", "上一期", "往期",
    "last", "previous", "prior", "earlier",
)
# ... unless it also names this meeting's or later work: "上周回顾与本周任务" assigns tasks
FOLLOW_UP_NOT = (
    "本周", "本週", "本次", "本期", "本月", "下周", "下週", "下次", "下一步", "计划", "計劃", "安排",
    "this week", "this meeting", "next", "plan", "new",
)
FOLLOW_UP_TASK_WORDS = (
    "行动项", "行動項", "待办", "待辦", "任务", "任務", "决议", "決議", "事项", "事項", "跟进", "跟進",
    "action", "actions", "ais", "tasks", "todo", "todos", "to-dos", "follow-up", "follow up", "items",
)

# What an update says of an earlier task. A word counts as the update's status only as a
# clause of its own ("进行中，延期到7月20日", "取消（需求变更）", "in progress, moved to …"),
# at the end of a clause after 已 ("接口已完成"), or before a new date ("延期到7月20日"):
# "完成接口文档" restates the task, it does not report it done.
UPDATE_STATUS = _table(
    {
        "not_started": "未开始|未開始|尚未开始|尚未開始|not started|not yet started",
        "in_progress": "进行中|進行中|处理中|處理中|执行中|執行中|推进中|推進中|跟进中|跟進中|开发中|開發中|测试中|測試中|in progress|ongoing|underway|wip|on track|started",
        "done": "已完成|完成|已结束|已結束|已关闭|已關閉|关闭|關閉|已上线|已上線|已交付|已解决|已解決|已办结|已辦結|办结|辦結|done|completed|complete|finished|closed|resolved|shipped",
        "delayed": "延期|已延期|延后|延後|已延后|已延後|推迟|推遲|已推迟|已推遲|顺延|順延|逾期|已逾期|延误|延誤|delayed|postponed|overdue|deferred|slipped|behind",
        "needs_support": "需支持|需要支持|待支持|需协调|需協調|受阻|阻塞|卡住|needs support|need support|needs help|blocked|stuck",
        "cancelled": "取消|已取消|作废|作廢|撤销|撤銷|不再跟进|不再跟進|cancelled|canceled|dropped|withdrawn|won't do",
    }
)
# "延期到7月20日", "moved to 2024-07-20", "新截止：…": the words that give an earlier task a new date
UPDATE_NEW_DUE = (
    "延期到", "延期至", "延后到", "延後到", "延后至", "延後至", "推迟到", "推遲到", "推迟至", "推遲至", "顺延到", "順延到",
    "顺延至", "順延至", "延到", "延至", "新截止", "新的截止", "截止改为", "截止改為", "截止调整为", "截止調整為",
    "moved to", "pushed to", "postponed to", "postponed until", "delayed to", "delayed until", "deferred to",
    "rescheduled to", "rescheduled for", "slipped to", "new due date", "new due", "now due", "extended to",
)
# words that change something to something, a date only when a date follows ("改到7月20日", not "改为林主任")
UPDATE_CHANGED_TO = ("改到", "改至", "调整到", "調整到", "调整为", "調整為", "改为", "改為", "changed to", "changed")


# ---------------------------------------------------------------- parts of a formal record

# The parts a formal record (纪要, 會議紀錄) is divided into; the items under each belong to it.
RECORD_PARTS = _table(
    {
        "report": "报告事项|報告事項|报告|報告|工作报告|工作報告|reports|report items|matters for report|reports and announcements",
        "discussion": "讨论事项|討論事項|审议事项|審議事項|提案讨论|提案討論|讨论提案|討論提案|matters for discussion|discussion items|items for discussion|motions",
        "extempore": "临时动议|臨時動議|临时提案|臨時提案|临时动议事项|臨時動議事項|extempore motions|extempore motion|any other business|other business|aob|a.o.b.",
    }
)
# Labels inside an item of such a part: its subject (案由) and its explanation (說明);
# its decision (決議 / Resolution) is an ordinary decision label.
RECORD_LABELS = _table(
    {
        "subject": "案由|提案事由|subject|proposal",
        "discussion": "说明|說明|explanation",
    }
)


# The heading the minutes give to notes' lines kept without a field of their own: a free
# sentence among the meeting information, an information line with a key nobody reads.
OTHER_INFORMATION = {"zh-Hans": "其他信息", "zh-Hant": "其他資訊", "en": "Other information"}

# Front-matter keys a website or wiki puts above a page (Jekyll, Hugo, MkDocs …): how the
# page is published, never words of the meeting. Other keys the reader does not know are
# reported (unread-text) rather than dropped without a word.
PAGE_METADATA_KEYS = frozenset(
    (
        "layout", "permalink", "slug", "url", "aliases", "tags", "tag", "categories", "category",
        "keywords", "teaser", "subheadline", "subtitle", "header", "image", "images", "thumbnail",
        "cover", "featured", "excerpt", "description", "summary", "toc", "toc_label", "toc_sticky",
        "sidebar", "sidebar_position", "sidebar_label", "nav_order", "nav_exclude", "parent",
        "has_children", "weight", "menu", "comments", "share", "published", "draft", "lastmod",
        "last_modified_at", "modified", "updated", "author", "authors", "lang", "type", "template",
        "sitemap", "search", "hide", "redirect_from", "redirect_to", "id",
    )
)
