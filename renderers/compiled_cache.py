"""A per-user cache of prepared templates, so a new process need not patch and compile them.

Preparing the two built-in templates (docxtpl's tag patching, Jinja's parsing and
code generation, Python's compiler, the font clean-up and compression of the
static parts) is about a fifth of a cold ``minutes build``. What it makes is kept
in the tool's private per-user cache folder (``<cache>/minutes/templates``; see
:mod:`pipeline.user_cache` for where, and for the checks that keep it private),
one entry per template, and a later process loads it instead.

Compiled Jinja is Python code run at render time, so whoever can write this cache
could run code as the user: it is used only when the folders and the entry are the
user's own and writable by no one else (otherwise the template is compiled as
usual), and an entry is found by a SHA-256 of every part of the template (names
and bytes) together with the versions of Python, Jinja, lxml and docxtpl and the
source of the renderer itself (this package, whose ``engine`` holds the sandbox and
its budget): a change to any of them, a new sandbox rule included, leaves the old
entries unused. A damaged entry is ignored and replaced.

What is cached is exactly what :mod:`renderers.engine` made for the template: the
code its bounded, sandboxed environment compiled (loops counted, output counted,
every call, attribute and operator routed through the budget checks), brought back
to life in that same environment. A template that was refused is never cached.
``MINUTES_NO_CACHE=1`` turns the cache off (nothing is read or written).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline import user_cache
from pipeline.user_cache import DISABLE_VARIABLE, SUFFIX

__all__ = ["DISABLE_VARIABLE", "SUFFIX", "fingerprint", "key_for", "load", "store"]

KIND = "templates"  # the sub-folder of prepared templates
FORMAT = b"minutes prepared template 1\n"


@functools.cache
def fingerprint() -> bytes | None:
    """What the compiled code depends on besides the template (None: cannot be told)."""
    import importlib.util

    import jinja2
    from lxml import etree

    digest = hashlib.sha256(FORMAT)
    for version in (
        sys.version,
        sys.implementation.cache_tag or "",
        str(sys.flags.optimize),
        jinja2.__version__,
        repr(etree.LXML_VERSION),
    ):
        digest.update(version.encode() + b"\0")
    spec = importlib.util.find_spec("docxtpl")
    if spec is None or not spec.submodule_search_locations:
        return None
    folders = [Path(__file__).parent, Path(next(iter(spec.submodule_search_locations)))]
    try:
        for folder in folders:
            sources = sorted(folder.glob("*.py"))
            if not sources:
                return None
            for source in sources:
                data = source.read_bytes()
                digest.update(f"{source.name}\0{len(data)}\0".encode() + data)
    except OSError:
        return None
    return digest.digest()


def key_for(parts: Sequence[tuple[str, bytes]]) -> bytes | None:
    """The key of a template's entry: its parts, and :func:`fingerprint` (None: no cache)."""
    if user_cache.disabled():
        return None
    base = fingerprint()
    if base is None:
        return None
    digest = hashlib.sha256(base)
    for name, data in parts:
        encoded = name.encode("utf-8", "surrogateescape")
        digest.update(f"{len(encoded)}:{len(data)}:".encode() + encoded + data)
    return digest.digest()


def load(key: bytes) -> Any:
    """What was stored for a template under ``key`` (None: nothing usable)."""
    return user_cache.load(key, KIND)


def store(key: bytes, records: Any) -> None:
    user_cache.store(key, records, KIND)
