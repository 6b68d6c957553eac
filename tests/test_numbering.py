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
from tests.test_render_helpers import convert_to_pdf, docx_part, q4_meeting

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


def numbered_paragraphs(docx: bytes) -> list[tuple[str, str]]:
    """(numId, text) of every paragraph with w:numPr, in document order."""
    root = etree.fromstring(docx_part(docx, "word/document.xml").encode())
    found = []
    for p in root.iter(f"{W}p"):
        num_id = p.find(f"{W}pPr/{W}numPr/{W}numId")
        if num_id is not None:
            found.append((num_id.get(f"{W}val"), "".join(t.text or "" for t in p.iter(f"{W}t"))))
    return found


def num_definitions(docx: bytes) -> dict[str, tuple[str, str | None]]:
    """numId → (abstractNumId, its level-0 startOverride)."""
    root = etree.fromstring(docx_part(docx, "word/numbering.xml").encode())
    out = {}
    for num in root.iter(f"{W}num"):
        start = num.find(f"{W}lvlOverride/{W}startOverride")
        abstract = num.find(f"{W}abstractNumId")
        out[num.get(f"{W}numId")] = (
            abstract.get(f"{W}val"),
            start.get(f"{W}val") if start is not None else None,
        )
    return out


def abstract_level(docx: bytes, abstract_id: str) -> etree._Element:
    root = etree.fromstring(docx_part(docx, "word/numbering.xml").encode())
    for abstract in root.iter(f"{W}abstractNum"):
        if abstract.get(f"{W}abstractNumId") == abstract_id:
            return abstract.find(f"{W}lvl[@{W}ilvl='0']")
    raise AssertionError(f"no abstractNum {abstract_id}")


@pytest.mark.parametrize("profile", PROFILES)
def test_points_carry_numpr_and_restart_for_each_list(profile: str) -> None:
    docx = render_documents(meeting_with_lists(), profile)["minutes"]
    numbered = numbered_paragraphs(docx)
    texts = [text for _, text in numbered]
    # every point of a part with several: 2 + 3 discussion points, 2 resolutions, the 2 risks
    for point in ("门店物料数量待销售部确认。", "预算上限五万元。", "物料清单下周一前定稿。", "渠道商激励政策审批可能延后。"):
        assert point in texts, point
    # no digits typed before the text any more
    assert not [t for t in texts if re.match(r"\s*(\d+[.、．]|（\d+）|\(\d+\))", t)]
    # one list per part: the discussion of item 1, of item 3, the resolutions of item 3 …
    lists: dict[str, list[str]] = {}
    for num_id, text in numbered:
        lists.setdefault(num_id, []).append(text)
    discussion_1 = next(k for k, v in lists.items() if "王经理介绍活动核心目标" in v[0])
    discussion_3 = next(k for k, v in lists.items() if v[0] == "门店物料数量待销售部确认。")
    resolutions_3 = next(k for k, v in lists.items() if v[0] == "预算上限五万元。")
    assert len({discussion_1, discussion_3, resolutions_3}) == 3
    assert len(lists[discussion_3]) == 3 and len(lists[resolutions_3]) == 2
    # each list's w:num restarts at 1 and uses one decimal definition
    definitions = num_definitions(docx)
    for num_id in lists:
        abstract, start = definitions[num_id]
        assert start == "1", num_id
        level = abstract_level(docx, abstract)
        assert level.find(f"{W}numFmt").get(f"{W}val") == "decimal"
        assert level.find(f"{W}lvlText").get(f"{W}val") == "%1."


def test_business_lists_hang_their_text_after_the_number() -> None:
    docx = render_documents(meeting_with_lists(), "business")["minutes"]
    num_id = numbered_paragraphs(docx)[0][0]
    indent = abstract_level(docx, num_definitions(docx)[num_id][0]).find(f"{W}pPr/{W}ind")
    assert int(indent.get(f"{W}hanging")) > 0 and int(indent.get(f"{W}left")) == int(indent.get(f"{W}hanging")) + 480


def test_gbt9704_lists_follow_the_official_style() -> None:
    """1. at the two-character first-line indent, the text right after it, wrapped lines flush left;
    （1） one level down."""
    docx = render_documents(meeting_with_lists(), "gbt9704")["minutes"]
    num_id = numbered_paragraphs(docx)[0][0]
    abstract = num_definitions(docx)[num_id][0]
    level = abstract_level(docx, abstract)
    assert level.find(f"{W}suff").get(f"{W}val") == "nothing"
    indent = level.find(f"{W}pPr/{W}ind")
    assert indent.get(f"{W}firstLineChars") == "200" and indent.get(f"{W}left") == "0"
    root = etree.fromstring(docx_part(docx, "word/numbering.xml").encode())
    second = root.find(f".//{W}abstractNum[@{W}abstractNumId='{abstract}']/{W}lvl[@{W}ilvl='1']/{W}lvlText")
    assert second.get(f"{W}val") == "（%2）"


def test_the_work_plan_of_gbt9704_is_a_list_too() -> None:
    docx = render_documents(q4_meeting(), "gbt9704")["minutes"]
    texts = [text for _, text in numbered_paragraphs(docx)]
    assert any(t.startswith("提交渠道商激励方案初稿（") for t in texts)


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
