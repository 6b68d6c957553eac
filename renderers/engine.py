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

Templates cannot hurt: a template's zip is checked before any of it is used
(:func:`read_template`), and every render runs under a budget of time, loop
iterations and output, with repetition and padding that would make huge values
refused before they are computed (:class:`BoundedEnvironment`, :class:`RenderBudget`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from pipeline.errors import MinutesError
from renderers import docx_hygiene

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
TEMPLATED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
DEFAULT_EAST_ASIAN_FONT = "宋体"


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (xml.sax.saxutils.escape without its
    import of urllib.request, http.client and ssl, a few ms of every start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


class TemplateRefused(MinutesError):
    """A template that is broken, hostile or reaches for Python internals."""


# --- Limits on a template file (checked before anything in it is used) ---------
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024  # the .docx itself, and all its parts uncompressed
MAX_TEMPLATE_MEMBERS = 1000
MAX_COMPRESSION_RATIO = 200  # for a part of more than RATIO_CHECKED_ABOVE bytes
RATIO_CHECKED_ABOVE = 1024 * 1024
# The parts a Word document has: [Content_Types].xml, the package relationships,
# and word/, docProps/, customXml/ holding XML, relationships, pictures and fonts
# (embedded workbooks for charts too). Anything else (macros, OLE and ActiveX
# binaries, executables, files outside those folders) is refused.
ALLOWED_TOP_LEVEL = frozenset({"[Content_Types].xml", "_rels/.rels"})
ALLOWED_FOLDERS = ("word/", "docProps/", "customXml/")
ALLOWED_EXTENSIONS = frozenset(
    {
        "xml", "rels", "png", "jpeg", "jpg", "gif", "bmp", "tif", "tiff", "emf", "wmf",
        "svg", "odttf", "xlsx",
    }
)  # fmt: skip
_DRIVE = re.compile(r"^[A-Za-z]:")

# --- Limits on one render (per document; see RenderBudget) ---------------------
RENDER_SECONDS = 10.0
MAX_PART_CHARS = 50_000_000  # XML characters one part may produce
MAX_LOOP_ITERATIONS = 5_000_000  # loop iterations in one document
MAX_WRITTEN_CHARS = 100_000_000  # characters all {{ … }} of one document write (macros included)
MAX_VALUE_LENGTH = 10_000_000  # characters (or items) in one value a template makes
MAX_INT_BITS = 65_536  # integers a template computes
# A trial render (a template rendered once with a small sample meeting, by `templates
# validate` and before a build) has less time: a template that needs more for that is
# refused rather than waited for.
TRIAL_SECONDS = 2.0


@dataclass(frozen=True)
class RenderBudget:
    """What one document's render may use; defaults from the module constants."""

    seconds: float
    max_part_chars: int
    max_iterations: int
    max_written_chars: int

    @classmethod
    def default(cls) -> RenderBudget:
        return cls(RENDER_SECONDS, MAX_PART_CHARS, MAX_LOOP_ITERATIONS, MAX_WRITTEN_CHARS)

    @classmethod
    def trial(cls) -> RenderBudget:
        """The budget of a trial render: the default limits, at most TRIAL_SECONDS."""
        return replace(cls.default(), seconds=min(TRIAL_SECONDS, RENDER_SECONDS))


class BudgetExceeded(Exception):
    """Raised inside a render that goes beyond its budget (turned into TemplateRefused)."""


class _RenderState(threading.local):
    deadline: float | None = None
    seconds: float = 0.0
    iterations_left: int = 0
    chars_left: int = 0
    max_chars: int = 0


_STATE = _RenderState()


def _tick() -> None:
    """Stop the render in this thread once it is past its deadline."""
    deadline = _STATE.deadline
    if deadline is not None and time.monotonic() > deadline:
        raise BudgetExceeded(f"rendering took longer than {_STATE.seconds:g} s")


def _too_long(what: str) -> BudgetExceeded:
    return BudgetExceeded(f"{what} would be longer than {MAX_VALUE_LENGTH:,} characters")


def _check_value(value: Any) -> None:
    if isinstance(value, str | list | tuple) and len(value) > MAX_VALUE_LENGTH:
        raise _too_long("a value")


def _check_numbers(values: Iterable[Any]) -> None:
    """Widths, counts and repeats: no number beyond MAX_VALUE_LENGTH."""
    for value in values:
        if isinstance(value, int) and abs(value) > MAX_VALUE_LENGTH:
            raise BudgetExceeded(f"a width or count of {value} is larger than {MAX_VALUE_LENGTH:,}")


# widths and precisions in %-formats (%-30s, %.2f) and {}-formats ({:>30}, {0:.2f})
_FORMAT_WIDTH = re.compile(r"%[-#0 +]*(\d+)|%[-#0 +]*\d*\.(\d+)|\{[^{}]*:[^{}]*?(\d+)")


_NESTED_FIELD = re.compile(r"\{[^{}]*\{")


def _check_format(fmt: Any, args: Iterable[Any] = ()) -> None:
    """A %- or {}-format string may not pad to more than MAX_VALUE_LENGTH."""
    if not isinstance(fmt, str):
        return
    for match in _FORMAT_WIDTH.finditer(fmt):
        digits = next(group for group in match.groups() if group is not None).lstrip("0")
        if len(digits) > len(str(MAX_VALUE_LENGTH)) or int(digits or "0") > MAX_VALUE_LENGTH:
            raise _too_long("a formatted value")
    if "*" in fmt or _NESTED_FIELD.search(fmt):
        _check_numbers(args)


def _size(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 0


def _check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "*":
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise BudgetExceeded("an integer too large to compute")
            return
        for seq, count in ((left, right), (right, left)):
            if (
                isinstance(count, int)
                and isinstance(seq, str | list | tuple)
                and len(seq) * count > MAX_VALUE_LENGTH
            ):
                raise _too_long("a repeated value")
    elif operator == "**":
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and right > 0
            and left.bit_length() * right > MAX_INT_BITS
        ):
            raise BudgetExceeded("an integer too large to compute")
    elif operator == "%":
        if isinstance(left, str):
            _check_format(left, right if isinstance(right, tuple) else (right,))
    elif (
        operator == "+"
        and isinstance(left, str | list | tuple)
        and isinstance(right, str | list | tuple)
        and len(left) + len(right) > MAX_VALUE_LENGTH
    ):
        raise _too_long("a joined value")


def _check_method_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Calls of a string's or list's own methods (ljust, zfill, join, replace …)."""
    owner = getattr(obj, "__self__", None)
    if not isinstance(owner, str | list | tuple):
        return
    _check_numbers([*args, *kwargs.values()])
    name = getattr(obj, "__name__", "")
    if name == "join" and args:
        if len(owner) * _size(args[0]) > MAX_VALUE_LENGTH:
            raise _too_long("a joined value")
    elif name == "replace" and len(args) >= 2 and isinstance(owner, str):
        old, new = args[0], args[1]
        if isinstance(old, str) and isinstance(new, str):
            found = len(owner) + 1 if not old else len(owner) // len(old)
            if len(owner) + found * len(new) > MAX_VALUE_LENGTH:
                raise _too_long("a replaced value")
    elif name == "expandtabs" and isinstance(owner, str):
        tab = args[0] if args and isinstance(args[0], int) else 8
        if len(owner) + owner.count("\t") * tab > MAX_VALUE_LENGTH:
            raise _too_long("a value")


def _argument(
    args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str, default: Any = None
) -> Any:
    """A filter's argument by position (after the value) or by name."""
    return args[index] if len(args) > index else kwargs.get(name, default)


def _check_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Filters that repeat or pad (indent, join, replace, wordwrap, batch, center, format)."""
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

    if args and isinstance(args[0], Context | EvalContext | SandboxedEnvironment):
        args = args[1:]
    if not args:
        return
    value, rest = args[0], args[1:]
    _check_numbers([*rest, *kwargs.values()])
    estimate = 0
    if name == "format":
        _check_format(value, [*rest, *kwargs.values()])
    elif name == "join":
        separator = _argument(rest, kwargs, 0, "d", "")
        estimate = _size(value) * _size(separator) if isinstance(separator, str) else 0
    elif name == "indent" and isinstance(value, str):
        width = _argument(rest, kwargs, 0, "width", 4)
        lines = value.count("\n") + 1
        estimate = len(value) + lines * (width if isinstance(width, int) else _size(width))
    elif name == "wordwrap" and isinstance(value, str):
        width = _argument(rest, kwargs, 0, "width", 79)
        wrapstring = _argument(rest, kwargs, 2, "wrapstring")
        if isinstance(width, int) and isinstance(wrapstring, str):
            estimate = len(value) + (len(value) // max(width, 1) + 1) * len(wrapstring)
    elif name == "replace" and isinstance(value, str):
        old, new = _argument(rest, kwargs, 0, "old"), _argument(rest, kwargs, 1, "new")
        if isinstance(old, str) and isinstance(new, str):
            found = len(value) + 1 if not old else len(value) // len(old)
            estimate = len(value) + found * len(new)
    if estimate > MAX_VALUE_LENGTH:
        raise _too_long(f"the result of '{name}'")


def _guard_filter(name: str, func: Any) -> Any:
    @functools.wraps(func)  # keeps Jinja's pass_context/pass_eval_context marks
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        _check_filter(name, args, kwargs)
        result = func(*args, **kwargs)
        _check_value(result)
        return result

    return guarded


class _GuardedLoop:
    """What a template's {% for %} iterates over: counts iterations, watches the clock."""

    __slots__ = ("_items",)

    def __init__(self, items: Any):
        self._items = items

    def __iter__(self) -> Iterator[Any]:
        state = _STATE
        for item in self._items:
            if state.deadline is not None:
                state.iterations_left -= 1
                if state.iterations_left < 0:
                    raise BudgetExceeded(
                        "rendering needs more loop iterations than the budget allows"
                    )
                _tick()
            yield item

    def __len__(self) -> int:
        return len(self._items)


GUARD_FILTER = "minutes_guarded_loop"
COUNT_FILTER = "minutes_counted_output"


def _counted_output(value: Any) -> Any:
    """What a ``{{ … }}`` writes, anywhere (macros and set blocks too), counted against the budget."""
    if isinstance(value, str) and _STATE.deadline is not None:
        _STATE.chars_left -= len(value)
        if _STATE.chars_left < 0:
            raise BudgetExceeded(
                f"it writes more than {_STATE.max_chars:,} characters of values in one document"
            )
    return value


class BoundedEnvironment(SandboxedEnvironment):
    """The sandbox, with every operation that could run away checked against the budget.

    Repetition (``*``), powers, padding and joining that would make a value of
    more than MAX_VALUE_LENGTH characters are refused before they are computed;
    function calls, attribute look-ups, filters and every loop iteration check
    the render's deadline and loop budget.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        value = super().getattr(obj, attribute)
        _check_value(value)
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        _tick()
        value = super().getitem(obj, argument)
        _check_value(value)
        return value

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        _tick()
        _check_method_call(obj, args, kwargs)
        result = super().call(context, obj, *args, **kwargs)
        _check_value(result)
        return result

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt = value.__self__

        @functools.wraps(wrapped)
        def checked(*args: Any, **kwargs: Any) -> Any:
            _tick()
            _check_format(fmt, [*args, *kwargs.values()])
            result = wrapped(*args, **kwargs)
            _check_value(result)
            return result

        return checked


def make_environment() -> SandboxedEnvironment:
    """The only Jinja environment templates are compiled in: sandboxed, autoescaping, strict, bounded."""
    env = BoundedEnvironment(autoescape=True, undefined=StrictUndefined)
    for helper in ("cycler", "joiner", "lipsum"):
        env.globals.pop(helper, None)
    env.filters = {name: _guard_filter(name, func) for name, func in env.filters.items()}
    env.filters[GUARD_FILTER] = _GuardedLoop
    env.filters[COUNT_FILTER] = _counted_output
    return env


ENVIRONMENT = make_environment()


@dataclass(frozen=True)
class TemplatePart:
    """One zip entry of a prepared template: raw bytes, and compiled Jinja for templated parts."""

    name: str
    data: bytes
    template: Any = None  # jinja2.Template
    deflated: bytes | None = None  # static parts: compressed once, at preparation
    crc: int = 0  # static parts: CRC-32 of data, computed once
    by_script: int = 0  # what of the part follows the notes' script (docx_hygiene.script_needs)



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
    # (part name, language, keep_fonts) → zip entry of a by_script part, made on first use
    variants: dict[tuple[str, str, bool], ZipEntry] = field(default_factory=dict, compare=False)


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


class UnclosedTag(ValueError):
    """A ``{{`` or ``{%`` that docxtpl's patching could take quadratic time over."""

    def __init__(self, message: str, text: str, at: int):
        self.where = describe_location(
            re.sub(r"<w:p([ >])", r"\n<w:p\1", text), len(re.findall(r"<w:p[ >]", text[:at])) + 1
        )
        super().__init__(f"{self.where}: {message}" if self.where else message)
        self.reason = message


MAX_TAG_CHARS = 20_000  # XML characters from a {{ or {% to its }} or %}
# docxtpl's first step: a tag's two braces split across runs are joined
_SPLIT_BRACES = re.compile(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})")
_TAG_MARK = re.compile(r"\{\{|\{%|%\}|\}\}")


def check_tags(xml: str) -> None:
    """Every ``{{`` / ``{%`` closes within MAX_TAG_CHARS, holds no other, and no ``-%}`` is stray.

    docxtpl's patching scans from each unclosed tag to the end of the part, so a
    part full of them takes hours; such a part is refused (it would not compile).
    """
    text = _SPLIT_BRACES.sub("", xml)
    opened, closing = -1, ""
    for mark in _TAG_MARK.finditer(text):
        token, at = mark.group(), mark.start()
        if opened < 0:
            if token in ("{{", "{%"):
                opened, closing = at, "}}" if token == "{{" else "%}"
            elif token == "%}" and text[at - 1 : at] == "-":
                raise UnclosedTag("a '-%}' that closes no tag", text, at)
        elif token == closing:
            if at - opened > MAX_TAG_CHARS:
                raise UnclosedTag(f"a tag longer than {MAX_TAG_CHARS:,} characters of XML", text, at)
            opened = -1
        elif token in ("{{", "{%"):
            raise UnclosedTag(f"a '{token}' inside another tag", text, at)
    if opened >= 0:
        raise UnclosedTag(f"a '{text[opened : opened + 2]}' that is never closed", text, opened)


def patched_source(xml: bytes) -> str:
    """A part's XML as docxtpl-patched Jinja source, one paragraph per line (for error locations)."""
    root = etree.fromstring(xml)
    text = etree.tostring(root, encoding="unicode")
    check_tags(text)
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
    code = ENVIRONMENT.compile(bounded(ast))
    template = template_from_code(code)
    template.minutes_code = code  # what the per-user cache keeps (renderers.compiled_cache)
    return template


def template_from_code(code: Any) -> Any:
    """The template of code compiled by ENVIRONMENT, run in it (what ``from_string`` does)."""
    return ENVIRONMENT.template_class.from_code(
        ENVIRONMENT, code, ENVIRONMENT.make_globals(None), None
    )


_LITERAL_BRACES = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))


def bounded(ast: nodes.Template) -> nodes.Template:
    """The parsed template with every loop counted and timed, and docxtpl's escapes resolved.

    docxtpl writes a literal ``{{`` in a template as ``{_{``; it is turned back
    here, in the template's own text only, so the same characters in a value
    (the user's notes) come out exactly as typed.
    """
    for loop in ast.find_all(nodes.For):
        loop.iter = nodes.Filter(loop.iter, GUARD_FILTER, [], [], None, None, lineno=loop.lineno)
    for output in ast.find_all(nodes.Output):
        output.nodes = [
            child
            if isinstance(child, nodes.TemplateData)
            else nodes.Filter(child, COUNT_FILTER, [], [], None, None, lineno=child.lineno)
            for child in output.nodes
        ]
    for data in ast.find_all(nodes.TemplateData):
        for escaped, literal in _LITERAL_BRACES:
            data.data = data.data.replace(escaped, literal)
    return ast


def _member_problem(name: str) -> str | None:
    """Why a zip member name is refused, or None for a part a Word document has."""
    if not name or "\\" in name or name.startswith("/") or _DRIVE.match(name):
        return "an absolute or Windows-style path"
    if any(ord(c) < 32 for c in name):
        return "a control character in its name"
    if any(step in ("", ".", "..") for step in name.rstrip("/").split("/")):
        return "a '..' or empty step in its path"
    if name.endswith("/"):
        return None  # a folder entry: allowed, nothing is copied
    if name in ALLOWED_TOP_LEVEL:
        return None
    if not name.startswith(ALLOWED_FOLDERS):
        return "not a part of a Word document"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    if extension not in ALLOWED_EXTENSIONS:
        return "not a part of a Word document (macros, embedded programs and other files are refused)"
    return None


def read_template(path: Path) -> list[tuple[str, bytes]]:
    """The parts of a template .docx, checked before any is used; TemplateRefused otherwise.

    Refused: a file or total uncompressed size over MAX_TEMPLATE_BYTES, more than
    MAX_TEMPLATE_MEMBERS entries, a part compressed more than
    MAX_COMPRESSION_RATIO to one (a zip bomb), names with ``..``, absolute
    paths, backslashes or drive letters, duplicate names (in any case), and
    parts a Word document does not have, and XML declaring a DOCTYPE or
    entities (which could pull other files in). Sizes are taken from the zip's
    directory and every read is capped to them, so a lying header cannot make
    it read more.
    """
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateRefused(
                f"template refused: the file is larger than {MAX_TEMPLATE_BYTES // 2**20} MB", path
            )
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError) as error:
        raise TemplateRefused(f"cannot read the template: {error}", path) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_TEMPLATE_MEMBERS:
            raise TemplateRefused(
                f"template refused: more than {MAX_TEMPLATE_MEMBERS} parts", path
            )
        seen: set[str] = set()
        total = 0
        for info in infos:
            problem = _member_problem(info.filename)
            if problem is not None:
                raise TemplateRefused(
                    f"template refused: the part {info.filename!r} has {problem}"
                    if problem.startswith(("an ", "a "))
                    else f"template refused: {info.filename!r} is {problem}",
                    path,
                )
            key = info.filename.casefold()
            if key in seen:
                raise TemplateRefused(
                    f"template refused: the part {info.filename!r} appears twice", path
                )
            seen.add(key)
            total += info.file_size
            if total > MAX_TEMPLATE_BYTES:
                raise TemplateRefused(
                    f"template refused: its parts come to more than "
                    f"{MAX_TEMPLATE_BYTES // 2**20} MB uncompressed",
                    path,
                )
            if (
                info.file_size > RATIO_CHECKED_ABOVE
                and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            ):
                raise TemplateRefused(
                    f"template refused: {info.filename!r} is compressed more than "
                    f"{MAX_COMPRESSION_RATIO} to 1 (a zip bomb?)",
                    path,
                )
        parts = []
        for info in infos:
            if info.filename.endswith("/"):
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)
            except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError,
                    EOFError, zlib.error) as error:  # fmt: skip
                raise TemplateRefused(
                    f"template refused: cannot read {info.filename!r}: {error}", path
                ) from None
            if len(data) != info.file_size:
                raise TemplateRefused(
                    f"template refused: {info.filename!r} does not have the size its header gives",
                    path,
                )
            if info.filename.endswith((".xml", ".rels")) and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
                raise TemplateRefused(
                    f"template refused: {info.filename!r} declares a DOCTYPE or entities "
                    "(a Word document has none)",
                    path,
                )
            parts.append((info.filename, data))
    return parts


def prepare(path: Path) -> PreparedTemplate:
    """Check, read, patch and compile one template file (uncached; see :func:`load_template`)."""
    parts = []
    try:
        cleaned = docx_hygiene.clean_package(
            read_template(path), DEFAULT_EAST_ASIAN_FONT, lambda name: bool(TEMPLATED_PART.match(name))
        )
    except docx_hygiene.MalformedPart as error:
        raise TemplateRefused(str(error), path) from None
    for name, data in cleaned:
        if TEMPLATED_PART.match(name):
            try:
                source = patched_source(data)
            except etree.XMLSyntaxError as error:
                raise TemplateRefused(f"{name} is not well-formed XML: {error}", path) from None
            except UnclosedTag as error:
                raise TemplateRefused(f"template syntax error in {name}: {error}", path) from None
            template = compile_part(path, name, source)
            parts.append(TemplatePart(name, data, template, by_script=docx_hygiene.script_needs(name, data)))
        else:
            # A part that follows the script is prepared (and compressed) for Simplified notes,
            # the most common; other scripts get their own copy on first use (PreparedTemplate.variants).
            needs = docx_hygiene.script_needs(name, data)
            if needs:
                data = docx_hygiene.for_script(data, "zh-Hans")
            parts.append(TemplatePart(name, data, deflated=deflate(data), crc=zlib.crc32(data), by_script=needs))
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
    prepared = prepare_cached(path)
    with _CACHE_LOCK:
        _CACHE[key] = prepared
    return prepared


def _part_fields() -> tuple[str, ...]:
    from dataclasses import fields

    return tuple(part_field.name for part_field in fields(TemplatePart))


def prepare_cached(path: Path) -> PreparedTemplate:
    """:func:`prepare`, or what it made for the same template before (renderers.compiled_cache).

    The template's zip is read and checked (:func:`read_template`) every time; only the
    patching, compiling and compressing of its parts is taken from the cache.
    """
    from renderers import compiled_cache

    try:
        before = path.stat()
    except OSError as error:
        raise TemplateRefused(f"cannot read the template: {error.strerror}", path) from None
    key = compiled_cache.key_for(read_template(path))
    if key is not None:
        cached = _revive(path, compiled_cache.load(key))
        if cached is not None:
            return cached
    prepared = prepare(path)
    try:
        after = path.stat()
    except OSError:
        return prepared
    unchanged = (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    records = _records(prepared)
    if key is not None and unchanged and records is not None:
        compiled_cache.store(key, records)  # only a template not changed while it was read
    return prepared


def _records(prepared: PreparedTemplate) -> tuple[tuple[Any, ...], ...] | None:
    """The parts as plain values for the cache, each template as its compiled code."""
    names = _part_fields()
    at = names.index("template")
    records = []
    for part in prepared.parts:
        values = [getattr(part, name) for name in names]
        if values[at] is not None:
            values[at] = getattr(values[at], "minutes_code", None)
            if values[at] is None:
                return None
        records.append(tuple(values))
    return tuple(records)


def _revive(path: Path, records: Any) -> PreparedTemplate | None:
    """The prepared template of cached records; None for records this version did not write."""
    from types import CodeType

    names = _part_fields()
    if not isinstance(records, tuple) or not records:
        return None
    parts = []
    for record in records:
        if not isinstance(record, tuple) or len(record) != len(names):
            return None
        values = dict(zip(names, record, strict=True))
        if not isinstance(values["name"], str) or not isinstance(values["data"], bytes):
            return None
        code = values["template"]
        if code is not None:
            if not isinstance(code, CodeType):
                return None
            try:
                values["template"] = template_from_code(code)
            except Exception:  # a damaged entry: compiled afresh
                return None
        parts.append(TemplatePart(**values))
    return PreparedTemplate(path, tuple(parts))


def render_part(
    part: TemplatePart, context: dict[str, Any], path: Path, max_chars: int = MAX_PART_CHARS
) -> bytes:
    where = f"{path.name}, {part.name}"  # a build reports this against the note it builds
    chunks: list[str] = []
    produced = 0
    try:
        for chunk in part.template.generate(context):
            produced += len(chunk)
            if produced > max_chars:
                raise BudgetExceeded(f"it makes more than {max_chars:,} characters of XML")
            chunks.append(chunk)
    except BudgetExceeded as error:
        raise TemplateRefused(f"template stopped in {where}: {error}", path) from None
    except SecurityError as error:
        raise TemplateRefused(
            f"template refused: it reaches for Python internals in {where} ({error})", path
        ) from None
    except TemplateError as error:
        raise TemplateRefused(f"template error in {where}: {error}", path) from None
    except RecursionError:
        raise TemplateRefused(f"template stopped in {where}: it calls itself too deeply", path) from None
    except MemoryError:
        raise TemplateRefused(f"template stopped in {where}: out of memory", path) from None
    except Exception as error:  # what a template's own expressions raise (1/0, int('x') …)
        raise TemplateRefused(
            f"template error in {where}: {type(error).__name__}: {error}", path
        ) from None
    xml = "".join(chunks)
    # Undo the newline patched_source put before each paragraph (for error line numbers).
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
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


CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VARIANT_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
PROPERTY_SET = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # user-defined properties
TASK_PROPERTY = "minutes.task."


def custom_properties(template: bytes, context: dict[str, Any]) -> bytes:
    """A template's docProps/custom.xml with one property per task added (``doc.task_sources``:
    ``minutes.task.2`` = ``id=2024-06-12-2; lines=31-40``), so tools can trace a task back to
    the notes; the template's own properties stay."""
    doc = context.get("doc")
    sources = doc.get("task_sources") if isinstance(doc, dict) else None
    if not isinstance(sources, list):
        return template
    try:
        root = etree.fromstring(template)
    except etree.XMLSyntaxError:  # a company template's broken part: left as it is
        return template
    for old in root.findall(f"{{{CUSTOM_PROPERTIES}}}property"):
        if (old.get("name") or "").startswith(TASK_PROPERTY):
            root.remove(old)
    pids = [int(p.get("pid") or 0) for p in root.findall(f"{{{CUSTOM_PROPERTIES}}}property")]
    pid = max([1, *pids])
    for source in sources:
        pid += 1
        prop = etree.SubElement(
            root, f"{{{CUSTOM_PROPERTIES}}}property", fmtid=PROPERTY_SET, pid=str(pid), name=str(source["name"])
        )
        etree.SubElement(prop, f"{{{VARIANT_TYPES}}}lpwstr").text = str(source["value"])
    return XML_DECLARATION + etree.tostring(root, encoding="utf-8")


def render(
    prepared: PreparedTemplate,
    context: dict[str, Any],
    *,
    title: str = "",
    language: str = "zh-Hans",
    when: dt.date | None = None,
    budget: RenderBudget | None = None,
    keep_fonts: bool = False,
) -> bytes:
    """The finished .docx bytes: same template and context, same bytes.

    The render is bounded by ``budget`` (by default RENDER_SECONDS, MAX_PART_CHARS,
    MAX_LOOP_ITERATIONS and MAX_WRITTEN_CHARS); a template that goes beyond it is stopped with
    TemplateRefused. Fonts and language tags follow ``language`` (the notes' script);
    ``keep_fonts`` keeps the template's fonts (docx_hygiene.PROFILES_KEEPING_FONTS).
    """
    budget = budget or RenderBudget.default()
    entries: list[ZipEntry] = []
    state = _STATE
    outer = (state.deadline, state.seconds, state.iterations_left, state.chars_left, state.max_chars)
    state.deadline = time.monotonic() + budget.seconds
    state.seconds = budget.seconds
    state.iterations_left = budget.max_iterations
    state.chars_left = state.max_chars = budget.max_written_chars
    try:
        for part in prepared.parts:
            if part.template is not None:
                data = render_part(part, context, prepared.path, budget.max_part_chars)
                if part.by_script:
                    data = docx_hygiene.for_script(data, language, keep_fonts, part.by_script)
                entries.append(zip_entry(part.name, data))
            elif part.by_script:
                key = (part.name, language, keep_fonts)
                entry = prepared.variants.get(key)
                if entry is None:
                    data = docx_hygiene.for_script(part.data, language, keep_fonts)
                    if data == part.data and part.deflated is not None:
                        entry = (part.name, part.data, part.deflated, part.crc)
                    else:
                        entry = (part.name, data, deflate(data), zlib.crc32(data))
                    prepared.variants[key] = entry
                entries.append(entry)
            elif part.name == "docProps/core.xml":
                entries.append(zip_entry(part.name, core_properties(title, language, when)))
            elif part.name == "docProps/custom.xml":
                entries.append(zip_entry(part.name, custom_properties(part.data, context)))
            else:
                assert part.deflated is not None
                entries.append((part.name, part.data, part.deflated, part.crc))
    finally:
        state.deadline, state.seconds, state.iterations_left, state.chars_left, state.max_chars = outer
    return write_zip(entries)
