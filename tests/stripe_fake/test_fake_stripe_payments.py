"""Charges, payment intents and refunds on the fake, through the real stripe SDK."""

from __future__ import annotations

import pytest
import stripe

from fake_stripe import FakeStripe, fake_stripe

__all__ = ["fake_stripe"]

SECRET = "sk_test_payments0001"


async def _customer(client: stripe.StripeClient, email: str) -> stripe.Customer:
    found = await client.v1.customers.list_async(params={"email": email})
    return found.data[0]


async def test_a_declined_payment_says_why(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    bob = await _customer(client, "bob@example.com")

    charges = await client.v1.charges.list_async(params={"customer": bob.id})
    failed = [c for c in charges.data if c.status == "failed"]

    assert len(failed) == 1
    assert failed[0].failure_code == "card_declined"
    assert failed[0].failure_message == "Your card has insufficient funds."
    assert failed[0].outcome is not None
    assert failed[0].outcome.reason == "insufficient_funds"
    assert failed[0].paid is False


async def test_payment_intents_expand_their_latest_charge(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    alice = await _customer(client, "alice@example.com")

    intents = await client.v1.payment_intents.list_async(
        params={"customer": alice.id, "expand": ["data.latest_charge", "data.customer"]}
    )

    latest = intents.data[0]
    assert latest.status == "succeeded"
    assert isinstance(latest.latest_charge, stripe.Charge)
    assert latest.latest_charge.amount == 4900
    assert isinstance(latest.customer, stripe.Customer)
    assert latest.customer.email == "alice@example.com"


async def test_a_partial_then_full_refund_updates_the_charge(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    alice = await _customer(client, "alice@example.com")
    charge = (await client.v1.charges.list_async(params={"customer": alice.id})).data[0]

    partial = await client.v1.refunds.create_async(params={"charge": charge.id, "amount": 900})
    rest = await client.v1.refunds.create_async(
        params={"payment_intent": str(charge.payment_intent)}
    )
    after = await client.v1.charges.retrieve_async(charge.id)

    assert (partial.amount, partial.status) == (900, "succeeded")
    assert rest.amount == 4000
    assert rest.charge == charge.id
    assert after.amount_refunded == 4900
    assert after.refunded is True
    listed = await client.v1.refunds.list_async(params={"charge": charge.id})
    assert [r.id for r in listed.data] == [rest.id, partial.id]


async def test_refunding_more_than_is_left_is_refused_with_stripes_words(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)
    alice = await _customer(client, "alice@example.com")
    charge = (await client.v1.charges.list_async(params={"customer": alice.id})).data[0]
    await client.v1.refunds.create_async(params={"charge": charge.id, "amount": 900})

    with pytest.raises(stripe.InvalidRequestError) as refused:
        await client.v1.refunds.create_async(params={"charge": charge.id, "amount": 4001})

    assert refused.value.http_status == 400
    assert refused.value.param == "amount"
    assert refused.value.user_message == (
        "Refund amount ($40.01) is greater than unrefunded amount on charge ($40.00)"
    )


async def test_refunding_a_fully_refunded_charge_is_charge_already_refunded(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)
    alice = await _customer(client, "alice@example.com")
    charge = (await client.v1.charges.list_async(params={"customer": alice.id})).data[0]
    await client.v1.refunds.create_async(params={"charge": charge.id})

    with pytest.raises(stripe.InvalidRequestError) as refused:
        await client.v1.refunds.create_async(params={"charge": charge.id, "amount": 1})

    assert refused.value.http_status == 400
    assert refused.value.code == "charge_already_refunded"
    assert refused.value.user_message == f"Charge {charge.id} has already been refunded."


async def test_refunding_an_unknown_charge_names_the_parameter(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    with pytest.raises(stripe.InvalidRequestError) as refused:
        await client.v1.refunds.create_async(params={"charge": "ch_nothere"})

    assert refused.value.code == "resource_missing"
    assert refused.value.param == "charge"


async def test_the_same_idempotency_key_replays_the_first_refund(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    alice = await _customer(client, "alice@example.com")
    charge = (await client.v1.charges.list_async(params={"customer": alice.id})).data[0]
    params: stripe.RefundCreateParams = {"charge": charge.id, "amount": 500}

    first = await client.v1.refunds.create_async(params, {"idempotency_key": "refund-once"})
    second = await client.v1.refunds.create_async(params, {"idempotency_key": "refund-once"})
    after = await client.v1.charges.retrieve_async(charge.id)

    assert second.id == first.id
    assert after.amount_refunded == 500
    assert second.last_response is not None
    assert second.last_response.headers["idempotent-replayed"] == "true"
    logged = [r for r in fake_stripe.control.requests() if r["idempotency_key"] == "refund-once"]
    assert [r["replayed"] for r in logged] == [False, True]


async def test_reusing_an_idempotency_key_with_other_params_is_an_idempotency_error(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)
    alice = await _customer(client, "alice@example.com")
    charge = (await client.v1.charges.list_async(params={"customer": alice.id})).data[0]
    await client.v1.refunds.create_async(
        {"charge": charge.id, "amount": 500}, {"idempotency_key": "k1"}
    )

    with pytest.raises(stripe.IdempotencyError) as refused:
        await client.v1.refunds.create_async(
            {"charge": charge.id, "amount": 600}, {"idempotency_key": "k1"}
        )

    assert refused.value.http_status == 400
    assert "Try using a key other than 'k1'" in str(refused.value.user_message)


async def test_every_response_carries_a_request_id(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    found = await client.v1.charges.list_async(params={"limit": 1})
    with pytest.raises(stripe.InvalidRequestError) as missing:
        await client.v1.charges.retrieve_async("ch_missing")

    assert found.last_response is not None
    assert found.last_response.request_id.startswith("req_")
    assert str(missing.value.request_id).startswith("req_")
