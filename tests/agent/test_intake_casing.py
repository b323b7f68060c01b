"""Mail typed all in capitals or all in small letters is read as if written normally: the check
tells names, signatures and offers by their capitals, so `casing` puts them back first."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from knowreply.agent.intake import casing, read_requests
from knowreply.agent.intake.casing import in_usual_case, is_caseless, recased


def test_words_take_their_usual_case_and_sentences_start_with_a_capital() -> None:
    assert recased("PLEASE CANCEL THE PLAN FOR DANA WHITFIELD. I'M MOVING IN FEBRUARY.") == (
        "Please cancel the plan for Dana Whitfield. I'm moving in February."
    )


def test_a_word_never_seen_is_read_as_a_name() -> None:
    assert recased("refund zorbaxian's last payment") == "Refund Zorbaxian's last payment"


def test_only_caseless_parts_are_recased() -> None:
    text, subject, thread = in_usual_case(
        "YES PLEASE DO IT, THANKS A LOT", "CANCEL MY PLAN", "> Shall I cancel your plan?"
    )
    assert (text, subject, thread) == (
        "Yes please do it, thanks a lot",
        "Cancel my plan",
        "> Shall I cancel your plan?",
    )
    assert not is_caseless("OK")  # too few letters to say how the writer types
    assert in_usual_case("Please Cancel", "REFUND", "") == ("Please Cancel", "REFUND", "")


EMAILS = [
    ("Please cancel the plan for Dana Whitfield.", set()),
    ("Please refund Tom Becker's last payment.", set()),
    ("Please refund last month's payment, it was a mistake.", {"refund"}),
    ("I'd like this morning's charge refunded. My employer pays for it now.", {"refund"}),
    ("Hi, I'm writing to request cancellation of my account's paid plan.", {"cancellation"}),
    (
        "Did our payment for this month go through?\n\nThanks,\nJulie Mercer\nReception\n\n"
        "To cancel or rebook an appointment please call the surgery.",
        set(),
    ),
    ("Yes, do it.\n\n> On 3 Apr, Support wrote:\n> Shall I cancel your plan?", {"cancellation"}),
]


@pytest.mark.parametrize(("text", "kinds"), EMAILS)
@pytest.mark.parametrize("typed", [str.upper, str.lower])
def test_caseless_mail_is_read_as_written_normally(
    text: str, kinds: set[str], typed: Callable[[str], str]
) -> None:
    assert read_requests(text).kinds == kinds
    assert read_requests(typed(text)).kinds == kinds


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("KNOWREPLY_CACHE_DIR", str(tmp_path))
    casing.usual_forms.cache_clear()
    yield tmp_path
    casing.usual_forms.cache_clear()  # the next test counts from the real cache again


def test_the_usual_forms_are_counted_once_then_read_from_the_disk_cache(empty_cache: Path) -> None:
    counted = casing.usual_forms()
    [saved] = empty_cache.glob("usual-forms-*.json")
    assert json.loads(saved.read_text(encoding="utf-8")) == counted
    assert counted["dana"] == "Dana" and counted["for"] == "for"

    saved.write_text(json.dumps({"dana": "dANA"}), encoding="utf-8")
    casing.usual_forms.cache_clear()
    assert casing.usual_forms() == {"dana": "dANA"}  # read back, not counted again


def test_an_unreadable_cached_lexicon_is_counted_again(empty_cache: Path) -> None:
    counted = casing.usual_forms()
    [saved] = empty_cache.glob("usual-forms-*.json")
    for content in ("not json", '{"dana": 1}'):
        saved.write_text(content, encoding="utf-8")
        casing.usual_forms.cache_clear()
        assert casing.usual_forms() == counted, content
        assert json.loads(saved.read_text(encoding="utf-8")) == counted
