"""The task cards of the task document: compact, whole, several to a page.

A card shows its task's id and only the rows that have a value, except the fields the
practice's templates require (任务名称, 负责人, 截止日期, 完成标准), which read 未填写 when
missing. The notes' line is not printed for the recipient; it is kept in the document's
custom properties (docProps/custom.xml), where tools read it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from pipeline.model import Meeting
from renderers import render_documents
from tests.test_render_helpers import (
    convert_to_pdf,
    docx_part,
    docx_text,
    english_meeting,
    q4_meeting,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROFILES = ("business", "gbt9704")


def with_ids(meeting: Meeting) -> Meeting:
    for number, item in enumerate(meeting.action_items, 1):
        item.id = f"2023-10-25-{number}"
    return meeting


def cards(docx: bytes) -> list[list[tuple[str, str]]]:
    """Each card as its rows' (label, value) cells; the title row is ('任务 N', '')."""
    root = etree.fromstring(docx_part(docx, "word/document.xml").encode())
    found = []
    for table in root.iter(f"{W}tbl"):
        rows = []
        for tr in table.iter(f"{W}tr"):
            cells = ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.iter(f"{W}tc")]
            rows.append((cells[0], cells[1] if len(cells) > 1 else ""))
        if rows and re.fullmatch(r"(任务|任務|Task) \d+", rows[0][0]):
            found.append(rows)
    return found


@pytest.mark.parametrize("profile", PROFILES)
def test_a_card_leaves_out_empty_rows_and_marks_missing_required_ones(profile: str) -> None:
    docx = render_documents(with_ids(q4_meeting()), profile)["tasks"]
    all_cards = cards(docx)
    assert len(all_cards) == 5
    sparse = dict(all_cards[4][1:])  # 确认最终功能列表: no owner, a due date as written, nothing else
    assert sparse == {
        "任务编号": "2023-10-25-5",
        "任务名称": "确认最终功能列表",
        "所属项目": "Q4营销活动筹备",
        "负责人": "【未填写】",
        "计划完成时间": "下周五",
        "完成标准": "【未填写】",
        "当前状态": "未开始",
    }
    full = dict(all_cards[1][1:])  # every field given: every row there, none marked missing
    for label in ("任务描述", "负责部门", "协同部门", "协同人", "计划开始时间", "里程碑节点", "所需资源与支持", "备注", "进度更新", "风险点"):
        assert full.get(label), label
    assert "【未填写】" not in full.values()
    assert all_cards[1][0][0] == "任务 2"


def test_missing_marks_in_traditional_and_english() -> None:
    hant = cards(render_documents(q4_meeting(language="zh-Hant"), "business")["tasks"])
    assert dict(hant[4][1:])["完成標準"] == "【未填寫】"
    meeting = english_meeting()
    meeting.action_items[0].acceptance = None
    (card,) = cards(render_documents(meeting, "business")["tasks"])
    assert dict(card[1:])["Done when"] == "[not given]"
    assert "Task ID" not in dict(card[1:])  # no id, no row for it


@pytest.mark.parametrize("profile", PROFILES)
def test_no_source_line_for_the_recipient_but_in_the_custom_properties(profile: str) -> None:
    documents = render_documents(with_ids(q4_meeting()), profile)
    for docx in documents.values():
        text = docx_text(docx)
        assert "记录第" not in text and "来源" not in text
    custom = docx_part(documents["tasks"], "docProps/custom.xml")
    properties = dict(re.findall(r'name="([^"]+)"><vt:lpwstr>([^<]*)</vt:lpwstr>', custom))
    assert properties["minutes.task.1"] == "id=2023-10-25-1; lines=18"
    assert properties["minutes.task.2"] == "id=2023-10-25-2; lines=31-40"
    assert len(properties) == 5
    pids = re.findall(r'pid="(\d+)"', custom)
    assert len(set(pids)) == len(pids) and min(map(int, pids)) >= 2
    assert "/docProps/custom.xml" in docx_part(documents["tasks"], "[Content_Types].xml")
    assert 'Target="docProps/custom.xml"' in docx_part(documents["tasks"], "_rels/.rels")


@pytest.mark.parametrize("profile", PROFILES)
def test_cards_are_kept_whole_without_page_breaks(profile: str) -> None:
    docx = render_documents(with_ids(q4_meeting()), profile)["tasks"]
    xml = docx_part(docx, "word/document.xml")
    assert 'w:type="page"' not in xml and "pageBreakBefore" not in xml
    root = etree.fromstring(xml.encode())
    for table in root.iter(f"{W}tbl"):
        rows = list(table.iter(f"{W}tr"))
        first = "".join(t.text or "" for t in rows[0].iter(f"{W}t"))
        if not re.fullmatch(r"任务 \d+", first):
            continue
        for tr in rows:
            assert tr.find(f"{W}trPr/{W}cantSplit") is not None
            for p in tr.iter(f"{W}p"):
                assert p.find(f"{W}pPr/{W}keepNext") is not None


@pytest.mark.parametrize("profile", PROFILES)
def test_several_cards_share_a_page(profile: str, tmp_path: Path) -> None:
    docx = tmp_path / f"{profile}.tasks.docx"
    docx.write_bytes(render_documents(with_ids(q4_meeting()), profile)["tasks"])
    (pdf,) = convert_to_pdf([docx], tmp_path, tmp_path / "lo")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    per_page = [len(re.findall(r"任务名称", page)) for page in pages]
    assert max(per_page) >= 2, per_page
    # and no card is split: each page's 任务编号 rows are followed by their 当前状态 on that page
    for page in pages:
        assert page.count("任务编号") == page.count("当前状态"), page


def test_a_templates_own_custom_properties_stay_beside_the_tasks() -> None:
    from renderers.engine import custom_properties

    own = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Department">'
        b"<vt:lpwstr>Legal</vt:lpwstr></property>"
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="6" name="minutes.task.9">'
        b"<vt:lpwstr>stale</vt:lpwstr></property></Properties>"
    )
    context = {"doc": {"task_sources": [{"name": "minutes.task.1", "value": "id=Q3-7; lines=4 & 5"}]}}
    merged = custom_properties(own, context).decode()
    assert 'name="Department"' in merged and "Legal" in merged
    assert "stale" not in merged  # an earlier render's task properties are replaced
    assert 'pid="6" name="minutes.task.1"><vt:lpwstr>id=Q3-7; lines=4 &amp; 5</vt:lpwstr>' in merged
    broken = b"<Properties"
    assert custom_properties(broken, context) == broken
