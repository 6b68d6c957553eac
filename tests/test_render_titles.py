"""Document titles: the notes' title plus 纪要 / 任务分配表, never a doubled 会议 or 纪要."""

import pytest

from renderers.context import _with_suffix, meeting_name


@pytest.mark.parametrize(
    ("title", "language", "minutes", "tasks"),
    [
        ("Q3产品上线跨部门协调会", "zh-Hans", "Q3产品上线跨部门协调会纪要", "Q3产品上线跨部门协调会任务分配表"),
        ("Q4行銷活動籌備會議紀錄", "zh-Hant", "Q4行銷活動籌備會議紀要", "Q4行銷活動籌備會議任務分配表"),
        ("产品评审会议记录", "zh-Hans", "产品评审会议纪要", "产品评审会议任务分配表"),
        ("门店装修临时碰头", "zh-Hans", "门店装修临时碰头会议纪要", "门店装修临时碰头任务分配表"),
        ("春季新品发布会筹备会纪要", "zh-Hans", "春季新品发布会筹备会纪要", "春季新品发布会筹备会任务分配表"),
        ("Vendor Review Meeting Minutes", "en", "Vendor Review Meeting – Minutes", "Vendor Review Meeting – Task Assignments"),
        ("", "zh-Hans", "会议纪要", "任务分配表"),
    ],
)
def test_document_titles(title: str, language: str, minutes: str, tasks: str) -> None:
    labels = {
        "zh-Hans": ("会议纪要", "任务分配表"),
        "zh-Hant": ("會議紀要", "任務分配表"),
        "en": ("Minutes", "Task Assignments"),
    }[language]
    name = meeting_name(title)
    assert _with_suffix(name, labels[0], language) == minutes
    assert _with_suffix(name, labels[1], language) == tasks
