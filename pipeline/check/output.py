"""Findings as text (clickable ``path:line:col:``), JSON or SARIF 2.1.0."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from urllib.parse import quote

from pipeline import __version__
from pipeline.check.catalog import RULES
from pipeline.check.finding import Finding

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def use_color(choice: str = "auto") -> bool:
    """Colour the text output? ``auto``: only on a terminal, unless NO_COLOR is set or TERM=dumb."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def format_findings_text(findings: Sequence[Finding], color: bool = False) -> str:
    """One line per finding: ``path:line:col: severity rule message — suggestion``."""
    out = []
    for f in findings:
        where = f"{f.file}:" if f.whole_file else f"{f.file}:{f.line}:{f.column}:"
        severity: str = f.severity
        rule = f.rule
        suggestion = f" — {f.suggestion}" if f.suggestion else ""
        if color:
            where = f"{_BOLD}{where}{_RESET}"
            severity = f"{_COLORS[f.severity]}{severity}{_RESET}"
            rule = f"{_DIM}{rule}{_RESET}"
            suggestion = f"{_DIM}{suggestion}{_RESET}" if suggestion else ""
        out.append(f"{where} {severity} {rule} {f.message}{suggestion}")
    return "\n".join(out)


def summary_line(findings: Sequence[Finding], files: int) -> str:
    counts = {severity: 0 for severity in ("error", "warning", "info")}
    for f in findings:
        counts[f.severity] += 1
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not findings:
        return f"no problems found ({checked})"
    parts = [
        f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n
    ]
    return f"{', '.join(parts)} ({checked})"


def format_findings_json(findings: Sequence[Finding]) -> str:
    import json  # here, not at the top: the text output of a cold `minutes check` needs no json

    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:._-~")


def _physical_location(f: Finding) -> dict[str, object]:
    """The file, and the region unless the finding is about the file as a whole."""
    location: dict[str, object] = {"artifactLocation": {"uri": _uri(f.file)}}
    if not f.whole_file:
        location["region"] = {"startLine": f.line, "startColumn": f.column}
    return location


def sarif_log(findings: Sequence[Finding]) -> dict[str, object]:
    rule_ids = list(RULES)
    rules = [
        {
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.summary},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        }
        for rule in RULES.values()
    ]
    results = []
    for f in findings:
        text = f"{f.message} — {f.suggestion}" if f.suggestion else f.message
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": rule_ids.index(f.rule),
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": text},
                "locations": [{"physicalLocation": _physical_location(f)}],
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "minutes",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                # Columns count characters (code points), not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def format_findings_sarif(findings: Sequence[Finding]) -> str:
    import json

    return json.dumps(sarif_log(findings), ensure_ascii=False, indent=2)
