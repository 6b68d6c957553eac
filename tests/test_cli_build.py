"""``minutes build`` end to end: the real build on real notes, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from pipeline import build, cli
from pipeline.batch import is_stray_temp
from pipeline.manifest import JOURNAL_NAME, MANIFEST_NAME

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SAMPLE_NOTES = sorted(p for p in SAMPLES.glob("*.md") if p.name.lower() != "readme.md")
BUILTIN_BUSINESS = REPO / "word_templates" / "business"


def minutes(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "build", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
    )


def start_minutes(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def copy_samples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy2(p, folder / p.name)) for p in SAMPLE_NOTES]


def make_archive(folder: Path, count: int) -> list[Path]:
    """``count`` distinct notes made from the samples, spread over sub-folders, all UTF-8 or
    in their original legacy encoding, each a little longer than a sample."""
    notes = []
    for index in range(count):
        sample = SAMPLE_NOTES[index % len(SAMPLE_NOTES)]
        data = sample.read_bytes()
        newline = b"\r\n" if b"\r\n" in data else b"\n"
        extra = [b"", f"## Follow-up {index}".encode("ascii"), b"", b"Discussion:"]
        extra += [f"- point {index}.{k}: figures reviewed".encode("ascii") for k in range(250)]
        target = folder / f"year{index % 3}" / f"{index:03d}-{sample.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.rstrip() + newline + newline.join(extra) + newline)
        notes.append(target)
    return notes


def documents(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*.docx"))
        if not p.name.startswith(".")
    }


def stray_temps(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if is_stray_temp(p.name)]


def report(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def modification_times(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob("*.docx")
        if not p.name.startswith(".")
    }


def wait_for_documents(folder: Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if len(list(folder.rglob("*.docx"))) >= count:
            return
        if process.poll() is not None:
            pytest.fail("minutes build finished before it could be interrupted")
        time.sleep(0.005)
    pytest.fail("no documents appeared")


def test_broken_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    good = copy_samples(archive)
    (archive / "random-bytes.md").write_bytes(bytes(range(256)) * 16)
    (archive / "empty.md").write_bytes(b"")
    utf16 = "# 周会\n\n- 会议日期：2024-03-05\n- 主持人：市场部 张经理\n".encode("utf-16")
    (archive / "truncated-utf16.md").write_bytes(utf16[:-1])
    (archive / "huge-line.md").write_text(
        "# Weekly sync\n\nDiscussion:\n- " + "budget " * 300_000 + "\n", encoding="utf-8"
    )
    result = minutes(archive, "-o", out, "-j", "2", "--report", tmp_path / "report.json")
    assert result.returncode == 1, result.stderr
    summary = report(tmp_path / "report.json")
    built = {Path(b["notes"]).name for b in summary["built"]}
    failed = {Path(f["notes"]).name: f["reason"] for f in summary["failed"]}
    assert {p.name for p in good} <= built
    assert {"random-bytes.md", "truncated-utf16.md"} <= set(failed)
    assert built | set(failed) == {p.name for p in archive.iterdir()}  # every file accounted for
    for name, reason in failed.items():
        assert "\n" not in reason and reason
        assert f"{archive / name}:" in result.stdout  # named, with its reason, in the summary
        assert f"{archive / name}" in result.stderr  # and as it happened
    for note in good:
        stem = note.name[: -len(".md")]
        for kind in ("minutes", "tasks"):
            with zipfile.ZipFile(out / f"{stem}.{kind}.docx") as document:
                assert document.testzip() is None
    assert "failed" in result.stdout and f"{len(failed)} failed" in result.stdout
    assert not stray_temps(out, archive)

    again = minutes(archive, "-o", out, "--report", tmp_path / "again.json")
    assert again.returncode == 1
    counts = report(tmp_path / "again.json")["counts"]
    assert counts["built"] == 0 and counts["unchanged"] == len(built)


def test_unchanged_notes_are_skipped_and_an_edited_note_rebuilds_only_its_documents(
    tmp_path: Path,
) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    notes = make_archive(archive, 12)
    first = minutes(archive, "-o", out)
    assert first.returncode == 0, first.stderr
    assert "12 built (24 documents)" in first.stdout
    assert (out / MANIFEST_NAME).is_file() and not (out / JOURNAL_NAME).exists()
    before = modification_times(out)
    assert len(before) == 24

    second = minutes(archive, "-o", out)
    assert "0 built (0 documents), 12 unchanged" in second.stdout
    assert modification_times(out) == before

    edited = notes[5]
    edited.write_bytes(edited.read_bytes() + b"\n- one more point\n")
    third = minutes(archive, "-o", out, "--report", tmp_path / "report.json")
    assert "1 built (2 documents), 11 unchanged" in third.stdout
    after = modification_times(out)
    changed = sorted(name for name in after if after[name] != before[name])
    relative = edited.relative_to(archive).as_posix()[: -len(".md")]
    assert changed == [f"{relative}.minutes.docx", f"{relative}.tasks.docx"]
    assert [b["notes"] for b in report(tmp_path / "report.json")["built"]] == [str(edited)]

    forced = minutes(archive, "-o", out, "--force")
    assert "12 built (24 documents)" in forced.stdout


def test_a_changed_template_rebuilds_everything(tmp_path: Path) -> None:
    archive, out, templates = tmp_path / "archive", tmp_path / "out", tmp_path / "templates"
    make_archive(archive, 6)
    shutil.copytree(BUILTIN_BUSINESS, templates)
    assert minutes(archive, "-o", out, "--template-dir", templates).returncode == 0
    unchanged = minutes(archive, "-o", out, "--template-dir", templates)
    assert "0 built (0 documents), 6 unchanged" in unchanged.stdout

    with zipfile.ZipFile(templates / "tasks.docx", "a") as template:
        template.comment = b"revised by the company office"  # new bytes, same template
    rebuilt = minutes(archive, "-o", out, "--template-dir", templates)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "6 built (12 documents), 0 unchanged" in rebuilt.stdout

    # the built-in profile is another set of templates: everything again
    builtin = minutes(archive, "-o", out)
    assert "6 built (12 documents)" in builtin.stdout


def test_a_killed_batch_is_finished_by_the_next_run_with_the_same_documents(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "archive"
    make_archive(archive, 40)
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert minutes(archive, "-o", reference, "-j", "2").returncode == 0

    process = start_minutes(archive, "-o", out, "-j", "2")
    wait_for_documents(out, 12, process)
    process.kill()
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    done_before_rerun = documents(out)
    assert 12 <= len(done_before_rerun) < 80

    rerun = minutes(archive, "-o", out, "-j", "2", "--report", tmp_path / "report.json")
    assert rerun.returncode == 0, rerun.stderr
    counts = report(tmp_path / "report.json")["counts"]
    assert counts["unchanged"] > 0  # the work recorded before the kill is not redone
    assert counts["built"] + counts["unchanged"] == 40
    assert documents(out) == documents(reference)  # byte for byte
    assert not stray_temps(out)
    assert not (out / JOURNAL_NAME).exists()


def test_ctrl_c_stops_with_the_summary_so_far(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    make_archive(archive, 40)
    process = start_minutes(archive, "-o", out, "-j", "2", "--report", tmp_path / "r.json")
    wait_for_documents(out, 6, process)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stdout and "not reached" in stdout
    summary = report(tmp_path / "r.json")
    assert summary["interrupted"] is True
    assert 0 < summary["counts"]["built"] < 40
    assert not stray_temps(out)

    rest = minutes(archive, "-o", out)
    assert rest.returncode == 0
    assert f"{summary['counts']['built']} unchanged" in rest.stdout


def test_report_shape(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    (archive / "binary.md").write_bytes(b"\x00\x01\x02PK")
    result = minutes(archive, "-o", out, "--report", tmp_path / "report.json")
    assert result.returncode == 1
    data = report(tmp_path / "report.json")
    assert set(data) >= {"version", "interrupted", "elapsed_seconds", "counts", "findings"}
    assert set(data) >= {"built", "unchanged", "failed"}
    assert data["counts"] == {
        "notes": len(SAMPLE_NOTES) + 1,
        "built": len(SAMPLE_NOTES),
        "documents": 2 * len(SAMPLE_NOTES),
        "unchanged": 0,
        "failed": 1,
    }
    assert set(data["findings"]) == {
        "total",
        "error",
        "warning",
        "info",
        "notes_with_errors",
        "unchanged_notes_with_errors",
    }
    assert data["findings"]["total"] == sum(sum(b["findings"].values()) for b in data["built"])
    again = minutes(archive, "-o", out, "--report", tmp_path / "again.json")
    assert again.returncode == 1
    findings_again = report(tmp_path / "again.json")["findings"]
    assert findings_again["total"] == 0  # nothing built this time...
    # ...but the notes recorded with errors are still counted
    assert findings_again["unchanged_notes_with_errors"] == data["findings"]["notes_with_errors"]
    assert data["failed"][0]["notes"] == str(archive / "binary.md")
    assert data["failed"][0]["reason"]
    entry = data["built"][0]
    assert set(entry) == {"notes", "outputs", "findings"}
    assert [Path(o).name.split(".")[-2] for o in entry["outputs"]] == ["minutes", "tasks"]
    assert all(Path(o).is_file() for b in data["built"] for o in b["outputs"])
    assert sum(entry["findings"].values()) >= 0


def test_single_file_goes_next_to_its_notes_by_default(tmp_path: Path) -> None:
    notes = copy_samples(tmp_path / "notes")[0]
    result = minutes(notes)
    assert result.returncode == 0, result.stderr
    stem = notes.name[: -len(".md")]
    assert (notes.parent / f"{stem}.minutes.docx").is_file()
    assert (notes.parent / f"{stem}.tasks.docx").is_file()
    assert "1 built (2 documents)" in result.stdout
    assert "next to their notes" in result.stdout
    # The notes folder gets the two documents and nothing else; building again rebuilds.
    assert sorted(p.name for p in notes.parent.iterdir() if p.name.startswith(".")) == []
    again = minutes(notes)
    assert "1 built (2 documents)" in again.stdout, again.stdout


def test_single_file_with_out_dir_and_files_mixed_with_folders(tmp_path: Path) -> None:
    notes = copy_samples(tmp_path / "notes")
    folder = tmp_path / "more"
    make_archive(folder, 3)
    out = tmp_path / "documents"
    result = minutes(notes[0], notes[1], folder, "-o", out)
    assert result.returncode == 0, result.stderr
    names = set(documents(out))
    for note in notes[:2]:
        assert f"{note.name[: -len('.md')]}.minutes.docx" in names
    assert sum(1 for n in names if n.startswith("year")) == 6  # the folder's layout, mirrored
    assert f"documents are in {out.resolve()}" in result.stdout


def test_usage_errors_exit_with_status_2(tmp_path: Path) -> None:
    missing = minutes(tmp_path / "no-such-notes.md")
    assert missing.returncode == 2
    assert "no-such-notes.md" in missing.stderr and "\n" not in missing.stderr.strip()
    notes = copy_samples(tmp_path / "notes")[0]
    assert minutes(notes, "-j", "0").returncode == 2
    assert minutes(notes, "--profile", "fancy").returncode == 2
    assert minutes(notes, "--template-dir", tmp_path / "nowhere").returncode == 2
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert minutes(notes, "-o", tmp_path / "a-file").returncode == 2
    assert not list(tmp_path.rglob("*.docx"))


_REAL_BUILD_ONE = build.build_one


def build_or_die(path: Path, out_dir: Path, **options: Any) -> Any:
    """build_one, except for the notes the test names in the environment, which a spawned
    worker sees as well as a forked one (it imports this module by name)."""
    if str(path) == os.environ.get("MINUTES_TEST_DIE_ON"):
        os._exit(9)
    if str(path) == os.environ.get("MINUTES_TEST_EXIT_ON"):
        raise SystemExit("unexpected exit")
    return _REAL_BUILD_ONE(path, out_dir, **options)


def test_a_worker_dying_on_one_note_is_reported_and_the_rest_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    notes = make_archive(archive, 10)
    doomed, exiting = notes[3], notes[7]
    monkeypatch.setenv("MINUTES_TEST_DIE_ON", str(doomed))
    monkeypatch.setenv("MINUTES_TEST_EXIT_ON", str(exiting))
    monkeypatch.setattr(build, "build_one", build_or_die)
    status = cli.main(["build", str(archive), "-o", str(out), "-j", "2"])
    output = capsys.readouterr()
    assert status == 1
    assert f"{doomed}: the worker process exited with status 9" in output.out
    assert f"{exiting}: internal error: SystemExit: unexpected exit" in output.out
    assert "8 built (16 documents)" in output.out
    assert len(documents(out)) == 16


def test_a_single_note_shows_its_findings_and_strict_refuses_it(tmp_path: Path) -> None:
    notes = copy_samples(tmp_path / "notes")
    vague = next(p for p in notes if p.name == "q4-marketing-kickoff.zh-Hans.md")
    clean = next(p for p in notes if p.name == "annual-okr-alignment.en.md")

    built = minutes(vague, "-o", tmp_path / "lenient")
    assert built.returncode == 0, built.stderr
    assert f"{vague}:" in built.stdout and "尽快" in built.stdout  # the checker's findings
    assert "notes with errors: 1" in built.stdout
    assert len(documents(tmp_path / "lenient")) == 2

    refused = minutes(vague, "-o", tmp_path / "strict", "--strict")
    assert refused.returncode == 1
    assert "0 built (0 documents), 0 unchanged, 1 failed" in refused.stdout
    assert f"{vague}:" in refused.stdout and "strict" in refused.stdout
    assert not documents(tmp_path / "strict")

    # --strict builds what has no error
    assert minutes(clean, "-o", tmp_path / "strict", "--strict").returncode == 0
    assert len(documents(tmp_path / "strict")) == 2
