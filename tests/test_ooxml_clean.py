"""What a recipient's Word, previewer or LibreOffice finds in every written document.

No leftovers of the program that made the template: Word's current mode
(compatibility mode 15, not "[Compatibility Mode]"), document properties that
name minutes and claim no page or word counts, no blank thumbnail, no
stylesWithEffects.xml, no theme font overriding the named fonts, no stale "1"
cached in the page-number fields. Fonts and language tags follow the notes'
script: Traditional Chinese notes name the fonts Taiwan and Hong Kong machines
have, and gbt9704 keeps its prescribed faces.

Every sample is rendered with every profile folder in word_templates/, so a new
profile is covered without a change here; a company's own templates go through
the same render path (tested with hand-made templates below).
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from parsers import load_meeting
from pipeline.model import Meeting
from renderers import render_documents
from renderers.docx_hygiene import clear_page_field_results
from tests.test_render_helpers import ROOT, convert_to_pdf, english_meeting, q4_meeting
from word_templates import TEMPLATES_ROOT

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
SAMPLES = sorted(p for p in (ROOT / "samples").glob("*.md") if p.name.lower() != "readme.md")
PROFILES = sorted(
    p.name for p in TEMPLATES_ROOT.iterdir() if p.is_dir() and any(p.glob("*.docx"))
)
THEME_FONT = re.compile(r"\b\w+:(?:ascii|hAnsi|eastAsia|cs)theme=", re.IGNORECASE)
PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}
COUNTS = ("Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs", "TotalTime")


def render(meeting: Meeting, profile: str, folder: Path | None = None) -> dict[str, bytes]:
    return render_documents(meeting, profile, folder or TEMPLATES_ROOT / profile)


@functools.cache
def sample_documents(profile: str) -> dict[str, bytes]:
    """Every sample's minutes and task document in ``profile``, by file name."""
    documents = {}
    for notes in SAMPLES:
        meeting, _ = load_meeting(notes)
        for kind, data in render(meeting, profile).items():
            documents[f"{notes.stem}.{kind}.docx"] = data
    return documents


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def word_xml(package: dict[str, bytes]) -> dict[str, str]:
    return {
        name: data.decode("utf-8")
        for name, data in package.items()
        if name.startswith("word/") and name.endswith(".xml") and not name.startswith("word/theme/")
    }


def page_field_results(xml: bytes) -> list[tuple[str, str]]:
    """(field, cached result text) of every PAGE / NUMPAGES / SECTIONPAGES field of a part."""
    root = etree.fromstring(xml)
    found = []
    stack: list[list[str]] = []  # [instruction, result, state]
    for element in root.iter(f"{W}fldChar", f"{W}instrText", f"{W}t"):
        if element.tag == f"{W}fldChar":
            kind = element.get(f"{W}fldCharType")
            if kind == "begin":
                stack.append(["", "", "code"])
            elif kind == "separate" and stack:
                stack[-1][2] = "result"
            elif kind == "end" and stack:
                instruction, result, _ = stack.pop()
                name = (instruction.split() or [""])[0].upper()
                if name in PAGE_FIELDS:
                    found.append((name, result))
        elif element.tag == f"{W}instrText" and stack and stack[-1][2] == "code":
            stack[-1][0] += element.text or ""
        elif element.tag == f"{W}t" and stack and stack[-1][2] == "result":
            stack[-1][1] += element.text or ""
    for simple in root.iter(f"{W}fldSimple"):
        name = (simple.get(f"{W}instr", "").split() or [""])[0].upper()
        if name in PAGE_FIELDS:
            found.append((name, "".join(t.text or "" for t in simple.iter(f"{W}t"))))
    return found


def assert_clean(name: str, data: bytes) -> None:
    package = parts(data)
    settings = package["word/settings.xml"].decode()
    assert re.search(
        r'<w:compatSetting w:name="compatibilityMode" [^>]*w:val="15"', settings
    ), f"{name}: Word would open it in compatibility mode"
    assert "savePreviewPicture" not in settings, name

    app = package["docProps/app.xml"].decode()
    assert "<Application>minutes</Application>" in app, name
    for count in COUNTS:
        assert f"<{count}>" not in app, f"{name}: docProps/app.xml claims {count}"
    assert "Microsoft" not in app and "Normal.dotm" not in app, name

    rels = "".join(data.decode() for part, data in package.items() if part.endswith(".rels"))
    types = package["[Content_Types].xml"].decode()
    assert not [p for p in package if "thumbnail" in p.lower()], f"{name}: a thumbnail part"
    assert "relationships/metadata/thumbnail" not in rels, name
    assert "thumbnail" not in types.lower(), name
    if not any(p.lower().endswith((".jpeg", ".jpg")) for p in package):
        assert 'Extension="jpeg"' not in types, f"{name}: a content type for the dropped thumbnail"
    assert "word/stylesWithEffects.xml" not in package, name
    assert "stylesWithEffects" not in rels and "stylesWithEffects" not in types, name

    for part, xml in word_xml(package).items():
        assert not THEME_FONT.search(xml), f"{name} {part}: {THEME_FONT.search(xml)}"
        for field, result in page_field_results(package[part]):
            assert result == "", f"{name} {part}: {field} keeps the cached value {result!r}"


# --- every document of every sample in every profile --------------------------


@pytest.mark.parametrize("profile", PROFILES)
def test_every_sample_document_is_clean(profile: str) -> None:
    documents = sample_documents(profile)
    assert len(documents) == 2 * len(SAMPLES)
    for name, data in documents.items():
        assert_clean(f"{profile}/{name}", data)


@pytest.mark.parametrize("profile", PROFILES)
def test_the_page_fields_are_still_there(profile: str) -> None:
    """The page number is still a field (only its stale result is gone): readers compute it."""
    package = parts(render(q4_meeting(), profile)["tasks"])
    fields = [field for part in word_xml(package) for field, _ in page_field_results(package[part])]
    assert "PAGE" in fields, profile


# --- fonts and language tags by script ------------------------------------------


def styles_and_body(data: bytes) -> str:
    return "".join(word_xml(parts(data)).values())


def east_asian_fonts(xml: str) -> set[str]:
    return set(re.findall(r'<w:rFonts [^>]*w:eastAsia="([^"]*)"', xml))


def language_tags(xml: str) -> tuple[set[str], set[str]]:
    """(w:val values, w:eastAsia values) of every w:lang."""
    tags = re.findall(r"<w:lang\b[^>]*>", xml)
    values = {m for tag in tags for m in re.findall(r'w:val="([^"]*)"', tag)}
    east_asian = {m for tag in tags for m in re.findall(r'w:eastAsia="([^"]*)"', tag)}
    return values, east_asian


def doc_defaults(data: bytes) -> str:
    styles = parts(data)["word/styles.xml"].decode()
    match = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.DOTALL)
    assert match, "styles.xml has no docDefaults"
    return match.group(0)


SIMPLIFIED_FONTS = {"宋体", "黑体", "楷体", "仿宋", "SimSun", "SimHei", "KaiTi", "微软雅黑"}


@pytest.mark.parametrize("profile", [p for p in PROFILES if p != "gbt9704"])
def test_traditional_notes_name_traditional_fonts_and_zh_tw(profile: str) -> None:
    for kind, data in render(q4_meeting("zh-Hant"), profile).items():
        xml = styles_and_body(data)
        fonts = east_asian_fonts(xml)
        assert not fonts & SIMPLIFIED_FONTS, (profile, kind, fonts & SIMPLIFIED_FONTS)
        assert "新細明體" in fonts or "PMingLiU" in fonts, (profile, kind, fonts)
        _, east_asian = language_tags(xml)
        assert east_asian == {"zh-TW"}, (profile, kind, east_asian)
        assert 'w:eastAsia="zh-TW"' in doc_defaults(data)


def test_traditional_business_documents_use_both_traditional_faces() -> None:
    """宋体 becomes 新細明體 (body, tables), 黑体 微軟正黑體 (titles, headings)."""
    for kind, data in render(q4_meeting("zh-Hant"), "business").items():
        fonts = east_asian_fonts(styles_and_body(data))
        assert {"新細明體", "微軟正黑體"} <= fonts, (kind, fonts)
        assert 'w:eastAsia="新細明體"' in doc_defaults(data), kind


@pytest.mark.parametrize("profile", PROFILES)
def test_simplified_notes_are_tagged_zh_cn(profile: str) -> None:
    for kind, data in render(q4_meeting("zh-Hans"), profile).items():
        _, east_asian = language_tags(styles_and_body(data))
        assert east_asian == {"zh-CN"}, (profile, kind, east_asian)


def test_the_font_table_describes_the_traditional_faces() -> None:
    """Word and WPS pick a stand-in from the font table on a machine without 新細明體."""
    for kind, data in render(q4_meeting("zh-Hant"), "business").items():
        table = parts(data)["word/fontTable.xml"].decode()
        for name, alt in (("新細明體", "PMingLiU"), ("微軟正黑體", "Microsoft JhengHei")):
            entry = re.search(f'<w:font w:name="{name}">(.*?)</w:font>', table)
            assert entry, (kind, name)
            assert f'<w:altName w:val="{alt}"/>' in entry.group(1)
            assert '<w:charset w:val="88"/>' in entry.group(1)


def test_simplified_business_documents_keep_simplified_fonts() -> None:
    for kind, data in render(q4_meeting("zh-Hans"), "business").items():
        fonts = east_asian_fonts(styles_and_body(data))
        assert {"宋体", "黑体"} <= fonts and "新細明體" not in fonts, (kind, fonts)


@pytest.mark.parametrize("profile", PROFILES)
def test_english_notes_are_tagged_en_us_with_zh_cn_for_chinese(profile: str) -> None:
    for kind, data in render(english_meeting(), profile).items():
        values, east_asian = language_tags(styles_and_body(data))
        assert values == {"en-US"}, (profile, kind, values)
        assert east_asian == {"zh-CN"}, (profile, kind, east_asian)
        defaults = doc_defaults(data)
        assert 'w:val="en-US"' in defaults and 'w:eastAsia="zh-CN"' in defaults


@pytest.mark.skipif("gbt9704" not in PROFILES, reason="no gbt9704 profile")
def test_gbt9704_keeps_its_fonts_but_tags_follow_the_script() -> None:
    simplified = {k: east_asian_fonts(styles_and_body(v)) for k, v in render(q4_meeting(), "gbt9704").items()}
    for kind, data in render(q4_meeting("zh-Hant"), "gbt9704").items():
        xml = styles_and_body(data)
        fonts = east_asian_fonts(xml)
        assert {"仿宋", "黑体"} <= fonts, (kind, fonts)
        assert fonts == simplified[kind], kind
        assert not fonts & {"新細明體", "微軟正黑體", "標楷體"}, (kind, fonts)
        assert language_tags(xml)[1] == {"zh-TW"}, kind


# --- a company's own templates ----------------------------------------------


def company_template(tmp_path: Path, edit: dict[str, object]) -> Path:
    """The business templates with some parts rewritten (``edit``: part → function of its text)."""
    folder = tmp_path / "company"
    folder.mkdir()
    for kind in ("minutes", "tasks"):
        source = zipfile.ZipFile(TEMPLATES_ROOT / "business" / f"{kind}.docx")
        with source, zipfile.ZipFile(folder / f"{kind}.docx", "w", zipfile.ZIP_DEFLATED) as out:
            for info in source.infolist():
                data = source.read(info)
                if info.filename in edit:
                    data = edit[info.filename](data.decode()).encode()  # type: ignore[operator]
                out.writestr(info.filename, data)
    return folder


def test_a_company_template_with_theme_fonts_gets_named_fonts(tmp_path: Path) -> None:
    themed = 'w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"'

    def styles(xml: str) -> str:
        xml = re.sub(r"<w:rPrDefault><w:rPr><w:rFonts[^>]*/>", f"<w:rPrDefault><w:rPr><w:rFonts {themed}/>", xml)
        return xml.replace('<w:rFonts w:cstheme="majorBidi"/>', '<w:rFonts w:eastAsiaTheme="majorEastAsia"/>')

    def document(xml: str) -> str:
        return xml.replace("<w:rPr>", '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:csTheme="majorBidi"/>', 1)

    folder = company_template(tmp_path, {"word/styles.xml": styles, "word/document.xml": document})
    for language in ("zh-Hans", "zh-Hant"):
        for kind, data in render(q4_meeting(language), "business", folder).items():
            assert_clean(f"company/{kind}", data)
            defaults = doc_defaults(data)
            expected = "新細明體" if language == "zh-Hant" else "宋体"
            for slot, font in (("ascii", "Times New Roman"), ("hAnsi", "Times New Roman"), ("eastAsia", expected)):
                assert f'w:{slot}="{font}"' in defaults, (language, kind, defaults)
            xml = styles_and_body(data)
            assert "<w:rFonts/>" not in xml
            assert f'<w:rFonts w:eastAsia="{expected}"/>' in xml, (language, kind)


def test_a_company_template_without_compat_settings_opens_in_mode_15(tmp_path: Path) -> None:
    def settings(xml: str) -> str:
        return re.sub(r"<w:compat>.*?</w:compat>", "", xml, flags=re.DOTALL)

    folder = company_template(tmp_path, {"word/settings.xml": settings})
    for kind, data in render(q4_meeting(), "business", folder).items():
        assert_clean(f"company/{kind}", data)


def test_a_company_template_with_a_broken_settings_part_is_refused_naming_it(tmp_path: Path) -> None:
    from renderers.engine import TemplateRefused

    folder = company_template(tmp_path, {"word/settings.xml": lambda xml: xml[:-40]})
    with pytest.raises(TemplateRefused, match=r"word/settings\.xml is not well-formed XML"):
        render(q4_meeting(), "business", folder)


def test_a_template_naming_traditional_fonts_keeps_them(tmp_path: Path) -> None:
    def traditional(xml: str) -> str:
        return xml.replace('w:eastAsia="宋体"', 'w:eastAsia="PMingLiU"').replace(
            'w:eastAsia="黑体"', 'w:eastAsia="DFKai-SB"'
        )

    folder = company_template(tmp_path, {"word/styles.xml": traditional, "word/footer1.xml": traditional})
    with zipfile.ZipFile(folder / "minutes.docx") as template:
        named = template.read("word/styles.xml").decode().count('w:eastAsia="PMingLiU"')
    assert named
    for language in ("zh-Hant", "zh-Hans"):
        for kind, data in render(q4_meeting(language), "business", folder).items():
            styles = parts(data)["word/styles.xml"].decode()
            assert styles.count('w:eastAsia="PMingLiU"') == named, (language, kind)
            assert "DFKai-SB" in styles, (language, kind)


def test_a_company_logo_keeps_its_image_type_when_the_thumbnail_goes(tmp_path: Path) -> None:
    """The jpeg content type stays when another jpeg part (a logo) still needs it."""
    source = zipfile.ZipFile(TEMPLATES_ROOT / "business" / "minutes.docx")
    folder = tmp_path / "logo"
    folder.mkdir()
    with source, zipfile.ZipFile(folder / "minutes.docx", "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info))
        out.writestr("word/media/logo.jpeg", source.read("docProps/thumbnail.jpeg"))
    shutil.copy(TEMPLATES_ROOT / "business" / "tasks.docx", folder / "tasks.docx")
    package = parts(render(q4_meeting(), "business", folder)["minutes"])
    assert "docProps/thumbnail.jpeg" not in package and "word/media/logo.jpeg" in package
    assert 'Extension="jpeg"' in package["[Content_Types].xml"].decode()


# --- page fields ------------------------------------------------------------------


def footer(body: str) -> bytes:
    return f'<w:ftr xmlns:w="{W_NS}"><w:p>{body}</w:p></w:ftr>'.encode()


def complex_field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_page_fields_lose_their_cached_result_other_fields_keep_theirs() -> None:
    xml = footer(
        complex_field("PAGE", "1")
        + complex_field("NUMPAGES \\* MERGEFORMAT", "1")
        + '<w:fldSimple w:instr=" SECTIONPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        + complex_field("DATE \\@ yyyy", "2023")
        + "<w:r><w:t>共</w:t></w:r>"
    )
    cleaned = clear_page_field_results(xml)
    assert sorted(page_field_results(cleaned)) == [("NUMPAGES", ""), ("PAGE", ""), ("SECTIONPAGES", "")]
    text = "".join(etree.fromstring(cleaned).itertext())
    assert "2023" in text and "共" in text


def test_a_field_computed_from_the_page_count_loses_its_result_too() -> None:
    nested = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> = </w:instrText></w:r>'
        + complex_field("NUMPAGES", "1")
        + '<w:r><w:instrText xml:space="preserve"> - 1 </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>0</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    cleaned = clear_page_field_results(footer(nested))
    assert b"<w:t>" not in cleaned  # neither NUMPAGES's "1" nor the sum's "0"
    assert b"NUMPAGES" in cleaned and b"- 1" in cleaned  # the fields themselves stay


# --- LibreOffice ----------------------------------------------------------------


def _page_texts(pdf: Path) -> list[str]:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext (poppler-utils) is missing; scripts/install-system-deps.sh installs it")
    out = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [re.sub(r"\s+", "", page) for page in out.stdout.split("\f") if page.strip()]


def test_libreoffice_opens_every_profile_and_numbers_the_pages(tmp_path: Path) -> None:
    """Each profile's documents of Traditional, Simplified and English notes convert to PDF, and
    the business footer's 第 N 页 共 M 页 counts the real pages (the cached "1" is gone)."""
    documents = []
    for profile in PROFILES:
        for name, meeting in (("hant", q4_meeting("zh-Hant")), ("hans", q4_meeting()), ("en", english_meeting())):
            for kind, data in render(meeting, profile).items():
                path = tmp_path / "docx" / f"{profile}-{name}-{kind}.docx"
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(data)
                documents.append(path)
    pdfs = convert_to_pdf(documents, tmp_path / "pdf", tmp_path / "lo-profile")
    checked = 0
    for pdf in pdfs:
        if not pdf.name.startswith("business-"):
            continue
        pages = _page_texts(pdf)
        for number, text in enumerate(pages, start=1):
            match = re.search(r"第(\d+)[页頁]共(\d+)[页頁]|Page(\d+)of(\d+)", text)
            assert match, (pdf.name, number, text[-80:])
            shown = [int(g) for g in match.groups() if g]
            assert shown == [number, len(pages)], (pdf.name, number, shown)
            checked += 1
    assert checked >= 6
