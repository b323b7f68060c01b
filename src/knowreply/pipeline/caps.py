"""Reply caps: a loop with another automaton that gets past screening still stops.

The caps count replies, not acknowledgements: an acknowledgement goes at most once per
inbound email that already passed the caps, with its reply after a member's decision, so
counting it would only make a customer who asked for two refunds look like a loop."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import cast

from sqlalchemy import ColumnElement, Select, Table, bindparam, func, select
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

_MESSAGES = cast(Table, Message.__table__)
_OUTBOX = cast(Table, OutboxItem.__table__)


def _count_replies(where: ColumnElement[bool]) -> Select[int]:
    """Counts our replies (not acknowledgements) of a workspace since a time that `where` selects.

    Built once at import, on the tables with bound parameters: SQLAlchemy computes its cache
    key once per process, and a Core statement does not flush the session first (every
    email's admit step runs both counts)."""
    acknowledgements = select(_OUTBOX.c.outbound_message_id).where(
        _OUTBOX.c.workspace_id == bindparam("workspace_id"), _OUTBOX.c.kind == "acknowledgement"
    )
    return (
        select(func.count())
        .select_from(_MESSAGES)
        .where(
            _MESSAGES.c.workspace_id == bindparam("workspace_id"),
            _MESSAGES.c.direction == "out",
            _MESSAGES.c.status != "failed",
            _MESSAGES.c.created_at >= bindparam("since"),
            _MESSAGES.c.id.not_in(acknowledgements),
            where,
        )
    )


_TO_SENDER = _count_replies(_MESSAGES.c.to_addresses == bindparam("sender"))
_IN_THREAD = _count_replies(_MESSAGES.c.conversation_id == bindparam("conversation_id"))


def _replies(session: Session, query: Select[int], window: timedelta, **params: object) -> int:
    count = session.scalar(query, {"since": utcnow() - window, **params})
    return int(count or 0)


def sender_over_cap(
    session: Session, workspace_id: int, sender: str, caps: ReplyCaps = DEFAULT_CAPS
) -> str | None:
    """Why not to answer this sender now, or None."""
    sent = _replies(
        session, _TO_SENDER, caps.sender_window, workspace_id=workspace_id, sender=sender
    )
    if sent >= caps.per_sender:
        return f"{sent} replies to {sender} in the last {caps.sender_window}"
    return None


def thread_over_cap(
    session: Session, workspace_id: int, conversation_id: int, caps: ReplyCaps = DEFAULT_CAPS
) -> str | None:
    sent = _replies(
        session,
        _IN_THREAD,
        caps.thread_window,
        workspace_id=workspace_id,
        conversation_id=conversation_id,
    )
    if sent >= caps.per_thread:
        return f"{sent} replies in this conversation in the last {caps.thread_window}"
    return None
