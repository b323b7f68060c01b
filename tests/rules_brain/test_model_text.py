"""What the intent model reads: the words as the request check mends them, and the words of
the sentences that ask, marked."""

from __future__ import annotations

import subprocess
import sys

import pytest

from knowreply.agent.brains.rules._model_text import asking_words, model_text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("pls cancle my subscripton", "cancel my subscription"),
        ("bitte kuendigen sie mein abo", "kundigen sie"),  # umlaut put back, accents dropped
        ("今のプランを改訳したいです", "解約"),
        ("kaiyaku onegai shimasu", "解約"),
        ("へんきんしてください", "返金"),
    ],
)
def test_the_model_reads_a_write_word_as_the_check_mends_it(typed: str, read: str) -> None:
    """A slip, a word typed without its umlaut, in romaji, in kana or as the wrong kanji means
    to the model what it means to the request check ("cancle" is "cancel", 改訳 is 解約)."""
    assert read.lower() in model_text(typed)


def test_words_the_check_leaves_alone_reach_the_model_as_typed() -> None:
    text = "Could you send me the invoice for March?"
    assert model_text(text).startswith(text.lower())


def test_the_request_check_imports_first_without_a_cycle() -> None:
    """`model_text` reads with the check, and the check's package imports the brain's amounts:
    a process whose first import is the check must still start."""
    started = subprocess.run(
        [sys.executable, "-c", "import knowreply.agent.intake"], capture_output=True, text=True
    )
    assert started.returncode == 0, started.stderr


@pytest.mark.parametrize(
    ("text", "asked", "told"),
    [
        (
            "My colleague cancelled the old plan last year. Can you send me the latest invoice?",
            "qinvoice",
            "qcancelled",
        ),
        ("The refund arrived, thanks. Please cancel my plan now.", "qcancel", "qrefund"),
        ("先月、返金していただきました。請求書を送ってください。", "q請求書", "q返金"),
        ("Die Erstattung ist angekommen. Bitte kündigen Sie mein Abo.", "qkundigen", "qerstattung"),
    ],
)
def test_the_words_of_the_asking_sentence_are_marked(text: str, asked: str, told: str) -> None:
    """The story names the same words as the ask; only the sentence that asks (a question, a
    request) is marked, so the model can tell the two apart."""
    marked = asking_words(text).split()
    assert asked in marked
    assert told not in marked
    assert f" {asked}" in model_text(text)
