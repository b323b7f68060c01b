"""A whole refund of the payment the customer names by its amount ("Please refund the $24
charge"): that payment, in full, never that amount out of another one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowreply.agent.intake import read_requests
from knowreply.agent.plans import RefundPlan
from knowreply.agent.policy import asked_amount
from knowreply.money import Money
from tests.agent.conftest import Shop
from tests.agent.test_agent_llm_brains import use_openai
from tests.agent.test_agent_write_pipeline import alice_id, approve, refunded_charges
from tests.fake_llm import call, running_fake_llm, say

OLD_PLAN = (
    "Hi, an upgrade created a second subscription and you charged us $24.00 for the old plan. "
    "Please refund that $24.00 charge, we only need the new plan."
)


def _older_and_newer(shop: Shop, older: int, newer: int) -> tuple[str, str]:
    customer = alice_id(shop)
    first = shop.stripe.control.payment(customer, older)["charge"]["id"]
    second = shop.stripe.control.payment(customer, newer)["charge"]["id"]
    return first, second


def test_the_rules_brain_refunds_the_payment_of_the_amount_named(shop: Shop) -> None:
    shop.settings(approval_mode="always")
    named, _newest = _older_and_newer(shop, 2400, 9900)

    waiting = shop.ask("alice@example.com", OLD_PLAN)

    assert waiting.outcome == "awaiting_approval", waiting.reason
    planned = waiting.tool_calls[-1].write
    assert planned is not None and planned.amount is not None
    assert (planned.target_id, planned.amount.amount_minor) == (named, 2400)
    done = approve(shop, planned.action_id)
    assert done.outcome == "replied", done.reason
    assert refunded_charges(shop) == [(named, 2400)]


def test_no_payment_of_the_amount_named_refunds_nothing(shop: Shop) -> None:
    _older_and_newer(shop, 2500, 9900)

    trace = shop.ask("alice@example.com", OLD_PLAN)

    refund = next(c for c in trace.tool_calls if c.name == "refund")
    assert (refund.args["charged"], refund.status) == ("24.00", "denied")
    assert trace.outcome == "escalated"  # a person looks: nothing of another payment moves
    assert shop.refunds() == []


def test_an_amount_asked_out_of_a_payment_is_still_a_part_of_the_latest(shop: Shop) -> None:
    shop.settings(approval_mode="always")
    _, newest = _older_and_newer(shop, 2400, 9900)

    waiting = shop.ask("alice@example.com", "Please refund $24 of my last payment.")

    planned = waiting.tool_calls[-1].write
    assert planned is not None and planned.amount is not None
    assert (planned.target_id, planned.amount.amount_minor) == (newest, 2400)


def _planned_by_an_llm(shop: Shop, text: str, **arguments: str) -> tuple[str | None, int]:
    """The payment and amount of the refund an obedient LLM plans with these arguments."""
    script = [call("refund", **arguments), say("A member will check it.")]
    with running_fake_llm(script) as llm:
        use_openai(shop, llm)
        waiting = shop.ask("alice@example.com", text)
    planned = waiting.tool_calls[-1].write
    assert planned is not None and planned.amount is not None
    return planned.target_id, planned.amount.amount_minor


def test_an_llm_names_the_payment_by_its_amount(shop: Shop) -> None:
    shop.settings(approval_mode="always")
    named, _newest = _older_and_newer(shop, 2400, 9900)
    planned = _planned_by_an_llm(shop, OLD_PLAN, charged="24.00", currency="usd")
    assert planned == (named, 2400)


def test_a_part_of_a_payment_named_by_its_amount_comes_off_that_payment(shop: Shop) -> None:
    shop.settings(approval_mode="always")
    named, _newest = _older_and_newer(shop, 2400, 9900)
    text = "Please refund $10.00 of the $24.00 charge, the coupon failed."
    planned = _planned_by_an_llm(shop, text, charged="24.00", amount="10.00")
    assert planned == (named, 1000)


def _whole(payment: str) -> RefundPlan:
    paid = Money.from_major(payment, "usd")
    return RefundPlan(
        customer_id="cus_1",
        charge_id="ch_1",
        amount=paid,
        payment_amount=paid,
        whole=True,
        paid_at=datetime(2026, 11, 1, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("text", "payment", "asked"),
    [
        (
            "You took $24 for the old plan and $99 for the new one. Please refund that $24 charge.",
            "24",
            True,
        ),
        (
            "You took $24 for the old plan and $99 for the new one. Please refund that $24 charge.",
            "99",
            False,
        ),  # not the payment the customer named
        ("I was charged $59 instead of $49. Please refund it.", "59", False),  # a part, maybe
        ("Please refund the $24 charge, not the $99 one.", "24", False),  # two named: a member
    ],
)
def test_a_whole_refund_beside_other_amounts_is_asked_only_for_the_payment_named(
    text: str, payment: str, asked: bool
) -> None:
    assert asked_amount(_whole(payment), read_requests(text)) is asked


def test_the_named_payment_beside_another_amount_is_refunded_without_a_member(
    shop: Shop,
) -> None:
    named, _newest = _older_and_newer(shop, 2400, 9900)

    trace = shop.ask(
        "alice@example.com",
        "You charged me $24.00 for the old plan on top of the $99.00 for the new one. "
        "Please refund that $24.00 charge.",
    )

    assert trace.outcome == "replied", trace.reason
    assert refunded_charges(shop) == [(named, 2400)]
