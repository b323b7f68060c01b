"""Subscriptions and invoices on the fake, through the real stripe SDK."""

from __future__ import annotations

import pytest
import stripe

from fake_stripe import FakeStripe, fake_stripe

__all__ = ["fake_stripe"]

SECRET = "sk_test_subscriptions01"


async def _subscriptions(client: stripe.StripeClient, email: str) -> list[stripe.Subscription]:
    customer = (await client.v1.customers.list_async(params={"email": email})).data[0]
    found = await client.v1.subscriptions.list_async(
        params={"customer": customer.id, "status": "all"}
    )
    return found.data


async def test_seeded_subscriptions_have_their_states(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    carol = await _subscriptions(client, "carol@example.com")
    dave = await _subscriptions(client, "dave@example.com")
    erin = await _subscriptions(client, "erin@example.com")

    assert [s.status for s in carol + dave + erin] == ["active", "trialing", "past_due"]
    assert dave[0].trial_end is not None
    item = carol[0]["items"].data[0]
    assert item.price.unit_amount == 2900
    assert item.current_period_end > item.current_period_start
    assert "current_period_end" not in carol[0]  # on the items only since 2025-03-31


async def test_the_item_price_expands_to_the_product_name(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    sub = (await _subscriptions(client, "carol@example.com"))[0]

    expanded = await client.v1.subscriptions.retrieve_async(
        sub.id, params={"expand": ["items.data.price.product"]}
    )

    product = expanded["items"].data[0].price.product
    assert isinstance(product, stripe.Product)
    assert product.name == "Pro"


async def test_cancel_at_period_end_keeps_service_until_the_period_ends(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)
    sub = (await _subscriptions(client, "carol@example.com"))[0]

    updated = await client.v1.subscriptions.update_async(
        sub.id, params={"cancel_at_period_end": True}
    )

    assert updated.status == "active"
    assert updated.cancel_at_period_end is True
    assert updated.cancel_at == sub["items"].data[0].current_period_end
    again = await client.v1.subscriptions.retrieve_async(sub.id)
    assert again.cancel_at_period_end is True


async def test_invoices_have_numbers_and_hosted_pages(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    bob = (await client.v1.customers.list_async(params={"email": "bob@example.com"})).data[0]

    invoices = await client.v1.invoices.list_async(params={"customer": bob.id})

    assert [i.status for i in invoices.data] == ["open", "paid"]
    open_invoice = invoices.data[0]
    prefix = bob.invoice_prefix
    assert open_invoice.number == f"{prefix}-0002"
    assert str(open_invoice.hosted_invoice_url).startswith("https://invoice.stripe.com/i/")
    assert str(open_invoice.invoice_pdf).endswith("/pdf?s=ap")
    assert (open_invoice.amount_due, open_invoice.amount_paid) == (1500, 0)
    for removed in ("charge", "payment_intent", "subscription"):
        assert removed not in open_invoice  # removed in 2025-03-31
    payments = await client.v1.invoice_payments.list_async(params={"invoice": open_invoice.id})
    assert payments.data[0].payment.type == "payment_intent"
    retrieved = await client.v1.invoices.retrieve_async(str(open_invoice.id))
    assert retrieved.total == 1500


async def test_a_renewal_invoice_starts_as_a_draft_of_its_subscription(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)
    carol = (await client.v1.customers.list_async(params={"email": "carol@example.com"})).data[0]

    newest = (await client.v1.invoices.list_async(params={"customer": carol.id, "limit": 1})).data

    assert newest[0].status == "draft"
    assert newest[0].number is None and newest[0].hosted_invoice_url is None
    parent = newest[0].parent
    assert parent is not None and parent.subscription_details is not None
    subscription = parent.subscription_details.subscription
    listed = await client.v1.invoices.list_async(params={"subscription": str(subscription)})
    assert newest[0].id in [invoice.id for invoice in listed.data]


async def test_a_bad_status_filter_is_refused(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    with pytest.raises(stripe.InvalidRequestError) as refused:
        await client.v1.subscriptions.list_async(params={"status": "sleeping"})  # type: ignore[typeddict-item]

    assert refused.value.param == "status"


async def test_a_customer_brings_its_current_subscriptions_only_when_it_may_read_them(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)
    carol = (await client.v1.customers.list_async(params={"email": "carol@example.com"})).data[0]
    await client.v1.subscriptions.update_async(
        (await _subscriptions(client, "carol@example.com"))[0].id, {"cancel_at_period_end": True}
    )
    listed = await client.v1.customers.list_async(
        params={"email": "carol@example.com", "expand": ["data.subscriptions"]}
    )
    blind = fake_stripe.client(fake_stripe.control.restricted_key(["rak_customer_read"]))

    embedded = listed.data[0].subscriptions
    assert embedded is not None and not embedded.has_more
    assert [(s.customer, s.status) for s in embedded.data] == [(carol.id, "active")]
    with pytest.raises(stripe.PermissionError) as refused:
        await blind.v1.customers.list_async(
            params={"email": "carol@example.com", "expand": ["data.subscriptions"]}
        )
    assert "rak_subscription_read" in str(refused.value)


async def test_charges_bring_their_refunds_and_invoices_their_payments_when_expanded(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)
    hana = (await client.v1.customers.list_async(params={"email": "hana@example.com"})).data[0]

    charges = await client.v1.charges.list_async(
        params={"customer": hana.id, "expand": ["data.refunds"]}
    )
    invoices = await client.v1.invoices.list_async(
        params={"customer": hana.id, "status": "paid", "expand": ["data.payments"]}
    )

    refunds = charges.data[0].refunds
    assert refunds is not None and [r.amount for r in refunds.data] == [2000]
    by_description = {i.description: i for i in invoices.data}
    credit = by_description["Monthly retainer (paid from credit)"]
    outside = by_description["Monthly retainer (bank transfer)"]
    paid = by_description["Onboarding session"]
    assert (credit.starting_balance, credit.ending_balance, credit.amount_paid) == (-2500, 0, 0)
    assert outside.amount_paid == 8000
    assert outside.payments is not None and list(outside.payments.data) == []  # no charge paid it
    assert paid.payments is not None
    assert [p.payment.type for p in paid.payments.data] == ["payment_intent"]
