"""POST /webhooks/{provider}/{workspace}: verified, stored once, enqueued, answered."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from knowreply.db.models import Message, ProviderEvent
from knowreply.db.session import transaction
from knowreply.mail import accounts
from knowreply.runtime import Runtime
from knowreply.web.app import create_app
from knowreply.workspaces import resolve_workspace
from tests.pipeline.conftest import customer_email

SIGNING_KEY = "key-0123456789abcdef"


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, None)
        accounts.set_webhook_secrets(
            session,
            runtime.master_key,
            workspace,
            "postmark",
            {"username": "postmark", "password": "s3cret-webhook-pass"},
        )
        accounts.set_webhook_secrets(
            session, runtime.master_key, workspace, "mailgun", {"signing_key": SIGNING_KEY}
        )
    with TestClient(create_app(runtime), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client
        queue = getattr(test_client.app.state, "message_queue", None)  # type: ignore[attr-defined]
        if queue is not None:
            queue.close()


def postmark(
    raw: bytes, event_id: str = "pm-1", password: str = "s3cret-webhook-pass"
) -> dict[str, object]:
    token = base64.b64encode(f"postmark:{password}".encode()).decode()
    body = {
        "MessageID": event_id,
        "OriginalRecipient": "support@shop.test",
        "RawEmail": raw.decode(),
    }
    return {
        "content": json.dumps(body),
        "headers": {"Authorization": f"Basic {token}", "Content-Type": "application/json"},
    }


def mailgun(raw: bytes, token: str = "tok-1") -> dict[str, str]:
    timestamp = str(int(time.time()))
    signature = hmac.new(
        SIGNING_KEY.encode(), (timestamp + token).encode(), hashlib.sha256
    ).hexdigest()
    return {
        "timestamp": timestamp,
        "token": token,
        "signature": signature,
        "body-mime": raw.decode(),
        "recipient": "support@shop.test",
        "sender": "carol@customer.test",
    }


def count(runtime: Runtime, model: type[Message] | type[ProviderEvent]) -> int:
    with runtime.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_postmark_delivery_is_stored_and_a_redelivery_is_recognised(
    client: TestClient, runtime: Runtime
) -> None:
    raw = customer_email(message_id="<pm@customer.test>")
    first = client.post("/webhooks/postmark/default", **postmark(raw))  # type: ignore[arg-type]
    again = client.post("/webhooks/postmark/default", **postmark(raw))  # type: ignore[arg-type]
    assert first.status_code == 200 and first.json()["status"] == "stored"
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert again.json()["message_id"] == first.json()["message_id"]
    with runtime.sessions() as session:
        message = session.get_one(Message, first.json()["message_id"])
        assert (message.received_via, message.raw) == ("postmark", raw)
    assert count(runtime, ProviderEvent) == 1


def test_postmark_with_a_wrong_password_is_refused_and_nothing_stored(
    client: TestClient, runtime: Runtime
) -> None:
    response = client.post(
        "/webhooks/postmark/default", **postmark(customer_email(), password="guess")
    )  # type: ignore[arg-type]
    assert response.status_code == 401 and response.json()["error"] == "WebhookRejected"
    assert count(runtime, Message) == 0


def test_a_replayed_mailgun_request_is_refused(client: TestClient, runtime: Runtime) -> None:
    form = mailgun(customer_email(message_id="<mg@customer.test>"))
    assert client.post("/webhooks/mailgun/default", data=form).json()["status"] == "stored"
    replay = client.post("/webhooks/mailgun/default", data=form)
    assert replay.status_code == 406
    assert count(runtime, Message) == 1 and count(runtime, ProviderEvent) == 1


def test_unknown_workspace_or_unconfigured_provider_is_not_found(client: TestClient) -> None:
    answers = [
        client.post("/webhooks/postmark/nobody", content=b"{}"),
        client.post("/webhooks/sendgrid/default", content=b""),
        client.post("/webhooks/fax/default", content=b""),
    ]
    assert {(a.status_code, a.json()["detail"]) for a in answers} == {(404, "no such webhook")}


def test_a_signed_ses_receipt_is_stored_once_even_when_replayed(
    client: TestClient, runtime: Runtime
) -> None:
    from tests.mail_transport.test_mail_webhook_ses import (
        TOPIC,
        CertificateFetcher,
        make_sns,
        notification,
        ses_receipt,
    )

    sns = make_sns()
    with transaction(runtime.sessions) as session:
        accounts.set_webhook_secrets(
            session,
            runtime.master_key,
            resolve_workspace(session, None),
            "ses",
            {"topic_arn": TOPIC},
        )
    client.app.state.fetch_sns_certificate = CertificateFetcher(sns.certificate_pem)  # type: ignore[attr-defined]
    body = json.dumps(sns.sign(notification(ses_receipt())))
    headers = {"x-amz-sns-message-type": "Notification", "Content-Type": "text/plain"}
    first = client.post("/webhooks/ses/default", content=body, headers=headers)
    again = client.post("/webhooks/ses/default", content=body, headers=headers)
    assert first.status_code == 200 and first.json()["status"] == "stored"
    assert again.json()["status"] == "duplicate"
    assert count(runtime, Message) == 1 and count(runtime, ProviderEvent) == 1
