"""``minutes templates init DIR``: the built-in templates, copied to start a company's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from word_templates import TEMPLATES_ROOT, profile_dir


def init(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["templates", "init", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("profile", ["business", "gbt9704"])
def test_init_copies_the_built_in_templates(tmp_path: Path, capsys, profile: str) -> None:
    target = tmp_path / "company" / "templates"
    code, out, err = init(capsys, str(target), "--profile", profile)
    assert (code, err) == (0, "")
    assert sorted(p.name for p in target.iterdir()) == ["VARIABLES.md", "minutes.docx", "tasks.docx"]
    for name in ("minutes.docx", "tasks.docx"):
        assert (target / name).read_bytes() == (profile_dir(profile) / name).read_bytes()
    assert (target / "VARIABLES.md").read_bytes() == (TEMPLATES_ROOT / "VARIABLES.md").read_bytes()
    assert f"minutes templates validate {target}" in out
    # what it wrote is a valid template folder
    assert main(["templates", "validate", str(target)]) == 0


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.md").write_text("mine", encoding="utf-8")
    code, out, err = init(capsys, str(tmp_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "not empty" in err and "--force" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_force_adds_beside_other_files_but_never_replaces_one(tmp_path: Path, capsys) -> None:
    (tmp_path / "minutes.docx").write_bytes(b"the company's own")
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    code, _, err = init(capsys, str(tmp_path), "--force")
    assert code == 2
    assert err == f"minutes: {tmp_path / 'minutes.docx'}: already exists; left as it is\n"
    assert (tmp_path / "minutes.docx").read_bytes() == b"the company's own"
    assert (tmp_path / "tasks.docx").is_file() and (tmp_path / "VARIABLES.md").is_file()
    # run again: what it wrote is the built-in one already, the company's file still refused
    code, out, err = init(capsys, str(tmp_path), "--force")
    assert code == 2 and "tasks.docx: already the built-in one" in out
    assert (tmp_path / "minutes.docx").read_bytes() == b"the company's own"


def test_a_symlink_in_the_way_is_not_followed(tmp_path: Path, capsys) -> None:
    victim = tmp_path / "victim.docx"
    victim.write_bytes(b"precious")
    target = tmp_path / "t"
    target.mkdir()
    (target / "tasks.docx").symlink_to(victim)
    code, _, _ = init(capsys, str(target), "--force")
    assert code == 2 and victim.read_bytes() == b"precious"


def test_a_file_for_a_folder_is_one_line(tmp_path: Path, capsys) -> None:
    file = tmp_path / "x.md"
    file.write_text("x", encoding="utf-8")
    code, out, err = init(capsys, str(file))
    assert (code, out, err) == (2, "", f"minutes: {file}: is not a folder\n")
