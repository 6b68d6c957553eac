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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
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


# --- the minutes ---------------------------------------------------------------


def business_minutes() -> Any:
    profile = BUSINESS
    document = new_document(profile)
    section = document.sections[0]
    status_header(section)
    page_x_of_y_footer(section)
    width = text_width_mm(profile)

    paragraph(document, "{{ doc.minutes_title }}", "Title")

    paragraph(document, "{{ numbers.section[0] }}{{ labels.basic_info }}", "Heading 1")
    widths = [32, width - 32]
    info = table(document, widths)
    for label, value in (
        ("meeting_name", "meeting.title"),
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
    paragraph(document, "{{ s.label }}{{ labels.colon }}", bold=True)
    tag(document, "for e in s.numbered_entries")
    paragraph(document, "{{ e }}", first_line=2)
    tag(document, "endfor")
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
    widths = scale([10, 27, 19, 21, 21, 30, 19, 13], width)
    actions = table(
        document,
        widths,
        [
            "{{ labels.number }}", "{{ labels.action }}", "{{ labels.department }}", "{{ labels.owner }}",
            "{{ labels.due }}", "{{ labels.acceptance }}", "{{ labels.status }}", "{{ labels.remarks }}",
        ],
    )  # fmt: skip
    add_row(actions, ["{%tr for a in actions %}"] + [""] * 7)
    row = add_row(
        actions,
        [
            "{{ a.number }}", "{{ a.id_task }}", "{{ a.department }}", "{{ a.owner }}",
            "{{ a.due_short }}", "{{ a.acceptance }}", "{{ a.status }}", "{{ a.notes }}",
        ],
    )  # fmt: skip
    for index in (0, 4, 6):
        row.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_row(actions, ["{%tr endfor %}"] + [""] * 7)
    merged_row(actions, "{%tr if not actions %}")
    merged_row(actions, "{{ labels.none }}")
    merged_row(actions, "{%tr endif %}")
    finish_table(actions, widths)

    paragraph(document, "{{ numbers.section[4] }}{{ labels.risks }}", "Heading 1")
    tag(document, "for r in meeting.risks")
    paragraph(document, "{{ loop.index }}. {{ r }}", first_line=2)
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
    paragraph(document, "{{ loop.index }}. {{ x }}", first_line=2)
    tag(document, "endfor")
    tag(document, "if not meeting.attachments")
    paragraph(document, "{{ labels.none }}", first_line=2)
    tag(document, "endif")
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

    paragraph(document, "{{ doc.minutes_title }}", "Title")
    tag(document, "if meeting.date")
    paragraph(document, "{{ meeting.date_line }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    tag(document, "endif")
    paragraph(document)
    paragraph(document, "{{ meeting.intro }}", first_line=2)

    tag(document, "for item in agenda")
    para = paragraph(document, "{{ item.official_heading }}", "Heading 1")
    indent(para, first_line=2)
    tag(document, "for s in item.sections")
    para = paragraph(document, "{{ s.heading }}", "Heading 2")
    indent(para, first_line=2)
    tag(document, "for e in s.numbered_entries")
    paragraph(document, "{{ e }}", first_line=2)
    tag(document, "endfor")
    tag(document, "endfor")
    tag(document, "endfor")

    tag(document, "if actions")
    para = paragraph(document, "{{ doc.work_plan_heading }}", "Heading 1")
    indent(para, first_line=2)
    tag(document, "for a in actions")
    paragraph(document, "{{ a.sentence }}", first_line=2)
    tag(document, "endfor")
    tag(document, "endif")

    tag(document, "if meeting.risks")
    para = paragraph(document, "{{ labels.risks }}{{ labels.colon }}", font=KAI, first_line=2)
    tag(document, "for r in meeting.risks")
    paragraph(document, "{{ loop.index }}. {{ r }}", first_line=2)
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
    return document


# --- the task assignment document ------------------------------------------------


def tasks_document(profile: Profile) -> Any:
    document = new_document(profile)
    section = document.sections[0]
    status_header(section)
    if profile.name == "gbt9704":
        status_header(section, even=True)
        official_page_footers(document, section)
    else:
        page_x_of_y_footer(section)
    width = text_width_mm(profile)
    table_pt = profile.table_pt

    paragraph(document, "{{ doc.tasks_title }}", "Title")
    para = paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER)
    add_run(para, "{{ labels.meeting }}{{ labels.colon }}{{ meeting.title }}", size=table_pt)
    add_run(para, "{% if meeting.date %}　{{ labels.date }}{{ labels.colon }}{{ meeting.date }}{% endif %}", size=table_pt)
    add_run(para, "{% if meeting.recorder %}　{{ labels.recorder }}{{ labels.colon }}{{ meeting.recorder }}{% endif %}", size=table_pt)

    paragraph(document, "{{ numbers.section[0] }}{{ labels.task_summary }}", "Heading 1")
    widths = scale([10, 27, 18, 18, 21, 21, 29, 16], width)
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
            "{{ t.number }}", "{{ t.id_task }}", "{{ t.owner }}", "{{ t.collaborators }}",
            "{{ t.start_short }}", "{{ t.due_short }}", "{{ t.acceptance }}", "{{ t.status }}",
        ],
    )  # fmt: skip
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
    paragraph(document, "{{ t.heading }}", "Heading 2")
    widths = [38, width - 38]
    card = table(document, widths)
    for heading, rows in (
        ("basic_task_info", [("task_name", "t.task"), ("project", "t.project"), ("task_description", "t.description")]),
        (
            "responsibility",
            [
                ("department", "t.department"),
                ("owner", "t.owner"),
                ("collab_department", "t.collab_departments"),
                ("collab_person", "t.collab_people"),
            ],
        ),
        (
            "timeline",
            [("planned_start", "t.start"), ("planned_end", "t.due"), ("milestones", "t.milestones_text")],
        ),
        (
            "tracking",
            [
                ("resources", "t.resources_text"),
                ("acceptance_notes", "t.acceptance_notes"),
                ("progress", "t.progress_text"),
                ("task_risks", "t.risks_text"),
                ("status", "t.status"),
                ("source_line", "t.source"),
            ],
        ),
    ):
        merged_row(card, var("labels." + heading), fill=GROUP_FILL, bold=True)
        for label, value in rows:
            add_row(card, [var("labels." + label), var(value)], label_fill_first=True)
    finish_table(card, widths)
    keep_on_one_page(card)
    paragraph(document)
    tag(document, "endfor")
    tag(document, "if not actions")
    paragraph(document, "{{ labels.no_tasks }}", first_line=2)
    tag(document, "endif")
    return document


# --- saving --------------------------------------------------------------------


def save(document: Any, path: Path) -> None:
    """Save with no theme font attribute left anywhere and fixed zip timestamps."""
    buffer = io.BytesIO()
    document.core_properties.author = "minutes"
    document.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(
        output, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                data = ooxml.strip_theme_fonts(data)
            if info.filename == "docProps/core.xml":
                data = b"".join(
                    re.split(rb"<dcterms:(?:created|modified)[^<]*</dcterms:\w+>", data)
                )
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    # A batch build may be reading the template at this moment: never show it half-written.
    write_bytes_atomically(path, output.getvalue())


def main() -> None:
    out = ROOT / "word_templates"
    save(business_minutes(), out / "business" / "minutes.docx")
    save(tasks_document(BUSINESS), out / "business" / "tasks.docx")
    save(official_minutes(), out / "gbt9704" / "minutes.docx")
    save(tasks_document(GBT9704), out / "gbt9704" / "tasks.docx")
    __import__("make_templates_tw").main()  # word_templates/tw: Taiwan's 會議紀錄 (scripts/make_templates_tw.py)
    print(f"templates written to {out}")


if __name__ == "__main__":
    main()
