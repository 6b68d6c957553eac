"""The committed snapshot of the built-in term list matches vague_terms.toml."""

from pipeline.check.terms import BUILTIN_SNAPSHOT_FILE, BUILTIN_TERMS_FILE, snapshot_module_text


def test_term_snapshot_is_current() -> None:
    expected = snapshot_module_text(BUILTIN_TERMS_FILE.read_bytes())
    assert BUILTIN_SNAPSHOT_FILE.read_text(encoding="utf-8") == expected, (
        "vague_terms.toml changed: run `.venv/bin/python -m pipeline.check.rules` and commit the snapshot"
    )
