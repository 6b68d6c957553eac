"""What every written document is cleaned of, and the fonts and language tags of its script.

Two steps, both on the raw zip parts, for every template (the built-in
profiles' and a company's own):

* :func:`clean_package`, once per template when it is prepared: no leftovers
  of the tool that made the template. Word opens the document in its current
  mode (compatibility mode 15), ``docProps/app.xml`` names ``minutes`` and
  claims no page, word or line counts, there is no thumbnail and no
  ``stylesWithEffects.xml`` (parts, relationships and content types), no
  theme font is left (a theme font overrides the named font: Word would show
  the theme's Latin or Japanese face instead of 宋体), and the page-number
  fields keep no cached value (see :func:`clear_page_field_results`).
* :func:`for_script`, per document language: Traditional Chinese notes get
  the fonts Taiwan and Hong Kong machines have (新細明體, 微軟正黑體, 標楷體
  in place of 宋体, 黑体, 楷体) and ``zh-TW`` language tags, Simplified notes
  ``zh-CN``, English ``en-US`` (with ``zh-CN`` for any Chinese in it). A
  profile in :data:`PROFILES_KEEPING_FONTS` keeps its fonts; its language
  tags still follow the notes. Static parts are rewritten once per template
  and language (the renderer caches them); rendered parts cost two regular
  expression passes.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable

from lxml import etree

from renderers.ooxml import LATIN_FONT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
APPLICATION = "minutes"
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no "[Compatibility Mode]" in the title bar
WORD_COMPAT_URI = "http://schemas.microsoft.com/office/word"

# GB/T 9704 prescribes its faces (仿宋, 黑体, 楷体, 方正小标宋) whatever the script.
PROFILES_KEEPING_FONTS = frozenset({"gbt9704"})

THUMBNAIL_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
STYLES_WITH_EFFECTS_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
DROPPED_RELATIONSHIPS = (THUMBNAIL_RELATIONSHIP, STYLES_WITH_EFFECTS_RELATIONSHIP)
CONTENT_TYPES = "[Content_Types].xml"
APP_PROPERTIES = "docProps/app.xml"
STYLES = "word/styles.xml"
SETTINGS = "word/settings.xml"
FONT_TABLE = "word/fontTable.xml"

# Simplified Chinese font names (Chinese and English spellings) and the face a
# Traditional Chinese machine has for the same use. 仿宋 has no Traditional
# counterpart on Windows or macOS; 標楷體 is the nearest brush face there.
TRADITIONAL_FONTS = {
    "宋体": "新細明體",
    "新宋体": "新細明體",
    "SimSun": "新細明體",
    "NSimSun": "新細明體",
    "黑体": "微軟正黑體",
    "SimHei": "微軟正黑體",
    "微软雅黑": "微軟正黑體",
    "Microsoft YaHei": "微軟正黑體",
    "楷体": "標楷體",
    "楷体_GB2312": "標楷體",
    "KaiTi": "標楷體",
    "KaiTi_GB2312": "標楷體",
    "仿宋": "標楷體",
    "仿宋_GB2312": "標楷體",
    "FangSong": "標楷體",
    "FangSong_GB2312": "標楷體",
}
_TRADITIONAL_BYTES = {k.encode(): v.encode() for k, v in TRADITIONAL_FONTS.items()}
# ="name" first (a literal the regular expression engine scans for quickly), the attribute after.
_SIMPLIFIED_FONT = re.compile(
    rb'="('
    + b"|".join(re.escape(name) for name in sorted(_TRADITIONAL_BYTES, key=len, reverse=True))
    + rb')"'
)
_FONT_ATTRIBUTE_BEFORE = re.compile(rb"\sw:(?:ascii|hAnsi|eastAsia|cs)$")


def _traditional_font(match: re.Match[bytes]) -> bytes:
    if _FONT_ATTRIBUTE_BEFORE.search(match.string, max(0, match.start() - 12), match.start()) is None:
        return match.group(0)  # not a font attribute (a style's name, say)
    return b'="' + _TRADITIONAL_BYTES[match.group(1)] + b'"'


# East Asian language tag by the notes' script (Meeting.language).
EAST_ASIAN_LANGUAGE = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "en": "zh-CN"}
LATIN_LANGUAGE = "en-US"

_RFONTS = re.compile(rb"<w:rFonts\b[^>]*>")
_ATTRIBUTE = re.compile(rb'\s+w:([A-Za-z]+)="([^"]*)"')
_THEME_ATTRIBUTE = re.compile(rb"(ascii|hAnsi|eastAsia|cs)theme", re.IGNORECASE)
_FONT_SLOTS = (b"ascii", b"hAnsi", b"eastAsia", b"cs")
_LANG = re.compile(rb"<w:(?:lang|themeFontLang)\b[^>]*>")


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- theme fonts and document defaults ---------------------------------------


def _attributes(tag: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) for m in _ATTRIBUTE.finditer(tag)}


def _element_tag(element: bytes, attributes: dict[bytes, bytes], original: bytes) -> bytes:
    """``<element w:a="…" …>``, self-closing if ``original`` was."""
    inner = b"".join(b' w:%s="%s"' % item for item in attributes.items())
    return b"<" + element + inner + (b"/>" if original.endswith(b"/>") else b">")


def _rfonts_tag(attributes: dict[bytes, bytes], closing: bytes) -> bytes:
    return _element_tag(b"w:rFonts", attributes, closing)


def _without_theme(tag: bytes, defaults: dict[bytes, bytes]) -> bytes:
    """One w:rFonts tag without theme attributes; a slot that had only a theme font gets the default."""
    attributes = _attributes(tag)
    themed = [name for name in attributes if _THEME_ATTRIBUTE.fullmatch(name)]
    if not themed:
        return tag
    for name in themed:
        del attributes[name]
    for name in themed:
        slot = _THEME_ATTRIBUTE.fullmatch(name).group(1)  # type: ignore[union-attr]
        slot = next(s for s in _FONT_SLOTS if s.lower() == slot.lower())
        if slot not in attributes and slot in defaults:
            attributes[slot] = defaults[slot]
    return _rfonts_tag(attributes, b"/>" if tag.endswith(b"/>") else b">")


def replace_theme_fonts(xml: bytes, defaults: dict[bytes, bytes]) -> bytes:
    """Every theme-font attribute dropped; a slot left with no named font gets the default's."""
    if b"heme=" not in xml:  # asciiTheme=, hAnsiTheme=, eastAsiaTheme=, cstheme=, csTheme=
        return xml
    return _RFONTS.sub(lambda m: _without_theme(m.group(0), defaults), xml)


_DOC_DEFAULTS = re.compile(rb"<w:docDefaults\s*/>|<w:docDefaults>.*?</w:docDefaults>", re.DOTALL)
_RPR_DEFAULT = re.compile(rb"<w:rPrDefault\s*/>|<w:rPrDefault>.*?</w:rPrDefault>", re.DOTALL)
_RPR = re.compile(rb"<w:rPr\s*/>|<w:rPr>(.*?)</w:rPr>", re.DOTALL)
_AFTER_LANG = re.compile(rb"<w:(?:eastAsianLayout|specVanish|oMath)\b")


def _default_rpr(inner: bytes, east_asia: str) -> bytes:
    """The docDefaults run properties with all four named fonts and a w:lang (in schema order)."""
    named = {
        b"ascii": LATIN_FONT.encode(),
        b"hAnsi": LATIN_FONT.encode(),
        b"cs": LATIN_FONT.encode(),
        b"eastAsia": east_asia.encode(),
    }
    fonts = _RFONTS.search(inner)
    if fonts is None:
        inner = _rfonts_tag(named, b"/>") + inner
    else:
        attributes = {
            name: value
            for name, value in _attributes(fonts.group(0)).items()
            if not _THEME_ATTRIBUTE.fullmatch(name)
        }
        for slot, value in named.items():
            attributes.setdefault(slot, value)
        closing = b"/>" if fonts.group(0).endswith(b"/>") else b">"
        inner = inner[: fonts.start()] + _rfonts_tag(attributes, closing) + inner[fonts.end() :]
    lang = _LANG.search(inner)
    if lang is None:
        tag = b'<w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
        after = _AFTER_LANG.search(inner)
        inner = inner[: after.start()] + tag + inner[after.start() :] if after else inner + tag
    else:  # both tags present, so that for_script has a Latin and an East Asian one to set
        attributes = _attributes(lang.group(0))
        attributes.setdefault(b"val", LATIN_LANGUAGE.encode())
        attributes.setdefault(b"eastAsia", b"zh-CN")
        inner = inner[: lang.start()] + _element_tag(b"w:lang", attributes, lang.group(0)) + inner[lang.end() :]
    return b"<w:rPr>" + inner + b"</w:rPr>"


def complete_doc_defaults(styles_xml: bytes, east_asia: str) -> bytes:
    """docDefaults naming all four fonts (no theme font) and a language, whatever the template had."""
    block = _DOC_DEFAULTS.search(styles_xml)
    if block is None:
        rpr = _default_rpr(b"", east_asia)
        defaults = b"<w:docDefaults><w:rPrDefault>" + rpr + b"</w:rPrDefault></w:docDefaults>"
        return re.sub(rb"(<w:styles\b[^>]*>)", lambda m: m.group(1) + defaults, styles_xml, count=1)
    text = block.group(0)
    if text.endswith(b"/>"):
        text = b"<w:docDefaults></w:docDefaults>"
    rpr_default = _RPR_DEFAULT.search(text)
    if rpr_default is None:
        new = _default_rpr(b"", east_asia)
        text = text.replace(b"<w:docDefaults>", b"<w:docDefaults><w:rPrDefault>" + new + b"</w:rPrDefault>", 1)
    else:
        old = _RPR.search(rpr_default.group(0))
        new = _default_rpr((old.group(1) or b"") if old else b"", east_asia)
        text = text[: rpr_default.start()] + b"<w:rPrDefault>" + new + b"</w:rPrDefault>" + text[rpr_default.end() :]
    return styles_xml[: block.start()] + text + styles_xml[block.end() :]


def default_fonts(styles_xml: bytes) -> dict[bytes, bytes]:
    """The named fonts of docDefaults (after :func:`complete_doc_defaults`)."""
    block = _DOC_DEFAULTS.search(styles_xml)
    fonts = _RFONTS.search(block.group(0)) if block else None
    return _attributes(fonts.group(0)) if fonts else {}


# --- fields ----------------------------------------------------------------

PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES"})
_W_FLDCHAR, _W_INSTR, _W_T, _W_FLDSIMPLE = (f"{{{W}}}{t}" for t in ("fldChar", "instrText", "t", "fldSimple"))
_W_FLDCHARTYPE, _W_INSTR_ATTR = f"{{{W}}}fldCharType", f"{{{W}}}instr"


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


def clear_page_field_results(xml: bytes) -> bytes:
    """PAGE, NUMPAGES and SECTIONPAGES fields (and fields built on them) with an empty result.

    A template made by a program that never lays out pages caches "1" as the
    result of these fields, so previewers that show cached results (Quick Look,
    mail and cloud previews) read "第 1 页 共 1 页" on every page. Word
    recomputes page fields in headers and footers whenever it lays out the
    pages, and LibreOffice imports them as its own page-number and page-count
    fields, so both show the right number with or without a cached result;
    an empty result is what lets no reader show a wrong one. ``w:dirty`` is
    not set: Word then asks on opening whether to update the document's
    fields, a question a recipient cannot answer.
    """
    if b"PAGE" not in xml:
        return xml
    root = etree.fromstring(xml)
    changed = False
    stack: list[dict[str, object]] = []  # open complex fields: instruction, state, page-dependent
    stale: list[etree._Element] = []
    for element in root.iter(_W_FLDCHAR, _W_INSTR, _W_T):
        if element.tag == _W_FLDCHAR:
            kind = element.get(_W_FLDCHARTYPE)
            if kind == "begin":
                stack.append({"instr": "", "result": False, "page": False})
            elif kind == "separate" and stack:
                field = stack[-1]
                field["result"] = True
                field["page"] = bool(field["page"]) or _field_name(str(field["instr"])) in PAGE_FIELDS
            elif kind == "end" and stack:
                field = stack.pop()
                page = bool(field["page"]) or _field_name(str(field["instr"])) in PAGE_FIELDS
                if page and stack and not stack[-1]["result"]:
                    stack[-1]["page"] = True  # a field computed from the page count is stale too
        elif element.tag == _W_INSTR:
            if stack and not stack[-1]["result"]:
                stack[-1]["instr"] = str(stack[-1]["instr"]) + (element.text or "")
        elif any(field["result"] and field["page"] for field in stack):
            stale.append(element)
    for simple in root.iter(_W_FLDSIMPLE):
        if _field_name(simple.get(_W_INSTR_ATTR, "")) in PAGE_FIELDS:
            stale.extend(simple.iter(_W_T))
    for element in stale:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
            changed = True
    if not changed:
        return xml
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


# --- package: thumbnail, stylesWithEffects, app.xml, settings -----------------


def _rels_source_folder(rels_name: str) -> str:
    """The folder a .rels part's relative targets start from (``word/_rels/document.xml.rels`` → ``word``)."""
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    return folder


def _drop_relationships(rels_name: str, xml: bytes) -> tuple[bytes, set[str]]:
    """The .rels part without thumbnail and stylesWithEffects relationships, and the parts they named."""
    if not any(kind.encode() in xml for kind in DROPPED_RELATIONSHIPS):
        return xml, set()
    root = etree.fromstring(xml)
    targets = set()
    for rel in list(root):
        if rel.get("Type") in DROPPED_RELATIONSHIPS and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join(_rels_source_folder(rels_name), target))
            targets.add(path)
            root.remove(rel)
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False), targets


def _drop_content_types(xml: bytes, dropped: set[str], remaining: Iterable[str]) -> bytes:
    root = etree.fromstring(xml)
    extensions_in_use = {name.rsplit(".", 1)[-1].lower() for name in remaining if "." in name}
    extensions_dropped = {name.rsplit(".", 1)[-1].lower() for name in dropped if "." in name}
    for entry in list(root):
        tag = etree.QName(entry).localname
        extension = entry.get("Extension", "").lower()
        if (tag == "Override" and entry.get("PartName", "").lstrip("/") in dropped) or (
            tag == "Default" and extension in extensions_dropped and extension not in extensions_in_use
        ):
            root.remove(entry)
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def app_properties(template_xml: bytes | None) -> bytes:
    """docProps/app.xml naming minutes; of the template's, only its Company and Manager are kept.

    Page, word, character, line and paragraph counts, editing time and the
    template's application and version are left out: they describe the
    template, not the document written from it.
    """
    kept = []
    if template_xml:
        try:
            root = etree.fromstring(template_xml)
        except etree.XMLSyntaxError:
            root = None
        for child in root if root is not None else ():
            if etree.QName(child).localname in ("Company", "Manager") and (child.text or "").strip():
                name = etree.QName(child).localname
                kept.append(f"<{name}>{xml_escape(child.text or '')}</{name}>")
    return XML_DECLARATION + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{APPLICATION}</Application>{''.join(kept)}</Properties>"
    ).encode()


# Settings children that come after w:compat in CT_Settings (where a missing w:compat goes).
_AFTER_COMPAT = {
    "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
}  # fmt: skip


def current_settings(xml: bytes) -> bytes:
    """settings.xml in compatibility mode 15 and without w:savePreviewPicture (no thumbnail)."""
    root = etree.fromstring(xml)
    if root.tag != f"{{{W}}}settings":
        return xml  # Strict OOXML (another namespace): left as Word wrote it
    for preview in root.findall(f"{{{W}}}savePreviewPicture"):
        root.remove(preview)
    compat = root.find(f"{{{W}}}compat")
    if compat is None:
        compat = etree.Element(f"{{{W}}}compat")
        successor = next((c for c in root if etree.QName(c).localname in _AFTER_COMPAT), None)
        if successor is not None:
            successor.addprevious(compat)
        else:
            root.append(compat)
    setting = next(
        (s for s in compat.iter(f"{{{W}}}compatSetting") if s.get(f"{{{W}}}name") == "compatibilityMode"),
        None,
    )
    if setting is None:
        setting = etree.SubElement(compat, f"{{{W}}}compatSetting")  # the last children of w:compat
        setting.set(f"{{{W}}}name", "compatibilityMode")
    setting.set(f"{{{W}}}uri", WORD_COMPAT_URI)
    setting.set(f"{{{W}}}val", COMPATIBILITY_MODE)
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


# How Word describes the Chinese faces in word/fontTable.xml: the English name (w:altName),
# the character set (86 GB2312, 88 Big5) and the family, which Word and WPS use to pick a
# stand-in on a machine without the font (a Mac, an English Windows without the
# Traditional supplemental fonts).
FONT_DESCRIPTIONS = {
    "宋体": ("SimSun", "86", "auto"),
    "黑体": ("SimHei", "86", "modern"),
    "楷体": ("KaiTi", "86", "modern"),
    "仿宋": ("FangSong", "86", "modern"),
    "新細明體": ("PMingLiU", "88", "roman"),
    "微軟正黑體": ("Microsoft JhengHei", "88", "swiss"),
    "標楷體": ("DFKai-SB", "88", "script"),
}
_EAST_ASIAN_FONT = re.compile(rb'<w:rFonts\b[^>]*\sw:eastAsia="([^"]*)"')


def describe_fonts(font_table: bytes, named: set[str]) -> bytes:
    """The font table with an entry for each Chinese face in ``named`` (and its Traditional
    counterpart) that it lacks, so every font a document may name is described."""
    wanted = named | {TRADITIONAL_FONTS[name] for name in named if name in TRADITIONAL_FONTS}
    entries = []
    for name in sorted(wanted & FONT_DESCRIPTIONS.keys()):
        if f'w:name="{name}"'.encode() in font_table:
            continue
        alt, charset, family = FONT_DESCRIPTIONS[name]
        entries.append(
            f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        )
    if not entries or b"</w:fonts>" not in font_table:
        return font_table
    at = font_table.rindex(b"</w:fonts>")
    return font_table[:at] + "".join(entries).encode() + font_table[at:]


def clean_package(
    parts: list[tuple[str, bytes]],
    east_asian_font: str,
    is_field_part: Callable[[str], bool],
) -> list[tuple[str, bytes]]:
    """A template's parts as every written document should carry them (see the module's text).

    ``is_field_part`` tells which parts may hold page fields (document, headers, footers …).
    """
    try:
        return _clean_package(parts, east_asian_font, is_field_part)
    except _Malformed as error:
        raise MalformedPart(f"{error.name} is not well-formed XML: {error.error}") from None


class MalformedPart(ValueError):
    """A part of the template that is not well-formed XML (the message names it)."""


class _Malformed(Exception):
    def __init__(self, name: str, error: etree.XMLSyntaxError):
        super().__init__(name)
        self.name, self.error = name, error


def _parsed(name: str, step: Callable[[bytes], bytes], data: bytes) -> bytes:
    try:
        return step(data)
    except etree.XMLSyntaxError as error:
        raise _Malformed(name, error) from None


def _clean_package(
    parts: list[tuple[str, bytes]],
    east_asian_font: str,
    is_field_part: Callable[[str], bool],
) -> list[tuple[str, bytes]]:
    dropped: set[str] = set()
    cleaned: dict[str, bytes] = {}
    for name, data in parts:
        if name.endswith(".rels"):
            try:
                data, targets = _drop_relationships(name, data)
            except etree.XMLSyntaxError as error:
                raise _Malformed(name, error) from None
            dropped |= targets
        cleaned[name] = data
    dropped |= {
        posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels") for part in dropped
    }  # the relationships of a dropped part go with it
    names = [name for name, _ in parts if name not in dropped]
    styles = cleaned.get(STYLES)
    if styles is not None:
        styles = complete_doc_defaults(styles, east_asian_font)
        cleaned[STYLES] = styles
    fonts = default_fonts(styles) if styles is not None else {}
    fonts = fonts or {b"ascii": LATIN_FONT.encode(), b"hAnsi": LATIN_FONT.encode(),
                      b"cs": LATIN_FONT.encode(), b"eastAsia": east_asian_font.encode()}  # fmt: skip
    result = []
    for name in names:
        data = cleaned[name]
        if name == CONTENT_TYPES:
            data = _parsed(name, lambda xml: _drop_content_types(xml, dropped, names), data)
        elif name == APP_PROPERTIES:
            data = app_properties(data)
        elif name == SETTINGS:
            data = _parsed(name, current_settings, data)
        elif name.startswith("word/") and name.endswith(".xml") and not name.startswith("word/theme/"):
            data = replace_theme_fonts(data, fonts)
            if is_field_part(name):
                data = _parsed(name, clear_page_field_results, data)
        result.append((name, data))
    named = {font.decode() for _, data in result for font in _EAST_ASIAN_FONT.findall(data)}
    return [(name, describe_fonts(data, named) if name == FONT_TABLE else data) for name, data in result]


# --- fonts and language by script --------------------------------------------


def _language_tag(language: str) -> Callable[[re.Match[bytes]], bytes]:
    east_asian = EAST_ASIAN_LANGUAGE.get(language, "zh-CN").encode()

    def retag(match: re.Match[bytes]) -> bytes:
        tag = match.group(0)
        attributes = _attributes(tag)
        if b"eastAsia" in attributes or tag.startswith(b"<w:themeFontLang"):
            attributes[b"eastAsia"] = east_asian
        if language == "en" and b"val" in attributes:
            attributes[b"val"] = LATIN_LANGUAGE.encode()
        elif attributes.get(b"val", b"").lower().startswith(b"zh"):
            attributes[b"val"] = east_asian  # Chinese tagged on Latin text follows the script too
        element = b"w:themeFontLang" if tag.startswith(b"<w:themeFontLang") else b"w:lang"
        return _element_tag(element, attributes, tag)

    return retag


# What a part needs (script_needs): bit 0 its language tags, one bit more for each Simplified font name.
LANGUAGE_TAGS = 1
_FONT_BITS = {name: 2 << i for i, name in enumerate(_TRADITIONAL_BYTES)}


def script_needs(name: str, data: bytes) -> int:
    """What :func:`for_script` may change in a part: 0 for nothing (the part is the same for every script).

    A rendered part can hold no font name or language tag its template part has
    not (the notes' text is escaped), so the answer for a template part holds for
    every document rendered from it, and :func:`for_script` need not look for the rest.
    """
    if not name.startswith("word/") or not name.endswith(".xml") or name.startswith("word/theme/"):
        return 0
    needs = LANGUAGE_TAGS if b"<w:lang" in data or b"<w:themeFontLang" in data else 0
    for match in _SIMPLIFIED_FONT.finditer(data):
        if _traditional_font(match) != match.group(0):
            needs |= _FONT_BITS[match.group(1)]
    return needs


def for_script(xml: bytes, language: str, keep_fonts: bool = False, needs: int | None = None) -> bytes:
    """Fonts and w:lang tags for notes in ``language`` (a Meeting.language: zh-Hans, zh-Hant, en).

    Traditional Chinese notes get Traditional fonts unless ``keep_fonts``;
    every w:lang (and settings' w:themeFontLang) gets the script's tags.
    A template naming Traditional fonts already (the ``tw`` profile) is left as it is.
    ``needs``, :func:`script_needs` of the part's template, limits the work to what
    the part holds (a plain replacement of the font names it names); None looks for everything.
    """
    if language == "zh-Hant" and not keep_fonts:
        if needs is None:
            xml = _SIMPLIFIED_FONT.sub(_traditional_font, xml)
        else:
            for name, bit in _FONT_BITS.items():
                if needs & bit:
                    xml = xml.replace(b'="' + name + b'"', b'="' + _TRADITIONAL_BYTES[name] + b'"')
    if (needs is None or needs & LANGUAGE_TAGS) and (b"<w:lang" in xml or b"<w:themeFontLang" in xml):
        xml = _LANG.sub(_language_tag(language), xml)
    return xml
