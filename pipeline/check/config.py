"""``minutes.toml``: the team's own terms, allowed terms and rule severities.

    [check]
    add_terms = ["走一步看一步", { term = "回头再说", suggestion = "写明日期" }]
    allow_terms = ["争取", "配合完成情况"]
    vague_in_discussion = true   # also report vague words outside commitments, as info

    [check.rules]
    missing-acceptance = "error"   # error, warning, info or off
    absent-without-reason = "off"

    [notes]
    date_order = "dmy"   # read 03/04/2019 as 3 April ("mdy": March 4); without it such dates stay unread

    [build]                         # company defaults for ``minutes build``; its options win
    profile = "gbt9704"             # business, gbt9704 or tw
    template_dir = "templates"      # relative to this file's folder
    strict = true                   # refuse to build notes with errors
    pdf = true                      # also PDF/A copies through LibreOffice (--no-pdf: not)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.check.catalog import LANGUAGES, RULES, SEVERITIES
from pipeline.check.terms import Term, TermMatcher, builtin_terms, parse_toml
from pipeline.errors import MinutesError

CONFIG_NAME = "minutes.toml"
REPOSITORY_MARKERS = (".git", ".hg", ".svn")  # a folder, or a file for git worktrees
OFF = "off"
_CHECK_KEYS = {"add_terms", "allow_terms", "rules", "vague_in_discussion"}


@dataclass
class CheckConfig:
    """What the checker needs besides the notes; build one per team, reuse it for every file."""

    path: Path | None = None
    added_terms: tuple[Term, ...] = ()
    allowed_terms: tuple[str, ...] = ()
    severities: dict[str, str] = field(default_factory=dict)  # rule -> severity or "off"
    # Discussion, disagreements, quotes, risks and progress updates are talk, not
    # commitments: their vague words are reported (as info) only when asked for.
    vague_in_discussion: bool = False
    # how the team writes dates such as 03/04/2019: "dmy", "mdy" (or "ymd"); None leaves them unread
    date_order: str | None = None
    build: BuildDefaults | None = None  # [build]: defaults for ``minutes build``
    _matcher: TermMatcher | None = field(default=None, repr=False, compare=False)

    def is_off(self, rule: str) -> bool:
        return self.severities.get(rule) == OFF

    def severity_of(self, rule: str, default: str) -> str:
        return self.severities.get(rule, default)

    @property
    def matcher(self) -> TermMatcher:
        if self._matcher is None:
            allowed = {phrase.casefold() for phrase in self.allowed_terms}
            terms = [
                term
                for term in (*builtin_terms(), *self.added_terms)
                if not any(form.casefold() in allowed for form in term.forms)
            ]
            self._matcher = TermMatcher(terms, allowed_phrases=self.allowed_terms)
        return self._matcher


DEFAULT_CONFIG = CheckConfig()


def find_config(notes: str | Path) -> Path | None:
    """The ``minutes.toml`` next to the notes or in the nearest parent folder, up to the
    root of the repository the notes are in (as ruff and black look for their settings):
    a ``minutes.toml`` above someone's checkout is not theirs."""
    return _find_in(Path(notes).resolve().parent)


@lru_cache(maxsize=256)
def _find_in(folder: Path) -> Path | None:
    for candidate_folder in (folder, *folder.parents):
        candidate = candidate_folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if any((candidate_folder / marker).exists() for marker in REPOSITORY_MARKERS):
            return None
    return None


def load_config(path: str | Path | None) -> CheckConfig:
    """Read a ``minutes.toml`` (None: the built-in defaults).

    Raises :class:`MinutesError` naming the file and line for a bad config.
    """
    if path is None:
        return DEFAULT_CONFIG
    resolved = Path(path).resolve()
    try:
        stamp = resolved.stat().st_mtime_ns
    except OSError as error:
        raise MinutesError(f"cannot read the config: {error.strerror}", path) from None
    return _load_config_cached(resolved, stamp, str(path))


@lru_cache(maxsize=32)
def _load_config_cached(resolved: Path, _stamp: int, shown: str) -> CheckConfig:
    try:
        raw = resolved.read_bytes()
        raw_text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MinutesError(f"cannot read the config: {error}", shown) from None
    try:
        data = parse_toml(raw)
    except ValueError as error:  # tomllib.TOMLDecodeError
        line_match = re.search(r"at line (\d+)", str(error))
        # "(at end of document)": the problem is on the last line written.
        line = int(line_match.group(1)) if line_match else max(len(raw_text.splitlines()), 1)
        reason = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(error))
        raise MinutesError(f"invalid TOML: {reason}", shown, line) from None
    for table in data:
        if table not in ("check", "notes", "build"):
            # A misspelt or misplaced table would otherwise be ignored without a word.
            raise MinutesError(
                f"unknown table [{table}] (settings go under [check], [check.rules], [notes]"
                " and [build])",
                shown,
                _line_of(raw_text, f"[{table}") or _line_of(raw_text, table),
            )
    config = _config_from_data(data.get("check", {}), raw_text, resolved, shown)
    config.date_order = _date_order(data.get("notes", {}), raw_text, shown)
    config.build = _build_defaults(data.get("build", {}), raw_text, resolved, shown)
    return config


BUILD_PROFILES = ("business", "gbt9704", "tw")


@dataclass(frozen=True)
class BuildDefaults:
    """``[build]``: a company's defaults for ``minutes build`` (None: not set there)."""

    profile: str | None = None
    template_dir: Path | None = None
    strict: bool | None = None
    pdf: bool | None = None


def _build_defaults(build: Any, raw_text: str, resolved: Path, shown: str) -> BuildDefaults:
    def fail(message: str, needle: str) -> MinutesError:
        return MinutesError(message, shown, _line_of(raw_text, needle))

    if not isinstance(build, dict):
        raise fail("[build] must be a table", "[build")
    known = ("profile", "template_dir", "strict", "pdf")
    for key in build:
        if key not in known:
            raise fail(f"unknown key {key!r} in [build] (known: {', '.join(known)})", key)
    profile = build.get("profile")
    if profile is not None and profile not in BUILD_PROFILES:
        raise fail(f"profile must be one of {', '.join(BUILD_PROFILES)}, not {profile!r}", "profile")
    folder = build.get("template_dir")
    if folder is not None and (not isinstance(folder, str) or not folder.strip()):
        raise fail("template_dir must be a folder name", "template_dir")
    strict = build.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise fail("strict must be true or false", "strict")
    pdf = build.get("pdf")
    if pdf is not None and not isinstance(pdf, bool):
        raise fail("pdf must be true or false", "pdf")
    return BuildDefaults(
        profile=profile,
        # relative to the minutes.toml, wherever the build is started from
        template_dir=resolved.parent / folder if folder is not None else None,
        strict=strict,
        pdf=pdf,
    )


_DATE_ORDERS = ("dmy", "mdy", "ymd")


def _date_order(notes: Any, raw_text: str, shown: str) -> str | None:
    """``[notes] date_order``: how the team's notes write day and month."""
    if not isinstance(notes, dict):
        raise MinutesError("[notes] must be a table", shown, _line_of(raw_text, "[notes"))
    for key in notes:
        if key != "date_order":
            raise MinutesError(f"unknown key {key!r} in [notes] (known: date_order)", shown, _line_of(raw_text, key))
    order = notes.get("date_order")
    if order is not None and order not in _DATE_ORDERS:
        raise MinutesError(
            f"date_order must be one of {', '.join(_DATE_ORDERS)}, not {order!r}", shown, _line_of(raw_text, "date_order")
        )
    return order


def _line_of(raw_text: str, needle: str) -> int | None:
    for number, line in enumerate(raw_text.splitlines(), start=1):
        if needle in line:
            return number
    return None


def _config_from_data(check: Any, raw_text: str, resolved: Path, shown: str) -> CheckConfig:
    def fail(message: str, needle: str) -> MinutesError:
        return MinutesError(message, shown, _line_of(raw_text, needle))

    if not isinstance(check, dict):
        raise fail("[check] must be a table", "check")
    for key in check:
        if key not in _CHECK_KEYS:
            known = ", ".join(sorted(_CHECK_KEYS))
            raise fail(f"unknown key {key!r} in [check] (known: {known})", key)

    added: list[Term] = []
    for index, entry in enumerate(_string_or_table_list(check, "add_terms", fail)):
        if isinstance(entry, str):
            text, suggestion = entry, ""
        else:
            unknown = set(entry) - {"term", "suggestion"}
            if "term" not in entry or not isinstance(entry["term"], str) or unknown:
                raise fail(
                    'each add_terms table needs term = "…" (and optional suggestion)', "add_terms"
                )
            text, suggestion = entry["term"], str(entry.get("suggestion", ""))
        if not text.strip():
            raise fail("add_terms holds an empty term", "add_terms")
        forms = {"en": (text,)} if text.isascii() else {"hans": (text,)}
        added.append(
            Term(
                id=f"custom-{index + 1}",
                suggestion=dict.fromkeys(LANGUAGES, suggestion),
                **forms,  # type: ignore[arg-type]
            )
        )

    allowed = []
    for entry in _string_or_table_list(check, "allow_terms", fail):
        if not isinstance(entry, str) or not entry.strip():
            raise fail("allow_terms must be a list of strings", "allow_terms")
        allowed.append(entry)

    vague_in_discussion = check.get("vague_in_discussion", False)
    if not isinstance(vague_in_discussion, bool):
        raise fail(
            f"vague_in_discussion must be true or false, not {vague_in_discussion!r}",
            "vague_in_discussion",
        )

    rules = check.get("rules", {})
    if not isinstance(rules, dict):
        raise fail("[check.rules] must be a table of rule = severity", "rules")
    severities: dict[str, str] = {}
    for rule, severity in rules.items():
        if rule not in RULES:
            raise fail(f"unknown rule {rule!r} (known: {', '.join(RULES)})", rule)
        if severity not in (*SEVERITIES, OFF):
            raise fail(
                f"rule {rule!r}: severity must be error, warning, info or off, not {severity!r}",
                rule,
            )
        severities[rule] = severity
    return CheckConfig(
        path=resolved,
        added_terms=tuple(added),
        allowed_terms=tuple(allowed),
        severities=severities,
        vague_in_discussion=vague_in_discussion,
    )


def _string_or_table_list(check: dict[str, Any], key: str, fail: Any) -> list[Any]:
    value = check.get(key, [])
    if not isinstance(value, list):
        raise fail(f"{key} must be a list", key)
    for entry in value:
        if not isinstance(entry, (str, dict)):
            raise fail(f"{key} must hold strings", key)
    return value
