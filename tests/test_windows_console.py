"""Windows: colours only on a console that understands them, and LibreOffice found where it installs."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from pipeline import terminal
from pipeline.check import output
from tests.test_render_helpers import find_soffice

REPO = Path(__file__).resolve().parent.parent
SAMPLE = sorted((REPO / "samples").glob("*.md"))[0]


@pytest.mark.parametrize(
    ("os_name", "environ", "on_terminal", "expected"),
    [
        # Linux and macOS: a terminal is coloured, a pipe is not
        ("posix", {}, True, True),
        ("posix", {}, False, False),
        ("posix", {"NO_COLOR": "1"}, True, False),
        ("posix", {"TERM": "dumb"}, True, False),
        ("posix", {"NO_COLOR": ""}, True, True),  # an empty NO_COLOR is not set
        ("posix", {"FORCE_COLOR": "1"}, False, True),
        # Windows: the classic console shows escape sequences as text, so no colour there
        ("nt", {}, True, False),
        ("nt", {"WT_SESSION": "5e1c…"}, True, True),  # Windows Terminal
        ("nt", {"TERM": "xterm-256color"}, True, True),  # Git Bash, MSYS2, ConEmu, VS Code
        ("nt", {"WT_SESSION": "5e1c…"}, False, False),  # still not through a pipe
        ("nt", {"FORCE_COLOR": "1"}, False, True),
        ("nt", {"WT_SESSION": "5e1c…", "NO_COLOR": "1"}, True, False),
        ("nt", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, True, False),  # NO_COLOR wins
    ],
)
def test_the_colour_decision(
    monkeypatch: pytest.MonkeyPatch,
    os_name: str,
    environ: dict[str, str],
    on_terminal: bool,
    expected: bool,
) -> None:
    monkeypatch.setattr(os, "name", os_name)
    assert terminal.use_color("auto", on_terminal, environ) is expected
    assert terminal.use_color("always", False, {"NO_COLOR": "1"}) is True
    assert terminal.use_color("never", True, {"FORCE_COLOR": "1"}) is False


def test_check_and_parse_use_that_decision_for_their_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for name in ("NO_COLOR", "FORCE_COLOR", "WT_SESSION", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os, "name", "nt")
    assert output.use_color() is False
    monkeypatch.setenv("WT_SESSION", "1")
    assert output.use_color() is True
    monkeypatch.setattr(os, "name", "posix")
    monkeypatch.delenv("WT_SESSION")
    assert output.use_color() is True


def test_the_build_redraws_its_progress_bar_only_where_escape_sequences_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import batch, cli

    seen: list[bool | None] = []
    real_init = batch.Progress.__init__

    def recording(self: batch.Progress, stream: object, interactive: bool | None = None) -> None:
        seen.append(interactive)
        real_init(self, stream, interactive)  # type: ignore[arg-type]

    monkeypatch.setattr(batch.Progress, "__init__", recording)
    monkeypatch.setattr(terminal, "ansi_terminal", lambda environ=None: False)
    assert cli.main(["build", str(SAMPLE), "-o", str(tmp_path / "a")]) == 0
    monkeypatch.setattr(terminal, "ansi_terminal", lambda environ=None: True)
    assert cli.main(["build", str(SAMPLE), "-o", str(tmp_path / "b")]) == 0
    assert seen == [False, None]  # None: a bar on a terminal, as on Linux and macOS


def test_soffice_is_found_on_the_path_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        shutil, "which", lambda name: f"/opt/bin/{name}" if name == "soffice" else None
    )
    assert find_soffice() == "/opt/bin/soffice"


def test_soffice_is_found_in_program_files_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(os, "name", "nt")
    program_files = tmp_path / "Program Files"
    program_files_x86 = tmp_path / "Program Files (x86)"
    monkeypatch.setenv("ProgramFiles", str(program_files))
    monkeypatch.setenv("ProgramFiles(x86)", str(program_files_x86))
    assert find_soffice() is None
    (program_files_x86 / "LibreOffice" / "program").mkdir(parents=True)
    (program_files_x86 / "LibreOffice" / "program" / "soffice.exe").write_bytes(b"")
    assert find_soffice() == os.path.join(
        program_files_x86, "LibreOffice", "program", "soffice.exe"
    )
    (program_files / "LibreOffice" / "program").mkdir(parents=True)
    (program_files / "LibreOffice" / "program" / "soffice.exe").write_bytes(b"")
    assert find_soffice() == os.path.join(program_files, "LibreOffice", "program", "soffice.exe")
