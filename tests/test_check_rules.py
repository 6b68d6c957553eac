"""Each rule firing and not firing, on meetings built by hand; columns, CRLF, suppression."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers import parse_notes as parse
from pipeline.check import check_meeting, load_config, run_checks
from pipeline.model import Absentee, ActionItem, AgendaItem, Person, TextSpan
from tests.test_check_support import good_item, meeting

DEFAULTS = load_config(None)


def rules_of(model, source: str = "") -> list[str]:
    lines = max(model.line_count, 60)
    source = source or "\n" * lines
    return [f.rule for f in check_meeting(model, source, "n.md", DEFAULTS)]


def test_a_complete_meeting_has_no_finding() -> None:
    assert rules_of(meeting(action_items=[good_item()])) == []


def test_missing_owner_none_department_only_and_group() -> None:
    nobody = good_item(owner=None, owner_text=None)
    department = good_item(owner=Person(department="设计部"), owner_text="设计部")
    group = good_item(owner=Person(department="各部门"), owner_text="各部门")
    for item in (nobody, department, group):
        assert "missing-owner" in rules_of(meeting(action_items=[item]))
    assert "missing-owner" not in rules_of(meeting(action_items=[good_item()]))


def test_done_or_cancelled_items_get_no_finding_at_all() -> None:
    source = (
        "- [x] 尽快发会议通知；负责人：全组；截止：X月X日\n"
        "- [ ] Send the venue list ASAP; owner: R&D\n"
        "- [ ] 整理照片；负责人：市场部 张经理；截止：2024-03-15；完成标准：照片归档\n"
        "  - [x] 初稿大概写完；截止：尽快\n"
        "  - [ ] 终稿尽快提交\n"
    )
    done = ActionItem(
        task="尽快发会议通知",
        owner=Person(department="全组"),
        owner_text="全组",
        due_text="X月X日",
        status="done",
        line=1,
    )
    cancelled = ActionItem(
        task="Send the venue list ASAP",
        owner=Person(department="R&D"),
        owner_text="R&D",
        status="cancelled",
        line=2,
    )
    open_parent = good_item(task="整理照片", acceptance="照片归档", line=3, end_line=5)
    model = meeting(action_items=[done, cancelled, open_parent])
    findings = check_meeting(model, source, "n.md", DEFAULTS)
    # Only the open sub-task line speaks; the ticked one (line 4) is done work too.
    assert [(f.line, f.rule) for f in findings] == [(5, "vague-term")]
    reopened = done.model_copy(update={"status": "in_progress"})
    again = check_meeting(meeting(action_items=[reopened]), source, "n.md", DEFAULTS)
    assert {"missing-owner", "vague-term", "placeholder"} <= {f.rule for f in again}


def test_a_collective_owner_is_one_missing_owner_per_item() -> None:
    cases = [
        ("zh-Hans", Person(department="全组"), "全组", "负责人“全组”不是具体的人"),
        ("zh-Hans", Person(name="大家"), "大家", "负责人“大家”不是具体的人"),
        ("zh-Hant", Person(department="各委員"), "各委員", "負責人「各委員」不是具體的人"),
        ("zh-Hant", Person(department="相關單位"), "相關單位", "負責人「相關單位」不是具體的人"),
        ("en", Person(name="everyone"), "everyone", 'owner "everyone" is not a person'),
        ("en", Person(department="the team"), "the team", 'owner "the team" is not a person'),
    ]
    for language, owner, written, expected in cases:
        item = good_item(owner=owner, owner_text=written)
        source = (
            f"- [ ] 提交方案；负责人：{written}；截止：2024-03-15；完成标准：方案经总监签字确认\n"
        )
        model = meeting(action_items=[item], language=language)
        findings = check_meeting(model, source, "n.md", DEFAULTS)
        owners = [f for f in findings if f.rule == "missing-owner"]
        assert len(owners) == 1 and expected in owners[0].message, (written, findings)
        # A collective is no vague word; 相關單位 is one in any commitment as well.
        vague = [f.line for f in findings if f.rule == "vague-term"]
        assert vague == ([1] if written == "相關單位" else []), written
    named = good_item(
        owner=Person(department="大家电事业部", name="王经理"), owner_text="大家电事业部 王经理"
    )
    assert rules_of(meeting(action_items=[named])) == []


def test_multiple_owners() -> None:
    item = good_item(co_owners=[Person(department="法务部", name="杨律师")])
    source = "| 3 | 合同审核 | 运营部/法务部 | 林主管/杨律师 | 2024-03-15 | 审核通过 |\n"
    findings = check_meeting(meeting(action_items=[item]), source, "n.md", DEFAULTS)
    assert [f.rule for f in findings] == ["multiple-owners"]
    assert "张经理" in findings[0].message and "杨律师" in findings[0].message


def test_dates() -> None:
    assert "missing-due" in rules_of(meeting(action_items=[good_item(due=None, due_text=None)]))
    unreadable = good_item(due=None, due_text="等通知")
    assert rules_of(meeting(action_items=[unreadable])) == ["unparsed-date"]
    early = good_item(due=dt.date(2024, 3, 1), due_text="3月1日")
    assert rules_of(meeting(action_items=[early])) == ["due-before-meeting"]
    done_early = good_item(due=dt.date(2024, 3, 1), due_text="3月1日", status="done")
    assert rules_of(meeting(action_items=[done_early])) == []
    backwards = good_item(start=dt.date(2024, 3, 20), start_text="3月20日")
    assert rules_of(meeting(action_items=[backwards])) == ["start-after-due"]


def test_missing_acceptance_is_a_warning_and_vague_standards_do_not_count() -> None:
    findings = check_meeting(
        meeting(action_items=[good_item(acceptance=None)]), "\n", "n.md", DEFAULTS
    )
    assert [(f.rule, f.severity) for f in findings] == [("missing-acceptance", "warning")]
    vague = good_item(acceptance="尽快安排")
    assert "missing-acceptance" in rules_of(meeting(action_items=[vague]))


def test_placeholders_anywhere() -> None:
    source = (
        "会议日期：2023年X月X日\n"
        "主持人：[姓名]\n"
        "截止：2023–\n"
        "负责人：XX\n"
        "状态：【待定】\n"
        "普通的一行，没有占位符；Windows XP；2023-07-06；9:30–11:00\n"
        "- [提案](https://lists.example.org/archive/2017-October/000123.html?id=XX)\n"
        "2017-October: the archive moved\n"
    )
    findings = check_meeting(meeting(), source, "n.md", DEFAULTS)
    placeholders = [(f.line, f.column) for f in findings if f.rule == "placeholder"]
    assert placeholders == [(1, 6), (2, 5), (3, 4), (4, 5), (5, 4)]


def test_star_for_a_name_is_a_placeholder_not_a_missing_owner() -> None:
    item = good_item(owner=Person(department="研发部", name="*工程师"), owner_text="研发部*工程师")
    source = "- [ ] 兼容性修复；负责人：研发部*工程师；截止：2024-03-15；完成标准：测试通过\n"
    findings = check_meeting(meeting(action_items=[item]), source, "n.md", DEFAULTS)
    assert [(f.rule, f.column) for f in findings] == [("placeholder", 20)]


def test_missing_meeting_info_and_absentees() -> None:
    bare = meeting(date=None, host=None, recorder=None, attendees=[])
    assert rules_of(bare).count("missing-meeting-info") == 4
    absent = meeting(
        absentees=[
            Absentee(department="销售部", name="许经理", line=2),
            Absentee(name="黄主管", reason="出差", line=3),
        ]
    )
    findings = check_meeting(absent, "\n缺席：销售部 许经理\n", "n.md", DEFAULTS)
    assert [(f.rule, f.line, f.column) for f in findings] == [("absent-without-reason", 2, 8)]
    # A list labelled by the reason itself gives it for everyone on it.
    for label in ("请假人员：销售部 许经理", "**請假人員**：許經理", "- Regrets: Sam Hill"):
        assert check_meeting(absent, f"\n{label}\n", "n.md", DEFAULTS) == [], label


def test_missing_meeting_info_never_for_a_field_given() -> None:
    source = "# 周会\n会议日期：下周找时间\n会议地点：待通知\n主持人：——\n记录人：\n"
    # Written but unreadable: the parser kept the line, not a value.
    given = meeting(
        date=None,
        location=None,
        host=Person(),
        recorder=None,
        info_lines={"title": 1, "date": 2, "location": 3, "host": 4, "recorder": 5},
    )
    findings = check_meeting(given, source, "n.md", DEFAULTS)
    assert [(f.line, f.rule) for f in findings] == [(2, "unparsed-date")]
    # Nothing written: one finding per missing field, about the file as a whole (line 0),
    # never on the title line, which is not what is wrong.
    bare = meeting(date=None, start_time=None, location=None, info_lines={"title": 1})
    findings = check_meeting(bare, source, "n.md", DEFAULTS)
    assert [(f.line, f.column, f.rule, f.severity) for f in findings] == [
        (0, 0, "missing-meeting-info", "warning")
    ] * 3
    assert len({f.message for f in findings}) == 3
    # A meeting that has every field gets none, whatever info_lines says.
    assert check_meeting(meeting(), source, "n.md", DEFAULTS) == []
    ends_only = meeting(start_time=None, end_time="15:00")
    assert check_meeting(ends_only, source, "n.md", DEFAULTS) == []


def test_columns_count_characters_after_cjk_text() -> None:
    source = "决议：\n- 市场部：文案尽快给到设计部，大概两天。\n"
    agenda = AgendaItem(
        title="议题",
        resolutions=["市场部：文案尽快给到设计部，大概两天。"],
        spans=[TextSpan(field="resolutions", index=0, line=2, end_line=2)],
    )
    findings = check_meeting(meeting(agenda=[agenda]), source, "n.md", DEFAULTS)
    line = source.splitlines()[1]
    # Two vague words on one line: one finding, at the first, naming both.
    assert [(f.line, f.column) for f in findings] == [(2, line.index("尽快") + 1)]
    assert [(f.line, f.column) for f in findings] == [(2, 9)]
    assert findings[0].message == "模糊用语“尽快”；模糊用语“大概”"
    assert findings[0].suggestion == "写明截止日期，如“11月15日前”；写明确切的数字或日期"


def test_one_finding_per_rule_and_line() -> None:
    source = "| 1 | 文案 | 相关部门 | 尽快 | 尽快 |\n"
    first = ActionItem(
        task="文案",
        owner=Person(department="相关部门"),
        owner_text="相关部门",
        due_text="尽快",
        line=1,
    )
    second = ActionItem(task="海报", owner=None, line=1)
    model = meeting(action_items=[first, second], language="en")
    findings = check_meeting(model, source, "n.md", DEFAULTS)
    by_rule = {f.rule: f for f in findings}
    assert sorted(by_rule) == sorted(f.rule for f in findings)  # no rule twice on the line
    owner = by_rule["missing-owner"]
    assert '"文案"' in owner.message and '"海报"' in owner.message and "; " in owner.message
    # The owner word and the two 尽快 are three places of one vague-term finding.
    vague = by_rule["vague-term"]
    assert vague.column == source.index("相关部门") + 1
    assert vague.message.count("尽快") == 1 and "相关部门" in vague.message


def test_crlf_source_gives_the_same_findings() -> None:
    source = "# 会\n决议：\n1. 设计部配合完成主视觉。\n"
    agenda = AgendaItem(
        title="会",
        resolutions=["设计部配合完成主视觉。"],
        spans=[TextSpan(field="resolutions", index=0, line=3, end_line=3)],
    )
    model = meeting(agenda=[agenda])
    lf = check_meeting(model, source, "n.md", DEFAULTS)
    crlf = check_meeting(model, source.replace("\n", "\r\n"), "n.md", DEFAULTS)
    assert lf == crlf and [(f.line, f.column, f.severity) for f in lf] == [(3, 7, "error")]


def test_risks_and_progress_updates_may_say_may() -> None:
    source = (
        "- [ ] 主视觉设计\n"
        "  - 负责人：设计部 陈主管\n"
        "  - 截止：2024-03-15\n"
        "  - 完成标准：符合品牌规范\n"
        "  - 风险：文案延期可能影响初稿\n"
        "  - 2024-03-10：人力紧张，可能延迟2天\n"
    )
    item = ActionItem(
        task="主视觉设计",
        owner=Person(department="设计部", name="陈主管"),
        due=dt.date(2024, 3, 15),
        due_text="2024-03-15",
        acceptance="符合品牌规范",
        risks=["文案延期可能影响初稿"],
        progress=[{"date": dt.date(2024, 3, 10), "text": "人力紧张，可能延迟2天"}],
        line=1,
        end_line=6,
    )
    assert check_meeting(meeting(action_items=[item]), source, "n.md", DEFAULTS) == []


def test_suppression_comments() -> None:
    source = (
        "<!-- minutes-disable vague-term -->\n"
        "1. 大概下周完成\n"
        "<!-- minutes-enable -->\n"
        "1. 大概下周完成\n"
        "<!-- minutes-disable-next-line vague-term -->\n"
        "1. 大概下周完成\n"
        "1. 大概下周完成\n"
        "<!-- minutes-disable-next-line missing-due -->\n"
        "1. 大概下周完成\n"
        "<!-- minutes-disable -->\n"
        "1. 大概下周完成\n"
    )
    spans = [
        TextSpan(field="resolutions", index=i, line=n, end_line=n)
        for i, n in enumerate((2, 4, 6, 7, 9, 11))
    ]
    agenda = AgendaItem(title="t", resolutions=["大概下周完成"] * 6, spans=spans)
    findings = check_meeting(meeting(agenda=[agenda]), source, "n.md", DEFAULTS)
    assert [f.line for f in findings if f.rule == "vague-term"] == [4, 7, 9]
    # a decision has no due date to miss: that comment silences nothing, and says so
    assert [(f.line, f.rule) for f in findings if f.rule != "vague-term"] == [(8, "unused-suppression")]


def test_messages_follow_the_notes_language() -> None:
    item = good_item(due=None, due_text=None)
    for language, expected in (
        ("zh-Hans", "没有截止日期"),
        ("zh-Hant", "沒有截止日期"),
        ("en", "no due date"),
    ):
        findings = check_meeting(
            meeting(action_items=[item], language=language), "\n", "n.md", DEFAULTS
        )
        assert expected in findings[0].message


def test_run_checks_finds_the_config_next_to_the_notes(tmp_path) -> None:
    (tmp_path / "minutes.toml").write_text('[check.rules]\nmissing-due = "off"\n', encoding="utf-8")
    notes = tmp_path / "a.md"
    item = good_item(due=None, due_text=None)
    assert run_checks(meeting(action_items=[item]), "\n", notes) == []
    assert run_checks(meeting(action_items=[item]), "\n", tmp_path.parent / "elsewhere" / "b.md")


def test_a_finding_about_the_whole_file_names_no_line_in_any_format() -> None:
    import json

    from pipeline.check import format_findings_sarif, format_findings_text

    source = "# 周会\n\n## 议题\n\n- 内容\n"
    findings = [f for f in check_meeting(parse(source), source, "n.md", DEFAULTS) if f.rule == "missing-meeting-info"]
    assert findings and all(f.line == 0 for f in findings)
    text = format_findings_text(findings)
    assert all(line.startswith("n.md: warning missing-meeting-info ") for line in text.splitlines())
    location = json.loads(format_findings_sarif(findings))["runs"][0]["results"][0]["locations"][0]
    assert "region" not in location["physicalLocation"]
    # a directive anywhere in the file silences a whole-file finding of its rule
    quiet = "<!-- minutes-disable missing-meeting-info -->\n" + source
    assert not [f for f in check_meeting(parse(quiet), quiet, "n.md", DEFAULTS) if f.rule == "missing-meeting-info"]



@pytest.mark.parametrize(
    ("notes", "text"),
    [
        ("# 周会\n\n## 待办事项\n\n- [ ] 小周：整理接口文档，下周五前\n", "下周五前"),
        ("# 週會\n\n## 待辦事項\n\n- [ ] 小周：整理介面文件，下週五前\n", "下週五前"),
        ("# Weekly\n\n## Action items\n\n- [ ] Dana: write the API doc by next Friday\n", "next Friday"),
    ],
)
def test_a_relative_deadline_without_a_meeting_date_is_a_missing_due(notes: str, text: str) -> None:
    findings = check_meeting(parse(notes), notes, "n.md", DEFAULTS)
    due = [f for f in findings if f.rule in ("missing-due", "unparsed-date")]
    assert [(f.rule, f.line) for f in due] == [("missing-due", 5)]
    assert text.replace("前", "").split()[-1] in due[0].message
    dated = notes.replace("\n\n## ", "\n\n日期：2024-03-06\n\n## ", 1)
    assert not [f for f in check_meeting(parse(dated), dated, "n.md", DEFAULTS) if f.rule == "missing-due"]
