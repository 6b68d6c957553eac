"""Templates cannot hurt: hostile zips are refused before use, runaway renders are stopped.

Every hostile template here is made on the fly from a copy of the built-in
business templates: either one extra paragraph of Jinja in minutes.docx, or
one extra (or altered) entry in its zip.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from pipeline.build import build_one
from pipeline.cli import main
from pipeline.errors import MinutesError
from renderers import BUILTIN_TEMPLATES, engine, render_documents
from renderers.validate import validate_template_dir
from tests.test_render_helpers import docx_text, q4_meeting

BUSINESS = BUILTIN_TEMPLATES / "business"


def with_paragraph(tmp_path: Path, paragraph: str) -> Path:
    """A template folder whose minutes.docx has one extra paragraph."""
    folder = tmp_path / "company"
    folder.mkdir()
    shutil.copy(BUSINESS / "tasks.docx", folder / "tasks.docx")
    document = Document(str(BUSINESS / "minutes.docx"))
    document.add_paragraph(paragraph)
    document.save(str(folder / "minutes.docx"))
    return folder


def with_zip(
    tmp_path: Path,
    extra: list[tuple[zipfile.ZipInfo | str, bytes]] = (),  # type: ignore[assignment]
    *,
    drop: str | None = None,
) -> Path:
    """A template folder whose minutes.docx is the built-in one plus extra zip entries."""
    folder = tmp_path / "company"
    folder.mkdir()
    shutil.copy(BUSINESS / "tasks.docx", folder / "tasks.docx")
    with zipfile.ZipFile(BUSINESS / "minutes.docx") as source, zipfile.ZipFile(
        folder / "minutes.docx", "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            if info.filename != drop:
                target.writestr(info.filename, source.read(info))
        for name, data in extra:
            target.writestr(name, data)
    return folder


def refused(folder: Path) -> str:
    """The one-line error of rendering with ``folder``; it names minutes.docx."""
    engine._CACHE.clear()
    with pytest.raises(MinutesError) as caught:
        render_documents(q4_meeting(), template_dir=folder)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert str(folder / "minutes.docx") in message
    return message


def validate_problems(folder: Path) -> list[str]:
    return [str(problem) for problem in validate_template_dir(folder)]


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-second render budget, so the runaway templates stop fast."""
    monkeypatch.setattr(engine, "RENDER_SECONDS", 1.0)


# --- the zip, checked before use -----------------------------------------------

ZIP_CASES = {
    "parent path": ("word/../../evil.xml", b"<x/>", "'..'"),
    "absolute path": ("/etc/evil.xml", b"<x/>", "absolute"),
    "backslash": ("word\\evil.xml", b"<x/>", "Windows-style"),
    "drive letter": ("C:/evil.xml", b"<x/>", "absolute"),
    "executable": ("word/media/setup.exe", b"MZ\x90\x00", "not a part of a Word document"),
    "macros": ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0", "not a part of a Word document"),
    "stray file": ("readme.txt", b"hello", "not a part of a Word document"),
    "empty step": ("word//evil.xml", b"<x/>", "empty step"),
    "control character": ("word/evil\x1b[2J.xml", b"<x/>", "control character"),
    "OLE object": ("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0", "not a part of a Word document"),
}


@pytest.mark.parametrize("case", sorted(ZIP_CASES))
def test_a_member_a_word_document_does_not_have_is_refused(tmp_path: Path, case: str) -> None:
    name, data, reason = ZIP_CASES[case]
    folder = with_zip(tmp_path, [(name, data)])
    message = refused(folder)
    assert reason in message and "template refused" in message
    assert any(reason in p and "minutes.docx" in p for p in validate_problems(folder))


@pytest.mark.parametrize(
    "xml",
    [
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/hostname">]><w:hdr>&x;</w:hdr>',
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><w:hdr>&b;</w:hdr>',
    ],
)
def test_xml_declaring_entities_is_refused(tmp_path: Path, xml: bytes) -> None:
    folder = with_zip(tmp_path, [("word/header1.xml", xml)], drop="word/header1.xml")
    assert "declares a DOCTYPE or entities" in refused(folder)
    assert any("DOCTYPE" in p for p in validate_problems(folder))


def test_a_duplicate_member_is_refused(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        folder = with_zip(tmp_path, [("word/header1.xml", b"<w:hdr/>")])
    assert "appears twice" in refused(folder)
    assert any("appears twice" in p for p in validate_problems(folder))


def test_a_member_differing_only_in_case_is_a_duplicate(tmp_path: Path) -> None:
    folder = with_zip(tmp_path, [("word/Header1.xml", b"<w:hdr/>")])
    assert "appears twice" in refused(folder)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    folder = with_zip(tmp_path, [("word/media/image9.png", b"\0" * (20 * 1024 * 1024))])
    message = refused(folder)
    assert "compressed more than 200 to 1" in message and "image9.png" in message
    assert any("zip bomb" in p for p in validate_problems(folder))


def test_too_much_uncompressed_data_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_TEMPLATE_BYTES", 1024 * 1024)  # the built-in one is ~0.9 MB
    folder = with_zip(tmp_path, [("word/media/image9.png", bytes(range(256)) * 1024)])
    assert "more than 1 MB" in refused(folder)
    assert any("more than 1 MB" in p for p in validate_problems(folder))


def test_too_many_members_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_TEMPLATE_MEMBERS", 20)  # the built-in one has 19
    folder = with_zip(tmp_path, [(f"word/media/image{n}.png", b"x") for n in range(2)])
    assert "more than 20 parts" in refused(folder)


def test_a_header_lying_about_a_size_is_refused(tmp_path: Path) -> None:
    folder = with_zip(tmp_path, [("word/media/image9.png", b"A" * 5000)])
    path = folder / "minutes.docx"
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")  # the last entry's central directory record
    assert data[central + 46 : central + 46 + 21] == b"word/media/image9.png"
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")  # claims 10 bytes
    path.write_bytes(bytes(data))
    message = refused(folder)
    assert "image9.png" in message
    assert any("image9.png" in p for p in validate_problems(folder))


def test_a_word_document_with_pictures_fonts_and_folders_is_accepted(tmp_path: Path) -> None:
    folder = with_zip(
        tmp_path,
        [("word/media/", b""), ("word/media/image9.png", b"\x89PNG"), ("word/fonts/font1.odttf", b"x")],
    )
    engine._CACHE.clear()
    documents = render_documents(q4_meeting(), template_dir=folder)
    with zipfile.ZipFile(__import__("io").BytesIO(documents["minutes"])) as archive:
        names = archive.namelist()
    assert "word/media/image9.png" in names and "word/media/" not in names
    assert validate_problems(folder) == []


@pytest.mark.parametrize("text", [b"{{", b"{%", b"x {{ meeting.title", b"-%}"])
def test_a_part_full_of_unclosed_tags_is_refused_quickly(tmp_path: Path, text: bytes) -> None:
    # docxtpl's patching scans from every unclosed tag to the end of the part:
    # 20,000 of them took 10-20 s, and the time grows with the square of their number
    with zipfile.ZipFile(BUSINESS / "minutes.docx") as source:
        xml = source.read("word/document.xml")
    paragraphs = b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"
    end = xml.rindex(b"<w:sectPr")  # after the template's own tags: nothing closes them
    xml = xml[:end] + paragraphs * 20000 + xml[end:]
    folder = with_zip(tmp_path, [("word/document.xml", xml)], drop="word/document.xml")
    started = time.monotonic()
    message = refused(folder)
    problems = validate_problems(folder)
    assert time.monotonic() - started < 3
    assert "syntax error" in message and "word/document.xml" in message
    assert any("syntax error" in p and "paragraph" in p for p in problems)


# --- bounded rendering ------------------------------------------------------------

RUNAWAY = {
    "nested range": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "nested loops over a list": (
        "{% set r = range(100000)|list %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}"
    ),
    "output inside a set block": (
        "{% set x %}{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxx"
        "{% endfor %}{% endfor %}{% endset %}"
    ),
    "macro recursion": "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
}


@pytest.mark.parametrize("case", sorted(RUNAWAY))
def test_a_runaway_template_is_stopped_within_the_budget(
    tmp_path: Path, small_budget: None, case: str
) -> None:
    folder = with_paragraph(tmp_path, RUNAWAY[case])
    started = time.monotonic()
    message = refused(folder)
    assert time.monotonic() - started < 5
    assert "template" in message and "word/document.xml" in message


BLOW_UPS = {
    "string repeat": "{{ 'x' * 3000000000 }}",
    "repeat of a variable": "{% set n = 3000000000 %}{{ 'x' * n }}",
    "list repeat": "{{ [1, 2] * 3000000000 }}",
    "power": "{{ 2 ** 3000000000 }}",
    "padding method": "{{ 'x'.ljust(3000000000) }}",
    "center filter": "{{ 'x'|center(3000000000) }}",
    "percent format width": "{{ '%3000000000s' % 'x' }}",
    "str.format width": "{{ '{:>3000000000}'.format('x') }}",
    "format filter width": "{{ '%3000000000s'|format('x') }}",
    "batch filler": "{{ [1]|batch(3000000000, 0)|list }}",
    "replace every gap": "{{ ('x' * 5000000).replace('', 'yyyy') }}",
    "replace filter": "{{ ('x' * 5000000)|replace('', 'yyyy') }}",
    "join filter": "{{ ('x' * 5000000)|join('yyyy') }}",
    "indent filter": "{{ ('\\n' * 5000000)|indent(5000000, true, true) }}",
    "wordwrap filter": "{{ ('x' * 5000000)|wordwrap(1, true, 'yyyy') }}",
    "doubling": (
        "{% set ns = namespace(s='xxxxxxxxxx') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
    ),
}


@pytest.mark.parametrize("case", sorted(BLOW_UPS))
def test_a_memory_blow_up_is_refused_before_it_is_made(tmp_path: Path, small_budget: None, case: str) -> None:
    folder = with_paragraph(tmp_path, BLOW_UPS[case])
    started = time.monotonic()
    message = refused(folder)
    assert time.monotonic() - started < 5
    assert "word/document.xml" in message


def test_the_output_of_a_part_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_PART_CHARS", 200_000)
    folder = with_paragraph(tmp_path, "{% for i in range(100000) %}xxxxxxxxxx{% endfor %}")
    assert "more than 200,000 characters of XML" in refused(folder)


def test_the_loop_iterations_of_a_document_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_LOOP_ITERATIONS", 1000)
    folder = with_paragraph(tmp_path, "{% for i in range(2000) %}{% endfor %}")
    assert "loop iterations" in refused(folder)


def test_what_a_document_writes_inside_macros_and_set_blocks_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "MAX_WRITTEN_CHARS", 1_000_000)
    folder = with_paragraph(
        tmp_path,
        "{% set big = 'x' * 100000 %}{% set s %}{% for i in range(1000) %}{{ big }}{% endfor %}"
        "{% endset %}",
    )
    assert "more than 1,000,000 characters of values" in refused(folder)


def test_an_error_inside_a_template_expression_is_one_line(tmp_path: Path) -> None:
    folder = with_paragraph(tmp_path, "{{ 1 / 0 }}")
    assert "ZeroDivisionError" in refused(folder)


def test_ordinary_loops_and_arithmetic_still_render(tmp_path: Path) -> None:
    folder = with_paragraph(
        tmp_path,
        "{% for a in actions %}[{{ loop.index }}/{{ loop.length }}]{% endfor %}"
        "{{ '-' * 3 }}{{ 2 ** 10 }}{{ '%5s|' % 'ab' }}{{ '{:>4}'.format('cd') }}"
        "{{ range(3)|join(',') }}{{ ('ab ' * 100000)|wordwrap(80)|length }}"
        "{{ ('ab\\n' * 100000)|indent(4)|length > 0 }}{{ 'a-b'|replace('-', '+') }}",
    )
    engine._CACHE.clear()
    text = docx_text(render_documents(q4_meeting(), template_dir=folder)["minutes"])
    assert "[1/" in text and "---1024   ab|  cd0,1,2" in text and "Truea+b" in text


# --- validate refuses what the build refuses ------------------------------------


@pytest.mark.parametrize("paragraph", [RUNAWAY["nested range"], BLOW_UPS["string repeat"], BLOW_UPS["doubling"]])
def test_validate_reports_a_runaway_template_without_hanging(
    tmp_path: Path, small_budget: None, paragraph: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = with_paragraph(tmp_path, paragraph)
    started = time.monotonic()
    assert main(["templates", "validate", str(folder)]) == 1
    assert time.monotonic() - started < 5
    out = capsys.readouterr().out
    assert (
        f"{folder / 'minutes.docx'}: trial render with a sample meeting: "
        "template stopped in minutes.docx, word/document.xml" in out
    )


# --- the user's own braces ---------------------------------------------------------


def test_docxtpl_escapes_in_the_notes_come_out_as_typed(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "# Weekly sync\n\n"
        "Date: 2024-06-03\n\n"
        "## Templates\n\n"
        "- Typed literally: {_{ name }_} and {_% if x %_} stay as they are\n",
        encoding="utf-8",
    )
    result = build_one(notes, tmp_path / "out")
    text = docx_text(result.outputs[0].read_bytes())
    assert "{_{ name }_} and {_% if x %_}" in text


def test_docxtpl_escapes_in_a_template_still_make_literal_braces(tmp_path: Path) -> None:
    folder = with_paragraph(tmp_path, "Literal {_{ braces }_} and {_% tags %_}")
    engine._CACHE.clear()
    text = docx_text(render_documents(q4_meeting(), template_dir=folder)["minutes"])
    assert "Literal {{ braces }} and {% tags %}" in text
