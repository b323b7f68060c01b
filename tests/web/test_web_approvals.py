"""Dashboard > Approvals and /api/v1/approvals."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.db.models import AuditEvent
from knowreply.db.session import transaction
from knowreply.integrations.stripe.operations.refunds import IDEMPOTENCY_METADATA
from knowreply.runtime import Runtime
from knowreply.workspaces import create_member, resolve_workspace
from tests.fake_stripe import FakeStripe
from tests.web.conftest import PASSWORD, Cast, plant_refund_request, sign_in

CUSTOMER = "alice@example.com"  # the demo Stripe's customer: her last payment is $49.00
VIEWER = "vera@example.com"


def test_a_pending_refund_shows_amount_customer_and_the_email_without_its_quote(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    action_id = plant_refund_request(runtime)
    sign_in(client, cast.alice)
    page = client.get("/approvals").text
    assert f'data-testid="approval-{action_id}"' in page
    assert "Refund of $49.00" in page
    assert "cus_alice" in page
    assert "Refund for my last payment" in page
    assert "I was charged twice. Please refund the $49.00." in page
    assert "Thanks for your order" not in page  # the quoted thread is left out
    assert f'hx-post="/approvals/{action_id}/approve"' in page
    assert "hx-confirm=" in page


def test_decided_actions_are_listed_apart(client: TestClient, cast: Cast, runtime: Runtime) -> None:
    pending = plant_refund_request(runtime)
    done = plant_refund_request(runtime, status="done")
    token = sign_in(client, cast.alice)
    body = client.get("/api/v1/approvals", headers={"X-CSRF-Token": token}).json()
    assert [a["id"] for a in body["pending"]] == [pending]
    assert [a["id"] for a in body["decided"]] == [done]
    assert body["pending"][0]["amount"] == "$49.00"
    assert body["pending"][0]["email"]["sender"] == "alice@example.com"
    assert f'data-testid="decided-{done}"' in client.get("/approvals").text


def test_another_workspaces_actions_are_invisible_and_not_found(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    theirs = plant_refund_request(runtime, "other")
    token = sign_in(client, cast.alice)
    assert client.get("/api/v1/approvals", headers={"X-CSRF-Token": token}).json()["pending"] == []
    for decision in ("approve", "reject"):
        api = client.post(f"/api/v1/approvals/{theirs}/{decision}", headers={"X-CSRF-Token": token})
        assert api.status_code == 404
        page = client.post(f"/approvals/{theirs}/{decision}", headers={"X-CSRF-Token": token})
        assert page.status_code == 404


def test_an_action_already_decided_cannot_be_decided_again(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    done = plant_refund_request(runtime, status="done")
    token = sign_in(client, cast.alice)
    response = client.post(f"/api/v1/approvals/{done}/approve", headers={"X-CSRF-Token": token})
    assert response.status_code == 409
    assert response.json()["error"] == "AlreadyDecided"


# --- a part asked back without an amount: the approving member sets it ------------------------

UNSIZED = "You overcharged me last month. Please refund the difference."
"""A part asked back with nothing that sizes it: a member sets the amount."""
COMPUTED = "You charged me $59 instead of $49 last month. Please refund the difference."
"""A part sized by the amounts named: their difference, $10.00, fixed when it is planned."""


def refunds_made(fake: FakeStripe) -> list[tuple[str, int]]:
    """(charge, amount) of every refund knowreply made, read back from the fake server (the
    demo account holds an older refund of its own)."""
    stripe = fake.client(DEMO_RESTRICTED_KEY)
    return sorted(
        (str(r.charge), r.amount)
        for r in stripe.v1.refunds.list({"limit": 100}).data
        if IDEMPOTENCY_METADATA in r.metadata
    )


def ask_back_a_part(client: TestClient, token: str, body: str = UNSIZED) -> dict[str, Any]:
    """Alice's workspace connected to the demo Stripe, refunds on, approvals automatic; the
    customer alice@example.com (a $49.00 payment) asks through the Simulator. Returns the
    action waiting for approval, as the API lists it."""
    headers = {"X-CSRF-Token": token}
    connect_demo_key(client, token)
    refunds_on = client.patch(
        "/api/v1/integrations/stripe/capabilities", json={"enable": ["refunds"]}, headers=headers
    )
    assert refunds_on.status_code == 200, refunds_on.text
    automatic = client.patch("/api/v1/settings", json={"approval_mode": "auto"}, headers=headers)
    assert automatic.status_code == 200, automatic.text
    email = {"sender": CUSTOMER, "subject": "Billing question", "body": body, "verified": True}
    trace = client.post("/api/v1/simulate", json=email, headers=headers).json()
    assert trace["outcome"] == "awaiting_approval", trace
    [waiting] = client.get("/api/v1/approvals", headers=headers).json()["pending"]
    return dict(waiting)


def connect_demo_key(client: TestClient, token: str) -> None:
    response = client.post(
        "/api/v1/integrations/stripe/connect",
        json={"key": DEMO_RESTRICTED_KEY},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200, response.text


def status_of(client: TestClient, token: str, action_id: int) -> str:
    lists = client.get("/api/v1/approvals", headers={"X-CSRF-Token": token}).json()
    [action] = [a for a in lists["pending"] + lists["decided"] if a["id"] == action_id]
    return str(action["status"])


def approvals_audited(runtime: Runtime) -> list[AuditEvent]:
    with runtime.sessions() as session:
        return list(
            session.scalars(select(AuditEvent).where(AuditEvent.action == "approval.approve"))
        )


def test_a_part_to_size_waits_even_in_automatic_mode_with_the_amount_to_set(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    waiting = ask_back_a_part(client, token)
    action_id = waiting["id"]
    assert waiting["amount"] is None, waiting
    assert (waiting["at_most"], waiting["currency"]) == ("$49.00", "USD")
    assert refunds_made(fake_stripe) == []

    page = client.get("/approvals").text
    start = page.index(f'data-testid="approval-{action_id}"')
    card = page[start : page.index("</article>", start)]
    assert "Refund: you set the amount" in card
    assert "Refund of" not in card
    assert 'data-testid="refundable-now">$49.00<' in card
    assert 'data-testid="refundable-after"' not in card
    assert "The customer asked back a part of this payment without saying how much" in card
    assert f'id="amount-{action_id}" name="amount"' in card
    assert f'data-testid="amount-{action_id}"' in card
    assert "required" in card and "at most $49.00" in card
    assert f'hx-post="/approvals/{action_id}/approve"' in card
    assert f'hx-include="#amount-{action_id}"' in card
    assert "hx-confirm=" in card and "of the amount you set?" in card
    assert UNSIZED in card  # the customer's words
    assert f'data-testid="amount-error-{action_id}"' not in card


def test_approving_in_the_page_without_an_amount_shows_the_card_again_and_writes_nothing(
    client: TestClient, cast: Cast, runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    action_id = ask_back_a_part(client, token)["id"]
    for amount, why in (
        (None, "Set the amount first"),
        ("", "Set the amount first"),
        ("60", "set less than all of it"),
        ("ten dollars", "write an amount such as 12.50"),
    ):
        form = {"csrf_token": token} | ({} if amount is None else {"amount": amount})
        again = client.post(
            f"/approvals/{action_id}/approve", data=form, headers={"HX-Request": "true"}
        )
        assert again.status_code == 200, again.text
        assert "HX-Trigger" not in again.headers  # nothing decided: the lists stay
        assert "<html" not in again.text  # the card alone, for htmx to swap in
        assert f'data-testid="approval-{action_id}" data-status="awaiting_approval"' in again.text
        assert f'data-testid="amount-{action_id}"' in again.text
        assert 'data-testid="refundable-now">$49.00<' in again.text
        start = again.text.index(f'data-testid="amount-error-{action_id}"')
        error = again.text[start : again.text.index("</p>", start)]
        assert why in error, (amount, error)
        assert f'id="amount-error-{action_id}" role="alert"' in again.text
        assert f'aria-describedby="amount-error-{action_id}"' in again.text
    assert status_of(client, token, action_id) == "awaiting_approval"
    assert refunds_made(fake_stripe) == []
    assert approvals_audited(runtime) == []


def test_the_amount_set_in_the_page_is_refunded(
    client: TestClient, cast: Cast, runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    action_id = ask_back_a_part(client, token)["id"]
    done = client.post(
        f"/approvals/{action_id}/approve",
        data={"csrf_token": token, "amount": "10.00"},
        headers={"HX-Request": "true"},
    )
    assert done.status_code == 200, done.text
    assert done.headers["HX-Trigger"] == "decided"
    assert f'data-testid="approval-{action_id}" data-status="done"' in done.text
    assert "Refund of <strong>$10.00</strong>" in done.text
    [(charge, amount)] = refunds_made(fake_stripe)
    assert charge.startswith("ch_") and amount == 1000
    assert status_of(client, token, action_id) == "done"
    decided = client.get("/api/v1/approvals", headers={"X-CSRF-Token": token}).json()["decided"]
    assert [(a["id"], a["amount"], a["at_most"]) for a in decided] == [(action_id, "$10.00", None)]
    [audited] = approvals_audited(runtime)
    assert (audited.actor, audited.detail["amount_minor"]) == (cast.alice, 1000)
    again = client.post(
        f"/approvals/{action_id}/approve",
        data={"csrf_token": token, "amount": "10.00"},
        headers={"HX-Request": "true"},
    )
    assert again.status_code == 409
    assert len(refunds_made(fake_stripe)) == 1


def test_the_api_refuses_an_approval_without_the_amount_and_refunds_the_one_set(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    headers = {"X-CSRF-Token": token}
    action_id = ask_back_a_part(client, token)["id"]
    url = f"/api/v1/approvals/{action_id}/approve"
    for body in (None, {}, {"amount": None}, {"amount": "49"}, {"amount": "-5"}):
        refused = client.post(url, json=body, headers=headers)
        assert refused.status_code == 422, (body, refused.text)
        assert refused.json()["error"] == "AmountRefused", refused.json()
        assert refused.json()["detail"]
    missing = client.post(url, headers=headers).json()["detail"]
    assert "Set the amount first" in missing and "at most $49.00" in missing
    too_long = client.post(url, json={"amount": "1" * 33}, headers=headers)
    assert too_long.status_code == 422 and too_long.json()["error"] == "ValidationError"
    assert status_of(client, token, action_id) == "awaiting_approval"
    assert refunds_made(fake_stripe) == []

    done = client.post(url, json={"amount": "10.00"}, headers=headers)
    assert done.status_code == 200, done.text
    assert done.json()["outcome"] == "replied", done.json()
    assert status_of(client, token, action_id) == "done"
    assert [amount for _, amount in refunds_made(fake_stripe)] == [1000]


def test_the_api_keeps_a_fixed_amount_fixed(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    """Two amounts named: the part is their difference, computed ($10.00), which waits for a
    member too but is not theirs to change."""
    token = sign_in(client, cast.alice)
    headers = {"X-CSRF-Token": token}
    waiting = ask_back_a_part(client, token, body=COMPUTED)
    assert (waiting["amount"], waiting["at_most"]) == ("$10.00", None)
    assert waiting["basis"] == "the difference between $59.00 and $49.00 the customer named"
    page = client.get("/approvals").text
    assert "Refund of $10.00" in page and 'name="amount"' not in page
    url = f"/api/v1/approvals/{waiting['id']}/approve"
    changed = client.post(url, json={"amount": "20"}, headers=headers)
    assert changed.status_code == 422, changed.text
    assert changed.json()["error"] == "AmountRefused"
    assert "fixed when it was planned" in changed.json()["detail"]
    assert status_of(client, token, waiting["id"]) == "awaiting_approval"
    assert refunds_made(fake_stripe) == []
    same = client.post(url, json={"amount": "10.00"}, headers=headers)
    assert same.status_code == 200, same.text
    assert [amount for _, amount in refunds_made(fake_stripe)] == [1000]


def test_a_viewer_cannot_approve_even_with_an_amount(
    client: TestClient, cast: Cast, runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    owner_token = sign_in(client, cast.alice)
    action_id = ask_back_a_part(client, owner_token)["id"]
    with transaction(runtime.sessions) as session:
        default = resolve_workspace(session, "default")
        create_member(session, default, VIEWER, PASSWORD, role="viewer")
    client.cookies.clear()
    token = sign_in(client, VIEWER)
    page = client.get("/approvals")
    assert page.status_code == 200 and f'data-testid="amount-{action_id}"' in page.text
    form = client.post(
        f"/approvals/{action_id}/approve",
        data={"csrf_token": token, "amount": "10.00"},
        headers={"HX-Request": "true"},
    )
    assert form.status_code == 403, form.text
    api = client.post(
        f"/api/v1/approvals/{action_id}/approve",
        json={"amount": "10.00"},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 403 and api.json()["error"] == "Forbidden"
    assert status_of(client, token, action_id) == "awaiting_approval"
    assert refunds_made(fake_stripe) == []
    assert approvals_audited(runtime) == []
