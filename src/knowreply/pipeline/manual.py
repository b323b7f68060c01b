"""A member's reply by hand: sent through the outbox, so at most one live reply per email.

The reply answers the conversation's latest inbound message. It is sent right away from
the web process (a person waits for the answer and can act on an error). The outbox's
partial unique index means neither a second click nor the agent can send another reply
while one is queued, being sent or sent; after a `failed` or `unconfirmed` reply (the mail
server may or may not have received it) a person can always answer by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from knowreply import audit
from knowreply.db.models import Conversation, Message, OutboxItem
from knowreply.db.session import transaction
from knowreply.errors import KnowreplyError, NotFound
from knowreply.mail.store import parsed
from knowreply.pipeline.outbox import NoSmtpAccount, deliver, live_reply, prepare_reply
from knowreply.pipeline.outcome import record_outcome
from knowreply.runtime import Runtime

MANUAL_REPLY = "manual"
"""`status_reason` of an inbound message a member answered by hand."""


class CannotReply(KnowreplyError):
    """The conversation cannot take a reply by hand now (already answered, no SMTP…)."""

    status = 409


@dataclass(frozen=True)
class ManualReply:
    inbound_message_id: int
    outbound_message_id: int
    status: str
    """The outbox's answer: `sent`, `failed` or `unconfirmed`."""
    detail: str | None


def reply_by_hand(
    runtime: Runtime, workspace_id: int, conversation_id: int, text: str, actor: str
) -> ManualReply:
    """Send `text` as the reply to the conversation's latest inbound message; audited.

    Raises NotFound for another workspace's conversation and CannotReply when there is
    nothing to answer, the message already has a reply, or no SMTP account is set up.
    """
    try:
        with transaction(runtime.sessions) as session:
            inbound = _latest_inbound(session, workspace_id, conversation_id)
            existing = live_reply(session, inbound.id)
            if existing is not None:
                raise CannotReply(_already(existing))
            message = parsed(inbound)
            if message.sender is None:
                raise CannotReply("The latest email has no usable sender address to reply to.")
            item = prepare_reply(session, inbound, message, text, author=actor)
            inbound_id, item_id, outbound_id = inbound.id, item.id, item.outbound_message_id
    except NoSmtpAccount as error:
        raise CannotReply(
            "This workspace has no SMTP account to send replies from: set one up with "
            "`knowreply mailbox set-smtp`, then reply again."
        ) from error
    except IntegrityError as error:  # the agent or another click prepared one meanwhile
        raise CannotReply("The latest email already has a reply.") from error
    sent = deliver(runtime.sessions, runtime.master_key, item_id, max_attempts=1)
    with transaction(runtime.sessions) as session:
        if sent.status == "sent":
            _mark_answered(session, workspace_id, conversation_id, inbound_id, actor)
        audit.record(
            session,
            workspace_id,
            actor=actor,
            action="reply.manual",
            result=sent.status,
            target=f"message:{inbound_id}",
            detail={"conversation_id": conversation_id, "outbound_message_id": outbound_id},
        )
    return ManualReply(inbound_id, outbound_id, sent.status, sent.detail)


def _already(item: OutboxItem) -> str:
    if item.status == "sent":
        return (
            "The latest email already has a reply that the mail server accepted; a person "
            "can answer again once the customer writes back."
        )
    return (
        "A reply to the latest email is waiting to be sent (attempt "
        f"{item.attempts + 1}); answer by hand if it ends as not sent."
    )


def _latest_inbound(session: Session, workspace_id: int, conversation_id: int) -> Message:
    conversation = session.scalar(
        select(Conversation).where(
            Conversation.id == conversation_id, Conversation.workspace_id == workspace_id
        )
    )
    if conversation is None:
        raise NotFound(f"No conversation {conversation_id} in this workspace.")
    inbound: Message | None = session.scalar(
        select(Message)
        .where(
            Message.workspace_id == workspace_id,
            Message.conversation_id == conversation_id,
            Message.direction == "in",
        )
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(1)
    )
    if inbound is None:
        raise CannotReply("This conversation has no email from the customer to reply to.")
    return inbound


def _mark_answered(
    session: Session, workspace_id: int, conversation_id: int, inbound_id: int, actor: str
) -> None:
    """The answered email, and any other in the thread left for a person, are replied."""
    answered = session.scalars(
        select(Message).where(
            Message.workspace_id == workspace_id,
            Message.conversation_id == conversation_id,
            Message.direction == "in",
            (Message.id == inbound_id) | (Message.status == "escalated"),
        )
    )
    for message in answered:
        record_outcome(session, message, "replied", MANUAL_REPLY, f"Replied by hand by {actor}")
