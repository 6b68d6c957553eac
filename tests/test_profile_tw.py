"""The tw profile: Taiwan's 會議紀錄, from meetings built here (no parser involved)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from pipeline.cli import main
from pipeline.model import Absentee, ActionItem, AgendaItem, Attendee, Meeting, Person
from renderers import PROFILES, render_documents
from renderers.context import build_context, roc_clock, roc_date

HEAD_ORDER = ("開會事由", "時間", "地點", "主席", "出席者", "列席者", "請假者", "缺席者")
NUMBER = re.compile(r"^([一二三四五六七八九十]+)、")
NUMERALS = "一二三四五六七八九十"


def numeral(n: int) -> str:
    return NUMERALS[n - 1] if n <= 10 else "十" + NUMERALS[n - 11]


def committee(**changes: object) -> Meeting:
    """A made-up neighbourhood committee meeting with every part a 會議紀錄 has."""
    meeting = Meeting(
        title="青山里守望相助隊隊務會議",
        date=dt.date(2024, 6, 12),
        start_time="09:30",
        end_time="16:30",
        location="青山里集會所",
        purpose="檢討上半年巡守勤務",
        host=Person(name="郭隊長"),
        recorder=Person(department="隊部", name="簡幹事"),
        attendees=[
            Attendee(name="柯副隊長"),
            Attendee(name="潘小隊長"),
            Attendee(department="青山派出所", name="邱警員", role="observer"),
        ],
        absentees=[
            Absentee(name="葉隊員", reason="出差"),
            Absentee(name="魏隊員"),
        ],
        other_sections=[
            AgendaItem(title="主席致詞", discussion=["感謝隊員半年來的辛勞。"]),
            AgendaItem(title="相關連結", discussion=["巡守排班表雲端連結"]),
        ],
        agenda=[
            AgendaItem(title="上半年巡守成果", discussion=["共巡守182班次。", "通報可疑人車3件。"]),
            AgendaItem(
                title="增設巡守路線案",
                discussion=["東側新社區入住率提高。"],
                resolutions=["自7月起增設東線巡守。"],
            ),
            AgendaItem(title="經費報告", part="report", resolutions=["洽悉。"]),
            AgendaItem(title="反光背心汰換案", part="extempore", resolutions=["交隊部估價。"]),
        ],
        action_items=[
            ActionItem(
                task="排定東線巡守班表",
                owner=Person(department="隊部", name="簡幹事"),
                due=dt.date(2024, 6, 30),
                line=20,
            ),
            ActionItem(task="反光背心估價", line=21),
        ],
        language="zh-Hant",
    )
    return meeting.model_copy(update=changes)


def render(meeting: Meeting) -> dict[str, bytes]:
    return render_documents(meeting, "tw")


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def table_rows(data: bytes) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in Document(io.BytesIO(data)).tables for row in t.rows]


def label_of(line: str) -> str:
    """一、時間：… → 時間; 九、報告事項 → 報告事項."""
    return re.split(r"[：\t]", NUMBER.sub("", line), maxsplit=1)[0]


def top_lines(data: bytes) -> list[str]:
    """The record's own numbered lines (一、時間：…, 九、報告事項), not the entries under them."""
    out = []
    for p in Document(io.BytesIO(data)).paragraphs:
        ind = p._p.pPr.find(qn("w:ind")) if p._p.pPr is not None else None
        left = ind.get(qn("w:leftChars")) if ind is not None else None
        if NUMBER.match(p.text) and (p.style.name == "Heading 1" or left == "200"):
            out.append(p.text)
    return out


def test_tw_is_a_profile_everywhere_profiles_are_listed(tmp_path: Path, capsys) -> None:
    from pipeline.check.config import BUILD_PROFILES
    from pipeline.cli_templates import PROFILES as INIT_PROFILES

    assert "tw" in PROFILES and "tw" in BUILD_PROFILES and "tw" in INIT_PROFILES
    notes = tmp_path / "n.md"
    notes.write_text("# 青山里隊務會議\n\n- 日期：2024-06-12\n- 主持人：郭隊長\n", encoding="utf-8")
    (tmp_path / "minutes.toml").write_text('[build]\nprofile = "tw"\n', encoding="utf-8")
    assert main(["build", str(notes), "-o", str(tmp_path / "out")]) == 0
    built = paragraphs((tmp_path / "out" / "n.minutes.docx").read_bytes())
    assert built[0] == "青山里隊務會議紀錄"
    assert main(["templates", "init", str(tmp_path / "mine"), "--profile", "tw"]) == 0
    capsys.readouterr()
    assert main(["templates", "validate", str(tmp_path / "mine")]) == 0


def test_the_minutes_have_the_parts_of_a_taiwanese_record_in_order() -> None:
    lines = paragraphs(render(committee())["minutes"])
    assert lines[0] == "青山里守望相助隊隊務會議紀錄"
    heads = top_lines(render(committee())["minutes"])
    labels = [label_of(line) for line in heads]
    assert labels == [
        *HEAD_ORDER, "主席致詞", "報告事項", "討論事項", "臨時動議", "相關連結", "交辦事項", "散會",
    ]  # fmt: skip
    # numbered 一、二、… without a gap
    assert [NUMBER.match(line).group(1) for line in heads] == [numeral(n) for n in range(1, len(heads) + 1)]


def test_head_lines_say_what_the_manual_asks() -> None:
    lines = {label_of(line): line for line in top_lines(render(committee())["minutes"])}
    assert lines["開會事由"].endswith("開會事由：檢討上半年巡守勤務")
    assert lines["時間"].endswith("時間：中華民國113年6月12日（星期三）上午9時30分")
    assert re.search(r"主席：郭隊長\t紀錄：隊部簡幹事$", lines["主席"])
    assert lines["出席者"].endswith("出席者：柯副隊長、潘小隊長")
    assert lines["列席者"].endswith("列席者：青山派出所邱警員")
    assert lines["散會"].endswith("散會：下午4時30分")


def test_leave_with_a_reason_is_kept_apart_from_absence_without_one() -> None:
    lines = {label_of(line): line for line in top_lines(render(committee())["minutes"])}
    assert "葉隊員（出差）" in lines["請假者"] and "魏隊員" not in lines["請假者"]
    assert lines["缺席者"].endswith("缺席者：魏隊員")
    only_absent = committee(absentees=[Absentee(name="魏隊員")])
    labels = [label_of(line) for line in top_lines(render(only_absent)["minutes"])]
    assert "缺席者" in labels and "請假者" not in labels


def test_the_recorder_is_labelled_with_the_official_word() -> None:
    text = "\n".join(paragraphs(render(committee())["minutes"]))
    assert "紀錄：隊部簡幹事" in text and "記錄" not in text
    no_chair = committee(host=None)
    heads = [line for line in top_lines(render(no_chair)["minutes"])]
    assert any(line.endswith("紀錄：隊部簡幹事") for line in heads)
    assert not any("主席：" in line for line in heads)


def test_a_line_the_notes_give_no_value_for_is_left_out() -> None:
    bare = committee(
        purpose=None, location=None, end_time=None, absentees=[], other_sections=[],
        attendees=[Attendee(name="柯副隊長")], action_items=[],
        agenda=[AgendaItem(title="增設巡守路線案", resolutions=["自7月起增設東線巡守。"])],
    )  # fmt: skip
    lines = paragraphs(render(bare)["minutes"])
    labels = [label_of(line) for line in top_lines(render(bare)["minutes"])]
    assert labels == ["時間", "主席", "出席者", "討論事項"]
    for gone in ("開會事由", "地點", "列席者", "請假者", "缺席者", "散會", "交辦事項", "報告事項", "臨時動議"):
        assert gone not in "\n".join(lines), gone
    assert not any(line.rstrip().endswith("：") for line in lines)
    assert table_rows(render(bare)["minutes"]) == []


def test_time_without_a_start_is_the_date_alone_and_without_a_date_the_hour() -> None:
    def time_line(meeting: Meeting) -> str:
        return next(line for line in top_lines(render(meeting)["minutes"]) if label_of(line) == "時間")

    assert time_line(committee(start_time=None)).endswith("時間：中華民國113年6月12日（星期三）")
    assert time_line(committee(date=None)).endswith("時間：上午9時30分")


def test_items_fall_into_reports_discussions_and_extempore_motions_as_numbered_cases() -> None:
    lines = paragraphs(render(committee())["minutes"])
    text = "\n".join(lines)
    reports = text[text.index("報告事項") : text.index("討論事項")]
    discussions = text[text.index("討論事項") : text.index("臨時動議")]
    motions = text[text.index("臨時動議") : text.index("相關連結")]
    # part None without resolutions: a report; part None with them: a matter for discussion
    assert "第一案\n案由：上半年巡守成果\n說明：\n一、共巡守182班次。\n二、通報可疑人車3件。" in reports
    assert "第二案\n案由：經費報告\n決定：洽悉。" in reports
    assert "第一案\n案由：增設巡守路線案\n說明：東側新社區入住率提高。\n決議：自7月起增設東線巡守。" in discussions
    assert "第一案\n案由：反光背心汰換案\n決議：交隊部估價。" in motions
    assert "決議" not in reports and "決定" not in discussions + motions


def test_a_parts_own_text_takes_no_case_number_and_numbered_lines_are_not_numbered_again() -> None:
    reports = AgendaItem(
        title="報告事項",
        part="report",
        discussion=["一、隊長報告", "上半年無重大事故。", "二、派出所報告", "夜間竊案減少。"],
        resolutions=["洽悉。"],
    )
    lines = paragraphs(render(committee(agenda=[reports], other_sections=[], action_items=[]))["minutes"])
    part = lines[lines.index(next(line for line in lines if line.endswith("報告事項"))) :]
    assert part[1:] == ["一、隊長報告", "上半年無重大事故。", "二、派出所報告", "夜間竊案減少。", "決定：洽悉。", part[-1]]
    assert part[-1].endswith("散會：下午4時30分")
    assert not any("第一案" in line or "案由" in line or "說明" in line for line in lines)


def test_a_section_without_text_is_no_line() -> None:
    empty = AgendaItem(title="交辦事項")
    lines = paragraphs(render(committee(other_sections=[empty]))["minutes"])
    assert sum(line.endswith("交辦事項：") for line in lines) == 1  # the 交辦事項 table's own line


def test_sections_beside_the_agenda_keep_their_text_the_chairs_address_first() -> None:
    lines = paragraphs(render(committee())["minutes"])
    address = next(i for i, line in enumerate(lines) if "主席致詞：感謝隊員半年來的辛勞。" in line)
    links = next(i for i, line in enumerate(lines) if "相關連結：巡守排班表雲端連結" in line)
    reports = next(i for i, line in enumerate(lines) if line.endswith("報告事項"))
    motions = next(i for i, line in enumerate(lines) if line.endswith("臨時動議"))
    assert address < reports < motions < links


def test_the_tasks_are_listed_under_assignments_in_a_short_table() -> None:
    rows = table_rows(render(committee())["minutes"])
    assert rows[0] == ["序號", "工作事項", "負責單位/人員", "完成期限"]
    assert rows[1] == ["1", "排定東線巡守班表", "隊部簡幹事", "2024-06-30"]
    assert rows[2][0] == "2" and rows[2][1].endswith("反光背心估價")
    assert rows[2][2:] == ["【未填寫】", "【未填寫】"]


def test_labels_are_traditional_whatever_the_notes_language_and_the_text_is_kept() -> None:
    simplified = committee(
        language="zh-Hans",
        title="青山里守望相助队队务会议",
        host=Person(name="郭队长"),
        action_items=[ActionItem(task="排定东线巡守班表", line=20)],
    )
    documents = render(simplified)
    lines = paragraphs(documents["minutes"])
    assert lines[0] == "青山里守望相助队队务会议紀錄"
    assert any(line.endswith("主席：郭队长\t紀錄：隊部簡幹事") for line in lines)
    tasks = "\n".join(paragraphs(documents["tasks"]) + [c for r in table_rows(documents["tasks"]) for c in r])
    assert "工作分配表" in tasks and "排定东线巡守班表" in tasks
    assert "【未填寫】" in tasks and "未開始" in tasks
    for simplified_label in ("会议纪要", "任务", "负责人", "未填写", "记录第"):
        assert simplified_label not in tasks, simplified_label
    english = committee(language="en", title="Neighbourhood Watch Meeting", host=Person(name="Kuo"))
    lines = paragraphs(render(english)["minutes"])
    assert lines[0] == "Neighbourhood Watch Meeting 會議紀錄"
    assert any(line.endswith("主席：Kuo\t紀錄：簡幹事 (隊部)") for line in lines)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("青山里隊務會議", "青山里隊務會議紀錄"),
        ("青山里隊務會議紀錄", "青山里隊務會議紀錄"),
        ("青山里隊務會議紀要", "青山里隊務會議紀錄"),
        ("青山里隊務會", "青山里隊務會會議紀錄"),
        (None, "會議紀錄"),
    ],
)
def test_the_title_ends_in_meeting_record_once(title: str | None, expected: str) -> None:
    assert paragraphs(render(committee(title=title))["minutes"])[0] == expected


def test_official_dates_and_hours() -> None:
    assert roc_date(dt.date(2024, 6, 12)) == "中華民國113年6月12日（星期三）"
    assert roc_date(dt.date(1912, 1, 1)) == "中華民國元年1月1日（星期一）"
    assert roc_date(dt.date(2025, 1, 5)) == "中華民國114年1月5日（星期日）"
    assert [roc_clock(t) for t in ("09:30", "09:05", "12:00", "13:00", "16:30", "19:15")] == [
        "上午9時30分", "上午9時5分", "中午12時", "下午1時", "下午4時30分", "晚上7時15分",
    ]  # fmt: skip
    assert roc_clock(None) == ""


def _fonts(style) -> str:
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_fonts_page_and_footer_of_a_taiwanese_form() -> None:
    for kind, data in render(committee()).items():
        document = Document(io.BytesIO(data))
        assert _fonts(document.styles["Normal"]) == "標楷體", kind
        assert _fonts(document.styles["Title"]) == "標楷體", kind
        assert _fonts(document.styles["Table Text"]) == "新細明體", kind
        section = document.sections[0]
        size = sorted((round(section.page_width.mm), round(section.page_height.mm)))
        assert size == [210, 297], kind
        footer = section.footer.paragraphs[0]
        assert footer.text.startswith("第 ") and " 頁，共 " in footer.text and footer.text.endswith(" 頁")
        instructions = [i.text.strip() for i in footer._p.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"], kind
        body_fonts = {f.get(qn("w:eastAsia")) for f in document.element.body.iter(qn("w:rFonts"))}
        assert body_fonts <= {None, "標楷體", "新細明體"}, (kind, body_fonts)


def test_the_task_document_lists_every_field_of_the_practice() -> None:
    meeting = committee(
        action_items=[
            ActionItem(
                task="排定東線巡守班表",
                owner=Person(department="隊部", name="簡幹事"),
                collaborators=[Person(name="潘小隊長")],
                start=dt.date(2024, 6, 13),
                due=dt.date(2024, 6, 30),
                acceptance="班表公告於集會所",
                status="in_progress",
                line=20,
            )
        ]
    )
    data = render(meeting)["tasks"]
    rows = table_rows(data)
    assert rows[0] == ["序號", "工作事項", "負責單位", "負責人", "協辦", "開始日期", "完成期限", "完成標準", "辦理情形"]
    task_row = next(r for r in rows if r[0] == "1")
    assert task_row[2:] == ["隊部", "簡幹事", "潘小隊長", "2024-06-13", "2024-06-30", "班表公告於集會所", "辦理中"]
    card = {r[0]: r[1] for r in rows if len(set(r)) == 2}
    assert card["預定完成日期"] and card["完成標準"] == "班表公告於集會所"
    # where the task is in the notes is for tools (custom properties), not printed
    assert "來源" not in card and "記錄第" not in "".join(paragraphs(data)) + str(rows)
    assert "所屬專案" not in card  # a row without a value is left out
    assert paragraphs(data)[0] == "青山里守望相助隊隊務會議工作分配表"


def test_the_context_names_no_more_than_the_notes_give() -> None:
    tw = build_context(committee(host=None, recorder=None, date=None, start_time=None))["tw"]
    assert [line["label"] for line in tw["head"]] == ["開會事由", "地點", "出席者", "列席者", "請假者", "缺席者"]
    assert tw["chair"] == tw["recorder"] == tw["date"] == ""
