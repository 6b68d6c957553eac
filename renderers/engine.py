"""A fast, sandboxed, reproducible docxtpl renderer.

docxtpl as shipped re-opens the .docx, re-patches its XML and re-compiles the
Jinja source on every render, and renders with ``autoescape=False`` outside any
sandbox (an ``&`` in the notes then breaks the XML and text silently vanishes;
a template can reach Python internals). Here each template is prepared once
per process — its parts read, docxtpl's tag patching applied, the Jinja
compiled in a :class:`~jinja2.sandbox.SandboxedEnvironment` with autoescape —
and cached by path, size and modification time. A render only evaluates the
compiled templates and writes a zip with fixed entry order and timestamps, so
the same notes and template always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from pipeline.errors import MinutesError
from renderers import ooxml

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
TEMPLATED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
DEFAULT_EAST_ASIAN_FONT = "宋体"


def _docxtpl_patch(xml: str) -> str:
    """docxtpl's tag clean-up ({%tr %}, {%p %}, split runs …), without its document object."""
    from docxtpl import DocxTemplate

    return str(DocxTemplate.patch_xml(None, xml))


_TEXT_WITH_BREAKS = re.compile(r"<w:t(?: [^>]*)?>([^<]*[\n\r\t][^<]*)</w:t>")


def _breaks_and_tabs(match: re.Match[str]) -> str:
    text = match.group(1).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    text = text.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    return f'<w:t xml:space="preserve">{text}</w:t>'


def resolve_line_breaks(xml: str) -> str:
    """A newline in a value becomes a w:br, a tab a w:tab, inside the same run.

    Does what docxtpl's resolve_listing does for text, but touches only the
    w:t elements that hold a newline or tab (docxtpl re-scans every paragraph).
    """
    return _TEXT_WITH_BREAKS.sub(_breaks_and_tabs, xml)


def make_environment() -> SandboxedEnvironment:
    """The only Jinja environment templates are compiled in: sandboxed, autoescaping, strict."""
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    for helper in ("cycler", "joiner", "lipsum"):
        env.globals.pop(helper, None)
    return env


ENVIRONMENT = make_environment()


class TemplateRefused(MinutesError):
    """A template that is broken or reaches for Python internals."""


@dataclass(frozen=True)
class TemplatePart:
    """One zip entry of a prepared template: raw bytes, and compiled Jinja for templated parts."""

    name: str
    data: bytes
    template: Any = None  # jinja2.Template
    deflated: bytes | None = None  # static parts: compressed once, at preparation
    crc: int = 0  # static parts: CRC-32 of data, computed once



# Parts rendered for every document are compressed at level 3: four times faster
# than the default 6 for about 1 kB more per document; static parts, compressed
# once per template, get the default.
RENDERED_PART_LEVEL = 3


def deflate(data: bytes, level: int = 6) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00


ZipEntry = tuple[str, bytes, bytes, int]  # name, data, deflated data, CRC-32 of data


def zip_entry(name: str, data: bytes) -> ZipEntry:
    return name, data, deflate(data, RENDERED_PART_LEVEL), zlib.crc32(data)


def write_zip(entries: list[ZipEntry]) -> bytes:
    """A deflated zip of (name, data, deflated data, CRC) in the given order with fixed timestamps.

    Written by hand so static parts are compressed once per template, not per document.
    """
    out = bytearray()
    central = bytearray()
    for name, data, packed, crc in entries:
        encoded = name.encode("utf-8")
        offset = len(out)
        flags = 0x800 if not encoded.isascii() else 0
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, _DOS_TIME, _DOS_DATE,
            crc, len(packed), len(data), len(encoded), 0,
        )  # fmt: skip
        out += encoded + packed
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 8, _DOS_TIME, _DOS_DATE,
            crc, len(packed), len(data), len(encoded), 0, 0, 0, 0, 0o644 << 16, offset,
        )  # fmt: skip
        central += encoded
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0
    )
    return bytes(out)


@dataclass(frozen=True)
class PreparedTemplate:
    path: Path
    parts: tuple[TemplatePart, ...]


def unsafe_attribute_in(ast: nodes.Template) -> str | None:
    """The first ``_private`` / ``__dunder__`` attribute or key a template reaches for, if any."""
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        name = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem):
            key = node.arg
            if isinstance(key, nodes.Const) and isinstance(key.value, str):
                name = key.value
        if name is not None and name.startswith("_"):
            return name
    return None


def patched_source(xml: bytes) -> str:
    """A part's XML as docxtpl-patched Jinja source, one paragraph per line (for error locations)."""
    root = etree.fromstring(xml)
    text = etree.tostring(root, encoding="unicode")
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", _docxtpl_patch(text))


def describe_location(source: str, lineno: int | None) -> str:
    """Where a line of patched source sits in the document: paragraph, table, and its text."""
    if not lineno:
        return ""
    lines = source.split("\n")
    lineno = max(1, min(lineno, len(lines)))
    before = "\n".join(lines[: lineno - 1])
    opened = len(re.findall(r"<w:tbl>", before))
    depth = opened - before.count("</w:tbl>")
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]).strip()
    text = text if len(text) <= 60 else text[:57] + "..."
    where = f"paragraph {lineno - 1}" + (f" (table {opened})" if depth > 0 else "")
    return f"{where}: «{text}»" if text else where


def compile_part(path: Path, name: str, source: str) -> Any:
    try:
        ast = ENVIRONMENT.parse(source)
    except TemplateSyntaxError as error:
        where = describe_location(source, error.lineno)
        raise TemplateRefused(
            f"template syntax error in {name}, {where}: {error.message}", path
        ) from None
    unsafe = unsafe_attribute_in(ast)
    if unsafe is not None:
        raise TemplateRefused(
            f"template refused: it reaches for the Python internal '{unsafe}' in {name}", path
        )
    return ENVIRONMENT.from_string(source)


def _prepare_styles(data: bytes) -> bytes:
    return ooxml.ensure_default_fonts(ooxml.strip_theme_fonts(data), DEFAULT_EAST_ASIAN_FONT)


def prepare(path: Path) -> PreparedTemplate:
    """Read, patch and compile one template file (uncached; see :func:`load_template`)."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise TemplateRefused(f"cannot read the template: {error}", path) from None
    parts = []
    with archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "word/styles.xml":
                data = _prepare_styles(data)
            elif info.filename.startswith("word/") and info.filename.endswith(".xml"):
                data = ooxml.strip_theme_fonts(data)
            if TEMPLATED_PART.match(info.filename):
                try:
                    source = patched_source(data)
                except etree.XMLSyntaxError as error:
                    raise TemplateRefused(
                        f"{info.filename} is not well-formed XML: {error}", path
                    ) from None
                template = compile_part(path, info.filename, source)
                parts.append(TemplatePart(info.filename, data, template))
            else:
                parts.append(
                    TemplatePart(info.filename, data, deflated=deflate(data), crc=zlib.crc32(data))
                )
    names = {p.name for p in parts}
    if "word/document.xml" not in names:
        raise TemplateRefused("not a Word document (no word/document.xml)", path)
    return PreparedTemplate(path, tuple(parts))


_CACHE: dict[tuple[str, int, int], PreparedTemplate] = {}
_CACHE_LOCK = threading.Lock()


def load_template(path: Path) -> PreparedTemplate:
    """The prepared template for ``path``, prepared at most once per file version per process."""
    try:
        stat = path.stat()
    except OSError as error:
        raise TemplateRefused(f"cannot read the template: {error.strerror}", path) from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    prepared = prepare(path)
    with _CACHE_LOCK:
        _CACHE[key] = prepared
    return prepared


def render_part(part: TemplatePart, context: dict[str, Any], path: Path) -> bytes:
    try:
        xml = part.template.render(context)
    except SecurityError as error:
        raise TemplateRefused(
            f"template refused: it reaches for Python internals in {part.name} ({error})", path
        ) from None
    except TemplateError as error:
        raise TemplateRefused(f"template error in {part.name}: {error}", path) from None
    # Undo the newline patched_source put before each paragraph (for error line numbers).
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    xml = resolve_line_breaks(xml)
    return XML_DECLARATION + xml.encode("utf-8")


def core_properties(title: str, language: str, when: dt.date | None) -> bytes:
    """docProps/core.xml with fixed timestamps (the meeting date, or a constant)."""
    stamp = (when or dt.date(2000, 1, 1)).isoformat() + "T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title>"
        "<dc:creator>minutes</dc:creator>"
        "<cp:lastModifiedBy>minutes</cp:lastModifiedBy>"
        f"<dc:language>{xml_escape(language)}</dc:language>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def render(
    prepared: PreparedTemplate,
    context: dict[str, Any],
    *,
    title: str = "",
    language: str = "zh-Hans",
    when: dt.date | None = None,
) -> bytes:
    """The finished .docx bytes: same template and context, same bytes."""
    entries: list[ZipEntry] = []
    for part in prepared.parts:
        if part.template is not None:
            entries.append(zip_entry(part.name, render_part(part, context, prepared.path)))
        elif part.name == "docProps/core.xml":
            entries.append(zip_entry(part.name, core_properties(title, language, when)))
        else:
            assert part.deflated is not None
            entries.append((part.name, part.data, part.deflated, part.crc))
    return write_zip(entries)
