"""The fake's control API: faults, the request log, rate limits, reset, planted payments."""

from __future__ import annotations

import time

import httpx
import pytest
import stripe
from starlette.testclient import TestClient

from fake_stripe import FakeStripe, fake_stripe, running_fake_stripe
from fakestripe import create_app, demo_customers, serve

__all__ = ["fake_stripe"]

SECRET = "sk_test_control000001"


async def _alice_charge(client: stripe.StripeClient) -> stripe.Charge:
    alice = (await client.v1.customers.list_async(params={"email": "alice@example.com"})).data[0]
    return (await client.v1.charges.list_async(params={"customer": alice.id})).data[0]


async def test_a_500_fault_hits_only_the_next_matching_requests(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    fake_stripe.control.fault(path_prefix="/v1/charges", method="GET", status=500, count=2)

    for _ in range(2):
        with pytest.raises(stripe.APIError):
            await client.v1.charges.list_async()
    customers = await client.v1.customers.list_async()
    charges = await client.v1.charges.list_async()

    assert customers.data and charges.data
    statuses = [(r["path"], r["status"], r["fault"]) for r in fake_stripe.control.requests()]
    assert statuses[-4:] == [
        ("/v1/charges", 500, "error"),
        ("/v1/charges", 500, "error"),
        ("/v1/customers", 200, None),
        ("/v1/charges", 200, None),
    ]


async def test_the_sdk_retries_a_500_with_the_same_key_and_refunds_once(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET, max_network_retries=2)
    charge = await _alice_charge(client)
    fake_stripe.control.fault(path_prefix="/v1/refunds", method="POST", status=500)

    refund = await client.v1.refunds.create_async(params={"charge": charge.id, "amount": 700})

    refunds = await client.v1.refunds.list_async(params={"charge": charge.id})
    assert [r.id for r in refunds.data] == [refund.id]
    posts = [r for r in fake_stripe.control.requests() if r["method"] == "POST"]
    assert [r["status"] for r in posts] == [500, 200]
    assert posts[0]["idempotency_key"] is None  # the fault answered before the request was read
    assert posts[1]["idempotency_key"]


async def test_a_lost_response_is_replayed_not_repeated(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    charge = await _alice_charge(client)
    fake_stripe.control.fault(path_prefix="/v1/refunds", method="POST", action="drop_after")
    params: stripe.RefundCreateParams = {"charge": charge.id, "amount": 700}

    with pytest.raises(stripe.APIConnectionError):
        await client.v1.refunds.create_async(params, {"idempotency_key": "refund-lost"})
    retried = await client.v1.refunds.create_async(params, {"idempotency_key": "refund-lost"})

    after = await client.v1.charges.retrieve_async(charge.id)
    assert after.amount_refunded == 700
    assert retried.amount == 700
    assert retried.last_response is not None
    assert retried.last_response.headers["idempotent-replayed"] == "true"


async def test_the_rate_limit_answers_429_rate_limit(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    fake_stripe.control.rate_limit(3)

    for _ in range(3):
        await client.v1.customers.list_async(params={"limit": 1})
    with pytest.raises(stripe.RateLimitError) as limited:
        await client.v1.customers.list_async(params={"limit": 1})
    fake_stripe.control.rate_limit(None)
    allowed_again = await client.v1.customers.list_async(params={"limit": 1})

    assert limited.value.http_status == 429
    assert limited.value.json_body is not None
    assert limited.value.json_body["error"]["code"] == "rate_limit"
    assert allowed_again.data


def test_the_rate_limit_can_be_set_when_the_app_is_created() -> None:
    with running_fake_stripe(rate_limit_per_second=1) as fake:
        headers = {"Authorization": f"Bearer {SECRET}"}
        first = httpx.get(f"{fake.url}/v1/balance", headers=headers)
        second = httpx.get(f"{fake.url}/v1/balance", headers=headers)
        time.sleep(1.05)
        third = httpx.get(f"{fake.url}/v1/balance", headers=headers)

    assert (first.status_code, second.status_code, third.status_code) == (200, 429, 200)
    assert second.json()["error"]["code"] == "rate_limit"


async def test_the_request_log_masks_keys_and_can_be_cleared(fake_stripe: FakeStripe) -> None:
    fake_stripe.control.clear_requests()
    key = "sk_test_control0000001secret"

    await fake_stripe.client(key).v1.customers.list_async(params={"email": "x@example.com"})

    [entry] = fake_stripe.control.requests()
    assert entry["key"] == "sk_test_" + "*" * 16 + "cret"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/v1/customers", 200)
    assert entry["request_id"].startswith("req_")
    assert entry["at"].endswith("+00:00")
    fake_stripe.control.clear_requests()
    assert fake_stripe.control.requests() == []


async def test_reset_empties_the_account_and_forgets_restricted_keys(
    fake_stripe: FakeStripe,
) -> None:
    key = fake_stripe.control.restricted_key(["rak_customer_read"])

    fake_stripe.control.reset("none")

    empty = await fake_stripe.client(SECRET).v1.customers.list_async()
    assert empty.data == []
    with pytest.raises(stripe.AuthenticationError):
        await fake_stripe.client(key).v1.customers.list_async()
    fake_stripe.control.reset("demo")
    assert (await fake_stripe.client(SECRET).v1.customers.list_async(params={"limit": 100})).data


async def test_a_planted_failed_payment_shows_up_as_a_charge(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)
    customer = await client.v1.customers.create_async(params={"email": "new@example.com"})

    planted = fake_stripe.control.payment(
        customer.id, 2500, currency="gbp", status="failed", decline="expired_card"
    )

    charge = await client.v1.charges.retrieve_async(planted["charge"]["id"])
    intent = await client.v1.payment_intents.retrieve_async(planted["payment_intent"]["id"])
    assert (charge.status, charge.failure_code, charge.currency) == (
        "failed",
        "expired_card",
        "gbp",
    )
    assert intent.status == "requires_payment_method"
    assert intent.latest_charge == charge.id


def test_the_control_api_refuses_clients_that_are_not_on_loopback() -> None:
    app = create_app()
    remote = TestClient(app, client=("203.0.113.7", 50000))
    local = TestClient(app, client=("127.0.0.1", 50000))

    assert remote.get("/_fake/requests").status_code == 403
    assert local.get("/_fake/requests").status_code == 200


def test_serve_refuses_to_listen_beyond_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        serve(host="0.0.0.0", port=0)


def test_the_demo_customers_are_described_for_the_dashboard() -> None:
    emails = [email for email, _ in demo_customers()]

    assert "shared@example.com" in emails
    assert "Grace.Hopper@Example.com" in emails
    assert all(description for _, description in demo_customers())
