"""Conventions users of Vale, ruff and pandoc expect from ``minutes check`` (issue 11)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from pipeline.check.finding import Finding
from pipeline.check.output import (
    artifact_location,
    format_findings_github,
    format_findings_sarif,
    format_findings_text,
)
from pipeline.cli import main

NOTES = """# Weekly sync

- Date: 2024-03-05
- Time: 10:00-11:00
- Location: Room 3
- Chair: Marketing: Dana Lee
- Minutes: Marketing: Sam Wu
- Attendees: Dana Lee, Sam Wu

## 1. Launch

Decisions:
1. The launch page stays blue, probably.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- 1. a folder with no notes ------------------------------------------------------


def test_a_folder_without_notes_says_so_in_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "README.md").write_text("# not notes\n", encoding="utf-8")
    code, out, err = run(capsys, str(tmp_path))
    assert code == 0
    assert out == ""
    assert err == f"minutes: no notes found in {tmp_path}\n"


def test_a_folder_with_notes_says_nothing_of_the_kind(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, str(tmp_path), str(tmp_path / "empty"))
    assert code == 1
    assert err.splitlines() == [f"minutes: no notes found in {tmp_path / 'empty'}"]


# -- 4. SARIF -------------------------------------------------------------------------


def _sarif(findings: list[Finding]) -> dict:
    return json.loads(format_findings_sarif(findings))


def test_sarif_regions_end_where_the_text_found_ends(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "a.md"
    notes.write_text(NOTES, encoding="utf-8")
    _, out, _ = run(capsys, "--format", "sarif", str(notes))
    (result,) = json.loads(out)["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    line = NOTES.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "probably"
    assert region["endLine"] == region["startLine"]


def test_sarif_absolute_paths_are_file_uris_and_relative_ones_have_a_base() -> None:
    assert artifact_location("/srv/notes/a b.md") == {"uri": "file:///srv/notes/a%20b.md"}
    assert artifact_location("C:\\Users\\kim\\会议.md") == {
        "uri": "file:///C:/Users/kim/%E4%BC%9A%E8%AE%AE.md"
    }
    assert artifact_location("D:/notes/a.md") == {"uri": "file:///D:/notes/a.md"}
    assert artifact_location("notes/x:y#1.md") == {
        "uri": "notes/x%3Ay%231.md",
        "uriBaseId": "%SRCROOT%",
    }
    finding = Finding("notes/a.md", 3, 2, "vague-term", "error", "m")
    run_ = _sarif([finding])["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri().rstrip("/") + "/"


def test_sarif_names_no_address_the_project_does_not_declare(monkeypatch) -> None:
    from pipeline.check import output

    monkeypatch.setattr(output, "documentation_uri", lambda: None)
    driver = _sarif([])["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert all("helpUri" not in rule for rule in driver["rules"])


def test_sarif_points_at_the_rules_of_the_declared_documentation(monkeypatch) -> None:
    from pipeline.check import output

    monkeypatch.setattr(output, "documentation_uri", lambda: "https://git.example.org/minutes")
    driver = _sarif([])["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://git.example.org/minutes"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert rules["vague-term"]["helpUri"] == "https://git.example.org/minutes#rule-vague-term"


def test_every_rule_has_the_anchor_its_help_uri_names_in_the_readme() -> None:
    from pipeline.check.catalog import RULES

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f'<a id="rule-{rule}"></a>' in readme, rule


# -- 5. GitHub annotations ------------------------------------------------------------


def test_github_format_is_one_workflow_command_per_finding(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "a.md"
    notes.write_text(NOTES, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "github", str(notes))
    assert code == 1
    (line,) = out.splitlines()
    column = NOTES.splitlines()[12].index("probably") + 1
    assert line.startswith(
        f"::error file={notes},line=13,col={column},endColumn={column + 8},title=vague-term"
        '::vague wording "probably" — '
    )


def test_github_format_escapes_what_github_requires() -> None:
    findings = [
        Finding("a,b:c%\nd.md", 2, 3, "vague-term", "warning", "50% done\r\nnext: x, y"),
        Finding("n.md", 0, 0, "missing-meeting-info", "info", "no date", "add a date"),
    ]
    first, second = format_findings_github(findings).split("\n")
    assert first == (
        "::warning file=a%2Cb%3Ac%25%0Ad.md,line=2,col=3,title=vague-term"
        "::50%25 done%0D%0Anext: x, y"
    )
    # about the whole file: no line, and info is a notice
    assert second == "::notice file=n.md,title=missing-meeting-info::no date — add a date"


# -- 6. no abbreviations, and "did you mean" ------------------------------------------


@pytest.mark.parametrize(("typed", "meant"), [("--stirct", "--strict"), ("--str", "--strict"), ("--fromat=json", "--format")])
def test_a_mistyped_option_is_refused_with_the_one_meant(tmp_path: Path, capsys, typed, meant) -> None:
    notes = tmp_path / "a.md"
    notes.write_text(NOTES, encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["check", typed, str(notes)])
    assert stop.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"minutes: error: unrecognized arguments: {typed}", f"minutes: did you mean {meant}?"]


def test_no_parser_accepts_an_abbreviation(capsys) -> None:
    from pipeline.cli import build_parser

    parser = build_parser()
    stack = [parser]
    while stack:
        current = stack.pop()
        assert current.allow_abbrev is False, current.prog
        for action in current._actions:
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict):
                stack.extend(choices.values())
    with pytest.raises(SystemExit) as stop:
        main(["build", "--forc", "x.md"])
    assert stop.value.code == 2
    assert "did you mean --force?" in capsys.readouterr().err


# -- 8. standard input ----------------------------------------------------------------


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_check_reads_standard_input_named_by_stdin_filename(monkeypatch, capsys) -> None:
    _stdin(monkeypatch, NOTES)
    code, out, _ = run(capsys, "-", "--stdin-filename", "notes/weekly.md")
    assert code == 1
    assert out.splitlines()[0].startswith("notes/weekly.md:13:")
    assert out.splitlines()[-1] == "1 error (1 file checked)"


def test_check_reads_standard_input_without_a_name(monkeypatch, capsys) -> None:
    _stdin(monkeypatch, NOTES.replace(", probably", ""))
    code, out, _ = run(capsys, "-")
    assert (code, out) == (0, "no problems found (1 file checked)\n")


def test_stdin_filename_needs_standard_input(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "a.md"
    notes.write_text(NOTES, encoding="utf-8")
    code, _, err = run(capsys, str(notes), "--stdin-filename", "x.md")
    assert code == 2 and err == "minutes: --stdin-filename names notes read from -, not a file\n"


# -- control characters in file names ---------------------------------------------


def test_a_file_name_cannot_break_or_forge_a_line_of_text_output() -> None:
    forged = "a.md:1:1: error vague-term forged\n\x1b[31mb.md"
    text = format_findings_text([Finding(forged, 2, 3, "vague-term", "error", "m\x1b[2J")])
    assert "\n" not in text and "\x1b" not in text
    assert text == "a.md:1:1: error vague-term forged\\n\\x1b[31mb.md:2:3: error vague-term m\\x1b[2J"


@pytest.mark.skipif(sys.platform == "win32", reason="a newline in a file name is POSIX only")
def test_a_file_name_with_a_newline_is_one_line_on_stderr_and_stdout(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "x\ny"
    folder.mkdir()
    (folder / "a\n.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "empty\n").mkdir()
    code, out, err = run(capsys, str(folder / "a\n.md"), str(tmp_path / "empty\n"))
    assert code == 1
    assert len(out.splitlines()) == 2 and out.startswith(f"{tmp_path}/x\\ny/a\\n.md:13:")
    assert err == f"minutes: no notes found in {tmp_path}/empty\\n\n"
