"""A finding: one problem at one place in a notes file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from pipeline.check.catalog import Severity


@dataclass(frozen=True)
class Finding:
    file: str
    line: int  # 1-based
    column: int  # 1-based, counted in characters
    rule: str
    severity: Severity
    message: str
    suggestion: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
