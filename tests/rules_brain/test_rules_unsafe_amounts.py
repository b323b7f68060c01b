"""A money request whose amount cannot be read safely is never read as if no amount had been
written: `Refund -$20 of my last payment` asks for clarification, it is not `Refund`."""

from __future__ import annotations

import pytest

from knowreply.agent.brains.rules import understand
from knowreply.agent.brains.rules.understanding import Intent


@pytest.mark.parametrize(
    "text",
    [
        "Refund -$20 of my last payment.",
        "Please refund −20 USD from my latest payment.",
        "Refund $-20 of my last payment.",
        "Refund $0.001 of my latest payment.",
        "Refund $2.999 of my latest payment.",
        "Refund Infinity dollars of my last payment.",
        "Refund NaN USD of my last payment.",
        "Refund 1e3 dollars of my last payment.",
        "Refund $99999999999999999999 of my last payment.",
        "Send me a payment link for -$15.00.",
    ],
)
def test_an_unreadable_amount_makes_the_request_unclear(text: str) -> None:
    understood = understand(text)
    assert understood.intent == Intent.UNCLEAR
    assert understood.amounts == ()


@pytest.mark.parametrize(
    ("text", "minor"),
    [("Refund $20 of my last payment.", 2000), ("Please refund 1,20 € of it.", 120)],
)
def test_a_readable_amount_still_asks_for_that_amount(text: str, minor: int) -> None:
    understood = understand(text, default_currency="eur" if "€" in text else "usd")
    assert understood.intent == Intent.PARTIAL_REFUND
    assert [m.amount_minor for m in understood.amounts] == [minor]
