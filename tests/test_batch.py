"""The batch runner's own behaviour (worker crashes, manifest, temp files), with a stand-in build.

The stand-in writes the two documents the way ``build_one`` does (temporary file,
then rename) so that these tests exercise the runner alone; tests/test_cli_build.py
runs the real ``minutes build`` on real notes.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import BatchRunner, BatchSettings, BuildOptions, Summary, is_stray_temp
from pipeline.batch_pool import Crash, WorkerPool
from pipeline.build import BuildResult
from pipeline.check import Finding
from pipeline.errors import MinutesError, UsageError
from pipeline.manifest import JOURNAL_NAME, MANIFEST_NAME, Entry, Manifest, Setup

SETUP = Setup(templates_sha256="t" * 64, profile="business", version="test")


def stand_in_build(notes: Path, out_dir: Path, **options: Any) -> BuildResult:
    """Writes both documents (content = the notes bytes); obeys a few commands in the notes."""
    data = notes.read_bytes()
    if data.startswith(b"BAD"):
        raise MinutesError("not meeting notes", notes, 1)
    if data.startswith(b"EXIT"):
        raise SystemExit(3)
    if data.startswith(b"DIE"):
        os._exit(7)  # the worker process dies on the spot
    findings = []
    if data.startswith(b"VAGUE"):
        findings.append(Finding(str(notes), 1, 1, "vague-term", "error", "vague"))
        if options.get("strict"):
            raise MinutesError("refused: the checker found 1 error", notes)
    outputs = []
    stem = notes.name[: -len(".md")]
    for suffix in (".minutes.docx", ".tasks.docx"):
        target = out_dir / f"{stem}{suffix}"
        temp = out_dir / f".{target.name}.partial.tmp"
        temp.write_bytes(data)
        os.replace(temp, target)
        outputs.append(target)
    return BuildResult(notes, outputs, findings)


def make_archive(root: Path, count: int = 12) -> list[Path]:
    notes = []
    for index in range(count):
        folder = root / f"dept{index % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"meeting{index:02d}.md"
        path.write_text(f"# Meeting {index}\n", encoding="utf-8")
        notes.append(path)
    return notes


def run(
    inputs: list[Path],
    out_dir: Path | None,
    *,
    jobs: int = 2,
    force: bool = False,
    strict: bool = False,
    setup: Setup = SETUP,
    build: Any = stand_in_build,
) -> tuple[Summary, str]:
    progress = io.StringIO()
    settings = BatchSettings(
        inputs=inputs,
        out_dir=out_dir,
        jobs=jobs,
        force=force,
        options=BuildOptions(strict=strict),
        setup=setup,
        keep_lists=True,
    )
    summary = BatchRunner(settings, build, progress_stream=progress, interactive=False).run()
    return summary, progress.getvalue()


def documents(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*.docx"))
        if not p.name.startswith(".")
    }


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if is_stray_temp(p.name)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_mirrors_the_archive_and_skips_hidden_folders_and_the_output_inside(
    tmp_path: Path, jobs: int
) -> None:
    archive = tmp_path / "archive"
    make_archive(archive, 6)
    (archive / ".git").mkdir()
    (archive / ".git" / "secret.md").write_text("x", encoding="utf-8")
    out = archive / "out"
    summary, _ = run([archive], out, jobs=jobs)
    assert summary.built == 6 and summary.documents == 12 and not summary.failed
    assert sorted(documents(out)) == sorted(
        f"dept{i % 3}/meeting{i:02d}{suffix}"
        for i in range(6)
        for suffix in (".minutes.docx", ".tasks.docx")
    )
    # the second run does not walk into its own output folder
    summary, _ = run([archive], out, jobs=jobs)
    assert (summary.built, summary.unchanged, summary.total) == (0, 6, 6)


def test_a_worker_process_dying_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    good = make_archive(archive, 20)
    (archive / "dept0" / "dies.md").write_bytes(b"DIE")
    (archive / "dept1" / "exits.md").write_bytes(b"EXIT")
    (archive / "dept2" / "bad.md").write_bytes(b"BAD")
    out = tmp_path / "out"
    summary, progress = run([archive], out, jobs=2)
    assert summary.built == len(good)
    reasons = {Path(f.notes).name: f.reason for f in summary.failed}
    assert set(reasons) == {"dies.md", "exits.md", "bad.md"}
    assert "worker process exited with status 7" in reasons["dies.md"]
    assert "SystemExit" in reasons["exits.md"]
    assert reasons["bad.md"] == "not meeting notes"
    assert "dies.md" in progress  # said as it happened, not only at the end
    assert len(documents(out)) == 2 * len(good)
    assert not leftovers(out)


def test_the_pool_blames_only_the_task_whose_worker_died() -> None:
    pool: WorkerPool[int, int] = WorkerPool(_square_or_die, processes=2, chunk_size=4)
    results = list(pool.imap_unordered(range(30)))
    pool.close()
    crashes = [r for r in results if isinstance(r, Crash)]
    assert [c.task for c in crashes] == [13]
    assert "SIGKILL" in crashes[0].reason
    assert sorted(r for r in results if not isinstance(r, Crash)) == sorted(
        n * n for n in range(30) if n != 13
    )


def _square_or_die(number: int) -> int:
    if number == 13:
        os.kill(os.getpid(), 9)
    return number * number


def test_unchanged_notes_are_skipped_and_a_changed_one_is_rebuilt_alone(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    notes = make_archive(archive, 9)
    out = tmp_path / "out"
    run([archive], out)
    notes[4].write_text("# Meeting 4, corrected\n", encoding="utf-8")
    summary, _ = run([archive], out)
    assert summary.built_notes is not None
    assert [b["notes"] for b in summary.built_notes] == [str(notes[4])]
    assert summary.unchanged == 8
    assert documents(out)["dept1/meeting04.minutes.docx"] == b"# Meeting 4, corrected\n"


def test_a_new_setup_or_force_rebuilds_everything(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    make_archive(archive, 5)
    out = tmp_path / "out"
    run([archive], out)
    new_templates = Setup(templates_sha256="u" * 64, profile="business", version="test")
    assert run([archive], out, setup=new_templates)[0].built == 5
    assert run([archive], out, setup=new_templates)[0].built == 0
    assert run([archive], out, setup=new_templates, force=True)[0].built == 5


def test_a_missing_document_is_rebuilt(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    make_archive(archive, 3)
    out = tmp_path / "out"
    run([archive], out)
    (out / "dept2" / "meeting02.tasks.docx").unlink()
    summary, _ = run([archive], out)
    assert (summary.built, summary.unchanged) == (1, 2)
    assert (out / "dept2" / "meeting02.tasks.docx").exists()


def test_without_out_dir_documents_and_manifest_sit_in_the_archive(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    notes = make_archive(archive, 3)
    summary, _ = run([archive], None)
    assert summary.built == 3
    assert (archive / MANIFEST_NAME).is_file()
    for path in notes:
        assert path.with_name(path.name[:-3] + ".minutes.docx").is_file()
    assert run([archive], None)[0].unchanged == 3


def test_stray_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    make_archive(archive, 3)
    out = tmp_path / "out"
    run([archive], out)
    stray = out / "dept0" / ".meeting00.minutes.docx.partial.tmp"
    stray.write_bytes(b"PK\x03\x04 half a document")
    own = out / f".{MANIFEST_NAME}.minutes-tmp-abc123"
    own.write_text("{", encoding="utf-8")
    keep = out / "dept0" / "notes-of-my-own.tmp"
    keep.write_text("not ours", encoding="utf-8")
    summary, _ = run([archive], out)
    assert summary.unchanged == 3
    assert not stray.exists() and not own.exists()
    assert keep.exists()


def test_the_journal_of_a_killed_run_is_replayed_and_a_torn_line_ignored(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path)
    entry = Entry("a" * 64, SETUP, ("x.minutes.docx", "x.tasks.docx"))
    manifest.record("x.md", entry)
    manifest.record("y.md", Entry("b" * 64, SETUP, ("y.minutes.docx", "y.tasks.docx")))
    manifest.close()  # killed: no compaction
    with open(tmp_path / JOURNAL_NAME, "a", encoding="utf-8") as journal:
        journal.write('{"key": "z.md", "entry": {"notes_sha')  # torn by the kill
    reloaded = Manifest(tmp_path)
    assert sorted(reloaded.entries) == ["x.md", "y.md"]
    assert reloaded.entries["x.md"] == entry
    reloaded.forget("y.md")
    reloaded.close()
    again = Manifest(tmp_path)  # the record after the torn line is read too
    assert sorted(again.entries) == ["x.md"]
    again.compact()
    assert not (tmp_path / JOURNAL_NAME).exists()
    data = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["notes"]["x.md"]["notes_sha256"] == "a" * 64
    assert data["notes"]["x.md"]["profile"] == "business"
    assert data["notes"]["x.md"]["version"] == "test"
    assert Manifest(tmp_path).entries == {"x.md": entry}


def test_two_notes_that_would_write_the_same_documents_do_not_overwrite(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, text in ((first, "first"), (second, "second")):
        folder.mkdir()
        (folder / "weekly.md").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    summary, _ = run([first, second], out)
    assert summary.built == 1
    assert [Path(f.notes) for f in summary.failed] == [second / "weekly.md"]
    assert "would overwrite" in summary.failed[0].reason
    assert (out / "weekly.minutes.docx").read_bytes() == b"first"


def test_a_file_named_twice_is_built_once(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    notes = make_archive(archive, 3)
    summary, _ = run([archive, notes[0]], None)
    assert (summary.built, summary.total, len(summary.failed)) == (3, 3, 0)


def test_strict_refuses_notes_with_errors_even_when_built_before(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    make_archive(archive, 2)
    (archive / "vague.md").write_bytes(b"VAGUE")
    out = tmp_path / "out"
    summary, _ = run([archive], out)
    assert (summary.built, summary.notes_with_errors, summary.findings["error"]) == (3, 1, 1)
    summary, _ = run([archive], out, strict=True)
    assert [Path(f.notes).name for f in summary.failed] == ["vague.md"]
    assert summary.unchanged == 2


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        run([tmp_path / "nowhere"], None)


def run_with_progress(inputs: list[Path], out: Path, interactive: bool) -> tuple[Summary, str]:
    progress = io.StringIO()
    settings = BatchSettings(inputs=inputs, out_dir=out, jobs=2, setup=SETUP)
    runner = BatchRunner(
        settings, stand_in_build, progress_stream=progress, interactive=interactive
    )
    return runner.run(), progress.getvalue()


def test_on_a_terminal_a_progress_bar_with_an_eta_redraws_in_place(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    make_archive(archive, 30)
    (archive / "bad.md").write_bytes(b"BAD")
    summary, shown = run_with_progress([archive], tmp_path / "out", interactive=True)
    assert summary.built == 30
    frames = [frame for frame in shown.split("\r\x1b[K") if frame.startswith("[")]
    assert frames and all("\n" not in frame for frame in frames)  # redrawn, never scrolled
    assert any("ETA" in frame and "notes/s" in frame for frame in frames)
    assert f"failed: {archive / 'bad.md'}:1: not meeting notes\n" in shown
    assert shown.endswith("\r\x1b[K")  # the bar is wiped before the summary


def test_off_a_terminal_progress_is_a_line_now_and_then_not_one_per_note(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    make_archive(archive, 300)
    summary, shown = run_with_progress([archive], tmp_path / "out", interactive=False)
    assert summary.built == 300
    lines = shown.splitlines()
    assert "\r" not in shown and "\x1b" not in shown
    assert 5 <= len(lines) <= 12
    assert all(line.startswith("minutes build: ") and "/300 notes" in line for line in lines)


def test_a_manifest_reformatted_by_hand_is_still_read(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path)
    entry = Entry("c" * 64, SETUP, ("n.minutes.docx", "n.tasks.docx"), errors=2)
    manifest.record("dept/n.md", entry)
    manifest.compact()
    path = tmp_path / MANIFEST_NAME
    path.write_text(json.dumps(json.loads(path.read_text("utf-8")), indent=4), "utf-8")
    assert Manifest(tmp_path).entries == {"dept/n.md": entry}
    path.write_text("{not json", "utf-8")
    assert Manifest(tmp_path).entries == {}  # unreadable: everything is rebuilt, nothing breaks


def test_ctrl_c_in_process_keeps_what_was_built_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "archive"
    notes = make_archive(archive, 8)
    built: list[Path] = []

    def interrupted_at_the_fifth(path: Path, out_dir: Path, **options: Any) -> BuildResult:
        if len(built) == 4:
            (out_dir / ".half.docx.tmp").write_bytes(b"PK")  # what a write in progress leaves
            raise KeyboardInterrupt
        built.append(path)
        return stand_in_build(path, out_dir, **options)

    out = tmp_path / "out"
    summary, _ = run([archive], out, jobs=1, build=interrupted_at_the_fifth)
    assert summary.interrupted and summary.built == 4 and summary.total == 8
    assert not leftovers(out)
    summary, _ = run([archive], out)
    assert (summary.built, summary.unchanged) == (4, 4)
    assert len(documents(out)) == 2 * len(notes)
