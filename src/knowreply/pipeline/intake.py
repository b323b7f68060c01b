"""Every way in ends here: store the message (once), then start its workflow."""

from __future__ import annotations

from typing import NamedTuple

import structlog
from sqlalchemy import select, update

from knowreply.db.models import Message
from knowreply.db.session import transaction
from knowreply.errors import KnowreplyError
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import record_provider_event, store_inbound
from knowreply.pipeline.outbox import reopen_failed
from knowreply.pipeline.outcome import record_outcome
from knowreply.pipeline.steps import INTERRUPTED, end_interrupted_runs
from knowreply.pipeline.workflow import MessageQueue, ordering_key, workflow_id
from knowreply.runtime import Runtime

log = structlog.get_logger(__name__)
UNCONFIRMED_NOT_RETRYABLE = (
    "The mail server may or may not have received the reply, so it is not sent again: check "
    "the sent mail, and answer by hand if the customer has nothing."
)
STILL_RUNNING = frozenset({"PENDING", "ENQUEUED"})
INTERRUPTED_DETAIL = (
    "The worker stopped while handling this email and its work could not be resumed; "
    "nothing was sent. Press Retry to handle it again."
)


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
        ordering = ordering_key(workspace_id, message.from_address)
    if created or status == "received":
        queue.enqueue(message_id, ordering)
    return message_id, created


class Swept(NamedTuple):
    requeued: int
    """Stored but never enqueued (a crash between the two): enqueued now."""
    running: int
    """Enqueued or running (perhaps on a dead worker, which `liveness` recovers)."""
    interrupted: int
    """Their workflow ended without an outcome: marked failed, for Retry."""
    runs_ended: int
    """Agent runs left `running` by a crash: marked failed."""


def sweep(runtime: Runtime, queue: MessageQueue) -> Swept:
    """A worker's start-up sweep over inbound messages still `received`; logs each one."""
    with runtime.sessions() as session:
        pending = session.execute(
            select(Message.id, Message.workspace_id, Message.from_address, Message.retries).where(
                Message.direction == "in", Message.status == "received"
            )
        ).all()
    ids = {row.id: workflow_id(row.id, row.retries) for row in pending}
    statuses = queue.workflow_statuses(list(ids.values())) if ids else {}
    requeued, running, interrupted = 0, 0, 0
    for row in pending:
        status = statuses.get(ids[row.id])
        if status is None:
            queue.enqueue(row.id, ordering_key(row.workspace_id, row.from_address))
            requeued += 1
        elif status in STILL_RUNNING:
            running += 1
        else:
            with transaction(runtime.sessions) as session:
                message = session.get_one(Message, row.id)
                if message.status == "received":
                    record_outcome(session, message, "failed", INTERRUPTED, INTERRUPTED_DETAIL)
            interrupted += 1
        log.info("pipeline.sweep", message_id=row.id, workflow=ids[row.id], status=status)
    with transaction(runtime.sessions) as session:
        runs_ended = end_interrupted_runs(session)
    return Swept(requeued, running, interrupted, runs_ended)


def retry_message(runtime: Runtime, queue: MessageQueue, message_id: int) -> str:
    """The dashboard's Retry: a failed message runs again under a new workflow id.

    Only a `failed` message can be retried (a double click retries once). A reply that was
    never accepted by a server may be sent; an `unconfirmed` one never is.
    """
    with transaction(runtime.sessions) as session:
        reason = session.scalar(select(Message.status_reason).where(Message.id == message_id))
        if reason == "send_unconfirmed":
            raise NotRetryable(UNCONFIRMED_NOT_RETRYABLE)
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
        ordering, attempt = (
            ordering_key(message.workspace_id, message.from_address),
            message.retries,
        )
    return queue.enqueue(message_id, ordering, attempt=attempt)
