"""Invoices, payments and subscriptions of the demo seed, read through the scope."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from stripe_ops_support import scope_of

from fake_stripe import FakeStripe
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.keys import parse_key
from knowreply.integrations.stripe.operations import (
    NothingFound,
    find_invoice,
    invoices_in_month,
    latest_invoice,
    list_invoices,
    list_subscriptions,
    payment_history,
    payment_status,
    payments_of_amount,
)
from knowreply.integrations.stripe.ratelimit import SlidingWindowLimiter
from knowreply.money import Money


def usd(amount_minor: int) -> Money:
    return Money(amount_minor=amount_minor, currency="usd")


async def test_invoices_come_newest_first_with_their_links(gateway: StripeGateway) -> None:
    alice = await scope_of(gateway, "alice@example.com")

    invoices = await list_invoices(gateway, alice)

    assert [i.description for i in invoices] == [
        "Annual support add-on (renewal)",
        "Annual support add-on",
    ]
    newest = invoices[0]
    assert (newest.status, newest.total, newest.amount_paid) == ("paid", usd(4900), usd(4900))
    assert newest.amount_due == usd(4900)
    assert str(newest.hosted_invoice_url).startswith("https://invoice.stripe.com/i/")
    assert str(newest.invoice_pdf).endswith("/pdf?s=ap")
    assert newest.created.tzinfo is UTC
    assert newest.created - invoices[1].created == timedelta(days=63)


async def test_the_latest_invoice_of_bob_is_open_and_unpaid(gateway: StripeGateway) -> None:
    bob = await scope_of(gateway, "bob@example.com")

    latest = await latest_invoice(gateway, bob)

    assert (latest.status, latest.amount_due, latest.amount_paid) == ("open", usd(1500), usd(0))


async def test_an_invoice_is_found_by_number_in_any_case_or_by_id(gateway: StripeGateway) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    first = (await list_invoices(gateway, alice))[-1]
    assert first.number is not None

    by_number = await find_invoice(gateway, alice, f"#{first.number.lower()}")
    by_id = await find_invoice(gateway, alice, first.id)

    assert by_number == by_id == first
    assert first.number.endswith("-0001")


async def test_another_customers_invoice_is_as_unknown_as_a_missing_one(
    gateway: StripeGateway,
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    bob = await scope_of(gateway, "bob@example.com")
    bobs = (await list_invoices(gateway, bob))[0]

    with pytest.raises(NothingFound) as foreign:
        await find_invoice(gateway, alice, bobs.id)
    with pytest.raises(NothingFound) as missing:
        await find_invoice(gateway, alice, "in_doesnotexist0000")
    with pytest.raises(NothingFound) as foreign_number:
        await find_invoice(gateway, alice, str(bobs.number))

    assert foreign.value.message == f"No invoice {bobs.id} was found for this customer."
    assert missing.value.message == "No invoice in_doesnotexist0000 was found for this customer."
    assert type(foreign.value) is type(missing.value)
    assert foreign.value.__cause__ is missing.value.__cause__ is None
    assert foreign_number.value.reference == bobs.number


async def test_invoices_of_one_month(gateway: StripeGateway) -> None:
    carol = await scope_of(gateway, "carol@example.com")
    every = await list_invoices(gateway, carol, limit=100)
    month = every[0].created

    found = await invoices_in_month(gateway, carol, month.year, month.month)

    expected = [i for i in every if (i.created.year, i.created.month) == (month.year, month.month)]
    assert found == expected
    assert found and len(found) < len(every)


async def test_invoices_of_a_run_of_months_cover_every_month_of_it(gateway: StripeGateway) -> None:
    carol = await scope_of(gateway, "carol@example.com")
    every = await list_invoices(gateway, carol, limit=100)
    first = every[-1].created  # her 4 monthly invoices, 30 days apart, span 4 calendar months

    found = await invoices_in_month(gateway, carol, first.year, first.month, months=12)

    assert found == every


async def test_payment_history_lists_every_customer_of_a_shared_address(
    gateway: StripeGateway,
) -> None:
    shared = await scope_of(gateway, "shared@example.com")

    history = await payment_history(gateway, shared)

    assert {p.customer_id for p in history} == shared.customer_ids
    assert [p.amount for p in history] == [usd(2000), usd(2000)]
    assert history[0].created > history[1].created
    assert all(p.status == "succeeded" and p.receipt_url for p in history)


async def test_a_declined_payment_says_why_in_plain_words(gateway: StripeGateway) -> None:
    bob = await scope_of(gateway, "bob@example.com")

    latest = await payment_status(gateway, bob)

    assert latest.status == "failed"
    assert latest.failure_reason == "Your card was declined for insufficient funds."
    assert latest.amount == usd(1500)


async def test_a_payment_intent_id_shows_its_charge(gateway: StripeGateway) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    latest = await payment_status(gateway, alice, "latest")
    assert latest.payment_intent_id is not None

    by_intent = await payment_status(gateway, alice, latest.payment_intent_id)
    by_charge = await payment_status(gateway, alice, latest.id)

    assert by_intent == by_charge == latest
    assert (latest.status, latest.card_brand, latest.card_last4) == ("succeeded", "visa", "4242")


async def test_another_customers_payment_is_as_unknown_as_a_missing_one(
    gateway: StripeGateway,
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    bobs = await payment_status(gateway, await scope_of(gateway, "bob@example.com"))

    answers = []
    for reference in (bobs.id, str(bobs.payment_intent_id), "ch_missing000000", "../v1/x"):
        with pytest.raises(NothingFound) as refused:
            await payment_status(gateway, alice, reference)
        answers.append(refused.value.message.replace(reference, "<id>"))

    assert set(answers) == {"No payment <id> was found for this customer."}


async def test_payments_of_an_amount_match_amount_and_currency(gateway: StripeGateway) -> None:
    grace = await scope_of(gateway, "grace.hopper@example.com")

    in_euros = await payments_of_amount(gateway, grace, Money(amount_minor=12000, currency="eur"))
    in_dollars = await payments_of_amount(gateway, grace, usd(12000))

    assert [p.description for p in in_euros] == ["Workshop seat"]
    assert str(in_euros[0].amount) == "€120.00"
    assert in_dollars == []


async def test_a_planted_expired_card_decline_reads_plainly(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    planted = fake_stripe.control.payment(
        alice.customers[0].id, 2500, status="failed", decline="expired_card"
    )

    failed = await payment_status(gateway, alice, planted["charge"]["id"])

    assert (failed.status, failed.failure_reason) == ("failed", "Your card has expired.")


async def test_a_pending_payment_is_pending(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    fake_stripe.control.payment(alice.customers[0].id, 700, status="pending")

    latest = await payment_status(gateway, alice)

    assert (latest.status, latest.amount, latest.failure_reason) == ("pending", usd(700), None)


async def test_subscriptions_show_plan_price_and_dates(gateway: StripeGateway) -> None:
    carol = await scope_of(gateway, "carol@example.com")
    dave = await scope_of(gateway, "dave@example.com")
    erin = await scope_of(gateway, "erin@example.com")
    now = datetime.now(UTC)

    [active] = await list_subscriptions(gateway, carol)
    [trial] = await list_subscriptions(gateway, dave)
    [late] = await list_subscriptions(gateway, erin)

    assert (active.plan_name, active.price, active.interval) == ("Pro", usd(2900), "month")
    assert active.status == "active" and not active.cancel_at_period_end
    assert active.current_period_end is not None and active.current_period_end > now
    assert (trial.status, trial.plan_name) == ("trialing", "Pro")
    assert trial.trial_end is not None
    assert timedelta(days=9) < trial.trial_end - now <= timedelta(days=10)
    assert (late.status, late.plan_name, late.price) == ("past_due", "Team", usd(9900))


async def test_nothing_to_show_is_said_plainly(gateway: StripeGateway) -> None:
    dave = await scope_of(gateway, "dave@example.com")

    with pytest.raises(NothingFound) as no_invoice:
        await latest_invoice(gateway, dave)
    with pytest.raises(NothingFound) as no_payment:
        await payment_status(gateway, dave)

    assert no_invoice.value.message == "No invoice was found for this customer."
    assert no_payment.value.message == "No payment was found for this customer."


async def test_a_key_that_cannot_read_products_still_shows_the_subscription(
    fake_stripe: FakeStripe,
) -> None:
    key = fake_stripe.control.restricted_key(["rak_customer_read", "rak_subscription_read"])
    async with StripeGateway(
        parse_key(key), SlidingWindowLimiter(20), api_base=fake_stripe.url
    ) as minimal:
        carol = await scope_of(minimal, "carol@example.com")
        [active] = await list_subscriptions(minimal, carol)

    assert (active.plan_name, active.price, active.status) == ("Subscription", usd(2900), "active")
    [product_read] = [r for r in fake_stripe.control.requests() if r["path"].startswith("/v1/prod")]
    assert product_read["status"] == 403
