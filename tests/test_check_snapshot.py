"""The committed snapshots of the built-in rule data match their TOML files."""

from pipeline.check import task_cues
from pipeline.check.terms import BUILTIN_SNAPSHOT_FILE, BUILTIN_TERMS_FILE, snapshot_module_text

RENEW = "run `.venv/bin/python -m pipeline.check.rules` and commit the snapshot"


def test_term_snapshot_is_current() -> None:
    expected = snapshot_module_text(BUILTIN_TERMS_FILE.read_bytes())
    assert BUILTIN_SNAPSHOT_FILE.read_text(encoding="utf-8") == expected, (
        f"vague_terms.toml changed: {RENEW}"
    )


def test_task_cue_snapshot_is_current() -> None:
    expected = task_cues.snapshot_module_text(task_cues.TASK_CUES_FILE.read_bytes())
    assert task_cues.TASK_CUES_SNAPSHOT_FILE.read_text(encoding="utf-8") == expected, (
        f"task_cues.toml changed: {RENEW}"
    )
