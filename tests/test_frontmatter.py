"""YAML front matter read with PyYAML: values as written, each key's line, bounded cost."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from parsers import parse_notes
from parsers.frontmatter import MAX_BYTES, FrontMatter, blank_front_matter, split_front_matter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["libyaml", "pure-python"], autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test runs with libyaml's CSafeLoader and with PyYAML's own SafeLoader."""
    if request.param == "pure-python":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML built without libyaml")
    yield request.param


def read(text: str) -> FrontMatter:
    return split_front_matter(textwrap.dedent(text).lstrip("\n"))


def test_each_key_keeps_its_line_in_the_notes_file() -> None:
    matter = read(
        """
        ---
        title: 产品周会
        # 注释行不算
        date: 2024-03-05

        location: 三楼会议室
        attendees:
          - 张三
          - 李四
        recorder: 王五
        ---
        # 产品周会
        """
    )
    assert matter.lines == {"title": 2, "date": 4, "location": 6, "attendees": 7, "recorder": 10}
    assert matter.line_count == 11
    assert matter.error is None


def test_times_and_dates_stay_as_written() -> None:
    matter = read(
        """
        ---
        time: 14:30-15:30
        start: 14:30
        end: 9:05
        date: 2024-03-05
        other_date: 2024/03/05
        short_date: 2024-3-5
        quoted: '2024-3-5'
        approved: yes
        online: on
        draft: no
        count: 010
        ---
        """
    )
    assert matter.values == {
        "time": ["14:30-15:30"],
        "start": ["14:30"],  # not YAML 1.1's sexagesimal 870
        "end": ["9:05"],
        "date": ["2024-03-05"],
        "other_date": ["2024/03/05"],
        "short_date": ["2024-03-05"],
        "quoted": ["2024-3-5"],
        "approved": ["yes"],  # not True
        "online": ["on"],
        "draft": ["no"],
        "count": ["010"],  # not the octal 8
    }


def test_flow_and_block_lists() -> None:
    matter = read(
        """
        ---
        attendees: [张三, 李四, "王五（列席）"]
        absentees:
          - 赵六（出差）
          - 'Tom Hill (customer visit)'
        observers:
        ---
        """
    )
    assert matter.values == {
        "attendees": ["张三", "李四", "王五（列席）"],
        "absentees": ["赵六（出差）", "Tom Hill (customer visit)"],
        "observers": [],
    }
    assert matter.lines == {"attendees": 2, "absentees": 3, "observers": 6}


def test_list_items_written_as_mappings_put_the_department_first() -> None:
    matter = read(
        """
        ---
        attendees:
          - name: 张三
            dept: 研发部
          - 部門: 市場部
            姓名: 陳大文
          - name: Maria Garcia
            department: Legal
            role: observer
          - [财务部, 孙七]
        ---
        """
    )
    assert matter.values["attendees"] == [
        "研发部/张三",
        "市場部/陳大文",
        "Legal/Maria Garcia (observer)",
        "财务部 孙七",
    ]


def test_nested_meeting_mapping_is_flattened_with_its_own_lines() -> None:
    matter = read(
        """
        ---
        title: Quarterly review
        meeting:
          date: 2026-03-04
          time: "10:00-11:30"
          location: Building B, Room 4.12
          title: not this one
        host: Product/Sarah Chen
        ---
        """
    )
    assert matter.values == {
        "title": ["Quarterly review"],
        "date": ["2026-03-04"],
        "time": ["10:00-11:30"],
        "location": ["Building B, Room 4.12"],
        "host": ["Product/Sarah Chen"],
    }
    assert matter.lines == {"title": 2, "date": 4, "time": 5, "location": 6, "host": 8}
    assert "meeting" not in matter.values


def test_traditional_chinese_keys_and_roc_dates_stay_text() -> None:
    matter = read(
        """
        ---
        會議名稱: 第三季預算審查會
        會議日期: 114年3月11日
        會議時間: 下午2:00-3:30
        出席人員: [財務部 林小姐, 業務部 黃經理]
        ---
        """
    )
    assert matter.values == {
        "會議名稱": ["第三季預算審查會"],
        "會議日期": ["114年3月11日"],
        "會議時間": ["下午2:00-3:30"],
        "出席人員": ["財務部 林小姐", "業務部 黃經理"],
    }
    assert matter.lines["會議日期"] == 3


def test_jekyll_and_hugo_front_matter() -> None:
    matter = read(
        """
        ---
        layout: post
        title: "Sprint planning: week 12"
        date: 2026-03-04 10:00:00 +0800
        tags: [planning, sprint]
        categories:
          - meetings
        permalink: /minutes/2026/03/04/
        draft: false
        ...
        Body
        """
    )
    assert matter.error is None
    assert matter.line_count == 10
    assert matter.values["title"] == ["Sprint planning: week 12"]
    assert matter.values["date"] == ["2026-03-04 10:00:00 +0800"]
    assert matter.values["tags"] == ["planning", "sprint"]
    assert matter.values["categories"] == ["meetings"]
    assert matter.values["permalink"] == ["/minutes/2026/03/04/"]
    assert matter.values["draft"] == ["false"]


def test_a_repeated_key_keeps_the_first() -> None:
    matter = read(
        """
        ---
        date: 2024-03-05
        date: 2024-03-06
        ---
        """
    )
    assert matter.values == {"date": ["2024-03-05"]}
    assert matter.lines == {"date": 2}


@pytest.mark.parametrize(
    ("block", "line", "words"),
    [
        ("title: '产品周会\nlocation: 三楼\n", 2, "quoted scalar"),  # unclosed quote
        ("title: 周会\n\tdate: 2024-03-05\n", 3, "tab"),
        ("title: 周会\n日期：2024年3月5日\n", 3, "full-width colon"),
        ("attendees: [张三, 李四\n", 3, "flow sequence"),
        ("會議名稱: 預算會\n- 張三\n", 3, "block mapping"),
        ("title: 周会\n地点: 三楼\x07会议室\n", 3, "U+0007"),
    ],
)
def test_invalid_yaml_is_reported_and_read_as_markdown(block: str, line: int, words: str) -> None:
    text = f"---\n{block}---\n\n# 周会\n"
    matter = split_front_matter(text)
    assert matter.values == {}
    assert matter.lines == {}
    assert matter.line_count == 0
    assert matter.error is not None
    assert matter.error.startswith(f"line {line}: front matter ")
    assert words in matter.error
    assert "\n" not in matter.error
    assert matter.error_line == line
    assert blank_front_matter(text, matter) == text


def test_key_value_lines_with_full_width_colons_are_read_as_markdown() -> None:
    text = "---\n日期：2024年3月5日\n地点：三楼会议室\n---\n\n# 产品周会\n"
    matter = split_front_matter(text)
    assert matter.line_count == 0
    assert matter.error is not None and matter.error.startswith("line 2: ")
    meeting = parse_notes(text)
    assert meeting.date == dt.date(2024, 3, 5)
    assert meeting.location == "三楼会议室"
    assert meeting.info_lines["date"] == 2


def test_alias_bomb_is_refused() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for index in range(1, 10):
        name, previous = chr(ord("a") + index), chr(ord("a") + index - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\n---\n# 周会\n"
    matter = split_front_matter(text)
    assert matter.values == {}
    assert matter.line_count == 0
    assert matter.error == (
        "line 3: front matter uses the YAML alias *a, which is not allowed; read as Markdown"
    )


def test_a_single_alias_is_refused_too() -> None:
    matter = read(
        """
        ---
        host: &host 研发部/张三
        recorder: *host
        ---
        """
    )
    assert matter.values == {}
    assert matter.error is not None and matter.error.startswith("line 3: ")


def test_oversized_and_deeply_nested_blocks_are_refused() -> None:
    big = "---\n" + "".join(f"key{i}: {'值' * 40}\n" for i in range(MAX_BYTES // 120)) + "---\n"
    assert len(big.encode()) > MAX_BYTES
    matter = split_front_matter(big)
    assert (matter.values, matter.line_count) == ({}, 0)
    assert matter.error is not None and "KB" in matter.error

    deep = "---\nkey: " + "[" * 40 + "]" * 40 + "\n---\n"
    matter = split_front_matter(deep)
    assert (matter.values, matter.line_count) == ({}, 0)
    assert matter.error is not None and "deeper" in matter.error


def test_just_under_the_size_limit_is_read() -> None:
    body = "".join(f"key{i}: value\n" for i in range(4000))
    assert len(body.encode()) < MAX_BYTES
    matter = split_front_matter(f"---\n{body}---\n")
    assert matter.error is None
    assert matter.lines["key3999"] == 4001


def test_not_front_matter() -> None:
    for text in (
        "# 周会\n\n---\ntitle: x\n---\n",  # not at the very top
        "---\n\n# 周会\n\n正文\n",  # a Markdown rule, never closed
        "--- \n",
        "----\ntitle: x\n----\n",
        "",
    ):
        matter = split_front_matter(text)
        assert matter == FrontMatter(), text
        assert blank_front_matter(text, matter) == text


def test_a_document_that_is_not_a_mapping_is_reported() -> None:
    matter = split_front_matter("---\n- 张三\n- 李四\n---\n")
    assert (matter.values, matter.line_count) == ({}, 0)
    assert matter.error is not None and matter.error.startswith("line 2: ")


def test_empty_block_and_trailing_spaces() -> None:
    assert split_front_matter("---\n---\n# 周会\n") == FrontMatter(line_count=2)
    assert split_front_matter("---\n# only a comment\n...\n") == FrontMatter(line_count=3)
    matter = split_front_matter("---  \r\ntitle: 周会\r\n---\t\r\n# 周会\r\n")
    assert matter.values == {"title": ["周会"]}
    assert matter.line_count == 3


def test_other_yaml_line_breaks_do_not_shift_lines() -> None:
    matter = split_front_matter("---\ntitle: 周会\u2028第二部分\nlocation: 三楼\n---\n")
    assert matter.values == {"title": ["周会 第二部分"], "location": ["三楼"]}
    assert matter.lines == {"title": 2, "location": 3}


def test_blank_front_matter_keeps_markdown_line_numbers() -> None:
    text = "---\ntitle: 周会\n---\n# 周会\n正文\n"
    blanked = blank_front_matter(text, split_front_matter(text))
    assert blanked == "\n\n\n# 周会\n正文\n"
    assert blanked.split("\n")[3] == "# 周会"


def test_parsed_meeting_takes_front_matter_values_and_lines() -> None:
    text = textwrap.dedent(
        """
        ---
        title: 产品周会
        meeting:
          date: 2024/03/05
          time: 14:30-15:30
          location: 三楼会议室
        attendees:
          - name: 张三
            dept: 研发部
          - 市场部 李四
        absentees:
          - name: 王五
            部门: 销售部
            reason: 出差
        ---

        ## 议程一 需求评审

        讨论：同意。
        """
    ).lstrip("\n")
    meeting = parse_notes(text)
    assert meeting.title == "产品周会"
    assert meeting.date == dt.date(2024, 3, 5)
    assert (meeting.start_time, meeting.end_time) == ("14:30", "15:30")
    assert meeting.location == "三楼会议室"
    assert [(a.department, a.name) for a in meeting.attendees] == [
        ("研发部", "张三"),
        ("市场部", "李四"),
    ]
    assert meeting.info_lines["date"] == 4
    assert meeting.info_lines["location"] == 6
    assert meeting.info_lines["attendees"] == 7
    absentee = meeting.absentees[0]
    assert (absentee.department, absentee.name, absentee.reason) == ("销售部", "王五", "出差")
    assert meeting.info_lines["absentees"] == 11


_IMPORTED = """
import sys
from parsers.frontmatter import split_front_matter
matter = split_front_matter({text!r})
print("yaml" in sys.modules, matter.line_count)
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# 周会\n\n日期：2024年3月5日\n", "False 0"),
        ("---\n\n# Markdown rule, never closed\n", "False 0"),
        ("---\ntitle: 周会\n---\n", "True 3"),
    ],
)
def test_yaml_is_imported_only_for_front_matter(text: str, expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTED.format(text=text)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected
