"""The daily digest: one email per member who chose it, per day in the workspace's time
zone, from `DIGEST_HOUR` on: what happened since their last digest and what still waits.
Nothing to say, no email. The delivery's key (`digest-<member>-<date>`) makes it once a day
whatever the number of workers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from knowreply.db.models import (
    Action,
    Member,
    Message,
    NotificationDelivery,
    NotificationEvent,
    Workspace,
)
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.notifications.events import NEEDS_PERSON
from knowreply.notifications.preferences import preference_of
from knowreply.notifications.texts import headline
from knowreply.runtime import Runtime
from knowreply.workspaces import settings_of

DIGEST_HOUR = 8
"""Local hour (the workspace's time zone) from which the day's digest goes out."""
LISTED = 20
"""Items listed per section; the totals count them all."""


def queue_digests(runtime: Runtime, now: datetime | None = None) -> int:
    """Make today's digest deliveries that are due; returns how many were made."""
    now = now or utcnow()
    made = 0
    with transaction(runtime.sessions) as session:
        for workspace in session.scalars(select(Workspace)).all():
            local = now.astimezone(ZoneInfo(settings_of(workspace).timezone))
            if local.hour < DIGEST_HOUR:
                continue
            members = session.scalars(
                select(Member).where(Member.workspace_id == workspace.id)
            ).all()
            for member in members:
                if preference_of(member) == "daily":
                    made += _queue(session, member, local.date().isoformat(), now)
    return made


def _queue(session: Session, member: Member, day: str, now: datetime) -> int:
    key = f"digest-{member.id}-{day}"
    if session.scalar(select(NotificationDelivery.id).where(NotificationDelivery.key == key)):
        return 0
    last = session.scalar(
        select(func.max(NotificationDelivery.created_at)).where(
            NotificationDelivery.member_id == member.id,
            NotificationDelivery.event_id.is_(None),
        )
    )
    data = gather(session, member.workspace_id, since=last or now - timedelta(days=1), now=now)
    if not data["happened"] and not data["waiting_total"]:
        return 0
    row = NotificationDelivery(
        workspace_id=member.workspace_id,
        key=key,
        channel="email",
        member_id=member.id,
        recipient=member.email,
        data=data,
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:  # another worker made it meanwhile
        return 0
    return 1


def gather(
    session: Session, workspace_id: int, *, since: datetime, now: datetime
) -> dict[str, Any]:
    """The digest's content: events in [since, now), and what waits for a person now."""
    events = session.scalars(
        select(NotificationEvent)
        .where(
            NotificationEvent.workspace_id == workspace_id,
            NotificationEvent.kind != "test",
            NotificationEvent.created_at >= since,
            NotificationEvent.created_at < now,
        )
        .order_by(NotificationEvent.id)
    ).all()
    happened = [_item(event.kind, event.data) for event in events]
    actions = session.execute(
        select(Action, Message.from_address, Message.conversation_id)
        .join(Message, Message.id == Action.message_id)
        .where(Action.workspace_id == workspace_id, Action.status == "awaiting_approval")
        .order_by(Action.id)
    ).all()
    waiting = [
        _item(
            "approval_waiting",
            {
                "customer": customer,
                "action": action.kind,
                "amount_minor": action.amount_minor,
                "currency": action.currency,
                "conversation_id": conversation_id,
            },
        )
        for action, customer, conversation_id in actions
    ]
    emails = session.scalars(
        select(Message)
        .where(
            Message.workspace_id == workspace_id,
            Message.direction == "in",
            Message.status.in_(NEEDS_PERSON),
        )
        .order_by(Message.id)
    ).all()
    waiting += [
        _item(
            "needs_person",
            {
                "customer": message.from_address,
                "status": message.status,
                "conversation_id": message.conversation_id,
            },
        )
        for message in emails
    ]
    return {
        "happened": happened[:LISTED],
        "happened_total": len(happened),
        "waiting": waiting[:LISTED],
        "waiting_total": len(waiting),
    }


def _item(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": kind,
        "line": headline(kind, data),
        "conversation_id": data.get("conversation_id"),
    }
