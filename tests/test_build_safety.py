"""``minutes build`` never loses nor silently replaces data, and says what went wrong in one line.

Issue 11, "Data is never lost or silently replaced" and "One line, never a traceback".
The runner's own rules are tested with a stand-in build (fast, in process); what the
user sees is tested by running ``minutes build`` itself.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline import atomic, cli
from pipeline.batch import LOCK_NAME, BatchRunner, BatchSettings, Summary
from pipeline.batch_pool import START_METHOD_VARIABLE, WorkerPool, start_method
from pipeline.build import BuildResult, output_paths
from pipeline.errors import UsageError
from pipeline.manifest import JOURNAL_NAME, MANIFEST_NAME, Setup
from tests.test_cli_build import copy_samples, documents, make_archive, minutes, report

SETUP = Setup(templates_sha256="t" * 64, profile="business", version="test")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file names and permissions")


def named_build(
    notes: Path, out_dir: Path, *, stem: str | None = None, **options: Any
) -> BuildResult:
    """Writes both documents under the names ``build_one`` gives (content = the notes bytes)."""
    data = notes.read_bytes()
    paths = output_paths(notes, out_dir, stem)
    for path in paths.values():
        atomic.write_bytes_atomically(path, data)
    return BuildResult(notes, list(paths.values()), [])


def run(
    inputs: list[Path], out_dir: Path | None, *, jobs: int = 1, force: bool = False
) -> tuple[Summary, str]:
    progress = io.StringIO()
    settings = BatchSettings(
        inputs=inputs, out_dir=out_dir, jobs=jobs, force=force, setup=SETUP, keep_lists=True
    )
    summary = BatchRunner(settings, named_build, progress_stream=progress, interactive=False).run()
    return summary, progress.getvalue()


def one_line(text: str) -> str:
    assert "Traceback" not in text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# --------------------------------------------------------------------------- 1. --report


def test_report_never_overwrites_notes_or_an_input(tmp_path: Path) -> None:
    notes = copy_samples(tmp_path / "notes")
    before = notes[0].read_bytes()
    refused = minutes(notes[0], "-o", tmp_path / "out", "--report", notes[0])
    assert refused.returncode == 2
    assert "--report would overwrite" in one_line(refused.stderr)
    assert notes[0].read_bytes() == before
    # a notes file found in a folder, and a Markdown file anywhere, are just as safe
    inside = minutes(tmp_path / "notes", "-o", tmp_path / "out", "--report", notes[1])
    assert inside.returncode == 2 and "Markdown" in one_line(inside.stderr)
    config = tmp_path / "minutes.toml"
    config.write_text("", encoding="utf-8")
    as_config = minutes(notes[0], "-o", tmp_path / "out", "--config", config, "--report", config)
    assert as_config.returncode == 2 and config.read_text(encoding="utf-8") == ""
    assert not documents(tmp_path / "out") if (tmp_path / "out").exists() else True


# --------------------------------------------------------------------------- 2. same names


@posix_only
def test_notes_whose_documents_would_share_a_name_get_distinct_names(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    long_a, long_b = "m" * 120 + "-first.md", "m" * 120 + "-second.md"
    names = ["a.md", "a.MD", "a..md", "a .md", "x:y.md", "x_y.md", long_a, long_b]
    for name in names:
        (archive / name).write_text(f"notes of {name}", encoding="utf-8")
    summary, shown = run([archive], out)
    assert (summary.built, summary.documents, len(summary.failed)) == (8, 16, 0)
    built = documents(out)
    assert len(built) == 16  # none overwritten
    # compared as Windows and macOS compare names: no two differ only by case
    assert len({name.casefold() for name in built}) == 16
    assert sorted({content.decode() for content in built.values()}) == sorted(
        f"notes of {name}" for name in names
    )
    assert (
        "a~2.minutes.docx" in built and "a~4.tasks.docx" in built and "x_y~2.minutes.docx" in built
    )
    assert "documents named a~2.minutes.docx" in shown
    # the names are stable: a second run finds every note unchanged
    again, _ = run([archive], out)
    assert (again.built, again.unchanged) == (0, 8)


def test_the_same_names_in_two_folders_mirrored_into_one_do_not_collide_by_case(
    tmp_path: Path,
) -> None:
    first, second, out = tmp_path / "one", tmp_path / "two", tmp_path / "out"
    first.mkdir()
    second.mkdir()
    (first / "Weekly.md").write_text("one", encoding="utf-8")
    (second / "weekly.md").write_text("two", encoding="utf-8")
    summary, _ = run([first, second], out)
    assert summary.built == 2 and not summary.failed
    built = documents(out)
    assert built["Weekly.minutes.docx"] == b"one" and built["weekly~2.minutes.docx"] == b"two"


# --------------------------------------------------------------------------- 3. the user's files


def test_a_file_the_build_did_not_write_is_not_replaced_without_force(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    for name in ("a.md", "b.md"):
        (archive / name).write_text(name, encoding="utf-8")
    out.mkdir()
    mine = out / "a.minutes.docx"
    mine.write_bytes(b"the secretary's own document")
    summary, shown = run([archive], out)
    assert summary.built == 1  # the batch goes on
    assert [Path(f.notes).name for f in summary.failed] == ["a.md"]
    assert str(mine) in summary.failed[0].reason and "--force" in summary.failed[0].reason
    assert str(mine) in shown
    assert mine.read_bytes() == b"the secretary's own document"
    assert not (out / "a.tasks.docx").exists()
    forced, _ = run([archive], out, force=True)
    assert forced.built == 2 and mine.read_bytes() == b"a.md"


def test_documents_of_an_interrupted_run_are_still_known_as_ours(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    (archive / "a.md").write_text("a", encoding="utf-8")
    run([archive], out)
    (out / MANIFEST_NAME).unlink()  # as if the run had been killed before recording
    (out / JOURNAL_NAME).write_text('{"claim":["a.minutes.docx","a.tasks.docx"]}\n', "utf-8")
    summary, _ = run([archive], out)
    assert summary.built == 1 and not summary.failed


# --------------------------------------------------------------------------- 4. out of the folder


@posix_only
def test_documents_are_never_written_through_a_link_out_of_the_output_folder(
    tmp_path: Path,
) -> None:
    archive, out, elsewhere = tmp_path / "archive", tmp_path / "out", tmp_path / "elsewhere"
    make_simple(archive / "dept", "x.md", "y.md")
    make_simple(archive, "top.md")
    out.mkdir()
    elsewhere.mkdir()
    (out / "dept").symlink_to(elsewhere, target_is_directory=True)
    summary, _ = run([archive], out)
    assert summary.built == 1
    assert sorted(Path(f.notes).name for f in summary.failed) == ["x.md", "y.md"]
    assert "leads outside" in summary.failed[0].reason
    assert list(elsewhere.iterdir()) == []


def make_simple(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(f"# {name}\n", encoding="utf-8")


# --------------------------------------------------------------------------- 5. unread folders


@posix_only
def test_an_unreadable_folder_and_a_linked_folder_are_named_and_the_status_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    archive, out, other = tmp_path / "archive", tmp_path / "out", tmp_path / "other"
    make_simple(archive, "a.md")
    make_simple(archive / "locked", "secret.md")
    make_simple(other, "b.md")
    (archive / "linked").symlink_to(other, target_is_directory=True)
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # what a folder without read permission does
        if os.fspath(path) == str(archive / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    status = cli.main(["build", str(archive), "-o", str(out), "-j", "1"])
    output = capsys.readouterr()
    assert status == 1
    assert f"minutes build: {archive / 'locked'}: cannot read this folder: Permission denied\n" in (
        output.err
    )
    assert f"minutes build: {archive / 'linked'}: a link to a folder, not followed" in output.err
    assert "1 built (2 documents), 0 unchanged, 0 failed, 2 problems" in output.out
    assert "Traceback" not in output.err


# --------------------------------------------------------------------------- 6. odd file names


@posix_only
def test_a_file_name_that_is_not_utf8_builds_and_is_shown_escaped(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    sample = next(archive.glob("*.en.md"))
    odd = os.fsencode(archive) + b"/caf\xe9.md"
    with open(odd, "wb") as handle:
        handle.write(sample.read_bytes())
    result = minutes(archive, "-o", out, "--report", tmp_path / "report.json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = report(tmp_path / "report.json")
    names = [entry["notes"] for entry in data["built"]]
    assert str(archive / "caf\\xe9.md") in names
    assert os.path.exists(os.fsencode(out) + b"/caf\xe9.minutes.docx")
    manifest = (out / MANIFEST_NAME).read_bytes()
    manifest.decode("utf-8")  # valid UTF-8, the name escaped
    assert b'"caf\\udce9.md"' in manifest
    again = minutes(archive, "-o", out)
    assert (
        again.returncode == 0 and "0 failed" in again.stdout and " 0 unchanged" not in again.stdout
    )


@posix_only
def test_a_newline_in_a_file_name_cannot_forge_a_line_of_output(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    forged = "x\nminutes build: done in 0.01s: 99 built (198 documents), 0 unchanged\n.md"
    (archive / forged).write_bytes(b"\x00 not text")  # fails, so its name is printed
    result = minutes(archive, "-o", out)
    assert result.returncode == 1
    for stream in (result.stdout, result.stderr):
        assert not any(
            line.startswith("minutes build: done in 0.01s: 99 built")
            for line in stream.splitlines()
        )
    assert "x\\nminutes build: done in 0.01s: 99 built" in result.stdout


# --------------------------------------------------------------------------- 7. one line each


def test_bad_output_report_and_manifest_paths_are_one_line_each(tmp_path: Path) -> None:
    notes = copy_samples(tmp_path / "notes")[0]
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    below = minutes(notes, "-o", a_file / "out")
    assert below.returncode == 2 and "is a file" in one_line(below.stderr)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    as_folder = minutes(notes, "-o", tmp_path / "out", "--report", folder)
    assert as_folder.returncode == 2 and "folder" in one_line(as_folder.stderr)
    report_below = minutes(notes, "-o", tmp_path / "out", "--report", a_file / "r.json")
    assert report_below.returncode == 2 and "is a file" in one_line(report_below.stderr)

    out = tmp_path / "out2"
    (out / MANIFEST_NAME).mkdir(parents=True)
    result = minutes(notes, "-o", out, "--report", tmp_path / "report.json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if MANIFEST_NAME in line]
    assert problems and all(line.startswith("minutes build: ") for line in problems)
    assert "1 built (2 documents)" in result.stdout  # the documents all the same
    assert report(tmp_path / "report.json")["problems"]


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder an unprivileged user can work in (pytest's own is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="minutes-safety-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o777)
        shutil.rmtree(folder)


@posix_only
@pytest.mark.skipif(
    os.name == "posix" and os.geteuid() == 0 and not shutil.which("setpriv"),
    reason="needs an unprivileged user",
)
def test_a_read_only_output_folder_holding_an_earlier_build(shared_folder: Path) -> None:
    archive, out = shared_folder / "archive", shared_folder / "out"
    notes = copy_samples(archive)
    for path in [archive, *archive.iterdir()]:
        path.chmod(0o777 if path.is_dir() else 0o666)
    first = minutes_unprivileged(archive, "-o", out)
    assert first.returncode == 0, first.stderr
    notes[0].write_bytes(notes[0].read_bytes() + b"\n- one more point\n")
    for path in [out, *out.rglob("*")]:
        if path.is_dir():
            path.chmod(0o555)
    result = minutes_unprivileged(archive, "-o", out, "--report", shared_folder / "report.json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if "failed:" in line]
    assert len(failed) == 1 and notes[0].name in failed[0] and "Permission denied" in failed[0]
    assert f"{len(notes) - 1} unchanged, 1 failed" in result.stdout
    assert report(shared_folder / "report.json")["counts"]["failed"] == 1


def minutes_unprivileged(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # In process (-j 1): what is tested is the folder, not the workers.
    command = [sys.executable, "-m", "pipeline", "build", *map(str, args), "-j", "1"]
    if os.geteuid() == 0:  # root may write anywhere: run as nobody
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
    )


# --------------------------------------------------------------------------- 8. one build at a time


def test_a_second_build_into_the_same_folder_stops_with_one_line(tmp_path: Path) -> None:
    notes = copy_samples(tmp_path / "notes")
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / LOCK_NAME).write_text(f"{holder.pid}\n{os.uname().nodename}\n", encoding="utf-8")
        second = minutes(notes[0], "-o", out)
        assert second.returncode == 2
        assert "another minutes build" in one_line(second.stderr)
        assert not documents(out)
    finally:
        holder.kill()
        holder.wait()
    # the holder died without removing its lock: the lock is stale and taken over
    third = minutes(notes[0], "-o", out)
    assert third.returncode == 0, third.stderr
    assert len(documents(out)) == 2
    assert not (out / LOCK_NAME).exists()  # removed at the end


def test_the_lock_is_taken_atomically_and_released(tmp_path: Path) -> None:
    make_simple(tmp_path / "archive", "a.md")
    out = tmp_path / "out"
    seen: list[bool] = []

    def build_and_look(notes: Path, out_dir: Path, **options: Any) -> BuildResult:
        seen.append((out / LOCK_NAME).is_file())
        with pytest.raises(UsageError, match="another minutes build"):
            BatchRunner(
                BatchSettings([tmp_path / "archive"], out, jobs=1, setup=SETUP), named_build
            ).run()
        return named_build(notes, out_dir, **options)

    settings = BatchSettings([tmp_path / "archive"], out, jobs=1, setup=SETUP)
    summary = BatchRunner(settings, build_and_look, progress_stream=io.StringIO()).run()
    assert summary.built == 1 and seen == [True]
    assert not (out / LOCK_NAME).exists()


# --------------------------------------------------------------------------- 9. every desktop


def test_atomic_writes_work_without_fchmod(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fchmod", raising=False)  # Windows before Python 3.13
    target = tmp_path / "doc.docx"
    atomic.write_bytes_atomically(target, b"PK")
    assert target.read_bytes() == b"PK"


def test_the_start_method_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(START_METHOD_VARIABLE, "spawn")
    assert start_method() == "spawn"
    pool: WorkerPool[int, int] = WorkerPool(abs, processes=2, chunk_size=2)
    assert sorted(pool.imap_unordered(range(-5, 0))) == [1, 2, 3, 4, 5]  # type: ignore[type-var]
    pool.close()
    monkeypatch.setenv(START_METHOD_VARIABLE, "no-such-method")
    assert start_method() in ("fork", "spawn")


def test_a_batch_builds_with_spawned_workers(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    notes = make_archive(archive, 6)
    environment = {**os.environ, START_METHOD_VARIABLE: "spawn"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "build",
            str(archive),
            "-o",
            str(out),
            "-j",
            "2",
            "--report",
            str(tmp_path / "report.json"),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    assert len(documents(out)) == 2 * len(notes)
    assert json.loads((tmp_path / "report.json").read_text("utf-8"))["counts"]["built"] == 6


_PARENT_ONLY: list[str] = []  # set in the test's process; a spawned worker starts without it


def how_started_build(notes: Path, out_dir: Path, **options: Any) -> BuildResult:
    data = b"forked" if _PARENT_ONLY else b"spawned"
    paths = output_paths(notes, out_dir, options.get("stem"))
    for path in paths.values():
        atomic.write_bytes_atomically(path, data)
    return BuildResult(notes, list(paths.values()), [])


def test_the_runner_spawns_its_workers_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(START_METHOD_VARIABLE, "spawn")
    monkeypatch.setattr(sys.modules[__name__], "_PARENT_ONLY", ["parent"])
    make_simple(tmp_path / "archive", *(f"n{i}.md" for i in range(6)))
    settings = BatchSettings([tmp_path / "archive"], tmp_path / "out", jobs=2, setup=SETUP)
    summary = BatchRunner(settings, how_started_build, progress_stream=io.StringIO()).run()
    assert summary.built == 6, summary.failed
    assert set(documents(tmp_path / "out").values()) == {b"spawned"}
