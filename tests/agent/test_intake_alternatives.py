"""`Alternation` finds what its whole pattern finds, trying only the alternatives a text holds
the words of."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowreply.agent.brains.rules.examples import load
from knowreply.agent.intake import request_phrases as phrases
from knowreply.agent.intake.alternatives import Alternation, fold, split_alternatives


def _spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


def test_alternatives_are_split_only_at_the_top_level() -> None:
    source = r"a(b|c)|[|)]d|\|e|(?:f|g)h|[]|]i|[^]|]j"
    assert split_alternatives(source) == ["a(b|c)", "[|)]d", r"\|e", "(?:f|g)h", "[]|]i", "[^]|]j"]


@pytest.mark.parametrize(
    "text",
    [
        "PLEASE REFUND ME",
        "please refund me",
        "ReFuNd my money",
        "REFİND? no: REFUND",  # dotted capital I, whose lower() is two characters
        "reſund and refund",  # a long s, which re.IGNORECASE reads as s
        "\u212aündigen Sie bitte mein Abo",  # the Kelvin sign, read as K
        "Ich möchte KÜNDIGEN.",
        "返金してください。解約もお願いします。",
        "Nothing about a write here.",
        "",
    ],
)
def test_each_mention_pattern_finds_what_its_whole_expression_finds(text: str) -> None:
    for mentions in phrases.MENTIONS.values():
        expected = _spans(mentions.pattern.finditer(text))
        assert _spans(mentions.finditer(text)) == expected


_WORDS = st.sampled_from(
    [
        "refund",
        "REFUND",
        "Refund",
        "money back",
        "cancel",
        "CANCEL",
        "unsubscribe",
        "stop",
        "my plan",
        "the subscription",
        "portal",
        "link",
        "pay",
        "invoice",
        "please",
        "don't",
        "not",
        "erstatten",
        "Geld zurück",
        "kündigen",
        "KÜNDIGEN",
        "rembourser",
        "résilier",
        "reembolso",
        "dar de baja",
        "返金",
        "解約",
        "お願いします",
        "İ",
        "ſ",
        "\u212a",
        "ı",
        " ",
        ", ",
        ". ",
        "? ",
        "\n",
    ]
)
"""Write words in several cases and languages, letters `re` case-folds specially, and
separators: texts where the mention patterns find something."""


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14).map("".join))
def test_any_text_of_write_words_is_matched_as_by_the_whole_pattern(text: str) -> None:
    for mentions in phrases.MENTIONS.values():
        assert _spans(mentions.finditer(text)) == _spans(mentions.pattern.finditer(text))


def test_corpus_sentences_are_matched_as_by_the_whole_pattern() -> None:
    """Every 150th `dev/` email, as written, in capitals and in small letters."""
    for example in load("dev")[::150]:
        for text in (example.body, example.body.upper(), example.body.lower()):
            for mentions in phrases.MENTIONS.values():
                assert _spans(mentions.finditer(text)) == _spans(mentions.pattern.finditer(text))


def test_an_alternative_without_a_required_word_is_always_tried() -> None:
    alternation = Alternation(re.compile(r"\d+ back|refund", re.IGNORECASE))
    assert _spans(alternation.finditer("20 back, REFUND")) == [(0, 7), (9, 15)]


def test_a_pattern_with_a_backreference_is_refused() -> None:
    with pytest.raises(ValueError, match="backreference"):
        Alternation(re.compile(r"(a)\1|b"))


def test_folding_matches_what_ignorecase_matches() -> None:
    assert fold("REFİND ſ \u212a") == "refind s k"
