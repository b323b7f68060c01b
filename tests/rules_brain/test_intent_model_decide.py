"""`decide` applies the thresholds and the write guard to the model's probabilities: a
refund the model splits between whole and partial is still one refund asked for."""

from __future__ import annotations

import pytest

from knowreply.agent.brains.rules import Intent
from knowreply.agent.brains.rules import intent_model as im


def _probabilities(**given: float) -> dict[Intent, float]:
    return {intent: given.get(intent.value, 0.01) for intent in Intent}


@pytest.mark.parametrize(
    ("whole", "part", "expected"),
    [
        (0.55, 0.40, Intent.REFUND),
        (0.40, 0.55, Intent.PARTIAL_REFUND),
        (0.75, 0.79, Intent.PARTIAL_REFUND),
        (0.85, 0.30, Intent.REFUND),
    ],
)
def test_a_refund_split_between_whole_and_partial_is_one_refund(
    whole: float, part: float, expected: Intent
) -> None:
    probabilities = _probabilities(refund=whole, partial_refund=part, charge_lookup=0.03)
    guess = im.decide(probabilities, frozenset({"refund"}))
    assert guess.primary is expected
    assert guess.confidence >= im.WRITE_THRESHOLD


def test_a_split_refund_still_needs_the_refund_asked() -> None:
    probabilities = _probabilities(refund=0.55, partial_refund=0.40, charge_lookup=0.30)
    assert im.decide(probabilities, frozenset()).primary is Intent.CHARGE_LOOKUP
    assert im.decide(probabilities, frozenset({"cancellation"})).primary is Intent.CHARGE_LOOKUP


def test_a_refund_whose_two_readings_stay_below_the_threshold_together_is_not_read() -> None:
    probabilities = _probabilities(refund=0.45, partial_refund=0.30, charge_lookup=0.20)
    assert im.decide(probabilities, frozenset({"refund"})).primary is Intent.CHARGE_LOOKUP


def test_a_refund_read_alone_keeps_its_own_probability_beside_a_likelier_intent() -> None:
    """Only a refund the threshold would refuse is summed: a clear one is left as the model
    read it, so it does not overtake a likelier cancellation."""
    probabilities = _probabilities(cancel=0.97, refund=0.85, partial_refund=0.40)
    guess = im.decide(probabilities, frozenset({"refund", "cancellation"}))
    assert guess.primary is Intent.CANCEL
    assert guess.secondary == (Intent.REFUND,)
