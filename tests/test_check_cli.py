"""``minutes check`` as a user runs it: exit codes, output formats, colour, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.terminal import minutes_on_a_terminal

CLEAN = """# 周会

- 会议日期：2024年3月5日
- 会议时间：10:00-11:00
- 会议地点：3楼会议室
- 主持人：市场部 张经理
- 记录人：市场部 周专员
- 参会人员：市场部：张经理、周专员

## 议题一

讨论要点：
1. 文案进度正常。

决议结果：
1. 3月15日前提交方案。

行动项：
- [ ] 提交方案；负责人：市场部 周专员；截止：2024年3月15日；完成标准：方案经张经理签字确认
"""
VAGUE = CLEAN.replace("1. 3月15日前提交方案。", "1. 大概3月15日前提交方案。")
ONLY_WARNING = CLEAN.replace("；完成标准：方案经张经理签字确认", "")  # missing-acceptance


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_codes(tmp_path: Path, capsys) -> None:
    clean = write(tmp_path, "clean.md", CLEAN)
    vague = write(tmp_path, "vague.md", VAGUE)
    warned = write(tmp_path, "warned.md", ONLY_WARNING)
    assert run(capsys, str(clean))[0] == 0
    assert run(capsys, str(vague))[0] == 1
    assert run(capsys, str(warned))[0] == 0
    assert run(capsys, "--strict", str(warned))[0] == 1


def test_text_output_is_clickable_path_line_column(tmp_path: Path, capsys) -> None:
    vague = write(tmp_path, "vague.md", VAGUE)
    _code, out, _ = run(capsys, str(vague))
    first = out.splitlines()[0]
    assert first.startswith(f"{vague}:16:4: error vague-term 模糊用语“大概”")
    assert " — " in first
    assert "\033[" not in out


def test_unreadable_file_among_several_is_one_line_and_the_others_are_checked(
    tmp_path: Path, capsys
) -> None:
    vague = write(tmp_path, "vague.md", VAGUE)
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\x00\x01\x02binary\xff\xfe\x00" * 20)
    code, out, err = run(capsys, str(broken), str(tmp_path / "missing.md"), str(vague))
    assert code == 2
    assert "vague.md:16:4" in out
    assert len(err.strip().splitlines()) == 2
    assert str(broken) in err and "missing.md" in err


def test_directories_are_searched_for_md_files(tmp_path: Path, capsys) -> None:
    write(tmp_path, "2024/03/a.md", VAGUE)
    write(tmp_path, "2024/03/b.txt", VAGUE)
    write(tmp_path, "README.md", VAGUE)
    code, out, _ = run(capsys, "--format", "json", str(tmp_path))
    files = {Path(f["file"]).name for f in json.loads(out)}
    assert code == 1 and files == {"a.md"}


def test_gbk_crlf_notes(tmp_path: Path, capsys) -> None:
    notes = write(tmp_path, "gbk.md", VAGUE.replace("\n", "\r\n"), encoding="gbk")
    code, out, _ = run(capsys, "--format", "json", str(notes))
    findings = json.loads(out)
    assert code == 1
    assert [(f["line"], f["column"], f["rule"]) for f in findings] == [(16, 4, "vague-term")]


def test_json_shape(tmp_path: Path, capsys) -> None:
    vague = write(tmp_path, "vague.md", VAGUE)
    _, out, _ = run(capsys, "--format", "json", str(vague))
    findings = json.loads(out)
    assert isinstance(findings, list) and findings
    assert set(findings[0]) == {
        "file",
        "line",
        "column",
        "rule",
        "severity",
        "message",
        "suggestion",
    }
    assert findings[0]["message"] == "模糊用语“大概”"


def test_sarif_shape(tmp_path: Path, capsys) -> None:
    vague = write(tmp_path, "议程/vague.md", VAGUE)
    _, out, _ = run(capsys, "--format", "sarif", str(vague))
    log = json.loads(out)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "minutes"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert "vague-term" in rule_ids and "missing-owner" in rule_ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    (result,) = run_["results"]
    assert result["ruleId"] == "vague-term"
    assert rule_ids[result["ruleIndex"]] == "vague-term"
    assert result["level"] == "error"
    assert result["message"]["text"].startswith("模糊用语“大概”")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("%E8%AE%AE%E7%A8%8B/vague.md")
    assert location["region"] == {"startLine": 16, "startColumn": 4, "endLine": 16, "endColumn": 6}
    assert run_["columnKind"] == "unicodeCodePoints"


def test_bad_config_is_usage_error(tmp_path: Path, capsys) -> None:
    vague = write(tmp_path, "vague.md", VAGUE)
    config = write(tmp_path, "minutes.toml", "[check.rules]\nvague-term = 3\n")
    code, _out, err = run(capsys, str(vague))
    assert code == 2
    assert (
        err.strip()
        == f"minutes: {config}:2: rule 'vague-term': severity must be error, warning, info or off, not 3"
    )


def _run_process(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "check", *args],
        capture_output=True,
        env={**os.environ, **env},
        check=False,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="uses a pseudo-terminal")
def test_colour_only_on_a_terminal_and_never_with_no_color(tmp_path: Path) -> None:
    vague = write(tmp_path, "vague.md", VAGUE)

    def on_terminal(env: dict[str, str]) -> bytes:
        return minutes_on_a_terminal(["check", str(vague)], env)

    assert b"\033[31m" in on_terminal({"TERM": "xterm"})
    assert b"\033[" not in on_terminal({"TERM": "xterm", "NO_COLOR": "1"})
    piped = _run_process([str(vague)], {"TERM": "xterm"})
    assert b"\033[" not in piped.stdout and piped.returncode == 1


def test_suppression_comments_through_the_parser(tmp_path: Path, capsys) -> None:
    notes = CLEAN.replace(
        "决议结果：\n1. 3月15日前提交方案。\n",
        "决议结果：\n<!-- minutes-disable vague-term -->\n1. 大概3月15日前提交方案。\n"
        "<!-- minutes-enable -->\n2. 预算尽快确认。\n",
    ).replace(
        "行动项：\n",
        "行动项：\n<!-- minutes-disable-next-line missing-acceptance -->\n"
        "- [ ] 整理会议照片；负责人：市场部 周专员；截止：2024年3月8日\n",
    )
    path = write(tmp_path, "s.md", notes)
    code, out, _ = run(capsys, "--format", "json", str(path))
    found = [(f["line"], f["rule"]) for f in json.loads(out)]
    assert code == 1
    assert found == [(19, "vague-term")]  # 尽快 after minutes-enable; 大概 was switched off


def test_vague_words_said_in_discussion_only_when_the_team_asks(tmp_path: Path, capsys) -> None:
    said = CLEAN.replace("1. 文案进度正常。", "1. 文案可能晚两天。")
    plain = write(tmp_path, "plain/said.md", said)
    assert run(capsys, str(plain))[:2] == (0, "no problems found (1 file checked)\n")
    write(tmp_path, "team/minutes.toml", "[check]\nvague_in_discussion = true\n")
    path = write(tmp_path, "team/said.md", said)
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert out.startswith(f"{path}:13:6: info vague-term 模糊用语“可能”")


def test_garbage_collector_runs_again_after_a_check(tmp_path: Path, capsys) -> None:
    """Start-up pauses the collector for its imports only: a long run must not grow unchecked."""
    import gc

    assert gc.isenabled()
    assert run(capsys, str(write(tmp_path, "clean.md", CLEAN)))[0] == 0
    assert gc.isenabled()


def test_help_and_unknown_commands_still_name_every_command(capsys) -> None:
    """A line naming one command describes only that one to argparse; the others still list all."""
    with pytest.raises(SystemExit):
        main(["--help"])
    listing = capsys.readouterr().out
    assert all(name in listing for name in ("parse", "check", "build", "templates"))
    with pytest.raises(SystemExit) as stopped:
        main(["bogus"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'bogus'" in error and "'templates'" in error
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--strict" in capsys.readouterr().out


def test_the_readme_lists_every_rule_and_setting() -> None:
    """A rule or minutes.toml key the README does not name is one a user cannot find."""
    from pipeline.check import RULES
    from pipeline.check.config import _CHECK_KEYS

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[
        readme.index("<!-- section:check -->") : readme.index("<!-- /section:check -->")
    ]
    table = section[section.index("### Rules") : section.index("### Configuration")]
    rows = {
        line.split("|")[1].strip().strip("`")
        for line in table.splitlines()
        if line.startswith("| `")
    }
    assert rows == set(RULES)
    for key in _CHECK_KEYS - {"rules"}:
        assert f"\n{key} = " in section, key
