"""Text in the model: characters XML 1.0 cannot carry are dropped, everything else is kept."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import ActionItem, Person, strip_xml_invalid

XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ANY_TEXT = st.text(
    st.one_of(
        st.characters(codec=None, exclude_categories=()),  # surrogates included
        st.sampled_from("\x00\x01\x08\x0b\x0c\x0e\x1f\t\n\r\ufffe\uffff\ud800\udfff 会議\u200b\u2028"),
    )
)


@settings(max_examples=2000)
@given(ANY_TEXT)
def test_only_characters_xml_cannot_carry_are_dropped(text: str) -> None:
    assert strip_xml_invalid(text) == XML_INVALID.sub("", text)


def test_a_model_field_drops_them_and_keeps_the_rest() -> None:
    item = ActionItem(task="提交\x0b方案\t（v2）\u200b", line=3, owner=Person(name="张\x00三"))
    assert item.task == "提交方案\t（v2）\u200b"
    assert item.owner is not None and item.owner.name == "张三"
