"""Recording what happened to a message, where the dashboard and the CLI read it."""

from __future__ import annotations

import structlog
from sqlalchemy.orm import Session

from knowreply.db.models import Message
from knowreply.db.types import utcnow
from knowreply.notifications.events import record_for_message

log = structlog.get_logger(__name__)

FINAL_STATUSES = frozenset(
    {"skipped", "replied", "escalated", "awaiting_approval", "awaiting_verification", "failed"}
)


def record_outcome(
    session: Session, message: Message, status: str, reason: str | None, detail: str | None = None
) -> None:
    """Set the message's status, a stable reason and a human detail; log it. What waits for
    a person (an action, the email) is recorded for members' notifications, once."""
    message.status, message.status_reason, message.status_detail = status, reason, detail
    if status in FINAL_STATUSES:
        message.handled_at = utcnow()
    record_for_message(session, message)
    log.info(
        f"pipeline.{status}",
        message_id=message.id,
        workspace_id=message.workspace_id,
        reason=reason,
    )
