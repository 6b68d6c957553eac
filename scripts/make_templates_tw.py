"""Generate the templates of the tw profile: Taiwan's 會議紀錄 and its 工作分配表.

    .venv/bin/python scripts/make_templates_tw.py

(also run by scripts/make_templates.py). Writes word_templates/tw/{minutes,tasks}.docx.

The minutes follow the layout Taiwan's government manuals give a 會議紀錄: the title
``<名稱>會議紀錄``, then numbered lines 一、開會事由 … 時間 (中華民國 date) … 地點 …
主席 / 紀錄 … 出席者 … 列席者 … 請假者 … 缺席者, the chair's address, 報告事項,
討論事項 and 臨時動議 with their cases (案由, 說明, 決定 / 決議), a 交辦事項 table and
散會. Body in 標楷體, tables in 新細明體, A4, 第 X 頁，共 Y 頁 in the footer. Every
fixed word comes from ``tw.labels`` (Traditional whatever the notes' language) and
every number and line from ``tw.*`` in the render context (word_templates/VARIABLES.md),
so a line the notes give no value for is simply not there.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_templates import (
    GROUP_FILL,
    ROOT,
    Profile,
    add_row,
    add_run,
    finish_table,
    indent,
    merged_row,
    new_document,
    paragraph,
    save,
    scale,
    style_font,
    table,
    tag,
    text_width_mm,
    var,
)

from renderers import ooxml

BIAOKAI = "標楷體"
MINGLIU = "新細明體"

TW = Profile(
    name="tw",
    margins_mm=(25, 20, 25, 20),
    body_font=BIAOKAI,
    body_pt=14,
    title_font=BIAOKAI,
    title_pt=18,
    heading1_font=BIAOKAI,
    heading2_font=BIAOKAI,
    heading_pt=(14, 14),
    table_font=MINGLIU,
    table_pt=12,
    exact_line_twips=None,
    line_multiple=1.25,
)


def tw_document(landscape: bool = False) -> Any:
    document = new_document(TW)
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin = section.right_margin = Mm(20)
    styles = document.styles
    ooxml.set_east_asian_language(styles, "zh-TW")
    title = styles["Title"].paragraph_format
    title.space_after = Pt(12)
    for level in (1, 2):
        heading = styles[f"Heading {level}"]
        style_font(heading, BIAOKAI, TW.heading_pt[level - 1], bold=level == 2)
        heading.paragraph_format.space_before = Pt(6 if level == 1 else 3)
        heading.paragraph_format.space_after = Pt(0 if level == 1 else 3)
        heading.paragraph_format.line_spacing = TW.line_multiple
    for name in ("Header", "Footer"):
        style_font(styles[name], MINGLIU, 10)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(header, "{% if doc.is_draft %}{{ tw.labels.draft }}{% endif %}", bold=True)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ tw.labels.page_before }}")
    ooxml.add_field(footer, "PAGE")
    footer.add_run("{{ tw.labels.page_between }}")
    ooxml.add_field(footer, "NUMPAGES")
    footer.add_run("{{ tw.labels.page_after }}")
    return document


def hanging(document: Any, text: str, left: int, hang: int) -> Any:
    """A paragraph whose wrapped lines start ``hang`` characters in from its first."""
    para = paragraph(document, text)
    indent(para, left=left, hanging=hang)
    return para


def no_wrap(cell: Any) -> None:
    """w:noWrap: the cell's text (a date) stays on one line."""
    tcpr = cell._tc.get_or_add_tcPr()
    if tcpr.find(qn("w:noWrap")) is not None:
        return
    element = OxmlElement("w:noWrap")
    successor = next(
        (tcpr.find(qn(t)) for t in ("w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
         if tcpr.find(qn(t)) is not None),
        None,
    )
    if successor is not None:
        successor.addprevious(element)
    else:
        tcpr.append(element)


def blocks(document: Any, name: str) -> None:
    """Numbered lines such as 一、時間：… (wrapped lines under the label) with their
    entries （一）… beneath; the 主席 line carries 紀錄 after a tab."""
    tag(document, f"for b in {name}")
    para = hanging(document, "{{ b.heading }}{{ b.text }}", left=2, hang=2)
    add_run(para, "{% if b.second %}")
    para.add_run().add_tab()
    add_run(para, "{{ b.second }}{% endif %}")
    para.paragraph_format.tab_stops.add_tab_stop(Mm(95), WD_TAB_ALIGNMENT.LEFT)
    tag(document, "for e in b.entries")
    hanging(document, "{{ e }}", left=5, hang=3)
    tag(document, "endfor")
    tag(document, "endfor")


def minutes() -> Any:
    document = tw_document()
    width = text_width_mm(TW)
    paragraph(document, "{{ tw.minutes_title }}", "Title")

    blocks(document, "tw.head")
    blocks(document, "tw.opening")

    tag(document, "for p in tw.parts")
    paragraph(document, "{{ p.heading }}", "Heading 1")
    tag(document, "for it in p.cases")
    tag(document, "if it.number")
    para = paragraph(document, "{{ it.number }}", bold=True)
    indent(para, left=2)
    para.paragraph_format.keep_with_next = True
    tag(document, "endif")
    tag(document, "for f in it.fields")
    tag(document, "if f.label or f.text")
    hanging(document, "{% if f.label %}{{ f.label }}{{ tw.labels.colon }}{% endif %}{{ f.text }}", left=5, hang=3)
    tag(document, "endif")
    tag(document, "for e in f.entries")
    tag(document, "if f.label")
    hanging(document, "{{ e }}", left=7, hang=2)
    tag(document, "else")
    hanging(document, "{{ e }}", left=4, hang=2)  # a part's own text: under the part, as 決定 is
    tag(document, "endif")
    tag(document, "endfor")
    tag(document, "endfor")
    tag(document, "endfor")
    tag(document, "endfor")

    blocks(document, "tw.closing")

    tag(document, "if tw.actions")
    para = hanging(document, "{{ tw.assignments.heading }}", left=2, hang=2)
    para.paragraph_format.keep_with_next = True
    widths = scale([12, 86, 42, 25], width - 4)
    labels = ["number", "work_item", "responsible", "deadline"]
    tasks = table(document, widths, [var("tw.labels." + label) for label in labels])
    add_row(tasks, ["{%tr for a in tw.actions %}", "", "", ""])
    row = add_row(tasks, ["{{ a.number }}", "{{ a.id_task }}", "{{ a.responsible }}", "{{ a.due_short }}"])
    for index in (0, 3):
        row.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    no_wrap(row.cells[3])
    add_row(tasks, ["{%tr endfor %}", "", "", ""])
    finish_table(tasks, widths)
    tag(document, "endif")

    tag(document, "if tw.adjourn.text")
    para = hanging(document, "{{ tw.adjourn.heading }}{{ tw.adjourn.text }}", left=2, hang=2)
    para.paragraph_format.space_before = Pt(6)
    tag(document, "endif")

    tag(document, "if tw.attachments")
    paragraph(document)
    para = paragraph(document, "{{ tw.labels.attachments }}{{ tw.labels.colon }}")
    para.paragraph_format.keep_with_next = True
    tag(document, "for x in tw.attachments")
    hanging(document, "{{ x }}", left=4, hang=2)
    tag(document, "endfor")
    tag(document, "endif")
    return document


def tasks() -> Any:
    document = tw_document(landscape=True)
    width = 297 - 40
    size = TW.table_pt

    paragraph(document, "{{ tw.tasks_title }}", "Title")
    para = paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER)
    colon = "{{ tw.labels.colon }}"
    add_run(para, "{% if meeting.title %}{{ tw.labels.meeting }}" + colon + "{{ meeting.title }}{% endif %}", size=size)
    add_run(para, "{% if tw.date %}　{{ tw.labels.date }}" + colon + "{{ tw.date }}{% endif %}", size=size)
    add_run(para, "{% if tw.recorder %}　{{ tw.labels.recorder }}" + colon + "{{ tw.recorder }}{% endif %}", size=size)

    paragraph(document, "一、{{ tw.labels.task_summary }}", "Heading 1")
    labels = ["number", "task_name", "department", "owner", "collaborators", "start", "due", "acceptance", "status"]
    widths = scale([12, 56, 24, 24, 26, 24, 24, 47, 20], width)
    summary = table(document, widths, [var("tw.labels." + label) for label in labels])
    blank = [""] * (len(labels) - 1)
    add_row(summary, ["{%tr for g in tw.task_groups %}", *blank])
    merged_row(summary, "{{ g.heading }}", fill=GROUP_FILL, bold=True)
    add_row(summary, ["{%tr for t in g.tasks %}", *blank])
    row = add_row(
        summary,
        [
            "{{ t.number }}", "{{ t.id_task }}", "{{ t.department }}", "{{ t.owner }}", "{{ t.collaborators }}",
            "{{ t.start_short }}", "{{ t.due_short }}", "{{ t.acceptance }}", "{{ t.status }}",
        ],
    )  # fmt: skip
    for index in (0, 5, 6, 8):
        row.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index in (5, 6):
        no_wrap(row.cells[index])
    add_row(summary, ["{%tr endfor %}", *blank])
    add_row(summary, ["{%tr endfor %}", *blank])
    merged_row(summary, "{%tr if not tw.actions %}")
    merged_row(summary, "{{ tw.labels.no_tasks }}")
    merged_row(summary, "{%tr endif %}")
    finish_table(summary, widths)

    paragraph(document, "二、{{ tw.labels.task_cards }}", "Heading 1")
    tag(document, "for t in tw.actions")
    paragraph(document, "{{ t.heading }}", "Heading 2")
    widths = [46, width - 46]
    card = table(document, widths)
    add_row(card, ["{%tr for r in t.card_rows %}", ""])
    add_row(card, ["{{ r.label }}", "{{ r.value }}"], label_fill_first=True)
    add_row(card, ["{%tr endfor %}", ""])
    finish_table(card, widths)
    paragraph(document)
    tag(document, "endfor")
    tag(document, "if not tw.actions")
    paragraph(document, "{{ tw.labels.no_tasks }}", first_line=2)
    tag(document, "endif")
    return document


def main() -> None:
    out = ROOT / "word_templates" / "tw"
    save(minutes(), out / "minutes.docx")
    save(tasks(), out / "tasks.docx")
    print(f"tw templates written to {out}")


if __name__ == "__main__":
    main()
