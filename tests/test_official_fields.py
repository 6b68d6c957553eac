"""The 纪要's own fields: number, 签发, 审核, 分送, 抄送, 印发机关, 印发日期, 密级, 会议事由.

Each shows where its layout puts it, in the notes' language, and a field that is
not given leaves nothing behind: no empty row, no label alone, no 版记 rules.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline.model import Meeting, Person
from renderers import render_documents
from renderers.context import build_context
from tests.test_render_helpers import docx_part, docx_text, english_meeting, q4_meeting

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def with_official_fields(meeting: Meeting) -> Meeting:
    chinese = meeting.language != "en"
    meeting.document_number = "〔2024〕3号" if chinese else "2024/3"
    meeting.issuer = Person(name="王总" if chinese else "Grace Ho")
    meeting.reviewer = Person(department="办公室" if chinese else "Office", name="李主任" if chinese else "Ivan Li")
    meeting.distribution = ["市场部", "销售部"] if chinese else ["Marketing", "Sales"]
    meeting.copy_to = ["财务部", "总经理办公室"] if chinese else ["Finance"]
    meeting.printed_by = "公司办公室" if chinese else "General Office"
    meeting.printed_on = dt.date(2024, 6, 13)
    meeting.classification = "内部" if chinese else "Internal"
    meeting.purpose = "明确四部门活动分工" if chinese else "agree the launch plan"
    return meeting


def paragraphs(docx: bytes) -> list[str]:
    """Every paragraph's text in document order, table cells included."""
    from lxml import etree

    root = etree.fromstring(docx_part(docx, "word/document.xml").encode())
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def index_of(paras: list[str], needle: str) -> int:
    hits = [i for i, text in enumerate(paras) if needle in text]
    assert hits, f"{needle!r} not in the document"
    return hits[0]


def imprint_table(docx: bytes) -> str | None:
    """The XML of the GB/T 9704 版记 table (the one holding 印发 or 抄送), if any."""
    xml = docx_part(docx, "word/document.xml")
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S):
        if "tblpYSpec" in table:
            return table
    return None


def test_gbt9704_head_puts_the_classification_top_left_and_the_number_under_the_title() -> None:
    docx = render_documents(with_official_fields(q4_meeting(status="final")), "gbt9704")["minutes"]
    paras = [p for p in paragraphs(docx) if p.strip()]
    assert paras[0] == "内部"  # the first line of the first page, the level alone
    title = index_of(paras, "Q4营销活动筹备会纪要")
    assert title == 1
    assert paras[title + 1] == "〔2024〕3号"
    assert "会议事由：明确四部门活动分工" in paras


def test_gbt9704_imprint_is_the_last_thing_with_thick_outer_and_thin_middle_rules() -> None:
    docx = render_documents(with_official_fields(q4_meeting(status="final")), "gbt9704")["minutes"]
    paras = [p for p in paragraphs(docx) if p.strip()]
    assert paras[-3:] == ["分送：市场部，销售部。", "抄送：财务部，总经理办公室。", "公司办公室2024年6月13日印发"]
    table = imprint_table(docx)
    assert table is not None, "the 版记 is not positioned at the foot of the page"
    assert 'w:tblpYSpec="bottom"' in table
    borders = re.search(r"<w:tblBorders>(.*?)</w:tblBorders>", table).group(1)  # type: ignore[union-attr]
    assert re.search(r'<w:top w:val="single" w:sz="8"', borders)
    assert re.search(r'<w:bottom w:val="single" w:sz="8"', borders)
    assert re.search(r'<w:insideH w:val="nil"', borders)
    # the thin rule sits between 抄送 and the 印发 line, nowhere else
    rows = re.findall(r"<w:tr>.*?</w:tr>", table, flags=re.S)
    assert len(rows) == 3
    assert ['w:sz="6"' in row for row in rows] == [False, False, True]
    # the issue date flushes right on a tab stop at the text width, the office one character in
    assert "<w:tab/>" in rows[2] and 'w:val="right"' in rows[2]
    # full text width: the table spans the 156 mm type area
    assert re.search(r'<w:tblW w:type="dxa" w:w="8844"/>', table)


def test_gbt9704_imprint_without_recipients_has_no_middle_rule() -> None:
    meeting = q4_meeting()
    meeting.printed_by = "公司办公室"
    docx = render_documents(meeting, "gbt9704")["minutes"]
    table = imprint_table(docx)
    assert table is not None
    rows = re.findall(r"<w:tr>.*?</w:tr>", table, flags=re.S)
    assert len(rows) == 1 and 'w:sz="6"' not in rows[0]
    text = docx_text(docx)
    assert "分送" not in text and "抄送" not in text and "印发" not in text  # no date: no 印发 either


def test_business_head_block_and_end_lines() -> None:
    docx = render_documents(with_official_fields(q4_meeting(status="final")), "business")["minutes"]
    paras = [p for p in paragraphs(docx) if p.strip()]
    assert paras[0] == "密级：内部"
    title = index_of(paras, "Q4营销活动筹备会纪要")
    assert paras[title + 1] == "编号：〔2024〕3号　　签发：王总　　审核：办公室李主任"
    purpose = index_of(paras, "会议事由")
    assert paras[purpose + 1] == "明确四部门活动分工"
    assert paras[-4:] == [
        "分送：市场部，销售部。",
        "抄送：财务部，总经理办公室。",
        "印发机关：公司办公室",
        "印发日期：2024年6月13日",
    ]


@pytest.mark.parametrize("profile", ["business", "gbt9704"])
def test_nothing_given_leaves_no_frame_behind(profile: str) -> None:
    docx = render_documents(q4_meeting(), profile)["minutes"]
    text = docx_text(docx)
    for label in ("编号", "签发", "审核", "分送", "抄送", "印发", "密级", "会议事由"):
        assert label not in text, label
    assert imprint_table(docx) is None
    assert "<w:pBdr>" not in docx_part(docx, "word/document.xml")  # no rule either
    # no empty paragraph stands where the number or the classification would be
    paras = paragraphs(docx)
    first = next(i for i, p in enumerate(paras) if p.strip())
    assert "纪要" in paras[first]


def test_business_leaves_out_only_the_missing_sign_off_parts() -> None:
    meeting = q4_meeting()
    meeting.reviewer = Person(name="李主任")
    paras = paragraphs(render_documents(meeting, "business")["minutes"])
    assert "审核：李主任" in paras
    assert not any("签发" in p or "编号" in p for p in paras)


def test_english_labels() -> None:
    meeting = with_official_fields(english_meeting())
    business = docx_text(render_documents(meeting, "business")["minutes"])
    for expected in (
        "Classification: Internal",
        "No.: 2024/3   Approved by: Grace Ho   Reviewed by: Ivan Li (Office)",
        "Distribution: Marketing, Sales",
        "Copy to: Finance",
        "Issued by: General Office",
        "Date of issue: 13 June 2024",
        "Purpose",
    ):
        assert expected in business, expected
    official = paragraphs(render_documents(meeting, "gbt9704")["minutes"])
    assert "Issued by: General OfficeDate of issue: 13 June 2024" in official  # a tab between


def test_traditional_labels() -> None:
    meeting = with_official_fields(q4_meeting(language="zh-Hant"))
    context = build_context(meeting)
    assert context["meeting"]["printed_on_line"] == "2024年6月13日印發"
    text = docx_text(render_documents(meeting, "business")["minutes"])
    for expected in ("密級：内部", "簽發：王总", "審核：办公室李主任", "抄送：财务部，总经理办公室。", "開會事由"):
        assert expected in text, expected


def test_the_fields_reach_the_context_as_given() -> None:
    meeting = with_official_fields(q4_meeting())
    fields = build_context(meeting)["meeting"]
    assert fields["document_number"] == "〔2024〕3号"
    assert fields["issuer"] == "王总"
    assert fields["reviewer"] == "办公室李主任"
    assert fields["distribution_list"] == ["市场部", "销售部"]
    assert fields["copy_to"] == "财务部，总经理办公室。"
    assert fields["printed_on"] == "2024年6月13日"
    assert fields["printed_on_line"] == "2024年6月13日印发"
    assert fields["classification"] == "内部"
    assert fields["has_imprint"] and fields["has_printing"] and fields["has_sign_off"]
    empty = build_context(q4_meeting())["meeting"]
    assert not (empty["has_imprint"] or empty["has_printing"] or empty["has_sign_off"])
    assert empty["printed_on_line"] == "" and empty["sign_off_line"] == ""


NOTES = """# 运营部周例会

- 会议日期：2024年6月12日
- 主持人：运营部 陈经理
- 编号：第12期
- 签发：刘总
- 分送：运营部、技术部
- 抄送：总经理办公室
- 印发机关：公司办公室
- 印发日期：2024年6月13日
- 密级：内部

## 工单积压

### 讨论要点
- 上周新增工单比前周多三成。
"""


def test_notes_with_the_fields_give_them_in_both_layouts() -> None:
    from parsers import meeting_from_text

    meeting = meeting_from_text(NOTES, "weekly.md")
    official = [p for p in paragraphs(render_documents(meeting, "gbt9704")["minutes"]) if p.strip()]
    assert official[0] == "内部" and official[2] == "第12期"
    assert official[-3:] == ["分送：运营部，技术部。", "抄送：总经理办公室。", "公司办公室2024年6月13日印发"]
    business = paragraphs(render_documents(meeting, "business")["minutes"])
    assert "编号：第12期　　签发：刘总" in business
