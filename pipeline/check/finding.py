"""A finding: one problem at one place in a notes file."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from pipeline.check.catalog import Severity

# The line of a finding about the file as a whole (a meeting date the notes never give):
# no line of the notes is wrong, so none is pointed at.
WHOLE_FILE = 0


@dataclass(frozen=True)
class Finding:
    file: str
    line: int  # 1-based; WHOLE_FILE (0) for a finding about the file as a whole
    column: int  # 1-based, counted in characters; 0 with WHOLE_FILE
    rule: str
    severity: Severity
    message: str
    suggestion: str = ""
    # the column just past the text found (SARIF's endColumn, GitHub's endColumn);
    # 0 when the finding points at a place rather than at some text
    end_column: int = field(default=0, compare=False)

    @property
    def whole_file(self) -> bool:
        return self.line == WHOLE_FILE

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["end_column"]  # the JSON output keeps its documented keys
        return data
