"""Suppression comments written in the notes.

<!-- minutes-disable vague-term -->        from this line on (no rule: every rule)
<!-- minutes-enable -->                    back on (optionally only some rules)
<!-- minutes-disable-next-line RULE -->    the next line that holds text
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_DIRECTIVE = re.compile(
    r"<!--\s*minutes-(disable-next-line|disable|enable)\b([^>]*?)\s*-->", re.IGNORECASE
)
ALL = "*"


def _rules(text: str) -> frozenset[str]:
    names = frozenset(name for name in re.split(r"[\s,]+", text.strip()) if name)
    return names or frozenset({ALL})


class Suppressions:
    """Which rules are switched off on which line (1-based)."""

    def __init__(self, lines: Sequence[str]):
        self._off: dict[int, frozenset[str]] = {}
        disabled: set[str] = set()
        pending_next: set[str] = set()
        for number, line in enumerate(lines, start=1):
            directives = list(_DIRECTIVE.finditer(line)) if "minutes-" in line else []
            here = set(disabled)
            for directive in directives:
                kind, rules = directive.group(1).lower(), _rules(directive.group(2))
                if kind == "disable":
                    disabled |= rules
                    here |= rules
                elif kind == "enable":
                    disabled = set() if ALL in rules else disabled - rules
                else:
                    pending_next |= rules
            holds_text = bool(_DIRECTIVE.sub("", line).strip())
            if (
                pending_next
                and holds_text
                and not any(d.group(1).lower() == "disable-next-line" for d in directives)
            ):
                here |= pending_next
                pending_next = set()
            if here:
                self._off[number] = frozenset(here)

    def __bool__(self) -> bool:
        return bool(self._off)

    def is_suppressed(self, line: int, rule: str) -> bool:
        if line == 0:
            # a finding about the whole file: silenced by a directive anywhere in it
            return any(ALL in off or rule in off for off in self._off.values())
        off = self._off.get(line)
        return bool(off) and (ALL in off or rule in off)  # type: ignore[operator]
