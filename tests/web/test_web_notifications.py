"""Dashboard > Notifications and /api/v1/notifications: each member's own choice, the
owner's webhook (secret shown once, never again), the last deliveries and a test that
really goes out (aiosmtpd sink, a local HTTP receiver)."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import replace

from fastapi.testclient import TestClient
from sqlalchemy import select

from knowreply.db.models import AuditEvent, Member
from knowreply.notifications import signing
from knowreply.runtime import Runtime
from knowreply.web.app import create_app
from tests.mailservers import run_smtp_sink
from tests.web.conftest import Cast, configure_support, sign_in
from tests.webhook_receiver import run_receiver


def preference_of(runtime: Runtime, email: str) -> str | None:
    with runtime.sessions() as session:
        return session.scalars(select(Member.notify).where(Member.email == email)).one()


def test_a_member_chooses_their_own_emails_on_the_page(
    client: TestClient, runtime: Runtime, cast: Cast
) -> None:
    token = sign_in(client, cast.bob)
    page = client.get("/notifications").text
    assert 'value="immediately" data-testid="preference-immediately" checked' in page
    assert "An email for each one, at once (the default for your role)" in page
    assert 'data-testid="webhook"' not in page  # the webhook is the owner's
    saved = client.post(
        "/notifications/preference",
        data={"csrf_token": token, "preference": "daily"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert preference_of(runtime, cast.bob) == "daily"
    assert preference_of(runtime, cast.alice) is None  # only their own
    refused = client.post(
        "/notifications/preference", data={"csrf_token": token, "preference": "hourly"}
    )
    assert refused.status_code == 422 and "Choose one of" in refused.text
    api = client.get("/api/v1/notifications", headers={"X-CSRF-Token": token}).json()
    assert api == {
        "preference": "daily",
        "role_default": "immediately",
        "webhook": None,
        "deliveries": [],
    }


def test_the_owner_sees_the_webhook_secret_once_and_never_again(
    runtime: Runtime, cast: Cast
) -> None:
    private = replace(
        runtime, settings=runtime.settings.model_copy(update={"allow_private_webhook_urls": True})
    )
    with (
        run_receiver() as receiver,
        TestClient(create_app(private), base_url="http://127.0.0.1:8000") as client,
    ):
        token = sign_in(client, cast.alice)
        saved = client.post(
            "/notifications/webhook", data={"csrf_token": token, "url": receiver.url}
        )
        assert saved.status_code == 201
        start = saved.text.index("whsec_")
        secret = saved.text[start : saved.text.index("<", start)]
        again = client.get("/notifications").text
        assert secret not in again and receiver.url in again
        api = client.get("/api/v1/notifications", headers={"X-CSRF-Token": token})
        assert secret not in api.text and api.json()["webhook"]["url"] == receiver.url
        tested = client.post("/api/v1/notifications/test", headers={"X-CSRF-Token": token})
    assert tested.status_code == 200
    results = {d["channel"]: d for d in tested.json()}
    assert results["webhook"]["status"] == "sent"
    assert results["email"]["status"] == "failed"  # no SMTP account yet
    assert "no SMTP account" in results["email"]["last_error"]
    [posted] = receiver.received
    assert signing.verify(secret, posted.headers[signing.HEADER], posted.body, now=int(time.time()))
    assert json.loads(posted.body)["type"] == "test"
    with runtime.sessions() as session:
        actions = list(session.scalars(select(AuditEvent.action)))
    assert "notifications.webhook.set" in actions


def test_a_webhook_to_a_private_address_is_refused_on_the_page(
    client: TestClient, runtime: Runtime, cast: Cast
) -> None:
    token = sign_in(client, cast.alice)
    refused = client.post(
        "/notifications/webhook",
        data={"csrf_token": token, "url": "https://169.254.169.254/latest/meta-data"},
    )
    assert refused.status_code == 422
    assert "Webhook URL refused: 169.254.169.254 resolves to a private" in refused.text
    assert "KNOWREPLY_ALLOW_PRIVATE_WEBHOOK_URLS" in refused.text
    api = client.put(
        "/api/v1/notifications/webhook",
        json={"url": "https://localhost/hook"},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 422


async def test_the_test_button_emails_the_owner_and_lists_the_delivery(
    runtime: Runtime, cast: Cast
) -> None:
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        with TestClient(create_app(runtime), base_url="http://127.0.0.1:8000") as client:
            token = await asyncio.to_thread(sign_in, client, cast.alice)
            page = await asyncio.to_thread(
                client.post, "/notifications/test", data={"csrf_token": token}
            )
    assert page.status_code == 200
    assert f"Test sent to {cast.alice} (email)." in page.text
    assert 'data-testid="delivery"' in page.text
    assert [item.rcpt_to for item in sink.received] == [[cast.alice]]
    assert b"Notifications reach you." in sink.received[0].raw
