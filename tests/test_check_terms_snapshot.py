"""The built-in term list is the TOML file's, whether read from it or from its snapshot."""

from __future__ import annotations

import types

from pipeline.check.terms import (
    BUILTIN_TERMS_FILE,
    builtin_terms,
    load_toml,
    parse_toml,
    snapshot_module_text,
    term_from_table,
    term_tables,
)

SOURCE = """
[[term]]
id = "asap"
hans = ["尽快"]
en = ["ASAP"]
suggestion.en = "write the date"
flag = [{ text = "asap", where = "action" }]
""".encode()


def _module(text: str) -> types.ModuleType:
    module = types.ModuleType("snapshot")
    exec(compile(text, "snapshot", "exec"), module.__dict__)
    return module


def test_the_checker_uses_the_terms_of_the_toml_file() -> None:
    parsed = tuple(term_from_table(table) for table in load_toml(BUILTIN_TERMS_FILE)["term"])
    assert builtin_terms() == parsed


def test_a_snapshot_holds_the_parsed_tables() -> None:
    snapshot = _module(snapshot_module_text(SOURCE))
    assert parse_toml(SOURCE)["term"] == snapshot.TERMS
    assert term_tables(SOURCE, snapshot) == parse_toml(SOURCE)["term"]


def test_a_snapshot_is_used_only_for_the_bytes_it_was_made_from() -> None:
    snapshot = _module(snapshot_module_text(SOURCE))
    snapshot.TERMS = [{"id": "from-snapshot", "en": ["x"]}]
    assert [table["id"] for table in term_tables(SOURCE, snapshot)] == ["from-snapshot"]
    edited = SOURCE + b'\n[[term]]\nid = "tbd"\nen = ["TBD"]\n'
    assert [table["id"] for table in term_tables(edited, snapshot)] == ["asap", "tbd"]
    assert [table["id"] for table in term_tables(SOURCE, None)] == ["asap"]
