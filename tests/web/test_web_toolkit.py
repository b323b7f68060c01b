"""Dashboard > Toolkit and its JSON API, against the fake Stripe server over HTTP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.integrations.stripe.permissions import NOT_NEEDED, REQUIRED
from tests.fake_stripe import FakeStripe
from tests.web.conftest import Cast, sign_in

API = "/api/v1/integrations/stripe"
ALL_PERMISSIONS = sorted({p.rak for p in REQUIRED})


def connect(client: TestClient, token: str, key: str, fake: FakeStripe) -> dict[str, object]:
    response = client.post(
        API + "/connect",
        json={"key": key},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_members_cannot_choose_where_stripe_requests_go(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    response = client.post(
        API + "/connect",
        json={"key": DEMO_RESTRICTED_KEY, "api_base": "http://169.254.169.254/"},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 422
    assert client.get(API).json()["status"] == "not_connected"


def test_publishable_and_malformed_keys_are_refused_before_any_request(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    fake_stripe.control.clear_requests()
    for key, expected in (
        ("pk_live_51HqLyjWDarjtT1zdp7dc", "Stripe Secret Key is required"),
        ("   ", "Stripe Secret Key is required"),
        ("ghp_abcdefghijklmnopqrstuvwxyz", "sk_test_, sk_live_, rk_test_ or rk_live_"),
    ):
        response = client.post(
            API + "/connect",
            json={"key": key},
            headers={"X-CSRF-Token": token},
        )
        assert response.status_code == 400
        body = response.json()
        assert body["error"] == "InvalidStripeKey"
        assert expected in body["detail"]
    assert fake_stripe.control.requests() == []


def test_connect_page_shows_green_indicator_and_never_the_key(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    key = fake_stripe.control.restricted_key(ALL_PERMISSIONS)
    page = client.post(
        "/toolkit/stripe/connect",
        data={"key": key, "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert page.status_code == 200
    assert 'data-state="connected"' in page.text
    assert "Test mode" in page.text
    assert key not in page.text
    assert f"{key[:8]}…{key[-4:]}" in page.text

    for path in ("/toolkit", API, "/api/v1/audit", "/audit", "/audit.csv"):
        assert key not in client.get(path).text


def test_missing_permissions_are_named_per_capability(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    without_refunds = [p for p in ALL_PERMISSIONS if p != "rak_refund_write"]
    body = connect(client, token, fake_stripe.control.restricted_key(without_refunds), fake_stripe)
    stripe = body["stripe"]
    assert isinstance(stripe, dict)
    assert stripe["connected"] is True
    assert "Refunds: Write" in stripe["detail"]
    refunds = next(c for c in stripe["capabilities"] if c["name"] == "refunds")
    assert refunds == {
        "name": "refunds",
        "label": "Issue full or partial refunds",
        "access": "write",
        "enabled": False,
        "allowed": False,
        "missing": ["Refunds: Write"],
        "needs": ["Customers: Read", "Charges: Read", "Payment Intents: Read", "Refunds: Write"],
        "blocked": "Add Refunds: Write to the key in Stripe",
    }
    invoices = next(c for c in stripe["capabilities"] if c["name"] == "invoices")
    assert invoices["allowed"] is True and invoices["enabled"] is True


def test_a_key_that_cannot_read_customers_is_not_green(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    key = fake_stripe.control.restricted_key(["rak_charge_read"])
    stripe = connect(client, token, key, fake_stripe)["stripe"]
    assert isinstance(stripe, dict)
    assert stripe["connected"] is False
    assert stripe["status"] == "permission_problem"
    assert "Customers: Read" in stripe["detail"]


def test_revoked_key_is_reported_invalid(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    stripe = connect(client, token, "rk_test_neverregistered0000000000", fake_stripe)["stripe"]
    assert isinstance(stripe, dict)
    assert stripe["status"] == "invalid_key"
    assert stripe["connected"] is False


def test_capabilities_are_toggled_audited_and_kept_per_workspace(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    connect(client, token, DEMO_RESTRICTED_KEY, fake_stripe)
    response = client.patch(
        API + "/capabilities", json={"enable": ["refunds"]}, headers={"X-CSRF-Token": token}
    )
    refunds = next(c for c in response.json()["capabilities"] if c["name"] == "refunds")
    assert refunds["enabled"] is True and refunds["allowed"] is True
    bad = client.patch(
        API + "/capabilities", json={"enable": ["teleport"]}, headers={"X-CSRF-Token": token}
    )
    assert bad.status_code == 422 and bad.json()["error"] == "ValidationError"

    actions = [e["action"] for e in client.get("/api/v1/audit").json()]
    assert actions[:2] == ["capability.enable", "stripe.connect"]

    client.post("/logout", data={"csrf_token": token})
    sign_in(client, cast.charlie)
    theirs = client.get(API).json()
    assert theirs["status"] == "not_connected"
    assert client.get("/api/v1/audit").json() == []


def test_a_failing_key_never_replaces_the_working_one(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    working = connect(client, token, DEMO_RESTRICTED_KEY, fake_stripe)["stripe"]
    assert isinstance(working, dict)

    refused = client.post(
        API + "/connect",
        json={"key": "rk_test_mistyped00000000000000000"},
        headers={"X-CSRF-Token": token},
    )
    assert refused.status_code == 400
    assert refused.json()["error"] == "KeyRefused"
    assert "Stripe did not accept the API key" in refused.json()["detail"]
    after = client.get(API).json()
    assert after["connected"] is True and after["key_masked"] == working["key_masked"]

    page = client.post(
        "/toolkit/stripe/connect",
        data={"key": "rk_test_mistyped00000000000000000", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert "The key that works stays connected" in page.text
    assert 'data-state="connected"' in page.text
    actions = [e["action"] for e in client.get("/api/v1/audit").json()]
    assert actions[:3] == ["stripe.key_refused", "stripe.key_refused", "stripe.connect"]


def test_a_switch_the_key_cannot_serve_shows_the_permission_to_add(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    without_refunds = [p for p in ALL_PERMISSIONS if p != "rak_refund_write"]
    connect(client, token, fake_stripe.control.restricted_key(without_refunds), fake_stripe)

    page = client.post(
        "/toolkit/stripe/capabilities/refunds",
        data={"enabled": "on", "csrf_token": token},
        headers={"HX-Request": "true"},
    ).text

    assert 'data-testid="capability-refunds-blocked"' in page
    assert "Add Refunds: Write to the key in Stripe." in page


def test_permissions_an_older_guide_asked_for_are_marked_not_needed(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    older = [*ALL_PERMISSIONS, *(p.rak for p in NOT_NEEDED)]
    stripe = connect(client, token, fake_stripe.control.restricted_key(older), fake_stripe)[
        "stripe"
    ]
    assert isinstance(stripe, dict)

    assert stripe["connected"] is True and stripe["detail"] is None
    states = {p["label"]: p["status"] for p in stripe["permissions"]}
    assert states["Payment Methods: Write"] == "not_needed"
    assert states["Balance Transactions: Read"] == "not_needed"
    assert states["Refunds: Write"] == "granted"
    refunds = next(p for p in stripe["permissions"] if p["label"] == "Refunds: Write")
    assert refunds["used_by"] == ["Issue full or partial refunds"]
    assert "not needed" in client.get("/toolkit").text


def test_a_customer_portal_never_configured_is_shown_with_where_to_fix_it(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    fake_stripe.control.reset("none")
    token = sign_in(client, cast.alice)
    stripe = connect(client, token, "sk_test_freshaccount01", fake_stripe)["stripe"]
    assert isinstance(stripe, dict)

    assert stripe["portal"].startswith("Customer portal not configured in Stripe")
    assert "Settings > Billing > Customer portal" in stripe["portal"]
    assert "https://dashboard.stripe.com/test/settings/billing/portal" in stripe["portal"]
    assert "Customer portal not configured in Stripe" in client.get("/toolkit").text
