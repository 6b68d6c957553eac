"""The pre-send checker: vague commitments and incomplete action items, pointed at by line.

Interface used by ``minutes check`` and by ``minutes build``:

    run_checks(meeting, source, path, config_path=None) -> list[Finding]
    format_findings_text(findings, color=False) -> str

A :class:`Finding` carries ``file``, ``line``, ``column`` (1-based, in characters,
in the source file), ``rule`` (a stable id such as ``vague-term``), ``severity``
(``error``, ``warning`` or ``info``), ``message`` (in the notes' language) and
``suggestion``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pipeline.model import Meeting

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    suggestion: str = ""


def run_checks(
    meeting: Meeting, source: str, path: str | Path, config_path: Path | None = None
) -> list[Finding]:
    raise NotImplementedError("the checker is not built yet")


def format_findings_text(findings: list[Finding], color: bool = False) -> str:
    return "\n".join(
        f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in findings
    )
