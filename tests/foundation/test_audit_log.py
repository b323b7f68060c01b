"""The audit log is append-only, enforced by the database itself on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError

from knowreply import audit
from knowreply.db.models import AuditEvent
from knowreply.db.session import transaction
from knowreply.runtime import Runtime
from knowreply.workspaces import resolve_workspace


def test_audit_events_cannot_be_changed_or_deleted(runtime: Runtime) -> None:
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, None)
        audit.record(
            session,
            workspace.id,
            actor="owner@example.com",
            action="capability.enable",
            target="refunds",
            result="ok",
        )
        workspace_id = workspace.id

    for statement in (
        update(AuditEvent).values(result="tampered"),
        delete(AuditEvent),
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction(runtime.sessions) as session,
        ):
            session.execute(statement)

    with runtime.sessions() as session:
        (event,) = audit.events(session, workspace_id)
        assert event.result == "ok"
        assert event.actor == "owner@example.com"
        assert event.occurred_at.tzinfo is not None
