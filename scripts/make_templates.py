"""Generate the built-in docxtpl templates in word_templates/ with python-docx.

    .venv/bin/python scripts/make_templates.py

Writes word_templates/{business,gbt9704}/{minutes,tasks}.docx. The files are
committed; run this again after changing it. Every label comes from the render
context (``labels.*``), so the same template serves all three languages.
Variables are documented in word_templates/VARIABLES.md.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.atomic import write_bytes_atomically  # noqa: E402
from renderers import ooxml  # noqa: E402

SONG = "宋体"
HEI = "黑体"
KAI = "楷体"
FANGSONG = "仿宋"
XIAOBIAOSONG = "方正小标宋简体"
HEADER_FILL = "D9E2F3"
LABEL_FILL = "F2F2F2"
GROUP_FILL = "E7E6E6"


@dataclass(frozen=True)
class Profile:
    name: str
    margins_mm: tuple[float, float, float, float]  # top, bottom, left, right
    body_font: str
    body_pt: float
    title_font: str
    title_pt: float
    heading1_font: str
    heading2_font: str
    heading_pt: tuple[float, float]
    table_font: str
    table_pt: float
    exact_line_twips: int | None  # GB/T 9704: 22 lines a page
    line_multiple: float


BUSINESS = Profile(
    name="business",
    margins_mm=(25, 25, 25, 25),
    body_font=SONG,
    body_pt=12,
    title_font=HEI,
    title_pt=18,
    heading1_font=HEI,
    heading2_font=HEI,
    heading_pt=(14, 12),
    table_font=SONG,
    table_pt=10.5,
    exact_line_twips=None,
    line_multiple=1.3,
)

GBT9704 = Profile(
    name="gbt9704",
    margins_mm=(37, 35, 28, 26),
    body_font=FANGSONG,
    body_pt=16,
    title_font=XIAOBIAOSONG,
    title_pt=22,
    heading1_font=HEI,
    heading2_font=KAI,
    heading_pt=(16, 16),
    table_font=FANGSONG,
    table_pt=12,
    exact_line_twips=579,  # (297 - 37 - 35) mm / 22 lines, in twips
    line_multiple=1.0,
)


# --- document set-up ---------------------------------------------------------


def new_document(profile: Profile) -> Any:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = profile.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance, section.footer_distance = Mm(15), Mm(18 if profile.name == "gbt9704" else 12)
    setup_styles(document, profile)
    return document


def style_font(style: Any, east_asia: str, size: float, bold: bool = False) -> None:
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    ooxml.set_fonts(style.element.get_or_add_rPr(), east_asia)


def setup_styles(document: Any, profile: Profile) -> None:
    styles = document.styles
    normal = styles["Normal"]
    style_font(normal, profile.body_font, profile.body_pt)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    if profile.exact_line_twips:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Twips(profile.exact_line_twips)
    else:
        fmt.line_spacing = profile.line_multiple
    fmt.widow_control = True
    ooxml.set_east_asian_language(styles)
    if profile.exact_line_twips:
        ooxml.condense_characters(normal.element.get_or_add_rPr(), -5)

    title = styles["Title"]
    style_font(title, profile.title_font, profile.title_pt, bold=profile.name == "business")
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = Pt(12 if profile.name == "business" else 0)
    if profile.exact_line_twips:
        title.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        title.paragraph_format.line_spacing = Twips(profile.exact_line_twips)
    else:
        title.paragraph_format.line_spacing = 1.2
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"):
        ppr.remove(border)  # the default Title style draws a rule under the title
    if profile.exact_line_twips:
        ooxml.keep_off_grid(ppr)
        ooxml.condense_characters(title.element.get_or_add_rPr(), 0)

    for level, font, size in (
        (1, profile.heading1_font, profile.heading_pt[0]),
        (2, profile.heading2_font, profile.heading_pt[1]),
    ):
        heading = styles[f"Heading {level}"]
        style_font(heading, font, size, bold=profile.name == "business")
        hf = heading.paragraph_format
        hf.keep_with_next = True
        if profile.exact_line_twips:
            hf.space_before = hf.space_after = Pt(0)
            hf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            hf.line_spacing = Twips(profile.exact_line_twips)
        else:
            hf.space_before = Pt(12 if level == 1 else 6)
            hf.space_after = Pt(6 if level == 1 else 3)
            hf.line_spacing = profile.line_multiple

    table_text = styles.add_style("Table Text", 1)
    table_text.base_style = normal
    style_font(table_text, profile.table_font, profile.table_pt)
    tf = table_text.paragraph_format
    tf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    tf.space_before = tf.space_after = Pt(1)

    for name in ("Header", "Footer"):
        style_font(styles[name], SONG, 9)


def paragraph(container: Any, text: str = "", style: str | None = None, **options: Any) -> Any:
    """A paragraph holding ``text`` in one run; options: bold, font, size, align, first_line."""
    para = container.add_paragraph(style=style)
    if text:
        add_run(para, text, options.get("bold"), options.get("font"), options.get("size"))
    if "align" in options:
        para.alignment = options["align"]
    if options.get("first_line"):
        indent(para, first_line=options["first_line"])
    return para


def indent(para: Any, **chars: int) -> None:
    """Indent in characters of the body font (two characters for a first line, as offices do)."""
    size = para.part.document.styles["Normal"].font.size.pt
    ooxml.indent_in_chars(para, size, **chars)


def add_run(para: Any, text: str, bold: bool | None = None, font: str | None = None, size: float | None = None) -> Any:
    run = para.add_run(text)
    if bold is not None:
        run.bold = bold
    if font:
        ooxml.set_fonts(run._r.get_or_add_rPr(), font)
    if size:
        run.font.size = Pt(size)
    return run


def var(expression: str) -> str:
    """A docxtpl placeholder: ``{{ expression }}``."""
    return "{{ " + expression + " }}"


def tag(container: Any, statement: str) -> Any:
    """A docxtpl paragraph tag such as ``{%p for x in xs %}`` (the paragraph disappears)."""
    return container.add_paragraph("{%p " + statement + " %}")


def status_header(section: Any, even: bool = False) -> None:
    header = section.even_page_header if even else section.header
    header.is_linked_to_previous = False
    para = header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(para, "{{ doc.status_mark }}", bold=True, font=HEI, size=10.5)


def page_x_of_y_footer(section: Any) -> None:
    """第 X 页 共 Y 页 (words from labels), with PAGE and NUMPAGES fields."""
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run("{{ labels.page_before }}")
    ooxml.add_field(para, "PAGE")
    para.add_run("{{ labels.page_between }}")
    ooxml.add_field(para, "NUMPAGES")
    para.add_run("{{ labels.page_after }}")


def official_page_footers(document: Any, section: Any) -> None:
    """GB/T 9704 page numbers: — 1 — in 宋体 四号, odd pages right, even pages left, one character in."""
    ooxml.use_even_and_odd_footers(document)
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0]
        para.alignment = align
        ooxml.indent_in_chars(para, 14, **{side: 1})
        for run in [para.add_run("— "), *ooxml.add_field(para, "PAGE"), para.add_run(" —")]:
            run.font.size = Pt(14)
            ooxml.set_fonts(run._r.get_or_add_rPr(), SONG)


# --- tables ------------------------------------------------------------------


def table(document: Any, widths_mm: list[float], header: list[str] | None = None) -> Any:
    columns = len(widths_mm)
    tbl = document.add_table(rows=0, cols=columns)
    tbl.style = document.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    if header:
        row = add_row(tbl, header, bold=True, fill=HEADER_FILL, center=True)
        ooxml.repeat_as_header(row)
    return tbl


def add_row(
    tbl: Any,
    texts: list[str],
    bold: bool = False,
    fill: str | None = None,
    center: bool = False,
    label_fill_first: bool = False,
) -> Any:
    row = tbl.add_row()
    ooxml.keep_row_together(row)
    for index, (cell, text) in enumerate(zip(row.cells, texts, strict=False)):
        para = cell.paragraphs[0]
        para.style = tbl.part.document.styles["Table Text"]
        if text:
            add_run(para, text, bold=bold or (label_fill_first and index == 0))
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if fill:
            ooxml.shade_cell(cell, fill)
        elif label_fill_first and index == 0:
            ooxml.shade_cell(cell, LABEL_FILL)
    return row


def keep_on_one_page(tbl: Any) -> None:
    """Keep-with-next on every row but the last: Word and LibreOffice then move a card
    that would straddle a page break to the next page whole."""
    for row in tbl.rows[:-1]:
        for cell in row.cells:
            for para in cell.paragraphs:
                para.paragraph_format.keep_with_next = True


def merged_row(tbl: Any, text: str, fill: str | None = None, bold: bool = False) -> Any:
    """A row whose cells are merged into one (docxtpl row tags, group and section headings)."""
    row = tbl.add_row()
    ooxml.keep_row_together(row)
    cell = row.cells[0].merge(row.cells[-1])
    para = cell.paragraphs[0]
    para.style = tbl.part.document.styles["Table Text"]
    add_run(para, text, bold=bold)
    if fill:
        ooxml.shade_cell(cell, fill)
    return row


def finish_table(tbl: Any, widths_mm: list[float]) -> None:
    ooxml.fix_table_layout(tbl, widths_mm)
    ooxml.narrow_cell_margins(tbl, 1.2)
    ooxml.center_cells_vertically(tbl)


def text_width_mm(profile: Profile) -> float:
    return 210 - profile.margins_mm[2] - profile.margins_mm[3]


def scale(widths: list[float], total: float) -> list[float]:
    factor = total / sum(widths)
    return [round(w * factor, 1) for w in widths]


# --- numbered lists (Word numbering, restarting for every list) ----------------------
#
# All numbers come from one multi-level definition. The points of each part of an agenda
# item are level 1 of the list SECTION_POINTS and the part's own heading (讨论要点：) is
# level 0, which shows nothing: Word, WPS and LibreOffice start level 1 again at 1 after
# every level-0 paragraph. The risks, the attachments and the work plan, one list each,
# have their own w:num restarting at 1. Every number is fixed in the template, so the
# template stays a valid Word file that Word can open and edit.

LIST_ABSTRACT_ID = 90
SECTION_POINTS, RISK_LIST, ATTACHMENT_LIST, WORK_PLAN_LIST = 90, 91, 92, 93
THICK_RULE = 8  # eighths of a point: 1 pt, GB/T 9704's 0.35 mm 版记 rules
THIN_RULE = 6  # 0.75 pt, its 0.25 mm middle rule


def list_numbering(profile: Profile) -> tuple[str, str]:
    """The abstractNum of every numbered list and its w:num instances (see above).

    Level 0 shows nothing; level 1 is "1.": business: two characters in, wrapped lines
    aligned after the number (a hanging indent); gbt9704: the Chinese official style, "1." at
    the two-character first-line indent with the text right after it and wrapped lines flush
    left; level 2 is "(1)" / "（1）".
    """
    char = round(profile.body_pt * 20)
    fonts = (
        f'<w:rFonts w:ascii="{ooxml.LATIN_FONT}" w:hAnsi="{ooxml.LATIN_FONT}" '
        f'w:cs="{ooxml.LATIN_FONT}" w:eastAsia="{profile.body_font}"/>'
    )
    body = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="none"/><w:suff w:val="nothing"/>'
        '<w:lvlText w:val=""/><w:lvlJc w:val="left"/></w:lvl>'
    )
    if profile.name == "gbt9704":
        for level, text in ((1, "%2."), (2, "（%3）")):
            body += (
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:leftChars="0" w:firstLine="{2 * char}" w:firstLineChars="200"/></w:pPr>'
                f"<w:rPr>{fonts}</w:rPr></w:lvl>"
            )
    else:
        for level, text, start_chars, hanging_chars in ((1, "%2.", 2, 1.5), (2, "(%3)", 4, 2)):
            hanging = round(char * hanging_chars)
            left = start_chars * char + hanging
            body += (
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
                f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
                f"<w:rPr>{fonts}</w:rPr></w:lvl>"
            )
    abstract = (
        f'<w:abstractNum w:abstractNumId="{LIST_ABSTRACT_ID}"><w:nsid w:val="4D494E{LIST_ABSTRACT_ID:02X}"/>'
        f'<w:multiLevelType w:val="multilevel"/>{body}</w:abstractNum>'
    )
    nums = f'<w:num w:numId="{SECTION_POINTS}"><w:abstractNumId w:val="{LIST_ABSTRACT_ID}"/></w:num>'
    for num_id in (RISK_LIST, ATTACHMENT_LIST, WORK_PLAN_LIST):
        nums += (
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{LIST_ABSTRACT_ID}"/>'
            '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    return abstract, nums


# The template's docProps/custom.xml: the renderer adds one property per task
# (minutes.task.N = id=…; lines=…), from doc.task_sources.
CUSTOM_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>'
)


def in_list(para: Any, num_id: int, level: int) -> Any:
    numpr = para._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id
    return para


def numbered(container: Any, text: str, num_id: int) -> Any:
    """A numbered point (level 1 of list ``num_id``)."""
    return in_list(paragraph(container, text), num_id, 1)


def numbered_entries(document: Any, plain_first_line: bool = True) -> None:
    """The entries of one part of an agenda item (inside {%p for s in item.sections %}), after
    the part's heading: a numbered list when there are several, one plain paragraph when one."""
    tag(document, "if s.numbered")
    tag(document, "for e in s.entries")
    numbered(document, "{{ e }}", SECTION_POINTS)
    tag(document, "endfor")
    tag(document, "else")
    paragraph(document, "{{ s.entries[0] }}", first_line=2 if plain_first_line else 0)
    tag(document, "endif")


def classification_line(document: Any, profile: Profile) -> None:
    """密级 at the top left of the first page (GB/T 9704: 3号黑体, the level alone)."""
    tag(document, "if meeting.classification")
    if profile.name == "gbt9704":
        paragraph(document, "{{ meeting.classification }}", font=HEI)
    else:
        paragraph(document, "{{ labels.classification }}{{ labels.colon }}{{ meeting.classification }}", bold=True, font=HEI)
    tag(document, "endif")


def set_table_borders(tbl: Any, **sides: int) -> None:
    """w:tblBorders: the given sides single lines of that size (eighths of a point), the rest none."""
    tblpr = tbl._tbl.tblPr
    for old in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        size = sides.get(side, 0)
        element.set(qn("w:val"), "single" if size else "nil")
        if size:
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    successor = next(
        (tblpr.find(qn(n)) for n in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook") if tblpr.find(qn(n)) is not None),
        None,
    )
    if successor is not None:
        successor.addprevious(borders)
    else:
        tblpr.append(borders)


def cell_top_rule(row: Any, size: int) -> None:
    for tc in row._tr.tc_lst:
        tcpr = tc.get_or_add_tcPr()
        borders = OxmlElement("w:tcBorders")
        top = OxmlElement("w:top")
        top.set(qn("w:val"), "single")
        top.set(qn("w:sz"), str(size))
        top.set(qn("w:space"), "0")
        top.set(qn("w:color"), "000000")
        borders.append(top)
        tcpr.append(borders)


def at_page_foot(tbl: Any) -> None:
    """A floating table anchored to the bottom of the text area of the page it falls on."""
    tblpr = tbl._tbl.tblPr
    position = OxmlElement("w:tblpPr")
    for name, value in (
        ("leftFromText", "0"), ("rightFromText", "0"), ("topFromText", "0"), ("bottomFromText", "0"),
        ("vertAnchor", "margin"), ("horzAnchor", "margin"), ("tblpXSpec", "center"), ("tblpYSpec", "bottom"),
    ):  # fmt: skip
        position.set(qn(f"w:{name}"), value)
    overlap = OxmlElement("w:tblOverlap")
    overlap.set(qn("w:val"), "never")
    style = tblpr.find(qn("w:tblStyle"))
    if style is not None:
        style.addnext(position)
    else:
        tblpr.insert(0, position)
    position.addnext(overlap)


def imprint_text_row(tbl: Any, label: str, value: str, size: float) -> Any:
    """分送：A，B。 — one character in, wrapped lines aligned after the colon."""
    row = add_row(tbl, [""])
    para = row.cells[0].paragraphs[0]
    add_run(para, var("labels." + label) + var("labels.colon"), size=size)
    add_run(para, var(value), size=size)
    ooxml.indent_in_chars(para, size, left=4, hanging=3)
    return row


def official_imprint(document: Any, profile: Profile) -> None:
    """GB/T 9704's 版记 at the foot of the last page: 分送 and 抄送, then 印发机关 left and
    印发日期 right, between full-width rules (the first and last thick, the middle thin).
    Only the lines that are given; no rules at all when nothing of it is."""
    size = 14.0  # 4号仿宋
    width = text_width_mm(profile)
    tag(document, "if meeting.has_imprint")
    tbl = document.add_table(rows=0, cols=1)
    add_row(tbl, ["{%tr if meeting.distribution %}"])
    imprint_text_row(tbl, "distribution", "meeting.distribution", size)
    add_row(tbl, ["{%tr endif %}"])
    add_row(tbl, ["{%tr if meeting.copy_to %}"])
    imprint_text_row(tbl, "copy_to", "meeting.copy_to", size)
    add_row(tbl, ["{%tr endif %}"])
    add_row(tbl, ["{%tr if meeting.has_printing %}"])
    add_row(tbl, ["{%tr if meeting.distribution or meeting.copy_to %}"])
    for ruled in (True, False):
        row = add_row(tbl, [""])
        para = row.cells[0].paragraphs[0]
        add_run(para, "{{ meeting.printed_by_line }}", size=size)
        para.add_run().add_tab()
        add_run(para, "{{ meeting.printed_on_line }}", size=size)
        ooxml.indent_in_chars(para, size, left=1)
        tab_pos = round(ooxml.mm_to_twips(width) - size * 20)
        para.paragraph_format.tab_stops.add_tab_stop(Twips(tab_pos), WD_TAB_ALIGNMENT.RIGHT)
        if ruled:
            cell_top_rule(row, THIN_RULE)
            add_row(tbl, ["{%tr else %}"])
    add_row(tbl, ["{%tr endif %}"])
    add_row(tbl, ["{%tr endif %}"])
    ooxml.fix_table_layout(tbl, [width])
    ooxml.narrow_cell_margins(tbl, 0)
    set_table_borders(tbl, top=THICK_RULE, bottom=THICK_RULE)
    for row in tbl.rows:  # the 版记 never breaks over two pages
        for para in row.cells[0].paragraphs:
            para.paragraph_format.keep_with_next = True
    at_page_foot(tbl)
    # the floating table's anchor (LibreOffice drops a table that ends the body), 1 pt high
    anchor = paragraph(document)
    anchor.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    anchor.paragraph_format.line_spacing = Pt(1)
    ooxml.keep_off_grid(anchor._p.get_or_add_pPr())
    mark = OxmlElement("w:rPr")  # the paragraph mark's size
    for name in ("w:sz", "w:szCs"):
        size = OxmlElement(name)
        size.set(qn("w:val"), "2")
        mark.append(size)
    anchor._p.get_or_add_pPr().append(mark)
    tag(document, "endif")


def business_distribution(document: Any) -> None:
    """分送, 抄送, 印发 at the end of the business minutes: only the lines given."""
    tag(document, "if meeting.has_imprint")
    rule = paragraph(document)  # a thin rule above the lines
    rule.paragraph_format.space_after = Pt(6)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    ppr = rule._p.get_or_add_pPr()
    following = next((ppr.find(qn(n)) for n in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc") if ppr.find(qn(n)) is not None), None)
    if following is not None:
        following.addprevious(borders)
    else:
        ppr.append(borders)
    rule.paragraph_format.keep_with_next = True
    for label, value in (
        ("distribution", "meeting.distribution"),
        ("copy_to", "meeting.copy_to"),
        ("printed_by", "meeting.printed_by"),
        ("printed_on", "meeting.printed_on"),
    ):
        tag(document, f"if {value}")
        para = document.add_paragraph()
        indent(para, left=5, hanging=5)
        add_run(para, var("labels." + label) + var("labels.colon"), bold=True)
        add_run(para, var(value))
        tag(document, "endif")
    tag(document, "endif")


def task_cell(row: Any, index: int, small_pt: float) -> None:
    """The task column: the id on a line of its own in a smaller size (it never breaks
    inside), then the task."""
    cell = row.cells[index]
    first = cell.paragraphs[0]
    first.text = ""
    add_run(first, "{%p if t.id %}")
    id_para = cell.add_paragraph(style=first.style)
    add_run(id_para, "{{ t.id }}", size=small_pt)
    end = cell.add_paragraph(style=first.style)
    add_run(end, "{%p endif %}")
    task = cell.add_paragraph(style=first.style)
    add_run(task, "{{ t.task }}")


# Column widths (mm) of the task tables: 序号, an ISO date (2024-06-12) and the task id
# (2024-06-12-3, in the smaller size) each fit on one line at the table's font size.
SUMMARY_WIDTHS = {
    "business": [11.5, 31, 16, 15, 20.5, 20.5, 31.5, 14],
    "gbt9704": [12, 28, 15.5, 13, 23, 23, 26.5, 15],
}
ACTION_WIDTHS = [12, 33, 17.5, 16, 21, 27, 17.5, 16]  # business minutes, 160 mm


# --- the minutes ---------------------------------------------------------------


def business_minutes() -> Any:
    profile = BUSINESS
    document = new_document(profile)
    section = document.sections[0]
    status_header(section)
    page_x_of_y_footer(section)
    width = text_width_mm(profile)

    classification_line(document, profile)
    paragraph(document, "{{ doc.minutes_title }}", "Title")
    tag(document, "if meeting.sign_off_line")
    paragraph(document, "{{ meeting.sign_off_line }}", align=WD_ALIGN_PARAGRAPH.RIGHT, size=10.5)
    tag(document, "endif")

    paragraph(document, "{{ numbers.section[0] }}{{ labels.basic_info }}", "Heading 1")
    widths = [32, width - 32]
    info = table(document, widths)
    add_row(info, [var("labels.meeting_name"), var("meeting.title")], label_fill_first=True)
    add_row(info, ["{%tr if meeting.purpose %}", ""])
    add_row(info, ["{{ labels.purpose }}", "{{ meeting.purpose }}"], label_fill_first=True)
    add_row(info, ["{%tr endif %}", ""])
    for label, value in (
        ("date", "meeting.date"),
        ("time", "meeting.time"),
        ("location", "meeting.location"),
        ("host", "meeting.host"),
        ("recorder", "meeting.recorder"),
        ("attendees", "meeting.attendees"),
        ("absentees", "meeting.absentees"),
    ):
        add_row(info, [var("labels." + label), var(value)], label_fill_first=True)
    add_row(info, ["{%tr if meeting.observers %}", ""])
    add_row(info, ["{{ labels.observers }}", "{{ meeting.observers }}"], label_fill_first=True)
    add_row(info, ["{%tr endif %}", ""])
    finish_table(info, widths)

    paragraph(document, "{{ numbers.section[1] }}{{ labels.agenda_records }}", "Heading 1")
    tag(document, "for item in agenda")
    paragraph(document, "{{ item.heading }}", "Heading 2")
    tag(document, "for s in item.sections")
    para = paragraph(document, "{{ s.label }}{{ labels.colon }}", bold=True)
    para.paragraph_format.keep_with_next = True  # never alone at the foot of a page
    in_list(para, SECTION_POINTS, 0)  # its points number from 1 again
    numbered_entries(document)
    tag(document, "endfor")
    tag(document, "endfor")
    tag(document, "if not agenda")
    paragraph(document, "{{ labels.none }}", first_line=2)
    tag(document, "endif")

    paragraph(document, "{{ numbers.section[2] }}{{ labels.resolution_summary }}", "Heading 1")
    widths = scale([12, 38, 60, 50], width)
    summary = table(
        document,
        widths,
        ["{{ labels.number }}", "{{ labels.agenda_topic }}", "{{ labels.discussion_summary }}", "{{ labels.key_resolutions }}"],
    )
    add_row(summary, ["{%tr for item in agenda %}", "", "", ""])
    row = add_row(summary, ["{{ item.number }}", "{{ item.title }}", "{{ item.discussion_text }}", "{{ item.resolutions_text }}"])
    row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_row(summary, ["{%tr endfor %}", "", "", ""])
    finish_table(summary, widths)

    paragraph(document, "{{ numbers.section[3] }}{{ labels.action_tracking }}", "Heading 1")
    widths = ACTION_WIDTHS
    actions = table(
        document,
        widths,
        [
            "{{ labels.number }}", "{{ labels.action }}", "{{ labels.department }}", "{{ labels.owner }}",
            "{{ labels.due }}", "{{ labels.acceptance }}", "{{ labels.status }}", "{{ labels.remarks }}",
        ],
    )  # fmt: skip
    add_row(actions, ["{%tr for t in actions %}"] + [""] * 7)
    row = add_row(
        actions,
        [
            "{{ t.number }}", "", "{{ t.department }}", "{{ t.owner }}",
            "{{ t.due_short }}", "{{ t.acceptance }}", "{{ t.status }}", "{{ t.notes }}",
        ],
    )  # fmt: skip
    task_cell(row, 1, 9)
    for index in (0, 4, 6):
        row.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_row(actions, ["{%tr endfor %}"] + [""] * 7)
    merged_row(actions, "{%tr if not actions %}")
    merged_row(actions, "{{ labels.none }}")
    merged_row(actions, "{%tr endif %}")
    finish_table(actions, widths)

    paragraph(document, "{{ numbers.section[4] }}{{ labels.risks }}", "Heading 1")
    tag(document, "for r in meeting.risks")
    numbered(document, "{{ r }}", RISK_LIST)
    tag(document, "endfor")
    tag(document, "if not meeting.risks")
    paragraph(document, "{{ labels.none }}", first_line=2)
    tag(document, "endif")
    tag(document, "if meeting.next_meeting")
    para = paragraph(document, "{{ labels.next_meeting }}{{ labels.colon }}", bold=True)
    add_run(para, "{{ meeting.next_meeting }}")
    tag(document, "endif")

    paragraph(document, "{{ numbers.section[5] }}{{ labels.attachments }}", "Heading 1")
    tag(document, "for x in meeting.attachments")
    numbered(document, "{{ x }}", ATTACHMENT_LIST)
    tag(document, "endfor")
    tag(document, "if not meeting.attachments")
    paragraph(document, "{{ labels.none }}", first_line=2)
    tag(document, "endif")
    business_distribution(document)
    return document


def attendance_line(document: Any, label: str, names: str) -> None:
    """出席：names — label in 黑体 two characters in, wrapped lines aligned after the colon."""
    tag(document, f"if {names}")
    para = document.add_paragraph()
    indent(para, left=5, hanging=3)
    add_run(para, var("labels." + label) + var("labels.colon"), font=HEI)
    add_run(para, var(names))
    tag(document, "endif")


def official_minutes() -> Any:
    profile = GBT9704
    document = new_document(profile)
    section = document.sections[0]
    ooxml.set_document_grid(section, lines_per_page=22)
    status_header(section)
    status_header(section, even=True)
    official_page_footers(document, section)

    classification_line(document, profile)
    paragraph(document, "{{ doc.minutes_title }}", "Title")
    tag(document, "if meeting.document_number")
    paragraph(document, "{{ meeting.document_number }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    tag(document, "endif")
    tag(document, "if meeting.date")
    paragraph(document, "{{ meeting.date_line }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    tag(document, "endif")
    paragraph(document)
    paragraph(document, "{{ meeting.intro }}", first_line=2)
    tag(document, "if meeting.purpose")
    paragraph(document, "{{ labels.purpose }}{{ labels.colon }}{{ meeting.purpose }}", first_line=2)
    tag(document, "endif")

    tag(document, "for item in agenda")
    para = paragraph(document, "{{ item.official_heading }}", "Heading 1")
    indent(para, first_line=2)
    tag(document, "for s in item.sections")
    para = paragraph(document, "{{ s.heading }}", "Heading 2")
    indent(para, first_line=2)
    in_list(para, SECTION_POINTS, 0)  # its points number from 1 again
    numbered_entries(document)
    tag(document, "endfor")
    tag(document, "endfor")

    tag(document, "if actions")
    para = paragraph(document, "{{ doc.work_plan_heading }}", "Heading 1")
    indent(para, first_line=2)
    tag(document, "for a in actions")
    numbered(document, "{{ a.clause }}", WORK_PLAN_LIST)
    tag(document, "endfor")
    tag(document, "endif")

    tag(document, "if meeting.risks")
    para = paragraph(document, "{{ labels.risks }}{{ labels.colon }}", font=KAI, first_line=2)
    tag(document, "for r in meeting.risks")
    numbered(document, "{{ r }}", RISK_LIST)
    tag(document, "endfor")
    tag(document, "endif")
    tag(document, "if meeting.next_meeting")
    para = paragraph(document, "{{ labels.next_meeting }}{{ labels.colon }}{{ meeting.next_meeting }}", first_line=2)
    tag(document, "endif")

    tag(document, "if meeting.attachments")
    paragraph(document)
    para = document.add_paragraph()
    indent(para, left=5, hanging=3)
    add_run(para, "{{ labels.attachments }}{{ labels.colon }}{{ meeting.attachments_text }}")
    tag(document, "endif")

    paragraph(document)
    attendance_line(document, "present", "meeting.attendee_names")
    attendance_line(document, "on_leave", "meeting.absentees")
    attendance_line(document, "in_attendance", "meeting.observer_names")
    official_imprint(document, profile)
    return document


# --- the task assignment document ------------------------------------------------


def task_card(document: Any, profile: Profile) -> None:
    """One card per task (inside {%p for t in actions %}): a title row with the task's
    number, then only the rows that have a value (t.card_rows); every row kept whole and
    with the next, so a card never straddles a page and several share one."""
    width = text_width_mm(profile)
    label_mm = 30 if profile.name == "business" else 34
    widths = [label_mm, width - label_mm]
    card = table(document, widths)
    merged_row(card, "{{ t.card_title }}", fill=GROUP_FILL, bold=True)
    add_row(card, ["{%tr for r in t.card_rows %}", ""])
    add_row(card, ["{{ r.label }}", "{{ r.value }}"], label_fill_first=True)
    add_row(card, ["{%tr endfor %}", ""])
    finish_table(card, widths)
    for row in card.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                para.paragraph_format.keep_with_next = True
    spacer = paragraph(document)
    if profile.name == "business":  # gbt9704 keeps its line grid: a spacer of one line
        spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spacer.paragraph_format.line_spacing = Pt(8)


def tasks_document(profile: Profile) -> Any:
    document = new_document(profile)
    section = document.sections[0]
    status_header(section)
    if profile.name == "gbt9704":
        status_header(section, even=True)
        official_page_footers(document, section)
    else:
        page_x_of_y_footer(section)
    table_pt = profile.table_pt

    paragraph(document, "{{ doc.tasks_title }}", "Title")
    para = paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_run(para, "{{ labels.meeting }}{{ labels.colon }}{{ meeting.title }}", size=table_pt)
    add_run(para, "{% if meeting.date %}　{{ labels.date }}{{ labels.colon }}{{ meeting.date }}{% endif %}", size=table_pt)
    add_run(para, "{% if meeting.recorder %}　{{ labels.recorder }}{{ labels.colon }}{{ meeting.recorder }}{% endif %}", size=table_pt)

    paragraph(document, "{{ numbers.section[0] }}{{ labels.task_summary }}", "Heading 1")
    widths = SUMMARY_WIDTHS[profile.name]
    summary = table(
        document,
        widths,
        [
            "{{ labels.number }}", "{{ labels.task }}", "{{ labels.owner }}", "{{ labels.collaborators }}",
            "{{ labels.start }}", "{{ labels.end }}", "{{ labels.acceptance }}", "{{ labels.state }}",
        ],
    )  # fmt: skip
    add_row(summary, ["{%tr for g in task_groups %}"] + [""] * 7)
    merged_row(summary, "{{ g.heading }}", fill=GROUP_FILL, bold=True)
    add_row(summary, ["{%tr for t in g.tasks %}"] + [""] * 7)
    row = add_row(
        summary,
        [
            "{{ t.number }}", "", "{{ t.owner }}", "{{ t.collaborators }}",
            "{{ t.start_short }}", "{{ t.due_short }}", "{{ t.acceptance }}", "{{ t.status }}",
        ],
    )  # fmt: skip
    task_cell(row, 1, 9 if profile.name == "business" else 10.5)
    for index in (0, 4, 5, 7):
        row.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_row(summary, ["{%tr endfor %}"] + [""] * 7)
    add_row(summary, ["{%tr endfor %}"] + [""] * 7)
    merged_row(summary, "{%tr if not actions %}")
    merged_row(summary, "{{ labels.no_tasks }}")
    merged_row(summary, "{%tr endif %}")
    finish_table(summary, widths)

    paragraph(document, "{{ numbers.section[1] }}{{ labels.task_cards }}", "Heading 1")
    tag(document, "for t in actions")
    task_card(document, profile)
    tag(document, "endfor")
    tag(document, "if not actions")
    paragraph(document, "{{ labels.no_tasks }}", first_line=2)
    tag(document, "endif")
    return document


# --- saving --------------------------------------------------------------------

CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


def _with_lists(numbering: bytes, profile: Profile) -> bytes:
    """word/numbering.xml with the lists' abstractNum (after the others) and their w:num."""
    abstract, nums = list_numbering(profile)
    text = numbering.decode("utf-8")
    first_num = re.search(r"<w:num\b", text)
    at = first_num.start() if first_num else text.index("</w:numbering>")
    text = text[:at] + abstract + text[at:]
    text = text.replace("</w:numbering>", nums + "</w:numbering>")
    return text.encode("utf-8")


def save(document: Any, path: Path, profile: Profile | None = None) -> None:
    """Save with no theme font attribute left anywhere and fixed zip timestamps.

    With ``profile``, the document also gets the numbering of its lists (see
    :func:`list_numbering`) and a docProps/custom.xml, to which the renderer adds each
    task's notes lines.
    """
    buffer = io.BytesIO()
    document.core_properties.author = "minutes"
    if profile is not None:
        document.part.numbering_part  # noqa: B018 (creates word/numbering.xml if missing)
    document.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(
        output, "w", zipfile.ZIP_DEFLATED
    ) as target:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
        if profile is not None:
            members.append(("docProps/custom.xml", CUSTOM_PROPERTIES.encode("utf-8")))
        for name, data in members:
            if name.startswith("word/") and name.endswith(".xml"):
                data = ooxml.strip_theme_fonts(data)
            if name == "docProps/core.xml":
                data = b"".join(re.split(rb"<dcterms:(?:created|modified)[^<]*</dcterms:\w+>", data))
            if profile is not None and name == "word/numbering.xml":
                data = _with_lists(data, profile)
            if profile is not None and name == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    f'<Override PartName="/docProps/custom.xml" ContentType="{CUSTOM_CONTENT_TYPE}"/></Types>'.encode(),
                )
            if profile is not None and name == "_rels/.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdCustom" Type="{CUSTOM_RELATIONSHIP}" Target="docProps/custom.xml"/>'
                    "</Relationships>".encode(),
                )
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    # A batch build may be reading the template at this moment: never show it half-written.
    write_bytes_atomically(path, output.getvalue())


def main() -> None:
    out = ROOT / "word_templates"
    save(business_minutes(), out / "business" / "minutes.docx", BUSINESS)
    save(tasks_document(BUSINESS), out / "business" / "tasks.docx", BUSINESS)
    save(official_minutes(), out / "gbt9704" / "minutes.docx", GBT9704)
    save(tasks_document(GBT9704), out / "gbt9704" / "tasks.docx", GBT9704)
    __import__("make_templates_tw").main()  # word_templates/tw: Taiwan's 會議紀錄 (scripts/make_templates_tw.py)
    print(f"templates written to {out}")


if __name__ == "__main__":
    main()
