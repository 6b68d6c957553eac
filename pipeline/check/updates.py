"""Updates on earlier tasks: the ``conflicting-update`` rule and the lines no other rule reads.

An update line (``- #Q3-7 进行中，延期到7月20日``) reports on a task of an earlier
meeting: it is no decision and no new action item, so the rules about those
(vague words in a commitment, a missing owner or deadline, a decision shaped like
a task) say nothing about it. Two updates in one note on the same task that
disagree on its status or its new due date are reported, at the second one.

``EXAMPLES`` are whole notes the tests run: each ``flag`` note must be reported
(at the line given), each ``no_flag`` note must not. They are made up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.model import TaskUpdate

RULE = "conflicting-update"

# Rules that still speak on an update line: placeholders and the comments' own reports.
STILL_CHECKED = frozenset({RULE, "placeholder", "unknown-rule-in-comment", "unused-suppression"})


@dataclass(frozen=True)
class Conflict:
    update: TaskUpdate
    first: TaskUpdate
    field: str  # "status" or "due"
    was: str
    now: str


def _key(update: TaskUpdate) -> str:
    if update.task_id:
        return "#" + update.task_id.lower()
    owner = update.owner
    who = f"{owner.department or ''}/{owner.name or ''}" if owner is not None else ""
    return "task:" + "".join((update.task or "").lower().split()) + "@" + who


def _due(update: TaskUpdate) -> str | None:
    if update.due is not None:
        return update.due.isoformat()
    return update.due_text.strip() if update.due_text else None


def conflicts(updates: Sequence[TaskUpdate]) -> Iterator[Conflict]:
    """Each update that disagrees with an earlier update on the same task in the same note."""
    seen: dict[str, list[TaskUpdate]] = {}
    for update in sorted(updates, key=lambda update: update.line):
        if not update.task_id and not update.task:
            continue
        earlier = seen.setdefault(_key(update), [])
        for first in earlier:
            if update.status and first.status and update.status != first.status:
                yield Conflict(update, first, "status", first.status, update.status)
                break
            was, now = _due(first), _due(update)
            if was and now and was != now:
                yield Conflict(update, first, "due", was, now)
                break
        earlier.append(update)


EXAMPLES: dict[str, tuple[tuple[str, int], ...]] = {
    "flag": (
        (
            "# 周会\n\n日期：2024-06-19\n\n## 上次行动项跟进\n\n"
            "- #2024-06-12-3 已完成\n- #2024-06-12-3 进行中\n",
            8,
        ),
        (
            "# 週會\n\n日期：2024-06-19\n\n## 上次會議決議執行情形\n\n"
            "- #Q3-7 延後至7月20日\n- #Q3-7 延後至7月31日\n",
            8,
        ),
        (
            "# Weekly sync\n\nDate: 2024-06-19\n\n## Follow-up of previous actions\n\n"
            "- [x] #Q3-7 done\n- #Q3-7 cancelled (scope change)\n",
            8,
        ),
        (
            "# Weekly sync\n\nDate: 2024-06-19\n\n## Follow-up of previous actions\n\n"
            "- Update the onboarding guide: in progress\n- Update the onboarding guide: done\n",
            8,
        ),
    ),
    "no_flag": (
        (
            "# 周会\n\n日期：2024-06-19\n\n## 上次行动项跟进\n\n"
            "- #2024-06-12-3 已完成\n- #2024-06-12-4 进行中\n",
            0,
        ),
        (
            "# 週會\n\n日期：2024-06-19\n\n## 上次會議決議執行情形\n\n"
            "- #Q3-7 進行中\n- #Q3-7 進行中，負責人改為林主任\n",
            0,
        ),
        (
            "# Weekly sync\n\nDate: 2024-06-19\n\n## Follow-up of previous actions\n\n"
            "- #Q3-7 in progress, moved to 2024-07-20\n- #Q3-7 in progress: the API part is done\n",
            0,
        ),
    ),
}
