"""build_one: two documents per notes file, written safely, never over the notes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.build import build_one, safe_stem
from pipeline.errors import MinutesError
from tests.test_render_helpers import ROOT, docx_text

SAMPLE = ROOT / "samples" / "q4-marketing-kickoff.zh-Hans.md"
CLEAN_SAMPLE = ROOT / "samples" / "annual-okr-alignment.en.md"


def test_writes_minutes_and_tasks_and_returns_findings(tmp_path: Path) -> None:
    result = build_one(SAMPLE, tmp_path / "out")
    names = sorted(p.name for p in result.outputs)
    assert names == ["q4-marketing-kickoff.zh-Hans.minutes.docx", "q4-marketing-kickoff.zh-Hans.tasks.docx"]
    assert all(p.parent == (tmp_path / "out").resolve() for p in result.outputs)
    assert any(f.severity == "error" for f in result.findings)
    assert "渠道商激励方案" in docx_text(result.outputs[1].read_bytes())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names  # no temporary left


def test_strict_refuses_notes_with_errors_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(MinutesError) as caught:
        build_one(SAMPLE, tmp_path / "out", strict=True)
    assert "strict" in str(caught.value) and str(SAMPLE) in str(caught.value)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    assert build_one(CLEAN_SAMPLE, tmp_path / "out", strict=True).outputs


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build_one(SAMPLE, tmp_path / "a", profile="gbt9704")
    second = build_one(SAMPLE, tmp_path / "b", profile="gbt9704")
    for one, two in zip(first.outputs, second.outputs, strict=True):
        assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("stem", ["../escape", "/etc/passwd", "a/../../b", "nul\x00byte", "CON", "..", "com1.txt"])
def test_output_names_stay_inside_out_dir(tmp_path: Path, stem: str) -> None:
    out = tmp_path / "out"
    result = build_one(SAMPLE, out, stem=stem)
    for path in result.outputs:
        assert path.parent == out.resolve()
        assert path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_reserved_windows_names_are_prefixed() -> None:
    assert safe_stem("CON") == "_CON"
    assert safe_stem("lpt1.notes") == "_lpt1.notes"
    assert safe_stem("../../x") == "_.._x"
    assert "\x00" not in safe_stem("a\x00b")


def test_the_notes_are_never_overwritten(tmp_path: Path) -> None:
    notes = tmp_path / "weekly.minutes.docx"  # notes saved under an output-looking name
    shutil.copy(SAMPLE, notes)
    before = notes.read_bytes()
    with pytest.raises(MinutesError, match="overwrite"):
        build_one(notes, tmp_path, stem="weekly")
    assert notes.read_bytes() == before


def test_an_unwritable_out_dir_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(MinutesError) as caught:
        build_one(SAMPLE, blocker / "out")
    assert "\n" not in str(caught.value)


def test_unknown_profile_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(MinutesError, match="profile"):
        build_one(SAMPLE, tmp_path, profile="letterhead")
