"""The workspace's webhook: each event POSTed as JSON to a real local receiver, signed like
Stripe's webhooks; the secret shown once and stored encrypted; private addresses refused
unless the operator allows them."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest
from sqlalchemy import select

from knowreply.access import Operator
from knowreply.db.models import NotificationDelivery, NotificationWebhook
from knowreply.db.session import transaction
from knowreply.notifications import signing
from knowreply.notifications.delivery import deliver_due
from knowreply.notifications.webhooks import WebhookRefused, set_webhook
from knowreply.runtime import Runtime
from tests.notifications.conftest import CUSTOMER, email_reaches
from tests.webhook_receiver import Receiver

ALLOW_PRIVATE = {"allow_private_webhook_urls": True}


def allowing_private(runtime: Runtime) -> Runtime:
    """The operator set KNOWREPLY_ALLOW_PRIVATE_WEBHOOK_URLS=true (to reach the receiver)."""
    return replace(runtime, settings=runtime.settings.model_copy(update=ALLOW_PRIVATE))


def point_webhook(runtime: Runtime, workspace_id: int, url: str, *, allow: bool) -> str:
    with transaction(runtime.sessions) as session:
        return set_webhook(
            session, Operator(workspace_id), url, key=runtime.master_key, allow_private=allow
        )


def webhook_rows(runtime: Runtime) -> list[NotificationDelivery]:
    with runtime.sessions() as session:
        return list(
            session.scalars(
                select(NotificationDelivery).where(NotificationDelivery.channel == "webhook")
            )
        )


def test_each_event_is_posted_once_signed_with_the_secret(
    runtime: Runtime, team: int, receiver: Receiver
) -> None:
    runtime = allowing_private(runtime)
    secret = point_webhook(runtime, team, receiver.url, allow=True)
    assert secret.startswith("whsec_")
    message_id = email_reaches(runtime, team, "escalated")
    deliver_due(runtime)
    deliver_due(runtime)
    assert len(receiver.received) == 1
    posted = receiver.received[0]
    assert posted.path == "/hooks/knowreply"
    assert posted.headers["Content-Type"] == "application/json"
    header = posted.headers[signing.HEADER]
    assert signing.verify(secret, header, posted.body, now=int(time.time()))
    assert not signing.verify(secret, header, posted.body + b" ", now=int(time.time()))
    assert not signing.verify("whsec_other", header, posted.body, now=int(time.time()))
    payload = json.loads(posted.body)
    assert payload["type"] == "needs_person"
    assert payload["id"].startswith("evt_")
    assert payload["summary"] == f"An email from {CUSTOMER} needs a person"
    assert payload["data"]["customer"] == CUSTOMER
    assert payload["data"]["message_id"] == message_id
    assert payload["url"].startswith("http://127.0.0.1:8000/inbox")
    assert secret not in posted.body.decode()
    assert [row.status for row in webhook_rows(runtime)] == ["sent"]


def test_a_stale_signature_is_refused_by_the_receivers_check() -> None:
    body = b'{"id":"evt_1"}'
    an_hour_ago = int(time.time()) - 3600
    header = signing.signature_header("whsec_x", an_hour_ago, body)
    assert signing.verify("whsec_x", header, body, now=an_hour_ago + 10)
    assert not signing.verify("whsec_x", header, body, now=int(time.time()))


def test_the_secret_is_stored_encrypted_and_shown_only_once(
    runtime: Runtime, team: int, receiver: Receiver
) -> None:
    secret = point_webhook(runtime, team, receiver.url, allow=True)
    again = point_webhook(runtime, team, receiver.url, allow=True)
    assert again != secret  # a new URL or the same: a new secret, the old one stops
    with runtime.sessions() as session:
        row = session.scalars(select(NotificationWebhook)).one()
    assert again not in row.secret_encrypted and secret not in row.secret_encrypted
    assert runtime.master_key.decrypt(row.secret_encrypted) == again


def test_a_receiver_error_is_retried_later_and_shown(
    runtime: Runtime, team: int, receiver: Receiver
) -> None:
    runtime = allowing_private(runtime)
    point_webhook(runtime, team, receiver.url, allow=True)
    receiver.answers = [503]
    email_reaches(runtime, team, "failed")
    deliver_due(runtime)
    [row] = webhook_rows(runtime)
    assert (row.status, row.attempts) == ("queued", 1)
    assert row.last_error == "the webhook answered 503"
    assert row.next_attempt_at is not None
    assert len(receiver.received) == 1


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://127.0.0.1/hook", "private, loopback or link-local address (127.0.0.1)"),
        ("https://169.254.169.254/latest", "link-local address (169.254.169.254)"),
        ("https://10.1.2.3/hook", "private, loopback or link-local address (10.1.2.3)"),
        ("https://[::1]/hook", "private, loopback or link-local address (::1)"),
        ("https://metadata.google.internal/x", "cloud metadata address"),
        ("http://8.8.8.8/hook", "use an https:// URL"),
        ("https://user:pw@8.8.8.8/hook", "no user name or password"),
        ("ftp://8.8.8.8/hook", "use an https:// URL"),
    ],
)
def test_a_url_reaching_inward_or_not_https_is_refused(
    runtime: Runtime, team: int, url: str, why: str
) -> None:
    with pytest.raises(WebhookRefused) as refused:
        point_webhook(runtime, team, url, allow=False)
    assert why in refused.value.detail
    with runtime.sessions() as session:
        assert session.scalars(select(NotificationWebhook)).all() == []


def test_a_private_address_is_refused_at_sending_time_too(
    runtime: Runtime, team: int, receiver: Receiver
) -> None:
    """Saved while the operator allowed it; the operator no longer does: nothing is sent."""
    point_webhook(runtime, team, receiver.url, allow=True)
    email_reaches(runtime, team, "escalated")
    deliver_due(runtime)
    assert receiver.received == []
    [row] = webhook_rows(runtime)
    assert row.status == "failed"
    assert row.last_error == "webhook URL refused: use an https:// URL with a host name"
