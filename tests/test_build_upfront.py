"""``minutes build`` refuses a broken configuration or template once, before building
anything, and stops on Ctrl-C or SIGTERM at any moment with the summary so far."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.test_cli_build import BUILTIN_BUSINESS, copy_samples, make_archive, minutes

REPO = Path(__file__).resolve().parent.parent


def docx_files(folder: Path) -> list[Path]:
    return list(folder.rglob("*.docx")) if folder.exists() else []


# --------------------------------------------------------------------------- configuration


def test_a_broken_minutes_toml_is_refused_once_naming_its_line(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive / "sales")
    copy_samples(archive / "hr")
    (archive / "sales" / "minutes.toml").write_text(
        '[check]\nadd_terms = ["ok"]\nallow_terms = = 3\n', encoding="utf-8"
    )
    result = minutes(archive, "-o", out)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{archive / 'sales' / 'minutes.toml'}:3:" in lines[0]
    assert "invalid TOML" in lines[0]
    assert "failed" not in result.stdout + result.stderr
    assert not docx_files(out)


def test_an_unknown_setting_in_minutes_toml_is_refused_once(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    (archive / "minutes.toml").write_text("[check]\n\nvauge_terms = []\n", encoding="utf-8")
    result = minutes(archive, "-o", out)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("minutes.toml:3:") == 1, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not docx_files(out)


def test_a_broken_config_given_with_config_is_refused_once(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    config = tmp_path / "team.toml"
    config.write_text("[check\n", encoding="utf-8")
    result = minutes(archive, "-o", out, "--config", config)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert f"{config}:1:" in result.stderr
    assert not docx_files(out)


def test_a_good_minutes_toml_still_builds(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    notes = copy_samples(archive)
    (archive / "minutes.toml").write_text('[check]\nallow_terms = ["ASAP"]\n', encoding="utf-8")
    result = minutes(archive, "-o", out)
    assert result.returncode == 0, result.stderr
    assert len(docx_files(out)) == 2 * len(notes)


# --------------------------------------------------------------------------- templates


def hostile_template_folder(folder: Path, document_xml_edit: tuple[bytes, bytes]) -> Path:
    """The built-in business templates, with ``minutes.docx``'s document part edited."""
    folder.mkdir(parents=True)
    shutil.copy2(BUILTIN_BUSINESS / "tasks.docx", folder / "tasks.docx")
    with zipfile.ZipFile(BUILTIN_BUSINESS / "minutes.docx") as source, zipfile.ZipFile(
        folder / "minutes.docx", "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                old, new = document_xml_edit
                head, tag, rest = data.partition(old)
                assert tag, "the template has no such text"
                data = head + new + rest
            target.writestr(info, data)
    return folder


def test_a_template_that_does_not_compile_is_refused_once_naming_it(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    templates = hostile_template_folder(tmp_path / "templates", (b"<w:body>", b"<w:body>{% for %}"))
    result = minutes(archive, "-o", out, "--template-dir", templates)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(templates / "minutes.docx") in lines[0]
    assert not docx_files(out)


def test_a_template_reaching_python_internals_is_refused_once(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    hostile = b"<w:body><w:p><w:r><w:t>{{ ''.__class__.__mro__ }}</w:t></w:r></w:p>"
    templates = hostile_template_folder(tmp_path / "templates", (b"<w:body>", hostile))
    result = minutes(archive, "-o", out, "--template-dir", templates)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert str(templates / "minutes.docx") in result.stderr
    assert not docx_files(out)


def test_a_template_that_is_not_a_word_document_is_refused_once(tmp_path: Path) -> None:
    notes = copy_samples(tmp_path / "notes")[0]
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy2(BUILTIN_BUSINESS / "minutes.docx", templates / "minutes.docx")
    (templates / "tasks.docx").write_bytes(b"not a zip at all")
    out = tmp_path / "out"
    result = minutes(notes, "-o", out, "--template-dir", templates)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert str(templates / "tasks.docx") in result.stderr
    assert not docx_files(out)


def test_a_template_that_runs_away_is_refused_once_within_the_trial_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline import cli
    from renderers import engine

    monkeypatch.setattr(engine, "TRIAL_SECONDS", 0.2)
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    runaway = (
        b"<w:body><w:p><w:r><w:t>{% for i in range(100000) %}{% for j in range(100000) %}"
        b"{{ i }}{% endfor %}{% endfor %}</w:t></w:r></w:p>"
    )
    templates = hostile_template_folder(tmp_path / "templates", (b"<w:body>", runaway))
    started = time.monotonic()
    status = cli.main(
        ["build", str(archive), "-o", str(out), "--template-dir", str(templates), "-j", "1"]
    )
    assert time.monotonic() - started < 10
    captured = capsys.readouterr()
    assert status == 2, captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert f"{templates / 'minutes.docx'}: trial render with a sample meeting: template stopped" in lines[0]
    assert "word/document.xml" in lines[0]
    assert "failed" not in captured.out + captured.err
    assert not docx_files(out)


def test_a_template_whose_expression_fails_is_refused_once(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    failing = b"<w:body><w:p><w:r><w:t>{{ 1/0 }}</w:t></w:r></w:p>"
    templates = hostile_template_folder(tmp_path / "templates", (b"<w:body>", failing))
    result = minutes(archive, "-o", out, "--template-dir", templates)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(templates / "minutes.docx") in lines[0]
    assert "ZeroDivisionError" in lines[0]
    assert "failed" not in result.stdout + result.stderr
    assert not docx_files(out)


def test_a_good_template_of_ones_own_still_builds(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    notes = copy_samples(archive)
    extra = (
        b"<w:body><w:p><w:r><w:t>{% for a in actions %}[{{ loop.index }}]{% endfor %}"
        b"{{ '-' * 3 }}{{ 2 ** 10 }}</w:t></w:r></w:p>"
    )
    templates = hostile_template_folder(tmp_path / "templates", (b"<w:body>", extra))
    result = minutes(archive, "-o", out, "--template-dir", templates)
    assert result.returncode == 0, result.stderr
    built = docx_files(out)
    assert len(built) == 2 * len(notes)
    with_extra = []
    for document in built:
        with zipfile.ZipFile(document) as docx:
            if b"---1024" in docx.read("word/document.xml"):
                with_extra.append(document)
    assert len(with_extra) == len(notes)  # each minutes document, none of the task documents


def test_an_unchanged_rerun_does_not_try_the_templates(tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    copy_samples(archive)
    assert minutes(archive, "-o", out).returncode == 0
    script = (
        "import sys\n"
        "from pipeline import batch\n"
        "from pipeline.cli import main\n"
        "def refuse(options):\n"
        "    raise SystemExit('templates were checked')\n"
        "batch.check_templates = refuse\n"
        f"print(main(['build', {str(archive)!r}, '-o', {str(out)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.stdout.splitlines()[-1] == "0", result.stdout + result.stderr


# --------------------------------------------------------------------------- signals


def sigterm_caught(pid: int) -> bool:
    """Whether process ``pid`` has a handler for SIGTERM yet (Linux: /proc/PID/status)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return False
    for line in status.splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    return False


def wait_until_minutes_runs(process: subprocess.Popen[str]) -> None:
    """Until the ``minutes`` code runs: before that the interpreter is still starting and
    no program can catch a signal. On Linux this is exactly when it takes SIGTERM over."""
    if not Path(f"/proc/{process.pid}/status").exists():
        time.sleep(0.1)
        return
    deadline = time.monotonic() + 30
    while not sigterm_caught(process.pid):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail("minutes build did not start")
        time.sleep(0.0005)


@pytest.mark.parametrize("delay", [0.0, 0.3], ids=["at-once", "after-0.3s"])
@pytest.mark.parametrize(
    ("stop", "status"),
    [(signal.SIGINT, 130), (signal.SIGTERM, 143)],
    ids=["ctrl-c", "sigterm"],
)
def test_a_signal_at_any_moment_gives_the_summary_so_far_and_the_report(
    tmp_path: Path, delay: float, stop: signal.Signals, status: int
) -> None:
    archive, out, report = tmp_path / "archive", tmp_path / "out", tmp_path / "report.json"
    make_archive(archive, 60)
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", str(archive), "-o", str(out), "-j", "2",
         "--report", str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=REPO,
    )
    wait_until_minutes_runs(process)
    time.sleep(delay)
    process.send_signal(stop)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == status, stderr
    assert "Traceback" not in stderr
    assert stdout.startswith("minutes build: interrupted in "), stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["interrupted"] is True
    assert data["counts"]["built"] < 60
    leftovers = [p for p in out.rglob("*") if p.name.startswith(".") and p.name.endswith(".tmp")]
    assert not leftovers
    assert not (out / ".minutes-build.lock").exists()


# --------------------------------------------------------------------------- a cold build


def test_one_note_is_built_without_starting_the_worker_pool_machinery(tmp_path: Path) -> None:
    notes = copy_samples(tmp_path / "notes")[0]
    script = (
        "import sys\n"
        "from pipeline.cli import main\n"
        f"status = main(['build', {str(notes)!r}, '-o', {str(tmp_path / 'out')!r}])\n"
        "print(status, 'multiprocessing' in sys.modules, 'pipeline.batch_pool' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.stdout.splitlines()[-1] == "0 False False", result.stderr


def test_the_program_pauses_the_collector_and_a_call_from_python_leaves_it_on(
    tmp_path: Path,
) -> None:
    import gc

    from pipeline import cli

    notes = copy_samples(tmp_path / "notes")[0]
    assert cli.main(["build", str(notes), "-o", str(tmp_path / "out")]) == 0
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    script = (
        "import gc, sys\n"
        "from pipeline.cli import main\n"
        f"sys.argv = ['minutes', 'build', {str(notes)!r}, '-o', {str(tmp_path / 'again')!r}]\n"
        "status = main()\n"
        "print(status, gc.get_freeze_count() > 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.stdout.splitlines()[-1] == "0 True", result.stderr
    assert gc.get_freeze_count() == frozen
