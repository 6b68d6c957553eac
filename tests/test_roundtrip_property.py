"""Notes text of any kind, through parser and renderer, reads back from the .docx unchanged.

The other property tests start from the model; this one starts where a user
does, from the notes file's text, so that what the parser keeps and what the
renderer writes are checked together.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import parse_notes
from pipeline.model import strip_xml_invalid
from renderers import render_documents
from tests.test_render_helpers import docx_text

# Words a recorder might type: XML specials, Jinja syntax, emoji, both scripts,
# control characters pasted from chat windows. No Markdown syntax characters,
# so that the text is a plain task title however it is combined.
PIECES = [
    "&", "<", ">", '"', "'", "{{ x }}", "{% if %}", "{#", "😀", "👩\u200d💻", "會議", "纪要",
    "R&D", "<script>", "\x0b", "\x01", "\ufffe", "Q4", "预算5000元", "Müller", "%}", "}}",
]
word = st.one_of(
    st.sampled_from(PIECES),
    st.text(
        alphabet=st.characters(
            codec="utf-8",
            exclude_categories=("Cs", "Cc", "Zl", "Zp"),
            exclude_characters="#*_`[]()!|\\~-+=:：;；,，、/@.。<>",
        ),
        min_size=1,
        max_size=6,
    ),
)
phrase = st.lists(word, min_size=1, max_size=6).map(" ".join).filter(lambda s: s.strip() != "")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=phrase, task=phrase)
def test_notes_text_survives_parse_and_render(title: str, task: str) -> None:
    notes = (
        f"# {title}\n\n日期：2023-10-25\n\n## 议程一\n\n讨论要点：\n- {task}\n\n"
        f"## 行动项\n\n- [ ] {task} 负责人：市场部 周专员 截止：11月15日\n"
    )
    meeting = parse_notes(notes)
    assert len(meeting.action_items) == 1
    documents = render_documents(meeting, "business")
    for data in documents.values():
        text = _squash(docx_text(data))
        for item in meeting.action_items:
            assert _squash(item.task) in text
            assert "周专员" in text and "2023-11-15" in text
    # What the parser kept of the task is a piece of the user's text (separators such as a
    # trailing ">" between task and fields may go, XML-invalid characters do), never empty
    # when the text has a letter or a character in it.
    original = _squash(strip_xml_invalid(task))
    kept = _squash(meeting.action_items[0].task)
    assert kept in original
    if any(ch.isalnum() for ch in original):
        assert kept
