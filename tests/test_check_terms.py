"""Every vague term's own examples, in both scripts, through the whole checker."""

from __future__ import annotations

import pytest

from pipeline.check.catalog import message
from pipeline.check.config import CheckConfig
from pipeline.check.terms import Term, builtin_terms
from tests.test_check_support import check_text_in

TERMS = builtin_terms()
# Examples placed in a discussion point say how a term reads there once the team asks
# for talk to be checked too; by default nothing said in discussion is reported.
TALK_TOO = CheckConfig(vague_in_discussion=True)


def _other_script_variants(term: Term, text: str) -> list[str]:
    """The example with the term written in the other script (尽快 → 盡快/儘快 and back)."""
    variants = []
    for hans, hant in zip(term.hans, term.hant, strict=False):
        if hans == hant:
            continue
        if hans in text:
            variants.append(text.replace(hans, hant))
        if hant in text:
            variants.append(text.replace(hant, hans))
    return variants


FLAG_CASES = [
    pytest.param(term, example.text, example.where, id=f"{term.id}:{example.text}")
    for term in TERMS
    for example in term.flag
]
NO_FLAG_CASES = [
    pytest.param(term, example.text, example.where, id=f"{term.id}:{example.text}")
    for term in TERMS
    for example in term.no_flag
]


def _hits_of(term: Term, text: str, where: str) -> list[int]:
    talk = where in ("discussion", "disagreements")
    findings = check_text_in(text, where, TALK_TOO if talk else None)
    if term.scope == "owner":
        # A collective standing as the owner ("全组") is a missing owner, not a vague word.
        said = [text[i : i + len(form)] for form in term.forms if (i := _find(text, form)) >= 0]
        group = {message("missing-owner-group", "zh-Hans", task="提交方案", owner=o) for o in said}
        return [f.column for f in findings if f.rule == "missing-owner" and f.message in group]
    return [
        f.column
        for f in findings
        if f.rule == "vague-term"
        and any(form.casefold() in f.message.casefold() for form in term.forms)
    ]


def _find(text: str, form: str) -> int:
    return text.casefold().find(form.casefold())


@pytest.mark.parametrize(("term", "text", "where"), FLAG_CASES)
def test_term_flags_its_examples(term: Term, text: str, where: str) -> None:
    assert _hits_of(term, text, where), f"{term.id} not reported in {text!r} ({where})"
    for variant in _other_script_variants(term, text):
        assert _hits_of(term, variant, where), f"{term.id} not reported in {variant!r}"


@pytest.mark.parametrize(("term", "text", "where"), NO_FLAG_CASES)
def test_term_spares_its_counter_examples(term: Term, text: str, where: str) -> None:
    assert not _hits_of(term, text, where), f"false alarm for {term.id} in {text!r}"
    for variant in _other_script_variants(term, text):
        assert not _hits_of(term, variant, where), f"false alarm for {term.id} in {variant!r}"


@pytest.mark.parametrize("term", TERMS, ids=[t.id for t in TERMS])
def test_every_term_has_examples_and_suggestions_in_three_languages(term: Term) -> None:
    assert term.flag and term.no_flag
    assert set(term.suggestion) == {"zh-Hans", "zh-Hant", "en"}
    assert len(term.hans) == len(term.hant), "hans and hant forms are paired by position"
    flagged = " ".join(
        text
        for example in term.flag
        for text in (example.text, *_other_script_variants(term, example.text))
    )
    for form in (*term.hans, *term.hant):
        assert form in flagged, f"no example flags {form!r}"


def test_no_form_belongs_to_two_terms() -> None:
    owners: dict[str, str] = {}
    for term in TERMS:
        for form in term.forms:
            assert owners.setdefault(form.casefold(), term.id) == term.id, form


def test_the_required_terms_are_all_listed() -> None:
    forms = {form.casefold() for term in TERMS for form in term.forms}
    required = [
        "尽快",
        "盡快",
        "儘快",
        "尽早",
        "儘早",
        "大概",
        "大約",
        "可能",
        "也许",
        "也許",
        "差不多",
        "适时",
        "適時",
        "酌情",
        "视情况",
        "視情況",
        "原则上",
        "原則上",
        "争取",
        "爭取",
        "力争",
        "力爭",
        "配合完成",
        "相关部门",
        "相關部門",
        "各部门",
        "等等",
        "若干",
        "左右",
    ]
    required += ["asap", "soon", "as needed", "tbd", "etc."]
    missing = [form for form in required if form.casefold() not in forms]
    assert not missing


def test_terms_are_case_insensitive_and_whole_words_in_english() -> None:
    assert check_text_in("Send photos Asap", "resolutions", language="en")
    assert not [f for f in check_text_in("Seasoned sooner", "resolutions", language="en")]


def test_vague_words_are_errors_in_commitments_and_silent_in_talk() -> None:
    for where in ("resolutions", "action"):
        found = check_text_in("大概下周完成", where)
        assert [(f.rule, f.severity) for f in found] == [("vague-term", "error")], where
    for where in ("discussion", "disagreements"):
        assert check_text_in("大概下周完成", where) == [], where
        asked = check_text_in("大概下周完成", where, TALK_TOO)
        assert [(f.rule, f.severity) for f in asked] == [("vague-term", "info")], where


def test_quoted_speech_in_a_commitment_is_talk() -> None:
    for text, language in (
        ("按客户“尽快上线”的要求，6月30日上线", "zh-Hans"),
        ("依客戶「盡快上線」的要求，6月30日上線", "zh-Hant"),
        ('Ship on 30 June, as the customer\'s "ASAP" asked', "en"),
    ):
        assert check_text_in(text, "resolutions", language=language) == [], text
        asked = check_text_in(text, "resolutions", TALK_TOO, language=language)
        assert [(f.rule, f.severity) for f in asked] == [("vague-term", "info")], text
    unquoted = check_text_in("按客户要求尽快上线", "resolutions")
    assert [f.severity for f in unquoted] == ["error"]
