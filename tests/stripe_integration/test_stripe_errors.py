"""Stripe's real SDK errors (raised by the fake over HTTP) in words a business owner reads."""

from __future__ import annotations

import pytest
import stripe

from fake_stripe import FakeStripe, fake_stripe
from knowreply.integrations.stripe.errors import StripeFailure, from_stripe_error

__all__ = ["fake_stripe"]

SECRET = "sk_test_errors000001"


async def _failure(call: object) -> StripeFailure:
    try:
        await call  # type: ignore[misc]
    except stripe.StripeError as error:
        return from_stripe_error(error)
    raise AssertionError("Stripe accepted the request")


async def _alice_charge(client: stripe.StripeClient) -> stripe.Charge:
    alice = (await client.v1.customers.list_async(params={"email": "alice@example.com"})).data[0]
    return (await client.v1.charges.list_async(params={"customer": alice.id})).data[0]


async def test_an_invalid_key_is_permanent_and_never_quoted(fake_stripe: FakeStripe) -> None:
    key = "rk_test_notregistered0000"
    failure = await _failure(fake_stripe.client(key).v1.customers.list_async())

    assert (failure.reason, failure.permanent) == ("invalid_key", True)
    assert "API key" in failure.message
    assert key not in failure.message


async def test_a_missing_permission_says_what_to_enable(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(fake_stripe.control.restricted_key(["rak_charge_read"]))

    failure = await _failure(client.v1.refunds.create_async(params={"charge": "ch_x"}))

    assert (failure.reason, failure.permanent) == ("missing_permission", True)
    assert failure.message == (
        "Enable Refunds: Write on your restricted key in Stripe Dashboard > Developers > API keys"
    )


async def test_a_rate_limit_is_transient(fake_stripe: FakeStripe) -> None:
    fake_stripe.control.fault(path_prefix="/v1/customers", status=429)

    failure = await _failure(fake_stripe.client(SECRET).v1.customers.list_async())

    assert (failure.reason, failure.permanent) == ("rate_limited", False)


async def test_a_dropped_connection_is_transient(fake_stripe: FakeStripe) -> None:
    fake_stripe.control.fault(path_prefix="/v1/customers", action="drop")

    failure = await _failure(fake_stripe.client(SECRET).v1.customers.list_async())

    assert (failure.reason, failure.permanent) == ("connection", False)


async def test_a_stripe_outage_is_transient(fake_stripe: FakeStripe) -> None:
    fake_stripe.control.fault(path_prefix="/v1/charges", status=500)

    failure = await _failure(fake_stripe.client(SECRET).v1.charges.list_async())

    assert (failure.reason, failure.permanent) == ("stripe_unavailable", False)
    assert failure.request_id is None or failure.request_id.startswith("req_")


async def test_refund_refusals_are_permanent_in_plain_words(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    charge = await _alice_charge(client)

    too_large = await _failure(
        client.v1.refunds.create_async(params={"charge": charge.id, "amount": 999999})
    )
    await client.v1.refunds.create_async(params={"charge": charge.id})
    again = await _failure(client.v1.refunds.create_async(params={"charge": charge.id}))

    assert (too_large.reason, too_large.permanent) == ("refund_too_large", True)
    assert too_large.message == "The refund is larger than what is left to refund on this payment."
    assert (again.reason, again.stripe_code) == ("already_refunded", "charge_already_refunded")
    assert again.message == "This payment has already been refunded in full."


async def test_an_unknown_object_is_named(fake_stripe: FakeStripe) -> None:
    failure = await _failure(fake_stripe.client(SECRET).v1.charges.retrieve_async("ch_gone"))

    assert (failure.reason, failure.permanent) == ("not_found", True)
    assert failure.message == "Stripe has no charge ch_gone."


async def test_an_idempotency_conflict_is_permanent(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    charge = await _alice_charge(client)
    await client.v1.refunds.create_async(
        {"charge": charge.id, "amount": 100}, {"idempotency_key": "x"}
    )

    failure = await _failure(
        client.v1.refunds.create_async(
            {"charge": charge.id, "amount": 200}, {"idempotency_key": "x"}
        )
    )

    assert (failure.reason, failure.permanent) == ("idempotency_conflict", True)


@pytest.mark.parametrize(
    ("error", "reason", "permanent"),
    [
        (
            stripe.CardError("Your card has insufficient funds.", None, "card_declined"),
            "card_declined",
            True,
        ),
        (stripe.APIError("boom", http_status=502), "stripe_unavailable", False),
    ],
)
def test_errors_the_fake_does_not_raise_are_mapped_too(
    error: stripe.StripeError, reason: str, permanent: bool
) -> None:
    failure = from_stripe_error(error)

    assert (failure.reason, failure.permanent) == (reason, permanent)
    if reason == "card_declined":
        assert failure.message == "The card was declined: Your card has insufficient funds."
