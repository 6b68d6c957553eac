"""YAML front matter at the top of the notes, read with PyYAML's safe composer.

Each key keeps the 1-based line of the notes file it was written on (the front
matter starts on line 2, after the opening ``---``). Values are the scalars'
source text, never YAML 1.1's resolved values: ``14:30`` stays ``14:30`` (not the
sexagesimal 870) and ``yes`` stays ``yes`` (not ``True``).

PyYAML is imported only when the text starts with a front matter block, so notes
without one (and ``minutes check`` start-up) never pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parsers.lazy_regex import lazy_compile

# Bounded cost: a larger block, deeper nesting or any alias is refused (read as Markdown).
MAX_BYTES = 64 * 1024
MAX_DEPTH = 32

_NULL_TAG = "tag:yaml.org,2002:null"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"
_SHORT_DATE = lazy_compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# YAML breaks lines at these too; the notes' line numbers count only "\n".
_OTHER_BREAKS = lazy_compile("\r(?!\n)|[\x85\u2028\u2029]")
# In a list item written as a mapping (``- name: 张三`` / ``  dept: 研发部``): keys whose
# value comes first ("研发部/张三"), and keys whose value goes in brackets ("张三 (列席)").
_DEPARTMENT_KEYS = frozenset(
    {"dept", "department", "部门", "部門", "单位", "單位", "team", "团队", "團隊"}
)
_REMARK_KEYS = frozenset(
    {"role", "角色", "身份", "reason", "原因", "事由", "note", "notes", "备注", "備註", "remark"}
)


@dataclass
class FrontMatter:
    """Values by key (as written), the 1-based line of each key, and how many lines it used.

    ``error`` is set (one line, starting ``line N:``) when the text opens with a block
    that cannot be read as front matter; ``values`` is then empty and ``line_count`` 0,
    so the block is read as Markdown. ``error_line`` is that ``N``.
    """

    values: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    line_count: int = 0
    error: str | None = None
    error_line: int | None = None


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _failed(line: int, message: str) -> FrontMatter:
    return FrontMatter(error=f"line {line}: {_one_line(message)}", error_line=line)


def split_front_matter(text: str) -> FrontMatter:
    """Read front matter at the very top of ``text`` (``---`` … ``---`` or ``...``)."""
    if not text.startswith(("---", "\ufeff---")):
        return FrontMatter()
    lines = text.split("\n")
    if lines[0].lstrip("\ufeff").rstrip() != "---":
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return FrontMatter()  # a lone "---" is a Markdown rule, not an unclosed block
    block = "\n".join(lines[1:end]) + "\n"
    size = len(block.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return _failed(
            1,
            f"front matter is {size // 1024} KB, more than {MAX_BYTES // 1024} KB; read as Markdown",
        )
    if not block.strip():
        return FrontMatter(line_count=end + 1)
    if _OTHER_BREAKS.search(block):
        block = _OTHER_BREAKS.sub(" ", block)
    try:
        root = _compose(block)
    except _Refused as refused:
        return _failed(refused.line, refused.message)
    matter = FrontMatter(line_count=end + 1)
    if root is None:
        return matter  # only comments
    if _kind(root) != "MappingNode":
        message = "front matter is not a list of `key: value` lines"
        return _failed(_line(root), message + _hints(block, _line(root)) + "; read as Markdown")
    _read_mapping(root, matter)
    return matter


def _line(node: Any) -> int:
    """The notes file's 1-based line of a node (block line 0 is file line 2)."""
    return int(node.start_mark.line) + 2


def _compose(block: str) -> Any:
    """The YAML node tree of ``block``, or :class:`_Refused` for invalid or costly YAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    try:
        # First the events: refuse aliases (a "billion laughs" block is tiny but
        # expands without bound) and deep nesting before building any node.
        depth = 0
        for event in yaml.parse(block, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(
                    _line(event),
                    f"front matter uses the YAML alias *{event.anchor}, which is not allowed; read as Markdown",
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Refused(
                        _line(event),
                        f"front matter nests deeper than {MAX_DEPTH} levels; read as Markdown",
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return yaml.compose(block, Loader=loader)
    except yaml.MarkedYAMLError as error:
        raise _Refused(*_describe(error, block)) from None
    except yaml.YAMLError as error:  # a ReaderError: a character YAML does not allow
        position = getattr(error, "position", None)
        character = getattr(error, "character", None)
        reason = getattr(error, "reason", None) or "invalid YAML"
        line = 2
        if isinstance(position, int):
            if loader is yaml.SafeLoader:  # PyYAML's reader counts characters, libyaml bytes
                line += block.count("\n", 0, position)
            else:
                line += block.encode("utf-8").count(b"\n", 0, position)
        if isinstance(character, int):
            reason = f"character U+{character:04X}: {reason}"
        message = f"front matter is not valid YAML: {reason}; read as Markdown"
        raise _Refused(line, message) from None
    except (ValueError, RecursionError) as error:
        # e.g. a lone surrogate, which libyaml's reader cannot encode
        raise _Refused(2, f"front matter cannot be read: {error}; read as Markdown") from None


def _describe(error: Any, block: str) -> tuple[int, str]:
    """The line to blame and a one-line message for a PyYAML syntax error.

    The line is where the problem was found, except for an unfinished token
    ("while scanning a quoted scalar … found unexpected end of stream") or a key
    without its colon, where it is the line the token started on.
    """
    problem_mark, context_mark = error.problem_mark, error.context_mark
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    mark = problem_mark
    if context_mark is not None and (
        mark is None
        or "end of stream" in problem
        or context.startswith("while scanning a simple key")
    ):
        mark = context_mark
    line = int(mark.line) + 2 if mark is not None else 2
    if context and context_mark is not None and problem_mark is not None:
        context_line, problem_line = int(context_mark.line) + 2, int(problem_mark.line) + 2
        if context_line == problem_line:
            detail = f"{context}, {problem}"
        else:
            detail = f"{context} at line {context_line}, {problem} at line {problem_line}"
    else:
        detail = f"{context}, {problem}" if context else problem
    detail = detail.replace("end of stream", "end of the front matter")
    return line, f"front matter is not valid YAML: {detail}{_hints(block, line)}; read as Markdown"


def _hints(block: str, line: int) -> str:
    """What recorders most often get wrong on the blamed line, if it shows."""
    block_lines = block.split("\n")
    if not 0 <= line - 2 < len(block_lines):
        return ""
    text = block_lines[line - 2]
    if "\t" in text[: len(text) - len(text.lstrip())]:
        return " (a tab in the indentation: YAML indents with spaces)"
    if "：" in text and ":" not in text:
        return " (a full-width colon '：' does not end a YAML key: use ':' and a space)"
    return ""


def _kind(node: Any) -> str:
    return type(node).__name__


def _scalar_text(node: Any) -> str | None:
    """A scalar as written (``None`` for a null one); ``2024-3-5`` unquoted becomes ISO."""
    if node.tag == _NULL_TAG:
        return None
    text = str(node.value).strip()
    if node.tag == _TIMESTAMP_TAG or (not node.style and node.tag == _STR_TAG):
        short = _SHORT_DATE.fullmatch(text)
        if short:
            year, month, day = short.groups()
            text = f"{year}-{int(month):02d}-{int(day):02d}"
    return text


def _key_text(node: Any) -> str | None:
    """A key as written (``null``, ``yes`` and ``2024`` are keys like any other)."""
    text = str(node.value).strip() if _kind(node) == "ScalarNode" else _item_text(node)
    return text or None


def _item_text(node: Any) -> str:
    """One list item as one line of text."""
    kind = _kind(node)
    if kind == "ScalarNode":
        return _scalar_text(node) or ""
    if kind == "SequenceNode":
        return " ".join(text for text in (_item_text(item) for item in node.value) if text)
    # a mapping: "研发部/张三 (列席)" from name / dept / role keys
    departments: list[str] = []
    rest: list[str] = []
    remarks: list[str] = []
    for key_node, value_node in node.value:
        key = (_key_text(key_node) or "").casefold()
        value = _item_text(value_node)
        if not value:
            continue
        if key in _DEPARTMENT_KEYS:
            departments.append(value)
        elif key in _REMARK_KEYS:
            remarks.append(value)
        else:
            rest.append(value)
    text = " ".join(rest)
    if departments:
        text = "/".join([" ".join(departments), text]) if text else " ".join(departments)
    if remarks:
        text = f"{text} ({'; '.join(remarks)})" if text else "; ".join(remarks)
    return text


def _read_mapping(node: Any, matter: FrontMatter) -> None:
    """Each key's values and line; a nested mapping's keys as if written at the top."""
    for key_node, value_node in node.value:
        if _kind(value_node) == "MappingNode":
            _read_mapping(value_node, matter)
            continue
        key = _key_text(key_node)
        if key is None or key in matter.values:
            continue  # the first of a repeated key counts
        if _kind(value_node) == "SequenceNode":
            values = [text for text in (_item_text(item) for item in value_node.value) if text]
        else:
            scalar = _scalar_text(value_node)
            values = [] if scalar is None else [scalar]
        matter.values[key] = values
        matter.lines[key] = _line(key_node)


def blank_front_matter(text: str, matter: FrontMatter) -> str:
    """The text with the front matter lines emptied, so Markdown line numbers stay the file's."""
    if not matter.line_count:
        return text
    lines = text.split("\n")
    return "\n" * matter.line_count + "\n".join(lines[matter.line_count :])
