"""Sentences that assign a task, as recorders write them in English and both Chinese scripts.

:func:`find_tasks` reads one line (or one list item's text) and returns the tasks
it assigns, each with its owners as written, the cue that decided and whether
that cue is *strong* (the shape alone makes it a task, even in a discussion) or
*weak* (a task only inside an action-items section). :func:`owner_marker` finds
just the owner annotation of an item that is already known to be a task.

Cues, as reported in :attr:`TaskCue.cue`:

- labels: ``action:``, ``ai:``, ``todo:``, ``待办:``, ``待做:`` … (the label, normalised, and a colon)
- English sentences: ``will`` (also shall, is going to, needs to, is responsible for …),
  ``to`` (``Raj to update …``), ``please``
- Chinese sentences: ``由…负责``, ``由``, ``负责``, ``请``, ``会`` (会/會/将/將 after a name),
  ``交给``, ``跟进`` (跟进/牵头), ``name+verb`` (a known name starting a clause)
- owner annotations: ``负责人：`` (any owner field), ``[name=]``, ``@``, ``(name)``,
  ``- name``, ``[name]``, ``name:``, ``：name`` (``点赞操作：龙晓峰``), ``**name**``
- ``1.`` for an inline enumeration without any other cue

Everything here is a pure function of its arguments; the cue words are data at
the top of the module so that the reader can show which word decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from parsers.actions import split_fields, strip_checkbox, strip_enumerator
from parsers.lazy_regex import lazy_compile
from parsers.people import split_department, split_outside_brackets, split_people, trailing_bracket
from parsers.vocabulary import (
    ACTION_KEYS,
    DEPARTMENT_SUFFIXES,
    MEETING_KEYS,
    SECTION_NAMES,
    SUBSECTION_LABELS,
    TITLE_WORDS,
    looks_like_department,
    normalise_key,
)

__all__ = [
    "CUES",
    "TaskCue",
    "find_tasks",
    "is_question",
    "is_status_report",
    "owner_marker",
]

# ---------------------------------------------------------------------------
# Cue words (data). Simplified and Traditional forms side by side.
# ---------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """A word list written as one string, for the long English tables below."""
    return text.split()


#: every value TaskCue.cue can take, apart from labels (normalised label + ":")
CUES = (
    "will", "to", "please", "ask", "由…负责", "由", "负责", "请", "会", "交给", "跟进", "name+verb",
    "负责人：", "[name=]", "@", "(name)", "- name", "[name]", "name:", "：name", "**name**", "1.",
)

#: a line starting with one of these (and a colon) is a task; the rest says what, maybe who
TASK_LABELS = (
    "action item", "action items", "action", "actions", "action point", "action points",
    "ai", "ais", "todo", "to do", "to-do", "next step", "next steps", "follow-up", "follow up",
    "待办", "待辦", "待办事项", "待辦事項", "代办", "代辦", "代办事项", "代辦事項", "待做", "待处理", "待處理",
    "行动项", "行動項", "遗留问题", "遺留問題", "后续行动", "後續行動", "跟进事项", "跟進事項",
)
#: owner field labels that split_fields does not know (its ACTION_KEYS cover 负责人, owner …)
EXTRA_OWNER_LABELS = (
    "部署人", "执行人", "執行人", "经办人", "經辦人", "承办人", "承辦人", "对接人", "對接人",
    "实施人", "實施人", "主责人", "主責人", "主责", "主責", "负责同学", "負責同學", "who",
)

# English ------------------------------------------------------------------

#: "X will …"-like phrases; all are reported as the cue "will"
EN_WILL = (
    "will", "shall", "is going to", "are going to", "needs to", "need to", "has to", "have to",
    "is to", "are to", "is responsible for", "are responsible for", "is in charge of", "are in charge of",
)
#: phrases after which the next word need not be a verb ("is responsible for the deck")
EN_WILL_NOUN_NEXT = frozenset(("is responsible for", "are responsible for", "is in charge of", "are in charge of"))
#: adverbs between "will" and its verb
EN_ADVERBS = frozenset(
    _words(
        "also then first now again still soon jointly together personally directly probably likely hopefully "
        "further additionally please"
    )
)
#: words that are never an owner: pronouns, articles, determiners
EN_NOT_OWNERS = frozenset(
    _words(
        "i me we us our ours you your he him his she her they them their it its this that these those there here "
        "which who whom what one someone somebody anyone anybody nobody none the a an some any another other my "
        "mine it's that's there's we'll i'll they'll you'll he'll she'll it'll let's lets"
    )
)
#: collective owners: returned as written (lower case) so that the caller can report them
EN_COLLECTIVE = frozenset(
    ("everyone", "everybody", "all", "all of us", "each of us", "all members", "each member", "every member",
     "the whole team", "whole team", "all attendees", "all participants", "team", "the team")
)
#: words allowed right before an owner: "Additionally Noah will …", "… and Li to review it"
EN_CONNECTIVES = frozenset(
    _words(
        "and also additionally then so but next finally meanwhile afterwards plus moreover furthermore otherwise "
        "now first second third lastly thereafter later ok okay"
    )
)
#: capitalised words that start sentences but name nobody
EN_NOT_NAMES = frozenset(
    _words(
        "meeting everything nothing something today tomorrow tonight yesterday next last agenda notes note "
        "lunch dinner breakfast registration release deadline demo project code work time please thanks thank "
        "welcome due up prior back according similar reply link changes change updates update access action "
        "item items todo discussion decision decisions question questions answer yes no ok okay tbd tbc asap "
        "fyi wip n/a na none who owner owners name optional draft done pending open closed new old lead "
        "notetaker goal goals plan plans budget status summary overview background context agreed decided "
        "voted moved planned asked wanted tried needed started continued proposed suggested used happy glad "
        "able unable going how why where when whether nice hard easy reminder proposal suggestion vote motion "
        "regarding re about also additionally then however meanwhile finally first second lastly we'll "
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
        "january february march april june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 q3 q4 am pm eod eow "
        "places ways things steps ideas tasks options tools links resources doc docs pr prs issue issues "
        "bug bugs ticket tickets api apis feature features version canceled cancelled postponed deferred "
        "dropped blocked"
    )
)
#: job words: "Arjun Mehta (Content Development Manager)" is a person and their role, not a task
EN_ROLE_WORDS = frozenset(
    _words(
        "manager developer lead engineer designer planner intern chair chairperson president secretary "
        "treasurer member director coordinator founder observer guest host facilitator notetaker scribe "
        "officer representative advisor adviser mentor captain pm tpm vp ceo cto cfo"
    )
)
#: a single capitalised word with one of these endings is a noun, not a name ("Registration will open")
EN_NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ing", "ism", "ure", "ies")
#: English verbs an assignment starts with; "X to <verb>" and "Name: <verb> …" need one
IMPERATIVE_VERBS = frozenset(
    _words(
        "add address align analyse analyze announce answer apply approve archive arrange ask assess assign "
        "design draft draw sketch mock "
        "attend audit automate back book brainstorm bring build buy calculate call cancel capture change check "
        "circulate clarify clean close coordinate collect communicate compare compile complete confirm connect "
        "consider consult contact continue convert copy create deliver deploy deprecate design determine develop "
        "discuss distribute document download draft drive edit email enable ensure establish estimate evaluate "
        "explore export extend figure file fill finalise finalize find finish fix follow forward gather generate "
        "get give go handle help host identify implement improve include inform initiate install integrate "
        "interview introduce investigate invite issue join keep kick label launch lead learn let list look "
        "maintain make manage map measure meet mention merge message migrate monitor move notify obtain open "
        "order organise organize outline own pay perform ping pitch plan polish post prepare present "
        "prioritise prioritize print produce propose provide publish pull purchase push put raise reach read "
        "rebase reconcile record redo refactor reflect register release remind remove rename reorganise "
        "reorganize repair replace reply report request research reserve resolve respond restart resubmit "
        "review revise revisit rewrite run schedule scope secure see select send set setup share ship sign "
        "simplify sort speak start study submit summarise summarize support survey switch sync take talk test "
        "tidy touch track train transfer translate triage try turn update upgrade upload use validate verify "
        "vote walk work write"
    )
)
#: "please <word>" that is a courtesy, not a request for work
EN_PLEASE_NOT = frozenset(("note", "see", "find", "refer", "be", "feel", "enjoy", "welcome", "remember"))
#: the word before a trailing @handle that makes it part of the sentence ("waiting for review from @x")
EN_HANDLE_OBJECT_WORDS = frozenset(_words("from to with by for cc and of ask asked ping pinged thank thanks via per like 向 给 給 找 问 問 与 與 和 跟"))
#: hedges and proposals: a cue inside such a sentence is weak ("建议由总干事采购…")
PROPOSAL_WORDS = (
    "建议", "建議", "提议", "提議", "可以考虑", "可以考慮", "考虑", "考慮", "或许", "或許", "也许", "也許",
    "suggest", "propose", "maybe", "perhaps", "might", "could",
)
#: past or progress: a line with one of these and no FUTURE_WORDS is a status report
STATUS_WORDS_ZH = ("已经", "已經", "已", "完成了", "进度", "進度", "%", "％")
STATUS_WORDS_EN = (
    "reported", "has been", "have been", "was", "were", "is working on", "are working on", "done",
    "completed", "finished", "finishes", "is waiting", "waiting for", "waiting on",
)
#: words about the future or an assignment; they keep a line from being a mere report
FUTURE_WORDS_ZH = (
    "将", "將", "下周", "下週", "下次", "明天", "明日", "计划", "計劃", "需要", "须", "須", "请", "請",
    "负责", "負責", "待办", "待辦", "待做", "预计", "預計", "准备", "準備", "截止", "之前", "以前",
)
FUTURE_WORDS_EN = (
    "will", "shall", "going to", "next week", "next month", "tomorrow", "tonight", "todo", "to-do",
    "please", "need to", "needs to", "plan to", "deadline", "due", "by eod",
)
#: a line starting with one of these is a question
QUESTION_STARTS = (
    "是否", "要不要", "能否", "可否", "是不是", "有没有", "有沒有", "请问", "請問",
    "whether", "should we", "do we", "shall we", "can we", "could we",
)
QUESTION_ENDS = ("?", "？", "吗", "嗎")

# Done marks ---------------------------------------------------------------

DONE_SYMBOLS = ("✅", "✔️", "✔", "☑️", "☑")
DONE_WORDS = ("已完成", "完成了", "done", "completed", "finished")

# Chinese ------------------------------------------------------------------

#: roles that denote one person (主委 is the chair); with 副/新任/代理 … in front too
ZH_ROLES = frozenset(
    (
        "主委", "副主委", "主任委员", "主任委員", "主席", "副主席", "会长", "會長", "副会长", "副會長",
        "理事长", "理事長", "秘书长", "秘書長", "总干事", "總幹事", "干事", "幹事", "经理", "經理",
        "总经理", "總經理", "副总经理", "副總經理", "组长", "組長", "副组长", "副組長", "队长", "隊長",
        "班长", "班長", "社长", "社長", "部长", "部長", "处长", "處長", "科长", "科長", "主任", "老师",
        "老師", "导师", "導師", "助教", "校长", "校長", "院长", "院長", "主编", "主編", "店长", "店長",
        "站长", "站長", "馆长", "館長", "厂长", "廠長", "董事长", "董事長", "总监", "總監", "主管",
        "召集人", "管理员", "管理員", "组织者", "組織者", "项目经理", "項目經理", "专案经理", "專案經理",
    )
)
ZH_ROLE_PREFIXES = ("副", "新任", "代理", "现任", "現任", "前任", "原")
#: groups and organisations: returned as owners, the caller reports that nobody is personal
ZH_COLLECTIVE = frozenset(
    (
        "大家", "全体", "全體", "全员", "全員", "各位", "所有人", "每个人", "每個人", "全组", "全組",
        "全组成员", "全組成員", "全体成员", "全體成員", "各委员", "各委員", "委员", "委員", "委员们",
        "委員們", "同学们", "同學們", "各组", "各組", "各部门", "各部門", "各成员", "各成員", "组员", "組員",
        "住户", "住戶", "住户们", "住戶們", "居民", "全体住户", "全體住戶", "各住户", "各住戶",
    )
)
ZH_ORG_OWNERS = frozenset(("物业", "物業", "管委会", "管委會", "校方", "厂商", "廠商", "厂家", "廠家", "供应商", "供應商"))
ZH_ORG_SUFFIXES = ("学生会", "學生會", "委员会", "委員會", "管委会", "管委會", "协会", "協會", "公司", "工作组", "工作組", "社团", "社團")
#: words that sit where a name would but name nobody
ZH_NOT_OWNERS = frozenset(
    (
        "我", "我们", "我們", "你", "你们", "你們", "他", "他们", "他們", "她", "她们", "她們", "它", "咱们",
        "咱們", "本人", "自己", "这", "這", "那", "这个", "這個", "那个", "那個", "此", "该", "該", "其",
        "谁", "誰", "有人", "某人", "会议", "會議", "本次", "此次", "这次", "這次", "目前", "现在", "現在",
        "今天", "明天", "后续", "後續", "之后", "之後", "然后", "然後", "同时", "同時", "需要", "继续",
        "繼續", "持续", "持續", "积极", "積極", "主要", "另外", "此外", "以及", "并且", "並且", "以后",
        "以後", "今后", "今後", "项目", "項目", "系统", "系統", "方案", "文档", "文檔", "问题", "問題",
        "建议", "建議", "意见", "意見", "大会", "大會", "下次", "上次", "双方", "雙方", "对方", "對方",
        "同上", "简化", "簡化", "优化", "優化", "可选", "可選", "待定", "暂定", "暫定", "备注", "備註",
        "草稿", "完成", "紧急", "緊急", "重要", "必须", "必須", "选做", "選做", "附件", "示例", "例如",
        "马上", "馬上", "周末", "週末", "月底", "年底", "高优", "高優", "简单", "簡單", "常规", "常規",
        "时间", "時間", "方式", "方向", "安排", "成员", "成員", "路线", "路線", "文件", "石头", "金额", "金額",
        "目标", "目標", "计划", "計劃", "重点", "重點", "原因", "结果", "結果", "进展", "進展", "背景", "现状",
        "現狀", "难点", "難點", "优先", "優先", "其他", "其它", "备选", "備選", "结论", "結論", "共识", "共識",
    )
)
#: common surnames: a 2–3 character word starting with one is likely a personal name
ZH_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁"
    "潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范贾賈夏韦韋付傅邹鄒孟熊秦邱尹薛闫閆段雷侯"
    "龙龍陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃戴莫孔汤湯施牛樊葛邢乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹欧歐耿焦"
    "俞柳甘祝阮柯纪紀梅童凌裴霍涂苗翁冉骆駱蓝藍游辛靳柴鲍鮑喻祁蒲滕饶饒艾尤缪繆褚娄婁窦竇戚岑郁洪"
)
ZH_COMPOUND_SURNAMES = frozenset(("欧阳", "歐陽", "司徒", "上官", "诸葛", "諸葛", "司马", "司馬", "东方", "東方", "夏侯", "皇甫", "公孙", "公孫"))
#: how a familiar name starts: 小周, 老王, 阿明
ZH_FAMILIAR_PREFIXES = "小老阿"
#: the word right after a name that starts what they will do (request forms read the name up to it)
ZH_VERB_HEADS_2 = frozenset(
    (
        "负责", "負責", "协助", "協助", "配合", "确认", "確認", "完成", "提供", "提交", "整理", "准备", "準備",
        "联系", "聯繫", "联络", "聯絡", "更新", "修改", "检查", "檢查", "安排", "处理", "處理", "跟进", "跟進",
        "落实", "落實", "核对", "核對", "统计", "統計", "通知", "发送", "發送", "撰写", "撰寫", "汇总", "彙整",
        "彙總", "匯總", "回复", "回覆", "回报", "回報", "报告", "報告", "追踪", "追蹤", "协调", "協調", "决定",
        "決定", "核定", "审核", "審核", "审查", "審查", "制作", "製作", "设计", "設計", "评估", "評估", "研究",
        "调查", "調查", "了解", "瞭解", "查看", "查询", "查詢", "查明", "详查", "詳查", "更正", "修正", "修复",
        "修復", "测试", "測試", "部署", "搭建", "编写", "編寫", "开发", "開發", "实现", "實現", "对接", "對接",
        "上传", "上傳", "发布", "發布", "公告", "公布", "公佈", "张贴", "張貼", "采购", "採購", "购买", "購買",
        "订购", "訂購", "申请", "申請", "申报", "申報", "执行", "執行", "主持", "组织", "組織", "召集", "召开",
        "召開", "带领", "帶領", "牵头", "牽頭", "主导", "主導", "推动", "推動", "推进", "推進", "跟踪", "跟蹤",
        "督促", "追缴", "追繳", "洽谈", "洽談", "商议", "商議", "讨论", "討論", "沟通", "溝通", "说明", "說明",
        "介绍", "介紹", "分享", "演示", "展示", "宣讲", "宣講", "汇报", "匯報", "彙報", "记录", "記錄", "补充",
        "補充", "补齐", "補齊", "完善", "优化", "優化", "调整", "調整", "重新", "尽快", "盡快", "务必", "務必",
        "及时", "及時", "立即", "马上", "馬上", "按时", "按時", "进行", "進行", "帮忙", "幫忙", "帮助", "幫助",
        "参与", "參與", "出席", "参加", "參加", "拟定", "擬定", "起草", "草拟", "草擬", "翻译", "翻譯", "收集",
        "整合", "建立", "创建", "創建", "新增", "添加", "删除", "刪除", "移除", "迁移", "遷移", "上线", "上線",
        "发给", "發給", "寄送", "报名", "報名", "登记", "登記", "签名", "簽名", "签署", "簽署", "审批", "審批",
        "确定", "確定", "明确", "明確", "规划", "規劃", "预订", "預訂", "预约", "預約", "行文", "发文", "發文",
        "明天", "明日", "今天", "今日", "下周", "下週", "本周", "本週", "下次", "后续", "後續", "之后", "之後",
        "近期", "会后", "會後", "先行", "再次", "一起", "共同", "分别", "分別", "继续", "繼續", "持续", "持續",
        "咨询", "諮詢", "解答", "搭建", "建好", "写完", "寫完", "做完", "办理", "辦理", "落地", "维护", "維護",
        "验收", "驗收", "验证", "驗證", "审阅", "審閱", "复查", "複查", "复核", "複核", "跟踪", "跟蹤",
    )
)
ZH_VERB_HEADS_1 = frozenset(
    "在于於把将將对對与與和向给給为為从從到去来來先再也需须須要会會能可就即写寫做发發查看找改修定买買跑建开開搭"
    "补補加删刪订訂问問催核审審读讀送拿签簽印贴貼列收回拟擬讲講说說帮幫试試办辦交提出协協配负負处處落确確更优優"
    "尽盡务務立继繼执執启啟编編制製设設撰宣公采採购購申评評讨討商洽计計完整统統汇匯彙追跟联聯通详詳共逐每本下今"
)
#: what may follow 请 when nobody is named: 请在…前, 请尽快… (the request has no owner)
ZH_NO_OWNER_HEADS = (
    "在", "于", "於", "把", "将", "將", "尽快", "盡快", "务必", "務必", "及时", "及時", "马上", "馬上",
    "立即", "按时", "按時", "协助", "協助", "配合", "确认", "確認", "提供", "提交", "准时", "準時",
)
#: 请 words that ask for nothing: leave, a question, advice, attention
ZH_QING_NOT = (
    "请假", "請假", "请问", "請問", "请教", "請教", "请示", "請示", "请注意", "請注意", "请参阅", "請參閱",
    "请参考", "請參考", "请见", "請見", "请看", "請看", "请稍", "請稍", "请进", "請進", "请坐", "請坐",
    "请勿", "請勿", "请客", "請客", "请柬", "請柬", "请求", "請求", "请留意", "請留意",
)
#: 请 right after one of these is part of a word (申请, 邀请, 聘请) or of "的请"
ZH_QING_WORD_BEFORE = "申邀聘宴提约約延呈奏祈吁籲声聲的得回咨諮"
#: negations before 请: "不再請廠商估價" asks nobody
ZH_QING_NEGATIONS = ("不再", "不", "无须", "無須", "无需", "無需", "不必", "不用", "勿", "毋须", "毋須")
#: 会/會 followed by one of these is the noun (meeting …), not "will"
ZH_HUI_NOT_AFTER = "议議上中后後场場所员員长長计計话話谈談见見面签簽审審商同费費务務标標徽址馆館客期晤考诊診聚展演刊的了是有被不没沒很太比得"
#: nouns ending in 会/會 (委会, 学会, 机会): their 会 is no "will" unless a second one follows
ZH_HUI_NOUNS = frozenset(
    ("委会", "委會", "学会", "學會", "协会", "協會", "工会", "工會", "商会", "商會", "公会", "公會", "议会",
     "議會", "大会", "大會", "社会", "社會", "机会", "機會", "年会", "年會", "晚会", "晚會", "开会", "開會",
     "例会", "例會", "晨会", "晨會", "散会", "散會", "生会", "生會")
)
#: topic openers: "關於停車位規劃會跟總務組討論" has no subject, the topic stands before 会
ZH_TOPIC_LEADS = ("关于", "關於", "对于", "對於", "针对", "針對", "至于", "至於")
#: bare 交 before these is another word (交至, 交付, 交流), not "hand to"
ZH_JIAO_NOT_AFTER = "至到付流通易换換接代叉集往涉谈談互出纳納费費卷差界回给給由织織管"
#: 由 right after one of these is part of a word (理由, 自由, 经由, 路由)
ZH_YOU_NOT_BEFORE = "理自事缘緣原经經来來藉借因路"
#: 由 before one of these is no "by": 由于/由於 (because), 由此 (hence), 由衷, 由来
ZH_YOU_NOT_AFTER = "于於此衷來来"
#: a rule, not an assignment: "只能由管理员设置"
ZH_YOU_RULE_LEADS = ("只能", "只可", "可以", "可由", "得由", "不得", "不能", "不可")
#: 负责 followed by these is a noun phrase (负责人, 负责制, 负责的)
ZH_FUZE_NOT_AFTER = ("人", "制", "任", "的", "同事", "部门", "部門", "范围", "範圍", "区域", "區域")
#: modal words between the owner and the verb: "许国栋需跟进", "小周先负责"
ZH_HEAD_TAILS = ("需要", "必须", "必須", "继续", "繼續", "务必", "務必", "主要", "需", "须", "須", "要", "先", "再", "也", "还", "還", "都", "亦", "来", "來")
#: time words and connectives a clause may start with before its owner: "下周小周负责…", "并由…"
ZH_CLAUSE_LEADS = (
    "下周", "下週", "本周", "本週", "这周", "這週", "明天", "明日", "今天", "今日", "后天", "後天", "之后",
    "之後", "随后", "隨後", "然后", "然後", "会后", "會後", "后续", "後續", "接下来", "接下來", "近期", "稍后",
    "稍後", "下次", "下个月", "下個月", "本月", "月底", "周末", "週末", "同时", "同時", "另外", "此外",
    "最后", "最後", "首先", "其次", "目前", "寒假", "暑假", "下学期", "下學期", "课后", "課後", "以后", "以後",
    "今后", "今後", "未来", "未來", "主要由", "主要", "并由", "並由", "再由", "另由", "并", "並", "另", "再", "也",
)
#: speech and report verbs: a known name followed by one of these is discussion, not a task
ZH_SPEECH_VERBS = (
    "说", "說", "认为", "認為", "表示", "提出", "提到", "介绍", "介紹", "汇报", "匯報", "彙報", "报告", "報告",
    "指出", "觉得", "覺得", "建议", "建議", "问", "問", "回答", "同意", "反对", "反對", "已", "的", "对", "對",
    "为", "為", "同学", "同學",
)

# ---------------------------------------------------------------------------
# Regular expressions
# ---------------------------------------------------------------------------

# characters and words without which no line assigns anything (the cheap first test)
_ENUMERATION_STARTS = frozenset("1(（①")
_NAME_STARTS = ZH_SURNAMES | frozenset(ZH_FAMILIAR_PREFIXES)
_CLAUSE_START_CHAR = lazy_compile(r"(?:^|[，,；;：:])[\s>*+•-]*(\S)")
_CUE_CHARS = frozenset("负負责責请請由会會将將交跟牵牽待办辦做代完✅✔☑~:：@＠(（[【-—–*")
_EN_CUE = lazy_compile(
    # "has to", "needs to", "is going to" all hold "to"; "in charge of" holds "charge"
    r"(?i)\b(?:will|shall|to|please|pls|kindly|todo|action|ai|next|responsible|charge)\b"
)
_LABEL = lazy_compile(
    r"^[\s*_]*(?P<label>"
    + "|".join(re.escape(word) for word in sorted(TASK_LABELS, key=len, reverse=True))
    + r")[\s*_]*(?:[(（\[](?P<who>[^()（）\[\]]{1,40})[)）\]])?[\s*_]*[:：][\s*_]*",
    re.IGNORECASE,
)
_VERSION_NUMBER = lazy_compile(r"\s*\d+[.．]\d")
_QUOTE = lazy_compile(r"^\s*(?:>\s*)+")
_STRUCK = lazy_compile(r"^~~(?P<body>.+?)~~")
_DONE_BRACKET = lazy_compile(r"\s*[(（\[【]\s*(?:已完成|完成|完成了|done|completed|finished)\s*[)）\]】]", re.IGNORECASE)
_DONE_TAIL = lazy_compile(r"[\s,，;；:：\-–—]+(?:done|completed|finished|已完成|完成了)[.。!！\s]*$", re.IGNORECASE)
_DONE_HEAD = lazy_compile(r"^(?:已完成|done)\s*[:：]\s*", re.IGNORECASE)
_SENTENCE_BREAK = lazy_compile(
    r"[。！？；]+\s*|[!?;]+(?:\s+|$)|<br\s*/?>\s*|\n+\s*"
    r"|(?<!\b[A-Za-z])(?<!\b(?:Mr|Ms|Dr|vs|No|St|Jr|Sr))(?<!\betc)(?<!\be\.g)(?<!\bi\.e)\.\s+(?=\S)"
)
_SEGMENT_BREAK = lazy_compile(r"<br\s*/?>|\n")
_ENUMERATION = lazy_compile(
    r"(?:^|(?<=[；;，,。.\s]))(?:[(（](?P<a>\d{1,2})[)）]|(?P<b>\d{1,2})\s*[.、．)）](?!\d)|(?P<c>[①-⑳]))\s*"
)
_EN_WILL = lazy_compile(
    r"(?<![\w'’])(?P<kw>"
    + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(EN_WILL, key=len, reverse=True))
    + r"|to)\s+(?P<next>[A-Za-z][\w'’-]*)",
    re.IGNORECASE,
)
# "Ask Dana to send …", "Please ask Dana and Raj to review …": a request, at the start of
# the sentence, that names who is to do it
_EN_ASK = lazy_compile(
    r"(?i)^[\s*_]*(?:(?:please|pls|kindly)\s+)?(?P<ask>ask)\s+(?P<who>[^,;:.!?]{1,60}?)\s+to\s+"
    r"(?P<next>[a-z][\w'’-]*)"
)
_EN_PLEASE = lazy_compile(r"(?i)(?:^|(?<=[\s,;:(]))(?:please|pls|kindly)\s+(?P<next>[A-Za-z][\w'’-]*)")
_ZH_CUE = lazy_compile(r"交给|交給|交由|由|负责|負責|请|請|会|會|将|將|交|跟进|跟進|牵头|牽頭")
_HANDLE = lazy_compile(r"(?<![\w.])[@＠](?P<handle>[^\s@＠,，;；:：()（）\[\]【】]+)(?:\s*[(（](?P<zh>[^()（）]{1,20})[)）])?")
_TRAILING_HANDLES = lazy_compile(
    r"(?P<group>(?:\s*(?<![\w.])[@＠][^\s@＠,，;；()（）]+(?:\s*[(（][^()（）]{1,20}[)）])?[,，、]?)+)\s*[。.]?\s*$"
)
_LEADING_HANDLE = lazy_compile(
    r"^[@＠](?P<handle>[^\s@＠,，;；:：()（）]+)(?:\s*[(（](?P<zh>[^()（）]{1,20})[)）])?\s*[:：,，]?\s*(?P<rest>\S.*)$"
)
_NAME_EQUALS = lazy_compile(r"\s*\[name\s*=\s*(?P<who>[^\]]+)\]\s*", re.IGNORECASE)
_TRAILING_PAREN = lazy_compile(r"^(?P<text>.*?\S)\s*[(（](?P<who>[^()（）]{1,40})[)）][\s。.]*$")
_TRAILING_DASH = lazy_compile(r"^(?P<text>.*?\S)(?:\s+[-–—]{1,2}\s*|\s*——\s*|\s*--\s*)(?P<who>[^-–—]{1,40}?)[\s。.]*$")
_LEADING_BRACKET = lazy_compile(r"^(?:\*\*)?\[(?P<who>[^\[\]]{1,40})\](?:\*\*)?(?!\()\s*[:：]?\s*(?P<rest>\S.*)$")
_LEADING_COLON = lazy_compile(r"^(?:\*\*)?(?P<who>[^:：*]{1,40}?)(?:\*\*)?\s*[:：](?:\*\*)?\s*(?P<rest>\S.*)$")
_TRAILING_COLON = lazy_compile(r"^(?P<text>.+?)\s*[:：]\s*(?P<who>[^:：]{1,24}?)[\s。.]*$")
_BOLD_NAME = lazy_compile(r"(?:^|(?<=[\s；;，,。：:]))\*\*(?P<who>[^*]{1,24})\*\*\s*(?=[^\s*；;，,。:：(（\[【])")
_LATIN_NAME_AT = lazy_compile(r"[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}")
_DIGIT = lazy_compile(r"\d")
_LINK_TEXT = lazy_compile(r"\[(?P<text>[^\[\]]*)\]\([^()]*\)")
_EN_OWNER_SPLIT = lazy_compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s*[/／]\s*")
_ZH_AND = lazy_compile(r"(?<=[\u3400-\u9fff])[与與](?=[\u3400-\u9fff])")
_TIME_WORD = lazy_compile(
    r"(?:\d{2,4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号號]?(?:之前|以前|前)?(?:上午|下午|晚上|中午|早上)?"
    r"|(?:下|本|这|這|上)?(?:个|個)?(?:周|週|星期|礼拜|禮拜)[一二三四五六日天末](?:之前|以前|前)?(?:上午|下午|晚上)?"
    r"|\d{1,2}\s*[/.]\s*\d{1,2}(?:\s*[(（][一二三四五六日][)）])?(?:之前|以前|前)?"
)
_ZH_TIME_HEAD = lazy_compile(
    r"^(?:(?:"
    + "|".join(re.escape(word) for word in sorted(ZH_CLAUSE_LEADS, key=len, reverse=True))
    + r")\s*|"
    + _TIME_WORD.pattern
    + r"\s*)+"
)
_STATUS_EN = lazy_compile(
    r"(?i)\b(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in STATUS_WORDS_EN) + r")\b"
)
_FUTURE_EN = lazy_compile(
    r"(?i)\b(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in FUTURE_WORDS_EN) + r")\b"
)
_FUTURE_HUI = lazy_compile("[会會](?![" + ZH_HUI_NOT_AFTER + "])")

# owner field labels: split_fields' own owner words and the extra ones, longest first
_OWNER_LABELS = tuple(
    sorted(
        {w.lower() for w in ACTION_KEYS.words if ACTION_KEYS.get(normalise_key(w)) == "owner"} | set(EXTRA_OWNER_LABELS),
        key=len,
        reverse=True,
    )
)
# characters that end no name: the cue or modal right after one ("小周会…", "小王需…")
_NOT_NAME_ENDINGS = frozenset("会會将將要需须須请請由负負跟交已也再先都的了在")
_LONG_DEPARTMENT_SUFFIXES = tuple(suffix for suffix in DEPARTMENT_SUFFIXES if len(suffix) > 1)
# how far back an owner may start: words before an English cue, characters before a Chinese one
# ("后端小组（嘉豪、雅琪、梓涵、宇航）" is 18); longer runs name nobody and would cost quadratic time
_MAX_OWNER_WORDS = 12
_MAX_OWNER_CHARS = 160
_MAX_HEAD_CHARS = 40
# longest role, group or department word the forward reader tries ("人力资源部", "新任總幹事")
_MAX_DICTIONARY_WORD = 6
_CLAUSE_BREAKS = "，,：:;；（(）)「」“”【】[]<>。！？!?"
_STRIP = " \t*_~`"
_TASK_STRIP = " \t,，;；、。.:：-–—"


@dataclass(frozen=True)
class TaskCue:
    """One task a line assigns, with its owners as written and the cue that decided."""

    task: str
    owners: tuple[str, ...]
    cue: str
    strong: bool
    done: bool = False


@dataclass(frozen=True)
class _Known:
    """The meeting's names: as written (Chinese), lower-cased (Latin), longest first."""

    exact: frozenset[str]
    lower: frozenset[str]
    cjk: tuple[str, ...]


@lru_cache(maxsize=64)
def _known(names: frozenset[str]) -> _Known:
    cleaned = {name.strip().lstrip("@＠").strip() for name in names}
    cleaned.discard("")
    cjk = tuple(sorted((n for n in cleaned if _has_cjk(n)), key=len, reverse=True))
    return _Known(frozenset(cleaned), frozenset(n.lower() for n in cleaned), cjk)


_NO_NAMES = _known(frozenset())


@dataclass(frozen=True)
class _Hit:
    """A cue found in a sentence: where the owner's words start, where the cue ends, who."""

    start: int
    end: int
    owners: tuple[str, ...]
    cue: str
    strong: bool
    subject: bool  # the owner is the sentence's subject (X will …, X负责 …): a new task starts here
    trim: bool = False  # "子轩、浩宇：负责…": the task starts at the hit, after the name and colon


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------


def find_tasks(text: str, known_names: frozenset[str] = frozenset()) -> list[TaskCue]:
    """The tasks one line assigns, in order; [] when it assigns nothing."""
    known = _known(known_names) if known_names else _NO_NAMES
    if not _may_hold_task(text) and not any(name in text for name in known.cjk):
        return []
    tasks: list[TaskCue] = []
    label: tuple[str, tuple[str, ...]] | None = None
    for segment in _SEGMENT_BREAK.split(text) if ("<" in text or "\n" in text) else [text]:
        found, label = _segment_tasks(segment, known, label)
        tasks.extend(found)
    return tasks


def owner_marker(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The owner annotation of an action item: (text without it, owners); None when there is none."""
    found = _owner_marker(text.strip(), _NO_NAMES)
    if found is None:
        return None
    rest, owners, _, _ = found
    return rest, owners


def is_question(text: str) -> bool:
    """Ends with ?/？ (or 吗) or starts with 是否, 要不要, whether, should we …"""
    stripped = text.strip().strip("*_~ \t")
    if not stripped:
        return False
    if stripped.endswith(QUESTION_ENDS):
        return True
    return stripped.lower().startswith(QUESTION_STARTS)


def is_status_report(text: str) -> bool:
    """A past or progress report (已经, 完成了, 30%, has been, was …) that assigns nothing new."""
    has_status = any(word in text for word in STATUS_WORDS_ZH if word != "已") or _has_yi(text)
    if not has_status and _STATUS_EN.search(text) is None:
        return False
    if any(word in text for word in FUTURE_WORDS_ZH) or _FUTURE_EN.search(text) is not None:
        return False
    return _FUTURE_HUI.search(text) is None


# ---------------------------------------------------------------------------
# Line and segment level
# ---------------------------------------------------------------------------


def _may_hold_task(text: str) -> bool:
    """The cheap test: a line with none of the cue characters or words assigns nothing."""
    return (
        not _CUE_CHARS.isdisjoint(text)
        or text.lstrip(" >")[:1] in _ENUMERATION_STARTS
        or _EN_CUE.search(text) is not None
        # "黄志强咨询后解答": a clause starting with a surname may name its owner
        or not _NAME_STARTS.isdisjoint(_CLAUSE_START_CHAR.findall(text))
    )


def _segment_tasks(
    segment: str, known: _Known, label: tuple[str, tuple[str, ...]] | None
) -> tuple[list[TaskCue], tuple[str, tuple[str, ...]] | None]:
    """Tasks of one ``<br>``-separated segment; a label alone ("遗留问题：") labels the next segments."""
    body, done = _clean(segment)
    if not body:
        return [], label
    match = _LABEL.match(body)
    if match is not None:
        cue = " ".join(match.group("label").lower().split()) + ":"
        who = match.group("who")
        owners = _owner_list(who, known, generic=True) if who else None
        rest = body[match.end() :].strip()
        if not rest:
            return [], (cue, owners or ())
        return _labelled(rest, cue, owners or (), known, done), None
    if label is not None and not _is_heading_label(body):
        return _labelled(body, label[0], label[1], known, done), label
    return [replace(task, done=task.done or done) for task in _line_tasks(body, known)], None


def _is_heading_label(body: str) -> bool:
    """``结论：`` alone: another part of the cell starts, the task label no longer applies."""
    head, colon, rest = body.partition("：") if "：" in body else body.partition(":")
    return bool(colon) and not rest.strip() and _is_field_key(head)


def _labelled(rest: str, cue: str, owners: tuple[str, ...], known: _Known, done: bool) -> list[TaskCue]:
    """``ACTION: Raj to …``, ``待做：1.…；2.…``: every part is a strong task; owners from the part or the label."""
    tasks: list[TaskCue] = []
    for part in _enumerated(rest) or [rest]:
        part, part_done = _clean(part)
        found = _line_tasks(part, known)
        if found:
            tasks.extend(
                TaskCue(t.task, t.owners or owners, cue, True, done or part_done or t.done) for t in found
            )
        elif part:
            tasks.append(TaskCue(_tidy(part), owners, cue, True, done or part_done))
    return tasks


def _line_tasks(body: str, known: _Known) -> list[TaskCue]:
    """A line without a task label: enumerated parts, an owner field, sentences, annotations."""
    parts = _enumerated(body)
    if parts:
        return _enumerated_tasks(parts, known)
    field = _owner_field(body)
    if field is not None:
        return [TaskCue(_tidy(field[0]), field[1], "负责人：", True)] if _tidy(field[0]) else []
    speaker = _LEADING_COLON.match(body)
    if speaker is not None and _enumerated(speaker.group("rest")):
        tasks = _colon_tasks(body, known)  # "小周：1.补充测试；2.更新文档": one owner for every part
        if tasks:
            return tasks
    tasks = []
    for start, end in _sentences(body):
        tasks.extend(_sentence_tasks(body, start, end, known))
    if tasks:
        return tasks
    marker = _owner_marker(body, known, in_sentence=True)
    if marker is not None:
        rest, owners, cue, strong = marker
        if _tidy(rest) and not is_question(rest) and not is_status_report(rest):
            return [TaskCue(_tidy(rest), owners, cue, strong)]
    return []


def _enumerated_tasks(parts: list[str], known: _Known) -> list[TaskCue]:
    """``1.补充测试；2.更新文档（小周）``: one task per part; an owner given for the line is everyone's."""
    line_owners: tuple[str, ...] = ()
    line_cue, line_strong = "1.", False
    marker = _owner_marker(parts[-1], known, in_sentence=True)
    if marker is not None and marker[2] in ("(name)", "@", "- name", "[name=]", "负责人："):
        # the annotation closes the line, so it names the owner of every part
        parts = [*parts[:-1], marker[0]]
        line_owners, line_cue, line_strong = marker[1], marker[2], marker[3]
    tasks: list[TaskCue] = []
    for part in parts:
        part, done = _clean(part)
        found = _line_tasks(part, known) if part else []
        if found:
            tasks.extend(replace(t, done=t.done or done) for t in found)
        elif part:
            tasks.append(TaskCue(_tidy(part), line_owners, line_cue, line_strong, done))
    return tasks


def _clean(text: str) -> tuple[str, bool]:
    """Drop quote marks, a bullet or number, a checkbox, wrapping ``**``/``~~`` and done marks."""
    text = _QUOTE.sub("", text).strip()
    body, checked = strip_checkbox(text)
    if checked is None and not _enumerated(text) and _VERSION_NUMBER.match(text) is None:
        body = strip_enumerator(text)
        body, checked = strip_checkbox(body)
    done = bool(checked)
    body = body.strip()
    struck = _STRUCK.match(body)
    if struck is not None:
        body = (struck.group("body") + body[struck.end() :]).strip()
        done = True
    if body.startswith("**") and body.endswith("**") and body.count("**") == 2:
        body = body[2:-2].strip()
    if any(symbol in body for symbol in DONE_SYMBOLS):
        for symbol in DONE_SYMBOLS:
            body = body.replace(symbol, "")
        body, done = body.strip(), True
    if any(word in body or word in body.lower() for word in DONE_WORDS):
        for pattern in (_DONE_BRACKET, _DONE_TAIL, _DONE_HEAD):
            body, count = pattern.subn("", body)
            done = done or bool(count)
        body = body.strip()
        # "接口开发完成了": done, and the words stay the user's
        done = done or body.rstrip("。.!！ ").endswith(("已完成", "完成了"))
    return body, done


def _tidy(task: str) -> str:
    """The task as written, without surrounding punctuation or an emphasis marker left unpaired."""
    task = task.strip(_TASK_STRIP)
    if task.count("**") % 2 == 1:
        task = task[2:] if task.startswith("**") else task.removesuffix("**")
    elif task.startswith("**") and task.endswith("**") and task.count("**") == 2:
        task = task[2:-2]
    return task.strip(_TASK_STRIP)


def _enumerated(text: str) -> list[str] | None:
    """``1.补充测试；2.更新文档`` → the parts; None unless numbered 1, 2, … from the start."""
    if not text or not (text.lstrip()[:1].isdigit() or text.lstrip()[:1] in "(（①"):
        return None
    marks: list[re.Match[str]] = []
    for match in _ENUMERATION.finditer(text):
        number = match.group("a") or match.group("b")
        value = int(number) if number else ord(match.group("c")) - ord("①") + 1
        if value == len(marks) + 1:
            if not marks and text[: match.start()].strip():
                return None
            marks.append(match)
    if len(marks) < 2:
        return None
    parts = []
    for index, match in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        part = text[match.end() : end].strip().rstrip("；;，,。").strip()
        if part:
            parts.append(part)
    return parts if len(parts) >= 2 else None


def _owner_field(body: str) -> tuple[str, tuple[str, ...]] | None:
    """``任务；负责人：小周、小王`` (split_fields reads it) or a label it does not know (``部署人：``).

    Returns the text before the field (may be empty) and the owners.
    """
    if "：" not in body and ":" not in body:
        return None
    fields = split_fields(body)
    values = [value for name, value in fields.pairs if name == "owner"]
    if values:
        owners = tuple(p for value in values for p in _people(value))
        if owners:
            return fields.head, owners
    lowered = body.lower()
    for label in _OWNER_LABELS:
        index = lowered.find(label)
        while index >= 0:
            after = body[index + len(label) :].lstrip(" *_")
            before = body[:index]
            # "审核--责任人：", "；負責：": the label starts a field, it does not end a word
            if after[:1] in (":", "：") and (not before or not (before[-1].isalnum() or _has_cjk(before[-1]))):
                value = split_outside_brackets(after[1:], "，,；;。")
                owners = tuple(_people(value[0])) if value else ()
                if owners:
                    return before.rstrip(" \t，,；;(（[【*-–—"), owners
            index = lowered.find(label, index + 1)
    return None


def _people(text: str) -> list[str]:
    """Owners of a field value: ``@a @b``, ``唐斌、韩立新``, ``Jane Doe and Li``."""
    handles = [m.group("zh") or m.group("handle") for m in _HANDLE.finditer(text)]
    if handles:
        return [h.strip() for h in handles if h.strip()]
    return [p.strip(" *_") for p in split_people(_ZH_AND.sub("、", text)) if p.strip(" *_")]


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if match.end() > start:
            spans.append((start, match.end()))
            start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _sentence_tasks(text: str, start: int, end: int, known: _Known) -> list[TaskCue]:
    """Tasks of one sentence: a new task at every subject cue, later steps join the task before."""
    sentence = text[start:end]
    if sentence.rstrip(" *_").endswith(QUESTION_ENDS):
        return []
    hits = _en_hits(sentence, known) + _zh_hits(sentence, known) + _bold_hits(sentence, known)
    if not hits:
        hits = _handle_hits(sentence)
    if is_question(sentence):
        # "是否續約請物業確認": only a request to answer the question assigns anything
        hits = [hit for hit in hits if hit.cue == "请"]
    if not hits:
        return [] if is_question(sentence) else _colon_tasks(sentence, known)
    hits.sort(key=lambda hit: hit.start)
    groups: list[list[_Hit]] = []
    for hit in hits:
        if groups and any(h.start <= hit.start < h.end for h in groups[-1]):
            continue  # inside an earlier cue: 负责 of 由…负责
        if not groups or hit.subject or hit.cue == groups[-1][0].cue or (hit.strong and not groups[-1][0].strong):
            groups.append([hit])
        else:
            groups[-1].append(hit)  # "…，由委员签名", "交总干事执行": a later step of the same task
    hedged = _hedged(sentence)
    tasks: list[TaskCue] = []
    task_start = groups[0][0].start if groups[0][0].trim else 0
    for index, group in enumerate(groups):
        first = group[0]
        if index + 1 < len(groups):
            task_end, next_start = _clause_cut(sentence, group[-1].end, groups[index + 1][0].start)
        else:
            task_end, next_start = len(sentence), len(sentence)
        owners = list(first.owners)
        for extra in group[1:]:
            owners += [o for o in extra.owners if o not in owners and not _collective(o)]
        words = _tidy(_strip_trailing_and(sentence[task_start:task_end]))
        if words and (first.strong or not is_status_report(sentence[first.start : task_end])):
            tasks.append(TaskCue(words, tuple(owners), first.cue, first.strong and not hedged))
        task_start = next_start
    return tasks


def _clause_cut(sentence: str, after: int, before: int) -> tuple[int, int]:
    """Where one task ends and the next begins: the last comma, semicolon or " and " between them."""
    for index in range(before - 1, after - 1, -1):
        if sentence[index] in "，,；;":
            comma = index
            break
    else:
        comma = -1
    and_at = sentence.rfind(" and ", after, before)
    if and_at > comma:
        return and_at, and_at + len(" and ")
    if comma >= 0:
        return comma, comma + 1
    return before, before


def _strip_trailing_and(text: str) -> str:
    text = text.rstrip()
    for tail in (", and", " and", " &"):
        if text.endswith(tail):
            return text[: -len(tail)]
    return text


def _hedged(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(word in lowered for word in PROPOSAL_WORDS)


def _collective(owner: str) -> bool:
    return owner in ZH_COLLECTIVE or owner.lower() in EN_COLLECTIVE


# English ------------------------------------------------------------------


def _en_hits(sentence: str, known: _Known) -> list[_Hit]:
    if not sentence.isascii() and _EN_CUE.search(sentence) is None:
        return []
    hits: list[_Hit] = []
    floor = 0
    asked = _ask_hit(sentence, known)
    if asked is not None:
        hits.append(asked)
        floor = asked.end
    for match in _EN_WILL.finditer(sentence):
        if match.start() < floor:
            continue
        keyword = " ".join(match.group("kw").lower().split())
        if keyword == "will" and match.start() == len(sentence) - len(sentence.lstrip()):
            continue  # "Will Raj …" asks
        following = _word_after(sentence, match)
        is_to = keyword == "to"
        if not _fits_verb(keyword, following, sentence, match):
            continue
        found = _owners_before(sentence, floor, match.start(), known)
        if found is None:
            continue
        owner_start, owners, person = found
        if is_to and not (person or following.lower() in IMPERATIVE_VERBS):
            continue
        hits.append(_Hit(owner_start, match.end("kw"), owners, "to" if is_to else "will", True, True))
        floor = match.end("kw")
    for match in _EN_PLEASE.finditer(sentence):
        if match.group("next").lower() in EN_PLEASE_NOT or (asked and match.start() < asked.end):
            continue
        hit = _please_owner(sentence, match, known)
        if hit is not None:
            hits.append(hit)
    return hits


def _ask_hit(sentence: str, known: _Known) -> _Hit | None:
    """``Ask Dana to send …``: Dana is to send it (the one asking is nobody's owner)."""
    match = _EN_ASK.match(sentence)
    if match is None:
        return None
    owners = _en_owner_list(match.group("who"), known)
    if owners is None or all(_collective(owner) for owner in owners):
        return None  # "Ask everyone to sign …" is a request to the room, no one's task
    return _Hit(match.start("ask"), match.start("next"), owners, "ask", True, True)


def _handle_hits(sentence: str) -> list[_Hit]:
    """``@raj update the wiki``, ``@小周 写接口``: a handle, then what to do (not "@x wants to …")."""
    stripped = sentence.lstrip()
    if not stripped.startswith(("@", "＠")):
        return []
    lead = _LEADING_HANDLE.match(stripped.rstrip())
    if lead is None:
        return []
    words = lead.group("rest").split(None, 1)
    first = words[0].lower().strip(",.") if words else ""
    if first not in IMPERATIVE_VERBS and not _has_cjk(first[:1]):
        return []
    offset = len(sentence) - len(stripped)
    return [_Hit(offset, offset + 1, ((lead.group("zh") or lead.group("handle")).strip(),), "@", True, True)]


def _please_owner(sentence: str, match: re.Match[str], known: _Known) -> _Hit | None:
    """``Please review``, ``@raj please update``, ``Raj, please send``; not "We would please …"."""
    before = sentence[: match.start()].strip(" ,*")
    if not before or before[-1] in ":：-–—•(":
        return _Hit(match.start(), match.end(), (), "please", True, False)
    handle = _HANDLE.fullmatch(before)
    if handle is not None:
        owner = (handle.group("zh") or handle.group("handle")).strip()
        return _Hit(sentence.find(before), match.end(), (owner,), "@", True, True)
    found = _owners_before(sentence, 0, match.start(), known)
    if found is None:
        return None
    return _Hit(found[0], match.end(), found[1], "please", True, True)


def _word_after(sentence: str, match: re.Match[str]) -> str:
    """The verb after a will-cue, skipping adverbs ("will also send")."""
    word = match.group("next")
    position = match.end("next")
    while word.lower() in EN_ADVERBS:
        following = re.match(r"\s+([A-Za-z][\w'’-]*)", sentence[position:])
        if following is None:
            break
        word, position = following.group(1), position + following.end()
    return word


def _fits_verb(keyword: str, word: str, sentence: str, match: re.Match[str]) -> bool:
    """The word after "will"/"to" must be a lower-case verb; "will be held" is no assignment."""
    if keyword in EN_WILL_NOUN_NEXT:
        return True
    if not word[:1].islower():
        return False
    lowered = word.lower()
    if lowered in EN_NOT_OWNERS or lowered in ("not", "never", "no", "be", "been"):
        if lowered == "be":
            rest = sentence[match.end("next") :].lstrip().lower()
            return rest.startswith(("responsible", "in charge", "the owner")) or bool(
                re.match(r"[a-z]+ing\b", rest)
            )
        return False
    return True


def _owners_before(
    sentence: str, floor: int, position: int, known: _Known
) -> tuple[int, tuple[str, ...], bool] | None:
    """The owner list right before a cue: the longest run of words that names people.

    Returns where it starts, the owners and whether it surely names people (a
    handle, a known name, several capitalised words) rather than one capital word.
    """
    # an owner list is a few words ("Colin, Lena, Max G. and Derek"): look no further back
    window = max(floor, position - _MAX_OWNER_CHARS)
    prefix = sentence[window:position]
    tokens = list(re.finditer(r"\S+", prefix))
    # a cut window starts inside the sentence: its first word only tells what precedes the next
    first_index = max(1 if window > floor else 0, len(tokens) - _MAX_OWNER_WORDS)
    for index, token in enumerate(tokens[first_index:], start=first_index):
        if index > 0:
            previous = tokens[index - 1].group()
            if not (
                previous[-1] in ",;:.!?)]—–-*>" or previous.lower().strip("*_") in EN_CONNECTIVES
            ):
                continue
            # "… which John and Cyrus will": an "and" inside a list of names starts no clause
            if previous.lower() in ("and", "&") and index > 1 and tokens[index - 2].group()[:1].isupper():
                continue
        candidate = prefix[token.start() :].strip()
        owners = _en_owner_list(candidate, known)
        if owners is None:
            owners = _owner_list(candidate, known, generic=False) if _has_cjk(candidate) else None
        if owners:
            sure = (
                len(owners) > 1
                or candidate.lstrip("*").startswith(("@", "＠"))
                or any(o.lower() in known.lower or o in known.exact or _collective(o) for o in owners)
                or any(" " in o or looks_like_department(o) for o in owners)
            )
            return window + token.start(), owners, sure
    return None


def _en_owner_list(text: str, known: _Known) -> tuple[str, ...] | None:
    text = text.strip().strip("*_").strip()
    if not text:
        return None
    lowered = text.lower()
    if lowered in EN_COLLECTIVE:
        return ("everyone",) if lowered in ("everyone", "everybody", "all") else (lowered,)
    parts = [p for p in _EN_OWNER_SPLIT.split(text) if p.strip()]
    owners: list[str] = []
    for part in parts:
        name = part.strip().strip("*_\"“”'").strip()
        if name.startswith(("@", "＠")):
            handle = name[1:].strip()
            if not handle or any(ch in handle for ch in " ,;"):
                return None
            owners.append(handle)
        elif _en_person(name, known):
            owners.append(name)
        else:
            return None
    return tuple(owners) if owners else None


def _en_person(name: str, known: _Known) -> bool:
    """A capitalised word or two (Max Z., Chris Tanner), a known name or a department."""
    if not name:
        return False
    if name.lower() in known.lower or name in known.exact:
        return True
    words = name.split()
    if not words or (words[0].lower() in EN_NOT_OWNERS and not words[0].isupper()):
        return False
    if looks_like_department(name) and name[:1].isupper():
        return True
    if not 1 <= len(words) <= 3:
        return False
    first = words[0].lower().strip(".,")
    if first in EN_NOT_OWNERS or first in IMPERATIVE_VERBS:
        return False
    if any(word.lower().strip(".,") in EN_NOT_NAMES for word in words):
        return False
    for word in words:
        core = word.rstrip(".,")
        if not core or not core[0].isupper():
            return False
        if not all(ch.isalpha() or ch in "'’-" for ch in core):
            return False
        if len(core) >= 4 and core.isupper():
            return False
    return not (len(words) == 1 and first.endswith(EN_NOUN_SUFFIXES))


# Chinese ------------------------------------------------------------------


def _zh_hits(sentence: str, known: _Known) -> list[_Hit]:
    if not _has_cjk(sentence):
        return []
    hits: list[_Hit] = []
    for match in _ZH_CUE.finditer(sentence):
        word = match.group()
        if word == "由":
            hit = _by_hit(sentence, match.start(), known)
        elif word in ("负责", "負責"):
            hit = _subject_hit(sentence, match, "负责", known, generic=True, not_after=ZH_FUZE_NOT_AFTER)
        elif word in ("跟进", "跟進", "牵头", "牽頭"):
            hit = _subject_hit(sentence, match, "跟进", known, generic=True, not_after=("人", "事项", "事項", "记录", "記錄"))
        elif word in ("请", "請"):
            hit = _please_hit(sentence, match, known)
        elif word in ("会", "會", "将", "將"):
            hit = _will_hit(sentence, match, known)
        else:
            hit = _give_hit(sentence, match, known)
        if hit is not None:
            hits.append(hit)
    hits.extend(_name_verb_hits(sentence, known, hits))
    return hits


def _clause_head(sentence: str, position: int) -> tuple[int, str]:
    """The words of the clause before ``position``, without a leading time phrase or trailing modal."""
    start = position
    limit = max(0, position - _MAX_HEAD_CHARS)
    while start > limit and sentence[start - 1] not in _CLAUSE_BREAKS:
        start -= 1
    head = sentence[start:position]
    stripped = head.lstrip(_STRIP)
    start += len(head) - len(stripped)
    time = _ZH_TIME_HEAD.match(stripped)
    if time is not None and time.end() > 0:
        start += time.end()
        stripped = stripped[time.end() :]
    stripped = stripped.rstrip(_STRIP)
    changed = True
    while changed and stripped:
        changed = False
        for tail in ZH_HEAD_TAILS:
            if stripped.endswith(tail) and len(stripped) > len(tail):
                stripped, changed = stripped[: -len(tail)].rstrip(), True
                break
    return start, stripped


def _subject_hit(
    sentence: str, match: re.Match[str], cue: str, known: _Known, generic: bool, not_after: tuple[str, ...]
) -> _Hit | None:
    """``小周负责测试``, ``许国栋跟进``, ``子轩、浩宇：负责界面修改``: the clause's subject is the owner."""
    if sentence.startswith(not_after, match.end()):
        return None
    start, head = _clause_head(sentence, match.start())
    if not head:
        # "子轩、浩宇：负责…": the name before the colon is the subject
        before = sentence[: match.start()].rstrip(_STRIP)
        if not before.endswith(("：", ":")):
            return None
        _, head = _clause_head(sentence, len(before) - 1)
        owners = _owner_list(head, known, generic=generic) if head else None
        if not owners or head.startswith("由"):
            return None
        return _Hit(match.start(), match.end(), owners, cue, True, True, trim=True)
    if "由" in head:
        return None  # 由…负责 is read as a whole
    owners = _owner_list(head, known, generic=generic)
    if not owners:
        return None
    return _Hit(start, match.end(), owners, cue, True, True)


def _by_hit(sentence: str, position: int, known: _Known) -> _Hit | None:
    """``由小周负责…``, ``由网委核定流程``, ``由后端小组（…）来进行…``; not 由于, 理由."""
    if position > 0 and sentence[position - 1] in ZH_YOU_NOT_BEFORE:
        return None
    if sentence[:position].endswith(ZH_YOU_RULE_LEADS):
        return None
    following = sentence[position + 1 : position + 2]
    if not following or following in ZH_YOU_NOT_AFTER:
        return None
    window = sentence[position + 1 : position + 24]
    for cue_word in ("负责", "負責"):
        at = window.find(cue_word)
        if at > 0 and not window.startswith(ZH_FUZE_NOT_AFTER, at + 2):
            who = window[:at].strip(_STRIP)
            for lead in ("牵头", "牽頭", "主导", "主導"):
                who = who.removesuffix(lead).strip()
            if not any(ch in _CLAUSE_BREAKS for ch in who):
                owners = _owner_list(who, known, generic=True)
                if owners:
                    return _Hit(position, position + 1 + at + 2, owners, "由…负责", True, False)
    read = _read_owners(sentence, position + 1, known, generic=True)
    if read is None:
        return None
    owners, end = read
    return _Hit(position, end, owners, "由", True, False)


def _please_hit(sentence: str, match: re.Match[str], known: _Known) -> _Hit | None:
    """``请小周确认…``, ``請物業確認``, ``请在周五前提交``; not 请假, 请问, 申请, 聘请."""
    position = match.start()
    if sentence.startswith(ZH_QING_NOT, position):
        return None
    before = sentence[:position].rstrip(_STRIP)
    if before and (before[-1] in ZH_QING_WORD_BEFORE or before.endswith(ZH_QING_NEGATIONS)):
        return None
    after = match.end()
    owners: tuple[str, ...] = ()
    if not sentence.startswith(ZH_NO_OWNER_HEADS, after):
        read = _read_owners(sentence, after, known, generic=True)
        if read is not None:
            owners = read[0]
    if not sentence[after:].strip(_TASK_STRIP):
        return None
    return _Hit(position, after, owners, "请", True, False)


def _will_hit(sentence: str, match: re.Match[str], known: _Known) -> _Hit | None:
    """``小周会…``, ``主委將擔任…``, ``學權部會開…``; not 会议, 会上, 开会."""
    following = sentence[match.end() : match.end() + 1]
    if not following or following in ZH_HUI_NOT_AFTER or following in _CLAUSE_BREAKS or following.isspace():
        return None
    position = match.start()
    if sentence[position - 1 : position + 1] in ZH_HUI_NOUNS and following not in "会會":
        return None  # 管委會得…, 開會…: the 会 of a noun
    head_start, head = _clause_head(sentence, position)
    if head.startswith(ZH_TOPIC_LEADS):
        head = ""  # "關於停車位規劃會跟總務組討論": a topic, the subject is left out
    if head:
        owners = _owner_list(head, known, generic=False)
        if not owners:
            return None
        return _Hit(head_start, match.end(), owners, "会", True, True)
    if match.group() in ("将", "將"):
        return None  # a clause starting with 将 is "take …" (将文档发给…), not "will"
    # "會與總務組討論…", "之後會再和宿舍組討論": the subject is left out (weak, no owner)
    clause_start = head_start
    limit = max(0, position - _MAX_HEAD_CHARS)
    while clause_start > limit and sentence[clause_start - 1] not in _CLAUSE_BREAKS:
        clause_start -= 1
    return _Hit(clause_start, match.end(), (), "会", False, True)


def _give_hit(sentence: str, match: re.Match[str], known: _Known) -> _Hit | None:
    """``交给小周``, ``交由物業``, ``交新任總幹事協同辦理`` (bare 交 only before a role or known name)."""
    bare = match.group() == "交"
    if bare and sentence[match.end() : match.end() + 1] in tuple(ZH_JIAO_NOT_AFTER):
        return None
    read = _read_owners(sentence, match.end(), known, generic=not bare, dictionary_only=bare)
    if read is None:
        return None
    owners, end = read
    return _Hit(match.start(), end, owners, "交给", True, False)


def _name_verb_hits(sentence: str, known: _Known, hits: list[_Hit]) -> list[_Hit]:
    """``谢明哲查证后回复``, ``5 月 14 日下午龙晓峰搭建整体框架``: a name starting a clause, then a verb (weak)."""
    found: list[_Hit] = []
    for clause_start in _clause_starts(sentence):
        position = clause_start
        while position < len(sentence) and sentence[position] in _STRIP:
            position += 1
        time = _ZH_TIME_HEAD.match(sentence, position)
        if time is not None:
            position = time.end()
        name = next((n for n in known.cjk if sentence.startswith(n, position)), None)
        if name is None:
            read = _read_generic(sentence, position, generic=False, heads=(ZH_VERB_HEADS_2,))
            if read is None:
                continue
            name = read[0]
        end = position + len(name)
        if not _has_cjk(sentence[end : end + 1]) or sentence.startswith(ZH_SPEECH_VERBS, end):
            continue
        if sentence[end + 2 : end + 3] == "的":
            continue  # "小周负责的接口": a noun phrase, not what 小周 will do
        if any(h.start <= position < h.end or position <= h.start < end for h in hits + found):
            continue
        found.append(_Hit(position, end, (name,), "name+verb", False, True))
    return found


def _clause_starts(sentence: str) -> list[int]:
    return [0] + [index + 1 for index, char in enumerate(sentence) if char in "，,；;：:（(" and index + 1 < len(sentence)]


def _bold_hits(sentence: str, known: _Known) -> list[_Hit]:
    """``**方雨晴** 交付…；**田甜** 交付…``: a bold name starting a clause (weak)."""
    if "**" not in sentence:
        return []
    hits: list[_Hit] = []
    for match in _BOLD_NAME.finditer(sentence):
        who = match.group("who").strip()
        if _zh_person(who, known, generic=False) if _has_cjk(who) else _en_person(who, known):
            hits.append(_Hit(match.start(), match.end(), (who,), "**name**", False, True))
    return hits


def _read_owners(
    sentence: str, position: int, known: _Known, generic: bool, dictionary_only: bool = False
) -> tuple[tuple[str, ...], int] | None:
    """People named from ``position`` on (``物業與經理``, ``后端小组（嘉豪、雅琪）``) and where they end."""
    owners: list[str] = []
    while True:
        while position < len(sentence) and sentence[position] in " *":
            position += 1
        read = _read_owner(sentence, position, known, generic, dictionary_only)
        if read is None:
            break
        name, end = read
        bracket = re.match(r"\s*[(（](?P<inner>[^()（）]{1,40})[)）]", sentence[end:])
        if bracket is not None:
            inner = _owner_list(bracket.group("inner"), known, generic=True)
            if inner and (looks_like_department(name) or _collective(name) or name in ZH_ORG_OWNERS):
                owners.extend(inner)
            else:
                owners.append(name)
            end += bracket.end()
        else:
            owners.append(name)
        position = end
        if position < len(sentence) and sentence[position] in "、和与與及/":
            position += 1
            continue
        break
    if not owners:
        return None
    return tuple(owners), position


def _read_owner(
    sentence: str, position: int, known: _Known, generic: bool, dictionary_only: bool
) -> tuple[str, int] | None:
    handle = _HANDLE.match(sentence, position)
    if handle is not None:
        return (handle.group("zh") or handle.group("handle")).strip(), handle.end()
    for name in known.cjk:
        if sentence.startswith(name, position):
            return name, position + len(name)
    # the shortest dictionary word: "請總幹事修正…" is 總幹事, not a longer run that ends like a department
    best: tuple[str, int] | None = None
    for length in range(2, min(_MAX_DICTIONARY_WORD, len(sentence) - position) + 1):
        candidate = sentence[position : position + length]
        if not _all_cjk(candidate):
            break
        # "小周处理": 处 starts the verb 处理 here, it does not end a department
        if _dictionary_person(candidate) and sentence[position + length - 1 : position + length + 1] not in ZH_VERB_HEADS_2:
            best = (candidate, position + length)
            break
    if best is not None:
        name, end = best
        if looks_like_department(name):
            person = _read_generic(sentence, end, generic=False)
            if person is not None:
                return name + sentence[end : person[1]], person[1]
        return best
    if dictionary_only:
        return None
    if sentence[position : position + 1].isascii() and sentence[position : position + 1].isalpha():
        latin = _LATIN_NAME_AT.match(sentence, position)
        if latin is not None and _en_person(latin.group().rstrip("."), known):
            return latin.group(), latin.end()
        return None
    return _read_generic(sentence, position, generic)


def _holds_verb(word: str) -> bool:
    """``整理会议室`` ends like a department but holds a verb: no one's name."""
    return any(word[i : i + 2] in ZH_VERB_HEADS_2 for i in range(len(word) - 1))


def _read_generic(
    sentence: str, position: int, generic: bool, heads: tuple[frozenset[str], ...] = (ZH_VERB_HEADS_2, ZH_VERB_HEADS_1)
) -> tuple[str, int] | None:
    """A 2–4 character name whose end is where a verb starts (``请孙一鸣确认`` → 孙一鸣)."""
    first = sentence[position : position + 1]
    if not first or not _has_cjk(first):
        return None
    lengths = (2, 3, 4) if first in ZH_FAMILIAR_PREFIXES else (3, 2, 4)
    for head_words in heads:
        for length in lengths:
            name = sentence[position : position + length]
            if len(name) < length or not _all_cjk(name):
                continue
            if not (generic or _surname_name(name)) or name in ZH_NOT_OWNERS or _TIME_WORD.fullmatch(name):
                continue
            if name[-1] in _NOT_NAME_ENDINGS:
                continue
            rest = sentence[position + length : position + length + 2]
            if rest[:1] in ("、", "和", "与", "與", "及", "(", "（") or rest in head_words or rest[:1] in head_words:
                return name, position + length
    return None


def _owner_list(text: str, known: _Known, generic: bool) -> tuple[str, ...] | None:
    """Every part of ``小周、小王``, ``后端小组（嘉豪、雅琪）`` or ``Ana and Li`` names someone, or None."""
    text = text.strip(_STRIP + "「」“”\"'")
    if not text:
        return None
    main, inner = trailing_bracket(text)
    if inner is not None:
        inner_owners = _owner_list(inner, known, generic=True)
        main_owners = _owner_list(main, known, generic)
        if main_owners and inner_owners and any(
            looks_like_department(o) or _collective(o) or o in ZH_ORG_OWNERS for o in main_owners
        ):
            return inner_owners
        return main_owners
    owners: list[str] = []
    for part in split_people(_ZH_AND.sub("、", text)):
        name = part.strip(_STRIP + "「」“”\"'@＠")
        for suffix in ("同学", "同學"):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                name = name[: -len(suffix)]
        if not name:
            return None
        if _has_cjk(name):
            if not _zh_person(name, known, generic):
                return None
        elif not _en_person(name, known) and name.lower() not in known.lower:
            if name.lower() in EN_COLLECTIVE:
                owners.append(name.lower())
                continue
            return None
        owners.append(name)
    return tuple(owners) if owners else None


def _zh_person(word: str, known: _Known, generic: bool) -> bool:
    """A Chinese owner: known, a role (主委), a department, a titled name (林主管), a name (小周)."""
    if word in known.exact:
        return True
    if word in ZH_NOT_OWNERS or _DIGIT.search(word) or _TIME_WORD.fullmatch(word):
        return False
    if _dictionary_person(word):
        return True
    if _all_cjk(word):
        if len(word) >= 3:
            department, name = split_department(word)
            if department and name and _short_department(department) and _zh_person(name, known, generic=False):
                return True
        if generic and 2 <= len(word) <= 4:
            return True
        return _surname_name(word)
    department, name = split_department(word)
    if department and name and looks_like_department(department):
        return _zh_person(name, known, generic) if _has_cjk(name) else _en_person(name, known)
    return False


def _dictionary_person(word: str) -> bool:
    """Owners known by their word alone: roles, groups, departments and surname + title."""
    if word in ZH_COLLECTIVE or word in ZH_ORG_OWNERS or word in ZH_NOT_OWNERS:
        return word not in ZH_NOT_OWNERS
    if _is_role(word):
        return True
    if _short_department(word) or (3 <= len(word) <= 8 and word.endswith(ZH_ORG_SUFFIXES)):
        return True
    return _titled(word)


def _short_department(word: str) -> bool:
    """市场部, 后端小组, 研发中心: a department word; a long run ending in 局 or 处 is a phrase."""
    if not looks_like_department(word) or _holds_verb(word):
        return False
    if len(word) <= 4:
        return True
    return len(word) <= 6 and word.endswith(_LONG_DEPARTMENT_SUFFIXES)


def _is_role(word: str) -> bool:
    for prefix in ZH_ROLE_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            word = word[len(prefix) :]
            break
    if word in ZH_ROLES:
        return True
    # 網委, 棟委, 財委: committee members named by their portfolio
    return len(word) == 2 and word[1] == "委" and _has_cjk(word[0])


def _titled(word: str) -> bool:
    """林主管, 王老师, 张总: a surname (or 小/老) and a job title."""
    if not 2 <= len(word) <= 5:
        return False
    if word[0] not in ZH_SURNAMES and word[0] not in ZH_FAMILIAR_PREFIXES:
        return False
    return word[1:] in TITLE_WORDS or word[1:] in ZH_ROLES


def _surname_name(word: str) -> bool:
    """孙一鸣, 许国栋, 小周, 欧阳娜娜: the shape of a personal name."""
    if not _all_cjk(word) or word in ZH_NOT_OWNERS:
        return False
    if len(word) in (3, 4) and word[:2] in ZH_COMPOUND_SURNAMES:
        return True
    return len(word) in (2, 3) and (word[0] in ZH_SURNAMES or word[0] in ZH_FAMILIAR_PREFIXES)


# Colon forms ---------------------------------------------------------------


def _colon_tasks(sentence: str, known: _Known) -> list[TaskCue]:
    """``李四：写接口``, ``Raj: update the wiki`` (an imperative after an English name)."""
    if "：" not in sentence and ":" not in sentence:
        return []
    body = sentence.strip().rstrip("。.；;").strip()
    match = _LEADING_COLON.match(body)
    if match is None:
        return []
    who, rest = match.group("who").strip(), match.group("rest").strip()
    if _is_field_key(who) or is_question(rest) or is_status_report(rest):
        return []
    if _has_cjk(who):
        owners = _owner_list(who, known, generic=False)
        if not owners and 2 <= len(who) <= 3 and _all_cjk(who) and who not in ZH_NOT_OWNERS and rest[:2] in ZH_VERB_HEADS_2:
            owners = (who,)  # "欣怡：制作…": a given name, then what to do
        if not owners or rest[:1] in ("我", "你", "他", "她"):
            return []
    else:
        owners = _en_owner_list(who, known)
        first = rest.split(None, 1)[0].lower().strip(",.") if rest.split() else ""
        if not owners or (first not in IMPERATIVE_VERBS and not _has_cjk(first[:1])):
            return []
    parts = _enumerated(rest) or [rest]
    return [TaskCue(_tidy(part), owners, "name:", False) for part in parts if _tidy(part)]


def _is_field_key(word: str) -> bool:
    key = normalise_key(word)
    return key in ACTION_KEYS or key in MEETING_KEYS or key in SUBSECTION_LABELS or key in SECTION_NAMES


# ---------------------------------------------------------------------------
# Owner annotations
# ---------------------------------------------------------------------------


def _owner_marker(
    text: str, known: _Known, in_sentence: bool = False
) -> tuple[str, tuple[str, ...], str, bool] | None:
    """(text without the annotation, owners, cue, strong) of the first annotation found.

    ``in_sentence``: find_tasks asks; the sentence rules already judged a leading
    ``Name:`` (it must be followed by an imperative) and a leading ``@handle``.
    """
    if not in_sentence:
        text, _ = _clean(text)
    if not text:
        return None
    equals = _NAME_EQUALS.search(text) if "[" in text else None
    if equals is not None:
        owners = tuple(_people(equals.group("who")))
        if owners:
            rest = (text[: equals.start()] + " " + text[equals.end() :]).strip()
            return rest, owners, "[name=]", True
    field = _owner_field(text)
    if field is not None:
        return field[0], field[1], "负责人：", True
    finders = _SENTENCE_MARKERS if in_sentence else _ITEM_MARKERS
    for finder in finders:
        found = finder(text, known)
        if found is not None:
            return found
    return None


def _trailing_handles(text: str, known: _Known) -> tuple[str, tuple[str, ...], str, bool] | None:
    if "@" not in text and "＠" not in text:
        return None
    match = _TRAILING_HANDLES.search(text)
    if match is None:
        return None
    rest = text[: match.start()].rstrip()
    last_word = rest.split()[-1].lower().strip(",，") if rest.split() else ""
    if not rest or last_word in EN_HANDLE_OBJECT_WORDS or rest[-1:] in EN_HANDLE_OBJECT_WORDS:
        return None
    if rest.rstrip(" *_").endswith((":", "：")):
        return None  # "**Lead:** @mina": the handle is a field's value
    owners = tuple(
        (m.group("zh") or m.group("handle")).strip().rstrip(".。,，、")
        for m in _HANDLE.finditer(match.group("group"))
    )
    return (rest, owners, "@", True) if owners else None


def _trailing_paren(text: str, known: _Known) -> tuple[str, tuple[str, ...], str, bool] | None:
    if ")" not in text and "）" not in text:
        return None
    match = _TRAILING_PAREN.match(text)
    if match is None:
        return None
    who = match.group("who").strip().rstrip("?？").strip()
    if not who or "：" in who or ":" in who:
        return None
    owners = _owner_list(who, known, generic=False)
    if not owners:
        return None
    task = match.group("text").strip()
    if _names_only(task, known) and (_known_person(task, known) or _role_words(who)):
        return None  # "Arjun Mehta (Content Development Manager)": a person and their role
    strong = all(o in known.exact or o.lower() in known.lower for o in owners)
    return task, owners, "(name)", strong


def _trailing_dash(text: str, known: _Known) -> tuple[str, tuple[str, ...], str, bool] | None:
    if not any(dash in text for dash in ("-", "—", "–")):
        return None
    match = _TRAILING_DASH.match(text)
    if match is None:
        return None
    who = match.group("who").strip().rstrip(".。")
    owners = _owner_list(who, known, generic=False)
    if not owners:
        return None
    task = match.group("text").strip().strip("*# ")
    # "Governance - Colin", "前端 - KT、Zoe": a topic or a group and its people, not a task
    if (len(task.split()) < 2 and not (_has_cjk(task) and len(task) >= 3)) or _names_only(task, known):
        return None
    return match.group("text").strip(), owners, "- name", False


def _leading_bracket(text: str, known: _Known) -> tuple[str, tuple[str, ...], str, bool] | None:
    if not text.startswith(("[", "**[")):
        return None
    match = _LEADING_BRACKET.match(text)
    if match is None:
        return None
    owners = _owner_list(match.group("who"), known, generic=False)
    if not owners:
        return None
    return match.group("rest").strip(), owners, "[name]", False


def _leading_colon(text: str, known: _Known) -> tuple[str, tuple[str, ...], str, bool] | None:
    if ":" not in text and "：" not in text:
        return None
    match = _LEADING_COLON.match(text)
    if match is None:
        return None
    who = match.group("who").strip()
    if _is_field_key(who) or who.lower().startswith(("http", "www")):
        return None
    owners = _owner_list(who, known, generic=False)
    if not owners:
        return None
    return match.group("rest").strip(), owners, "name:", False


def _leading_handle(text: str, known: _Known) -> tuple[str, tuple[str, ...], str, bool] | None:
    if not text.startswith(("@", "＠")):
        return None
    match = _LEADING_HANDLE.match(text)
    if match is None:
        return None
    owner = (match.group("zh") or match.group("handle")).strip()
    return match.group("rest").strip(), (owner,), "@", True


def _trailing_colon(text: str, known: _Known) -> tuple[str, tuple[str, ...], str, bool] | None:
    """``点赞操作：龙晓峰``: a task, a colon and nothing but a name."""
    if ":" not in text and "：" not in text:
        return None
    match = _TRAILING_COLON.match(text)
    if match is None:
        return None
    task = match.group("text").strip()
    if _is_field_key(task) or _owner_list(task, known, generic=False):
        return None
    owners = _owner_list(match.group("who"), known, generic=False)
    # Chinese names only: after an English colon stand products and places ("平台：Web")
    if not owners or not all(_has_cjk(o) or o in known.exact or o.lower() in known.lower for o in owners):
        return None
    return task, owners, "：name", False


def _known_person(text: str, known: _Known) -> bool:
    text = _LINK_TEXT.sub(r"\g<text>", text).strip(_STRIP)
    return text in known.exact or text.lower() in known.lower


def _role_words(text: str) -> bool:
    """``Developer``, ``Content Development Manager``, ``Legal``, ``组长``: a role or a department."""
    words = text.lower().split()
    return bool(words) and (words[-1] in EN_ROLE_WORDS or looks_like_department(text) or _is_role(text))


def _names_only(text: str, known: _Known) -> bool:
    """The text is itself a person (or a list of people), so a bracket after it is no owner."""
    text = _LINK_TEXT.sub(r"\g<text>", text).strip(_STRIP)
    return bool(text) and _owner_list(text, known, generic=False) is not None


_ITEM_MARKERS = (
    _trailing_handles, _trailing_paren, _trailing_dash, _leading_bracket, _leading_colon, _leading_handle, _trailing_colon,
)
_SENTENCE_MARKERS = (_trailing_handles, _trailing_paren, _trailing_dash, _leading_bracket, _trailing_colon)


# ---------------------------------------------------------------------------
# Small character tests (no regex: compiling CJK ranges costs milliseconds)
# ---------------------------------------------------------------------------


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _all_cjk(text: str) -> bool:
    return bool(text) and all("\u3400" <= ch <= "\u9fff" for ch in text)


def _has_yi(text: str) -> bool:
    """已 as "already" (已完成, 已提交), not inside 而已 or 不得已."""
    at = text.find("已")
    while at >= 0:
        if text[at - 1 : at] not in ("而", "得", "不"):
            return True
        at = text.find("已", at + 1)
    return False
