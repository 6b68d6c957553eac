"""Decode a notes file: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK or Big5.

Files typed on Windows machines in mainland China are often GBK (GB18030),
those from Taiwan and Hong Kong often Big5; both byte ranges overlap, so a file
that decodes under both is scored by how common its characters are in each
script. Line endings become LF (CRLF, lone CR) without adding or losing a line,
so line numbers match the file.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from pipeline.errors import MinutesError

# Very frequent characters of meeting notes in each script. A GBK file read as
# Big5 (or the reverse) turns into rare characters, so the share of these tells
# the two apart.
_COMMON_SIMPLIFIED = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
)
_COMMON_TRADITIONAL = set(
    "的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處隊南給色光門即保治北造百規熱領七海口東導器壓志世金增爭濟階油思術極交受聯什認六共權收證改清己美再採轉更單風切打白教速花帶安場身車例真務具萬每目至達走積示議聲報鬥完類八離華名確才科張信馬節話米整空元況今集溫傳土許步群廣石記需段研界拉林律叫且究觀越織裝影算低持音眾書布復容兒須際商非驗連斷深難近礦千週委素技備半辦青省列習響約支般史感勞便團往酸歷市克何除消構府稱太準精值號率族維劃選標寫存候毛親快效斯院查江型眼王按格養易置派層片始卻專狀育廠京識適屬圓包火住調滿縣局照參紅細引聽該鐵價嚴龍飛"
)


class UndecodableError(ValueError):
    """Bytes that are not text in the expected encoding; ``line`` is where the first bad byte is."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.line = line


def _line_of_byte(data: bytes, offset: int, encoding: str = "ascii") -> int:
    """1-based line holding byte ``offset`` (counting newlines in ``encoding``)."""
    if encoding.startswith("utf-16"):
        return data[:offset].decode(encoding, errors="replace").count("\n") + 1
    return data[:offset].count(b"\n") + 1


def _first_utf8_error_line(data: bytes) -> int | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _line_of_byte(data, error.start)
    return None


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", len(codecs.BOM_UTF8)
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _common_share(text: str, common: set[str]) -> float:
    cjk = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(ch in common for ch in cjk) / len(cjk)


def _choose_legacy(data: bytes) -> tuple[str, str] | None:
    """Pick GB18030 or Big5 for bytes that are not UTF-8: the reading with more common characters."""
    candidates: list[tuple[float, str, str]] = []
    gbk = _try_decode(data, "gbk")
    if gbk is not None:
        candidates.append((_common_share(gbk, _COMMON_SIMPLIFIED | _COMMON_TRADITIONAL), "gbk", gbk))
    big5 = _try_decode(data, "big5")
    if big5 is not None:
        candidates.append((_common_share(big5, _COMMON_TRADITIONAL), "big5", big5))
    if not candidates:
        # GB18030 decodes every byte sequence GBK cannot (four-byte forms); last resort.
        gb18030 = _try_decode(data, "gb18030")
        return ("gb18030", gb18030) if gb18030 is not None else None
    # Ties (e.g. no CJK at all) go to GBK, the more common legacy encoding.
    candidates.sort(key=lambda item: (-item[0], item[1] != "gbk"))
    _, name, text = candidates[0]
    if name == "gbk":
        # GB18030 is a superset of GBK with the same bytes for shared characters.
        text = data.decode("gb18030")
        name = "gb18030"
    return name, text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; the number of lines does not change."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode file bytes; returns (text with LF newlines, encoding used).

    Raises :class:`UndecodableError` (a reason and, where known, the line) for
    binary or undecodable data.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UndecodableError(f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            bad = data[error.start : error.start + 1].hex().upper()
            raise UndecodableError(
                f"not valid {encoding}: byte 0x{bad} cannot be decoded",
                _line_of_byte(data, error.start, encoding),
            ) from None
        if text.startswith("\ufeff"):
            text = text[1:]
        return normalise_newlines(text), encoding

    bom = _bom_encoding(data)
    if bom is not None:
        name, skip = bom
        body = data[skip:]
        try:
            return normalise_newlines(body.decode(name)), name
        except UnicodeDecodeError as error:
            raise UndecodableError(
                f"not valid {name} after its byte-order mark (truncated or damaged file)",
                _line_of_byte(body, error.start, name),
            ) from None

    if b"\x00" in data:
        raise UndecodableError(
            "not a text file (contains NUL bytes)", _line_of_byte(data, data.index(b"\x00"))
        )
    utf8 = _try_decode(data, "utf-8")
    if utf8 is not None:
        return normalise_newlines(utf8), "utf-8"
    legacy = _choose_legacy(data)
    if legacy is None:
        raise UndecodableError(
            "not text in UTF-8, UTF-16, GB18030 or Big5 (the first byte that is not UTF-8"
            " is on this line); try --encoding",
            _first_utf8_error_line(data),
        )
    name, text = legacy
    return normalise_newlines(text), name


def read_text(path: Path, encoding: str | None = None) -> str:
    """Read a notes file as text with LF newlines; errors are one-line MinutesErrors naming it.

    A file larger than :data:`parsers.limits.MAX_NOTE_BYTES` is refused before it is read.
    """
    from parsers import limits

    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            # the size is known before anything is read: an 11 MB note is refused unread
            data = b"" if size > limits.MAX_NOTE_BYTES else handle.read(limits.MAX_NOTE_BYTES + 1)
    except FileNotFoundError:
        raise MinutesError("cannot read: no such file", path) from None
    except IsADirectoryError:
        raise MinutesError("cannot read: is a directory", path) from None
    except OSError as error:
        raise MinutesError(f"cannot read: {error.strerror or error}", path) from None
    if size > limits.MAX_NOTE_BYTES:
        raise limits.too_large(size, path)
    if len(data) > limits.MAX_NOTE_BYTES:  # grew while read, or not a regular file
        raise limits.too_large(None, path)
    try:
        text, _ = decode_bytes(data, encoding)
    except UndecodableError as error:
        raise MinutesError(f"cannot read: {error}", path, error.line) from None
    return text
