"""The tw profile end to end: every Traditional sample becomes a 會議紀錄 and a 工作分配表
that LibreOffice opens, with the parts a Taiwanese record has and no line for a value the
notes do not give."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from parsers import load_meeting
from pipeline.build import build_one
from pipeline.model import Meeting
from tests.test_render_helpers import ROOT, convert_to_pdf

TRADITIONAL = sorted(
    [*(ROOT / "samples").glob("*.zh-Hant.md"), *(ROOT / "samples").glob("*.big5.md")]
)
NUMBER = re.compile(r"^[一二三四五六七八九十]+、")
CLOCK = r"(凌晨|上午|中午|下午|晚上)\d{1,2}時(\d{1,2}分)?"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Meeting, list[Path]]]:
    out = tmp_path_factory.mktemp("tw")
    result = {}
    for notes in TRADITIONAL:
        meeting, _ = load_meeting(notes)
        outputs = build_one(notes, out, profile="tw").outputs
        result[notes.name] = (meeting, sorted(outputs))
    return result


def minutes_of(built: dict[str, tuple[Meeting, list[Path]]], name: str) -> tuple[Meeting, Document]:
    meeting, outputs = built[name]
    path = next(p for p in outputs if p.name.endswith(".minutes.docx"))
    return meeting, Document(io.BytesIO(path.read_bytes()))


def is_top(p) -> bool:
    """A numbered line of the record itself (一、時間：…), not an entry under one."""
    ind = p._p.pPr.find(qn("w:ind")) if p._p.pPr is not None else None
    left = ind.get(qn("w:leftChars")) if ind is not None else None
    return bool(NUMBER.match(p.text)) and (p.style.name == "Heading 1" or left == "200")


def top_lines(document: Document) -> list[str]:
    return [NUMBER.sub("", p.text) for p in document.paragraphs if is_top(p)]


def test_there_are_traditional_samples_and_the_committee_is_one() -> None:
    assert ROOT / "samples" / "community-committee.zh-Hant.md" in TRADITIONAL
    assert any(p.name.endswith(".big5.md") for p in TRADITIONAL)


@pytest.mark.parametrize("notes", TRADITIONAL, ids=lambda p: p.name)
def test_each_sample_is_a_taiwanese_record(built, notes: Path) -> None:
    meeting, document = minutes_of(built, notes.name)
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[0].endswith("會議紀錄") and texts[0].count("會議紀錄") == 1
    lines = top_lines(document)
    labels = [re.split(r"[：\t]", line, maxsplit=1)[0] for line in lines]
    expected = {
        "開會事由": bool(meeting.purpose),
        "時間": bool(meeting.date or meeting.start_time),
        "地點": bool(meeting.location),
        "主席": bool(meeting.host),
        "出席者": any(a.role == "attendee" for a in meeting.attendees),
        "列席者": any(a.role == "observer" for a in meeting.attendees),
        "請假者": any(a.reason for a in meeting.absentees),
        "缺席者": any(not a.reason for a in meeting.absentees),
        "交辦事項": bool(meeting.action_items),
        "散會": bool(meeting.end_time),
    }
    for label, present in expected.items():
        assert (label in labels) == present, (label, labels)
    # the head block comes first, in the manual's order, 散會 last
    order = [label for label in ("開會事由", "時間", "地點", "主席", "出席者", "列席者", "請假者", "缺席者") if label in labels]
    assert labels[: len(order)] == order
    if meeting.end_time:
        assert labels[-1] == "散會" and re.fullmatch(f"散會：{CLOCK}", lines[-1]), lines[-1]
    parts = [label for label in labels if label in ("報告事項", "討論事項", "臨時動議")]
    assert parts == sorted(parts, key=("報告事項", "討論事項", "臨時動議").index)
    if meeting.recorder:
        assert any("紀錄：" in line for line in lines)
    assert not any("記錄人" in t or "主持人" in t for t in texts)
    # a line is never an empty frame: one ending in its label has entries (or the table) under it
    written = [p for p in document.paragraphs if p.text.strip()]
    for p, after in zip(written, [*written[1:], None], strict=True):
        if is_top(p) and p.text.endswith("："):
            assert p.text.endswith("交辦事項：") or (after is not None and not is_top(after)), p.text
    for absentee in meeting.absentees:
        if absentee.name:
            where = "請假者" if absentee.reason else "缺席者"
            line = next(line for line in lines if line.startswith(where))
            assert absentee.name in line
            if absentee.reason:
                assert absentee.reason in line


def test_the_committee_meeting_ends_at_its_adjournment(built) -> None:
    _, document = minutes_of(built, "community-committee.zh-Hant.md")
    lines = top_lines(document)
    assert lines[-1] == "散會：上午11時45分"
    assert "時間：中華民國113年6月12日（星期三）上午9時30分" in lines
    assert "主席：陳理事長\t紀錄：總幹事室林幹事" in lines
    assert "請假者：劉理事（出國）、鄭監事（身體不適，由周常務監事代理）" in lines
    assert "缺席者：馮理事" in lines
    assert "主席致詞：感謝各位理監事撥冗出席。本社區照顧關懷據點今年評鑑獲得優等，謝謝志工夥伴的辛勞。" in lines


def test_the_committee_meeting_reads_as_a_taiwanese_record_part_by_part(built) -> None:
    _, document = minutes_of(built, "community-committee.zh-Hant.md")
    labels = [re.split(r"[：\t]", line, maxsplit=1)[0] for line in top_lines(document)]
    assert labels == [
        "開會事由", "時間", "地點", "主席", "出席者", "列席者", "請假者", "缺席者",
        "主席致詞", "報告事項", "討論事項", "臨時動議", "交辦事項", "散會",
    ]  # fmt: skip
    assert top_lines(document)[0] == "開會事由：審議113年度下半年工作計畫及社區公園照明改善經費"
    paras = [p.text for p in document.paragraphs if p.text.strip()]

    def part(name: str, following: str) -> str:
        start = next(i for i, t in enumerate(paras) if NUMBER.match(t) and t.endswith(name))
        end = next(i for i, t in enumerate(paras) if NUMBER.match(t) and following in t)
        return "\n".join(paras[start + 1 : end])

    reports = "\n" + part("報告事項", "討論事項") + "\n"
    discussions = part("討論事項", "臨時動議")
    motions = part("臨時動議", "交辦事項")
    # the units' reports under the part itself, then its decision
    assert "\n一、總幹事報告\n" in reports and "\n二、里長報告\n" in reports
    assert reports.rstrip().endswith("決定：洽悉。") and "第一案" not in reports
    assert (
        "第一案\n案由：社區公園步道夜間照明不足，擬申請區公所補助改善，提請討論。\n說明：\n"
        "一、里民多次反映公園步道晚上太暗，長者散步容易跌倒。\n"
    ) in discussions
    assert "\n決議：照案通過，由總幹事室備齊估價單及照片，於期限前向區公所提出申請。\n第二案\n" in discussions
    assert discussions.rstrip().endswith("二、由王常務理事召集籌備小組，7月理監事會提出規劃。")
    assert motions.startswith("第一案\n案由：活動中心2樓冷氣運轉異常，是否立即維修，提請討論。（提案人：趙理事）\n決議：")
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert [r[0] for r in rows] == ["序號", "1", "2", "3"]
    assert rows[1][1:] == ["[2024-06-12-1] 向區公所申請社區公園照明改善補助", "總幹事室林幹事", "2024-07-15"]


def _pdftext(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is missing; scripts/install-system-deps.sh installs it")
    return subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _page_size(pdf: Path) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    assert match, out
    return float(match.group(1)), float(match.group(2))


def test_libreoffice_opens_both_documents_on_a4_with_dates_on_one_line(built, tmp_path: Path) -> None:
    documents = [p for _, outputs in built.values() for p in outputs]
    convert_to_pdf(documents, tmp_path / "pdf", tmp_path / "lo")
    for meeting, outputs in built.values():
        for docx in outputs:
            pdf = tmp_path / "pdf" / (docx.stem + ".pdf")
            assert pdf.exists() and pdf.stat().st_size > 0, docx.name
            width, height = sorted(_page_size(pdf))
            assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1, docx.name
            text = _pdftext(pdf)
            assert re.search(r"第 1 頁，共 \d+ 頁", text), docx.name
            for item in meeting.action_items:
                if item.due:  # an ISO date in its table cell, never broken over two lines
                    assert item.due.isoformat() in text, (docx.name, item.due)
