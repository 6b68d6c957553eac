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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class BuildResult:
    notes: Path
    outputs: list[Path] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)  # pipeline.check.Finding


def build_one(
    notes: Path,
    out_dir: Path,
    *,
    profile: str = "business",
    template_dir: Path | None = None,
    encoding: str | None = None,
    strict: bool = False,
    config: Path | None = None,
) -> BuildResult:
    raise NotImplementedError("Word output is not built yet")
