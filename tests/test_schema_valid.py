"""Every document the samples make, in every profile, passes the OOXML schemas.

openxml-audit checks each part against the ECMA-376 / Office schemas (element
order, unknown elements, attribute values) and the package rules, plus the
checks Word applies on opening (the ones that make Word offer to "repair" a
file). A profile folder added to word_templates/ is checked without a change
here. An error that comes from a template's own markup shows the part and the
element path, so it can be fixed in the template.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.test_ooxml_clean import PROFILES, sample_documents

openxml_audit = pytest.importorskip("openxml_audit", reason="pip install -e '.[dev]' installs openxml-audit")


VALIDATOR = openxml_audit.OpenXmlValidator(file_format=openxml_audit.FileFormat.OFFICE_2019, max_errors=0)


def _problems(path: Path) -> list[str]:
    result = VALIDATOR.validate(path)
    return [f"{error.part_uri} {error.path}: {error.description}" for error in result.errors]


@pytest.mark.parametrize("profile", PROFILES)
def test_every_sample_document_is_schema_valid(profile: str, tmp_path: Path) -> None:
    failures = {}
    for name, data in sample_documents(profile).items():
        path = tmp_path / name
        path.write_bytes(data)
        problems = _problems(path)
        if problems:
            failures[name] = problems[:5]
    assert not failures, f"{profile}: {failures}"


def test_the_validator_finds_a_schema_error(tmp_path: Path) -> None:
    """The check above can fail: a run property out of schema order is reported."""
    name, data = next(iter(sample_documents(PROFILES[0]).items()))
    good, bad = tmp_path / name, tmp_path / f"broken-{name}"
    good.write_bytes(data)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = part.replace(b"<w:pPr>", b"<w:pPr><w:jc w:val=\"middle\"/>", 1)
            out.writestr(info, part)
    assert not _problems(good)
    assert any("document.xml" in problem for problem in _problems(bad))
