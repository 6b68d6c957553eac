"""``python -m pipeline.check.rules``: write the snapshots of the built-in rule data.

Run it after editing ``vague_terms.toml`` or ``task_cues.toml``; until then the
checker reads the TOML file itself (same findings, about 10 ms slower to start).
"""

from pipeline.check import task_cues, terms

if __name__ == "__main__":
    for source, snapshot, text_of in (
        (terms.BUILTIN_TERMS_FILE, terms.BUILTIN_SNAPSHOT_FILE, terms.snapshot_module_text),
        (
            task_cues.TASK_CUES_FILE,
            task_cues.TASK_CUES_SNAPSHOT_FILE,
            task_cues.snapshot_module_text,
        ),
    ):
        snapshot.write_text(text_of(source.read_bytes()), encoding="utf-8")
        print(f"wrote {snapshot}")
