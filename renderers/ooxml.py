"""Every piece of raw OOXML the project writes, in one place, with plain names.

python-docx covers paragraphs, runs and tables; what it does not cover (East
Asian fonts, fields, repeating table headers, rows that must not split, the
document grid of GB/T 9704, even-page footers, cell shading) is done here.
The template generator uses the element helpers; what the renderer does to
every template it loads, including a company's own (theme fonts, document
defaults, fonts and language tags by script, leftovers of the template's
maker), is in renderers/docx_hygiene.py.
"""

from __future__ import annotations

import re
from typing import Any


def qn(tag: str) -> str:
    """``w:rFonts`` → Clark notation; python-docx is imported only by the helpers
    that edit elements (the template generator), not by every build."""
    from docx.oxml.ns import qn as clark

    return str(clark(tag))


def OxmlElement(tag: str) -> Any:  # python-docx's name
    from docx.oxml import OxmlElement as element

    return element(tag)


THEME_FONT_ATTRIBUTE = re.compile(rb'\s+w:(?:ascii|eastAsia|hAnsi|cs)Theme="[^"]*"')
LATIN_FONT = "Times New Roman"

MM_PER_INCH = 25.4
TWIPS_PER_POINT = 20


def mm_to_twips(mm: float) -> float:
    return mm / MM_PER_INCH * 72 * TWIPS_PER_POINT


# --- fonts -----------------------------------------------------------------


def set_fonts(rpr: Any, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the East Asian font (w:eastAsia) and the Latin font of a w:rPr; no theme fonts."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def strip_theme_fonts(xml: bytes) -> bytes:
    """Drop w:asciiTheme / w:eastAsiaTheme / w:hAnsiTheme / w:cstheme: they override w:eastAsia."""
    return THEME_FONT_ATTRIBUTE.sub(b"", xml).replace(b' w:cstheme="minorBidi"', b"")


# --- paragraphs ------------------------------------------------------------


def indent_in_chars(
    paragraph: Any,
    char_pt: float,
    first_line: int = 0,
    left: int = 0,
    hanging: int = 0,
    right: int = 0,
) -> None:
    """Indents counted in characters (w:firstLineChars=200 is two characters), as Chinese Word does.

    The same indent is also given in twips for ``char_pt``-sized characters:
    Word and WPS use the *Chars values, older LibreOffice only the twips.
    """
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    for name, chars in (
        ("firstLine", first_line),
        ("left", left),
        ("hanging", hanging),
        ("right", right),
    ):
        if chars:
            ind.set(qn(f"w:{name}"), str(round(chars * char_pt * TWIPS_PER_POINT)))
            ind.set(qn(f"w:{name}Chars"), str(chars * 100))


def _child(parent: Any, tag: str, before: str) -> Any:
    """``parent``'s ``tag`` child, created where the schema wants it (ahead of ``before``)."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        successor = parent.find(qn(before))
        if successor is not None:
            successor.addprevious(element)
        else:
            parent.append(element)
    return element


def keep_off_grid(style_or_paragraph_ppr: Any) -> None:
    """w:snapToGrid=0: a title larger than the grid pitch is laid out by its own size."""
    snap = _child(style_or_paragraph_ppr, "w:snapToGrid", before="w:spacing")
    snap.set(qn("w:val"), "0")


def condense_characters(rpr: Any, twentieths_of_point: int) -> None:
    """w:spacing on a run: narrows each character, e.g. so that 28 characters of a
    16 pt face fit GB/T 9704's 156 mm text width (16 pt × 28 is 448 pt, the width 442 pt)."""
    spacing = _child(rpr, "w:spacing", before="w:sz")
    spacing.set(qn("w:val"), str(twentieths_of_point))


def set_east_asian_language(styles: Any, language: str = "zh-CN") -> None:
    """docDefaults w:lang eastAsia: Chinese line breaking and punctuation rules in Word."""
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), language)


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> Any:
    """A Word field (PAGE, NUMPAGES …) as begin / instrText / separate / result / end runs."""
    runs = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        elif kind == "result":
            run.text = placeholder
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        runs.append(run)
    return runs


# --- tables ----------------------------------------------------------------


def _trpr(row: Any) -> Any:
    return row._tr.get_or_add_trPr()


def keep_row_together(row: Any) -> None:
    """w:cantSplit: a row never breaks across pages."""
    trpr = _trpr(row)
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.append(OxmlElement("w:cantSplit"))


def repeat_as_header(row: Any) -> None:
    """w:tblHeader: the row repeats at the top of every page the table runs onto."""
    keep_row_together(row)
    trpr = _trpr(row)
    if trpr.find(qn("w:tblHeader")) is None:
        trpr.append(OxmlElement("w:tblHeader"))


def shade_cell(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.append(shading)


def fix_table_layout(table: Any, widths_mm: list[float]) -> None:
    """Fixed column widths (w:tblLayout fixed, w:tblGrid and every w:tcW), centred on the page."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    table.autofit = False  # w:tblLayout fixed
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tblpr = table._tbl.tblPr
    total = tblpr.find(qn("w:tblW"))
    if total is None:
        total = OxmlElement("w:tblW")
        tblpr.find(qn("w:jc")).addprevious(total)
    total.set(qn("w:w"), str(round(sum(mm_to_twips(w) for w in widths_mm))))
    total.set(qn("w:type"), "dxa")
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=False):
        col.set(qn("w:w"), str(round(mm_to_twips(width))))
    for row in table.rows:
        for tc, width in zip(row._tr.tc_lst, widths_mm, strict=False):
            tcw = tc.get_or_add_tcPr().get_or_add_tcW()
            tcw.type = "dxa"
            tcw.w = round(mm_to_twips(width))


def narrow_cell_margins(table: Any, mm: float) -> None:
    """w:tblCellMar left/right: narrower padding so dates and names fit their columns."""
    tblpr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(mm_to_twips(mm))))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tblpr.append(margins)


def center_cells_vertically(table: Any) -> None:
    for row in table.rows:
        for tc in row._tr.tc_lst:
            valign = OxmlElement("w:vAlign")
            valign.set(qn("w:val"), "center")
            tc.get_or_add_tcPr().append(valign)


# --- sections and settings -------------------------------------------------


def set_document_grid(section: Any, lines_per_page: int) -> None:
    """w:docGrid of type "lines": exactly N lines in the text area (GB/T 9704: 22).

    The 28 characters a line comes from the body font condensed to fit the
    text width (see :func:`condense_characters`), not from a character grid
    (``linesAndChars``): LibreOffice breaks lines early on a character grid
    wherever Latin and Chinese text mix, while Word and WPS lay both out alike.
    """
    height_twips = section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
    sectpr = section._sectPr
    grid = sectpr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sectpr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(height_twips / lines_per_page)))
    if grid.get(qn("w:charSpace")) is not None:
        del grid.attrib[qn("w:charSpace")]


def use_even_and_odd_footers(document: Any) -> None:
    """w:evenAndOddHeaders in settings.xml: even pages get their own footer."""
    document.settings.odd_and_even_pages_header_footer = True
