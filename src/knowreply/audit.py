"""The append-only audit log: every Stripe write and every settings change."""

from __future__ import annotations

from typing import Any

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply.db.models import AuditEvent

log = structlog.get_logger(__name__)


def record(
    session: Session,
    workspace_id: int,
    *,
    actor: str,
    action: str,
    result: str,
    target: str | None = None,
    idempotency_key: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event (in the caller's transaction) and log it."""
    event = AuditEvent(
        workspace_id=workspace_id,
        actor=actor,
        action=action,
        target=target,
        result=result,
        idempotency_key=idempotency_key,
        detail=detail or {},
    )
    session.add(event)
    session.flush()
    log.info(action, actor=actor, target=target, result=result, workspace_id=workspace_id)
    return event


def events(session: Session, workspace_id: int, *, limit: int = 500) -> list[AuditEvent]:
    query = (
        select(AuditEvent)
        .where(AuditEvent.workspace_id == workspace_id)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
