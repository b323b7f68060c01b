"""Every way in ends here: store the message (once), then start its workflow."""

from __future__ import annotations

from sqlalchemy import select, update

from knowreply.db.models import Message
from knowreply.db.session import transaction
from knowreply.errors import KnowreplyError
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import record_provider_event, store_inbound
from knowreply.pipeline.outbox import reopen_failed
from knowreply.pipeline.workflow import MessageQueue
from knowreply.runtime import Runtime


class NotRetryable(KnowreplyError):
    status = 409


def accept(
    runtime: Runtime, queue: MessageQueue, workspace_id: int, envelope: InboundEnvelope
) -> tuple[int, bool]:
    """Store then enqueue; returns (message id, created). Returns only once it is stored.

    A message already stored but not yet handled is enqueued again: the workflow id makes
    that harmless, and it heals a crash between storing and enqueueing.
    """
    with transaction(runtime.sessions) as session:
        message, created = store_inbound(session, workspace_id, envelope)
        if envelope.provider_event_id and created:
            record_provider_event(
                session,
                workspace_id,
                envelope.received_via,
                envelope.provider_event_id,
                message.id,
            )
        message_id, status = message.id, message.status
    if created or status == "received":
        queue.enqueue(message_id, workspace_id)
    return message_id, created


def enqueue_unhandled(runtime: Runtime, queue: MessageQueue) -> int:
    """Enqueue every stored inbound message still `received` (a worker's start-up sweep)."""
    with runtime.sessions() as session:
        pending = session.execute(
            select(Message.id, Message.workspace_id).where(
                Message.direction == "in", Message.status == "received"
            )
        ).all()
    for message_id, workspace_id in pending:
        queue.enqueue(message_id, workspace_id)
    return len(pending)


def retry_message(runtime: Runtime, queue: MessageQueue, message_id: int) -> str:
    """The dashboard's Retry: a failed message runs again under a new workflow id.

    Only a `failed` message can be retried (a double click retries once). A reply that was
    never accepted by a server may be sent; an `unconfirmed` one never is.
    """
    with transaction(runtime.sessions) as session:
        changed = session.execute(  # type: ignore[attr-defined]  # a CursorResult
            update(Message)
            .where(Message.id == message_id, Message.direction == "in", Message.status == "failed")
            .values(status="received", status_reason=None, status_detail=None, handled_at=None)
        ).rowcount
        if not changed:
            raise NotRetryable(f"message {message_id} is not a failed inbound message")
        reopen_failed(session, message_id)
        message = session.get_one(Message, message_id)
        message.retries += 1
        workspace_id, attempt = message.workspace_id, message.retries
    return queue.enqueue(message_id, workspace_id, attempt=attempt)
