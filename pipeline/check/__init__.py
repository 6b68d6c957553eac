"""The pre-send checker: vague commitments and incomplete action items, pointed at by line.

Interface used by ``minutes check`` and by ``minutes build``:

    run_checks(meeting, source, path, config_path=None) -> list[Finding]
    format_findings_text(findings, color=False) -> str

For many files, load the configuration once and reuse it:

    config = load_config(find_config(path))      # or load_config(None) for the defaults
    check_meeting(meeting, source, path, config) -> list[Finding]

A :class:`Finding` carries ``file``, ``line``, ``column`` (1-based, in characters,
in the source file), ``rule`` (a stable id such as ``vague-term``), ``severity``
(``error``, ``warning`` or ``info``), ``message`` (in the notes' language) and
``suggestion``.

Importing this package stays light (no pydantic, no term lists): patterns are
compiled on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.check.catalog import RULES, Severity
from pipeline.check.checks import check_meeting, source_lines
from pipeline.check.config import CheckConfig, find_config, load_config
from pipeline.check.finding import Finding
from pipeline.check.output import (
    format_findings_json,
    format_findings_sarif,
    format_findings_text,
)

if TYPE_CHECKING:
    from pipeline.model import Meeting

__all__ = [
    "RULES",
    "CheckConfig",
    "Finding",
    "Severity",
    "check_meeting",
    "find_config",
    "format_findings_json",
    "format_findings_sarif",
    "format_findings_text",
    "load_config",
    "run_checks",
    "source_lines",
]


def run_checks(
    meeting: Meeting, source: str, path: str | Path, config_path: Path | None = None
) -> list[Finding]:
    """Check one meeting; the config is ``config_path`` or the nearest ``minutes.toml``.

    Raises :class:`pipeline.errors.MinutesError` for a bad config file.
    """
    config = load_config(config_path if config_path is not None else find_config(path))
    return check_meeting(meeting, source, str(path), config)
