"""People as notes name them: ``市场部 张经理``, ``@Legal/Maria Garcia``, ``Maria Garcia (Legal)``.

Also the attendee and absentee lists of the meeting info, with roles (列席 /
observer), reasons and proxies in brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from parsers.lazy_regex import lazy_compile
from parsers.vocabulary import (
    BULLETS,
    DEPARTMENT_SUFFIXES,
    ENGLISH_DEPARTMENT_SUFFIXES,
    NONE_WORDS,
    NOT_DEPARTMENTS,
    OBSERVER_WORDS,
    TABLE_COLUMNS,
    TITLE_WORDS,
    looks_like_department,
    normalise_key,
)
from pipeline.model import Absentee, Attendee, Person

_OPEN = "(（[【"
_CLOSE = ")）]】"
_TRAILING_PAREN = lazy_compile(r"^(?P<main>.*?)\s*[(（\[【](?P<inner>[^()（）\[\]【】]*)[)）\]】]\s*$")
_CN_DEPT_PREFIX = lazy_compile(
    r"^(?P<dept>.{1,12}?(?:"
    + "|".join(re.escape(suffix) for suffix in DEPARTMENT_SUFFIXES if suffix not in ("司", "局", "所", "课", "課"))
    + r"))(?P<name>\S.*)$"
)
# 林主管, 杨律师, 周專員: a surname (or short name) and a job title
_TITLED_NAME = lazy_compile(
    r"[\u4e00-\u9fff]{1,3}?(?:" + "|".join(sorted(map(re.escape, TITLE_WORDS), key=len, reverse=True)) + ")"
)
_PROXY_PATTERNS = [
    lazy_compile(r"^(?:由)?\s*(?P<p>.+?)\s*(?:代为|代為|代理|代替|代)(?:参会|參會|出席|参加|參加|与会|與會)?$"),
    lazy_compile(r"^(?:委托|委託|授权|授權)\s*(?P<p>.+?)\s*(?:参会|參會|出席|代理|代为?参会)?$"),
    lazy_compile(r"(?i)^(?:proxy|delegate|represented by|substitute|stand-in)\s*[:：]?\s*(?P<p>.+)$"),
    lazy_compile(r"(?i)^(?P<p>.+?)\s+(?:attends|attending|attended|sits in|sitting in|stands in|standing in)\b.*$"),
    lazy_compile(r"^(?:代理人|代理|代参会人|代參會人)\s*[:：]\s*(?P<p>.+)$"),
]
_REASON_PREFIX = lazy_compile(r"(?i)^(?:因为?|因|原因\s*[:：]|reason\s*[:：])\s*")
_REASON_SUFFIX = lazy_compile(r"(?:缺席|请假|請假|未参会|未參會|未出席|不能参会|不能參會)$")


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """Split on any separator character that is not inside () （） [] 【】; drops empty parts."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def trailing_bracket(text: str) -> tuple[str, str | None]:
    """``许经理（客户拜访）`` → ("许经理", "客户拜访")."""
    match = _TRAILING_PAREN.match(text.strip())
    if not match or not match.group("main").strip():
        return text.strip(), None
    return match.group("main").strip(), match.group("inner").strip()


def parse_person(text: str | None) -> Person | None:
    """One person: department and/or name. ``None`` when the text names nobody."""
    if text is None:
        return None
    raw = text.strip().lstrip("@＠").strip()
    if not raw or normalise_key(raw) in NONE_WORDS:
        return None
    main, inner = trailing_bracket(raw)
    if inner is not None and main and (_LINK.match(inner) or _is_role_remark(inner)):
        raw = main  # "周明远（项目组长）", "Jane Doe (https://…)": the remark is not the person
        main, inner = trailing_bracket(raw)
    if inner and looks_like_department(inner) and not looks_like_department(main):
        return Person(department=inner, name=main)
    if not _splittable(raw) and not looks_like_department(raw):
        return Person(name=raw)  # 李科文 is no 李科 department; 王學權部長子軒 is one name
    department, name = split_department(raw)
    if department is None and name:
        name = _strip_role_prefix(name)  # "主席 张三", "主委吳建華"
    return Person(department=department, name=name)


def split_department(text: str) -> tuple[str | None, str | None]:
    """Split ``市场部/周专员``, ``市场部 张经理``, ``市场部*经理``, ``销售部许经理``, ``Legal/Maria Garcia``."""
    text = text.strip()
    for separator in ("/", "／", "：", ":", " - ", " – ", " — "):
        if separator in text:
            left, _, right = text.partition(separator)
            left, right = left.strip(), right.strip()
            if separator.strip() in "-–—" and not looks_like_department(left) and not looks_like_department(right):
                continue
            if left and right:
                if looks_like_department(right) and not looks_like_department(left):
                    return right, left  # "Sam Reed / Procurement"
                return left, right
    if "*" in text and not text.startswith("*"):
        left, _, right = text.partition("*")
        if looks_like_department(left):
            return left.strip(), "*" + right.strip()
    words = text.split()
    if len(words) > 1 and looks_like_department(text):
        return text, None  # "Strategy Office", "Customer Service"
    if len(words) > 1:
        # "Customer Service Alice Wong": take the longest leading run that is a department
        for cut in range(len(words) - 1, 0, -1):
            left = " ".join(words[:cut])
            if looks_like_department(left):
                return left, " ".join(words[cut:])
        if words[-1].lower().strip(".") in ENGLISH_DEPARTMENT_SUFFIXES:
            return text, None
        return None, text
    if looks_like_department(text):
        return text, None
    match = _CN_DEPT_PREFIX.match(text)
    if match and len(match.group("name")) <= 6 and match.group("dept") not in NOT_DEPARTMENTS:
        return match.group("dept"), match.group("name")
    return None, text


def is_titled_name(text: str) -> bool:
    """``林主管``, ``杨律师``: a person named by surname and job title, not a department."""
    return _TITLED_NAME.fullmatch(text.strip()) is not None


def leading_titled_name(text: str) -> str | None:
    """``周專員提供文案`` → ``周專員``: the person a bracketed remark starts with."""
    match = _TITLED_NAME.match(text.strip())
    return match.group() if match else None


_AND = lazy_compile(r"\s+(?:and|&|＆)\s+|(?<=[\u4e00-\u9fff])[和及](?=[\u4e00-\u9fff])")
# _AND without its Chinese alternative, for text holding no 和 or 及 (the same
# split, and no Chinese character ranges to compile: they take milliseconds).
_AND_WORD = lazy_compile(r"\s+(?:and|&|＆)\s+")
# "Kevin Wang / Lily Chen": two people, not a department and a name
_FULL_LATIN_NAME = lazy_compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+$")


def split_people(text: str) -> list[str]:
    """``张三、李四``, ``Alice, Bob and Carol``, ``运营部/法务部`` → the separate people."""
    parts = split_outside_brackets(text, "、,，;；")
    people: list[str] = []
    for part in parts:
        if "/" in part:
            pieces = [part]
        else:
            pieces = (_AND if "和" in part or "及" in part else _AND_WORD).split(part)
        for piece in pieces:
            piece = piece.strip()
            if not piece:
                continue
            slash_parts = [p.strip() for p in re.split(r"[/／]", piece) if p.strip()]
            if len(slash_parts) > 1 and (
                all(looks_like_department(p) for p in slash_parts)
                or all(_FULL_LATIN_NAME.match(p) and not looks_like_department(p) for p in slash_parts)
                or all(is_titled_name(p) for p in slash_parts)
            ):
                people.extend(slash_parts)
            else:
                people.append(piece)
    return people


def parse_people(text: str | None) -> list[Person]:
    """Every person named in a responsible/collaborator field, in order."""
    if not text:
        return []
    main, inner = trailing_bracket(text)
    slash_pairs = _paired_slashes(main if inner is not None and not looks_like_department(inner) else text)
    if slash_pairs:
        return slash_pairs
    people = [_person_with_remark(part) for part in split_people(text)]
    return [person for person in people if person is not None]


def _person_with_remark(text: str) -> Person | None:
    """One person whose name may carry a bracketed remark about their part."""
    main, inner = trailing_bracket(text)
    if inner is None or looks_like_department(inner):
        return parse_person(text)
    if looks_like_department(main):
        # "行銷部（周專員提供文案）": the department's person is the bracket's first words
        name = leading_titled_name(inner)
        if name is not None:
            return Person(department=main, name=name)
    # "市场部 周专员（提供文案）": the bracket describes the contribution, not a person
    return parse_person(main)


def _paired_slashes(text: str) -> list[Person] | None:
    """``运营部/法务部 专员/律师`` → 运营部 专员, 法务部 律师 (as the seed tables write it)."""
    words = text.split()
    if len(words) != 2 or "/" not in words[0] or "/" not in words[1]:
        return None
    departments = words[0].split("/")
    names = words[1].split("/")
    if len(departments) != len(names) or not all(looks_like_department(d) for d in departments):
        return None
    return [Person(department=d, name=n) for d, n in zip(departments, names, strict=True)]


def parse_attendees(text: str, default_role: str = "attendee") -> list[Attendee]:
    """``市场部：张经理、李专员；销售部：王主管``, ``Legal: Maria Garcia (observer)``, ``@alice @bob``.

    The people the text records as there, in order; anyone it marks absent
    (``张三（请假）``, ``Bob: No``) is left out: :func:`attendee_entry` returns them.
    """
    default: Presence = "observer" if default_role == "observer" else "present"
    return [
        Attendee(department=m.department, name=m.name, role="observer" if m.status == "observer" else "attendee")
        for m in _field_mentions(text, default)
        if m.status != "absent"
    ]


def _partition_colon(text: str) -> tuple[str, str, str]:
    positions = [pos for pos in (text.find("："), text.find(":")) if pos > 0]
    if not positions:
        return text, "", ""
    cut = min(positions)
    return text[:cut], text[cut], text[cut + 1 :].strip()


def parse_absence_detail(inner: str) -> tuple[str | None, str | None]:
    """``客户拜访，由黄主管代参会`` → (reason "客户拜访", proxy "黄主管")."""
    reasons: list[str] = []
    proxy: str | None = None
    for part in split_outside_brackets(inner, ",，;；"):
        found = None
        for pattern in _PROXY_PATTERNS:
            match = pattern.match(part)
            if match:
                found = match.group("p").strip()
                break
        if found and proxy is None:
            proxy = found
        else:
            reasons.append(_REASON_SUFFIX.sub("", _REASON_PREFIX.sub("", part)).strip())
    reason = "，".join(r for r in reasons if r) or None
    if reason and re.search(r"[A-Za-z]", reason) and not re.search(r"[\u4e00-\u9fff]", reason):
        reason = ", ".join(r for r in reasons if r)
    return reason, proxy


_INLINE_REASON = lazy_compile(r"^(?P<who>.+?)\s*(?:因为?|因)\s*(?P<reason>.+?)\s*(?:缺席|请假|請假|未参会|未參會|未出席)?$")


def parse_absentees(text: str, line: int | None = None) -> list[Absentee]:
    """``销售部 许经理（客户拜访，由黄主管代参会）``, ``Sales: Tom Hill (customer visit; Jane Doe attends for him)``."""
    absentees: list[Absentee] = []
    if normalise_key(text) in NONE_WORDS:
        return absentees
    groups = split_outside_brackets(text, ";；、\n")
    for entry in (person for group in groups for person in _absent_people(group)):
        main, inner = trailing_bracket(entry)
        reason = proxy = None
        if inner is not None:
            reason, proxy = parse_absence_detail(inner)
        else:
            match = _INLINE_REASON.match(main)
            if match:
                main = match.group("who")
                reason, proxy = parse_absence_detail(match.group("reason"))
        dash = re.match(r"^(?P<who>.+?)\s+[-–—]\s+(?P<why>.+)$", main)
        if dash and inner is None:
            main = dash.group("who")
            reason, proxy = parse_absence_detail(dash.group("why"))
        elif inner is None and reason is None and proxy is None:
            who, comma, why = _partition_comma(main)
            if comma and _is_likely_name(who) and not _is_likely_name(why):
                main = who  # "许经理，客户拜访", "Tom Hill, customer visit"
                reason, proxy = parse_absence_detail(why)
        person = parse_person(main)
        absentees.append(
            Absentee(
                department=person.department if person else None,
                name=person.name if person else None,
                reason=reason,
                proxy=proxy,
                line=line,
            )
        )
    return absentees


def _partition_comma(text: str) -> tuple[str, str, str]:
    cuts = [cut for cut in (text.find(","), text.find("，")) if cut > 0]
    if not cuts:
        return text, "", ""
    cut = min(cuts)
    return text[:cut].strip(), text[cut], text[cut + 1 :].strip()


def _absent_people(group: str) -> list[str]:
    """``韓志明 司徒嘉欣``, ``Ann Lee, Bo Chen``: several people; ``许经理，客户拜访`` is one and a reason."""
    pieces = _split_spaces(group)
    if len(pieces) > 1:
        return pieces
    pieces = split_outside_brackets(group, ",，")
    if len(pieces) > 1 and all(_is_likely_name(_peel_brackets(piece)[0]) for piece in pieces):
        return pieces
    return [group]


# ---------------------------------------------------------------- attendance
#
# Attendee lists come as a field (``参会人员：张三、李四``), as one bullet per person
# under a heading (``## Present`` / ``- [x] Alice``), or as a table with a presence
# column. The words below are data; the functions after them read one entry.

Presence = Literal["present", "absent", "observer"]


def _words(words: str) -> list[str]:
    """Word lists are written ``a|b|c``: one line of data per language group."""
    return words.split("|")


def _keys(words: str) -> frozenset[str]:
    """The words as :func:`normalise_key` gives them: these plain words only lose spaces,
    apostrophes and capitals, done here without a regex per word (import time counts)."""
    return frozenset(word.replace(" ", "").replace("'", "").lower() for word in _words(words))


# A whole remark or cell that says whether the person came.
PRESENT_MARKS = _keys(
    "yes|y|x|present|attended|attending|here|in person|in-person|online|offline|remote|on site|onsite|"
    "virtual|late|出席|已出席|到|已到|到会|到會|到场|到場|是|有|在|参会|參會|参加|參加|签到|簽到|"
    "已签到|已簽到|线上|線上|线下|線下|现场|現場|远程|遠端|遠程|迟到|遲到|早退"
)
ABSENT_MARKS = _keys(
    "no|n|absent|absence|regrets|regret|apologies|apology|excused|not present|did not attend|"
    "on leave|sick|pto|ooo|缺席|请假|請假|未到|未出席|未参会|未參會|缺勤|否|无|無|缺|没来|沒來|"
    "病假|事假|公假|休假"
)
OBSERVER_MARKS = OBSERVER_WORDS | _keys(
    "observers|guests|visitor|visitors|non-voting|non-voting observer|non-voting member|resident|"
    "residents|列席者|来宾|來賓|嘉宾|嘉賓|住户|住戶|观察员|觀察員"
)
# Found inside a longer remark: ``请假，出差``, ``請假委託代理``, ``sick leave``.
_ABSENT_WORDS_CJK = ("请假", "請假", "缺席", "未到", "未出席", "未参会", "未參會", "缺勤", "病假", "事假", "公假")
_OBSERVER_WORDS_CJK = ("列席", "旁听", "旁聽", "住户", "住戶", "观察员", "觀察員")
_ABSENT_WORDS_EN = lazy_compile(
    r"(?i)\b(?:absent|regrets?|apologies|excused|on leave|sick|not present|unable to attend|"
    r"out of office|ooo|pto|vacation|holiday)\b"
)
_OBSERVER_WORDS_EN = lazy_compile(r"(?i)\b(?:observers?|observing|non-voting|guests?|visitors?|residents?)\b")

# Headings and labels: an optional prefix, one or more core words, optional suffixes
# (``其餘列席人員``, ``线上参会人员``, ``缺席人员及原因``, ``出席委員``).
_HEADING_PREFIXES = (
    "本次会议|本次會議|本次|会议|會議|其他|其它|线上|線上|线下|線下|现场|現場|远程|遠程|遠端"
)
_HEADING_CORES = {
    "present": "参会|參會|与会|與會|出席|参加|參加|参与|參與|到会|到會|到场|到場|实到|實到|签到|簽到|在场|在場",
    "absent": "缺席|请假|請假|未到|未出席|未参会|未參會|缺勤|未能出席|缺勤",
    "observer": "列席|旁听|旁聽|来宾|來賓|嘉宾|嘉賓|特邀|观察员|觀察員|住户|住戶",
}
_HEADING_SUFFIXES = (
    "人员|人員|人士|人|者|名单|名單|成员|成員|委员|委員|住户|住戶|代表|情况|情況|列表|及原因|原因|"
    "部门及人员|部門及人員|部门|部門|单位|單位|同学|同學|嘉宾|嘉賓|统计|統計|记录|記錄"
)
_CJK_HEADING = lazy_compile(
    "^(?:" + _HEADING_PREFIXES + ")*(?:" + "|".join(_HEADING_CORES.values()) + ")+(?:" + _HEADING_SUFFIXES + ")*$"
)
_ENGLISH_HEADINGS: dict[str, Presence] = {
    **dict.fromkeys(
        _keys(
            "attendees|attendee|attendance|present|participants|participant|attending|members present|"
            "present members|members attending|meeting attendees|meeting participants|roll call|rollcall|"
            "people present|who's here|who is here|attendees list|attendance list"
        ),
        "present",
    ),
    **dict.fromkeys(
        _keys(
            "absent|absentees|absence|absences|apologies|apologies for absence|regrets|not present|"
            "unable to attend|excused|members absent|absent members"
        ),
        "absent",
    ),
    **dict.fromkeys(
        _keys(
            "observers|observer|guests|guest|visitors|non-voting observers|nonvoting observers|non-voting|"
            "also present|in attendance|residents|guests and observers"
        ),
        "observer",
    ),
}
_ENGLISH_HEADING_PREFIXES = ("online", "remote", "in-person", "inperson", "virtual", "onsite", "on-site", "other")
# A label for how people took part: everyone under it was there.
# Short marks that could be part of a name: only after a colon or a dash ("Tae No" is a name).
_MARKS_NEEDING_A_COLON = _keys("y|n|x|no|yes|是|有|在|到|否|无|無|缺|sick|late|here|leave")
_MODE_LABELS = _keys(
    "online|offline|remote|in person|in-person|in the room|on site|onsite|on-site|virtual|dial-in|"
    "线上|線上|线下|線下|现场|現場|远程|遠程|遠端|视频|視訊|电话|電話|会议室|會議室"
)

# Role words written before a name: ``主委吳建華``, ``主席 张三``, ``Chair: Jane``. Only these are
# taken off, and only when a name follows (``林副會長志明`` has its title inside and stays whole).
ROLE_PREFIXES_CJK = tuple(
    sorted(
        _words(
            "副主任委员|副主任委員|主任委员|主任委員|副主委|主委|副主席|主席|副召集人|召集人|委员|委員|常委|"
            "副会长|副會長|会长|會長|副社长|副社長|社长|社長|副理事长|副理事長|理事长|理事長|理事|监事|監事|"
            "副秘书长|副秘書長|秘书长|秘書長|秘书|秘書|总干事|總幹事|干事|幹事|财委|財委|监委|監委|设委|設委|"
            "环委|環委|安委|网委|網委|契委|稽委|栋委|棟委|文委|公委|副组长|副組長|组长|組長|副队长|副隊長|"
            "队长|隊長|班长|班長|老师|老師|教授|助教|导师|導師|主持人|主持|记录人|記錄人|记录员|記錄員|记录|記錄|"
            "副部长|副部長|部长|部長|经理|經理|主任|组员|組員|成员|成員|队员|隊員|同学|同學"
        ),
        key=len,
        reverse=True,
    )
)
_ROLE_PREFIX_EN = lazy_compile(
    r"(?i)^(?:co-?chair|vice[- ]chair|chairperson|chairman|chairwoman|chair|secretary|treasurer|"
    r"board member|member|vice president|president|co-?host|host|facilitator|moderator|note[- ]?taker|"
    r"scribe|team lead|tech lead|lead|mentor|advisor|adviser|coach|scrum master|product owner|"
    r"product manager|project manager)\s*[:：]?\s+(?P<rest>\S.*)$"
)
# Acronym roles are matched as written: "TA Jane Doe", never "ta" inside a sentence.
_ROLE_PREFIX_ACRONYM = lazy_compile(r"^(?:TA|PM|PO|SM|QA)\s*[:：]?\s+(?P<rest>\S.*)$")
# The last word of an English role: "Team Lead", "Content Development Manager", "Developer".
ENGLISH_ROLE_WORDS = _keys(
    "lead|leader|manager|developer|dev|engineer|designer|planner|director|officer|chair|chairperson|"
    "co-chair|host|co-host|secretary|treasurer|member|intern|analyst|architect|tester|owner|master|"
    "coordinator|organizer|organiser|maintainer|reviewer|president|head|ceo|cto|cfo|coo|vp|founder|"
    "co-founder|consultant|advisor|adviser|mentor|coach|facilitator|moderator|scribe|taker|notetaker|"
    "representative|rep|liaison|assistant|student|instructor|professor|ta|pm|po|staff|volunteer|"
    "speaker|presenter|contributor|committer|researcher|scientist|specialist|administrator|editor|"
    "writer|captain|trainee|fellow|executive|chief|sponsor|stakeholder"
)
# A remark that names a role (``（项目组长）``) rather than an organisation.
_ROLE_SUFFIXES_CJK = tuple(
    {word for word in TITLE_WORDS if len(word) > 1}
    | set(ROLE_PREFIXES_CJK)
    | set(
        _words(
            "负责人|負責人|组员|組員|队员|隊員|主持人|记录员|記錄員|发言人|發言人|讲师|講師|实习生|實習生|前端|後端|"
            "后端|开发|開發|测试|測試|运维|運維|产品|產品|设计|設計|嘉宾|嘉賓|代表|助理|学生|學生"
        )
    )
)
# Titles written inside a name: 林副會長志明, 王學權部長子軒, 陳部員佳穎.
_EMBEDDED_TITLES = tuple(
    sorted(
        _words(
            "副会长|副會長|会长|會長|副秘书长|副秘書長|秘书长|秘書長|副部长|副部長|部长|部長|部员|部員|干事|幹事|"
            "理事|监事|監事|委员|委員|主席|主任|组长|組長|队长|隊長|社长|社長|院长|院長|处长|處長|科长|科長|"
            "局长|局長|经理|經理|主委|会计|會計|议员|議員|议长|議長|董事|总监|總監|老师|老師|教授|干部|幹部"
        ),
        key=len,
        reverse=True,
    )
)
# Common Chinese surnames (both scripts): a name that starts with one is a name, not a word.
_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾萧"
    "蕭肖田董袁潘蒋蔣蔡余於杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹"
    "鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史黎贺賀顾顧毛郝龚龔邵万萬钱錢覃武戴孔汤湯庞龐樊兰蘭殷施陶洪翟安颜顏"
    "倪严嚴牛温溫芦蘆季俞章鲁魯葛伍申尤毕畢聂聶柴焦向柳邢岳齐齊梅莫庄莊辛管祝左涂詹关關苗凌霍虞柯卓游童"
    "甘骆駱尚欧歐阮包华華云雲项項封邝鄺简簡翁巫练練纪紀戚滕杭宁寧巴谷车車时時饶饒乔喬连連褚卜艾单單边邊"
    "宫宮景全房桂裴盛屠鲍鮑古耿符荣榮阎閻乐樂宗蒲池别別鲜鮮赖賴邬鄔蓝藍晏柏麦麥利湛冉芮岑凤鳳戈奚屈宣佘"
    "舒习習储儲缪繆雍郁郎隋臧仇秋应應危明成米苟强強农農谈談汝计計卫衛薄栾欒揭麻阳陽丛叢仲官廉门門文易康"
    "查胥井荆荊鄂支娄婁钮鈕祁苑牟乌烏巩鞏沙楚师師羊卞晋晉刁蒙匡国國都冼涂邴滿满竇窦喻伏姬柏甯寇"
)
_COMPOUND_SURNAMES = (
    "司徒", "欧阳", "歐陽", "上官", "诸葛", "諸葛", "司马", "司馬", "东方", "東方", "皇甫", "令狐", "夏侯",
    "端木", "公孙", "公孫", "慕容", "尉迟", "尉遲", "长孙", "長孫", "宇文", "澹台", "澹臺", "轩辕", "軒轅",
    "张简", "張簡", "范姜",
)
# Nicknames that stand for a name: 小琪, 老王, 阿明.
_NICKNAME_STARTS = frozenset("小老阿")
# Characters of sentences and collectives, never of a name.
_NOT_NAME_CHARS = frozenset("的了吗嗎呢吧啊们們这這那个個把被都还還说說对對给給让讓着著过過没沒或等讨討论論议議各")
_COLLECTIVE = _keys(
    "全体|全體|全员|全員|全组|全組|所有人|大家|各位|其他|其它|相关人员|相關人員|全体成员|全體成員|全体人员|"
    "全體人員|everyone|everybody|all|all members|the team|team|others|etc"
)
# Words a list or table may hold where a name would be.
_NOT_NAMES = _keys(
    "合计|合計|总计|總計|小计|小計|共计|共計|待定|未定|暂无|暫無|本人|代理|代表|委託|委托|主持|记录|記錄|"
    "total|tbd|tba|none|name|names|姓名|名字"
)
_NOT_NAME_WORDS = ENGLISH_ROLE_WORDS | _keys(
    "the|a|an|and|or|of|for|to|in|on|at|with|by|from|is|are|was|be|not|no|yes|all|everyone|everybody|"
    "team|teams|meeting|meetings|notes|note|agenda|action|actions|items|item|discussion|summary|minutes|"
    "update|updates|next|steps|attendees|attendance|present|absent|regrets|observers|guests|none|tbd|"
    "total|date|time|location|topic|decision|decisions|project|review|status|other|others|etc|online|"
    "offline|remote|members|people|participants|roll|call|apologies|welcome|introduction|introductions"
)
_EXTERNAL_REMARKS = _keys(
    "外部|外部人员|外部人員|外聘|外援|外包|外部顾问|外部顧問|external|contractor|freelance|freelancer|vendor"
)
_NAME_PARTICLES = _keys("van|von|de|der|den|da|di|del|della|du|le|la|bin|binti|al|el|y|ter|ten|dos|das")

# "12人", "共8名", "5 people": how many, not who
_COUNT = lazy_compile(r"^(?:共|total:?\s*)?\d+\s*(?:人|名|位|people|persons)?$", re.IGNORECASE)
_TRAILING_COUNT = lazy_compile(r"\s*[(（]\s*(?:共|total:?\s*)?\d+\s*(?:人|名|位|people|persons)?\s*[)）]$")
_HEADING_NUMBER = lazy_compile(
    r"^(?:\d\ufe0f?\u20e3|\d{1,2}(?:\.\d{1,2})*[.、．)）]?|[一二三四五六七八九十]{1,3}[、.．]|"
    r"[壹貳贰叁參肆伍陸陆柒捌玖拾]{1,3}[、.．]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[A-Za-z][.)])\s*"
)
_LIST_MARKER = lazy_compile(r"^\s*(?:(?:[-*+•·▪◦●○]|\d{1,3}[.)、．])\s+|" + BULLETS + r"\s*)")
_CHECKBOX = lazy_compile(r"^\[(?P<mark>[ xX✓√✔-]?)\]\s*")
_LINK = lazy_compile(r"(?i)^(?:https?://|www\.|mailto:|ftp://)\S*$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_HTML_BREAK = lazy_compile(r"<br\s*/?>", re.IGNORECASE)
_MARKDOWN_LINK = lazy_compile(r"\[([^\]]*)\]\([^)]*\)")
_HANDLE = lazy_compile(r"^[^\W_][\w.\-]*$")
_LATIN_WORD = lazy_compile(r"^[^\W\d_](?:[^\W\d_]|['’.\-])*$")
_AND_LATIN = lazy_compile(r"\s+(?:and|&|＆)\s+")
_DASH = (" - ", " – ", " — ", " -- ", "——")
# Ticks and crosses, looked up as written (normalise_key drops dingbats).
_SYMBOL_MARKS: dict[str, Presence] = {
    **dict.fromkeys("✓✔√☑✅", "present"),
    **dict.fromkeys("✗✘×❌☒", "absent"),
}


@dataclass
class AttendanceEntry:
    """What one attendee-list entry, line or table says: who was there, who was not, who observed."""

    present: list[Attendee] = field(default_factory=list)
    absent: list[Absentee] = field(default_factory=list)
    observers: list[Attendee] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.present or self.absent or self.observers)

    def attendees(self) -> list[Attendee]:
        """Present people and observers, as ``Meeting.attendees`` holds them (role tells them apart)."""
        return [*self.present, *self.observers]


class _Mention(NamedTuple):
    """One person as an attendance text names them (a tuple: no dataclass to build at import)."""

    name: str | None
    department: str | None
    status: Presence
    reason: str | None = None
    proxy: str | None = None


def attendee_entry(text: str, line: int | None = None, default: Presence = "present") -> AttendanceEntry:
    """One item of an attendee list, or one attendee field's value.

    ``- [x] Alice`` / ``- [ ] Bob`` (an unticked box: absent), ``* Jane Doe - Product Manager, ACME``,
    ``- Name: Yes`` / ``- 張三（請假）`` / ``- 王五（列席）``, ``- 线上：张三、李四``, ``- 請假：Y``.
    ``default`` is what an unmarked name means: ``"observer"`` under an observers heading,
    ``"absent"`` under a regrets heading. ``line`` goes to the absentees.
    """
    body, checked = strip_list_marker(text)
    if checked is not None and default == "present":
        default = "present" if checked else "absent"
    return _entry_of(_field_mentions(body, default), line)


def attendance_label(text: str) -> tuple[Presence, str] | None:
    """``出席委員: 主委吳建華、…`` → ("present", "主委吳建華、…"); ``未到人員<TAB>黃…`` → ("absent", …).

    None unless the text starts with an attendance label followed by a colon, a tab or a space.
    """
    text = _clean(text)
    label, rest = _label_split(text, spaces=True)
    if label is None:
        return None
    kind = attendance_heading_kind(label)
    return (kind, rest) if kind is not None else None


def attendance_heading_kind(text: str) -> Presence | None:
    """Which people a heading or label introduces: ``## 1. 参会人员`` → "present", ``Regrets`` → "absent"."""
    for key in _heading_keys(text):
        kind = _heading_kind_of_key(key)
        if kind is not None:
            return kind
    return None


def is_attendance_heading(text: str) -> bool:
    """``Present``, ``### 👥 Attendees:``, ``參與者``, ``出席人員``, ``Members present``."""
    return attendance_heading_kind(text) == "present"


def is_absence_heading(text: str) -> bool:
    """``Regrets``, ``Absent``, ``Apologies``, ``缺席``, ``請假人員``."""
    return attendance_heading_kind(text) == "absent"


def is_observer_heading(text: str) -> bool:
    """``列席人員``, ``Observers``, ``Non-voting observers``, ``Guests``."""
    return attendance_heading_kind(text) == "observer"


def attendance_table(
    header: list[str], rows: list[list[str]], lines: list[int] | None = None
) -> AttendanceEntry | None:
    """An attendance table: a name column, and maybe presence, role, department and note columns.

    None when the header has no name column or has task columns (an action table's ``Who``).
    A row whose presence cell is empty is absent when the table has a presence column.
    ``lines`` (one per row) go to the absentees.
    """
    kinds = [_attendance_column(cell) for cell in header]
    if "name" not in kinds or "task" in kinds:
        return None
    name_col = kinds.index("name")
    column = {kind: index for index, kind in reversed(list(enumerate(kinds))) if kind}
    mentions: list[tuple[_Mention, int | None]] = []
    for index, cells in enumerate(rows):
        name_cell = cells[name_col].strip() if name_col < len(cells) else ""
        if not name_cell:
            continue
        status: Presence = "present"
        reason = proxy = None
        if "presence" in column:
            status, reason, proxy = _presence_cell(_cell(cells, column["presence"]))
        for other in ("role", "note"):
            if other in column and status == "present":
                marked, detail_reason, detail_proxy = _presence_cell(_cell(cells, column[other]))
                if _cell(cells, column[other]) and marked != "present":
                    status, reason, proxy = marked, detail_reason, detail_proxy
        department = _clean(_cell(cells, column["department"])) if "department" in column else ""
        line = lines[index] if lines is not None and index < len(lines) else None
        for mention in _names(name_cell, status, department or None):
            if mention.status == "absent" and mention.reason is None and mention.proxy is None:
                mention = mention._replace(reason=reason, proxy=proxy)
            mentions.append((mention, line))
    entry = AttendanceEntry()
    for mention, line in mentions:
        _add(entry, mention, line)
    return entry


def looks_like_person_name(text: str) -> bool:
    """``张三``, ``林主管``, ``林副會長志明``, ``Jane Doe``, ``Mo K.``, ``@alice``, ``zhu.wen``, ``gitee-id``.

    Not a sentence, a department, a role word alone, a collective (全体成员, everyone) or a URL.
    What a list entry adds to a name is allowed: a remark in brackets, a status (``: Yes``), a
    known role before it (``主委吳建華``) or after it (``, Host``; ``- Product Manager``), and
    several names in one entry (``张三、李四``).
    """
    body, _ = strip_list_marker(_clean(text))
    body, _ = _leading_mark(body, "present")
    left, right = _dash_split(body)
    if right and _is_bare_name(left):
        return True
    label, rest = _label_split(body)
    if label is not None and (_label_kind(label) or _is_role_word(label) or looks_like_department(label)):
        body = rest  # "线上：张三、李四", "Chair: Jane", "产品部：王五"
    pieces = _split_names(body)
    return bool(pieces) and all(_is_bare_name(piece) for piece in pieces)


def _is_bare_name(text: str) -> bool:
    """A name once its bracketed remarks and status mark are off."""
    return _is_name(_trailing_mark(_peel_brackets(text)[0])[0])


def strip_list_marker(text: str) -> tuple[str, bool | None]:
    """``- [x] Alice`` → ("Alice", True), ``[ ] Bob`` → ("Bob", False), ``* Carol`` → ("Carol", None)."""
    text = text.strip()
    marker = _LIST_MARKER.match(text)
    if marker:
        text = text[marker.end() :]
    box = _CHECKBOX.match(text)
    if box:
        return text[box.end() :].strip(), box.group("mark") not in (" ", "", "-")
    return text.strip(), None


# -- reading names


def _field_mentions(text: str, default: Presence) -> list[_Mention]:
    text = _clean(text)
    if not text or normalise_key(text) in NONE_WORDS:
        return []
    mentions: list[_Mention] = []
    for group in split_outside_brackets(text, ";；\n"):
        mentions.extend(_group_mentions(group, default))
    return mentions


def _group_mentions(text: str, default: Presence) -> list[_Mention]:
    """One group: ``线上：张三、李四``, ``市场部：张经理``, ``前端 - Kiki、Momo``, ``Alice: Yes``, ``张三 李四``."""
    text, default = _leading_mark(text, default)
    label, rest = _label_split(text)
    if label is not None:
        labelled = _labelled_mentions(label, rest, default)
        if labelled is not None:
            return labelled
    dashed = _dashed_mentions(text, default)
    if dashed is not None:
        return dashed
    return _names(text, default, None)


def _labelled_mentions(label: str, rest: str, default: Presence) -> list[_Mention] | None:
    kind = _label_kind(label)
    if kind is not None:
        return _names(rest, _combine(default, kind), None)
    mark = _mark_of(rest)
    if mark is not None:  # "Alice: Yes", "张三：出席"
        return _names(label, _combine(default, mark), None)
    if _is_role_word(label):  # "Chair: Jane", "主席：张三"
        return _names(rest, default, None)
    if not rest:
        return []  # "Members of the steering group who attended:" introduces the list below it, and names nobody
    short_label = len(label) <= 12 and not any(ch.isdigit() for ch in label)
    if looks_like_department(label) or (short_label and (_all_names(rest) or not _is_name(label))):
        return _names(rest, default, label)
    if _is_name(label):  # "Alice: joined late": the rest is a remark about her
        return _names(label, default, None)
    return None


def _dashed_mentions(text: str, default: Presence) -> list[_Mention] | None:
    """``前端 - Kiki、Momo`` (a group), ``Jane Doe - Product Manager, ACME`` (a name and her role)."""
    left, right = _dash_split(text)
    if not left or not right:
        return None
    mark = _mark_of(right)
    if mark is not None:
        return _names(left, _combine(default, mark), None)
    kind = _label_kind(left)
    if kind is not None:
        return _names(right, _combine(default, kind), None)
    parts = _split_names(right)
    if looks_like_department(left) or (len(parts) > 1 and all(_is_name(p) for p in parts)):
        return _names(right, default, left)
    if not _is_name(_peel_brackets(left)[0]):
        return None
    mention = _mention(left, default, None)
    if mention is None:
        return []
    for part in split_outside_brackets(right, ",，、;；/"):
        mention = _with_remark(mention, part, handle=False)
    return [mention]


def _names(text: str, status: Presence, department: str | None) -> list[_Mention]:
    mentions = (_mention(piece, status, department) for piece in _split_names(text))
    return [mention for mention in mentions if mention is not None]


def _split_names(text: str) -> list[str]:
    """``张三、李四和王五``, ``Alice, Bob and Carol``, ``@alice @bob``, ``张三 李四 王五`` → one piece per person."""
    text = _clean(_strip_etc(_clean(text)))
    pieces: list[str] = []
    for part in split_outside_brackets(text, "、,，;；"):
        for piece in _split_and(part):
            pieces.extend(_split_spaces(piece))
    # "@skyler-dev (https://…), Host": a role after the name is a remark, not a person
    return [piece for piece in pieces if not _is_bare_english_role(piece)]


def _split_and(text: str) -> list[str]:
    if " " in text and _AND_LATIN.search(text):
        parts = [part.strip() for part in _AND_LATIN.split(text) if part.strip()]
        return parts if all(_is_name(_peel_brackets(part)[0]) for part in parts) else [text]
    cuts = [
        index
        for index, ch in enumerate(text)
        if ch in "和及" and 0 < index < len(text) - 1 and _is_cjk(text[index - 1]) and _is_cjk(text[index + 1])
    ]
    if not cuts:
        return [text]
    parts = [text[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(text)], strict=True)]
    # 王和平 is one name; 张三和李四 is two; 副會長方子豪及各部門主管 is a name and a collective
    if all(len(part.strip()) >= 2 for part in parts) and any(_is_name(part) for part in parts):
        return [part.strip() for part in parts]
    return [text]


def _split_spaces(text: str) -> list[str]:
    """``@alice @bob`` and ``张三 李四 王五`` are several people; ``Jane Doe`` and ``張 家豪`` are one."""
    if " " not in text and "\u3000" not in text:
        return [text]
    tokens = _space_tokens(text)
    if len(tokens) < 2:
        return [text]
    if all(token[0] in "@＠" for token in tokens):
        return tokens
    bare = [_peel_brackets(token)[0] for token in tokens]
    if not all(_is_plain_cjk_name(token) for token in bare) or any(_is_surname(token) for token in bare):
        return [text]
    # two words could be a department and a name (研发 张三): both must start with a surname
    if len(bare) >= 3 or all(_starts_with_surname(token) for token in bare):
        return tokens
    return [text]


def _space_tokens(text: str) -> list[str]:
    """Split on spaces, keeping a bracket with the word before it (``@a (ACME) @b``)."""
    tokens: list[str] = []
    for token in split_outside_brackets(text.replace("\u3000", " "), " \t"):
        if tokens and token[0] in _OPEN:
            tokens[-1] = f"{tokens[-1]} {token}"
        else:
            tokens.append(token)
    return tokens


def _mention(piece: str, status: Presence, department: str | None) -> _Mention | None:
    """One person: ``张三（星河科技）``, ``李四 未到``, ``Bob (regrets)``, ``@handle(张三)``, ``主委吳建華``."""
    text, status = _leading_mark(_clean(piece), status)
    if not text or normalise_key(text) in NONE_WORDS:
        return None
    main, remarks = _peel_brackets(text)
    main, mark = _trailing_mark(main)
    if mark is not None:
        status = _combine(status, mark)
    handle = main[:1] in "@＠" or bool(_HANDLE.match(main) and not _LATIN_WORD.match(main))
    name = _strip_role_prefix(main.lstrip("@＠").strip())
    if _names_nobody(name, department):
        return None
    mention = _Mention(name, department, status)
    if department is None:
        person = parse_person(name)
        if person is None:
            return None
        mention = _Mention(person.name, person.department, status)
    for remark in remarks:
        mention = _with_remark(mention, remark, handle)
    return mention


def _names_nobody(name: str, department: str | None) -> bool:
    """``全体成员``, ``12人``, ``Quorum was reached.``, ``合计``, and a role alone unless its department is known."""
    if not any(ch.isalnum() for ch in name) or normalise_key(name) in _NOT_NAMES or _COUNT.match(name):
        return True
    if _is_collective(name) or _is_sentence(name):
        return True
    return department is None and _is_role_word(name)  # "市场部：经理" is someone; "主持人" alone is not


def _with_remark(mention: _Mention, remark: str, handle: bool) -> _Mention:
    """Read a bracketed or dashed remark after a name: presence, reason, proxy, role or organisation."""
    remark = _clean(remark)
    if not remark or _LINK.match(remark):
        return mention
    if normalise_key(remark) in _EXTERNAL_REMARKS:
        # "直播团队：小琪（外部）": she works with the team, not in it
        return mention._replace(department=None)
    status, detail = _remark_status(remark)
    if status is not None:
        merged = _combine(mention.status, status)
        if merged != "absent":
            return mention._replace(status=merged)
        reason, proxy = _absence_detail(detail)
        return mention._replace(status="absent", reason=reason or mention.reason, proxy=proxy or mention.proxy)
    parts = [part for part in _remark_parts(remark) if part]
    if mention.status == "absent" and any(_is_proxy_note(part) for part in parts):
        reason, proxy = _absence_detail(remark)
        return mention._replace(reason=reason or mention.reason, proxy=proxy or mention.proxy)
    if mention.department is None:
        for part in parts:
            if _is_proxy_note(part) or _is_role_remark(part) or (handle and _is_name(part)):
                continue  # a proxy note, a role or the real name behind a handle is not an organisation
            if _is_organisation(part):
                return mention._replace(department=part)
    if mention.status == "absent" and mention.reason is None and not _is_role_remark(remark):
        return mention._replace(reason=remark)
    return mention


def _entry_of(mentions: list[_Mention], line: int | None) -> AttendanceEntry:
    entry = AttendanceEntry()
    for mention in mentions:
        _add(entry, mention, line)
    return entry


def _add(entry: AttendanceEntry, mention: _Mention, line: int | None) -> None:
    if mention.status == "absent":
        entry.absent.append(
            Absentee(
                department=mention.department, name=mention.name, reason=mention.reason, proxy=mention.proxy, line=line
            )
        )
    elif mention.status == "observer":
        entry.observers.append(Attendee(department=mention.department, name=mention.name, role="observer"))
    else:
        entry.present.append(Attendee(department=mention.department, name=mention.name, role="attendee"))


# -- presence marks


def _combine(default: Presence, marked: Presence) -> Presence:
    """A mark overrides the list's default, except that present under an observers list stays observer."""
    if marked == "present" and default == "observer":
        return "observer"
    return marked


def _mark_of(text: str) -> Presence | None:
    """A whole text that only says whether someone came: ``Yes``, ``出席``, ``✗``, ``regrets``."""
    text = _clean(text)
    if text in _SYMBOL_MARKS:
        return _SYMBOL_MARKS[text]
    key = normalise_key(text)
    if not key:
        return None
    if key in ABSENT_MARKS:
        return "absent"
    if key in OBSERVER_MARKS:
        return "observer"
    if key in PRESENT_MARKS:
        return "present"
    return None


def _leading_mark(text: str, default: Presence) -> tuple[str, Presence]:
    """``√ 张三``, ``✗ Bob``: a tick or cross written before the name."""
    text = text.strip()
    if text[:1] in _SYMBOL_MARKS:
        return text[1:].strip(), _combine(default, _SYMBOL_MARKS[text[:1]])
    return text, default


def _trailing_mark(text: str) -> tuple[str, Presence | None]:
    """``Alice: Yes``, ``Bob - No``, ``李四 未到``, ``张三请假`` → the name and what the mark says."""
    text = text.strip()
    for separator in ("：", ":", *_DASH):
        head, found, tail = text.rpartition(separator)
        if found and head.strip():
            mark = _mark_of(tail)
            if mark is not None:
                return head.strip(), mark
    head, found, tail = text.rpartition(" ")
    # after a bare space only a word that cannot end a name: "Dee Y.", "Mo N Park", "Tae No"
    if found and head.strip() and normalise_key(tail) not in _MARKS_NEEDING_A_COLON:
        mark = _mark_of(tail)
        if mark is not None:
            return head.strip(), mark
    for word in (*_ABSENT_WORDS_CJK, *_OBSERVER_WORDS_CJK):
        if text.endswith(word) and _is_plain_cjk_name(text[: -len(word)]):
            return text[: -len(word)], "absent" if word in _ABSENT_WORDS_CJK else "observer"
    return text, None


def _remark_status(remark: str) -> tuple[Presence | None, str]:
    """``请假，出差`` → ("absent", "出差"); ``列席`` → ("observer", ""); ``星河科技`` → (None, "星河科技")."""
    mark = _mark_of(remark)
    if mark is not None:
        return mark, ""
    for word in _ABSENT_WORDS_CJK:
        if remark.startswith(word):
            return "absent", remark[len(word) :].strip(" ,，、:：;；-–—")
        if word in remark:
            return "absent", remark
    found = _ABSENT_WORDS_EN.search(remark)
    if found:
        if found.start() == 0 and found.group().lower() not in ("sick", "vacation", "holiday"):
            return "absent", remark[found.end() :].strip(" ,，:：;；-–—")
        return "absent", remark
    if any(word in remark for word in _OBSERVER_WORDS_CJK) or _OBSERVER_WORDS_EN.search(remark):
        return "observer", ""
    return None, remark


def _absence_detail(detail: str) -> tuple[str | None, str | None]:
    """Reason and proxy of an absence; a proxy that names nobody (``委託代理``) stays in the reason."""
    detail = detail.strip().strip("()（）[]【】").strip()
    if not detail:
        return None, None
    reason, proxy = parse_absence_detail(detail)
    if proxy is not None and not (_is_name(proxy) or _is_role_word(proxy) or is_titled_name(proxy)):
        return detail, None
    return reason, proxy


def _presence_cell(cell: str) -> tuple[Presence, str | None, str | None]:
    """A presence, role or note cell: empty or ``-`` is absent, ``√``/``Yes``/``09:02`` present."""
    cell = _clean(cell)
    if not cell or normalise_key(cell) in NONE_WORDS:
        return "absent", None, None
    status, detail = _remark_status(cell)
    if status == "absent":
        return "absent", *_absence_detail(detail)
    if status is not None:
        return status, None, None
    if _is_proxy_note(cell):
        reason, proxy = _absence_detail(cell)
        return "absent", reason, proxy
    return "present", None, None  # a sign-in time or a signature says the person came


# -- labels and headings


def _label_split(text: str, spaces: bool = False) -> tuple[str | None, str]:
    """``线上：张三`` → ("线上", "张三"); a colon inside brackets or a URL does not count."""
    depth = 0
    for index, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ":：\t" and index > 0 and not text.startswith("//", index + 1):
            return text[:index].strip(), text[index + 1 :].strip()
    if spaces:
        head, found, tail = text.partition(" ")
        if found and attendance_heading_kind(head) is not None:
            return head, tail.strip()
    return None, text


def _label_kind(label: str) -> Presence | None:
    """A label that says how the people after it took part: ``出席委員``, ``线上``, ``Regrets``."""
    kind = attendance_heading_kind(label)
    if kind is not None:
        return kind
    return "present" if normalise_key(label) in _MODE_LABELS else None


def _heading_keys(text: str) -> list[str]:
    """The normalised forms a heading could be looked up by: whole, without a count, each half."""
    text = _clean(text.strip().lstrip("#").strip())
    text = text.lstrip(" \t>*_~")
    while text and not (text[0].isalnum() or text[0] in _OPEN):
        text = text[1:]  # emoji and bullet characters
    text = _HEADING_NUMBER.sub("", text, count=1).strip()
    while text and not (text[0].isalnum() or text[0] in _OPEN):
        text = text[1:]  # "1️⃣ 参会人员": what is left of a keycap
    text = text.rstrip(":：").strip()
    text = _TRAILING_COUNT.sub("", text).rstrip(":：").strip()
    if not text or len(text) > 60:
        return []
    candidates = [text]
    main, inner = trailing_bracket(text)
    if inner is not None:
        candidates += [main, inner]
    for separator in ("/", "／", "|"):
        if separator in text:
            candidates += [part for part in text.split(separator) if part.strip()]
    return [key for key in (normalise_key(candidate.strip()) for candidate in candidates) if key]


def _heading_kind_of_key(key: str) -> Presence | None:
    kind = _ENGLISH_HEADINGS.get(key)
    if kind is not None:
        return kind
    for prefix in _ENGLISH_HEADING_PREFIXES if key.startswith(_ENGLISH_HEADING_PREFIXES) else ():
        if key.startswith(prefix) and key[len(prefix) :] in _ENGLISH_HEADINGS:
            return _ENGLISH_HEADINGS[key[len(prefix) :]]
    if not key or not _is_cjk(key[0]) or len(key) > 16 or not _CJK_HEADING.match(key):
        return None
    # the most particular word decides: 出席住戶 are residents, 缺席人员 absent
    if any(word in key for word in _HEADING_CORES["observer"].split("|")):
        return "observer"
    if any(word in key for word in _HEADING_CORES["absent"].split("|")):
        return "absent"
    return "present"


_TASK_COLUMNS = frozenset(["task", "due", "start", "acceptance", "topic", "discussion", "resolutions", "progress"])
_NAME_COLUMNS = _keys(
    "姓名|名字|成员|成員|人员|人員|出席者|出席人|出席人员|出席人員|参会人|參會人|参会人员|參會人員|参会者|參會者|"
    "与会者|與會者|与会人员|與會人員|委员|委員|name|names|full name|member|members|attendee|attendees|who|"
    "participant|participants|person|people"
)
_PRESENCE_COLUMNS = _keys(
    "出席|出席情况|出席情況|是否出席|出席状态|出席狀態|签到|簽到|签到情况|簽到情況|到会|到會|到会情况|到會情況|"
    "考勤|出缺席|出缺勤|present|attended|attendance|status|here|状态|狀態|attending|rsvp|presence"
)
_ROLE_COLUMNS = _keys("角色|职务|職務|身份|职位|職位|职称|職稱|类别|類別|role|title|position|type|capacity")
_DEPARTMENT_COLUMNS = _keys(
    "部门|部門|单位|單位|公司|组织|組織|所属|所屬|所属单位|所屬單位|团队|團隊|组别|組別|department|dept|team|"
    "org|organisation|organization|company|affiliation|group"
)
_NOTE_COLUMNS = _keys("备注|備註|说明|說明|原因|notes|note|remarks|remark|comment|comments|reason")


def _attendance_column(header: str) -> str | None:
    """name, presence, role, department, note, task (an action table's column) or None."""
    candidates = [header]
    main, inner = trailing_bracket(header)
    if inner is not None:
        candidates += [main, inner]  # "姓名 (Name)"
    for candidate in candidates:
        key = normalise_key(candidate)
        for kind, words in (
            ("name", _NAME_COLUMNS),
            ("presence", _PRESENCE_COLUMNS),
            ("role", _ROLE_COLUMNS),
            ("department", _DEPARTMENT_COLUMNS),
            ("note", _NOTE_COLUMNS),
        ):
            if key in words:
                return kind
        if TABLE_COLUMNS.get(key) in _TASK_COLUMNS:
            return "task"
    return None


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


# -- what a piece of text is


def _clean(text: str) -> str:
    """Leftover emphasis, code marks and link targets off, and the punctuation that ends a list entry."""
    if "**" in text or "__" in text or "`" in text:
        text = text.replace("**", "").replace("__", "").replace("`", "")
    if "](" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)  # "[@alice](https://…)" → "@alice"
    if "<" in text:
        text = _HTML_BREAK.sub("\n", text)  # "棟委蘇美玲<br>": a line break written in HTML
    return text.strip().strip("，,、;；。").strip()


def _peel_brackets(text: str) -> tuple[str, list[str]]:
    """``Jane (mailto:j@x.org) (ACME)`` → ("Jane", ["mailto:j@x.org", "ACME"])."""
    remarks: list[str] = []
    main = text.strip()
    while main and main[-1] in _CLOSE:
        head, inner = trailing_bracket(main)
        if inner is None or head == main:
            break
        remarks.insert(0, inner)
        main = head
    return main, remarks


def _dash_split(text: str) -> tuple[str, str]:
    if not any(dash in text for dash in _DASH):
        return text, ""
    depth = 0
    for index, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            for dash in _DASH:
                if text.startswith(dash, index):
                    return text[:index].strip(), text[index + len(dash) :].strip()
    return text, ""


def _strip_etc(text: str) -> str:
    """``张三、李四等`` / ``等5人`` / ``etc.``: the list ends with its last name."""
    for ending in ("等人", "等"):
        cut = text.rfind(ending)
        if cut > 0 and all(ch.isdigit() or ch in "一二三四五六七八九十人名位 " for ch in text[cut + len(ending) :]):
            return text[:cut]
    return text[:-4] if text.lower().endswith("etc.") else text


def _strip_role_prefix(name: str) -> str:
    """``主委吳建華`` → 吳建華, ``主席 张三`` → 张三, ``Chair: Jane Doe`` → Jane Doe; only when a name follows."""
    if name and _is_cjk(name[0]):
        if not name.startswith(ROLE_PREFIXES_CJK):
            return name  # the common case, in one call
        for role in ROLE_PREFIXES_CJK:
            if name.startswith(role):
                rest = name[len(role) :].lstrip(" \u3000:：")
                if _is_plain_cjk_name(rest) and (_starts_with_surname(rest) or rest[0] in _NICKNAME_STARTS):
                    return rest
                break
        return name
    match = _ROLE_PREFIX_EN.match(name) or _ROLE_PREFIX_ACRONYM.match(name)
    if match and _is_latin_name(match.group("rest")):
        return match.group("rest")
    return name


def _is_name(text: str) -> bool:
    name = text.strip()
    handle = name[:1] in "@＠"
    name = name.lstrip("@＠").strip()
    if not name or len(name) > 40 or _LINK.match(name):
        return False
    key = normalise_key(name)
    if key in NONE_WORDS or key in _NOT_NAMES or _is_collective(name) or _mark_of(name) is not None:
        return False
    if handle and _HANDLE.match(name):
        return True
    if looks_like_department(name) or _is_role_word(name):
        return False
    name = _strip_role_prefix(name)
    if any(_is_cjk(ch) for ch in name):
        return _is_cjk_name(name)
    return _is_latin_name(name) or _is_handle_shape(name)


def _is_likely_name(text: str) -> bool:
    """A name, and for Chinese one that starts like a name (客户拜访 has the shape, not the surname)."""
    name = text.strip().lstrip("@＠")
    if not _is_name(name):
        return False
    name = _strip_role_prefix(name)
    if not any(_is_cjk(ch) for ch in name):
        return True
    return _starts_with_surname(name) or name[0] in _NICKNAME_STARTS or is_titled_name(name)


def _is_cjk_name(name: str) -> bool:
    parts = name.split()
    # "張 家豪" and "子涵 張" are one name written with a space; "张三 李四" are two
    if len(parts) > 2 or (len(parts) == 2 and min(len(part) for part in parts) != 1):
        return False
    compact = "".join(parts)
    if not all(_is_cjk(ch) or ch in "·・•" for ch in compact) or any(ch in _NOT_NAME_CHARS for ch in compact):
        return False
    if _heading_kind_of_key(compact) is not None:  # 参会人员, 列席
        return False
    letters = sum(1 for ch in compact if _is_cjk(ch))
    if any(ch in "·・•" for ch in compact):
        return 2 <= letters <= 12
    if 2 <= letters <= 4:
        return True
    return (letters <= 6 and is_titled_name(compact)) or _has_embedded_title(compact)


def _is_plain_cjk_name(text: str) -> bool:
    """Two to four Chinese characters that are no status, heading or collective word."""
    return 2 <= len(text) <= 4 and all(_is_cjk(ch) for ch in text) and _is_cjk_name(text) and not _is_role_word(text)


def _has_embedded_title(name: str) -> bool:
    """林副會長志明, 王學權部長子軒: surname, maybe a department, a title, then the given name."""
    if not 4 <= len(name) <= 8 or not _starts_with_surname(name):
        return False
    for title in _EMBEDDED_TITLES:
        at = name.find(title, 1)
        if at > 0 and 1 <= len(name) - at - len(title) <= 2:
            return True
    return False


def _is_latin_name(name: str) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 4 or not tokens[0][:1].isupper():
        return False
    for token in tokens:
        word = token.strip(",")
        if not _LATIN_WORD.match(word) or normalise_key(word).strip(".") in _NOT_NAME_WORDS:
            return False
        if not (word[0].isupper() or normalise_key(word) in _NAME_PARTICLES):
            return False
    return True


def _is_handle_shape(name: str) -> bool:
    """``nimbus42``, ``zhu.wen``, ``sky-li``, ``x_y``: a user id, not a lower-case English word."""
    if not _HANDLE.match(name) or not any(ch.isalpha() for ch in name):
        return False
    return any(ch.isdigit() or ch in "._-" for ch in name) or not name.islower()


def _all_names(text: str) -> bool:
    pieces = _split_names(text)
    return bool(pieces) and all(_is_name(_peel_brackets(piece)[0]) for piece in pieces)


def _is_sentence(text: str) -> bool:
    """``Quorum was reached.``, ``Members of the steering group who attended``: words about the list, not a person in it."""
    words = text.split()
    if any(_is_cjk(ch) for ch in text):
        return len(text) > 6 and any(ch in _NOT_NAME_CHARS for ch in text) and not looks_like_department(text)
    if len(words) < 2 or looks_like_department(text):
        return False
    lower = [w for w in words if w[:1].islower() and w.strip(".,").isalpha()]
    return any(normalise_key(w) not in _NAME_PARTICLES for w in lower)


def _is_collective(text: str) -> bool:
    """全体成员, 各部會首長, everyone: a group, no named person."""
    key = normalise_key(text)
    if key in _COLLECTIVE or any(word in key for word in ("各", "全体", "全體", "全员", "全員", "所有")):
        return True
    # 委员会成员, 研发部人员, 项目组同事: the members of a body, not a person
    return len(key) >= 4 and _is_cjk(key[0]) and key.endswith(_MEMBERS_OF)


_MEMBERS_OF = ("成员", "成員", "人员", "人員", "同事", "同仁", "们", "們", "组员", "組員", "队员", "隊員")


def _is_role_word(text: str) -> bool:
    """A role alone: ``主席``, ``Chair``, ``總幹事``, ``Secretary``."""
    key = normalise_key(text)
    return key in _ROLE_WORDS_CJK or key in ENGLISH_ROLE_WORDS or key in _ENGLISH_ROLE_LABELS


_ROLE_WORDS_CJK = frozenset(ROLE_PREFIXES_CJK)
_ENGLISH_ROLE_LABELS = _keys(
    "chair|co-chair|chairperson|host|co-host|secretary|treasurer|facilitator|moderator|note taker|"
    "notetaker|scribe|lead|team lead|president|vice president|ta|pm|scrum master|product owner"
)


def _is_bare_english_role(text: str) -> bool:
    key = normalise_key(text)
    return bool(key) and key.isascii() and (key in ENGLISH_ROLE_WORDS or key in _ENGLISH_ROLE_LABELS)


def _is_role_remark(text: str) -> bool:
    """``Team Lead``, ``Content Development Manager``, ``项目组长``, ``主持人``: a role, not an organisation."""
    text = text.strip()
    if not text:
        return False
    if _is_cjk(text[-1]):
        return text.endswith(_ROLE_SUFFIXES_CJK) or normalise_key(text) in _ROLE_WORDS_CJK
    last = normalise_key(text.split()[-1]).strip(".")
    return last in ENGLISH_ROLE_WORDS or normalise_key(text) in _ENGLISH_ROLE_LABELS


def _is_proxy_note(text: str) -> bool:
    """``刘一鸣代表``, ``代理王五``, ``由黄主管代参会``, ``Jane attending for him``."""
    text = text.strip()
    if any(pattern.match(text) for pattern in _PROXY_PATTERNS):
        return True
    return text.endswith(("代表", "代理", "代为出席", "代為出席")) or text.startswith(("代理", "代表", "代为", "代為"))


def _is_organisation(text: str) -> bool:
    """``ACME``, ``星河科技``, ``云帆``, ``Initech``, ``Red Hat``, ``Legal``: a short organisation-like word."""
    text = text.strip()
    if not text or text in NOT_DEPARTMENTS or _LINK.match(text) or _is_collective(text):
        return False
    if looks_like_department(text):
        return True
    if any(ch.isdigit() for ch in text) or _mark_of(text) is not None or _is_role_remark(text):
        return False
    if any(_is_cjk(ch) for ch in text):
        return len(text) <= 8 and " " not in text and not any(ch in _NOT_NAME_CHARS for ch in text)
    words = text.split()
    return len(words) <= 3 and all(word[:1].isalnum() and word.strip(".&-'").isalnum() for word in words)


def _remark_parts(remark: str) -> list[str]:
    """``云帆 刘一鸣代表`` → 云帆, 刘一鸣代表: the pieces of a remark, split on commas and (in Chinese) spaces."""
    parts = split_outside_brackets(remark, ",，;；、")
    out: list[str] = []
    for part in parts:
        if any(_is_cjk(ch) for ch in part) and " " in part:
            out.extend(part.split())
        else:
            out.append(part)
    return out


def _splittable(name: str) -> bool:
    """Whether a name may hold a department (``市场部 张经理``, ``Legal/Maria Garcia``, ``销售部许经理``).

    A bare Chinese name (``李科文``) or one with its title inside (``王學權部長子軒``) is kept whole.
    """
    return not (_is_plain_cjk_name(name) or (_starts_with_surname(name) and _has_embedded_title(name)))


def _is_surname(text: str) -> bool:
    return (len(text) == 1 and text in _SURNAMES) or text in _COMPOUND_SURNAMES


def _starts_with_surname(text: str) -> bool:
    return bool(text) and (text[0] in _SURNAMES or text.startswith(_COMPOUND_SURNAMES))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
