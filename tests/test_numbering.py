"""Numbered points are Word lists: w:numPr on each paragraph, a w:num per list restarting
at 1, no digits typed into the text, and LibreOffice shows them as 1. 2. …"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from pipeline.model import AgendaItem, Meeting
from renderers import render_documents
from tests.test_render_helpers import ROOT, convert_to_pdf, docx_part, q4_meeting

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROFILES = ("business", "gbt9704")


def meeting_with_lists() -> Meeting:
    meeting = q4_meeting(status="final")
    meeting.agenda.append(
        AgendaItem(
            title="物料与预算",
            discussion=["门店物料数量待销售部确认。", "线上投放预算按上季度的八成估算。", "海报尺寸沿用去年规格。"],
            resolutions=["预算上限五万元。", "物料清单下周一前定稿。"],
        )
    )
    meeting.risks.append("渠道商激励政策审批可能延后。")
    return meeting


def numbered_paragraphs(docx: bytes) -> list[tuple[str, int, str]]:
    """(numId, level, text) of every paragraph with w:numPr, in document order."""
    root = etree.fromstring(docx_part(docx, "word/document.xml").encode())
    found = []
    for p in root.iter(f"{W}p"):
        numpr = p.find(f"{W}pPr/{W}numPr")
        if numpr is not None:
            num_id = numpr.find(f"{W}numId").get(f"{W}val")
            level = int(numpr.find(f"{W}ilvl").get(f"{W}val"))
            found.append((num_id, level, "".join(t.text or "" for t in p.iter(f"{W}t"))))
    return found


def numbering(docx: bytes) -> etree._Element:
    return etree.fromstring(docx_part(docx, "word/numbering.xml").encode())


def level_of(docx: bytes, num_id: str, level: int) -> etree._Element:
    """The w:lvl a paragraph of list ``num_id`` at ``level`` gets its number from."""
    root = numbering(docx)
    num = root.find(f"{W}num[@{W}numId='{num_id}']")
    abstract = num.find(f"{W}abstractNumId").get(f"{W}val")
    found = root.find(f"{W}abstractNum[@{W}abstractNumId='{abstract}']/{W}lvl[@{W}ilvl='{level}']")
    assert found is not None
    return found


def restarts(docx: bytes, num_id: str, level: int) -> bool:
    num = numbering(docx).find(f"{W}num[@{W}numId='{num_id}']")
    override = num.find(f"{W}lvlOverride[@{W}ilvl='{level}']/{W}startOverride")
    return override is not None and override.get(f"{W}val") == "1"


@pytest.mark.parametrize("profile", PROFILES)
def test_points_carry_numpr_and_restart_for_each_list(profile: str) -> None:
    docx = render_documents(meeting_with_lists(), profile)["minutes"]
    numbered = numbered_paragraphs(docx)
    points = [(num_id, text) for num_id, level, text in numbered if level == 1]
    texts = [text for _, text in points]
    for point in ("门店物料数量待销售部确认。", "预算上限五万元。", "物料清单下周一前定稿。", "渠道商激励政策审批可能延后。"):
        assert point in texts, point
    # no digits typed before the text any more
    assert not [t for t in texts if re.match(r"\s*(\d+[.、．]|（\d+）|\(\d+\))", t)]
    # every point is "1." style decimal
    for num_id, _ in points:
        level = level_of(docx, num_id, 1)
        assert level.find(f"{W}numFmt").get(f"{W}val") == "decimal"
        assert level.find(f"{W}lvlText").get(f"{W}val") == "%2."
    # the points of each part follow that part's heading, a level-0 paragraph of the same
    # list that shows no number: each part's points start again at 1
    for first in ("门店物料数量待销售部确认。", "预算上限五万元。"):
        at = next(i for i, (_, level, text) in enumerate(numbered) if text == first)
        heading_id, heading_level, heading = numbered[at - 1]
        assert heading_level == 0 and heading_id == numbered[at][0], heading
        assert level_of(docx, heading_id, 0).find(f"{W}numFmt").get(f"{W}val") == "none"
    # the risks are a list of their own, starting at 1
    risk_ids = {num_id for num_id, text in points if text.startswith(("若产品", "渠道商激励政策"))}
    assert len(risk_ids) == 1
    (risk_id,) = risk_ids
    assert restarts(docx, risk_id, 1)
    assert risk_id != numbered[0][0]


def test_business_lists_hang_their_text_after_the_number() -> None:
    docx = render_documents(meeting_with_lists(), "business")["minutes"]
    num_id = next(num_id for num_id, level, _ in numbered_paragraphs(docx) if level == 1)
    indent = level_of(docx, num_id, 1).find(f"{W}pPr/{W}ind")
    assert int(indent.get(f"{W}hanging")) > 0 and int(indent.get(f"{W}left")) == int(indent.get(f"{W}hanging")) + 480


def test_gbt9704_lists_follow_the_official_style() -> None:
    """1. at the two-character first-line indent, the text right after it, wrapped lines flush left;
    （1） one level down."""
    docx = render_documents(meeting_with_lists(), "gbt9704")["minutes"]
    num_id = next(num_id for num_id, level, _ in numbered_paragraphs(docx) if level == 1)
    level = level_of(docx, num_id, 1)
    assert level.find(f"{W}suff").get(f"{W}val") == "nothing"
    indent = level.find(f"{W}pPr/{W}ind")
    assert indent.get(f"{W}firstLineChars") == "200" and indent.get(f"{W}left") == "0"
    assert level_of(docx, num_id, 2).find(f"{W}lvlText").get(f"{W}val") == "（%3）"


def test_the_work_plan_of_gbt9704_is_a_list_too() -> None:
    docx = render_documents(q4_meeting(), "gbt9704")["minutes"]
    plan = [(num_id, text) for num_id, level, text in numbered_paragraphs(docx) if text.startswith("提交渠道商激励方案初稿（")]
    assert plan and restarts(docx, plan[0][0], 1)


@pytest.mark.parametrize("profile", PROFILES)
def test_the_templates_stay_valid_word_files(profile: str) -> None:
    """Every number is fixed in the template: Word opens and edits the template itself."""
    audit = pytest.importorskip("openxml_audit")
    validator = audit.OpenXmlValidator(file_format=audit.FileFormat.OFFICE_2019, max_errors=0)
    for kind in ("minutes", "tasks"):
        result = validator.validate(ROOT / "word_templates" / profile / f"{kind}.docx")
        errors = [
            f"{e.part_uri} {e.path}: {e.description}"
            for e in result.errors
            if e.part_uri in ("/word/document.xml", "/word/numbering.xml", "/docProps/custom.xml")
        ]
        assert not errors, errors


@pytest.mark.parametrize("profile", PROFILES)
def test_libreoffice_numbers_each_list_from_one(profile: str, tmp_path: Path) -> None:
    docx = tmp_path / f"{profile}.docx"
    docx.write_bytes(render_documents(meeting_with_lists(), profile)["minutes"])
    (pdf,) = convert_to_pdf([docx], tmp_path, tmp_path / "lo")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert "1.门店物料数量待销售部确认。" in flat
    assert "2.线上投放预算按上季度的八成估算。" in flat
    assert "3.海报尺寸沿用去年规格。" in flat
    # the resolutions after them start again at 1
    assert "1.预算上限五万元。" in flat and "2.物料清单下周一前定稿。" in flat
    assert "4.预算上限" not in flat
