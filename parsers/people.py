"""People as notes name them: ``市场部 张经理``, ``@Legal/Maria Garcia``, ``Maria Garcia (Legal)``.

Also the attendee and absentee lists of the meeting info, with roles (列席 /
observer), reasons and proxies in brackets.
"""

from __future__ import annotations

import re

from parsers.lazy_regex import lazy_compile
from parsers.vocabulary import (
    DEPARTMENT_SUFFIXES,
    ENGLISH_DEPARTMENT_SUFFIXES,
    NONE_WORDS,
    NOT_DEPARTMENTS,
    OBSERVER_WORDS,
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
    if inner and looks_like_department(inner) and not looks_like_department(main):
        return Person(department=inner, name=main)
    department, name = split_department(raw)
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


def _role_of(inner: str | None) -> bool:
    return inner is not None and normalise_key(inner) in OBSERVER_WORDS


def parse_attendees(text: str, default_role: str = "attendee") -> list[Attendee]:
    """``市场部：张经理、李专员；销售部：王主管``, ``Legal: Maria Garcia (observer)``."""
    attendees: list[Attendee] = []
    if normalise_key(text) in NONE_WORDS:
        return attendees
    for group in split_outside_brackets(text, ";；\n"):
        department: str | None = None
        names_text = group
        head, sep, tail = _partition_colon(group)
        if (sep and looks_like_department(head)) or (sep and head and len(head) <= 12 and tail and not re.search(r"\d", head)):
            department, names_text = head.strip(), tail
        for part in split_outside_brackets(names_text, "、,，"):
            main, inner = trailing_bracket(part)
            marked_observer = _role_of(inner)
            role = "observer" if marked_observer or default_role == "observer" else "attendee"
            if not department and inner is not None and not marked_observer and looks_like_department(inner):
                attendees.append(Attendee(department=inner, name=main, role=role))
                continue
            person_text = main if marked_observer or inner is None else part
            if department:
                attendees.append(Attendee(department=department, name=person_text, role=role))
            else:
                person = parse_person(person_text)
                if person is not None:
                    attendees.append(Attendee(department=person.department, name=person.name, role=role))
    return attendees


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
    for group in split_outside_brackets(text, ";；、\n"):
        main, inner = trailing_bracket(group)
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
