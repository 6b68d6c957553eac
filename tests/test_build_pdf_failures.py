"""``minutes build --pdf`` when LibreOffice is missing, fails, hangs or would replace a
file, and how it finds LibreOffice.

A stand-in ``soffice`` (a small Python script named in ``MINUTES_SOFFICE``) answers as
LibreOffice does, exit status 0 whatever happened: it writes a minimal PDF/A-2b for each
document, except for documents holding the word UNCONVERTIBLE, or nothing at all, or a
PDF that is not PDF/A, or hangs. The real conversion is tested in test_build_pdf.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import cli, pdf
from pipeline.pdf import SOFFICE_VARIABLE, Converter, Document, find_soffice

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the stand-in soffice is a script")

NOTE = """# {title}
- 时间：2026-03-02 10:00
- 地点：三楼会议室
- 主持人：王敏
- 记录人：李雷
- 参会：王敏、李雷

## 行动项
- [ ] 李雷：3月9日前提交{title}的比价表（完成标准：三家报价齐全）
"""

FAKE_SOFFICE = r"""#!{python}
import os, sys, time, zipfile
args = sys.argv[1:]
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(" ".join(args) + "\n")
mode = os.environ.get("FAKE_SOFFICE", "write")
if mode == "nothing":
    sys.exit(0)
if mode == "hang":
    import subprocess
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    with open({log!r} + ".child", "w") as handle:
        handle.write(str(child.pid))
    time.sleep(120)
outdir = args[args.index("--outdir") + 1]
pdfa = b"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
for name in args:
    if not name.endswith(".docx"):
        continue
    with zipfile.ZipFile(name) as docx:
        if b"UNCONVERTIBLE" in docx.read("word/document.xml"):
            print("Error: source file could not be loaded", file=sys.stderr)
            continue
    stem = os.path.splitext(os.path.basename(name))[0]
    body = b"%PDF-1.6\n" + (b"" if mode == "plain" else pdfa) + b"\n" + name.encode() + b"\n%%EOF\n"
    with open(os.path.join(outdir, stem + ".pdf"), "wb") as out:
        out.write(body)
"""


@pytest.fixture()
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-in, set as MINUTES_SOFFICE; returns its log (one line per start)."""
    log = tmp_path / "bin" / "starts.log"
    log.parent.mkdir()
    script = tmp_path / "bin" / "soffice"
    script.write_text(FAKE_SOFFICE.format(python=sys.executable, log=str(log)), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv(SOFFICE_VARIABLE, str(script))
    monkeypatch.delenv("FAKE_SOFFICE", raising=False)
    return log


def starts(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def notes_folder(tmp_path: Path, *titles: str) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir(exist_ok=True)
    for title in titles:
        (folder / f"{title}.md").write_text(NOTE.format(title=title), encoding="utf-8")
    return folder


def build(*args: str | Path) -> int:
    return cli.main(["build", *(str(a) for a in args)])


def names(folder: Path, pattern: str) -> list[str]:
    return sorted(p.name for p in folder.glob(pattern))


# --------------------------------------------------------------------------- LibreOffice missing


@pytest.mark.parametrize("how", ["variable names nothing", "nowhere to be found"])
def test_without_libreoffice_the_docx_are_written_one_line_says_why_and_exit_is_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    if how == "variable names nothing":
        monkeypatch.setenv(SOFFICE_VARIABLE, str(tmp_path / "no-such-soffice"))
    else:
        if sys.platform == "darwin":
            pytest.skip("macOS may have LibreOffice in /Applications")
        monkeypatch.delenv(SOFFICE_VARIABLE, raising=False)
        monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    notes = notes_folder(tmp_path, "周会A", "周会B")
    out = tmp_path / "out"
    assert build(notes, "-o", out, "--pdf", "-j", "2") == 1
    captured = capsys.readouterr()
    said = [line for line in captured.err.splitlines() if "LibreOffice" in line]
    assert len(said) == 1, captured.err
    assert "--pdf needs LibreOffice" in said[0] and ".docx files are written" in said[0]
    assert SOFFICE_VARIABLE in said[0]
    assert "2 built (4 documents)" in captured.out
    assert names(out, "*.docx") == [
        "周会A.minutes.docx",
        "周会A.tasks.docx",
        "周会B.minutes.docx",
        "周会B.tasks.docx",
    ]
    assert names(out, "*.pdf") == []


def test_pdf_added_once_libreoffice_is_there_converts_the_notes_lacking_pdfs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A", "周会B")
    out = tmp_path / "out"
    assert build(notes, "-o", out, "-j", "1") == 0
    assert names(out, "*.pdf") == []
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 0
    assert names(out, "*.pdf") == [
        "周会A.minutes.pdf",
        "周会A.tasks.pdf",
        "周会B.minutes.pdf",
        "周会B.tasks.pdf",
    ]
    assert starts(fake_soffice) == 1
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 0
    assert starts(fake_soffice) == 1  # the second time, nothing to convert


# --------------------------------------------------------------------------- conversion fails


def test_a_document_not_converted_is_named_and_fails_its_note_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A", "UNCONVERTIBLE", "周会B")
    out = tmp_path / "out"
    assert build(notes, "-o", out, "--pdf", "-j", "2") == 1
    captured = capsys.readouterr()
    assert "2 built (8 documents), 0 unchanged, 1 failed" in captured.out
    failed = [line for line in captured.err.splitlines() if "failed:" in line]
    assert len(failed) == 1, captured.err
    assert "UNCONVERTIBLE.md" in failed[0]
    assert "UNCONVERTIBLE.minutes.pdf and UNCONVERTIBLE.tasks.pdf not written" in failed[0]
    assert "could not be loaded" in failed[0]  # LibreOffice's own words, when it said any
    assert names(out, "*.pdf") == [
        "周会A.minutes.pdf",
        "周会A.tasks.pdf",
        "周会B.minutes.pdf",
        "周会B.tasks.pdf",
    ]
    assert (out / "UNCONVERTIBLE.minutes.docx").is_file()
    assert not [p for p in out.iterdir() if p.name.startswith(".minutes-pdf")]
    # fixed, it is built again (its documents are the build's own) and the others are unchanged
    (notes / "UNCONVERTIBLE.md").write_text(NOTE.format(title="周会C"), encoding="utf-8")
    assert build(notes, "-o", out, "--pdf", "-j", "2") == 0
    assert "1 built (4 documents), 2 unchanged, 0 failed" in capsys.readouterr().out
    assert (out / "UNCONVERTIBLE.tasks.pdf").is_file()


@pytest.mark.parametrize(
    "mode, reason", [("nothing", "LibreOffice wrote no PDF"), ("plain", "not PDF/A-2b")]
)
def test_soffice_exiting_0_without_a_pdfa_fails_every_note(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_soffice: Path,
    mode: str,
    reason: str,
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE", mode)
    notes = notes_folder(tmp_path, "周会A", "周会B")
    out = tmp_path / "out"
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 1
    captured = capsys.readouterr()
    assert "0 built (0 documents), 0 unchanged, 2 failed" in captured.out
    failed = [line for line in captured.err.splitlines() if "failed:" in line]
    assert len(failed) == 2 and all(reason in line for line in failed), failed
    assert names(out, "*.pdf") == []
    assert len(names(out, "*.docx")) == 4


def test_a_hung_libreoffice_is_stopped_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_soffice: Path
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE", "hang")
    monkeypatch.setattr(pdf, "CALL_SECONDS", 2.0)
    monkeypatch.setattr(pdf, "DOCUMENT_SECONDS", 0.0)
    out = tmp_path / "out"
    out.mkdir()
    docx = out / "a.minutes.docx"
    docx.write_bytes(b"not really a document")
    converter: Converter[str] = Converter(os.environ[SOFFICE_VARIABLE], slots=1)
    started = time.monotonic()
    try:
        converter.start("a", [Document(docx, out / "a.minutes.pdf")], out)
        results = converter.finished(wait=30)
    finally:
        converter.close()
    assert time.monotonic() - started < 20
    assert results == [
        ("a", {out / "a.minutes.pdf": "LibreOffice was stopped after 2 s without finishing"})
    ]
    child = int((fake_soffice.parent / "starts.log.child").read_text())
    for _ in range(50):
        if not _alive(child):
            break
        time.sleep(0.1)
    assert not _alive(child), "a process LibreOffice started is still running"
    assert sorted(p.name for p in out.iterdir()) == ["a.minutes.docx"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True)
    return bool(state.stdout.strip()) and not state.stdout.strip().startswith("Z")


# --------------------------------------------------------------------------- nothing is lost


def test_a_pdf_the_build_did_not_write_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A")
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "周会A.tasks.pdf"
    mine.write_bytes(b"%PDF-1.4 the user's own")
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 1
    err = capsys.readouterr().err
    assert "周会A.tasks.pdf exists and was not written by minutes build" in err
    assert mine.read_bytes() == b"%PDF-1.4 the user's own"
    assert starts(fake_soffice) == 0
    assert build(notes, "-o", out, "--pdf", "-j", "1", "--force") == 0
    assert b"pdfaid" in mine.read_bytes()


def test_a_note_rebuilt_without_pdf_loses_its_out_of_date_pdfs_the_unchanged_keep_theirs(
    tmp_path: Path, fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A", "周会B")
    out = tmp_path / "out"
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 0
    kept = (out / "周会B.minutes.pdf").read_bytes()
    (notes / "周会A.md").write_text(NOTE.format(title="周会A二"), encoding="utf-8")
    assert build(notes, "-o", out, "-j", "1") == 0
    assert names(out, "*.pdf") == ["周会B.minutes.pdf", "周会B.tasks.pdf"]
    assert (out / "周会B.minutes.pdf").read_bytes() == kept
    assert starts(fake_soffice) == 1


def test_a_conversion_folder_left_by_a_killed_run_is_removed(
    tmp_path: Path, fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A")
    out = tmp_path / "out"
    left = out / (pdf.WORK_PREFIX + "x1y2")
    left.mkdir(parents=True)
    (left / "0000.pdf").write_bytes(b"%PDF-half")
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 0
    assert not left.exists()
    assert names(out, "*.pdf") == ["周会A.minutes.pdf", "周会A.tasks.pdf"]


def test_one_note_without_out_gets_its_pdfs_next_to_it(tmp_path: Path, fake_soffice: Path) -> None:
    notes = notes_folder(tmp_path, "周会A")
    assert build(notes / "周会A.md", "--pdf") == 0
    assert names(notes, "*.pdf") == ["周会A.minutes.pdf", "周会A.tasks.pdf"]
    assert sorted(p.name for p in notes.iterdir() if p.name.startswith(".")) == []


# --------------------------------------------------------------------------- finding LibreOffice


def test_minutes_soffice_is_looked_at_first_and_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "lo" / "soffice"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(program.parent))
    assert find_soffice({}) == str(program)
    elsewhere = tmp_path / "elsewhere" / "soffice"
    elsewhere.parent.mkdir()
    elsewhere.write_text("#!/bin/sh\n", encoding="utf-8")
    elsewhere.chmod(0o755)
    assert find_soffice({SOFFICE_VARIABLE: str(elsewhere)}) == str(elsewhere)
    assert find_soffice({SOFFICE_VARIABLE: str(tmp_path / "missing")}) is None
    assert "missing" in pdf.missing_message({SOFFICE_VARIABLE: str(tmp_path / "missing")})


def test_libreoffice_is_found_where_it_installs_on_windows_and_macos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    program_files = tmp_path / "Program Files"
    monkeypatch.setattr(pdf.os, "name", "nt")
    assert find_soffice({"ProgramFiles": str(program_files)}) is None
    windows = program_files / "LibreOffice" / "program" / "soffice.exe"
    windows.parent.mkdir(parents=True)
    windows.write_bytes(b"")
    assert find_soffice({"ProgramFiles": str(program_files)}) == str(windows)
    monkeypatch.setattr(pdf.os, "name", "posix")
    monkeypatch.setattr(pdf.sys, "platform", "darwin")
    mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    monkeypatch.setattr(pdf.os.path, "isfile", lambda path: path == mac)
    assert find_soffice({}) == mac


def test_sigterm_during_a_conversion_stops_libreoffice_and_leaves_nothing_behind(
    tmp_path: Path, fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A")
    out = tmp_path / "out"
    minutes = Path(sys.executable).with_name("minutes")
    env = dict(os.environ, FAKE_SOFFICE="hang")
    process = subprocess.Popen(
        [str(minutes), "build", str(notes), "-o", str(out), "--pdf", "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    child_file = fake_soffice.parent / "starts.log.child"
    deadline = time.monotonic() + 30
    while not child_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child_file.exists(), "LibreOffice was not started"
    process.send_signal(signal.SIGTERM)
    stdout, _ = process.communicate(timeout=30)
    assert process.returncode == 143
    assert "interrupted" in stdout
    child = int(child_file.read_text())
    for _ in range(50):
        if not _alive(child):
            break
        time.sleep(0.1)
    assert not _alive(child), "a process LibreOffice started is still running"
    assert not [p for p in out.iterdir() if p.name.startswith(".minutes-pdf")]
    assert names(out, "*.pdf") == []
    profile = fake_soffice.read_text(encoding="utf-8").split()[0]
    assert profile.startswith("-env:UserInstallation=file:///")
    assert not Path(profile.removeprefix("-env:UserInstallation=file://")).exists()
    # not recorded as built: the next run builds and converts it
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 0
    assert names(out, "*.pdf") == ["周会A.minutes.pdf", "周会A.tasks.pdf"]


def test_a_note_that_failed_once_keeps_its_documents_and_pdfs_as_the_builds_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A")
    out = tmp_path / "out"
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 0
    (notes / "周会A.md").write_bytes(b"# \xe5\x91\xa8\xe4\xbc\x9a\x00\x01\n")  # NUL: unreadable
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 1
    (notes / "周会A.md").write_text(NOTE.format(title="周会A二"), encoding="utf-8")
    capsys.readouterr()
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 0
    captured = capsys.readouterr()
    assert "not replacing" not in captured.err
    assert "1 built (4 documents), 0 unchanged, 0 failed" in captured.out
    assert starts(fake_soffice) == 2


def test_pdf_in_minutes_toml_must_be_true_or_false(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A")
    (notes / "minutes.toml").write_text('[build]\npdf = "yes"\n', encoding="utf-8")
    assert build(notes, "-o", tmp_path / "out", "-j", "1") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "minutes.toml:2:" in err and "pdf must be true or false" in err
    assert starts(fake_soffice) == 0


@pytest.mark.parametrize("start", ["default", "spawn"])
def test_the_notes_of_a_batch_are_shared_evenly_among_one_libreoffice_per_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_soffice: Path, start: str
) -> None:
    if start == "spawn":  # the workers start as on Windows and macOS
        monkeypatch.setenv("MINUTES_START_METHOD", "spawn")
    notes = notes_folder(tmp_path, *(f"周会{number}" for number in range(10)))
    out = tmp_path / "out"
    assert build(notes, "-o", out, "--pdf", "-j", "2") == 0
    calls = fake_soffice.read_text(encoding="utf-8").splitlines()
    assert sorted(call.count(".docx") for call in calls) == [10, 10]
    assert len(names(out, "*.pdf")) == 20


def test_a_note_whose_new_pdfs_fail_keeps_none_of_its_old_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "周会A")
    out = tmp_path / "out"
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 0
    assert names(out, "*.pdf") == ["周会A.minutes.pdf", "周会A.tasks.pdf"]
    (notes / "周会A.md").write_text(NOTE.format(title="UNCONVERTIBLE"), encoding="utf-8")
    assert build(notes, "-o", out, "--pdf", "-j", "1") == 1
    assert "1 failed" in capsys.readouterr().out
    assert names(out, "*.pdf") == []  # the old ones showed the notes as they were
    assert names(out, "*.docx") == ["周会A.minutes.docx", "周会A.tasks.docx"]


def test_a_failed_conversion_of_a_note_built_next_to_itself_leaves_a_pdf_there_alone(
    tmp_path: Path, fake_soffice: Path
) -> None:
    notes = notes_folder(tmp_path, "UNCONVERTIBLE")
    theirs = notes / "UNCONVERTIBLE.minutes.pdf"
    theirs.write_bytes(b"%PDF-1.4 someone's")
    assert build(notes / "UNCONVERTIBLE.md", "--pdf") == 1
    assert theirs.read_bytes() == b"%PDF-1.4 someone's"


def test_the_report_lists_the_pdfs_with_the_documents(tmp_path: Path, fake_soffice: Path) -> None:
    import json

    notes = notes_folder(tmp_path, "周会A")
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    assert build(notes, "-o", out, "--pdf", "-j", "1", "--report", report) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["counts"]["documents"] == 4
    assert sorted(Path(p).name for p in data["built"][0]["outputs"]) == [
        "周会A.minutes.docx",
        "周会A.minutes.pdf",
        "周会A.tasks.docx",
        "周会A.tasks.pdf",
    ]
