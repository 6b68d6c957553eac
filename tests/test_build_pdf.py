"""``minutes build --pdf``: PDF/A-2b copies of both documents, made by the real LibreOffice.

The notes are made up for these tests. LibreOffice is reached through a wrapper named
in ``MINUTES_SOFFICE`` that logs each start before running the real ``soffice``, so the
tests can count the LibreOffice processes a batch starts. The batch is built once per
module and its outputs are shared.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.pdf import SOFFICE_VARIABLE
from tests.test_render_helpers import FONTCONFIG, soffice_or_skip

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the logging wrapper is a shell script")

NOTES = {
    "采购评审会": """# 采购评审会
- 时间：2026-03-02 10:00
- 地点：三楼会议室
- 主持人：王敏
- 记录人：李雷
- 参会：王敏、李雷、张伟

## 一、供应商比价
- 三家报价差距在百分之五以内。

## 行动项
- [ ] 李雷：3月9日前提交供应商比价表（完成标准：三家报价齐全）
- [ ] 张伟：3月12日前确认交货周期（完成标准：书面回复）
""",
    "門市活動會議": """# 門市活動會議
- 時間：2026-04-08 14:00
- 地點：二樓會議室
- 主持人：陳美玲
- 記錄人：林志明
- 參會：陳美玲、林志明

## 行動項
- [ ] 林志明：4月15日前完成活動海報（完成標準：主管簽核）
""",
    "budget-review": """# Budget review
- Date: 2026-05-06 09:30
- Location: Room 2
- Host: Grace Lee
- Recorder: Tom Hill
- Attendees: Grace Lee, Tom Hill

## Action items
- [ ] Tom Hill: send the revised budget by 2026-05-13 (done when: signed by Grace)
""",
}
WORKERS = 2


def write_notes(folder: Path, names: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or list(NOTES):
        (folder / f"{name}.md").write_text(NOTES[name], encoding="utf-8")
    return folder


def logging_soffice(folder: Path) -> tuple[Path, Path]:
    """A wrapper that appends a line per start to its log, then runs the real soffice."""
    real = soffice_or_skip()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "starts.log"
    wrapper = folder / "soffice"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return wrapper, log


def starts(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.fixture(autouse=True)
def font_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's font aliases, as the other LibreOffice tests use them."""
    if FONTCONFIG.exists():
        monkeypatch.setenv("FONTCONFIG_FILE", str(FONTCONFIG))


def build(*args: str | Path) -> int:
    return cli.main(["build", *(str(a) for a in args)])


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} (poppler-utils) is missing; scripts/install-system-deps.sh installs it"
        )
    return found


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


class Batch:
    def __init__(self, notes: Path, out: Path, log: Path, wrapper: Path, status: int, stdout: str):
        self.notes, self.out, self.log, self.wrapper = notes, out, log, wrapper
        self.status, self.stdout = status, stdout


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Three notes built with --pdf by two workers."""
    base = tmp_path_factory.mktemp("pdf-batch")
    wrapper, log = logging_soffice(base / "bin")
    notes = write_notes(base / "notes")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SOFFICE_VARIABLE, str(wrapper))
        if FONTCONFIG.exists():
            patch.setenv("FONTCONFIG_FILE", str(FONTCONFIG))
        import contextlib
        import io

        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            status = build(notes, "-o", base / "out", "--pdf", "-j", str(WORKERS))
    return Batch(notes, base / "out", log, wrapper, status, stdout.getvalue())


def test_pdf_writes_both_pdfs_of_every_note(batch: Batch) -> None:
    assert batch.status == 0, batch.stdout
    for name in NOTES:
        for kind in ("minutes", "tasks"):
            assert (batch.out / f"{name}.{kind}.docx").is_file()
            pdf = batch.out / f"{name}.{kind}.pdf"
            assert pdf.read_bytes().startswith(b"%PDF-"), pdf
    assert "3 built (12 documents)" in batch.stdout
    # nothing of the conversion is left behind in the output folder
    assert sorted(p.name for p in batch.out.iterdir() if p.name.startswith(".")) == [
        ".minutes-manifest.json"
    ]


@pytest.mark.parametrize("name", list(NOTES))
@pytest.mark.parametrize("kind", ["minutes", "tasks"])
def test_each_pdf_is_pdfa_2b_on_a4_with_every_font_embedded(
    batch: Batch, name: str, kind: str
) -> None:
    pdf = str(batch.out / f"{name}.{kind}.pdf")
    metadata = run(tool("pdfinfo"), "-meta", pdf)
    assert re.search(r"<pdfaid:part>\s*2\s*</pdfaid:part>", metadata), metadata
    assert re.search(r"<pdfaid:conformance>\s*B\s*</pdfaid:conformance>", metadata), metadata
    info = run(tool("pdfinfo"), pdf)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size, info
    assert abs(float(size.group(1)) - 595.3) < 1 and abs(float(size.group(2)) - 841.9) < 1
    fonts = run(tool("pdffonts"), pdf).splitlines()[2:]
    assert fonts, "the PDF names no font"
    for line in fonts:
        # columns: name, type, encoding, emb, sub, uni, object, generation
        assert line.split()[-5] == "yes", f"font not embedded: {line}"


def test_a_batch_starts_at_most_one_libreoffice_per_worker(batch: Batch) -> None:
    started = starts(batch.log)
    assert 1 <= len(started) <= WORKERS, started
    # each process converts several documents, with a profile folder of its own, since removed
    assert sum(line.count(".docx") for line in started) == 2 * len(NOTES)
    profiles = [re.search(r"-env:UserInstallation=file://(\S+)", line) for line in started]
    assert all(profiles), started
    folders = {p.group(1) for p in profiles if p}
    assert len(folders) == len(started)
    assert not any(Path(folder).exists() for folder in folders)


def test_an_unchanged_batch_converts_nothing(
    batch: Batch, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = starts(batch.log)
    pdfs = {p: p.stat().st_mtime_ns for p in batch.out.glob("*.pdf")}
    monkeypatch.setenv(SOFFICE_VARIABLE, str(batch.wrapper))
    assert build(batch.notes, "-o", batch.out, "--pdf", "-j", str(WORKERS)) == 0
    assert "0 built (0 documents), 3 unchanged" in capsys.readouterr().out
    assert starts(batch.log) == before
    assert {p: p.stat().st_mtime_ns for p in batch.out.glob("*.pdf")} == pdfs


def test_a_changed_note_gets_fresh_pdfs(
    batch: Batch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    out = tmp_path / "out"
    shutil.copytree(batch.notes, notes)
    shutil.copytree(batch.out, out)
    wrapper, log = logging_soffice(tmp_path / "bin")
    monkeypatch.setenv(SOFFICE_VARIABLE, str(wrapper))
    changed = notes / "budget-review.md"
    changed.write_text(NOTES["budget-review"].replace("Room 2", "Room 9"), encoding="utf-8")
    assert build(notes, "-o", out, "--pdf", "-j", str(WORKERS)) == 0
    assert len(starts(log)) == 1
    for name in NOTES:
        for kind in ("minutes", "tasks"):
            same = (out / f"{name}.{kind}.pdf").read_bytes() == (
                batch.out / f"{name}.{kind}.pdf"
            ).read_bytes()
            assert same == (name != "budget-review"), name
    assert "Room 9" in run(tool("pdftotext"), str(out / "budget-review.minutes.pdf"), "-")


def test_build_pdf_in_minutes_toml_is_the_default_and_no_pdf_overrides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    wrapper, log = logging_soffice(tmp_path / "bin")
    monkeypatch.setenv(SOFFICE_VARIABLE, str(wrapper))
    notes = write_notes(tmp_path / "notes", ["采购评审会", "budget-review"])
    (notes / "minutes.toml").write_text("[build]\npdf = true\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build(notes, "-o", out, "--no-pdf", "-j", "1") == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == []
    assert starts(log) == []
    # the next run without an option takes minutes.toml's pdf = true: the PDFs missing are made
    assert build(notes, "-o", out, "-j", "1") == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "budget-review.minutes.pdf",
        "budget-review.tasks.pdf",
        "采购评审会.minutes.pdf",
        "采购评审会.tasks.pdf",
    ]
    assert len(starts(log)) == 1
    assert "2 built (8 documents)" in capsys.readouterr().out
