"""Regular expressions compiled once per user, not once per process.

The parsers, the checker, markdown-it and Jinja compile about three hundred
regular expressions in one ``minutes build`` of one note: some 40 ms, a sixth
of a cold start. Python's ``re`` translates a pattern into a short program for
its matching engine (a list of integers); that program is kept here, in the
per-user cache folder (``<cache>/minutes/patterns``, private: see
:mod:`pipeline.user_cache`), and a later process hands it
straight to the engine instead of translating the pattern again.

It holds only those programs, never Python code: the engine checks every
program it is given and refuses one that is not well-formed (a damaged entry
then compiles the pattern as usual). An entry is keyed by the exact Python
build (``sys.version``), whose engine it was made for. Used by the ``minutes``
program only, on CPython 3.10 to 3.13 (whose ``re`` translates patterns the
same way); ``MINUTES_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import atexit
import hashlib
import sys
from typing import Any

KIND = "patterns"
FORMAT = b"minutes compiled patterns 1\n"
# Beyond either size, only the patterns of the last run are kept.
MAX_PATTERNS = 1500
MAX_CODE_WORDS = 250_000  # integers of all the programs together (about 1 MB on disk)
# The cache is written again only when at least this share of a run's patterns was
# missing from it: a few patterns are built from sets, whose order changes from one
# process to the next, and rewriting the whole cache for those on every run would cost
# more than it saves (and fill it with their variants).
SAVE_AFTER_SHARE_NEW = 0.1

_installed = False


def _modules() -> tuple[Any, Any] | None:
    if sys.implementation.name != "cpython" or not (3, 10) <= sys.version_info[:2] <= (3, 13):
        return None
    if sys.version_info[:2] == (3, 10):
        import sre_compile as compiler  # type: ignore[unreachable, unused-ignore]
        import sre_parse as parser
    else:
        from re import _compiler as compiler  # type: ignore[attr-defined, unused-ignore]
        from re import _parser as parser  # type: ignore[attr-defined, unused-ignore]
    return compiler, parser


def cache_key() -> bytes:
    return hashlib.sha256(FORMAT + sys.version.encode() + sys.implementation.cache_tag.encode()).digest()


def install() -> None:
    """From now on, compile patterns through the cache (once per process; no-op elsewhere)."""
    global _installed
    from pipeline import user_cache

    modules = _modules()
    if _installed or modules is None or user_cache.usable_folder(KIND) is None:
        return
    compiler, parser = modules
    import _sre
    import re

    key = cache_key()
    stored = user_cache.load(key, KIND)
    known: dict[Any, Any] = stored if isinstance(stored, dict) else {}
    used: dict[Any, Any] = {}
    original = compiler.compile

    def compile(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str | bytes) or not isinstance(flags, int) or flags & re.DEBUG:
            return original(pattern, flags)
        ident = (pattern, flags)
        program = known.get(ident)
        if isinstance(program, tuple) and len(program) == 5:
            try:
                compiled = _sre.compile(pattern, *program)
            except Exception:  # not a program this engine accepts: translated afresh
                known.pop(ident, None)
            else:
                used[ident] = program
                return compiled
        parsed = parser.parse(pattern, flags)
        code = [int(op) for op in compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *program)
        used[ident] = known[ident] = program
        new.append(ident)
        return compiled

    new: list[Any] = []

    def save() -> None:
        words = sum(
            len(p[1]) for p in known.values() if isinstance(p, tuple) and isinstance(p[1], list)
        )
        bloated = len(known) > MAX_PATTERNS or words > MAX_CODE_WORDS
        if bloated or (new and len(new) >= SAVE_AFTER_SHARE_NEW * len(used)):
            from pipeline.signals import signals_ignored

            with signals_ignored():  # a Ctrl-C at exit does not cut it short with a traceback
                user_cache.store(key, used if bloated else known, KIND)

    compiler.compile = compile
    atexit.register(save)
    _installed = True
