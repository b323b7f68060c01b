"""What the Notifications page and its API call: a member's own preference, the owner's
webhook, the last deliveries, and a test notification sent while the owner waits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply.access import Caller, allows, require
from knowreply.db.models import Member, NotificationDelivery, NotificationEvent
from knowreply.db.session import transaction
from knowreply.errors import KnowreplyError, NotFound
from knowreply.notifications import webhooks
from knowreply.notifications.delivery import deliver
from knowreply.notifications.events import record_test
from knowreply.notifications.preferences import (
    PREFERENCES,
    Preference,
    default_for,
    preference_of,
)
from knowreply.runtime import Runtime

RECENT = 20
WHAT = {"approval_waiting": "Approval needed", "needs_person": "Needs a person", "test": "Test"}
STATUSES = {
    "queued": "Waiting to send",
    "sending": "Sending",
    "sent": "Sent",
    "failed": "Not sent",
    "unconfirmed": "May have gone out",
}


@dataclass(frozen=True)
class DeliveryView:
    id: int
    created_at: datetime
    what: str
    channel: str
    recipient: str
    status: str
    status_label: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None


@dataclass(frozen=True)
class NotificationsView:
    preference: Preference
    role_default: Preference
    webhook: webhooks.WebhookView | None
    """Owners only (None for others, even when one is set)."""
    deliveries: list[DeliveryView]
    """The workspace's last deliveries: owners only (empty for others)."""


def _member(session: Session, caller: Caller) -> Member:
    member = session.get(Member, caller.member_id) if caller.member_id is not None else None
    if member is None or member.workspace_id != caller.workspace_id:
        raise NotFound("Notification preferences belong to a signed-in member.")
    return member


def view(session: Session, caller: Caller) -> NotificationsView:
    member = _member(session, caller)
    owner = allows(caller.role, "owner")
    return NotificationsView(
        preference=preference_of(member),
        role_default=default_for(member.role),
        webhook=webhooks.view(session, caller.workspace_id) if owner else None,
        deliveries=recent(session, caller.workspace_id) if owner else [],
    )


def set_preference(session: Session, caller: Caller, preference: str) -> Preference:
    """Every member chooses for themselves (a viewer too: it changes nothing but their mail)."""
    for known in PREFERENCES:
        if preference == known:
            _member(session, caller).notify = known
            return known
    raise KnowreplyError(f"Choose one of: {', '.join(PREFERENCES)}.")


def recent(session: Session, workspace_id: int, *, limit: int = RECENT) -> list[DeliveryView]:
    rows = session.execute(
        select(NotificationDelivery, NotificationEvent.kind)
        .outerjoin(NotificationEvent, NotificationEvent.id == NotificationDelivery.event_id)
        .where(NotificationDelivery.workspace_id == workspace_id)
        .order_by(NotificationDelivery.id.desc())
        .limit(limit)
    ).all()
    return [_delivery(row, kind) for row, kind in rows]


def _delivery(row: NotificationDelivery, kind: str | None) -> DeliveryView:
    return DeliveryView(
        id=row.id,
        created_at=row.created_at,
        what=WHAT.get(kind or "", "Daily digest"),
        channel=row.channel,
        recipient=row.recipient,
        status=row.status,
        status_label=STATUSES.get(row.status, row.status),
        attempts=row.attempts,
        last_error=row.last_error,
        next_attempt_at=row.next_attempt_at,
    )


def send_test(runtime: Runtime, caller: Caller) -> list[DeliveryView]:
    """A test event, delivered now (one attempt each, failures kept for retries): an email
    to the owner who asked, and the webhook when there is one."""
    require(caller, "owner", action="notifications.test", what="Sending a test notification")
    with transaction(runtime.sessions) as session:
        _member(session, caller)
        event = record_test(session, caller.workspace_id, caller.member_id)
        ids = list(
            session.scalars(
                select(NotificationDelivery.id).where(NotificationDelivery.event_id == event.id)
            )
        )
    for delivery_id in ids:
        deliver(runtime, delivery_id)
    with runtime.sessions() as session:
        return [
            _delivery(session.get_one(NotificationDelivery, delivery_id), "test")
            for delivery_id in ids
        ]
