"""Counts in replies and in the member's basis are written in the right plural: "1 unused
day", "24 unused days", "1 seat", in each language's own form."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowreply.agent.brains.rules import replies
from knowreply.agent.brains.rules._format import Formatter
from knowreply.agent.brains.rules.persona import Audience
from knowreply.integrations.stripe.models import CountedShare, RefundResult, UnusedPart
from knowreply.money import Money

PAID = Money(amount_minor=2900, currency="usd")


def _one_unused_day() -> UnusedPart:
    """The last day of a 30-day period paid $29.00."""
    return UnusedPart(
        subscription_id="sub_1",
        invoice_id="in_1",
        charge_id="ch_1",
        paid=PAID,
        period_start=datetime(2026, 3, 1, tzinfo=UTC),
        period_end=datetime(2026, 3, 31, tzinfo=UTC),
        unused_days=1,
        period_days=30,
        amount=UnusedPart.size(PAID, 1, 30),
    )


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("en", "1 unused day", "24 unused days"),
        ("ja", "1日", "24日"),
        ("es", "1 día sin usar", "24 días sin usar"),
        ("fr", "1 jour non utilisé", "24 jours non utilisés"),
        ("de", "1 ungenutzten Tag", "24 ungenutzte Tage"),
    ],
)
def test_unused_days_are_counted_in_the_customers_plural(
    language: str, one: str, many: str
) -> None:
    formatter = Formatter(Audience(language))  # type: ignore[arg-type]
    assert (formatter.count(1, "unused_day"), formatter.count(24, "unused_day")) == (one, many)


def test_the_members_basis_says_one_day_and_one_seat_in_the_singular() -> None:
    unused = _one_unused_day()
    seats = CountedShare(
        subscription_id="sub_1",
        invoice_id="in_1",
        charge_id="ch_1",
        paid=PAID,
        count=1,
        unit="seat",
        share=1,
        of=3,
        amount=UnusedPart.size(PAID, 1, 3),
    )
    assert unused.basis == "$0.96 of $29.00 for 1 unused day of 30 (invoice in_1)"
    assert seats.basis == "$9.66 of $29.00 for 1 seat of 3 (invoice in_1)"


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "for its 1 unused day of 30."),
        ("ja", "未使用の1日分（全30日）"),
        ("es", "por 1 día sin usar de 30."),
        ("fr", "pour 1 jour non utilisé sur 30."),
        ("de", "für 1 ungenutzten Tag von 30."),
    ],
)
def test_the_refund_reply_counts_one_unused_day_in_the_singular(language: str, said: str) -> None:
    unused = _one_unused_day()
    refund = RefundResult(
        id="re_1",
        charge_id="ch_1",
        amount=unused.amount,
        status="succeeded",
        remaining_refundable=Money(amount_minor=2900 - 96, currency="usd"),
    )
    text = replies.refund_done(refund, Audience(language), unused=unused)  # type: ignore[arg-type]
    assert said in text
