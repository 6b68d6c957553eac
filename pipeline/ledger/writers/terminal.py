"""The ledger as a listing for the terminal: tasks grouped by owner, overdue first.

Each group is an owner ("部门 姓名"); tasks nobody owns form a group of their own,
headed "（无负责人）" / "(no owner)". Groups with overdue tasks come first (the most
overdue first), and within a group overdue tasks come first, then those due soon,
open ones, done and cancelled. Each line shows the id, the task, the due date and the
state (with the days overdue), in columns aligned by display width (a Chinese character
takes two columns). A last line sums up: due-soon tasks are counted as open, and the
summary says how many of the open ones are due soon.

Whether to colour is the caller's decision (:func:`pipeline.terminal.use_color`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from pipeline.ledger.entry import Ledger, LedgerTask
from pipeline.ledger.writers.labels import (
    LEDGER_LABELS,
    ledger_language,
    overdue_label,
    status_label,
)
from pipeline.model import Language
from pipeline.text_width import display_width, pad, truncate

RED = "\033[31m"
YELLOW = "\033[33m"
DIM = "\033[2m"
BOLD = "\033[1m"
RESET = "\033[0m"

TASK_WIDTH = 48
"""A task wider than this many columns is cut with "…" (the files keep it whole)."""

_STATE_ORDER = {"overdue": 0, "due-soon": 1, "open": 2, "done": 3, "cancelled": 4}
_STATE_COLOUR = {"overdue": RED, "due-soon": YELLOW, "done": DIM, "cancelled": DIM}

OwnerKey = tuple[str, str] | None


def owner_key(task: LedgerTask) -> OwnerKey:
    owner = task.owner
    if owner is None or owner.is_empty():
        return None
    return (owner.department or "", owner.name or "")


def task_order(task: LedgerTask) -> tuple[int, int, dt.date, str]:
    """Overdue first (most overdue first), then due soon, open, done, cancelled;
    then by due date (none last) and id."""
    return (
        _STATE_ORDER[task.state],
        -task.days_overdue,
        task.due or dt.date.max,
        task.id,
    )


def grouped(ledger: Ledger) -> list[tuple[OwnerKey, list[LedgerTask]]]:
    """The tasks by owner, in the listing's order."""
    groups: dict[OwnerKey, list[LedgerTask]] = {}
    for task in ledger.tasks:
        groups.setdefault(owner_key(task), []).append(task)
    for tasks in groups.values():
        tasks.sort(key=task_order)

    def group_order(item: tuple[OwnerKey, list[LedgerTask]]) -> tuple[int, int, int, int, str, str]:
        key, tasks = item
        overdue = [task for task in tasks if task.state == "overdue"]
        most = max((task.days_overdue for task in overdue), default=0)
        return (
            0 if overdue else 1,
            -most,
            -len(overdue),
            1 if key is None else 0,
            key[0] if key else "",
            key[1] if key else "",
        )

    return sorted(groups.items(), key=group_order)


def state_words(task: LedgerTask, language: Language, labels: dict[str, str]) -> str:
    if task.state == "overdue":
        if task.days_overdue > 0:
            return overdue_label(task.days_overdue, labels)
        return labels["state_overdue"]
    if task.state == "open":
        return status_label(task.status, language)
    return labels[f"state_{task.state}"]


def summary_line(ledger: Ledger, labels: dict[str, str] | None = None) -> str:
    """``132 tasks: 41 open (3 due soon), 9 overdue, 80 done, 2 cancelled``.

    Open counts the tasks due soon too; overdue ones are not counted as open."""
    if labels is None:
        labels = LEDGER_LABELS[ledger_language(ledger)]
    states = Counter(task.state for task in ledger.tasks)
    total = len(ledger.tasks)
    template = labels["summary_one"] if total == 1 and "summary_one" in labels else labels["summary"]
    return template.format(
        total=total,
        open=states["open"] + states["due-soon"],
        due_soon=states["due-soon"],
        overdue=states["overdue"],
        done=states["done"],
        cancelled=states["cancelled"],
    )


def render_terminal(ledger: Ledger, colour: bool) -> str:
    """The listing, ending with a newline; ANSI colours when ``colour`` is true
    (overdue red, due soon yellow, done and cancelled dim)."""
    language = ledger_language(ledger)
    labels = LEDGER_LABELS[language]
    groups = grouped(ledger)
    tasks = [task for _, group in groups for task in group]
    texts = {id(task): truncate(" ".join(task.task.split()), TASK_WIDTH) for task in tasks}
    # every width measured once: an archive's listing has tens of thousands of lines
    widths = {text: display_width(text) for text in (*texts.values(), *(t.id for t in tasks))}
    id_width = max((widths[task.id] for task in tasks), default=0)
    task_width = max((widths[text] for text in texts.values()), default=0)
    due_width = max(
        [display_width(labels["no_due"]), *(10 for task in tasks if task.due)], default=0
    )

    lines: list[str] = []
    for key, group in groups:
        if lines:
            lines.append("")
        heading = labels["no_owner"] if key is None else " ".join(part for part in key if part)
        lines.append(f"{BOLD}{heading}{RESET}" if colour else heading)
        for task in group:
            due = task.due.isoformat() if task.due else labels["no_due"]
            line = "  ".join(
                (
                    "  " + task.id + " " * (id_width - widths[task.id]),
                    texts[id(task)] + " " * (task_width - widths[texts[id(task)]]),
                    pad(due, due_width),
                    state_words(task, language, labels),
                )
            )
            tint = _STATE_COLOUR.get(task.state) if colour else None
            lines.append(f"{tint}{line}{RESET}" if tint else line)
    if lines:
        lines.append("")
    lines.append(summary_line(ledger, labels))
    return "\n".join(lines) + "\n"

