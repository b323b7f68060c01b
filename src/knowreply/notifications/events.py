"""Recording what members should hear about, once per event, with its deliveries.

An event has a stable key (`action-<id>-waiting`, `message-<id>-<status>-<retries>`), so
a step run twice, a second worker or a restart finds it already recorded and adds nothing.
Its deliveries (an email to each member who wants one at once, the webhook) are rows made in
the same transaction, sent later by the notifier (`delivery.py`), each at most once.
"""

from __future__ import annotations

import secrets
from typing import Any

import structlog
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from knowreply.db.models import Action, Member, Message, NotificationDelivery, NotificationEvent
from knowreply.notifications.preferences import preference_of
from knowreply.notifications.webhooks import view as webhook_view

log = structlog.get_logger(__name__)

NEEDS_PERSON = frozenset({"escalated", "failed"})
"""Inbound message statuses that hand the email to a person."""
DETAIL_LIMIT = 300


def record_for_message(session: Session, message: Message) -> list[NotificationEvent]:
    """The events a message's new status makes: each action of it that waits for approval,
    and the email itself when it needs a person. Already recorded ones are skipped."""
    if message.direction != "in":
        return []
    recorded = []
    waiting = session.scalars(
        select(Action).where(Action.message_id == message.id, Action.status == "awaiting_approval")
    ).all()
    for action in waiting:
        event = _record(
            session,
            message.workspace_id,
            f"action-{action.id}-waiting",
            "approval_waiting",
            {
                **_about(message),
                "action": action.kind,
                "amount_minor": action.amount_minor,
                "currency": action.currency,
                **_amount_to_set(action),
            },
            message_id=message.id,
            action_id=action.id,
        )
        recorded += [event] if event else []
    if message.status in NEEDS_PERSON:
        data = {**_about(message), "status": message.status, "reason": message.status_reason}
        if message.status == "escalated" and message.status_detail:
            data["detail"] = message.status_detail[:DETAIL_LIMIT]
        key = f"message-{message.id}-{message.status}-{message.retries}"
        event = _record(
            session, message.workspace_id, key, "needs_person", data, message_id=message.id
        )
        recorded += [event] if event else []
    return recorded


def record_test(session: Session, workspace_id: int, member_id: int | None) -> NotificationEvent:
    """A test event: an email to the member who asked only, and the webhook."""
    key = f"test-{secrets.token_hex(8)}"
    event = NotificationEvent(workspace_id=workspace_id, key=key, kind="test", data={})
    session.add(event)
    session.flush()
    member = session.get(Member, member_id) if member_id is not None else None
    _add_deliveries(session, event, [member] if member is not None else [])
    return event


def _about(message: Message) -> dict[str, Any]:
    return {
        "customer": message.from_address,
        "subject": message.subject[:200],
        "message_id": message.id,
        "conversation_id": message.conversation_id,
    }


def _record(
    session: Session,
    workspace_id: int,
    key: str,
    kind: str,
    data: dict[str, Any],
    *,
    message_id: int | None = None,
    action_id: int | None = None,
) -> NotificationEvent | None:
    """Insert-or-ignore on `key` (a savepoint: a racing worker's insert wins, ours is
    dropped without spoiling the caller's transaction)."""
    if session.scalar(select(NotificationEvent.id).where(NotificationEvent.key == key)):
        return None
    event = NotificationEvent(
        workspace_id=workspace_id,
        key=key,
        kind=kind,
        data=data,
        message_id=message_id,
        action_id=action_id,
    )
    try:
        with session.begin_nested():
            session.add(event)
            session.flush()
    except IntegrityError:
        return None
    members = session.scalars(select(Member).where(Member.workspace_id == workspace_id)).all()
    _add_deliveries(session, event, [m for m in members if preference_of(m) == "immediately"])
    log.info("notify.event", event_id=event.id, kind=kind, workspace_id=workspace_id)
    return event


def _add_deliveries(session: Session, event: NotificationEvent, members: list[Member]) -> None:
    for member in members:
        session.add(
            NotificationDelivery(
                workspace_id=event.workspace_id,
                key=f"event-{event.id}-email-{member.id}",
                event_id=event.id,
                channel="email",
                member_id=member.id,
                recipient=member.email,
            )
        )
    webhook = webhook_view(session, event.workspace_id)
    if webhook is not None:
        session.add(
            NotificationDelivery(
                workspace_id=event.workspace_id,
                key=f"event-{event.id}-webhook",
                event_id=event.id,
                channel="webhook",
                recipient=webhook.host,
            )
        )
    session.flush()


def _amount_to_set(action: Action) -> dict[str, bool]:
    """A refund planned without an amount: the approving member sets it."""
    to_set = action.kind == "refund" and action.amount_minor is None
    return {"amount_to_set": True} if to_set else {}
