"""Which conversation an inbound message belongs to."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply.db.models import Conversation, Message
from knowreply.db.types import utcnow
from knowreply.mail.message import InboundMessage
from knowreply.mail.threading import normalize_subject, reference_ids

SUBJECT_MATCH_WINDOW = timedelta(days=30)
"""Without references, the same sender and subject join a conversation this recent."""


def join_conversation(session: Session, message: Message, parsed: InboundMessage) -> Conversation:
    """By In-Reply-To/References against every Message-ID we received or sent, else by
    sender and normalised subject, else a new conversation."""
    conversation = _by_references(session, message.workspace_id, reference_ids(parsed))
    sender = parsed.sender.address if parsed.sender else message.from_address
    subject = normalize_subject(parsed.subject)
    if conversation is None and subject:
        conversation = session.scalar(
            select(Conversation)
            .where(
                Conversation.workspace_id == message.workspace_id,
                Conversation.customer_email == sender,
                Conversation.subject == subject[:998],
                Conversation.last_message_at >= utcnow() - SUBJECT_MATCH_WINDOW,
            )
            .order_by(Conversation.last_message_at.desc())
            .limit(1)
        )
    if conversation is None:  # its last_message_at is now (the column's default)
        conversation = Conversation(
            workspace_id=message.workspace_id, customer_email=sender, subject=subject[:998]
        )
        session.add(conversation)
        session.flush()
    else:
        conversation.last_message_at = utcnow()
    message.conversation_id = conversation.id
    return conversation


def _by_references(session: Session, workspace_id: int, ids: list[str]) -> Conversation | None:
    if not ids:
        return None
    return session.scalar(
        select(Conversation)
        .join(Message, Message.conversation_id == Conversation.id)
        .where(Message.workspace_id == workspace_id, Message.rfc_message_id.in_(ids))
        .order_by(Conversation.last_message_at.desc())
        .limit(1)
    )
