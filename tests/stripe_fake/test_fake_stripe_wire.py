"""Stripe's wire format on the fake, spoken by hand: brackets, errors, headers."""

from __future__ import annotations

import httpx

from fake_stripe import FakeStripe, fake_stripe

__all__ = ["fake_stripe"]

AUTH = {"Authorization": "Bearer sk_test_wire00000001"}


def test_bracketed_expand_and_form_nesting_are_understood(fake_stripe: FakeStripe) -> None:
    customers = httpx.get(
        f"{fake_stripe.url}/v1/customers", params={"email": "alice@example.com"}, headers=AUTH
    ).json()
    alice = customers["data"][0]["id"]

    intents = httpx.get(
        f"{fake_stripe.url}/v1/payment_intents",
        params=[("customer", alice), ("limit", "1"), ("expand[]", "data.charges")],
        headers=AUTH,
    ).json()
    created = httpx.post(
        f"{fake_stripe.url}/v1/customers",
        content="email=n%40example.com&metadata[source]=wire&expand[]=nothing_here",
        headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"},
    )

    charges = intents["data"][0]["charges"]
    assert charges["object"] == "list"
    assert charges["data"][0]["payment_intent"] == intents["data"][0]["id"]
    assert created.status_code == 400
    assert created.json()["error"]["message"] == "This property cannot be expanded (nothing_here)."


def test_an_unknown_url_is_stripes_404(fake_stripe: FakeStripe) -> None:
    answer = httpx.get(f"{fake_stripe.url}/v1/teleporters", headers=AUTH)

    assert answer.status_code == 404
    error = answer.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["message"].startswith("Unrecognized request URL (GET: /v1/teleporters).")
    assert answer.headers["request-id"].startswith("req_")


def test_a_request_without_a_key_is_401(fake_stripe: FakeStripe) -> None:
    answer = httpx.get(f"{fake_stripe.url}/v1/customers")

    assert answer.status_code == 401
    assert "You did not provide an API key" in answer.json()["error"]["message"]
    assert answer.headers["request-id"].startswith("req_")


def test_a_missing_parameter_names_it(fake_stripe: FakeStripe) -> None:
    answer = httpx.post(f"{fake_stripe.url}/v1/billing_portal/sessions", headers=AUTH)

    assert answer.status_code == 400
    assert answer.json() == {
        "error": {
            "type": "invalid_request_error",
            "code": "parameter_missing",
            "doc_url": "https://stripe.com/docs/error-codes/parameter-missing",
            "message": "Missing required param: customer.",
            "param": "customer",
        }
    }


def test_basic_auth_like_curl_dash_u_is_accepted(fake_stripe: FakeStripe) -> None:
    answer = httpx.get(f"{fake_stripe.url}/v1/balance", auth=("sk_test_wire00000001", ""))

    assert answer.status_code == 200
    assert answer.json()["object"] == "balance"
