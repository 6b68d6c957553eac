"""Is a decision task-shaped? The cues of the ``looks-like-task`` rule.

A resolution that names who is to act (``由张三负责``, ``负责人：…``, ``@handle``,
``Dana will …``, ``Raj to …``) and by when (``6月30日前``, ``下周五``, ``by Friday``,
``2024-07-01``) is a task; unless it reports work already done (``已于…完成``).

The cues live in ``rules/task_cues.toml`` with examples the tests run. Like the
term list they are read from a checked snapshot while it was made from exactly
the TOML file's bytes; ``python -m pipeline.check.rules`` writes it again.
Patterns are compiled on first use.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from pipeline.check.terms import parse_toml, python_literal, source_sha256

TASK_CUES_FILE = Path(__file__).parent / "rules" / "task_cues.toml"
TASK_CUES_SNAPSHOT_FILE = TASK_CUES_FILE.with_name("task_cues_snapshot.py")

# Only whether a year-less "6月30日" is a calendar date matters when the meeting date
# is unknown; any leap year serves to read it.
_STAND_IN_MEETING_DATE = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class Cue:
    id: str
    pattern: str
    calendar: bool = False  # the matched text must read as a calendar date too
    flag: tuple[str, ...] = ()
    no_flag: tuple[str, ...] = ()

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@dataclass(frozen=True)
class TaskCues:
    owners: tuple[Cue, ...]
    deadlines: tuple[Cue, ...]
    done: tuple[Cue, ...]
    not_names: frozenset[str]
    flag: tuple[str, ...] = ()  # whole decisions that are task-shaped
    no_flag: tuple[str, ...] = ()

    def owner(self, text: str) -> str | None:
        """The first way ``text`` names a responsible person, or None."""
        for cue in self.owners:
            found = _first(cue.regex, text, self._a_person)
            if found is not None:
                return found
        return None

    def _a_person(self, match: re.Match[str]) -> bool:
        if "who" not in match.re.groupindex:
            return True
        # "Then Dana will" names Dana; "The Board will", "We will" name no one.
        words = [word.rstrip(".") for word in match.group("who").split()]
        return any(word not in self.not_names for word in words)

    def deadline(self, text: str, meeting_date: dt.date | None) -> str | None:
        """The first date in ``text`` still to come at the meeting, or None."""
        for cue in self.deadlines:
            if cue.calendar:
                found = _first(cue.regex, text, _to_come(meeting_date))
            else:
                found = _first(cue.regex, text, lambda _match: True)
            if found is not None:
                return found
        return None

    def reports_done_work(self, text: str) -> bool:
        return any(cue.regex.search(text) for cue in self.done)

    def looks_like_task(self, text: str, meeting_date: dt.date | None) -> bool:
        return (
            self.owner(text) is not None
            and self.deadline(text, meeting_date) is not None
            and not self.reports_done_work(text)
        )


def _first(
    regex: re.Pattern[str], text: str, accept: Callable[[re.Match[str]], bool]
) -> str | None:
    """The first match ``accept`` takes; a rejected match may hide one starting inside it."""
    position = 0
    while (match := regex.search(text, position)) is not None:
        if accept(match):
            return match.group(0)
        position = match.start() + 1
    return None


def _to_come(meeting_date: dt.date | None) -> Callable[[re.Match[str]], bool]:
    """Accepts a calendar date, unless the meeting date is known and the date is past."""

    def accept(match: re.Match[str]) -> bool:
        from parsers.dates import parse_date  # a pure helper of the parser, loaded when needed

        date = parse_date(match.group(0), meeting_date or _STAND_IN_MEETING_DATE)
        if date is None:
            return False
        return meeting_date is None or date >= meeting_date

    return accept


def _cues(tables: Any, kind: str) -> tuple[Cue, ...]:
    return tuple(
        Cue(
            id=str(table["id"]),
            pattern=str(table["pattern"]),
            calendar=bool(table.get("calendar", False)),
            flag=tuple(table.get("flag", ())),
            no_flag=tuple(table.get("no_flag", ())),
        )
        for table in tables.get(kind, ())
    )


def task_cues_from(tables: dict[str, Any]) -> TaskCues:
    """Build :class:`TaskCues` from the parsed TOML (raises KeyError/ValueError if malformed)."""
    unknown = set(tables) - {"not_names", "owner", "deadline", "not_task", "rule"}
    if unknown:
        raise ValueError(f"unknown tables in the task cues: {', '.join(sorted(unknown))}")
    rule = tables.get("rule", {})
    return TaskCues(
        owners=_cues(tables, "owner"),
        deadlines=_cues(tables, "deadline"),
        done=_cues(tables, "not_task"),
        not_names=frozenset(tables.get("not_names", ())),
        flag=tuple(rule.get("flag", ())),
        no_flag=tuple(rule.get("no_flag", ())),
    )


def cue_tables(source: bytes, snapshot: ModuleType | None) -> dict[str, Any]:
    """The parsed cue file: from its snapshot if that was made from ``source``."""
    if snapshot is not None and getattr(snapshot, "SOURCE_SHA256", None) == source_sha256(source):
        return dict(snapshot.TABLES)
    return parse_toml(source)


def snapshot_module_text(source: bytes) -> str:
    """The Python module that holds the parsed tables of ``task_cues.toml``."""
    literal = python_literal(parse_toml(source), "the task cues")
    return (
        '"""The task cues as parsed from task_cues.toml. Generated: do not edit.\n\n'
        "Used only while SOURCE_SHA256 is that of task_cues.toml; after editing the TOML\n"
        'file, run ``python -m pipeline.check.rules`` to write this module again.\n"""\n\n'
        "from typing import Any\n\n"
        f"SOURCE_SHA256 = {source_sha256(source)!r}\n\n"
        f"TABLES: dict[str, Any] = {literal}\n"
    )


def _snapshot() -> ModuleType | None:
    try:
        from pipeline.check.rules import task_cues_snapshot
    except ImportError:
        return None
    return task_cues_snapshot


@lru_cache(maxsize=1)
def builtin_task_cues() -> TaskCues:
    return task_cues_from(cue_tables(TASK_CUES_FILE.read_bytes(), _snapshot()))
