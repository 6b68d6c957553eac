"""``[build]`` in ``minutes.toml``: a company's defaults for ``minutes build``."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline import cli

NOTES = """# 采购评审会
- 时间：2026-03-02 10:00
- 地点：三楼会议室
- 主持人：王敏
- 记录人：李雷
- 参会：王敏、李雷

## 行动项
- [ ] 李雷：3月9日前提交供应商比价表（完成标准：三家报价齐全）
"""


def archive_with(tmp_path: Path, toml: str) -> Path:
    archive = tmp_path / "archive"
    archive.mkdir(parents=True)
    (archive / "采购评审会.md").write_text(NOTES, encoding="utf-8")
    (archive / "minutes.toml").write_text(toml, encoding="utf-8")
    return archive


def document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def page_margins(path: Path) -> str:
    text = document_text(path)
    return text[text.index("<w:pgMar") :][:200]


def build(*args: str | Path) -> int:
    return cli.main(["build", *(str(a) for a in args)])


def test_the_profile_comes_from_minutes_toml(tmp_path: Path) -> None:
    plain = archive_with(tmp_path / "a", "")
    official = archive_with(tmp_path / "b", '[build]\nprofile = "gbt9704"\n')
    assert build(plain, "-o", tmp_path / "plain", "-j", "1") == 0
    assert build(official, "-o", tmp_path / "official", "-j", "1") == 0
    plain_doc = tmp_path / "plain" / "采购评审会.minutes.docx"
    official_doc = tmp_path / "official" / "采购评审会.minutes.docx"
    assert page_margins(plain_doc) != page_margins(official_doc)
    # the command line wins
    assert build(official, "-o", tmp_path / "forced", "-j", "1", "--profile", "business") == 0
    assert page_margins(tmp_path / "forced" / "采购评审会.minutes.docx") == page_margins(plain_doc)


def test_strict_from_minutes_toml_refuses_notes_with_errors(tmp_path: Path) -> None:
    archive = archive_with(tmp_path, "[build]\nstrict = true\n")
    (archive / "采购评审会.md").write_text(NOTES.replace("李雷：3月9日前", "相关部门尽快"), encoding="utf-8")
    assert build(archive, "-o", tmp_path / "out", "-j", "1") == 1
    assert not (tmp_path / "out" / "采购评审会.minutes.docx").exists()


def test_a_template_folder_is_read_relative_to_minutes_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = archive_with(tmp_path, '[build]\ntemplate_dir = "company-templates"\n')
    assert build(archive, "-o", tmp_path / "out", "-j", "1") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "minutes.toml" in err and "template" in err
    assert cli.main(["templates", "init", str(archive / "company-templates")]) == 0
    assert build(archive, "-o", tmp_path / "out", "-j", "1") == 0
    assert (tmp_path / "out" / "采购评审会.tasks.docx").exists()


@pytest.mark.parametrize(
    "toml, needle",
    [
        ('[build]\nprofile = "fancy"\n', "profile"),
        ("[build]\nstrcit = true\n", "strcit"),
        ('[build]\nstrict = "yes"\n', "strict"),
    ],
)
def test_a_bad_build_table_is_one_line_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, needle: str
) -> None:
    archive = archive_with(tmp_path, toml)
    assert build(archive, "-o", tmp_path / "out", "-j", "1") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "minutes.toml:2:" in err and needle in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.docx"))
