"""Company templates: hostile ones are refused, broken ones are reported with a location."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from pipeline.cli import main
from pipeline.errors import MinutesError
from renderers import BUILTIN_TEMPLATES, render_documents
from renderers.validate import validate_template_dir
from tests.test_render_helpers import docx_text, q4_meeting


def company_templates(tmp_path: Path, minutes_paragraph: str | None = None, cell: str | None = None) -> Path:
    """A copy of the business templates, with one extra paragraph and/or table cell text."""
    folder = tmp_path / "company"
    folder.mkdir()
    shutil.copy(BUILTIN_TEMPLATES / "business" / "tasks.docx", folder / "tasks.docx")
    document = Document(str(BUILTIN_TEMPLATES / "business" / "minutes.docx"))
    if minutes_paragraph is not None:
        document.add_paragraph(minutes_paragraph)
    if cell is not None:
        document.tables[0].rows[0].cells[1].paragraphs[0].add_run(cell)
    document.save(str(folder / "minutes.docx"))
    return folder


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ meeting['__class__'] }}",
        "{{ labels.items.__self__ }}",
    ],
)
def test_a_template_reaching_for_python_internals_is_refused(tmp_path: Path, payload: str) -> None:
    folder = company_templates(tmp_path, payload)
    with pytest.raises(MinutesError) as caught:
        render_documents(q4_meeting(), template_dir=folder)
    message = str(caught.value)
    assert "minutes.docx" in message and "\n" not in message
    assert "Traceback" not in message


def test_a_company_template_is_used(tmp_path: Path) -> None:
    folder = company_templates(tmp_path, "ACME Corp · {{ meeting.location }}")
    text = docx_text(render_documents(q4_meeting(), template_dir=folder)["minutes"])
    assert "ACME Corp · 公司3楼会议室A" in text


def test_a_template_folder_without_tasks_docx_is_an_error(tmp_path: Path) -> None:
    folder = company_templates(tmp_path)
    (folder / "tasks.docx").unlink()
    with pytest.raises(MinutesError, match=r"tasks\.docx"):
        render_documents(q4_meeting(), template_dir=folder)


def test_builtin_templates_validate_clean() -> None:
    for profile in ("business", "gbt9704"):
        assert validate_template_dir(BUILTIN_TEMPLATES / profile) == []


def test_validate_reports_syntax_error_with_its_paragraph(tmp_path: Path) -> None:
    folder = company_templates(tmp_path, "签发：{{ meeting.host }")
    problems = validate_template_dir(folder)
    assert len(problems) == 1
    line = str(problems[0])
    assert "minutes.docx" in line and "word/document.xml" in line
    assert "paragraph" in line and "签发" in line and "syntax error" in line


def test_validate_reports_unknown_variables_in_table_cells(tmp_path: Path) -> None:
    folder = company_templates(tmp_path, "{{ meeting.chairman }}", cell="{{ budget }}")
    problems = [str(p) for p in validate_template_dir(folder)]
    assert any("unknown variable 'meeting.chairman'" in p for p in problems)
    assert any("unknown variable 'budget'" in p and "table 1" in p for p in problems)


def test_validate_follows_loop_variables(tmp_path: Path) -> None:
    folder = company_templates(tmp_path, "{% for a in actions %}{{ a.owner }}{{ a.budget }}{% endfor %}")
    problems = [str(p) for p in validate_template_dir(folder)]
    assert len(problems) == 1 and "a.budget" in problems[0]


def test_validate_command_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "validate", str(BUILTIN_TEMPLATES / "gbt9704")]) == 0
    folder = company_templates(tmp_path, "{{ nonsense }}")
    assert main(["templates", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "unknown variable 'nonsense'" in out and "minutes.docx" in out
