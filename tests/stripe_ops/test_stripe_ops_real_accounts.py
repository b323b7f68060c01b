"""Operations as a real account answers them: drafts, void invoices, open invoices, captures,
invoice payments, search that lags, and the account's cache."""

from __future__ import annotations

import asyncio
import contextlib

import stripe
from stripe_ops_support import logged, scope_of

from fake_stripe import FakeStripe
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.errors import StripeFailure
from knowreply.integrations.stripe.operations import (
    find_customers,
    invoice_for_payment,
    invoice_payment_link,
    latest_invoice,
    list_invoices,
    open_invoice_for,
    payment_status,
    portal_link,
)
from knowreply.integrations.stripe.operations.views import payment_summary
from knowreply.money import Money


async def test_drafts_in_front_never_hide_the_paid_invoice(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    for _ in range(6):  # more drafts than one page holds
        fake_stripe.control.invoice(alice.customer().id, 4900, "draft")

    latest = await latest_invoice(gateway, alice)

    assert latest.status == "paid" and latest.amount_paid.amount_minor == 4900
    listed = await list_invoices(gateway, alice, limit=10)
    assert "draft" not in {invoice.status for invoice in listed}
    assert len(logged(fake_stripe, "GET", "/v1/invoices")) == 3  # paged past the drafts


async def test_a_newer_void_invoice_is_not_the_latest(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    fake_stripe.control.invoice(alice.customer().id, 1200, "void")
    fake_stripe.control.invoice(alice.customer().id, 1300, "uncollectible")

    latest = await latest_invoice(gateway, alice)
    listed = await list_invoices(gateway, alice, limit=10)

    assert (latest.status, latest.amount_due.amount_minor) == ("uncollectible", 1300)
    assert listed[-1].status == "void"  # cancelled ones come last


async def test_an_open_invoice_is_paid_on_its_hosted_page(gateway: StripeGateway) -> None:
    bob = await scope_of(gateway, "bob@example.com")

    invoice = await open_invoice_for(gateway, bob, None, Money.from_major("15.00", "usd"))
    assert invoice is not None
    link = invoice_payment_link(invoice)

    assert link is not None and link.url == invoice.hosted_invoice_url
    assert link.url.startswith("https://invoice.stripe.com/i/")
    assert link.invoice_number == invoice.number and link.price_id is None
    other = await open_invoice_for(gateway, bob, None, Money.from_major("25.00", "usd"))
    assert other is None  # an amount that is no invoice gets a new Payment Link


async def test_the_invoice_of_a_payment_is_found_through_invoice_payments(
    gateway: StripeGateway,
) -> None:
    bob = await scope_of(gateway, "bob@example.com")
    declined = await payment_status(gateway, bob)

    invoice = await invoice_for_payment(gateway, bob, declined)

    assert invoice is not None and invoice.status == "open"
    assert invoice.amount_due.amount_minor == declined.amount.amount_minor


def test_what_is_refundable_counts_only_what_was_captured() -> None:
    charge = stripe.Charge.construct_from(
        {
            "id": "ch_partial",
            "object": "charge",
            "amount": 5000,
            "amount_captured": 3000,
            "amount_refunded": 1000,
            "currency": "usd",
            "created": 1_700_000_000,
            "customer": "cus_1",
            "status": "succeeded",
            "refunded": False,
            "disputed": False,
            "description": None,
            "failure_code": None,
            "failure_message": None,
            "outcome": None,
            "payment_intent": "pi_partial",
            "payment_method_details": None,
            "receipt_url": None,
        },
        "sk_test_unused",
    )

    assert payment_summary(charge).refundable == Money.from_major("20.00", "usd")


async def test_a_portal_never_configured_is_named_with_where_to_fix_it(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    fake_stripe.control.portal(configured=False)

    try:
        await portal_link(gateway, alice)
    except StripeFailure as failure:
        assert failure.reason == "portal_not_configured" and failure.permanent
        assert failure.message.startswith("Customer portal not configured in Stripe")
        assert "Settings > Billing > Customer portal" in failure.message
    else:
        raise AssertionError("the portal session was made without a configuration")


async def test_a_sender_the_list_found_is_never_searched_and_is_cached(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    await scope_of(gateway, "alice@example.com")
    await scope_of(gateway, "alice@example.com")

    assert len(logged(fake_stripe, "GET", "/v1/customers")) == 1
    assert logged(fake_stripe, "GET", "/v1/customers/search") == []


async def test_a_404_forgets_what_the_account_cache_knew(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    await scope_of(gateway, "alice@example.com")
    with contextlib.suppress(stripe.InvalidRequestError):
        await gateway.client.v1.charges.retrieve_async("ch_deletedmeanwhile")

    await scope_of(gateway, "alice@example.com")

    assert len(logged(fake_stripe, "GET", "/v1/customers")) == 2


async def test_search_lags_behind_a_new_customer_like_stripe(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    fake_stripe.control.search_delay(0.5)
    admin = fake_stripe.client("sk_test_opsadmin0001")
    await admin.v1.customers.create_async(params={"email": "New.Person@Example.com"})

    soon = await find_customers(gateway, "new.person@example.com", mode="test")
    await asyncio.sleep(0.6)
    later = await find_customers(gateway, "new.person@example.com", mode="test")

    assert not soon.found and later.found
