"""minutes.toml: adding and allowing terms, severities, switching rules off, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check import find_config, load_config
from pipeline.errors import MinutesError
from tests.test_check_support import check_text_in, good_item, meeting


def config_with(tmp_path: Path, text: str):
    path = tmp_path / "minutes.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_add_terms(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        '[check]\nadd_terms = ["回头再说", { term = "later", suggestion = "give a date" }]\n',
    )
    findings = check_text_in("这件事回头再说", "resolutions", config)
    assert [(f.rule, f.column) for f in findings] == [("vague-term", 4)]
    english = check_text_in("Do it later", "resolutions", config, language="en")
    assert [f.suggestion for f in english] == ["give a date"]
    assert not check_text_in("Do it laterally", "resolutions", config, language="en")


def test_allow_a_term_in_every_script_or_a_phrase(tmp_path: Path) -> None:
    config = config_with(tmp_path, '[check]\nallow_terms = ["争取", "大概率"]\n')
    assert not check_text_in("争取月底完成", "resolutions", config)
    assert not check_text_in("爭取月底完成", "resolutions", config)
    assert not check_text_in("大概率月底完成", "resolutions", config)
    assert check_text_in("大概月底完成", "resolutions", config)


def test_change_severity_and_switch_off(tmp_path: Path) -> None:
    config = config_with(
        tmp_path,
        '[check.rules]\nvague-term = "info"\nmissing-acceptance = "off"\n',
    )
    findings = check_text_in("大概下周完成", "resolutions", config)
    assert [f.severity for f in findings] == ["info"]
    from pipeline.check import check_meeting

    item = good_item(acceptance=None)
    assert check_meeting(meeting(action_items=[item]), "\n", "n.md", config) == []


def test_vague_in_discussion_reports_talk_as_info_whatever_the_rule_severity(
    tmp_path: Path,
) -> None:
    assert not check_text_in("文案可能晚两天", "discussion")
    config = config_with(
        tmp_path, '[check]\nvague_in_discussion = true\n\n[check.rules]\nvague-term = "warning"\n'
    )
    talk = check_text_in("文案可能晚两天", "discussion", config)
    commitment = check_text_in("文案可能晚两天", "resolutions", config)
    assert [(f.rule, f.severity) for f in talk] == [("vague-term", "info")]
    assert [(f.rule, f.severity) for f in commitment] == [("vague-term", "warning")]
    (tmp_path / "off").mkdir()
    off = config_with(tmp_path / "off", "[check]\nvague_in_discussion = false\n")
    assert not check_text_in("文案可能晚两天", "discussion", off)


def test_config_is_found_in_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / "minutes.toml").write_text("[check]\n", encoding="utf-8")
    deep = tmp_path / "2024" / "03"
    deep.mkdir(parents=True)
    assert find_config(deep / "notes.md") == tmp_path / "minutes.toml"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("[check]\nallow_terms = [\n", 2, "invalid TOML"),
        ('[check]\nallow_terms = ["a" "b"]\n', 2, "invalid TOML"),
        ('[check]\n\n[check.rules]\nvague-trem = "error"\n', 4, "unknown rule 'vague-trem'"),
        ('[check.rules]\nmissing-due = "fatal"\n', 2, "severity must be"),
        ('[check]\nallow_term = ["争取"]\n', 2, "unknown key 'allow_term'"),
        ("[check]\nadd_terms = [1]\n", 2, "add_terms"),
        ('[check]\n\nvague_in_discussion = "yes"\n', 3, "vague_in_discussion must be true or false"),
        ("[check]\nvague_in_discussion = 1\n", 2, "not 1"),
    ],
)
def test_a_bad_config_is_one_line_naming_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "minutes.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MinutesError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ")
    assert words in message and "\n" not in message


def test_a_misplaced_table_is_an_error_not_ignored(tmp_path: Path) -> None:
    # [rules] instead of [check.rules]: silently ignoring it would leave the user
    # believing a rule was switched off.
    path = tmp_path / "minutes.toml"
    path.write_text('[check]\nallow_terms = ["争取"]\n\n[rules]\nmissing-due = "off"\n', encoding="utf-8")
    with pytest.raises(MinutesError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:4: unknown table [rules]")


def test_the_notes_date_order_is_set_in_minutes_toml(tmp_path) -> None:
    import subprocess
    import sys

    notes = tmp_path / "sync.md"
    notes.write_text("# Sync\n\nDate: 03/04/2019\n\n## Actions\n\n- [ ] Send the deck, owner: Ana, due: 05/04/2019\n", encoding="utf-8")

    def parsed() -> dict:
        import json

        out = subprocess.run(
            [sys.executable, "-m", "pipeline", "parse", str(notes)], capture_output=True, text=True, check=True
        ).stdout
        return json.loads(out)

    assert parsed()["date"] is None  # ambiguous: left unread, never guessed
    (tmp_path / "minutes.toml").write_text('[notes]\ndate_order = "dmy"\n', encoding="utf-8")
    model = parsed()
    assert model["date"] == "2019-04-03"
    assert model["action_items"][0]["due"] == "2019-04-05"


def test_a_bad_date_order_names_the_file_and_line(tmp_path) -> None:
    import pytest

    from pipeline.errors import MinutesError

    config = tmp_path / "minutes.toml"
    config.write_text('[check]\nallow_terms = []\n\n[notes]\ndate_order = "dym"\n', encoding="utf-8")
    with pytest.raises(MinutesError) as raised:
        load_config(config)
    assert "date_order" in str(raised.value) and ":5" in str(raised.value)
    config.write_text('[notes]\norder = "dmy"\n', encoding="utf-8")
    with pytest.raises(MinutesError, match="unknown key 'order'"):
        load_config(config)
