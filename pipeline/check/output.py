"""Findings as text (clickable ``path:line:col:``), JSON, SARIF 2.1.0 or GitHub annotations."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from functools import cache
from urllib.parse import quote

from pipeline import __version__
from pipeline.check.catalog import RULES
from pipeline.check.finding import Finding

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the lone
# surrogates that stand for the undecodable bytes of a file name (surrogateescape).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_control(text: str) -> str:
    """``text`` on one line: a newline, a terminal escape or an undecodable byte of a
    file name is shown as ``\\n``, ``\\x1b``, ``\\xff``, so no name can break or forge
    a line of output."""
    return _CONTROL.sub(_escaped, text) if _CONTROL.search(text) else text


def use_color(choice: str = "auto") -> bool:
    """Colour the text output? ``auto``: on a terminal that understands colours (on Windows:
    Windows Terminal, or one that sets TERM), unless NO_COLOR is set or TERM=dumb; FORCE_COLOR
    colours even a pipe. See :func:`pipeline.terminal.use_color`."""
    from pipeline.terminal import use_color as decide

    return decide(choice, sys.stdout.isatty())


def format_findings_text(findings: Sequence[Finding], color: bool = False) -> str:
    """One line per finding: ``path:line:col: severity rule message — suggestion``."""
    out = []
    for f in findings:
        file = escape_control(f.file)
        where = f"{file}:" if f.whole_file else f"{file}:{f.line}:{f.column}:"
        severity: str = f.severity
        rule = f.rule
        message = escape_control(f.message)
        suggestion = f" — {escape_control(f.suggestion)}" if f.suggestion else ""
        if color:
            where = f"{_BOLD}{where}{_RESET}"
            severity = f"{_COLORS[f.severity]}{severity}{_RESET}"
            rule = f"{_DIM}{rule}{_RESET}"
            suggestion = f"{_DIM}{suggestion}{_RESET}" if suggestion else ""
        out.append(f"{where} {severity} {rule} {message}{suggestion}")
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


_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
_GITHUB_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_GITHUB_PROPERTY = {**_GITHUB_DATA, ":": "%3A", ",": "%2C"}


def _github_escape(text: str, table: dict[str, str]) -> str:
    """GitHub's escapes of a workflow command, then no control character left."""
    escaped = "".join(table.get(char, char) for char in text)
    return escape_control(escaped)


def format_findings_github(findings: Sequence[Finding]) -> str:
    """One GitHub Actions workflow command per finding, shown as an annotation:
    ``::error file=…,line=…,col=…,endColumn=…,title=rule::message — suggestion``."""
    out = []
    for f in findings:
        properties = [f"file={_github_escape(f.file, _GITHUB_PROPERTY)}"]
        if not f.whole_file:
            properties += [f"line={f.line}", f"col={f.column}"]
            if f.end_column > f.column:
                properties.append(f"endColumn={f.end_column}")
        properties.append(f"title={_github_escape(f.rule, _GITHUB_PROPERTY)}")
        text = f"{f.message} — {f.suggestion}" if f.suggestion else f.message
        command = _GITHUB_COMMAND[f.severity]
        out.append(f"::{command} {','.join(properties)}::{_github_escape(text, _GITHUB_DATA)}")
    return "\n".join(out)


# A Windows path with a drive letter (C:\notes\a.md, C:/notes/a.md) or a UNC path.
_WINDOWS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\[^\\])")
_URI_SAFE = "/._-~!$&'()*+,;=@"  # a path segment's characters (RFC 3986), ':' excluded


def _path_bytes(path: str) -> bytes:
    """The file name's own bytes (an undecodable name comes back as it was)."""
    return os.fsencode(path) if os.name != "nt" else path.encode("utf-8", "surrogatepass")


def artifact_location(path: str) -> dict[str, str]:
    """A SARIF artifactLocation: ``file://`` URI for an absolute path (``file:///C:/…``
    for a drive letter), else a relative URI against ``%SRCROOT%`` (the folder
    ``minutes check`` ran in)."""
    from pathlib import PurePosixPath, PureWindowsPath

    if _WINDOWS_ABSOLUTE.match(path):
        windows = PureWindowsPath(path)
        if windows.drive.endswith(":"):  # C:\a\b.md -> file:///C:/a/b.md
            rest = windows.as_posix()[len(windows.drive) :]
            return {"uri": f"file:///{windows.drive}{quote(_path_bytes(rest), safe=_URI_SAFE)}"}
        return {"uri": windows.as_uri()}  # \\server\share\a.md -> file://server/share/a.md
    # a backslash separates folders on Windows only (elsewhere it may be part of a name)
    relative = path.replace("\\", "/") if os.name == "nt" else path
    if PurePosixPath(relative).is_absolute():
        return {"uri": "file://" + quote(_path_bytes(relative), safe=_URI_SAFE)}
    return {"uri": quote(_path_bytes(relative), safe=_URI_SAFE), "uriBaseId": SRCROOT}


SRCROOT = "%SRCROOT%"


def _physical_location(f: Finding) -> dict[str, object]:
    """The file, and the region unless the finding is about the file as a whole."""
    location: dict[str, object] = {"artifactLocation": artifact_location(f.file)}
    if not f.whole_file:
        region: dict[str, int] = {"startLine": f.line, "startColumn": f.column}
        if f.end_column > f.column:
            # SARIF's endColumn is the column just past the matched text
            region.update(endLine=f.line, endColumn=f.end_column)
        location["region"] = region
    return location


@cache
def documentation_uri() -> str | None:
    """The address of this README, from ``[project.urls]`` of the installed package
    (``Documentation``, else ``Homepage``, ``Repository`` or ``Source``); None when
    the project declares none: no address is made up."""
    from importlib import metadata

    try:
        declared = metadata.metadata("minutes").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    urls: dict[str, str] = {}
    for entry in declared:
        label, _, url = entry.partition(",")
        url = url.strip()
        if url.startswith(("https://", "http://")):
            urls[label.strip().lower()] = url
    for label in ("documentation", "homepage", "repository", "source"):
        if label in urls:
            return urls[label].split("#", 1)[0]
    return None


def sarif_log(findings: Sequence[Finding]) -> dict[str, object]:
    rule_ids = list(RULES)
    documentation = documentation_uri()
    rules = []
    for rule in RULES.values():
        entry: dict[str, object] = {
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.summary},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        }
        if documentation:
            entry["helpUri"] = f"{documentation}#rule-{rule.id}"
        rules.append(entry)
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
    driver: dict[str, object] = {"name": "minutes", "version": __version__}
    if documentation:
        driver["informationUri"] = documentation
    driver["rules"] = rules
    run: dict[str, object] = {"tool": {"driver": driver}}
    if any("uriBaseId" in artifact_location(f.file) for f in findings):
        from pathlib import Path

        # relative paths are relative to the folder the check ran in
        run["originalUriBaseIds"] = {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}}
    # Columns count characters (code points), not UTF-16 units.
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = results
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def format_findings_sarif(findings: Sequence[Finding]) -> str:
    import json

    return json.dumps(sarif_log(findings), ensure_ascii=False, indent=2)
