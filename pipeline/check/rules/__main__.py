"""``python -m pipeline.check.rules``: write the snapshot of the built-in term list.

Run it after editing ``vague_terms.toml``; until then the checker reads the TOML
file itself (same findings, about 10 ms slower to start).
"""

from pipeline.check.terms import BUILTIN_SNAPSHOT_FILE, BUILTIN_TERMS_FILE, snapshot_module_text

if __name__ == "__main__":
    text = snapshot_module_text(BUILTIN_TERMS_FILE.read_bytes())
    BUILTIN_SNAPSHOT_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {BUILTIN_SNAPSHOT_FILE}")
