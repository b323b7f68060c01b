"""The learnt second opinion on each write the explicit-request check finds asked (`ask_model`).

The check names the sentences that ask (`Requests.asked_in`) and those that only name a write
(`Requests.mentioned_in`); the model, fitted from the latter and the corpus's labels, takes a
write away when the sentences that ask for it do not read as asking. It never adds one.
"""

from __future__ import annotations

import numpy as np
import pytest

from knowreply.agent.brains.rules import Intent, understand
from knowreply.agent.brains.rules import ask_model as am
from knowreply.agent.brains.rules import intent_model as im
from knowreply.agent.intake import WriteKind
from knowreply.agent.intake.requests import read_requests

CANCEL_OFFER = (
    "On Wed, 11 Mar 2026, Crumb & Culture <hello@crumb.test> wrote:\n"
    "> Would you like us to cancel your membership so you're not billed again?\n"
)


def test_the_check_names_the_sentences_that_ask_and_those_that_only_name_a_write() -> None:
    asked = read_requests(
        "Hi,\n\nPlease cancel my plan. I got a refund last month, thanks.\n\nAnn", subject="Cancel"
    )
    assert asked.asked_in == {"cancellation": ("Cancel", "Please cancel my plan.")}
    assert asked.mentioned_in == {
        "refund": ("I got a refund last month, thanks.",),
        "cancellation": ("Cancel", "Please cancel my plan."),
    }


def test_a_write_read_from_several_sentences_or_a_yes_names_no_sentence() -> None:
    handed_over = read_requests("¿Cómo cancelo mi suscripción? ¿Pueden hacerlo por mí?")
    assert handed_over.asked_in == {"cancellation": ()}
    yes = read_requests(f"Yes please go ahead.\n\nSally\n\n{CANCEL_OFFER}")
    assert yes.kinds == {"cancellation"} and yes.asked_in == {}


def _fitted(asks: int, tells: int) -> am.AskModel:
    mentions = [{"cancellation": (f"Please cancel my plan number {n}.",)} for n in range(asks)]
    mentions += [
        {"cancellation": (f"I forgot to cancel plan {n} last year.",)} for n in range(tells)
    ]
    labels = [(Intent.CANCEL,)] * asks + [(Intent.SUBSCRIPTION_STATUS,)] * tells
    return am.AskModel(am.fit(mentions, labels))


def test_a_fit_learns_which_sentences_ask() -> None:
    model = _fitted(asks=30, tells=30)
    assert model.doubted({"cancellation": ("Please cancel my plan.",)}) == frozenset()
    assert model.doubted({"cancellation": ("I forgot to cancel my plan.",)}) == {"cancellation"}


def test_a_kind_never_named_or_always_asked_in_training_is_left_to_the_check() -> None:
    model = _fitted(asks=5, tells=0)
    assert model.probability("refund", ["Refund me."]) == pytest.approx(1.0)
    assert model.doubted({"cancellation": ("I forgot to cancel my plan.",)}) == frozenset()


def test_a_write_named_by_no_sentence_is_never_doubted() -> None:
    model = _fitted(asks=30, tells=30)
    assert model.doubted({"cancellation": ()}) == frozenset()


def test_the_fit_is_the_same_every_time() -> None:
    first, second = _fitted(30, 30), _fitted(30, 30)
    text = ["Cancel the plan please."]
    assert first.probability("cancellation", text) == second.probability("cancellation", text)


def test_the_second_opinion_only_takes_writes_away() -> None:
    """`decide` reads the writes the check found asked less those doubted: never one more."""
    probabilities = {intent: 0.01 for intent in Intent} | {Intent.CANCEL: 0.95}
    believed = im.decide(probabilities, frozenset({"cancellation"}))
    doubted = im.decide(probabilities, frozenset({"cancellation"}) - {"cancellation"})
    assert believed.primary is Intent.CANCEL and doubted.primary is not Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "Please cancel my subscription at the end of this month.",
        "Could you refund the $29 you charged me twice yesterday?",
        "Can you send me a link to update my card?",
        "Please send me a payment link for the open invoice.",
        "解約をお願いします。",
        "二重に引き落とされた分を返金してください。",
        "Por favor, cancelen mi suscripción.",
        "Merci de me rembourser le dernier prélèvement.",
        "Bitte kündigen Sie mein Abo zum Monatsende.",
    ],
)
def test_plain_asks_are_believed(text: str) -> None:
    asked = read_requests(text)
    assert asked.asked_in and im.shared_model().doubted(asked.asked_in) == frozenset()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # another business's contract, asked where to end it
        ("Hallo, ich will meinen Handyvertrag kündigen, geht das über euch?", "cancellation"),
        # where to ask for money back, not an ask for it
        ("返金してほしいんですけど、どこに連絡したらいいですか?", "refund"),
    ],
)
def test_a_write_the_check_finds_asked_but_that_does_not_read_as_asked_is_not_taken(
    text: str, kind: WriteKind
) -> None:
    asked = read_requests(text)
    assert kind in asked.kinds  # the rules alone would take it
    assert kind in im.shared_model().doubted(asked.asked_in)
    understood = understand(text)
    assert not {understood.intent, *understood.secondary_intents} & am.KIND_INTENTS[kind]


def test_the_fitted_arrays_hold_one_row_per_kind() -> None:
    arrays = im.shared_model().arrays
    assert list(arrays.ask_kinds) == list(am.KIND_INTENTS)
    assert arrays.ask_coef.shape == (
        len(am.KIND_INTENTS),
        len(arrays.ask_words) + len(arrays.ask_chars),
    )
    assert np.isfinite(arrays.ask_coef).all()
