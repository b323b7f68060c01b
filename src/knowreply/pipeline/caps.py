"""Reply caps: a loop with another automaton that gets past screening still stops.

The caps count replies, not acknowledgements: an acknowledgement goes at most once per
inbound email that already passed the caps, with its reply after a member's decision, so
counting it would only make a customer who asked for two refunds look like a loop."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowreply.db.models import Message, OutboxItem
from knowreply.db.types import utcnow


@dataclass(frozen=True)
class ReplyCaps:
    per_sender: int = 5
    sender_window: timedelta = timedelta(hours=1)
    per_thread: int = 10
    thread_window: timedelta = timedelta(days=1)


DEFAULT_CAPS = ReplyCaps()


def _replies(session: Session, workspace_id: int, window: timedelta, *where: object) -> int:
    acknowledgements = select(OutboxItem.outbound_message_id).where(
        OutboxItem.workspace_id == workspace_id, OutboxItem.kind == "acknowledgement"
    )
    count = session.scalar(
        select(func.count())
        .select_from(Message)
        .where(
            Message.workspace_id == workspace_id,
            Message.direction == "out",
            Message.status != "failed",
            Message.created_at >= utcnow() - window,
            Message.id.not_in(acknowledgements),
            *where,  # type: ignore[arg-type]
        )
    )
    return int(count or 0)


def sender_over_cap(
    session: Session, workspace_id: int, sender: str, caps: ReplyCaps = DEFAULT_CAPS
) -> str | None:
    """Why not to answer this sender now, or None."""
    sent = _replies(session, workspace_id, caps.sender_window, Message.to_addresses == sender)
    if sent >= caps.per_sender:
        return f"{sent} replies to {sender} in the last {caps.sender_window}"
    return None


def thread_over_cap(
    session: Session, workspace_id: int, conversation_id: int, caps: ReplyCaps = DEFAULT_CAPS
) -> str | None:
    sent = _replies(
        session, workspace_id, caps.thread_window, Message.conversation_id == conversation_id
    )
    if sent >= caps.per_thread:
        return f"{sent} replies in this conversation in the last {caps.thread_window}"
    return None
