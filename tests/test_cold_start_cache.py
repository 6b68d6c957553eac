"""The per-user cache of prepared templates: used by the next process, never a way in.

Each test gets its own cache folder. "A new process" is simulated in-process by
emptying the renderer's per-process cache; the last test runs `minutes build`
twice for real.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import CodeType

import pytest

from pipeline import user_cache
from pipeline.errors import MinutesError
from renderers import BUILTIN_TEMPLATES, compiled_cache, engine, render_documents
from tests.test_render_helpers import q4_meeting
from tests.test_template_safety import with_paragraph

ROOT = Path(__file__).resolve().parent.parent
MINUTES = BUILTIN_TEMPLATES / "business" / "minutes.docx"
POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="POSIX owners and modes")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty cache folder for this test; the per-process cache emptied."""
    folder = tmp_path / "user-cache" / "minutes" / "templates"
    monkeypatch.setattr(user_cache, "cache_folder", lambda: folder.parent)
    monkeypatch.delenv(compiled_cache.DISABLE_VARIABLE, raising=False)
    engine._CACHE.clear()
    yield folder
    engine._CACHE.clear()


def new_process() -> None:
    engine._CACHE.clear()


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, a template that is prepared rather than loaded from the cache fails the test."""

    def prepare(path: Path) -> engine.PreparedTemplate:
        raise AssertionError(f"{path.name} was compiled again instead of loaded from the cache")

    monkeypatch.setattr(engine, "prepare", prepare)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*" + compiled_cache.SUFFIX))


def test_the_next_process_loads_the_templates_and_writes_the_same_bytes(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare = engine.prepare
    first = render_documents(q4_meeting())
    assert len(entries(cache)) == 2  # minutes.docx and tasks.docx
    new_process()
    no_compiling(monkeypatch)
    assert render_documents(q4_meeting()) == first
    monkeypatch.setattr(engine, "prepare", prepare)  # compiled as usual, without the cache
    monkeypatch.setenv(compiled_cache.DISABLE_VARIABLE, "1")
    new_process()
    assert render_documents(q4_meeting()) == first


@POSIX_ONLY
def test_the_cache_folder_and_entries_are_private(cache: Path) -> None:
    render_documents(q4_meeting())
    for path in [cache.parent, cache, *entries(cache)]:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def test_minutes_no_cache_neither_reads_nor_writes(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(compiled_cache.DISABLE_VARIABLE, "1")
    render_documents(q4_meeting())
    assert not cache.exists()
    monkeypatch.delenv(compiled_cache.DISABLE_VARIABLE)
    new_process()
    render_documents(q4_meeting())
    new_process()
    marker = plant(cache, cache.parent / "ran")
    monkeypatch.setenv(compiled_cache.DISABLE_VARIABLE, "1")
    render_documents(q4_meeting())
    assert not marker.exists()


# --- what is not ours is never run ----------------------------------------------


def plant(cache: Path, marker: Path) -> Path:
    """Replace the cached minutes.docx by an entry whose code would create ``marker``."""
    key = compiled_cache.key_for(engine.read_template(MINUTES))
    assert key is not None
    records = list(compiled_cache.load(key) or ())
    assert records, "the entry of minutes.docx should be there"
    at = engine._part_fields().index("template")
    hostile = compile(f"open({str(marker)!r}, 'w').close()", "<template>", "exec")
    records = [(*r[:at], hostile, *r[at + 1 :]) if r[at] is not None else r for r in records]
    compiled_cache.store(key, tuple(records))
    return marker


def test_a_planted_entry_of_our_own_is_what_the_cache_runs(cache: Path) -> None:
    """The control for the tests below: a private entry is trusted, so they test the checks."""
    render_documents(q4_meeting())
    marker = plant(cache, cache.parent / "ran")
    new_process()
    render_documents(q4_meeting())  # it defines no template: compiled afresh after it ran
    assert marker.exists()


@POSIX_ONLY
@pytest.mark.parametrize("loosen", ["entry writable by others", "entry writable by the group"])
def test_an_entry_others_can_write_is_ignored(cache: Path, loosen: str) -> None:
    first = render_documents(q4_meeting())
    marker = plant(cache, cache.parent / "ran")
    mode = stat.S_IWOTH if "others" in loosen else stat.S_IWGRP
    for entry in entries(cache):
        entry.chmod(entry.stat().st_mode | mode)
    new_process()
    assert render_documents(q4_meeting()) == first
    assert not marker.exists()


@POSIX_ONLY
@pytest.mark.parametrize("whose", ["entry", "templates folder", "minutes folder"])
def test_a_cache_owned_by_another_user_is_ignored(
    cache: Path, monkeypatch: pytest.MonkeyPatch, whose: str
) -> None:
    first = render_documents(q4_meeting())
    marker = plant(cache, cache.parent / "ran")
    someone_else = os.getuid() + 1
    if os.geteuid() == 0:  # really hand it over
        target = {"entry": entries(cache), "templates folder": [cache], "minutes folder": [cache.parent]}
        for path in target[whose]:
            os.chown(path, someone_else, -1)
    else:  # the cache then looks like someone else's: the same checks fail
        monkeypatch.setattr(os, "getuid", lambda: someone_else)
    new_process()
    assert render_documents(q4_meeting()) == first
    assert not marker.exists()


@POSIX_ONLY
def test_a_cache_folder_that_is_a_link_is_ignored(cache: Path, tmp_path: Path) -> None:
    first = render_documents(q4_meeting())
    marker = plant(cache, cache.parent / "ran")
    elsewhere = tmp_path / "elsewhere"
    cache.rename(elsewhere)
    cache.symlink_to(elsewhere, target_is_directory=True)
    new_process()
    assert render_documents(q4_meeting()) == first
    assert not marker.exists()


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "empty", "another key"])
def test_a_damaged_entry_is_ignored_and_replaced(cache: Path, damage: str) -> None:
    first = render_documents(q4_meeting())
    entry = next(e for e in entries(cache) if compiled_cache.load(bytes.fromhex(e.stem)))
    data = entry.read_bytes()
    if damage == "flipped byte":
        data = data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:]
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = b""
    else:  # the other template's entry under this one's name
        data = next(e for e in entries(cache) if e != entry).read_bytes()
    entry.write_bytes(data)
    new_process()
    assert render_documents(q4_meeting()) == first
    assert compiled_cache.load(bytes.fromhex(entry.stem)) is not None  # written again


# --- the sandbox and the budget hold for cached templates -----------------------


HOSTILE = {
    "loop": ("{% for i in range(2000) %}{% endfor %}", "loop iterations"),
    "huge power": ("{{ 9 ** 999999 }}", "an integer too large to compute"),
    "huge repeat": ("{{ 'ab' * 99999999 }}", "would be longer than"),
    "huge format": ("{{ '%99999999s' % 'x' }}", "would be longer than"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_template_is_still_stopped_when_loaded_from_the_cache(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.setattr(engine, "MAX_LOOP_ITERATIONS", 1000)
    paragraph, reason = HOSTILE[case]
    folder = with_paragraph(tmp_path, paragraph)
    for _ in range(2):
        with pytest.raises(MinutesError) as stopped:
            render_documents(q4_meeting(), template_dir=folder)
        assert reason in str(stopped.value) and str(folder / "minutes.docx") in str(stopped.value)
        new_process()
        no_compiling(monkeypatch)  # the second round loads it from the cache
    assert len(entries(cache)) == 1  # minutes.docx (tasks.docx is not reached)


def test_a_template_refused_when_compiled_is_never_cached(cache: Path, tmp_path: Path) -> None:
    folder = with_paragraph(tmp_path, "{{ actions.__class__ }}")
    for _ in range(2):
        with pytest.raises(MinutesError, match="Python internal '__class__'"):
            render_documents(q4_meeting(), template_dir=folder)
        new_process()
    assert entries(cache) == []


# --- as the program -------------------------------------------------------------


def test_a_second_minutes_build_uses_the_cache_and_writes_the_same_documents(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(home / ".cache"), "LOCALAPPDATA": str(home / "local")}
    env.pop(compiled_cache.DISABLE_VARIABLE, None)
    if sys.platform == "darwin":
        env["HOME"] = str(home)
    minutes = Path(sys.executable).parent / "minutes"
    notes = ROOT / "samples" / "q4-marketing-kickoff.zh-Hans.md"

    def build(out: str, **extra: str) -> dict[str, bytes]:
        subprocess.run(
            [str(minutes), "build", str(notes), "-o", str(tmp_path / out)],
            env={**env, **extra}, capture_output=True, check=False, timeout=120,
        )  # fmt: skip
        built = {p.name: p.read_bytes() for p in (tmp_path / out).glob("*.docx")}
        assert len(built) == 2, out
        return built

    first = build("first")
    cached = sorted(home.rglob("templates/*" + compiled_cache.SUFFIX))
    assert len(cached) == 2
    stamps = [p.stat().st_mtime_ns for p in cached]
    assert build("second") == first
    assert [p.stat().st_mtime_ns for p in cached] == stamps  # read, not written again
    assert build("uncached", MINUTES_NO_CACHE="1") == first


def test_the_cached_code_is_what_the_sandbox_compiles(cache: Path) -> None:
    render_documents(q4_meeting())
    key = compiled_cache.key_for(engine.read_template(MINUTES))
    assert key is not None
    at = engine._part_fields().index("template")
    cached = [record[at] for record in compiled_cache.load(key) if record[at] is not None]
    fresh = [part.template.minutes_code for part in engine.prepare(MINUTES).parts if part.template]
    assert len(cached) == len(fresh) >= 1
    assert cached == fresh  # code objects compare by their bytecode, constants and names
    assert any(engine.COUNT_FILTER in strings_of(code) for code in cached)  # the bounded code


def strings_of(code: CodeType) -> set[str]:
    """The string constants of a code object and of the functions it defines."""
    found = {const for const in code.co_consts if isinstance(const, str)}
    for const in code.co_consts:
        if isinstance(const, CodeType):
            found |= strings_of(const)
    return found
