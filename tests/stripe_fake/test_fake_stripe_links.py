"""Prices, products, payment links, portal sessions, payment methods and balance on the fake."""

from __future__ import annotations

import pytest
import stripe

from fake_stripe import FakeStripe, fake_stripe

__all__ = ["fake_stripe"]

SECRET = "sk_test_links0000001"


async def test_a_price_with_inline_product_data_sells_through_a_payment_link(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)

    price = await client.v1.prices.create_async(
        params={"unit_amount": 1500, "currency": "usd", "product_data": {"name": "Late fee"}}
    )
    link = await client.v1.payment_links.create_async(
        params={"line_items": [{"price": price.id, "quantity": 1}]}
    )
    product = await client.v1.products.retrieve_async(str(price.product))

    assert (price.unit_amount, price.currency, price.type) == (1500, "usd", "one_time")
    assert product.name == "Late fee"
    assert link.url.startswith("https://buy.stripe.com/test_")
    assert link.active is True
    assert (await client.v1.prices.retrieve_async(price.id)).id == price.id


async def test_a_price_for_an_existing_product_and_its_listing(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    product = await client.v1.products.create_async(params={"name": "Credits"})

    price = await client.v1.prices.create_async(
        params={"unit_amount": 500, "currency": "EUR", "product": product.id}
    )
    listed = await client.v1.prices.list_async(params={"product": product.id})

    assert price.currency == "eur"
    assert [p.id for p in listed.data] == [price.id]


async def test_a_price_needs_a_product(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    with pytest.raises(stripe.InvalidRequestError) as refused:
        await client.v1.prices.create_async(params={"unit_amount": 500, "currency": "usd"})

    assert "product_data" in str(refused.value.user_message)


async def test_a_payment_link_for_an_unknown_price_is_refused(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    with pytest.raises(stripe.InvalidRequestError) as refused:
        await client.v1.payment_links.create_async(
            params={"line_items": [{"price": "price_missing", "quantity": 1}]}
        )

    assert (refused.value.http_status, refused.value.code) == (400, "resource_missing")
    assert refused.value.param == "line_items[0][price]"


async def test_a_portal_session_links_to_the_customer_portal(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    carol = (await client.v1.customers.list_async(params={"email": "carol@example.com"})).data[0]

    session = await client.v1.billing_portal.sessions.create_async(
        params={"customer": carol.id, "return_url": "https://example.com/account"}
    )

    assert session.customer == carol.id
    assert session.return_url == "https://example.com/account"
    assert session.url.startswith("https://billing.stripe.com/p/session/test_")


async def test_payment_methods_list_attach_and_detach(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    bob = (await client.v1.customers.list_async(params={"email": "bob@example.com"})).data[0]
    dave = (await client.v1.customers.list_async(params={"email": "dave@example.com"})).data[0]

    cards = await client.v1.payment_methods.list_async(params={"customer": bob.id})
    card = cards.data[0]
    detached = await client.v1.payment_methods.detach_async(card.id)
    attached = await client.v1.payment_methods.attach_async(card.id, params={"customer": dave.id})
    via_customer = await client.v1.customers.payment_methods.list_async(dave.id)

    assert card.card is not None
    assert (card.card.brand, card.card.last4) == ("mastercard", "9995")
    assert detached.customer is None
    assert attached.customer == dave.id
    assert [pm.id for pm in via_customer.data] == [card.id]


async def test_balance_and_balance_transactions_follow_charges_and_refunds(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)
    alice = (await client.v1.customers.list_async(params={"email": "alice@example.com"})).data[0]
    charge = (await client.v1.charges.list_async(params={"customer": alice.id})).data[0]

    before = await client.v1.balance.retrieve_async()
    refund = await client.v1.refunds.create_async(params={"charge": charge.id, "amount": 1000})
    after = await client.v1.balance.retrieve_async()
    refunds = await client.v1.balance_transactions.list_async(params={"type": "refund"})

    usd = {b.currency: b.amount for b in before.available}["usd"]
    assert {b.currency: b.amount for b in after.available}["usd"] == usd - 1000
    newest = refunds.data[0]  # the demo seed has an older refund too
    assert (newest.amount, newest.source) == (-1000, refund.id)


async def test_an_unknown_expansion_is_refused(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    with pytest.raises(stripe.InvalidRequestError) as refused:
        await client.v1.charges.list_async(params={"expand": ["data.amount"]})

    assert refused.value.user_message == "This property cannot be expanded (amount)."
