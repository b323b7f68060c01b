"""API keys on the fake: secret, restricted (with `rak_*` permissions), publishable, unknown."""

from __future__ import annotations

import pytest
import stripe

from fake_stripe import FakeStripe, fake_stripe
from fakestripe import ACCOUNT_ID, DEMO_RESTRICTED_KEY

__all__ = ["fake_stripe"]


async def test_an_unregistered_restricted_key_is_invalid_and_masked(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client("rk_test_unknownkey000000wxyz")

    with pytest.raises(stripe.AuthenticationError) as refused:
        await client.v1.customers.list_async()

    assert refused.value.http_status == 401
    assert refused.value.user_message == "Invalid API Key provided: rk_test_****************wxyz"
    assert refused.value.json_body == {
        "error": {
            "type": "invalid_request_error",
            "message": "Invalid API Key provided: rk_test_****************wxyz",
        }
    }


async def test_a_publishable_key_cannot_call_secret_endpoints(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client("pk_test_publishable0001")

    with pytest.raises(stripe.AuthenticationError) as refused:
        await client.v1.charges.list_async()

    assert "cannot be made with a publishable API key" in str(refused.value.user_message)


async def test_a_restricted_key_without_refund_write_gets_stripes_403(
    fake_stripe: FakeStripe,
) -> None:
    key = fake_stripe.control.restricted_key(["rak_charge_read", "rak_refund_read"])
    client = fake_stripe.client(key)
    charge = (await client.v1.charges.list_async(params={"limit": 1})).data[0]

    with pytest.raises(stripe.PermissionError) as refused:
        await client.v1.refunds.create_async(params={"charge": charge.id})

    masked = "rk_test_" + "*" * (len(key) - 12) + key[-4:]
    assert refused.value.http_status == 403
    assert refused.value.user_message == (
        f"The provided key '{masked}' does not have the required permissions for this "
        f"endpoint on account '{ACCOUNT_ID}'. Having the 'rak_refund_write' permission would "
        "allow this request to continue."
    )


async def test_permission_is_checked_before_the_request_is_validated(
    fake_stripe: FakeStripe,
) -> None:
    without = fake_stripe.client(fake_stripe.control.restricted_key(["rak_charge_read"]))
    with_write = fake_stripe.client(fake_stripe.control.restricted_key(["rak_refund_write"]))

    with pytest.raises(stripe.PermissionError):
        await without.v1.refunds.create_async(params={"charge": "ch_nothere"})
    with pytest.raises(stripe.InvalidRequestError) as missing:
        await with_write.v1.refunds.create_async(params={"charge": "ch_nothere"})

    assert missing.value.code == "resource_missing"


async def test_write_permission_also_grants_read(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(fake_stripe.control.restricted_key(["rak_subscription_write"]))

    found = await client.v1.subscriptions.list_async(params={"status": "all"})

    assert len(found.data) == 3


@pytest.mark.parametrize(
    ("permission", "call"),
    [
        ("rak_customer_read", lambda c: c.v1.customers.list_async()),
        ("rak_charge_read", lambda c: c.v1.charges.list_async()),
        ("rak_invoice_read", lambda c: c.v1.invoices.list_async()),
        ("rak_subscription_read", lambda c: c.v1.subscriptions.list_async()),
        ("rak_payment_intent_read", lambda c: c.v1.payment_intents.list_async()),
        ("rak_balance_transaction_source_read", lambda c: c.v1.balance_transactions.list_async()),
        ("rak_payment_method_read", lambda c: c.v1.payment_methods.list_async()),
        ("rak_plan_write", lambda c: c.v1.prices.create_async(params={"currency": "usd"})),
        (
            "rak_payment_link_write",
            lambda c: c.v1.payment_links.create_async(params={"line_items": []}),
        ),
        (
            "rak_customer_portal_write",
            lambda c: c.v1.billing_portal.sessions.create_async(params={"customer": "cus_x"}),
        ),
    ],
)
async def test_each_endpoint_names_its_permission(
    fake_stripe: FakeStripe, permission: str, call: object
) -> None:
    client = fake_stripe.client(fake_stripe.control.restricted_key(["rak_balance_read"]))

    with pytest.raises(stripe.PermissionError) as refused:
        await call(client)  # type: ignore[operator]

    assert f"Having the '{permission}' permission" in str(refused.value.user_message)


async def test_the_demo_key_holds_what_knowreply_needs(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(DEMO_RESTRICTED_KEY)

    customers = await client.v1.customers.list_async(params={"email": "alice@example.com"})
    portal = await client.v1.billing_portal.sessions.create_async(
        params={"customer": customers.data[0].id, "return_url": "https://example.com"}
    )

    assert portal.url.startswith("https://billing.stripe.com/p/session/test_")
    assert portal.livemode is False
