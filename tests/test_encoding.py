"""Reading notes files in the encodings Windows machines produce (parsers/encoding.py)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from parsers.encoding import read_text
from pipeline.cli import main
from pipeline.errors import MinutesError

SIMPLIFIED = "# 周例会\n\n- 会议日期：2023年10月25日\n- 主持人：市场部 张经理\n\n## 议程1：活动目标与范围确认\n\n讨论要点：需要重点关注渠道商激励政策。\n"
TRADITIONAL = "# 週年慶籌備會議\n\n- 會議日期：2024年4月12日\n- 主持人：營運部 王經理\n\n## 一、活動檔期與主題\n\n討論要點：業務部提出門市人力需要提前排班。\n"


def write(tmp_path: Path, data: bytes, name: str = "notes.md") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        SIMPLIFIED.encode("utf-8"),
        codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"),
        codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"),
        SIMPLIFIED.encode("gbk"),
        SIMPLIFIED.encode("gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "gbk", "gb18030"],
)
def test_simplified_notes_decode_in_every_encoding(tmp_path: Path, data: bytes) -> None:
    assert read_text(write(tmp_path, data)) == SIMPLIFIED


@pytest.mark.parametrize("encoding", ["big5", "cp950", "utf-8"])
def test_traditional_notes_decode(tmp_path: Path, encoding: str) -> None:
    assert read_text(write(tmp_path, TRADITIONAL.encode(encoding))) == TRADITIONAL


def test_gbk_is_not_mistaken_for_big5_and_back(tmp_path: Path) -> None:
    # Short texts whose bytes are valid in both encodings.
    for text, encoding in [("会议记录人", "gbk"), ("會議記錄人", "big5"), ("负责人：张经理", "gbk"), ("負責人：張經理", "big5")]:
        assert read_text(write(tmp_path, text.encode(encoding))) == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_become_lf_and_keep_line_numbers(tmp_path: Path, newline: str) -> None:
    text = read_text(write(tmp_path, SIMPLIFIED.replace("\n", newline).encode("gbk")))
    assert text == SIMPLIFIED
    assert text.count("\n") == SIMPLIFIED.count("\n")


def test_mixed_line_endings_keep_every_line(tmp_path: Path) -> None:
    text = read_text(write(tmp_path, b"a\r\nb\rc\nd\r\n\r\ne"))
    assert text.split("\n") == ["a", "b", "c", "d", "", "e"]


def test_encoding_option_overrides_detection(tmp_path: Path) -> None:
    # These bytes are valid UTF-8 ("誰"), but the user says they are Latin-1.
    path = write(tmp_path, "誰".encode())
    assert read_text(path) == "誰"
    assert read_text(path, "latin-1") == "誰".encode().decode("latin-1")


def test_wrong_encoding_option_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, SIMPLIFIED.encode("gbk"))
    with pytest.raises(MinutesError, match="not valid utf-8"):
        read_text(path, "utf-8")
    with pytest.raises(MinutesError, match="unknown encoding"):
        read_text(path, "no-such-codec")


def test_binary_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"PK\x03\x04\x00\x00binary\x00\xff\xfe\x00", "notes.docx")
    with pytest.raises(MinutesError) as caught:
        read_text(path)
    message = str(caught.value)
    assert "notes.docx" in message
    assert "not a text file" in message
    assert "\n" not in message


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(MinutesError, match="no such file"):
        read_text(tmp_path / "absent.md")


def test_cli_parse_reports_unreadable_input_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, b"\x00\x01\x02\x03", "image.md")
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "image.md" in err and "not a text file" in err
    assert "Traceback" not in err


def test_cli_parse_reads_big5_crlf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, TRADITIONAL.replace("\n", "\r\n").encode("big5"))
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert '"title": "週年慶籌備會議"' in out
    assert '"language": "zh-Hant"' in out


def test_cli_parse_with_encoding_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, SIMPLIFIED.encode("gbk"))
    assert main(["parse", str(path), "--encoding", "gb18030"]) == 0
    assert '"title": "周例会"' in capsys.readouterr().out


def test_undecodable_byte_is_reported_with_its_line(tmp_path: Path) -> None:
    # A UTF-8 file damaged on line 4 (e.g. cut and pasted from a binary attachment).
    path = write(tmp_path, "# 会议\n\n第二行\n第三行 ".encode() + b"\xff\xfe\x80" + " 坏\n".encode())
    with pytest.raises(MinutesError) as caught:
        read_text(path)
    assert caught.value.line == 4
    assert str(caught.value).startswith(f"{path}:4: ")


def test_wrong_encoding_option_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "first line\nsecond line\n第三行\n".encode())
    with pytest.raises(MinutesError, match="not valid ascii") as caught:
        read_text(path, "ascii")
    assert caught.value.line == 3


def test_truncated_utf16_names_the_line_of_the_cut(tmp_path: Path) -> None:
    data = "\ufeff# 会议\n日期：2023-10-25\n".encode("utf-16-le")[:-1]
    path = write(tmp_path, data)
    with pytest.raises(MinutesError, match="utf-16") as caught:
        read_text(path)
    assert caught.value.line == 2  # the cut falls in line 2's newline
