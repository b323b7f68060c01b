"""Dashboard > Approvals and /api/v1/approvals."""

from __future__ import annotations

from fastapi.testclient import TestClient

from knowreply.runtime import Runtime
from tests.web.conftest import Cast, plant_refund_request, sign_in


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
