"""The ledger's core: tasks from action items, updates from later meetings, states on a date."""

from __future__ import annotations

import datetime as dt

from pipeline.ledger.core import build_ledger, normalise, select, state_on
from pipeline.ledger.entry import DUE_SOON_DAYS, Ledger, LedgerTask
from pipeline.model import ActionItem, Meeting, Person, TaskUpdate

D = dt.date
ZHANG = Person(department="研发部", name="张三")
WANG = Person(department="市场部", name="王芳")
ANN = Person(department="Marketing", name="Ann Lee")


def item(task: str, owner: Person | None, due: dt.date | None, line: int, id: str = "", **more: object) -> ActionItem:
    return ActionItem(task=task, owner=owner, due=due, line=line, id=id, **more)


def first_meeting() -> Meeting:
    return Meeting(
        title="产品周会",
        date=D(2024, 6, 12),
        action_items=[
            item("完成接口文档", ZHANG, D(2024, 7, 1), 6, "2024-06-12-1"),
            item("准备发布说明", WANG, D(2024, 6, 20), 7, "Q3-7"),
        ],
    )


def follow_up(date: dt.date | None, *updates: TaskUpdate, title: str = "产品周会") -> Meeting:
    return Meeting(title=title, date=date, task_updates=list(updates))


def by_id(ledger: Ledger) -> dict[str, LedgerTask]:
    return {task.id: task for task in ledger.tasks}


def rules(ledger: Ledger) -> list[tuple[str, int | None, str]]:
    return [(p.file, p.line, p.rule) for p in ledger.problems]


# -- tasks ------------------------------------------------------------------------------


def test_every_action_item_is_a_task_with_its_meeting_file_and_line() -> None:
    ledger = build_ledger([("w1.md", first_meeting())], D(2024, 6, 13))
    assert [(t.id, t.file, t.line, t.task, t.meeting_title, t.meeting_date) for t in ledger.tasks] == [
        ("2024-06-12-1", "w1.md", 6, "完成接口文档", "产品周会", D(2024, 6, 12)),
        ("Q3-7", "w1.md", 7, "准备发布说明", "产品周会", D(2024, 6, 12)),
    ]
    assert ledger.tasks[0].owner == ZHANG
    assert ledger.problems == []


def test_meetings_are_taken_by_date_then_file_name_undated_last() -> None:
    undated = Meeting(title="无日期", action_items=[item("整理清单", ZHANG, None, 3)])
    later = Meeting(date=D(2024, 6, 19), action_items=[item("复盘", WANG, None, 4, "2024-06-19-1")])
    same_day = Meeting(date=D(2024, 6, 19), action_items=[item("走查", WANG, None, 4, "X1-1")])
    ledger = build_ledger(
        [("z.md", undated), ("b.md", later), ("a.md", same_day), ("w1.md", first_meeting())],
        D(2024, 6, 20),
    )
    assert [t.file for t in ledger.tasks] == ["w1.md", "w1.md", "a.md", "b.md", "z.md"]


def test_a_task_without_date_or_id_is_named_by_its_file_and_line_never_a_date() -> None:
    undated = Meeting(title="筹备会", action_items=[item("整理清单", ZHANG, None, 5)])
    (task,) = build_ledger([("notes/kickoff.md", undated)], D(2024, 6, 20)).tasks
    assert task.id == "notes/kickoff.md:5"
    assert task.meeting_date is None


# -- updates by id ----------------------------------------------------------------------


def test_updates_set_status_due_and_a_progress_line_dated_by_their_meeting() -> None:
    second = follow_up(
        D(2024, 6, 19),
        TaskUpdate(task_id="Q3-7", status="done", text="已发布", line=5),
        TaskUpdate(task_id="2024-06-12-1", status="in_progress", due=D(2024, 7, 20), text="延期到7月20日", line=6),
    )
    ledger = build_ledger([("w2.md", second), ("w1.md", first_meeting())], D(2024, 7, 2))
    tasks = by_id(ledger)
    assert tasks["Q3-7"].status == "done" and tasks["Q3-7"].state == "done"
    doc = tasks["2024-06-12-1"]
    assert (doc.status, doc.due, doc.state) == ("in_progress", D(2024, 7, 20), "open")
    assert doc.last_progress is not None
    assert (doc.last_progress.date, doc.last_progress.text) == (D(2024, 6, 19), "延期到7月20日")
    assert [(u.file, u.line, u.meeting_date, u.due) for u in doc.history] == [
        ("w2.md", 6, D(2024, 6, 19), D(2024, 7, 20))
    ]
    assert ledger.problems == []


def test_history_keeps_every_meeting_in_date_order_and_the_last_word_wins() -> None:
    second = follow_up(D(2024, 6, 19), TaskUpdate(task_id="2024-06-12-1", status="delayed", text="等待评审", line=5))
    third = follow_up(D(2024, 6, 26), TaskUpdate(task_id="2024-06-12-1", status="done", text="已评审", line=4))
    # given out of order: the meeting dates decide
    ledger = build_ledger([("c.md", third), ("a.md", first_meeting()), ("b.md", second)], D(2024, 7, 5))
    doc = by_id(ledger)["2024-06-12-1"]
    assert [(u.meeting_date, u.status) for u in doc.history] == [
        (D(2024, 6, 19), "delayed"),
        (D(2024, 6, 26), "done"),
    ]
    assert doc.state == "done"
    assert doc.last_progress is not None and doc.last_progress.text == "已评审"


def test_an_update_naming_an_unknown_id_is_reported_at_its_line_and_changes_nothing() -> None:
    second = follow_up(D(2024, 6, 19), TaskUpdate(task_id="2024-06-12-9", status="done", line=8))
    ledger = build_ledger([("w1.md", first_meeting()), ("w2.md", second)], D(2024, 6, 20))
    assert rules(ledger) == [("w2.md", 8, "unknown-task-id")]
    assert "2024-06-12-9" in ledger.problems[0].message
    assert all(t.status == "not_started" and not t.history for t in ledger.tasks)


def test_conflicting_updates_in_one_meeting_are_reported_and_neither_is_applied() -> None:
    second = follow_up(
        D(2024, 6, 19),
        TaskUpdate(task_id="Q3-7", status="done", line=5),
        TaskUpdate(task_id="Q3-7", status="delayed", line=9),
        TaskUpdate(task_id="2024-06-12-1", due=D(2024, 7, 10), line=10),
        TaskUpdate(task_id="2024-06-12-1", due=D(2024, 7, 10), text="确认", line=11),
    )
    ledger = build_ledger([("w1.md", first_meeting()), ("w2.md", second)], D(2024, 6, 20))
    assert rules(ledger) == [("w2.md", 9, "conflicting-update")]
    tasks = by_id(ledger)
    assert tasks["Q3-7"].status == "not_started" and tasks["Q3-7"].history == []
    # two updates that agree are both applied
    assert tasks["2024-06-12-1"].due == D(2024, 7, 10)
    assert len(tasks["2024-06-12-1"].history) == 2


def test_the_same_id_on_two_tasks_is_reported_and_updates_naming_it_are_not_applied() -> None:
    again = Meeting(date=D(2024, 6, 19), action_items=[item("另一个任务", ZHANG, None, 4, "Q3-7")])
    third = follow_up(D(2024, 6, 26), TaskUpdate(task_id="Q3-7", status="done", line=3))
    ledger = build_ledger([("w1.md", first_meeting()), ("w2.md", again), ("w3.md", third)], D(2024, 6, 27))
    assert rules(ledger) == [("w2.md", 4, "duplicate-task-id"), ("w3.md", 3, "duplicate-task-id")]
    assert [t.status for t in ledger.tasks if t.id == "Q3-7"] == ["not_started", "not_started"]


def test_an_update_on_a_task_of_its_own_or_a_later_meeting_is_a_cycle() -> None:
    own = Meeting(
        date=D(2024, 6, 12),
        action_items=[item("完成接口文档", ZHANG, None, 6, "2024-06-12-1")],
        task_updates=[TaskUpdate(task_id="2024-06-12-1", status="done", line=9)],
    )
    earlier = follow_up(D(2024, 6, 5), TaskUpdate(task_id="2024-06-12-1", status="cancelled", line=4))
    ledger = build_ledger([("w1.md", own), ("w0.md", earlier)], D(2024, 6, 20))
    assert rules(ledger) == [("w0.md", 4, "update-cycle"), ("w1.md", 9, "update-cycle")]
    assert ledger.tasks[0].status == "not_started"


def test_meetings_of_one_day_updating_each_other_are_a_cycle_one_way_is_fine() -> None:
    morning = Meeting(
        date=D(2024, 6, 12),
        action_items=[item("写方案", ZHANG, None, 5, "AM-1")],
        task_updates=[TaskUpdate(task_id="PM-1", status="done", line=8)],
    )
    afternoon = Meeting(
        date=D(2024, 6, 12),
        action_items=[item("审方案", WANG, None, 5, "PM-1")],
        task_updates=[TaskUpdate(task_id="AM-1", status="done", line=8)],
    )
    ledger = build_ledger([("am.md", morning), ("pm.md", afternoon)], D(2024, 6, 13))
    assert rules(ledger) == [("am.md", 8, "update-cycle"), ("pm.md", 8, "update-cycle")]
    one_way = Meeting(date=D(2024, 6, 12), action_items=[item("审方案", WANG, None, 5, "PM-1")])
    ledger = build_ledger([("am.md", morning), ("pm.md", one_way)], D(2024, 6, 13))
    assert ledger.problems == []
    assert by_id(ledger)["PM-1"].status == "done"


# -- updates by text and owner ------------------------------------------------------------


def test_an_update_without_id_matches_the_one_open_task_with_the_same_text_and_owner() -> None:
    second = follow_up(
        D(2024, 6, 19),
        # full-width letters, other spacing and case: the same after normalising
        TaskUpdate(task=" 准备 发布说明 ", owner=Person(department="市场部", name="王 芳"), status="done", line=5),
    )
    ledger = build_ledger([("w1.md", first_meeting()), ("w2.md", second)], D(2024, 6, 20))
    assert ledger.problems == []
    assert by_id(ledger)["Q3-7"].status == "done"
    assert normalise("Ａｎｎ  LEE") == normalise("ann lee")


def test_an_update_without_id_for_another_owner_or_text_is_reported_not_guessed() -> None:
    second = follow_up(
        D(2024, 6, 19),
        TaskUpdate(task="准备发布说明", owner=ZHANG, status="done", line=5),
        TaskUpdate(task="准备发布说明书", owner=WANG, status="done", line=6),
    )
    ledger = build_ledger([("w1.md", first_meeting()), ("w2.md", second)], D(2024, 6, 20))
    assert rules(ledger) == [("w2.md", 5, "unmatched-update"), ("w2.md", 6, "unmatched-update")]
    assert by_id(ledger)["Q3-7"].status == "not_started"


def test_an_update_without_id_matching_two_open_tasks_is_ambiguous() -> None:
    again = Meeting(date=D(2024, 6, 13), action_items=[item("准备发布说明", WANG, None, 4, "2024-06-13-1")])
    second = follow_up(D(2024, 6, 19), TaskUpdate(task="准备发布说明", owner=WANG, status="done", line=5))
    ledger = build_ledger([("w1.md", first_meeting()), ("w1b.md", again), ("w2.md", second)], D(2024, 6, 20))
    assert rules(ledger) == [("w2.md", 5, "ambiguous-update")]
    assert "w1.md:7" in ledger.problems[0].message and "w1b.md:4" in ledger.problems[0].message


def test_a_task_closed_at_an_earlier_meeting_is_no_longer_matched_by_text() -> None:
    again = Meeting(date=D(2024, 6, 13), action_items=[item("准备发布说明", WANG, None, 4, "2024-06-13-1")])
    closing = follow_up(D(2024, 6, 15), TaskUpdate(task_id="Q3-7", status="done", line=3))
    later = follow_up(D(2024, 6, 19), TaskUpdate(task="准备发布说明", owner=WANG, status="in_progress", line=5))
    ledger = build_ledger(
        [("w1.md", first_meeting()), ("w1b.md", again), ("w15.md", closing), ("w2.md", later)], D(2024, 6, 20)
    )
    assert ledger.problems == []
    tasks = by_id(ledger)
    assert tasks["Q3-7"].status == "done"
    assert tasks["2024-06-13-1"].status == "in_progress"


def test_a_task_without_id_is_followed_by_its_text_and_owner() -> None:
    undated = Meeting(title="筹备会", action_items=[item("整理清单", ZHANG, D(2024, 6, 1), 5)])
    update = follow_up(D(2024, 6, 19), TaskUpdate(task="整理清单", owner=ZHANG, status="done", line=4))
    # the undated meeting comes last in order: nothing earlier to match
    ledger = build_ledger([("a.md", undated), ("b.md", update)], D(2024, 6, 20))
    assert rules(ledger) == [("b.md", 4, "unmatched-update")]
    dated = Meeting(title="筹备会", date=D(2024, 6, 1), action_items=[item("整理清单", ZHANG, D(2024, 6, 1), 5)])
    ledger = build_ledger([("a.md", dated), ("b.md", update)], D(2024, 6, 20))
    assert ledger.tasks[0].state == "done"


# -- states ---------------------------------------------------------------------------------


def test_states_on_a_date() -> None:
    due = D(2024, 7, 1)
    assert state_on("done", D(2024, 1, 1), D(2024, 7, 9)) == ("done", 0)
    assert state_on("cancelled", D(2024, 1, 1), D(2024, 7, 9)) == ("cancelled", 0)
    assert state_on("in_progress", due, D(2024, 7, 9)) == ("overdue", 8)
    assert state_on("in_progress", due, D(2024, 7, 2)) == ("overdue", 1)
    assert state_on("not_started", due, due) == ("due-soon", 0)
    assert state_on("not_started", due, due - dt.timedelta(days=DUE_SOON_DAYS)) == ("due-soon", 0)
    assert state_on("not_started", due, due - dt.timedelta(days=DUE_SOON_DAYS + 1)) == ("open", 0)
    assert state_on("delayed", None, D(2030, 1, 1)) == ("open", 0)


def test_a_new_due_date_moves_a_task_out_of_overdue() -> None:
    second = follow_up(D(2024, 6, 19), TaskUpdate(task_id="Q3-7", due=D(2024, 8, 1), line=5))
    before = build_ledger([("w1.md", first_meeting())], D(2024, 6, 25))
    after = build_ledger([("w1.md", first_meeting()), ("w2.md", second)], D(2024, 6, 25))
    assert (by_id(before)["Q3-7"].state, by_id(before)["Q3-7"].days_overdue) == ("overdue", 5)
    assert by_id(after)["Q3-7"].state == "open"


# -- selection ------------------------------------------------------------------------------


def test_select_by_owner_substring_of_department_or_name_and_open_only() -> None:
    english = Meeting(date=D(2024, 6, 12), language="en", action_items=[item("Send notes", ANN, None, 4, "ENG-1")])
    second = follow_up(D(2024, 6, 19), TaskUpdate(task_id="Q3-7", status="done", line=5))
    ledger = build_ledger([("w1.md", first_meeting()), ("en.md", english), ("w2.md", second)], D(2024, 6, 20))
    assert [t.id for t in select(ledger, owner="研发").tasks] == ["2024-06-12-1"]
    assert [t.id for t in select(ledger, owner="王芳").tasks] == ["Q3-7"]
    assert [t.id for t in select(ledger, owner="ann").tasks] == ["ENG-1"]
    assert [t.id for t in select(ledger, owner="MARKET").tasks] == ["ENG-1"]
    assert [t.id for t in select(ledger, open_only=True).tasks] == ["ENG-1", "2024-06-12-1"]
    assert [t.id for t in select(ledger, owner="市场", open_only=True).tasks] == []


def test_the_ledger_is_what_validating_its_rows_gives() -> None:
    first = first_meeting()
    first.action_items[0].collaborators = [WANG]
    first.action_items[0].start = D(2024, 6, 13)
    second = follow_up(D(2024, 6, 19), TaskUpdate(task_id="Q3-7", status="done", due=D(2024, 6, 21), text="已发布", line=5))
    ledger = build_ledger([("w1.md", first), ("w2.md", second), ("x.md", follow_up(D(2024, 6, 20), TaskUpdate(task_id="no-1", line=3)))], D(2024, 7, 2))
    checked = Ledger.model_validate(ledger.model_dump())
    assert ledger == checked
    assert ledger.model_dump_json() == checked.model_dump_json()
    assert isinstance(ledger.tasks[0].collaborators[0], Person) and ledger.tasks[0].start == D(2024, 6, 13)
