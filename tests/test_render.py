"""The Word documents hold the meeting: every label, task, owner and date, safely escaped."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import ActionItem, AgendaItem, Meeting, Person, strip_xml_invalid
from renderers import render_documents
from tests.test_render_helpers import docx_part, docx_text, english_meeting, q4_meeting

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize("profile", ["business", "gbt9704"])
def test_every_task_owner_and_due_date_is_in_both_documents(profile: str) -> None:
    meeting = q4_meeting()
    documents = render_documents(meeting, profile)
    for kind in ("minutes", "tasks"):
        text = docx_text(documents[kind])
        for item in meeting.action_items:
            assert item.task in text, (kind, item.task)
            if item.owner and item.owner.name:
                assert item.owner.name in text
        assert "2023-11-10" in text or "2023年11月10日" in text
        assert "下周五" in text  # an unparsed due date is shown as written
        assert "【未填写】" in text  # the task with no owner is marked, not invented


def test_business_minutes_have_the_seed_layout() -> None:
    text = docx_text(render_documents(q4_meeting())["minutes"])
    for label in (
        "会议名称", "会议日期", "会议时间", "会议地点", "主持人", "记录人", "参会人员", "缺席人员及原因",
        "讨论要点", "分歧", "决议结果", "序号", "议程主题", "讨论要点摘要", "关键决议",
        "行动内容", "负责部门", "负责人", "截止时间", "完成标准", "当前状态", "备注", "附件",
    ):  # fmt: skip
        assert label in text, label
    assert "议程1：活动目标与范围确认（14:00–14:20）" in text
    assert "销售部吴经理（客户拜访，由赵主管代为参会）" in text


def test_footer_counts_pages_with_fields() -> None:
    data = render_documents(q4_meeting())["minutes"]
    footers = "".join(docx_part(data, n) for n in ("word/footer1.xml",) if n)
    assert "PAGE" in footers and "NUMPAGES" in footers
    assert "第 " in footers and " 页 共 " in footers


@pytest.mark.parametrize(
    ("language", "status", "mark", "label"),
    [
        ("zh-Hans", "draft", "【草稿】", "会议名称"),
        ("zh-Hant", "final", "【最終版】", "會議名稱"),
        ("en", "final", "FINAL", "Meeting"),
    ],
)
def test_labels_and_status_follow_the_notes(language: str, status: str, mark: str, label: str) -> None:
    meeting = english_meeting() if language == "en" else q4_meeting(language, status)
    meeting.status = status  # type: ignore[assignment]
    text = docx_text(render_documents(meeting)["minutes"])
    assert mark in text
    assert label in text
    if language != "zh-Hans":
        assert "会议名称" not in text


def test_official_profile_layout() -> None:
    data = render_documents(q4_meeting(), "gbt9704")["minutes"]
    document = docx_part(data, "word/document.xml")
    styles = docx_part(data, "word/styles.xml")
    settings_xml = docx_part(data, "word/settings.xml")
    assert re.search(r'<w:pgSz w:w="11906" w:h="16838"', document)  # A4
    assert '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"' in document
    grid = re.search(r"<w:docGrid [^>]*>", document)
    assert grid and 'w:type="lines"' in grid.group(0)
    assert 'w:linePitch="580"' in grid.group(0) or 'w:linePitch="579"' in grid.group(0)
    assert 'w:eastAsia="仿宋"' in styles and 'w:eastAsia="方正小标宋简体"' in styles
    assert 'w:eastAsia="黑体"' in styles and 'w:eastAsia="楷体"' in styles
    assert 'w:firstLineChars="200"' in document
    assert "<w:evenAndOddHeaders" in settings_xml
    footers = [docx_part(data, f"word/footer{i}.xml") for i in (1, 2)]
    assert all("PAGE" in f and "— " in f and 'w:eastAsia="宋体"' in f for f in footers)
    assert {re.search(r'<w:jc w:val="(\w+)"', f).group(1) for f in footers} == {"left", "right"}  # type: ignore[union-attr]
    text = docx_text(data)
    assert "出席：" in text and "请假：" in text and "列席：" in text
    assert "一、活动目标与范围确认" in text and "（一）讨论要点" in text


def test_tables_repeat_headers_and_rows_do_not_split() -> None:
    for profile in ("business", "gbt9704"):
        for data in render_documents(q4_meeting(), profile).values():
            document = docx_part(data, "word/document.xml")
            rows = re.findall(r"<w:tr[ >].*?</w:tr>", document)
            if not rows:
                continue
            assert all("<w:cantSplit/>" in row for row in rows)
            assert "<w:tblHeader/>" in document or profile == "gbt9704"


def test_fonts_resolve_to_east_asian_and_no_theme_fonts() -> None:
    for profile in ("business", "gbt9704"):
        for data in render_documents(q4_meeting(), profile).values():
            styles = docx_part(data, "word/styles.xml")
            assert not re.search(r"w:\w+Theme=", styles)
            defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
            assert defaults and "w:eastAsia=" in defaults.group(0)
            document = docx_part(data, "word/document.xml")
            assert not re.search(r"w:\w+Theme=", document)
            style_fonts = _styles_with_east_asian_font(styles)
            for run in re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", document, re.S):
                own = re.search(r'<w:rFonts [^>]*w:eastAsia="[^"]+"', run)
                style = re.search(r'<w:rStyle w:val="([^"]+)"', run)
                assert own or (style and style.group(1) in style_fonts) or defaults, run


def _styles_with_east_asian_font(styles: str) -> set[str]:
    return {
        m.group(1)
        for m in re.finditer(r'<w:style [^>]*w:styleId="([^"]+)".*?</w:style>', styles, re.S)
        if "w:eastAsia=" in m.group(0)
    }


HOSTILE_TEXT = ["A & B < C > D", "{{ 7*7 }}", "{% if true %}x{% endif %}", "'\"quoted\"'", "]]>"]


@pytest.mark.parametrize("profile", ["business", "gbt9704"])
def test_special_characters_come_out_literally(profile: str) -> None:
    meeting = q4_meeting()
    meeting.action_items[0].task = " ".join(HOSTILE_TEXT)
    meeting.agenda[0].discussion = list(HOSTILE_TEXT)
    for data in render_documents(meeting, profile).values():
        text = docx_text(data)
        for snippet in HOSTILE_TEXT:
            assert snippet in text
        assert "{{ 7*7 }}" in text and "\n49\n" not in text


def test_same_meeting_gives_byte_identical_documents() -> None:
    first = render_documents(q4_meeting(), "business")
    second = render_documents(q4_meeting(), "business")
    assert first == second
    core = docx_part(first["minutes"], "docProps/core.xml")
    assert "2023-10-25T00:00:00Z" in core


# --- property test -------------------------------------------------------------

text_strategy = st.lists(
    st.one_of(
        st.sampled_from([*list("&<>\"'{}%#\x00\x01\x0b\x1f\ufffe\t\n"), "😀", "👩\u200d💻", "會議", "纪要", "{{ x }}", "{% if %}"]),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    min_size=1,
    max_size=30,
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text_strategy, task=text_strategy, owner=text_strategy, discussion=text_strategy)
def test_any_text_reads_back_equal(title: str, task: str, owner: str, discussion: str) -> None:
    meeting = Meeting(
        title=title,
        agenda=[AgendaItem(title="议程", discussion=[discussion])],
        action_items=[ActionItem(task=task, owner=Person(name=owner), line=1)],
    )
    documents = render_documents(meeting, "business")
    for kind, data in documents.items():
        text = _normalise(docx_text(data))
        for value in (meeting.action_items[0].task, meeting.action_items[0].owner.name):  # type: ignore[union-attr]
            assert _normalise(value or "") in text, (kind, value)
    assert _normalise(strip_xml_invalid(discussion)) in _normalise(docx_text(documents["minutes"]))


def _normalise(text: str) -> str:
    """python-docx reads a line break back as \\n and a tab as \\t; CR is a line end in Word."""
    return re.sub(r"\s+", " ", text.replace("\r", "\n")).strip()
