"""Sending a notification delivery once: an email through the workspace's SMTP account, or
a signed POST to its webhook.

The outbox's rule (`pipeline/outbox.py`): a row is claimed by moving it from `queued` to
`sending` in one UPDATE (only one worker wins), committed before anything goes out; the
answer makes it `sent`, `queued` again with the next attempt's time (a transient failure:
10, 30, 90, 270, 810 s; 6 attempts) or `failed`. A row left `sending` by a crash may have
gone out, so it is never resent: it becomes `unconfirmed`.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

import httpx
import structlog
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from knowreply import __version__
from knowreply.db.models import NotificationDelivery, NotificationEvent, Workspace
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.logs import error_text
from knowreply.mail.accounts import smtp_account, smtp_settings
from knowreply.mail.send import SendError, SmtpSettings, send_message
from knowreply.notifications import texts
from knowreply.notifications.signing import HEADER, signature_header
from knowreply.notifications.webhooks import url_problem, webhook_of
from knowreply.runtime import Runtime
from knowreply.workspaces import settings_of

log = structlog.get_logger(__name__)

MAX_ATTEMPTS = 6
FIRST_RETRY_SECONDS = 10.0
BACKOFF = 3.0
WEBHOOK_TIMEOUT_SECONDS = 10.0
STUCK_AFTER = timedelta(minutes=10)
"""A row `sending` this long was interrupted (a send takes seconds at most)."""
UNCONFIRMED = "The worker stopped while sending this; it may have gone out, so it is not resent."


class Undelivered(Exception):
    """Not delivered; `permanent`: trying again will not help."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.message, self.permanent = message, permanent


@dataclass(frozen=True)
class EmailJob:
    smtp: SmtpSettings
    message: EmailMessage
    recipient: str


@dataclass(frozen=True)
class WebhookJob:
    url: str
    secret: str
    body: bytes


def retry_delay(attempts: int) -> float:
    return FIRST_RETRY_SECONDS * BACKOFF ** (attempts - 1)


def due(runtime: Runtime, *, limit: int = 50) -> list[int]:
    """Deliveries waiting to be sent now, oldest first."""
    now = utcnow()
    with runtime.sessions() as session:
        return list(
            session.scalars(
                select(NotificationDelivery.id)
                .where(
                    NotificationDelivery.status == "queued",
                    or_(
                        NotificationDelivery.next_attempt_at.is_(None),
                        NotificationDelivery.next_attempt_at <= now,
                    ),
                )
                .order_by(NotificationDelivery.id)
                .limit(limit)
            )
        )


def deliver(runtime: Runtime, delivery_id: int) -> str:
    """Send the row if this caller claims it; returns its status afterwards."""
    with transaction(runtime.sessions) as session:
        claimed = session.execute(  # type: ignore[attr-defined]  # a CursorResult
            update(NotificationDelivery)
            .where(NotificationDelivery.id == delivery_id, NotificationDelivery.status == "queued")
            .values(
                status="sending",
                attempts=NotificationDelivery.attempts + 1,
                updated_at=utcnow(),
            )
        ).rowcount
        row = session.get_one(NotificationDelivery, delivery_id)
        if not claimed:
            return row.status
        job: EmailJob | WebhookJob | Undelivered
        try:
            job = _job(runtime, session, row)
        except Undelivered as error:  # recorded below, outside the claim's transaction
            job = error
        except Exception as error:  # a bug must not make the row spin every second
            log.exception("notify.delivery.error", delivery_id=delivery_id)
            job = Undelivered(error_text(error), permanent=True)
        attempts = row.attempts
    if isinstance(job, Undelivered):
        return _failed(runtime, delivery_id, attempts, job)
    try:
        _send(job, runtime)
    except Undelivered as error:
        return _failed(runtime, delivery_id, attempts, error)
    with transaction(runtime.sessions) as session:
        row = session.get_one(NotificationDelivery, delivery_id)
        row.status, row.sent_at, row.last_error, row.next_attempt_at = "sent", utcnow(), None, None
    log.info("notify.delivery.sent", delivery_id=delivery_id, channel=row.channel)
    return "sent"


def deliver_due(runtime: Runtime) -> int:
    """Everything due now; returns how many were sent."""
    return sum(deliver(runtime, delivery_id) == "sent" for delivery_id in due(runtime))


def mark_stuck(runtime: Runtime) -> int:
    """Rows a crash left `sending` become `unconfirmed` (never resent)."""
    with transaction(runtime.sessions) as session:
        result = session.execute(
            update(NotificationDelivery)
            .where(
                NotificationDelivery.status == "sending",
                NotificationDelivery.updated_at < utcnow() - STUCK_AFTER,
            )
            .values(status="unconfirmed", last_error=UNCONFIRMED)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


def _failed(runtime: Runtime, delivery_id: int, attempts: int, error: Undelivered) -> str:
    with transaction(runtime.sessions) as session:
        row = session.get_one(NotificationDelivery, delivery_id)
        row.last_error = error.message[:2000]
        if error.permanent or attempts >= MAX_ATTEMPTS:
            row.status = "failed"
            log.warning(
                "notify.delivery.failed",
                delivery_id=delivery_id,
                channel=row.channel,
                attempts=attempts,
                error=row.last_error,
            )
        else:
            row.status = "queued"
            row.next_attempt_at = utcnow() + timedelta(seconds=retry_delay(attempts))
            log.warning(
                "notify.delivery.retry",
                delivery_id=delivery_id,
                channel=row.channel,
                attempts=attempts,
                error=row.last_error,
            )
        return row.status


def _job(runtime: Runtime, session: Session, row: NotificationDelivery) -> EmailJob | WebhookJob:
    """What to send, read inside the claiming transaction."""
    workspace = session.get_one(Workspace, row.workspace_id)
    business = settings_of(workspace).business_name
    base_url = runtime.settings.public_url
    event = session.get(NotificationEvent, row.event_id) if row.event_id is not None else None
    if row.channel == "webhook":
        if event is None:
            raise Undelivered("the event is gone", permanent=True)
        return _webhook_job(runtime, session, event, base_url)
    if event is None:
        text = texts.digest_text(row.data, business=business, base_url=base_url)
    else:
        text = texts.event_text(event.kind, event.data, business=business, base_url=base_url)
    account = smtp_account(session, row.workspace_id)
    if account is None:
        raise Undelivered(
            "no SMTP account to send notifications (set one up on the Mail page)",
            permanent=True,
        )
    message = EmailMessage()
    message["From"] = account.from_address
    message["To"] = row.recipient
    message["Subject"] = " ".join(text.subject.split())  # a customer's words: one line
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(domain=account.from_address.rpartition("@")[2])
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text.body)
    return EmailJob(smtp_settings(account, runtime.master_key), message, row.recipient)


def _webhook_job(
    runtime: Runtime, session: Session, event: NotificationEvent, base_url: str
) -> WebhookJob:
    webhook = webhook_of(session, event.workspace_id)
    if webhook is None:
        raise Undelivered("the webhook was removed", permanent=True)
    created = int(event.created_at.timestamp())
    payload: dict[str, Any] = texts.webhook_payload(
        event.id, event.kind, event.data, created=created, base_url=base_url
    )
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    return WebhookJob(webhook.url, runtime.master_key.decrypt(webhook.secret_encrypted), body)


def _send(job: EmailJob | WebhookJob, runtime: Runtime) -> None:
    if isinstance(job, EmailJob):
        try:
            asyncio.run(send_message(job.smtp, job.message, recipients=[job.recipient]))
        except SendError as error:
            raise Undelivered(error.message, permanent=error.permanent) from error
        return
    allow = runtime.settings.allow_private_webhook_urls
    if (problem := url_problem(job.url, allow_private=allow)) is not None:
        raise Undelivered(f"webhook URL refused: {problem}", permanent=True)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"knowreply/{__version__}",
        HEADER: signature_header(job.secret, int(time.time()), job.body),
    }
    try:
        with httpx.Client(timeout=WEBHOOK_TIMEOUT_SECONDS, follow_redirects=False) as client:
            response = client.post(job.url, content=job.body, headers=headers)
    except httpx.HTTPError as error:
        raise Undelivered(error_text(error, limit=500), permanent=False) from error
    if not response.is_success:
        raise Undelivered(f"the webhook answered {response.status_code}", permanent=False)
