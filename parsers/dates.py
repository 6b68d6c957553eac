"""Dates and times as recorders type them, read relative to the meeting date.

Pure functions, no I/O. A date that cannot be read is ``None``: the caller keeps
the text as written and the checker reports it; nothing is guessed.

Understood forms:

* full dates: ``2023年10月25日``, ``2023-10-25``, ``2023/10/25``, ``2023.10.25``,
  ``20231025`` (eight digits), ``Dec 11, 2026``, ``2 December 2026``, and a year at
  the end, ``10/25/2023``, ``25/10/2023``, ``25.10.2023``: the order is evident when
  one of the first two numbers is over 12; ``03/04/2019`` is read only with a
  ``date_order`` ("dmy" or "mdy");
* ROC (民國) years: ``114年3月11日``, ``民國114年3月11日``, ``中華民國114年3月11日``,
  ``114/3/11``, ``114.3.11``, ``114-03-11`` (year + 1911). A two-digit year
  (``24年3月5日``, ``24/3/11``) is 2024 in a mainland note and 1935 in a Taiwanese
  one: not read unless 民國 says which;
* year-less: ``10月25日``, ``11.15``, ``11/15`` (month first, or day first with
  ``date_order="dmy"``), ``Dec 2``, ``2nd of December``; full-width digits and
  Chinese numerals (``十一月十五日``, ``二〇二三年``) anywhere; a weekday beside a
  date is allowed (``2024年4月28日（星期日）``, ``Sun, 28 April 2024``) and
  :func:`date_with_weekday` uses it to find the year of a year-less one;
* a trailing 前/之前/以前/before;
* relative to the meeting date: ``D+3``, ``3天内``, ``两周内``, ``一個月內``,
  ``within two weeks``, ``in a month``, ``5个工作日``, ``15号``/``15號``/``15日前``/
  ``the 15th`` (the next 15th), ``下月15号``, ``本周五``/``本週五``, ``下周五``,
  ``上周五``, ``this Friday``, ``next Friday``, ``last Friday``, ``本周``/``this week``
  (that week's Sunday), ``下周``/``next week``, ``月底前``, ``本月底``, ``下月底``,
  ``本月``/``this month`` (its last day), ``下个月``/``next month``, ``11月底``,
  ``end of November``, ``明天``, ``后天``, ``today``, ``tomorrow``.

A date without a year takes the meeting's year and rolls into the next year when
it would fall before the meeting (a 1月5日 deadline of a December meeting is next
January). Titles and file names: :func:`date_in_title`, :func:`date_in_file_name`
and :func:`year_of` read only dates that carry their year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from parsers.lazy_regex import LazyPattern, lazy_compile

DateOrder = Literal["ymd", "dmy", "mdy"]

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

# The Republic of China calendar (Taiwan): 民國1年 is 1912.
_ROC_OFFSET = 1911
_ROC_YEARS = range(1, 201)
# Seven digits in a file name (1140311) are an ROC date only for years a note can
# carry (1991–2061): other seven-digit runs are ticket and order numbers.
_ROC_FILE_NAME_YEARS = range(80, 151)
_ROC_ERA = r"中華民國|中华民国|民國|民国"

# A reading of a span shaped like a full date whose numbers cannot be told apart
# without guessing (03/04/2019, 24年3月5日): no part of it may be read as a shorter
# date instead (03-04 as 3 April, 3月5日 in the meeting's year).
_UNREADABLE: Literal["unreadable"] = "unreadable"
_Reading = dt.date | Literal["unreadable"] | None


def normalise_digits(text: str) -> str:
    """Full-width digits and punctuation to ASCII, dashes to '-', Chinese date numerals to digits."""
    text = text.translate(_ASCII)
    return _CN_NUMBER.sub(_numeral_as_digits, text)


def _numeral_as_digits(match: re.Match[str]) -> str:
    try:
        return str(chinese_number(match.group()))
    except KeyError:  # 十十号 is no number: left as written, and unread
        return match.group()


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


def _roc_date(roc_year: int, month: int, day: int, years: range = _ROC_YEARS) -> dt.date | None:
    if roc_year not in years:
        return None
    return _safe_date(roc_year + _ROC_OFFSET, month, day)


def _month_then_day(first: int, second: int, date_order: DateOrder | None) -> tuple[int, int] | None:
    """(month, day) of ``25/09`` or ``09/25`` before a year; ``None`` when only a guess could tell.

    A number over 12 can only be the day, and equal numbers read the same either way.
    """
    if first > 12 >= second:
        return second, first
    if second > 12 >= first or first == second:
        return first, second
    if date_order == "dmy":
        return second, first
    if date_order == "mdy":
        return first, second
    return None


# -- readers: one match of a date form → a date, _UNREADABLE, or None (not a date after all)

_Reader = Callable[[re.Match[str], dt.date | None, bool, DateOrder | None], _Reading]


def _read_year_first(match: re.Match[str], meeting: dt.date | None, roll: bool, date_order: DateOrder | None) -> _Reading:
    """2023年10月25日, 2023-10-25, 20231025: the year says itself."""
    return _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))


def _read_roc_with_nian(match: re.Match[str], meeting: dt.date | None, roll: bool, date_order: DateOrder | None) -> _Reading:
    """114年3月11日, 民國99年3月11日; 24年3月5日 stays unread (mainland 2024 or ROC 1935)."""
    digits = match["roc"]
    if match["era"] is None and len(digits) != 3:
        return _UNREADABLE
    return _roc_date(int(digits), int(match["m"]), int(match["d"])) or _UNREADABLE


def _read_roc_numeric(match: re.Match[str], meeting: dt.date | None, roll: bool, date_order: DateOrder | None) -> _Reading:
    """114/3/11, 114.3.11, 114-03-11."""
    return _roc_date(int(match["roc"]), int(match["m"]), int(match["d"]))


def _read_roc_file_name(match: re.Match[str], meeting: dt.date | None, roll: bool, date_order: DateOrder | None) -> _Reading:
    """1140311 in a file name."""
    return _roc_date(int(match["roc"]), int(match["m"]), int(match["d"]), _ROC_FILE_NAME_YEARS)


def _read_unknown_century(match: re.Match[str], meeting: dt.date | None, roll: bool, date_order: DateOrder | None) -> _Reading:
    """24/3/11, 03/04/19: an ROC year, a two-digit Western year first or last: no telling."""
    return _UNREADABLE


def _read_year_last(match: re.Match[str], meeting: dt.date | None, roll: bool, date_order: DateOrder | None) -> _Reading:
    """25/09/2019, 09/25/2019, 03/04/2019 (only with a date order)."""
    month_day = _month_then_day(int(match["a"]), int(match["b"]), date_order)
    if month_day is None:
        return _UNREADABLE
    return _safe_date(int(match["y"]), *month_day) or _UNREADABLE


def _read_month_day(match: re.Match[str], meeting: dt.date | None, roll: bool, date_order: DateOrder | None) -> _Reading:
    """10月25日, Dec 2, 2nd of December, Dec 11, 2026: the year, if missing, from the meeting."""
    return _with_year(_month_number(match), int(match["d"]), match.groupdict().get("y"), meeting, roll)


def _read_numeric_month_day(match: re.Match[str], meeting: dt.date | None, roll: bool, date_order: DateOrder | None) -> _Reading:
    """11.15, 11/15: month first as Chinese and US notes write it, unless told day first."""
    first, second = int(match["a"]), int(match["b"])
    month, day = (second, first) if date_order == "dmy" else (first, second)
    return _with_year(month, day, None, meeting, roll)


class _DateForm:
    """One way of writing a date: its pattern and how a match of it is read.

    A plain class rather than a NamedTuple: defining one of those costs start-up time.
    """

    __slots__ = ("latin", "needs", "pattern", "read")

    def __init__(self, pattern: LazyPattern, read: _Reader, needs: str = "", latin: bool = False) -> None:
        self.pattern = pattern
        self.read = read
        # A character of which the text must hold one for the form to be tried at all
        # ("" for none): most texts lack it, and the pattern is then neither run nor compiled.
        self.needs = needs
        # English month names hold a letter that only an ASCII letter matches.
        self.latin = latin


_CN_FULL_DATE = _DateForm(  # 2023年10月25日, 2023年10月25号
    lazy_compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]?"),
    _read_year_first, "年",
)
_ROC_NIAN_DATE = _DateForm(  # 114年3月11日, 民國114年3月11日, 中華民國114年3月11日
    lazy_compile(
        rf"(?:(?P<era>{_ROC_ERA})\s*)?(?<!\d)(?P<roc>\d{{1,3}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*[日号號]?"
    ),
    _read_roc_with_nian, "年",
)
_ISO_DATE = _DateForm(  # 2023-10-25, 2023/10/25, 2023.10.25
    lazy_compile(r"(?<!\d)(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)"),
    _read_year_first, "-/.",
)
# The three-part numeric forms below want one separator throughout, so that a
# year-less range such as 11.15-11.20 is not taken for one of them.
_ROC_NUMERIC_DATE = _DateForm(  # 114/3/11, 114.3.11, 114-03-11
    lazy_compile(r"(?<![\d.])(?P<roc>\d{3})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d|\.\d)"),
    _read_roc_numeric, "-/.",
)
_TWO_DIGIT_FIRST_DATE = _DateForm(  # 24/3/11, 03/04/19
    lazy_compile(r"(?<![\d.])\d{2}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,2}(?!\d|\.\d)"),
    _read_unknown_century, "-/.",
)
_YEAR_LAST_DATE = _DateForm(  # 25/09/2019, 09/25/2019, 25.09.2019, 25-09-2019
    lazy_compile(r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"),
    _read_year_last, "-/.",
)
# 20241129: eight digits, not inside a longer run nor glued to a word (PO20241129)
# nor after a number sign (编号20231125, No.20231125, #20231125: an identifier)
_COMPACT_DATE = _DateForm(
    lazy_compile(r"(?<![A-Za-z\d.#号號])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![A-Za-z\d])"),
    _read_year_first,
)
_CN_MONTH_DAY = _DateForm(  # 10月25日
    lazy_compile(r"(?<!\d)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]?"),
    _read_month_day, "月",
)
_EN_DAY_MONTH = _DateForm(  # 2 Dec 2026, 2nd December
    lazy_compile(rf"(?<![\w])(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s*(?P<y>\d{{4}}))?(?![a-z])", re.I),
    _read_month_day, latin=True,
)
_EN_MONTH_DAY = _DateForm(  # Dec 2, December 2nd, 2026
    lazy_compile(rf"(?<![a-z]){_MONTH_RE}\s*(?P<d>\d{{1,2}}){_ORD}(?!\d)(?:,?\s*(?P<y>\d{{4}}))?", re.I),
    _read_month_day, latin=True,
)
_NUMERIC_MONTH_DAY = _DateForm(  # 11.15, 11/15, 11-15
    lazy_compile(r"(?<![\d.:/-])(?P<a>\d{1,2})\s*[./-]\s*(?P<b>\d{1,2})(?![\d:]|\.\d|/\d)"),
    _read_numeric_month_day, "-/.",
)

# In order: at the same start an earlier form wins, and the forms that find a
# span unreadable come before the shorter forms that would read part of it.
_DATE_FORMS: tuple[_DateForm, ...] = (
    _CN_FULL_DATE, _ROC_NIAN_DATE, _ISO_DATE, _ROC_NUMERIC_DATE, _TWO_DIGIT_FIRST_DATE,
    _YEAR_LAST_DATE, _COMPACT_DATE, _CN_MONTH_DAY, _EN_DAY_MONTH, _EN_MONTH_DAY, _NUMERIC_MONTH_DAY,
)
# The forms that can carry a year, for titles and file names. 24/3/11 is left out:
# in a title it is as likely a version number, and it is unread either way.
_FULL_DATE_FORMS: tuple[_DateForm, ...] = (
    _CN_FULL_DATE, _ROC_NIAN_DATE, _ISO_DATE, _ROC_NUMERIC_DATE, _YEAR_LAST_DATE, _COMPACT_DATE,
    _EN_DAY_MONTH, _EN_MONTH_DAY,
)
# File names glue dates to words (meeting20201216) and write ROC dates as seven digits.
_FILE_NAME_FORMS: tuple[_DateForm, ...] = (
    *_FULL_DATE_FORMS,
    _DateForm(lazy_compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"), _read_year_first),
    _DateForm(lazy_compile(r"(?<!\d)(?P<roc>\d{3})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"), _read_roc_file_name),
)

_ANY_DIGIT = lazy_compile(r"\d")
_ASCII_LETTER = lazy_compile("[A-Za-z]")

_WEEKDAYS_CN = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 6}
_WEEKDAYS_EN = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_EN_WEEKDAY = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_EN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# how many days/weeks/months: digits, Chinese numerals (两周, 十五天), English words
_CN_COUNT = r"(?<![第\d一二两兩三四五六七八九十])(?:\d{1,3}|[一二两兩三四五六七八九十]{1,3})"
_EN_COUNT = r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten"
_CN_WITHIN = r"\s*(?:之|以)?(?:内|內|后|後)"
_EN_WITHIN = r"\b(?:within|in)\s+(?:the\s+next\s+)?"
_REL_DAYS = lazy_compile(
    rf"(?i)\bD\s*\+\s*(?P<d1>\d{{1,3}})\b|(?P<d2>{_CN_COUNT})\s*(?:个|個)?\s*(?:天|日){_CN_WITHIN}"
    rf"|{_EN_WITHIN}(?P<d3>{_EN_COUNT})\s+days?\b"
    # "花费 4 天时间完成", "用两天完成": the work takes that many days from the meeting
    rf"|\bspend(?:s|ing)?\s+(?P<d5>{_EN_COUNT})\s+days?\b"
    rf"|(?:花费|花費|花|用)\s*(?P<d4>{_CN_COUNT})\s*(?:个|個)?\s*天(?:的)?(?:时间|時間)?"
)
_REL_WEEKS = lazy_compile(
    rf"(?i)(?P<w1>{_CN_COUNT})\s*(?:个|個)?\s*(?:周|週|星期|礼拜|禮拜){_CN_WITHIN}"
    rf"|{_EN_WITHIN}(?P<w2>{_EN_COUNT})\s+weeks?\b"
)
# 一个月内 wants the 个: 三月内 is as likely "within March"
_REL_MONTHS = lazy_compile(
    rf"(?i)(?P<m1>{_CN_COUNT})\s*(?:个|個)\s*月{_CN_WITHIN}|{_EN_WITHIN}(?P<m2>{_EN_COUNT})\s+months?\b"
)
_REL_WORKDAYS = lazy_compile(r"(?i)(?P<n>\d{1,3})\s*(?:个|個)\s*工作日|(?P<m>\d{1,3})\s+(?:business|working)\s+days?")
# 线上/线下 (online/offline), 晚上/早上 (evening/morning), 马上 (at once), 以上/以下
# (above/below) end in 上 or 下 without meaning last or next: 线上周一例会 is this Monday's.
_NOT_LAST_OR_NEXT = r"(?<![线線晚早马馬以网網])"
_CN_WEEK = lazy_compile(
    rf"(?:{_NOT_LAST_OR_NEXT}(?P<which>本|这|這|下|下个|下個|下下|上|上个|上個))?\s*(?:周|週|星期|礼拜|禮拜)(?P<day>[一二三四五六日天末])"
)
_EN_WEEK = lazy_compile(rf"(?i)\b(?P<which>this|next|coming|last)?\s*(?P<day>{_EN_WEEKDAY})\b")
# 本周, 下週, this week, next week: no weekday after (本周五 is _CN_WEEK's), nor 初/中
# (下周初 is early in the week, not its end)
_CN_WEEK_ALONE = lazy_compile(rf"{_NOT_LAST_OR_NEXT}(?P<which>本|这|這|下下|下)\s*(?:个|個)?\s*(?:周|週|星期|礼拜|禮拜)(?![一二三四五六日天末初中])")
_EN_WEEK_ALONE = lazy_compile(r"(?i)\b(?P<which>this|next)\s+week\b(?!s)")
_MONTH_ALONE = lazy_compile(
    r"(?i)(?:(?P<this>本月|这个月|這個月|当月|當月)|(?P<next>下个?月|下個?月|次月))(?!\s*(?:[初中底末]|上旬|中旬))"
    r"|\b(?:(?P<this2>this)|(?P<next2>next))\s+month\b"
)
# early next week, mid-next month, the beginning of this month: not the period's end
_EARLY_OR_MID_BEFORE = lazy_compile(r"(?i)\b(?:early|mid|beginning\s+of|start\s+of)[-\s]*(?:the\s+)?$")
# 15号, 15號, 15日前, 下月15号: a day of the month alone. Not after 月 (10月25日 is a
# full month and day, 每月5日 recurs), 第 (an ordinal), a digit, a letter or an address
# word (A栋5号, 3号楼5号); and a boundary after, so that 15号楼 (a building) is no date.
_CN_DAY_OF_MONTH = lazy_compile(
    r"(?:(?:(?P<this>本月|这个月|這個月|当月|當月)|(?P<next>下个?月|下個?月|次月))\s*的?\s*"
    r"|(?<![\dA-Za-z.\-/月第每栋棟楼樓层層室座路街巷弄号號]))"
    r"(?P<day>\d{1,2})\s*[号號日](?=$|\W|之?前|以前|[上中下]午|早上|晚上|傍晚)"
)
# the 15th, by the 1st, the 3rd of next month; not the 15th floor nor the 2nd round
_EN_DAY_OF_MONTH = lazy_compile(
    r"(?i)\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(?:(?P<this>this)|(?P<next>next))\s+month\b)?"
    r"(?=\s*$|\s*[^\w\s]|\s+(?:at|before|by|EOD|COB|morning|afternoon|evening|\d))"
)
_RECURRING = lazy_compile(r"(?i)每|\bevery\b|\beach\s+month\b|\bmonthly\b")
_MONTH_END = lazy_compile(r"(?i)(?P<next>下个?月|下個?月|next\s+month'?s?)\s*(?:底|末|end)|(?:本月|这个月|這個月|当月|當月)?\s*月[底末]|(?:end\s+of\s+(?:the\s+)?(?P<next2>next\s+)?month)|month[- ]end")
# "11月底", "end of January", "March-end": the last day of a named month
_NAMED_MONTH_END = lazy_compile(
    rf"(?i)(?<!\d)(?P<m>\d{{1,2}})\s*月\s*[底末]|(?:end\s+of\s+|(?<![a-z])(?=[a-z]+\.?[- ]end\b)){_MONTH_RE}(?:[- ]end\b|(?![a-z]))"
)
_TODAY = lazy_compile(r"(?i)今天|今日|当天|當天|会后当天|today|\bEOD\b")
_TOMORROW = lazy_compile(r"(?i)明天|明日|tomorrow")
_AFTER_TOMORROW = lazy_compile(r"后天|後天")

# A weekday standing beside a date: 4/28 (Sat), (Wed 4/22), 4月28日（週六）, Saturday, April 28,
# and after a date the bracketed lone character of Taiwanese notes: 3/11（二）
_WEEKDAY_WORD = (
    rf"(?:(?:周|週|星期|礼拜|禮拜)(?P<cn>[一二三四五六日天])|(?<![a-z])(?P<en>{_EN_WEEKDAY})\.?(?![a-z]))"
)
_WEEKDAY_AFTER = lazy_compile(
    rf"(?i)\s*(?:[,，]?\s*[(\[【]?\s*{_WEEKDAY_WORD}|[(\[【]\s*(?P<lone>[一二三四五六日天])\s*[)\]】])"
)
_WEEKDAY_BEFORE = lazy_compile(rf"(?i){_WEEKDAY_WORD}\s*[,，]?\s*$")
# a leap year, so that a year-less 2月29日 reads
_LEAP_YEAR_START = dt.date(2000, 1, 1)

# A year alone (2022 Spring team meeting, 民國114年度, 114年): not an amount
# (2000万, $2000, 2,000, 2000人, 2000 km) nor part of a longer number.
_YEAR_ALONE = lazy_compile(
    r"(?<![\d.,$¥￥€£])(?P<year>199\d|20\d\d)(?!\d|[.,]\d|\s*(?:%|万|萬|元|人|台|个|個|件|份|名|位|次|[kKmM]\b))"
    rf"|(?:(?P<era>{_ROC_ERA})\s*(?P<era_year>\d{{1,3}})|(?<!\d)(?P<roc>\d{{3}}))\s*年"
)

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


def _may_match(form: _DateForm, present: set[str], latin: bool) -> bool:
    """Whether ``form`` can match a text made of the characters ``present``."""
    if form.latin:
        return latin
    return not form.needs or not present.isdisjoint(form.needs)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    start, end = span
    return any(start < other_end and other_start < end for other_start, other_end in spans)


@lru_cache(maxsize=4096)
def find_absolute_date(
    text: str, meeting: dt.date | None = None, roll: bool = True, *, date_order: DateOrder | None = None
) -> tuple[dt.date, int, int] | None:
    """The first calendar date written in ``text``: (date, start, end) in the normalised text.

    Positions refer to ``normalise_digits(text)``, which may be shorter than ``text``
    when Chinese numerals were converted. ``date_order`` reads dates such as
    ``03/04/2019`` ("dmy": 3 April, "mdy": 4 March); without it they are not read.
    """
    clean = normalise_digits(text)
    if not _ANY_DIGIT.search(clean):
        return None
    best: tuple[dt.date, int, int] | None = None
    unreadable: list[tuple[int, int]] = []
    present = set(clean)
    latin = _ASCII_LETTER.search(clean) is not None
    for form in _DATE_FORMS:
        # _may_match inlined: this loop runs for every date field of every note
        if (not latin) if form.latin else (form.needs and present.isdisjoint(form.needs)):
            continue
        for match in form.pattern.finditer(clean):
            if best is not None and match.start() >= best[1]:
                break
            if unreadable and _overlaps(match.span(), unreadable):
                continue
            reading = form.read(match, meeting, roll, date_order)
            if isinstance(reading, dt.date):
                best = (reading, match.start(), match.end())
                break
            if reading is not None:
                unreadable.append(match.span())
    return best


def _month_start(day: dt.date, months_ahead: int = 0) -> dt.date:
    month_index = day.month - 1 + months_ahead
    return dt.date(day.year + month_index // 12, month_index % 12 + 1, 1)


def _end_of_month(day: dt.date, months_ahead: int = 0) -> dt.date:
    start = _month_start(day, months_ahead)
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    """Jan 31 + 1 month is the last day of February."""
    start = _month_start(day, months)
    return start.replace(day=min(day.day, calendar.monthrange(start.year, start.month)[1]))


def _add_workdays(start: dt.date, count: int) -> dt.date:
    day = start
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _count(text: str) -> int | None:
    """3, 两, 十五, two, a → the number."""
    if text.isdigit():
        return int(text)
    word = _EN_NUMBERS.get(text.lower())
    if word is not None:
        return word
    try:
        return chinese_number(text)
    except KeyError:  # 十十 and the like
        return None


class _Cues:
    """Which relative forms a text may hold, from cheap character and word tests:
    most texts hold none, and their patterns are then neither run nor compiled."""

    __slots__ = ("days", "latin", "months", "weeks")

    def __init__(self, clean: str) -> None:
        present = set(clean)
        self.latin = _ASCII_LETTER.search(clean) is not None
        lower = clean.lower() if self.latin else ""
        self.days = not present.isdisjoint("天日号號+") or "day" in lower or "the" in lower
        self.weeks = not present.isdisjoint("周週期拜") or "week" in lower
        self.months = "月" in present or "month" in lower


def _span_from_meeting(clean: str, meeting: dt.date, cues: _Cues) -> dt.date | None:
    """D+3, 3天内, 两周内, 一個月內, within two weeks, in a month."""
    match = _REL_DAYS.search(clean) if cues.days else None
    if match:
        days = _count(next(value for value in match.groups() if value))
        return None if days is None else meeting + dt.timedelta(days=days)
    match = _REL_WEEKS.search(clean) if cues.weeks else None
    if match:
        weeks = _count(match.group("w1") or match.group("w2"))
        return None if weeks is None else meeting + dt.timedelta(weeks=weeks)
    match = _REL_MONTHS.search(clean) if cues.months else None
    if match:
        months = _count(match.group("m1") or match.group("m2"))
        return None if months is None else _add_months(meeting, months)
    return None


def _day_of_month(clean: str, meeting: dt.date, roll: bool, latin: bool) -> dt.date | None:
    """15号, 15日前, the 15th: the next 15th on or after the meeting; 下月15号: next month's.

    Without ``roll`` (progress already made) a bare 15号 is the meeting month's.
    """
    match = _CN_DAY_OF_MONTH.search(clean)
    if match is None and latin:
        match = _EN_DAY_OF_MONTH.search(clean)
    if match is None or _RECURRING.search(clean):
        return None
    day = int(match.group("day"))
    if match.group("this") or match.group("next"):
        month = _month_start(meeting, 1 if match.group("next") else 0)
        return _safe_date(month.year, month.month, day)
    if not roll:
        return _safe_date(meeting.year, meeting.month, day)
    # a 31st skips the months without one
    for months_ahead in range(3):
        month = _month_start(meeting, months_ahead)
        found = _safe_date(month.year, month.month, day)
        if found is not None and found >= meeting:
            return found
    return None


def _named_week(clean: str) -> int | None:
    """How many weeks after the meeting's week 本周/下周/this week/next week name; ``None`` if none."""
    match = _CN_WEEK_ALONE.search(clean)
    if match:
        which = match.group("which")
        return 2 if which == "下下" else 1 if which == "下" else 0
    match = _EN_WEEK_ALONE.search(clean)
    if match and not _EARLY_OR_MID_BEFORE.search(clean, 0, match.start()):
        return 1 if match.group("which").lower() == "next" else 0
    return None


def _weekday_date(clean: str, monday: dt.date, meeting: dt.date, cues: _Cues) -> dt.date | None:
    """周五, 下周五, 上周五, Friday, next Friday, last Friday, Friday next week."""
    match = _CN_WEEK.search(clean) if cues.weeks else None
    if match:
        which = match.group("which") or ""
        named_week = None if which else _named_week(clean)
        if which:
            weeks = 2 if which == "下下" else 1 if which.startswith("下") else -1 if which.startswith("上") else 0
        else:
            weeks = named_week or 0
        target = monday + dt.timedelta(days=7 * weeks + _WEEKDAYS_CN[match.group("day")])
        if not which and named_week is None and target < meeting:
            # a bare "周五" said on a Saturday means the coming one, as "Friday" does
            target += dt.timedelta(days=7)
        return target
    match = _EN_WEEK.search(clean) if cues.latin else None
    if not match:
        return None
    target = monday + dt.timedelta(days=_WEEKDAYS_EN[match.group("day").lower()])
    which = (match.group("which") or "").lower()
    if which == "next":
        return target + dt.timedelta(days=7)
    if which == "last":
        # the latest one before the meeting
        return target - dt.timedelta(days=7) if target >= meeting else target
    if not which:
        named_week = _named_week(clean)
        if named_week is not None:
            return target + dt.timedelta(days=7 * named_week)
        if target < meeting:
            # a bare "Friday" said on a Saturday means the coming one
            target += dt.timedelta(days=7)
    return target


def _month_alone(clean: str, meeting: dt.date) -> dt.date | None:
    """本月, this month → its last day; 下个月, next month → the last day of next month."""
    match = _MONTH_ALONE.search(clean)
    if match is None or _EARLY_OR_MID_BEFORE.search(clean, 0, match.start()):
        return None
    return _end_of_month(meeting, 1 if (match.group("next") or match.group("next2")) else 0)


def _relative_date(clean: str, meeting: dt.date, roll: bool, cues: _Cues) -> dt.date | None:
    found = _span_from_meeting(clean, meeting, cues)
    if found is not None:
        return found
    match = _REL_WORKDAYS.search(clean) if cues.days else None
    if match:
        return _add_workdays(meeting, int(match.group("n") or match.group("m")))
    found = _day_of_month(clean, meeting, roll, cues.latin) if cues.days else None
    if found is not None:
        return found
    monday = meeting - dt.timedelta(days=meeting.weekday())
    found = _weekday_date(clean, monday, meeting, cues)
    if found is not None:
        return found
    match = _MONTH_END.search(clean) if cues.months else None
    if match:
        return _end_of_month(meeting, 1 if (match.group("next") or match.group("next2")) else 0)
    if cues.days or cues.latin:  # 后天, 明天, 今日, tomorrow, today, EOD
        if _AFTER_TOMORROW.search(clean):
            return meeting + dt.timedelta(days=2)
        if _TOMORROW.search(clean):
            return meeting + dt.timedelta(days=1)
        if _TODAY.search(clean):
            return meeting
    weeks = _named_week(clean) if cues.weeks else None
    if weeks is not None:
        # 本周, this week: by the Sunday that ends it
        return monday + dt.timedelta(days=7 * weeks + 6)
    return _month_alone(clean, meeting) if cues.months else None


@lru_cache(maxsize=4096)
def parse_date(
    text: str | None, meeting: dt.date | None = None, roll: bool = True, *, date_order: DateOrder | None = None
) -> dt.date | None:
    """Read a date as written (absolute or relative to the meeting date); ``None`` if unreadable.

    ``roll`` moves a year-less date that falls before the meeting into the next year
    (right for deadlines and milestones, wrong for progress already made).
    ``date_order`` ("dmy" or "mdy") reads ``03/04/2019``, which is otherwise left
    unread. A year-less ``5/4`` is May 4, month first as Chinese and US notes write
    it, unless ``date_order`` is "dmy" (then 5 April).
    """
    if not text or not text.strip():
        return None
    absolute = find_absolute_date(text, meeting, roll, date_order=date_order)
    if absolute is not None:
        return absolute[0]
    if meeting is None:
        return None
    clean = normalise_digits(text)
    cues = _Cues(clean)
    named = _NAMED_MONTH_END.search(clean) if cues.months or cues.latin else None
    if named is not None:
        return _named_month_end(named, meeting)
    return _relative_date(clean, meeting, roll, cues)


_ENGLISH_MONTH_YEAR = lazy_compile(rf"(?i)(?<![\w]){_MONTH_RE}\s*,?\s*(?P<y>(?:19|20)\d\d)(?!\d)")


def month_deadline(text: str, meeting: dt.date | None) -> dt.date | None:
    """A deadline given as a month alone, ``2022年7月`` or ``完成时间：9月``: the month's last day.

    Only for deadlines: as a meeting date, a month alone stays unread. ``5月初``
    (early May) and ``7个月`` are no month deadline.
    """
    clean = normalise_digits(text)
    english = _ENGLISH_MONTH_YEAR.search(clean) if _ASCII_LETTER.search(clean) else None
    if english is not None:
        # "April 2024", "due: Apr 2024": the month's last day
        return _end_of_month(dt.date(int(english.group("y")), _month_number(english), 1))
    match = _MONTH_ONLY.search(clean) if "月" in clean else None
    if match is None:
        return None
    month = int(match.group("m"))
    if not 1 <= month <= 12:
        return None
    if match.group("y"):
        year = int(match.group("y"))
        return _end_of_month(dt.date(year, month, 1)) if 1900 < year < 2200 else None
    if meeting is None:
        return None
    end = _end_of_month(dt.date(meeting.year, month, 1))
    return _end_of_month(dt.date(meeting.year + 1, month, 1)) if end < meeting else end


# a month with no day after it: "2022年7月", "7月" (not "7月15日", not "7个月")
_MONTH_ONLY = lazy_compile(
    r"(?<![\d个個])(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月份?(?!\s*[\d一二三四五六七八九十内內初中上下旬])"
)


def _named_month_end(match: re.Match[str], meeting: dt.date) -> dt.date | None:
    month = _month_number(match)
    if not 1 <= month <= 12:
        return None
    end = _end_of_month(dt.date(meeting.year, month, 1))
    return _end_of_month(dt.date(meeting.year + 1, month, 1)) if end < meeting else end


def _weekday_beside(clean: str, start: int, end: int) -> int | None:
    """The weekday (Monday 0) written right after or right before the date at ``clean[start:end]``."""
    match = _WEEKDAY_AFTER.match(clean, end) or _WEEKDAY_BEFORE.search(clean, 0, start)
    if match is None:
        return None
    chinese = match.groupdict().get("cn") or match.groupdict().get("lone")
    if chinese:
        return _WEEKDAYS_CN[chinese]
    return _WEEKDAYS_EN[match.group("en").lower()]


def date_with_weekday(
    text: str, year_hint: int | None, *, date_order: DateOrder | None = None
) -> dt.date | None:
    """``4/28 (Sat)``, ``4月28日（週六）``, ``Saturday, April 28``: the year the weekday points to.

    The date must fall on that weekday in ``year_hint`` (usually the meeting's year)
    or, failing that, in the year before or after it (a December meeting's notes
    about January); otherwise, or without a hint, ``None``: a weekday alone repeats
    every few years. A date that carries its year is returned when the weekday
    beside it agrees. Without a weekday beside the date: ``None``.
    """
    clean = normalise_digits(text)
    if not _ANY_DIGIT.search(clean):
        return None
    full = find_absolute_date(text, date_order=date_order)
    if full is not None:
        date, start, end = full
        return date if _weekday_beside(clean, start, end) == date.weekday() else None
    if year_hint is None:
        return None
    found = find_absolute_date(text, _LEAP_YEAR_START, roll=False, date_order=date_order)
    if found is None:
        return None
    month_day, start, end = found
    weekday = _weekday_beside(clean, start, end)
    if weekday is None:
        return None
    # at most one of the neighbouring years puts the date on the same weekday
    for year in (year_hint, year_hint - 1, year_hint + 1):
        candidate = _safe_date(year, month_day.month, month_day.day)
        if candidate is not None and candidate.weekday() == weekday:
            return candidate
    return None


def _may_hold_date(text: str) -> bool:
    """A digit, or 年 for 二〇二四年三月五日: most titles have neither, and no pattern runs."""
    return any(map(str.isdigit, text)) or "年" in text


def _dates_with_year(clean: str, forms: tuple[_DateForm, ...], date_order: DateOrder | None) -> list[tuple[_Reading, tuple[int, int]]]:
    """Every date that carries its year in ``clean`` (and every unreadable one), with its span."""
    present = set(clean)
    latin = _ASCII_LETTER.search(clean) is not None
    taken: list[tuple[int, int]] = []
    found: list[tuple[_Reading, tuple[int, int]]] = []
    for form in forms:
        if not _may_match(form, present, latin):
            continue
        for match in form.pattern.finditer(clean):
            if _overlaps(match.span(), taken):
                continue
            reading = form.read(match, None, False, date_order)
            if reading is not None:
                taken.append(match.span())
                found.append((reading, match.span()))
    return found


def _the_one_date(found: list[tuple[_Reading, tuple[int, int]]]) -> dt.date | None:
    """The date when all readings agree; ``None`` for none, two, or one that cannot be read."""
    dates = {reading for reading, _ in found}
    if len(dates) != 1:
        return None
    date = dates.pop()
    return date if isinstance(date, dt.date) else None


def date_in_title(text: str, date_order: DateOrder | None = None) -> dt.date | None:
    """The full date in a heading: ``2024-04-12 周会``, ``20241129 例会``, ``第12次例会（2024年3月5日）``.

    Only dates that carry their year count (a ``24.09`` in ``Release 24.09 planning``
    is a version, not a date). ``None`` when there is none, when two different dates
    appear, or when one cannot be read without guessing (``03/04/2019`` without a
    ``date_order``).
    """
    if not _may_hold_date(text):
        return None
    return _the_one_date(_dates_with_year(normalise_digits(text), _FULL_DATE_FORMS, date_order))


def date_in_file_name(name: str, date_order: DateOrder | None = None) -> dt.date | None:
    """The full date in a file stem: ``meeting-20201216``, ``2020-05-05-weekly``, ``tsc_2019_03_06``,
    ``16-12-2020``, ``minutes-1140311`` (ROC 114 = 2025); ``None`` when absent or ambiguous."""
    if not any(map(str.isdigit, name)):
        return None
    clean = normalise_digits(name.replace("_", "-"))
    return _the_one_date(_dates_with_year(clean, _FILE_NAME_FORMS, date_order))


def year_of(text: str) -> int | None:
    """The one year a text names: ``2022 Spring team meeting`` → 2022, ``民國114年度`` → 2025.

    Years inside full dates count, also of dates whose day and month stay unread
    (``03/04/2019``). ``None`` when no year or several different ones appear.
    """
    if not _may_hold_date(text):
        return None
    clean = normalise_digits(text)
    years: set[int] = set()
    in_dates: list[tuple[int, int]] = []
    for reading, span in _dates_with_year(clean, _FULL_DATE_FORMS, None):
        if isinstance(reading, dt.date):
            years.add(reading.year)
            in_dates.append(span)
    for match in _YEAR_ALONE.finditer(clean):
        if _overlaps(match.span(), in_dates):
            continue
        if match.group("year"):
            years.add(int(match.group("year")))
            continue
        roc_year = int(match.group("era_year") or match.group("roc"))
        if roc_year in _ROC_YEARS:
            years.add(roc_year + _ROC_OFFSET)
    return years.pop() if len(years) == 1 else None


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
