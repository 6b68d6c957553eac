"""Every sample opens in LibreOffice: both documents convert to A4 PDF and hold every task."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from parsers import load_meeting
from pipeline.build import build_one
from renderers.context import format_date
from tests.test_render_helpers import ROOT, convert_to_pdf, docx_text

SAMPLES = sorted(p for p in (ROOT / "samples").glob("*.md") if p.name.lower() != "readme.md")
A4_POINTS = (595.3, 841.9)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Build every sample with both profiles and convert all the documents in one LibreOffice run."""
    assert SAMPLES, "samples/ holds no notes"
    base = tmp_path_factory.mktemp("pdf")
    built: dict[str, list[Path]] = {}
    for profile in ("business", "gbt9704"):
        for notes in SAMPLES:
            result = build_one(notes, base / "docx", profile=profile, stem=f"{profile}-{notes.stem}")
            built[f"{profile}:{notes.name}"] = result.outputs
    documents = [p for paths in built.values() for p in paths]
    convert_to_pdf(documents, base / "pdf", base / "lo-profile")
    return built


def _page_size(pdf: Path) -> tuple[float, float]:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.fail("pdfinfo (poppler-utils) is missing; scripts/install-system-deps.sh installs it")
    out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    assert match, out
    return float(match.group(1)), float(match.group(2))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("profile", ["business", "gbt9704"])
@pytest.mark.parametrize("notes", SAMPLES, ids=lambda p: p.name)
def test_sample_converts_to_a4_and_keeps_every_task(
    converted: dict[str, list[Path]], profile: str, notes: Path
) -> None:
    outputs = converted[f"{profile}:{notes.name}"]
    meeting, _ = load_meeting(notes)
    for docx in outputs:
        pdf = docx.parent.parent / "pdf" / (docx.stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 0, f"no PDF for {docx.name}"
        width, height = _page_size(pdf)
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1
        text = _squash(docx_text(docx.read_bytes()))
        for item in meeting.action_items:
            assert _squash(item.task) in text, (docx.name, item.task)
            if item.owner and item.owner.name:
                assert _squash(item.owner.name) in text, (docx.name, item.owner.name)
            if item.due:
                forms = {item.due.isoformat(), _squash(format_date(item.due, meeting.language))}
                assert any(form in text for form in forms), (docx.name, item.due)
            elif item.due_text:
                assert _squash(item.due_text) in text, (docx.name, item.due_text)
