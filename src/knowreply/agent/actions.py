"""Action rows: every write the agent did or wants to do, its frozen plan and idempotency
key; the refund totals the limits are checked against."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from knowreply import audit
from knowreply.agent.plans import Plan, RefundPlan, StoredPlan
from knowreply.db.models import Action
from knowreply.db.types import utcnow
from knowreply.money import Money


def upsert_action(
    session: Session,
    *,
    workspace_id: int,
    run_id: int,
    message_id: int | None,
    kind: str,
    idempotency_key: str,
    status: str,
    customer_id: str | None,
    target_id: str | None,
    amount: Money | None,
    arguments: dict[str, Any],
) -> Action:
    """The action for this idempotency key, created once (a retried email finds it again)."""
    action = session.scalar(select(Action).where(Action.idempotency_key == idempotency_key))
    if action is None:
        action = Action(
            workspace_id=workspace_id,
            run_id=run_id,
            message_id=message_id,
            kind=kind,
            idempotency_key=idempotency_key,
            status=status,
            customer_id=customer_id,
            target_id=target_id,
            amount_minor=amount.amount_minor if amount else None,
            currency=amount.currency if amount else None,
            arguments=arguments,
        )
        session.add(action)
        session.flush()
    return action


def finish_action(
    session: Session,
    action: Action,
    *,
    status: str,
    result: dict[str, Any] | None = None,
    error: str | None = None,
) -> None:
    """Record how a write ended, and audit it (every Stripe write is in the audit log)."""
    action.status = status
    action.result = result or {}
    action.error = error
    approved_by = action.arguments.get("approved_by")
    audit.record(
        session,
        action.workspace_id,
        actor="agent",
        action=f"stripe.{action.kind}",
        target=action.target_id,
        result=status,
        idempotency_key=action.idempotency_key,
        detail={
            "amount_minor": action.amount_minor,
            "currency": action.currency,
            "customer": action.customer_id,
            **customer_of(action),
            "approved_by": approved_by,
            "error": error,
            **basis_of(action),
        },
    )


def decide_action(
    session: Session, action: Action, *, approved: bool, member_id: int | None, actor: str
) -> None:
    action.status = "approved" if approved else "rejected"
    action.approved_by_member_id = member_id
    action.decided_at = utcnow()
    action.arguments = {**action.arguments, "approved_by": actor}
    audit.record(
        session,
        action.workspace_id,
        actor=actor,
        action="approval.approve" if approved else "approval.reject",
        target=action.target_id,
        result=action.status,
        idempotency_key=action.idempotency_key,
        detail={
            "kind": action.kind,
            "amount_minor": action.amount_minor,
            "currency": action.currency,
            "customer": action.customer_id,
            **customer_of(action),
            **basis_of(action),
        },
    )


def basis_of(action: Action) -> dict[str, str]:
    """How a refund's amount was sized (the unused part of a period), for its audit events."""
    plan = stored_plan(action)
    basis = plan.basis if isinstance(plan, RefundPlan) else None
    return {"basis": basis} if basis else {}


def stored_plan(action: Action) -> Plan | None:
    """The frozen plan an action carries out; None for a row made before plans existed."""
    try:
        return StoredPlan.model_validate({"plan": action.arguments.get("plan")}).plan
    except ValidationError:
        return None


def customer_of(action: Action) -> dict[str, str]:
    """The action's customer for an audit event: name and email from its plan, when known
    (nothing more is ever stored there)."""
    plan = stored_plan(action)
    if plan is None:
        return {}
    named = {"customer_name": plan.customer_name, "customer_email": plan.customer_email}
    return {key: value for key, value in named.items() if value}


RUNNING = ("running", "done")
"""Statuses of a refund that counts towards the totals (made, or being made)."""


def refund_totals(
    session: Session,
    *,
    workspace_id: int,
    message_id: int | None,
    run_id: int,
    customer_id: str,
    currency: str,
    now: datetime,
) -> tuple[int, int, int]:
    """Refunded minor units in `currency`: for this email, this customer in 30 days and the
    workspace since midnight UTC."""

    def total(*conditions: ColumnElement[bool]) -> int:
        found = session.scalar(
            select(func.coalesce(func.sum(Action.amount_minor), 0)).where(
                Action.workspace_id == workspace_id,
                Action.kind == "refund",
                Action.status.in_(RUNNING),
                Action.currency == currency,
                *conditions,
            )
        )
        return int(found or 0)

    email = Action.message_id == message_id if message_id is not None else Action.run_id == run_id
    midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        total(email),
        total(Action.customer_id == customer_id, Action.created_at >= now - timedelta(days=30)),
        total(Action.created_at >= midnight),
    )


def close_waiting(session: Session, run_id: int, reason: str) -> None:
    """A run that ended without waiting cannot resume: its waiting actions are cancelled, so
    no member can approve an action that nothing would carry out."""
    for action in session.scalars(
        select(Action).where(Action.run_id == run_id, Action.status == "awaiting_approval")
    ):
        action.status = "cancelled"
        action.error = reason[:500]
        audit.record(
            session,
            action.workspace_id,
            actor="agent",
            action=f"stripe.{action.kind}",
            target=action.target_id,
            result="cancelled",
            idempotency_key=action.idempotency_key,
            detail={"error": action.error, "customer": action.customer_id, **customer_of(action)},
        )
