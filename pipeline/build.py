"""Build one notes file into its two Word documents (the unit of work of ``minutes build``).

Interface shared by the single-file and batch paths of ``minutes build``:

    build_one(notes, out_dir, profile=..., template_dir=..., encoding=..., strict=..., config=...)
        -> BuildResult

It reads and parses the notes, runs the checker, renders ``<stem>.minutes.docx``
and ``<stem>.tasks.docx`` into ``out_dir`` (temporary file, then rename) and
returns what it wrote and what the checker found. A problem with this one file
raises :class:`pipeline.errors.MinutesError` with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.atomic import write_bytes_atomically
from pipeline.errors import MinutesError

if TYPE_CHECKING:
    from pipeline.check import Finding

WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
MAX_STEM_CHARS = 120


class StrictRefusal(MinutesError):
    """Notes with error findings, refused in strict mode; carries every finding to print."""

    def __init__(self, message: str, path: Path, line: int | None, findings: list[Finding]):
        super().__init__(message, path, line)
        self.findings = findings


@dataclass
class BuildResult:
    notes: Path
    outputs: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def safe_stem(stem: str) -> str:
    """A file-name stem that stays inside its folder on Linux, macOS and Windows.

    Path separators, NUL and other control characters, the characters Windows
    forbids, leading dots ("..", hidden files) and trailing dots or spaces are
    replaced or removed; reserved Windows device names (CON, NUL, COM1 …) get
    a leading underscore.
    """
    cleaned = UNSAFE_NAME_CHARS.sub("_", stem)
    cleaned = cleaned.lstrip(". ").rstrip(". ")
    cleaned = cleaned[:MAX_STEM_CHARS].rstrip(". ") or "notes"
    if WINDOWS_RESERVED.match(cleaned):
        cleaned = "_" + cleaned
    return cleaned


def output_paths(notes: Path, out_dir: Path, stem: str | None = None) -> dict[str, Path]:
    """``<stem>.minutes.docx`` and ``<stem>.tasks.docx`` inside out_dir, never the notes themselves."""
    base = safe_stem(stem if stem is not None else notes.stem)
    folder = out_dir.resolve()
    paths = {kind: folder / f"{base}.{kind}.docx" for kind in ("minutes", "tasks")}
    notes_resolved = notes.resolve()
    for path in paths.values():
        if path.parent != folder:
            raise MinutesError(f"output name escapes the output folder: {path}", notes)
        if path == notes_resolved:
            raise MinutesError(f"refusing to overwrite the notes with {path.name}", notes)
    return paths


def build_one(
    notes: Path,
    out_dir: Path,
    *,
    profile: str = "business",
    template_dir: Path | None = None,
    encoding: str | None = None,
    strict: bool = False,
    config: Path | None = None,
    stem: str | None = None,
) -> BuildResult:
    """Check and render one notes file; ``stem`` overrides the output name (sanitised)."""
    from parsers import load_meeting
    from pipeline.check import check_meeting, find_config, load_config
    from renderers import render_documents

    notes = Path(notes)
    out_dir = Path(out_dir)
    settings = load_config(config if config is not None else find_config(notes))
    meeting, source = load_meeting(notes, encoding, settings.date_order)
    findings = check_meeting(meeting, source, str(notes), settings)
    errors = [f for f in findings if f.severity == "error"]
    if strict and errors:
        first = errors[0]
        raise StrictRefusal(
            f"{len(errors)} error finding(s), not building in strict mode "
            f"(first: {first.rule} {first.message})",
            notes,
            first.line,
            findings,
        )
    paths = output_paths(notes, out_dir, stem)
    documents = render_documents(meeting, profile, template_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for kind, path in paths.items():
            write_bytes_atomically(path, documents[kind])
    except OSError as error:
        raise MinutesError(f"cannot write to {out_dir}: {error.strerror or error}", notes) from None
    return BuildResult(notes=notes, outputs=list(paths.values()), findings=findings)
