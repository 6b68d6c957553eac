"""Task tables give their dates, 序号 and task ids room: none is broken over two lines.

Every sample is built with every profile in word_templates/, converted by LibreOffice,
and the PDF's text lines (pdftotext -bbox-layout) must hold each ISO date (2024-06-12)
of the date columns and each task id (2024-06-12-3, Q3-7) of the documents' tables
whole, as many times as the tables show them, and the header of the number column (序号 / 序號 / No.) on one line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from parsers import load_meeting
from pipeline.build import build_one
from tests.test_render_helpers import ROOT, convert_to_pdf, docx_part

SAMPLES = sorted(p for p in (ROOT / "samples").glob("*.md") if p.name.lower() != "readme.md")
PROFILES = sorted(p.name for p in (ROOT / "word_templates").iterdir() if (p / "tasks.docx").is_file())
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ISO_DATE = r"\d{4}-\d{2}-\d{2}"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Path, Path, set[str]]]]:
    """profile → (docx, pdf, the task ids of its notes) of every document of every sample,
    converted in one LibreOffice run."""
    base = tmp_path_factory.mktemp("widths")
    built: dict[str, list[tuple[Path, set[str]]]] = {}
    for notes in SAMPLES:
        meeting, _ = load_meeting(notes)
        ids = {item.id for item in meeting.action_items if item.id}
        for profile in PROFILES:
            result = build_one(notes, base / "docx", profile=profile, stem=f"{profile}-{notes.stem}")
            built.setdefault(profile, []).extend((docx, ids) for docx in result.outputs)
    documents = [docx for outputs in built.values() for docx, _ in outputs]
    convert_to_pdf(documents, base / "pdf", base / "lo-profile")
    return {
        profile: [(docx, base / "pdf" / (docx.stem + ".pdf"), ids) for docx, ids in outputs]
        for profile, outputs in built.items()
    }


def pdf_lines(pdf: Path) -> list[list[str]]:
    """The words of every line LibreOffice laid out (a line may run across table cells)."""
    binary = shutil.which("pdftotext")
    if binary is None:
        pytest.fail("pdftotext (poppler-utils) is missing; scripts/install-system-deps.sh installs it")
    out = subprocess.run(
        [binary, "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(out, etree.HTMLParser(encoding="utf-8"))
    return [[word.text or "" for word in line.iter("word")] for line in root.iter("line")]


def paragraphs(docx: Path, tables_only: bool) -> list[str]:
    root = etree.fromstring(docx_part(docx.read_bytes(), "word/document.xml").encode())
    containers = root.iter(f"{W}tbl") if tables_only else [root]
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for c in containers for p in c.iter(f"{W}p")]


LATIN = "0-9A-Za-z_-"


def whole(token: str) -> re.Pattern[str]:
    """``token`` not as part of a longer date or id."""
    return re.compile(rf"(?<![{LATIN}]){re.escape(token)}(?![{LATIN}])")


def number_header(docx: Path) -> str | None:
    root = etree.fromstring(docx_part(docx.read_bytes(), "word/document.xml").encode())
    for table in root.iter(f"{W}tbl"):
        first = table.find(f"{W}tr/{W}tc")
        text = "".join(t.text or "" for t in first.iter(f"{W}t")) if first is not None else ""
        if text in ("序号", "序號", "No.", "編號", "编号"):
            return text
    return None


@pytest.mark.parametrize("profile", PROFILES)
def test_dates_ids_and_number_headers_stay_on_one_line(
    converted: dict[str, list[tuple[Path, Path, set[str]]]], profile: str
) -> None:
    checked = Counter[str]()
    problems = []
    for docx, pdf, ids in converted[profile]:
        lines = pdf_lines(pdf)
        # the whole task document; of the minutes, their tables (an id in a sentence may wrap)
        cells = paragraphs(docx, tables_only=not docx.name.endswith(".tasks.docx"))
        # the date columns (a date inside running text may wrap like any word) and the ids
        tokens = Counter(cell for cell in cells if re.fullmatch(ISO_DATE, cell))
        for task_id in ids:
            tokens[task_id] = sum(len(whole(task_id).findall(cell)) for cell in cells)
        for token, wanted in sorted(tokens.items()):
            pattern = whole(token)
            found = sum(len(pattern.findall(word)) for line in lines for word in line)
            checked["tokens"] += 1
            if found < wanted:
                problems.append(f"{docx.name}: {token!r} whole on {found} lines of {wanted}")
        header = number_header(docx)
        if header:
            checked["headers"] += 1
            if not any(header in "".join(line) for line in lines):
                problems.append(f"{docx.name}: the header {header!r} is broken over two lines")
    assert not problems, "\n".join(problems)
    # the samples do have dated tasks and tables with a number column
    assert checked["tokens"] > 20 and checked["headers"] >= len(SAMPLES)
