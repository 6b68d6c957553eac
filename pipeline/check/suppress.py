"""Suppression comments written in the notes.

<!-- minutes-disable vague-term -->        from this line on (no rule: every rule)
<!-- minutes-enable -->                    back on (optionally only some rules)
<!-- minutes-disable-next-line RULE -->    the next line that holds text

A comment remembers which findings it silenced, so that one naming a rule that
does not exist, or silencing nothing, can be reported in turn (as ruff reports an
unused ``noqa``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"<!--\s*minutes-(disable-next-line|disable|enable)\b([^>]*?)\s*-->", re.IGNORECASE
)
_NAME = re.compile(r"[^\s,]+")
ALL = "*"
# The findings about the comments themselves: silenced only by a comment that names them
# (a bare ``minutes-disable`` that silences nothing would otherwise silence its own report).
UNKNOWN_RULE = "unknown-rule-in-comment"
UNUSED = "unused-suppression"
ABOUT_COMMENTS = frozenset({UNKNOWN_RULE, UNUSED})


@dataclass(frozen=True)
class Directive:
    line: int
    column: int  # 1-based, of the comment's "<!--"
    kind: str  # "disable", "enable" or "disable-next-line"
    text: str  # the whole comment
    names: tuple[tuple[str, int], ...]  # (rule as written, 1-based column); empty: every rule

    def rules(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.names) or frozenset({ALL})


@dataclass(frozen=True)
class CommentProblem:
    """A rule name no rule has, or a comment (or one rule of it) that silenced nothing."""

    rule: str  # UNKNOWN_RULE or UNUSED
    line: int
    column: int
    length: int
    name: str  # the rule written ("" for a comment about every rule)
    directive: Directive


class Suppressions:
    """Which rules are switched off on which line (1-based), and by which comment."""

    def __init__(self, lines: Sequence[str]):
        self.directives: list[Directive] = []
        # line -> rule (or ALL) -> the comments switching it off there
        self._off: dict[int, dict[str, set[int]]] = {}
        self._used: set[tuple[int, str]] = set()  # (comment, rule or ALL) that silenced something
        disabled: dict[str, set[int]] = {}
        pending_next: dict[str, set[int]] = {}
        for number, line in enumerate(lines, start=1):
            found = list(_DIRECTIVE.finditer(line)) if "minutes-" in line else []
            here = {rule: set(ids) for rule, ids in disabled.items()}
            for match in found:
                names = tuple(
                    (name.group(0), match.start(2) + name.start() + 1)
                    for name in _NAME.finditer(match.group(2))
                )
                directive = Directive(
                    number, match.start() + 1, match.group(1).lower(), match.group(0), names
                )
                index = len(self.directives)
                self.directives.append(directive)
                rules = directive.rules()
                if directive.kind == "disable":
                    for rule in rules:
                        disabled.setdefault(rule, set()).add(index)
                        here.setdefault(rule, set()).add(index)
                elif directive.kind == "enable":
                    if ALL in rules:
                        disabled = {}
                    else:
                        for rule in rules:
                            disabled.pop(rule, None)
                else:
                    for rule in rules:
                        pending_next.setdefault(rule, set()).add(index)
            holds_text = bool(_DIRECTIVE.sub("", line).strip())
            if (
                pending_next
                and holds_text
                and not any(m.group(1).lower() == "disable-next-line" for m in found)
            ):
                for rule, ids in pending_next.items():
                    here.setdefault(rule, set()).update(ids)
                pending_next = {}
            if here:
                self._off[number] = here

    def __bool__(self) -> bool:
        return bool(self.directives)

    def _silencers(self, off: dict[str, set[int]], rule: str) -> Iterator[tuple[int, str]]:
        for name in (rule,) if rule in ABOUT_COMMENTS else (rule, ALL):
            for index in off.get(name, ()):
                yield index, name

    def is_suppressed(self, line: int, rule: str) -> bool:
        """Is a finding of ``rule`` at ``line`` silenced? The comments that do it count as used."""
        if line == 0:
            # a finding about the whole file: silenced by a directive anywhere in it
            places = list(self._off.values())
        else:
            places = [self._off[line]] if line in self._off else []
        silencers = {pair for off in places for pair in self._silencers(off, rule)}
        self._used |= silencers
        return bool(silencers)

    def problems(self, known: Collection[str], active: Collection[str]) -> list[CommentProblem]:
        """Names that are no rule in ``known``; and, once every finding has been through
        :meth:`is_suppressed`, what silenced nothing (of the ``active`` rules: one
        switched off in minutes.toml has no finding to silence, so it is not blamed)."""
        out: list[CommentProblem] = []
        for index, directive in enumerate(self.directives):
            switches_off = directive.kind != "enable"
            if not directive.names and switches_off and (index, ALL) not in self._used:
                out.append(
                    CommentProblem(
                        UNUSED, directive.line, directive.column, len(directive.text), "", directive
                    )
                )
            for name, column in directive.names:
                if name not in known:
                    out.append(CommentProblem(UNKNOWN_RULE, directive.line, column, len(name), name, directive))
                elif (
                    switches_off
                    and name in active
                    and name not in ABOUT_COMMENTS
                    and (index, name) not in self._used
                ):
                    out.append(CommentProblem(UNUSED, directive.line, column, len(name), name, directive))
        return out
