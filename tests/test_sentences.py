"""Sentences that assign a task (parsers/sentences.py), form by form, in the three languages.

Every example is made up. Each row states the whole answer: the task as the user
wrote it, the owners, the cue that decided, whether it is strong and whether done.
"""

from __future__ import annotations

import pytest

from parsers.sentences import TaskCue, find_tasks, is_question, is_status_report, owner_marker


def T(task: str, owners: tuple[str, ...], cue: str, strong: bool = True, done: bool = False) -> TaskCue:
    return TaskCue(task, owners, cue, strong, done)


# --- English sentences -------------------------------------------------------
ENGLISH = [
    ("Dana will send the deck", [T("Dana will send the deck", ("Dana",), "will")]),
    ("Dana and Li will review the budget", [T("Dana and Li will review the budget", ("Dana", "Li"), "will")]),
    ("Raj to update the wiki", [T("Raj to update the wiki", ("Raj",), "to")]),
    ("Ana and Li to review the draft", [T("Ana and Li to review the draft", ("Ana", "Li"), "to")]),
    ("Raj is going to fix the build", [T("Raj is going to fix the build", ("Raj",), "will")]),
    ("Raj will follow up on this as a member.", [T("Raj will follow up on this as a member", ("Raj",), "will")]),
    ("Max Z. will book the venue", [T("Max Z. will book the venue", ("Max Z.",), "will")]),
    ("Chris Tanner will draft the rota", [T("Chris Tanner will draft the rota", ("Chris Tanner",), "will")]),
    ("Noah Y. to order the cables", [T("Noah Y. to order the cables", ("Noah Y.",), "to")]),
    ("everyone will read the proposal", [T("everyone will read the proposal", ("everyone",), "will")]),
    ("Legal will check the contract", [T("Legal will check the contract", ("Legal",), "will")]),
    ("@raj will ask @mei for a review", [T("@raj will ask @mei for a review", ("raj",), "will")]),
    ("After the call, Kevin will email the vendor", [T("After the call, Kevin will email the vendor", ("Kevin",), "will")]),
    ("Also Noah will add the map to the site.", [T("Also Noah will add the map to the site", ("Noah",), "will")]),
    ("Raj will be responsible for the budget", [T("Raj will be responsible for the budget", ("Raj",), "will")]),
    ("Priya needs to renew the licence", [T("Priya needs to renew the licence", ("Priya",), "will")]),
    ("**Dana** will send the deck", [T("**Dana** will send the deck", ("Dana",), "will")]),
]
ENGLISH_SEVERAL = [
    (
        "Dana and Raj to draft the plan and Li to review it",
        [T("Dana and Raj to draft the plan", ("Dana", "Raj"), "to"), T("Li to review it", ("Li",), "to")],
    ),
    (
        "Omar to review https://example.org/guide and Li to set up a call with the vendor.",
        [T("Omar to review https://example.org/guide", ("Omar",), "to"), T("Li to set up a call with the vendor", ("Li",), "to")],
    ),
    (
        "Sam will print the flyers; Ana will book the hall.",
        [T("Sam will print the flyers", ("Sam",), "will"), T("Ana will book the hall", ("Ana",), "will")],
    ),
    (
        "The room is booked. Then Omar will send the invites.",
        [T("Then Omar will send the invites", ("Omar",), "will")],
    ),
]
ENGLISH_NOT = [
    "We will send it next week",
    "It will rain on Friday",
    "This will take time",
    "That will not work",
    "They will decide later",
    "There will be a vote",
    "The committee won't have a quorum",
    "The board will meet in March",  # an article before the subject: no owner
    "Will Raj send the deck?",
    "Raj sent the deck",
    "Raj reported that the deck was ready",
    "Raj said Dana will send the deck",  # reported speech
    "Raj wants to look into the metrics",
    "Registration will open at nine",
    "Lunch will be provided",
    "Raj will be away next week",
    "Welcome to the meeting",
    "Changes to the schedule were approved",
    "Places to upload the screenshots",
    "The notes of the last meeting were approved.",
    "Ask everyone to sign the attendance sheet",
    "Ask questions to the chair before Friday",
    "We asked Dana to send the API doc",
    "We discussed what the community will need … which Ana and Li will follow up on",
]

# --- English labels, requests and annotations ----------------------------------
ENGLISH_LABELS = [
    ("ACTION: Raj to book the room", [T("Raj to book the room", ("Raj",), "action:")]),
    ("Action item: send the minutes", [T("send the minutes", (), "action item:")]),
    ("AI: circulate the draft", [T("circulate the draft", (), "ai:")]),
    ("AI(Raj): book the room", [T("book the room", ("Raj",), "ai:")]),
    ("TODO: clean up the backlog", [T("clean up the backlog", (), "todo:")]),
    ("**Next steps:** share the survey", [T("share the survey", (), "next steps:")]),
    ("@raj please update the wiki", [T("@raj please update the wiki", ("raj",), "@")]),
    ("Please review the pull request", [T("Please review the pull request", (), "please")]),
    ("Raj, please send the agenda", [T("Raj, please send the agenda", ("Raj",), "please")]),
    ("@raj update the wiki", [T("@raj update the wiki", ("raj",), "@")]),
    ("Update the wiki @raj", [T("Update the wiki", ("raj",), "@")]),
    ("Update the wiki @raj @mei", [T("Update the wiki", ("raj", "mei"), "@")]),
    ("Update the wiki [name=Raj]", [T("Update the wiki", ("Raj",), "[name=]")]),
    ("Update the wiki (Raj)", [T("Update the wiki", ("Raj",), "(name)", strong=False)]),
    ("Update the wiki (Raj, Mei and Tom Lee)", [T("Update the wiki", ("Raj", "Mei", "Tom Lee"), "(name)", strong=False)]),
    ("Order the banners (Max G.)", [T("Order the banners", ("Max G.",), "(name)", strong=False)]),
    ("Order the banners (Ana & Li)", [T("Order the banners", ("Ana", "Li"), "(name)", strong=False)]),
    ("Edit the blog post (Abby??)", [T("Edit the blog post", ("Abby",), "(name)", strong=False)]),
    ("Update the wiki - Raj", [T("Update the wiki", ("Raj",), "- name", strong=False)]),
    ("[Raj] update the wiki", [T("update the wiki", ("Raj",), "[name]", strong=False)]),
    ("**[Raj]** update the wiki", [T("update the wiki", ("Raj",), "[name]", strong=False)]),
    ("Raj: update the wiki", [T("update the wiki", ("Raj",), "name:", strong=False)]),
    ("Raj: update the wiki; Li: fix the link", [T("update the wiki", ("Raj",), "name:", strong=False), T("fix the link", ("Li",), "name:", strong=False)]),
    ("Send the invites, owner: Raj", [T("Send the invites", ("Raj",), "负责人：")]),
]
ENGLISH_LABELS_NOT = [
    "Raj: I think the numbers look fine",  # a speaker, no imperative
    "Raj: Where are the slides?",
    "Status: on track",
    "waiting for a review from @oskar",  # the handle is part of the sentence
    "**Lead:** @mina",  # a field's value
    "Store rollout at 80% @kim",  # progress with an owner: a status report
    "Please note that the office is closed",
    "Ana Costa (Developer)",  # a person and a role
    "Lena Park (Content Development Manager)",
    "王小明（组长）",
    "Governance - Colin",  # a topic and a person
    "Follow the [guide](https://example.org) for setup",
    "Teamwork report (Friday)",
    "Book the room (ASAP)",
]

# --- Chinese sentences (both scripts) -------------------------------------------
CHINESE = [
    ("由小周负责测试", [T("由小周负责测试", ("小周",), "由…负责")]),
    ("由小周負責測試", [T("由小周負責測試", ("小周",), "由…负责")]),
    ("流程稿由品牌部小何负责，3月5日前完成初稿；", [T("流程稿由品牌部小何负责，3月5日前完成初稿", ("品牌部小何",), "由…负责")]),
    ("小周负责测试", [T("小周负责测试", ("小周",), "负责")]),
    ("小周負責測試", [T("小周負責測試", ("小周",), "负责")]),
    ("小周、小王负责联调", [T("小周、小王负责联调", ("小周", "小王"), "负责")]),
    ("市场部负责物料", [T("市场部负责物料", ("市场部",), "负责")]),
    ("下周王敏负责复盘", [T("下周王敏负责复盘", ("王敏",), "负责")]),
    ("请小周确认报价", [T("请小周确认报价", ("小周",), "请")]),
    ("請物業確認", [T("請物業確認", ("物業",), "请")]),
    ("請總幹事更新公告", [T("請總幹事更新公告", ("總幹事",), "请")]),
    ("请孙一鸣整理需求", [T("请孙一鸣整理需求", ("孙一鸣",), "请")]),
    ("请王小明确认场地", [T("请王小明确认场地", ("王小明",), "请")]),
    ("請大家一起協助", [T("請大家一起協助", ("大家",), "请")]),
    ("请在周五前提交周报", [T("请在周五前提交周报", (), "请")]),
    ("（請棟委協助催收）", [T("（請棟委協助催收）", ("棟委",), "请")]),
    ("小周跟进", [T("小周跟进", ("小周",), "跟进")]),
    ("王利民跟進後續修改", [T("王利民跟進後續修改", ("王利民",), "跟进")]),
    ("小周会整理纪要", [T("小周会整理纪要", ("小周",), "会")]),
    ("小周會整理紀要", [T("小周會整理紀要", ("小周",), "会")]),
    ("小周将提交报告", [T("小周将提交报告", ("小周",), "会")]),
    ("主委將擔任講師", [T("主委將擔任講師", ("主委",), "会")]),
    ("活动部會開暑假書單", [T("活动部會開暑假書單", ("活动部",), "会")]),
    ("學生會會先聯絡校友會", [T("學生會會先聯絡校友會", ("學生會",), "会")]),
    ("之後會與住宿組討論保障資格", [T("之後會與住宿組討論保障資格", (), "会", strong=False)]),
    ("交给小周处理", [T("交给小周处理", ("小周",), "交给")]),
    ("交給小周處理", [T("交給小周處理", ("小周",), "交给")]),
    ("由網委審定流程", [T("由網委審定流程", ("網委",), "由")]),
    ("由主委召集", [T("由主委召集", ("主委",), "由")]),
    ("由物业处理", [T("由物业处理", ("物业",), "由")]),
    ("由物業與經理決定", [T("由物業與經理決定", ("物業", "經理"), "由")]),
    ("由于小周出差，改由小王跟进", [T("由于小周出差，改由小王跟进", ("小王",), "由")]),
    ("路由由小王负责", [T("路由由小王负责", ("小王",), "由…负责")]),
    # a question that asks someone to answer it: the request is the task
    ("是否续租请物业确认", [T("是否续租请物业确认", ("物业",), "请")]),
    ("由网委核定流程，交新任总干事配合执行。", [T("由网委核定流程，交新任总干事配合执行", ("网委", "新任总干事"), "由")]),
    ("请总干事更正报表后，由委员重新签名。", [T("请总干事更正报表后，由委员重新签名", ("总干事",), "请")]),
    ("本次主要由接口小组（小林、小唐）来进行接口设计", [T("本次主要由接口小组（小林、小唐）来进行接口设计", ("小林", "小唐"), "由")]),
    ("建议由总干事采购油漆", [T("建议由总干事采购油漆", ("总干事",), "由", strong=False)]),
    ("@小周 写接口", [T("@小周 写接口", ("小周",), "@")]),
    ("- 2022 年 5 月 14 日下午龚明搭建框架", [T("2022 年 5 月 14 日下午龚明搭建框架", ("龚明",), "name+verb", strong=False)]),
    ("龚明搭建框架", [T("龚明搭建框架", ("龚明",), "name+verb", strong=False)]),
    ("接口是否幂等，黄志强咨询后解答", [T("接口是否幂等，黄志强咨询后解答", ("黄志强",), "name+verb", strong=False)]),
    ("**林晓** 交付登录页；**陈东** 交付报表", [T("**林晓** 交付登录页", ("林晓",), "**name**", strong=False), T("**陈东** 交付报表", ("陈东",), "**name**", strong=False)]),
]
CHINESE_SEVERAL = [
    ("新同学负责UI设计，阿杰负责抽奖设计。", [T("新同学负责UI设计", ("新同学",), "负责"), T("阿杰负责抽奖设计", ("阿杰",), "负责")]),
    ("李四：写接口；王五：写文档", [T("写接口", ("李四",), "name:", strong=False), T("写文档", ("王五",), "name:", strong=False)]),
    ("1.补充测试；2.更新文档", [T("补充测试", (), "1.", strong=False), T("更新文档", (), "1.", strong=False)]),
    ("1.补充测试；2.更新文档（小周）", [T("补充测试", ("小周",), "(name)", strong=False), T("更新文档", ("小周",), "(name)", strong=False)]),
    ("**待做：**1.按时间获取列表；2.每次最多 30 条", [T("按时间获取列表", (), "待做:"), T("每次最多 30 条", (), "待做:")]),
    ("小周：1.补充测试；2.更新文档", [T("补充测试", ("小周",), "name:", strong=False), T("更新文档", ("小周",), "name:", strong=False)]),
    (
        "结论：<br>方案可行<br>遗留问题：<br>1）补充字段--责任人：唐斌、裴明<br>2）补充文档",
        [T("补充字段", ("唐斌", "裴明"), "遗留问题:"), T("补充文档", (), "遗留问题:")],
    ),
]
CHINESE_MARKERS = [
    ("小周：写接口", [T("写接口", ("小周",), "name:", strong=False)]),
    ("李悦：整理开发计划", [T("整理开发计划", ("李悦",), "name:", strong=False)]),
    ("紫菱：制作答辩PPT", [T("制作答辩PPT", ("紫菱",), "name:", strong=False)]),
    ("涵宇、建宏：负责界面修改", [T("负责界面修改", ("涵宇", "建宏"), "负责")]),
    ("写接口（小周）", [T("写接口", ("小周",), "(name)", strong=False)]),
    ("寫接口(小周)", [T("寫接口", ("小周",), "(name)", strong=False)]),
    ("写接口——小周", [T("写接口", ("小周",), "- name", strong=False)]),
    ("联系维修商 —— 行政部 小刘", [T("联系维修商", ("行政部 小刘",), "- name", strong=False)]),
    ("写接口，负责人：小周", [T("写接口", ("小周",), "负责人：")]),
    ("提交方案；負責人：銷售部 黃主管；截止：11月10日", [T("提交方案", ("銷售部 黃主管",), "负责人：")]),
    ("部署服务端；部署人：刘伟", [T("部署服务端", ("刘伟",), "负责人：")]),
    ("视频流接口：龚明", [T("视频流接口", ("龚明",), "：name", strong=False)]),
    ("待做：补充测试", [T("补充测试", (), "待做:")]),
    ("待辦：補充測試", [T("補充測試", (), "待辦:")]),
    ("TODO：补充测试", [T("补充测试", (), "todo:")]),
    ("刷新需求清单 @于明 @章清", [T("刷新需求清单", ("于明", "章清"), "@")]),
    ("1.0 的功能清单需要更新 @于明", [T("1.0 的功能清单需要更新", ("于明",), "@")]),
    ("输出演示视频: 明天输出一个视频。@ruohao(景若)", [T("输出演示视频: 明天输出一个视频", ("景若",), "@")]),
]
CHINESE_NOT = [
    "负责人制度需要完善",
    "小周请假一天",
    "请问下周几开会",
    "会议决定下周发布",
    "會議決定下週發布",
    "会上讨论了预算",
    "由于时间关系，下次再议",
    "由於時間關係，下次再議",
    "由於王經理出差，會議延期",  # 由於 is "because", 於王經理 no owner
    "小周请假一天，下周补上",
    "请问小周能否参加",
    "名单要有专人负责保管",
    "以后可以考虑聘请专业人员",
    "全員參加者要提前請假。要參加的請向活動部報名。",
    "学校会介入此事",
    "系统会自动发送提醒",
    "问题会在下学期讨论",
    "已经跟体育馆洽谈好，演唱会将在体育馆举办。",
    "吴可欣为大家介绍部署流程",
    "需求分析：提出需求",
    "前端：网页布局、地图制作",
    "帳戶頁面不顯示密碼(優化)",
    "完成白盒搭建（同上，简化）",
    "交至小组共用云端",
    "不再請廠商估價",
    "类别只能由管理员设置",
    "API 路由優先寫登入",
    "理由是小周出差",  # 理由 (reason): its 由 is no "by"
    "经由物业转交",  # 经由 (via)
    "是否由小周负责测试",  # a question without a request assigns nothing
    "管委會可保留部分車位",
    "管委會決定下月施工",  # the 會 of 管委會, not "will"
    "**主席**: 郭明",
    "时间：下周五",
    "是否由小周负责？",
]

# --- done marks ---------------------------------------------------------------
DONE = [
    ("~~Send the invite~~ (Raj)", [T("Send the invite", ("Raj",), "(name)", strong=False, done=True)]),
    ("~~由小周负责测试~~", [T("由小周负责测试", ("小周",), "由…负责", done=True)]),
    ("✅ Raj will send the deck", [T("Raj will send the deck", ("Raj",), "will", done=True)]),
    ("Raj will send the deck ✔", [T("Raj will send the deck", ("Raj",), "will", done=True)]),
    ("Raj will send the deck (done)", [T("Raj will send the deck", ("Raj",), "will", done=True)]),
    ("由小周负责接口开发（已完成）", [T("由小周负责接口开发", ("小周",), "由…负责", done=True)]),
    ("由小周负责接口开发，已完成", [T("由小周负责接口开发", ("小周",), "由…负责", done=True)]),
    # the work before is done, the request is not: "完成了" in the middle marks nothing
    ("小周负责的接口开发完成了，请小王验收", [T("小周负责的接口开发完成了，请小王验收", ("小王",), "请")]),
    ("接口开发完成了", []),
    ("- [x] Raj to book the room", [T("Raj to book the room", ("Raj",), "to", done=True)]),
    ("- [ ] Raj to book the room", [T("Raj to book the room", ("Raj",), "to")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    ENGLISH + ENGLISH_SEVERAL + ENGLISH_LABELS + CHINESE + CHINESE_SEVERAL + CHINESE_MARKERS + DONE,
)
def test_finds_tasks(text: str, expected: list[TaskCue]) -> None:
    assert find_tasks(text) == expected


@pytest.mark.parametrize("text", ENGLISH_NOT + ENGLISH_LABELS_NOT + CHINESE_NOT)
def test_assigns_nothing(text: str) -> None:
    assert find_tasks(text) == []


# --- known names (the meeting's attendees) -----------------------------------------
KNOWN = frozenset({"黄志强", "乐乐", "Raj", "mei", "Ana Costa"})
WITH_KNOWN = [
    # a known name in brackets is a strong owner, an unknown one weak
    ("Update the wiki (Raj)", [T("Update the wiki", ("Raj",), "(name)", strong=True)]),
    ("Update the wiki (Tom)", [T("Update the wiki", ("Tom",), "(name)", strong=False)]),
    # a known lower-case name owns a "to" sentence without a verb from the list
    ("mei to triage the inbox", [T("mei to triage the inbox", ("mei",), "to")]),
    ("乐乐负责抽奖设计", [T("乐乐负责抽奖设计", ("乐乐",), "负责")]),
    ("抽奖设计（乐乐）", [T("抽奖设计", ("乐乐",), "(name)", strong=True)]),
    ("乐乐：设计抽奖", [T("设计抽奖", ("乐乐",), "name:", strong=False)]),
    ("问题已确认，黄志强跟踪修复", [T("问题已确认，黄志强跟踪修复", ("黄志强",), "name+verb", strong=False)]),
]
WITH_KNOWN_NOT = [
    "黄志强介绍了部署方案",  # a known name, then a report verb
    "Ana Costa (Observer)",
    "mei to the rescue",
]


@pytest.mark.parametrize(("text", "expected"), WITH_KNOWN)
def test_known_names(text: str, expected: list[TaskCue]) -> None:
    assert find_tasks(text, KNOWN) == expected


@pytest.mark.parametrize("text", WITH_KNOWN_NOT)
def test_known_names_assign_nothing(text: str) -> None:
    assert find_tasks(text, KNOWN) == []


def test_unknown_single_word_to_needs_a_verb_from_the_list() -> None:
    # "Omar to wrangle" needs wrangle in the verb list or Raj among the known names
    assert find_tasks("Omar to wrangle the inbox") == []
    assert find_tasks("Omar to wrangle the inbox", frozenset({"Omar"})) == [
        T("Omar to wrangle the inbox", ("Omar",), "to")
    ]


# --- owner_marker -----------------------------------------------------------------
MARKERS = [
    ("Update the wiki (Raj)", ("Update the wiki", ("Raj",))),
    ("Update the wiki @raj", ("Update the wiki", ("raj",))),
    ("Update the wiki [name=Raj]", ("Update the wiki", ("Raj",))),
    ("**[Raj]** update the wiki", ("update the wiki", ("Raj",))),
    ("[Raj] update the wiki", ("update the wiki", ("Raj",))),
    ("Raj: update the wiki", ("update the wiki", ("Raj",))),
    ("Tom Kitt: agenda", ("agenda", ("Tom Kitt",))),  # inside an action list no imperative is needed
    ("Tom Kitt, Eva Bell: frontend(Sunday)", ("frontend(Sunday)", ("Tom Kitt", "Eva Bell"))),
    ("Update the wiki - Raj", ("Update the wiki", ("Raj",))),
    ("@raj update the wiki", ("update the wiki", ("raj",))),
    ("写接口（小周）", ("写接口", ("小周",))),
    ("写接口——小周", ("写接口", ("小周",))),
    ("小周：写接口", ("写接口", ("小周",))),
    ("点赞操作：龚明", ("点赞操作", ("龚明",))),
    ("完成系统接入，负责人：王利民", ("完成系统接入", ("王利民",))),
    ("负责人：王利民、黄志强", ("", ("王利民", "黄志强"))),
    ("部署人：刘伟", ("", ("刘伟",))),
    ("完成摸猫视频 @ruohao(景若)", ("完成摸猫视频", ("景若",))),
    ("- [ ] 写接口（小周）", ("写接口", ("小周",))),
]
NO_MARKER = [
    "Update the wiki",
    "Book the room (ASAP)",
    "Report back by Friday (Wed 4/22)",
    "api endpoints: make them functional",
    "Activity bank: everyone makes four items",
    "需求分析：提出需求",
    "先把数据库迁移到新服务器。（提议人：龚明）",
    "waiting for a review from @oskar",
    "Follow the [guide](https://example.org)",
]


@pytest.mark.parametrize(("text", "expected"), MARKERS)
def test_owner_marker(text: str, expected: tuple[str, tuple[str, ...]]) -> None:
    assert owner_marker(text) == expected


@pytest.mark.parametrize("text", NO_MARKER)
def test_no_owner_marker(text: str) -> None:
    assert owner_marker(text) is None


# --- questions and status reports ------------------------------------------------------
QUESTIONS = [
    ("Will Raj send the deck?", True),
    ("要不要延期？", True),
    ("是否需要第二轮评审", True),
    ("能否在周五前完成", True),
    ("whether to move the launch", True),
    ("Should we keep the old API", True),
    ("Do we need a new vendor", True),
    ("Raj will send the deck", False),
    ("小周负责测试", False),
    ("接口是否幂等，黄志强咨询后解答", False),  # 是否 inside a task, not at its start
]
STATUS = [
    ("已经完成接口开发", True),
    ("已完成初稿", True),
    ("接口开发完成了", True),
    ("进度 80%", True),
    ("進度正常", True),
    ("The deck was sent on Monday", True),
    ("Raj reported good numbers", True),
    ("The migration has been completed", True),
    ("Dana is working on the report", True),
    ("Rollout at 30% @kim", True),
    ("Done", True),
    ("develop the backend next week 30% @kim", False),  # a future word: still a plan
    ("已完成初稿，下周提交终稿", False),
    ("小周会整理纪要", False),
    ("Raj will send the deck", False),
    ("这不过是建议而已", False),  # 而已 is no 已
]


@pytest.mark.parametrize(("text", "expected"), QUESTIONS)
def test_is_question(text: str, expected: bool) -> None:
    assert is_question(text) is expected


@pytest.mark.parametrize(("text", "expected"), STATUS)
def test_is_status_report(text: str, expected: bool) -> None:
    assert is_status_report(text) is expected


def test_plain_line_is_rejected_before_any_pattern() -> None:
    """A line without cue characters or words never reaches the sentence rules."""
    from parsers import sentences

    assert not sentences._may_hold_task("本季度华东区销售额同比增长百分之十二")
    assert not sentences._may_hold_task("The numbers for the quarter look fine")
    assert sentences._may_hold_task("1.补充测试；2.更新文档")
    assert sentences._may_hold_task("由小周负责测试")


def test_owner_after_a_long_clause() -> None:
    """The look-back for an owner is bounded (long lines stay linear) but still finds a clause's subject."""
    opening = "Because the vendor missed the delivery window again " * 6
    text = f"{opening.strip()}, Dana will chase the vendor"
    assert find_tasks(text) == [T(text, ("Dana",), "will")]
    # a name in the middle of a clause is no subject, however far back the clause starts
    assert find_tasks("x " * 200 + "Dana will chase the vendor") == []
