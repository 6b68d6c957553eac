"""Fresh notes in styles the parser was not written against, read as tests/unseen/ANSWERS.txt says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from parsers import load_meeting
from pipeline.model import ActionItem, Person

UNSEEN = Path(__file__).resolve().parent / "unseen"


@dataclass(frozen=True)
class Answer:
    file: str
    line: int
    task: str
    owners: str
    due: str
    due_text: str


def _answers() -> tuple[dict[str, dict[str, str]], list[Answer]]:
    meetings: dict[str, dict[str, str]] = {}
    answers: list[Answer] = []
    current = ""
    for raw in (UNSEEN / "ANSWERS.txt").read_text(encoding="utf-8").splitlines():
        if raw.startswith("== "):
            current = raw[3:].strip()
        elif raw.startswith("@ ") and current:
            meetings[current] = dict(pair.split("=", 1) for pair in raw[2:].split())
        elif current and raw[:1].isdigit() and " | " in raw:
            line, task, owners, due, due_text, *_ = (cell.strip() for cell in raw.split("|"))
            answers.append(Answer(current, int(line), task, owners, due, due_text))
    return meetings, answers


MEETINGS, ANSWERS = _answers()


def _owners(item: ActionItem) -> str:
    people: list[Person] = [p for p in [item.owner, *item.co_owners] if p is not None]
    if not people or not any(p.name or p.department for p in people):
        return "none"
    return " + ".join(f"{p.department or ''}/{p.name or ''}" for p in people)


def _iso(value: str) -> dt.date | None:
    return None if value == "none" else dt.date.fromisoformat(value)


def test_answer_key_covers_every_unseen_note() -> None:
    notes = sorted(path.name for path in UNSEEN.glob("*.md"))
    assert len(notes) >= 10
    assert sorted(MEETINGS) == notes


@pytest.mark.parametrize("name", sorted(MEETINGS), ids=str)
def test_unseen_meeting_date_time_and_action_lines(name: str) -> None:
    meeting, _ = load_meeting(UNSEEN / name)
    expected = MEETINGS[name]
    assert str(meeting.date or "-") == expected["date"]
    assert (meeting.start_time or "-", meeting.end_time or "-") == (expected["start"], expected["end"])
    lines = sorted(item.line for item in meeting.action_items)
    assert lines == sorted(answer.line for answer in ANSWERS if answer.file == name)


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: f"{a.file}:{a.line}")
def test_unseen_action_item_matches_the_answer_key(answer: Answer) -> None:
    meeting, _ = load_meeting(UNSEEN / answer.file)
    found = [item for item in meeting.action_items if item.line == answer.line]
    assert len(found) == 1, [(item.line, item.task) for item in meeting.action_items]
    item = found[0]
    assert item.task == answer.task
    assert _owners(item) == answer.owners
    assert item.due == _iso(answer.due)
    assert (item.due_text or "-") == answer.due_text
