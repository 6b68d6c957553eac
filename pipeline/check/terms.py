"""Vague terms: loading the TOML lists and finding terms in a line of notes.

The built-in list lives in ``rules/vague_terms.toml``. Patterns are compiled
once, on first use, into one alternation (longest form first), so a line is
scanned in a single pass whatever the number of terms.

Reading that TOML file would cost every cold ``minutes check`` about 10 ms
(tomllib's import and its pure-Python parser), so the parsed tables are also
kept as a Python module, ``rules/vague_terms_snapshot.py``, whose bytecode
Python caches. The snapshot is used only while it was made from
exactly the TOML file's bytes (it records their SHA-256); after an edit of the
TOML file, the file itself is read until ``python -m pipeline.check.rules``
writes a new snapshot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

Scope = Literal["all", "commitments", "owner"]
Region = Literal["discussion", "disagreements", "resolutions", "action", "owner"]
SCOPES: tuple[Scope, ...] = ("all", "commitments", "owner")
REGIONS: tuple[Region, ...] = ("discussion", "disagreements", "resolutions", "action", "owner")

_REGIONS_OF_SCOPE: dict[str, frozenset[str]] = {
    "all": frozenset(REGIONS),
    "commitments": frozenset({"resolutions", "action", "owner"}),
    "owner": frozenset({"owner"}),
}

BUILTIN_TERMS_FILE = Path(__file__).parent / "rules" / "vague_terms.toml"
BUILTIN_SNAPSHOT_FILE = BUILTIN_TERMS_FILE.with_name("vague_terms_snapshot.py")

# How far back the "not_after"/"only_after" patterns look: enough for "11月15日".
_LOOKBEHIND_CHARS = 24


@dataclass(frozen=True)
class Example:
    text: str
    where: Region


@dataclass(frozen=True)
class Term:
    """One vague term with its forms in every script, its exceptions and examples."""

    id: str
    hans: tuple[str, ...] = ()
    hant: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    scope: Scope = "all"
    not_before: str | None = None
    not_after: str | None = None
    only_before: str | None = None
    only_after: str | None = None
    suggestion: dict[str, str] = field(default_factory=dict)
    flag: tuple[Example, ...] = ()
    no_flag: tuple[Example, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for form in (*self.hans, *self.hant, *self.en):
            seen.setdefault(form, None)
        return tuple(seen)

    def applies_in(self, region: str) -> bool:
        return region in _REGIONS_OF_SCOPE[self.scope]


def _is_ascii(text: str) -> bool:
    return text.isascii()


def _examples(raw: Any, default_where: Region, where_ok: Iterable[str]) -> tuple[Example, ...]:
    out: list[Example] = []
    for entry in raw or ():
        if isinstance(entry, str):
            out.append(Example(entry, default_where))
        else:
            where = entry.get("where", default_where)
            if where not in where_ok:
                raise ValueError(f"unknown example place {where!r}")
            out.append(Example(entry["text"], where))
    return tuple(out)


def term_from_table(table: dict[str, Any]) -> Term:
    """Build a :class:`Term` from one ``[[term]]`` table (raises ValueError/KeyError if malformed)."""
    scope = table.get("scope", "all")
    if scope not in SCOPES:
        raise ValueError(f"term {table.get('id')!r}: unknown scope {scope!r}")
    default_where: Region = "owner" if scope == "owner" else "resolutions"
    term = Term(
        id=str(table["id"]),
        hans=tuple(table.get("hans", ())),
        hant=tuple(table.get("hant", ())),
        en=tuple(table.get("en", ())),
        scope=scope,
        not_before=table.get("not_before"),
        not_after=table.get("not_after"),
        only_before=table.get("only_before"),
        only_after=table.get("only_after"),
        suggestion=dict(table.get("suggestion", {})),
        flag=_examples(table.get("flag"), default_where, REGIONS),
        no_flag=_examples(table.get("no_flag"), default_where, REGIONS),
    )
    if not term.forms:
        raise ValueError(f"term {term.id!r} has no form")
    # The context patterns are compiled on first use (cold start); the tests compile them all.
    return term


def parse_toml(source: bytes) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads(source.decode("utf-8"))


def load_toml(path: Path) -> dict[str, Any]:
    return parse_toml(path.read_bytes())


def source_sha256(source: bytes) -> str:
    """What a snapshot records of the TOML bytes it was made from."""
    import hashlib

    return hashlib.sha256(source).hexdigest()


def python_literal(value: Any, what: str) -> str:
    """Parsed TOML as a Python literal (for a snapshot); ValueError if it cannot be one."""
    import ast
    import pprint

    literal = pprint.pformat(value, width=100, sort_dicts=False)
    if ast.literal_eval(literal) != value:  # only strings, lists and tables can be kept
        raise ValueError(f"{what} holds values a Python literal cannot keep")
    return literal


def term_tables(source: bytes, snapshot: ModuleType | None) -> list[dict[str, Any]]:
    """The ``[[term]]`` tables of a term list: from its snapshot if made from ``source``."""
    if snapshot is not None and getattr(snapshot, "SOURCE_SHA256", None) == source_sha256(source):
        return list(snapshot.TERMS)
    return list(parse_toml(source)["term"])


def snapshot_module_text(source: bytes) -> str:
    """The Python module that holds the parsed ``[[term]]`` tables of ``source``."""
    literal = python_literal(parse_toml(source)["term"], "the term list")
    return (
        '"""The built-in vague terms as parsed from vague_terms.toml. Generated: do not edit.\n\n'
        "Used only while SOURCE_SHA256 is that of vague_terms.toml; after editing the TOML\n"
        'file, run ``python -m pipeline.check.rules`` to write this module again.\n"""\n\n'
        "from typing import Any\n\n"
        f"SOURCE_SHA256 = {source_sha256(source)!r}\n\n"
        f"TERMS: list[dict[str, Any]] = {literal}\n"
    )


def builtin_snapshot_is_current() -> bool:
    snapshot = _builtin_snapshot()
    recorded = getattr(snapshot, "SOURCE_SHA256", None)
    return recorded == source_sha256(BUILTIN_TERMS_FILE.read_bytes())


def _builtin_snapshot() -> ModuleType | None:
    try:
        from pipeline.check.rules import vague_terms_snapshot
    except ImportError:
        return None
    return vague_terms_snapshot


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[Term, ...]:
    tables = term_tables(BUILTIN_TERMS_FILE.read_bytes(), _builtin_snapshot())
    return tuple(term_from_table(table) for table in tables)


@dataclass(frozen=True)
class TermHit:
    term: Term
    text: str
    column: int  # 0-based offset in the line


class TermMatcher:
    """Finds the terms of a list in lines of text, honouring each term's exceptions."""

    def __init__(self, terms: Iterable[Term], allowed_phrases: Iterable[str] = ()):
        self.terms = tuple(terms)
        self._by_form: dict[str, Term] = {}
        for term in self.terms:
            for form in term.forms:
                self._by_form.setdefault(form.casefold(), term)
        self._allowed = tuple(phrase for phrase in allowed_phrases if phrase)
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def _regexes(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """One pattern for Chinese forms, one (case-insensitive) for English forms.

        Kept apart and free of look-arounds so that the regex engine can skip
        quickly through lines holding none of them; English word boundaries are
        checked on each hit instead (\\b does not work next to CJK anyway).
        """
        if self._patterns is None:
            forms = sorted(self._by_form, key=len, reverse=True)
            patterns = []
            for group, flags in (
                ([f for f in forms if not _is_ascii(f)], 0),
                ([f for f in forms if _is_ascii(f)], re.IGNORECASE),
            ):
                patterns.append(re.compile("|".join(map(re.escape, group)) or "(?!)", flags))
            self._patterns = (patterns[0], patterns[1])
        return self._patterns

    def _re(self, pattern: str) -> re.Pattern[str]:
        compiled = self._compiled.get(pattern)
        if compiled is None:
            compiled = self._compiled[pattern] = re.compile(pattern, re.IGNORECASE)
        return compiled

    def _context_ok(self, term: Term, line: str, start: int, end: int) -> bool:
        after = line[end:]
        before = line[max(0, start - _LOOKBEHIND_CHARS) : start]
        if term.not_before and self._re(term.not_before).match(after):
            return False
        if term.only_before and not self._re(term.only_before).match(after):
            return False
        if term.not_after and self._re(term.not_after).search(before):
            return False
        return not (term.only_after and not self._re(term.only_after).search(before))

    def _inside_allowed_phrase(self, line: str, start: int, text: str) -> bool:
        folded_text = text.casefold()
        for phrase in self._allowed:
            folded = phrase.casefold()
            offset = folded.find(folded_text)
            while offset != -1:
                begin = start - offset
                if begin >= 0 and line[begin : begin + len(phrase)].casefold() == folded:
                    return True
                offset = folded.find(folded_text, offset + 1)
        return False

    def scan(self, line: str, region: str) -> Iterator[TermHit]:
        """Every term reported in ``line`` when it stands in ``region``, left to right."""
        chinese, english = self._regexes()
        hits = list(self._scan(chinese, line, region))
        if _ASCII_LETTER.search(line):
            hits.extend(self._scan(english, line, region))
        if len(hits) > 1:
            hits.sort(key=lambda hit: hit.column)
        return iter(hits)

    def _scan(self, pattern: re.Pattern[str], line: str, region: str) -> Iterator[TermHit]:
        position = 0
        while True:
            match = pattern.search(line, position)
            if match is None:
                return
            start, end = match.span()
            text = match.group(0)
            term = self._by_form[text.casefold()]
            if (
                term.applies_in(region)
                and (not _is_ascii(text) or _whole_word(line, start, end))
                and self._context_ok(term, line, start, end)
                and not self._inside_allowed_phrase(line, start, text)
            ):
                yield TermHit(term, text, start)
                position = end
            else:
                # A rejected long match may hide a shorter term starting later.
                position = start + 1


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


def _whole_word(line: str, start: int, end: int) -> bool:
    if start > 0 and _is_word_char(line[start - 1]):
        return False
    return not (end < len(line) and _is_word_char(line[end]) and _is_word_char(line[end - 1]))
