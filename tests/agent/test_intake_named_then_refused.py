"""A write named and then refused in the same breath ("cancellation is not what I want") asks
for nothing, and a new card "put on my account" is no money back; the asks beside them stay."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Thanks for the link. Also, cancellation is not what I want.", set()),
        ("Cancellation isn't what we need, we only want to pause for a month.", set()),
        ("A refund is not necessary, just tell me why I was charged twice.", set()),
        ("La résiliation n'est pas ce que je souhaite.", set()),
        ("La cancelación no es lo que queremos, solo la factura.", set()),
        # the write asked for beside one refused, and the same words that do ask
        ("Cancel the plan please, a refund is not necessary.", {"cancellation"}),
        ("Cancellation is what I want. Please cancel.", {"cancellation"}),
        ("A refund is what we want: please refund the $40.", {"refund"}),
        # a card put on the account; money put back on it
        ("I got a new card last week. Please put it on my account.", set()),
        ("Please put the money back on my card.", {"refund"}),
        ("The $20 charge was a mistake, please put it back on my card.", {"refund"}),
        ("Please return it to my card, I never used the add-on.", {"refund"}),
    ],
)
def test_a_write_named_and_refused_asks_for_nothing(text: str, kinds: set[str]) -> None:
    assert set(read_requests(text).kinds) == kinds
