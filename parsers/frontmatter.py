"""The simple YAML front matter recorders write: ``key: value`` lines, lists as ``- item`` or ``[a, b]``.

Not a YAML parser (no dependency for it): nested maps, anchors and multi-line
scalars are read as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.lazy_regex import lazy_compile

_KEY_LINE = lazy_compile(r"^(?P<key>[^\s:：#-][^:：]*?)\s*[:：]\s*(?P<value>.*)$")
_LIST_LINE = lazy_compile(r"^\s+-\s+(?P<item>.*)$|^-\s+(?P<top>.*)$")


@dataclass
class FrontMatter:
    """Values by key (as written), the 1-based line of each key, and how many lines it used."""

    values: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    line_count: int = 0


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _inline_list(value: str) -> list[str]:
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(item) for item in value[1:-1].split(",") if item.strip()]
    return [_unquote(value)] if value else []


def split_front_matter(text: str) -> FrontMatter:
    """Read front matter at the very top of ``text`` (``---`` … ``---`` or ``...``)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return FrontMatter()
    matter = FrontMatter(line_count=end + 1)
    current: str | None = None
    for index in range(1, end):
        raw = lines[index].rstrip()
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        item = _LIST_LINE.match(raw)
        if item and current is not None:
            matter.values[current].append(_unquote(item.group("item") or item.group("top") or ""))
            continue
        key_line = _KEY_LINE.match(raw)
        if key_line:
            current = key_line.group("key").strip()
            matter.values[current] = _inline_list(key_line.group("value").strip())
            matter.lines[current] = index + 1
        elif current is not None and raw.startswith((" ", "\t")):
            # a wrapped scalar continues the previous value
            values = matter.values[current]
            if values:
                values[-1] = f"{values[-1]} {raw.strip()}"
            else:
                values.append(raw.strip())
    return matter


def blank_front_matter(text: str, matter: FrontMatter) -> str:
    """The text with the front matter lines emptied, so Markdown line numbers stay the file's."""
    if not matter.line_count:
        return text
    lines = text.split("\n")
    return "\n" * matter.line_count + "\n".join(lines[matter.line_count :])
