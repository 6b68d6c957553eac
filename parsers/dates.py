"""Dates and times as recorders type them, read relative to the meeting date.

Pure functions, no I/O. A date that cannot be read is ``None``: the caller keeps
the text as written and the checker reports it; nothing is guessed.

Understood forms: ``2023年10月25日``, ``2023-10-25``, ``2023/10/25``, ``2023.10.25``,
``10月25日``, ``11.15``, ``11/15``, ``10/25/2023``, full-width digits, Chinese
numerals (``十一月十五日``, ``二〇二三年``), English month names (``Dec 2``,
``2 December 2026``, ``Dec 2nd, 2026``), a trailing 前/之前/以前/before, and
relative forms (``D+3``, ``3天内``, ``本周五``/``本週五``, ``下周五``, ``月底前``,
``本月底``, ``下月底``, ``明天``, ``this Friday``, ``next Friday``, ``end of month``,
``tomorrow``, ``within 3 days``).

A date without a year takes the meeting's year and rolls into the next year when
it would fall before the meeting (a 1月5日 deadline of a December meeting is next
January).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from parsers.lazy_regex import LazyPattern, lazy_compile

# full-width digits and punctuation to ASCII; dashes to "-", the wave dash to "~"
_ASCII = str.maketrans(
    "０１２３４５６７８９：－／．～（）　" "–—―−‐‑〜",
    "0123456789:-/.~() " "------~",
)

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = lazy_compile(r"[〇零○一二两兩三四五六七八九十]+(?=[年月日号號])")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"

_DATE_PATTERNS: list[LazyPattern] = [
    # 2023年10月25日, 2023年10月25号
    lazy_compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]?"),
    # 2023-10-25, 2023/10/25, 2023.10.25
    lazy_compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)"),
    # 10/25/2023 (month first, as English notes write it)
    lazy_compile(r"(?<!\d)(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?!\d)"),
    # 10月25日
    lazy_compile(r"(?<!\d)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]?"),
    # 2 Dec 2026, 2nd December
    lazy_compile(rf"(?<![\w])(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s*(?P<y>\d{{4}}))?(?![a-z])", re.I),
    # Dec 2, December 2nd, 2026
    lazy_compile(rf"(?<![a-z]){_MONTH_RE}\s*(?P<d>\d{{1,2}}){_ORD}(?!\d)(?:,?\s*(?P<y>\d{{4}}))?", re.I),
    # 11.15, 11/15, 11-15 (month first)
    lazy_compile(r"(?<![\d.:/-])(?P<m>\d{1,2})\s*[./-]\s*(?P<d>\d{1,2})(?![\d:]|\.\d|/\d)"),
]

_ANY_DIGIT = lazy_compile(r"\d")
_ASCII_LETTER = lazy_compile("[A-Za-z]")
# The patterns with English month names: each name holds a letter that only an
# ASCII letter matches, so a text without one is not searched (nor are they compiled).
_ENGLISH_PATTERNS = frozenset({4, 5})

_WEEKDAYS_CN = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 6}
_WEEKDAYS_EN = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_REL_DAYS = lazy_compile(r"(?i)(?:\bD\s*\+\s*(?P<d1>\d{1,3})\b|(?P<d2>\d{1,3})\s*(?:个|個)?\s*(?:天|日)\s*(?:内|內|后|後)|within\s+(?P<d3>\d{1,3})\s+days?|in\s+(?P<d4>\d{1,3})\s+days?)")
_REL_WEEKS = lazy_compile(r"(?i)(?P<w1>\d{1,2})\s*(?:个|個)?\s*(?:周|週|星期|礼拜|禮拜)\s*(?:内|內|后|後)|(?:within|in)\s+(?P<w2>\d{1,2})\s+weeks?")
_REL_WORKDAYS = lazy_compile(r"(?i)(?P<n>\d{1,3})\s*(?:个|個)\s*工作日|(?P<m>\d{1,3})\s+(?:business|working)\s+days?")
_CN_WEEK = lazy_compile(r"(?P<which>本|这|這|下|下个|下個|下下)?\s*(?:周|週|星期|礼拜|禮拜)(?P<day>[一二三四五六日天末])")
_EN_WEEK = lazy_compile(r"(?i)\b(?P<which>this|next|coming)?\s*(?P<day>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b")
_MONTH_END = lazy_compile(r"(?i)(?P<next>下个?月|下個?月|next\s+month'?s?)\s*(?:底|末|end)|(?:本月|这个月|這個月|当月|當月)?\s*月[底末]|(?:end\s+of\s+(?:the\s+)?(?P<next2>next\s+)?month)|month[- ]end")
# "11月底", "end of January", "March-end": the last day of a named month
_NAMED_MONTH_END = lazy_compile(
    rf"(?i)(?<!\d)(?P<m>\d{{1,2}})\s*月\s*[底末]|(?:end\s+of\s+|(?<![a-z])(?=[a-z]+\.?[- ]end\b)){_MONTH_RE}(?:[- ]end\b|(?![a-z]))"
)
_TODAY = lazy_compile(r"(?i)今天|今日|当天|當天|会后当天|today|\bEOD\b")
_TOMORROW = lazy_compile(r"(?i)明天|明日|tomorrow")
_AFTER_TOMORROW = lazy_compile(r"后天|後天")

_TIME = r"(?P<{n}h>[01]?\d|2[0-3])\s*[:：.]\s*(?P<{n}m>[0-5]\d)"
_TIME_RANGE = lazy_compile(
    _TIME.format(n="a") + r"\s*(?P<aap>[ap]\.?m\.?)?\s*(?:-|~|至|到|to|until)\s*" + _TIME.format(n="b") + r"\s*(?P<bap>[ap]\.?m\.?)?",
    re.I,
)
_SINGLE_TIME = lazy_compile(r"(?<![\d.])" + _TIME.format(n="a") + r"\s*(?P<aap>[ap]\.?m\.?)?(?![\d])", re.I)
# 下午2点-4点, 14点至16点, 上午10時至11時30分, 下午两点半
_CN_CLOCK = (
    r"(?P<{n}p>上午|下午|中午|晚上|早上|凌晨|傍晚)?\s*(?P<{n}h>\d{{1,2}}|[一二两兩三四五六七八九十]{{1,3}})\s*[点點时時]"
    r"(?:\s*(?P<{n}m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*分|(?P<{n}half>半))?"
)
_CN_TIME_RANGE = lazy_compile(_CN_CLOCK.format(n="a") + r"\s*(?:-|~|至|到)\s*" + _CN_CLOCK.format(n="b"))
_CN_SINGLE_TIME = lazy_compile(_CN_CLOCK.format(n="a"))
_AFTERNOON = ("下午", "晚上", "傍晚")
# 3pm - 4pm, 3-4 pm, 10am to 11:30am
_EN_HOUR_RANGE = lazy_compile(
    r"(?<![\d:])(?P<ah>\d{1,2})(?::(?P<am>[0-5]\d))?\s*(?P<aap>[ap]\.?m\.?)?\s*(?:-|~|to|until)\s*"
    r"(?P<bh>\d{1,2})(?::(?P<bm>[0-5]\d))?\s*(?P<bap>[ap]\.?m\.?)(?![a-z])",
    re.I,
)


def normalise_digits(text: str) -> str:
    """Full-width digits and punctuation to ASCII, dashes to '-', Chinese date numerals to digits."""
    text = text.translate(_ASCII)
    return _CN_NUMBER.sub(lambda match: str(chinese_number(match.group())), text)


def chinese_number(text: str) -> int:
    """二〇二三 → 2023 (digit by digit), 十一 → 11, 二十五 → 25, 三十一 → 31."""
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    tens_text, _, ones_text = text.partition("十")
    tens = _CN_DIGITS[tens_text[-1]] if tens_text else 1
    ones = _CN_DIGITS[ones_text[0]] if ones_text else 0
    return tens * 10 + ones


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(match: re.Match[str]) -> int:
    if match.groupdict().get("mon"):
        return _MONTHS[match.group("mon").lower().rstrip(".")]
    return int(match.group("m"))


def _with_year(month: int, day: int, year_text: str | None, meeting: dt.date | None, roll: bool) -> dt.date | None:
    if year_text:
        return _safe_date(int(year_text), month, day)
    if meeting is None:
        return None
    found = _safe_date(meeting.year, month, day)
    if found is None and month == 2 and day == 29:
        found = _safe_date(meeting.year + 1, month, day)
    if found is not None and roll and found < meeting:
        found = _safe_date(meeting.year + 1, month, day)
    return found


@lru_cache(maxsize=4096)
def find_absolute_date(
    text: str, meeting: dt.date | None = None, roll: bool = True
) -> tuple[dt.date, int, int] | None:
    """The first calendar date written in ``text``: (date, start, end) in the normalised text.

    Positions refer to ``normalise_digits(text)``, which may be shorter than ``text``
    when Chinese numerals were converted.
    """
    clean = normalise_digits(text)
    if not _ANY_DIGIT.search(clean):
        return None
    best: tuple[dt.date, int, int] | None = None
    latin = _ASCII_LETTER.search(clean) is not None
    for index, pattern in enumerate(_DATE_PATTERNS):
        if index in _ENGLISH_PATTERNS and not latin:
            continue
        for match in pattern.finditer(clean):
            if best is not None and match.start() >= best[1]:
                break
            try:
                month = _month_number(match)
                day = int(match.group("d"))
            except (KeyError, ValueError):
                continue
            year = match.groupdict().get("y")
            found = _with_year(month, day, year, meeting, roll)
            if found is not None:
                best = (found, match.start(), match.end())
                break
    return best


def _end_of_month(day: dt.date, months_ahead: int = 0) -> dt.date:
    month_index = day.month - 1 + months_ahead
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_workdays(start: dt.date, count: int) -> dt.date:
    day = start
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _relative_date(clean: str, meeting: dt.date) -> dt.date | None:
    match = _REL_DAYS.search(clean)
    if match:
        days = next(int(value) for value in match.groups() if value)
        return meeting + dt.timedelta(days=days)
    match = _REL_WEEKS.search(clean)
    if match:
        return meeting + dt.timedelta(weeks=int(match.group("w1") or match.group("w2")))
    match = _REL_WORKDAYS.search(clean)
    if match:
        return _add_workdays(meeting, int(match.group("n") or match.group("m")))
    monday = meeting - dt.timedelta(days=meeting.weekday())
    match = _CN_WEEK.search(clean)
    if match:
        which = match.group("which") or ""
        weeks = 2 if which == "下下" else 1 if which.startswith("下") else 0
        return monday + dt.timedelta(days=7 * weeks + _WEEKDAYS_CN[match.group("day")])
    match = _EN_WEEK.search(clean)
    if match:
        weekday = _WEEKDAYS_EN[match.group("day").lower()]
        which = (match.group("which") or "").lower()
        if which == "next":
            return monday + dt.timedelta(days=7 + weekday)
        target = monday + dt.timedelta(days=weekday)
        if not which and target < meeting:
            # a bare "Friday" said on a Saturday means the coming one
            target += dt.timedelta(days=7)
        return target
    match = _MONTH_END.search(clean)
    if match:
        return _end_of_month(meeting, 1 if (match.group("next") or match.group("next2")) else 0)
    if _AFTER_TOMORROW.search(clean):
        return meeting + dt.timedelta(days=2)
    if _TOMORROW.search(clean):
        return meeting + dt.timedelta(days=1)
    if _TODAY.search(clean):
        return meeting
    return None


@lru_cache(maxsize=4096)
def parse_date(text: str | None, meeting: dt.date | None = None, roll: bool = True) -> dt.date | None:
    """Read a date as written (absolute or relative to the meeting date); ``None`` if unreadable.

    ``roll`` moves a year-less date that falls before the meeting into the next year
    (right for deadlines and milestones, wrong for progress already made).
    """
    if not text or not text.strip():
        return None
    absolute = find_absolute_date(text, meeting, roll)
    if absolute is not None:
        return absolute[0]
    if meeting is None:
        return None
    clean = normalise_digits(text)
    named = _NAMED_MONTH_END.search(clean)
    if named is not None:
        return _named_month_end(named, meeting)
    return _relative_date(clean, meeting)


def _named_month_end(match: re.Match[str], meeting: dt.date) -> dt.date | None:
    month = _month_number(match)
    if not 1 <= month <= 12:
        return None
    end = _end_of_month(dt.date(meeting.year, month, 1))
    return _end_of_month(dt.date(meeting.year + 1, month, 1)) if end < meeting else end


def _clock(hour: str, minute: str, ampm: str | None) -> str | None:
    h, m = int(hour), int(minute)
    if ampm:
        pm = ampm.lower().startswith("p")
        if h > 12:
            return None
        if pm and h < 12:
            h += 12
        if not pm and h == 12:
            h = 0
    if h > 23:
        return None
    return f"{h:02d}:{m:02d}"


def parse_time_range(text: str | None) -> tuple[str | None, str | None]:
    """``14:00-16:00``, ``9:30–11:00``, ``14：00－16：00``, ``2:00 pm - 4:00 pm`` → ("HH:MM", "HH:MM").

    A single time gives (start, None); no time gives (None, None).
    """
    if not text:
        return None, None
    clean = text.translate(_ASCII)
    match = _TIME_RANGE.search(clean)
    if match:
        end_ampm = match.group("bap")
        start = _clock(match.group("ah"), match.group("am"), match.group("aap") or end_ampm)
        end = _clock(match.group("bh"), match.group("bm"), end_ampm)
        if start and end and match.group("aap") is None and end_ampm and start > end:
            start = _clock(match.group("ah"), match.group("am"), None)
        return start, end
    # Every Chinese clock time says 点 or 时 and every English hour range am or pm:
    # checked first, those patterns are rarely compiled, let alone run.
    chinese_clock = any(word in clean for word in "点點时時")
    match = _CN_TIME_RANGE.search(clean) if chinese_clock else None
    if match:
        start = _cn_clock(match, "a", None)
        return start, _cn_clock(match, "b", match.group("ap"))
    match = _EN_HOUR_RANGE.search(clean) if "m" in clean or "M" in clean else None
    if match:
        end_ampm = match.group("bap")
        start = _clock(match.group("ah"), match.group("am") or "00", match.group("aap") or end_ampm)
        end = _clock(match.group("bh"), match.group("bm") or "00", end_ampm)
        if start and end and match.group("aap") is None and start > end:
            start = _clock(match.group("ah"), match.group("am") or "00", None)
        return start, end
    single = _SINGLE_TIME.search(clean)
    if single:
        return _clock(single.group("ah"), single.group("am"), single.group("aap")), None
    match = _CN_SINGLE_TIME.search(clean) if chinese_clock else None
    if match:
        return _cn_clock(match, "a", None), None
    return None, None


def _cn_number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_number(text)


def _cn_clock(match: re.Match[str], prefix: str, inherited_period: str | None) -> str | None:
    """One end of ``下午2点-4点``: the second end takes the first one's 下午."""
    period = match.group(prefix + "p") or inherited_period
    hour = _cn_number(match.group(prefix + "h"))
    minute = 30 if match.group(prefix + "half") else _cn_number(match.group(prefix + "m") or "0")
    if (period in _AFTERNOON and hour < 12) or (period == "中午" and hour < 6):
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


_TRAILING_TIME_SLOT = lazy_compile(
    r"\s*[(（\[【]?\s*(?:[01]?\d|2[0-3])\s*[:：]\s*[0-5]\d\s*[ap]?\.?m?\.?\s*[-–—~～－至到]\s*(?:[01]?\d|2[0-3])\s*[:：]\s*[0-5]\d\s*[ap]?\.?m?\.?\s*[)）\]】]?\s*$",
    re.I,
)


def split_trailing_time_slot(title: str) -> tuple[str, str | None, str | None]:
    """``活动目标确认（14:00-14:20）`` → ("活动目标确认", "14:00", "14:20")."""
    match = _TRAILING_TIME_SLOT.search(title)
    if not match or match.start() == 0:
        return title, None, None
    start, end = parse_time_range(match.group())
    return title[: match.start()].rstrip(" -–—:：,，"), start, end
