"""Dashboard > Simulator, the demo page and /api/v1/simulate."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from fastapi.testclient import TestClient

from fakestripe import DEMO_RESTRICTED_KEY, demo_customers
from knowreply.agent.trace import Trace
from tests.fake_stripe import FakeStripe
from tests.web.conftest import Cast, sign_in


def connect_demo_key(client: TestClient, token: str, fake: FakeStripe) -> None:
    response = client.post(
        "/api/v1/integrations/stripe/connect",
        json={"key": DEMO_RESTRICTED_KEY},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200, response.text


def test_a_simulated_email_shows_its_trace_and_is_listed_to_reopen(
    client: TestClient, cast: Cast
) -> None:
    token = sign_in(client, cast.alice)
    partial = client.post(
        "/simulator",
        data={
            "csrf_token": token,
            "sender": "Carol@Example.com",
            "subject": "My invoice",
            "body": "Where is my last invoice?",
            "verified": "on",
        },
        headers={"HX-Request": "true"},
    )
    assert partial.status_code == 200
    assert 'data-testid="trace"' in partial.text
    assert "<html" not in partial.text  # a fragment for htmx, not a page
    assert "carol@example.com · verified" in partial.text

    page = client.get("/simulator").text
    assert "#1 carol@example.com" in page
    reopened = client.get("/simulator/runs/1")
    assert reopened.status_code == 200
    assert 'data-testid="trace"' in reopened.text


def test_invalid_emails_are_explained_not_run(client: TestClient, cast: Cast) -> None:
    token = sign_in(client, cast.alice)
    partial = client.post(
        "/simulator",
        data={"csrf_token": token, "sender": "nobody", "body": "   "},
        headers={"HX-Request": "true"},
    )
    assert partial.status_code == 422
    assert "sender: not an email address" in partial.text
    assert "body: write what the customer asks" in partial.text
    assert "Your simulator runs will be listed here." in client.get("/simulator").text


def test_the_api_returns_the_trace_as_is(client: TestClient, cast: Cast) -> None:
    token = sign_in(client, cast.alice)
    response = client.post(
        "/api/v1/simulate",
        json={"sender": "dave@example.com", "body": "Cancel my plan", "verified": True},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200
    trace = Trace.model_validate(response.json())
    assert trace.sender == "dave@example.com"
    assert trace.verified is True
    assert trace.run_id is not None
    again = client.get(f"/api/v1/runs/{trace.run_id}", headers={"X-CSRF-Token": token}).json()
    assert Trace.model_validate(again) == trace


def test_runs_of_another_workspace_are_not_found(client: TestClient, cast: Cast) -> None:
    token = sign_in(client, cast.alice)
    run_id = client.post(
        "/api/v1/simulate",
        json={"sender": "dave@example.com", "body": "Hello"},
        headers={"X-CSRF-Token": token},
    ).json()["run_id"]
    client.cookies.clear()
    token = sign_in(client, cast.charlie)
    assert client.get(f"/simulator/runs/{run_id}").status_code == 404
    assert client.get(f"/api/v1/runs/{run_id}", headers={"X-CSRF-Token": token}).status_code == 404
    assert f"#{run_id}" not in client.get("/simulator").text


def test_test_mode_banner_and_demo_page_prefill_the_simulator(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    assert "You will see test data" not in client.get("/simulator").text
    connect_demo_key(client, token, fake_stripe)
    page = client.get("/simulator").text
    assert "You will see test data; this is expected." in page
    assert 'href="/demo"' in page

    demo = client.get("/demo").text
    for email, _story in demo_customers():
        assert email in demo
    start = demo.index('href="/simulator?', demo.index('data-testid="demo-customers"'))
    link = demo[start + len('href="') : demo.index('"', start + len('href="'))].replace(
        "&amp;", "&"
    )
    query = parse_qs(urlparse(link).query)
    assert query["sender"] == [demo_customers()[0][0]]
    prefilled = client.get(link).text
    assert f'value="{demo_customers()[0][0]}"' in prefilled
    assert "refund my last payment" in prefilled  # alice: a refundable charge


def test_a_refund_that_would_wait_shows_the_acknowledgement_the_customer_would_get(
    client: TestClient, cast: Cast, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    connect_demo_key(client, token, fake_stripe)
    headers = {"X-CSRF-Token": token}
    client.patch(
        "/api/v1/integrations/stripe/capabilities", json={"enable": ["refunds"]}, headers=headers
    )
    email = {
        "csrf_token": token,
        "sender": "alice@example.com",
        "subject": "Refund",
        "body": "Hi, please refund my last payment.",
        "verified": "on",
    }
    shown = client.post("/simulator", data=email, headers={"HX-Request": "true"}).text
    assert 'data-outcome="awaiting_approval"' in shown
    assert "Would acknowledge" in shown
    assert "a refund of $49.00 for your payment on" in shown

    client.patch("/api/v1/settings", json={"acknowledge_waiting": False}, headers=headers)
    quiet = client.post("/simulator", data=email, headers={"HX-Request": "true"}).text
    assert 'data-outcome="awaiting_approval"' in quiet
    assert "Would acknowledge" not in quiet
    assert "No reply would be sent until the action is decided." in quiet
