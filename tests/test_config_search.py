"""Where ``minutes check`` and ``minutes build`` look for ``minutes.toml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check.config import find_config


@pytest.fixture(autouse=True)
def _fresh_search() -> None:
    from pipeline.check import config

    config._find_in.cache_clear()


def notes_in(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    notes = folder / "周会.md"
    notes.write_text("# 周会\n", encoding="utf-8")
    return notes


def test_the_nearest_minutes_toml_above_the_notes_is_used(tmp_path: Path) -> None:
    (tmp_path / "minutes.toml").write_text("", encoding="utf-8")
    (tmp_path / "team" / "minutes.toml").parent.mkdir()
    (tmp_path / "team" / "minutes.toml").write_text("", encoding="utf-8")
    assert find_config(notes_in(tmp_path / "team" / "2026")) == tmp_path / "team" / "minutes.toml"


@pytest.mark.parametrize("marker", [".git", ".hg", ".svn"])
def test_the_search_stops_at_the_root_of_the_repository(tmp_path: Path, marker: str) -> None:
    (tmp_path / "minutes.toml").write_text("", encoding="utf-8")
    (tmp_path / "checkout" / marker).mkdir(parents=True)
    assert find_config(notes_in(tmp_path / "checkout" / "notes")) is None


def test_a_git_worktree_file_marks_the_root_too(tmp_path: Path) -> None:
    (tmp_path / "minutes.toml").write_text("", encoding="utf-8")
    (tmp_path / "worktree").mkdir()
    (tmp_path / "worktree" / ".git").write_text("gitdir: ../repo/.git/worktrees/w\n", encoding="utf-8")
    assert find_config(notes_in(tmp_path / "worktree" / "notes")) is None


def test_a_minutes_toml_at_the_root_of_the_repository_is_used(tmp_path: Path) -> None:
    (tmp_path / "checkout" / ".git").mkdir(parents=True)
    (tmp_path / "checkout" / "minutes.toml").write_text("", encoding="utf-8")
    assert find_config(notes_in(tmp_path / "checkout" / "notes")) == (
        tmp_path / "checkout" / "minutes.toml"
    )
