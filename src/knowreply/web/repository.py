"""The reads the Simulator and Approvals pages make, always within one workspace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from knowreply.agent.trace import Trace
from knowreply.db.models import Action, AgentRun, Member, Message
from knowreply.errors import NotFound
from knowreply.mail.parse import parse_message
from knowreply.money import Money

PENDING = "awaiting_approval"
DECIDED = ("approved", "rejected", "done", "failed")
Decision = Literal["approve", "reject"]


@dataclass(frozen=True)
class RunSummary:
    id: int
    sender: str
    subject: str
    outcome: str
    started_at: datetime


@dataclass(frozen=True)
class AskingEmail:
    """The customer's email that led to an action, as a person reviewing it reads it."""

    sender: str
    subject: str
    text: str
    received_at: datetime


@dataclass(frozen=True)
class ActionView:
    id: int
    kind: str
    status: str
    customer_id: str | None
    target_id: str | None
    amount: str | None
    """Formatted for people (`$49.00`), None for actions without an amount."""
    error: str | None
    email: AskingEmail | None
    created_at: datetime
    decided_at: datetime | None
    decided_by: str | None


def recent_simulator_runs(
    session: Session, workspace_id: int, *, limit: int = 10
) -> list[RunSummary]:
    rows = session.scalars(
        select(AgentRun)
        .where(AgentRun.workspace_id == workspace_id, AgentRun.source == "simulator")
        .order_by(AgentRun.id.desc())
        .limit(limit)
    )
    return [
        RunSummary(
            id=run.id,
            sender=str(run.trace.get("sender", "")),
            subject=_reply_subject(run.trace),
            outcome=run.outcome,
            started_at=run.started_at,
        )
        for run in rows
    ]


def _reply_subject(trace: dict[str, object]) -> str:
    reply = trace.get("reply")
    subject = reply.get("subject") if isinstance(reply, dict) else None
    return subject if isinstance(subject, str) else ""


def run_trace(session: Session, workspace_id: int, run_id: int) -> Trace:
    """A stored run's trace; another workspace's run is not found."""
    run = session.scalar(
        select(AgentRun).where(AgentRun.id == run_id, AgentRun.workspace_id == workspace_id)
    )
    if run is None:
        raise NotFound(f"No agent run {run_id} in this workspace.")
    trace = Trace.model_validate(run.trace)
    trace.run_id = run.id
    return trace


def _asking_email(message: Message | None) -> AskingEmail | None:
    if message is None:
        return None
    parsed = parse_message(message.raw)
    return AskingEmail(
        sender=parsed.sender.address if parsed.sender else message.from_address,
        subject=parsed.subject or message.subject,
        text=parsed.new_text,
        received_at=message.created_at,
    )


def _view(action: Action, message: Message | None, decided_by: str | None) -> ActionView:
    amount = (
        Money(amount_minor=action.amount_minor, currency=action.currency).format()
        if action.amount_minor is not None and action.currency
        else None
    )
    return ActionView(
        id=action.id,
        kind=action.kind,
        status=action.status,
        customer_id=action.customer_id,
        target_id=action.target_id,
        amount=amount,
        error=action.error,
        email=_asking_email(message),
        created_at=action.created_at,
        decided_at=action.decided_at,
        decided_by=decided_by,
    )


def _actions_query(workspace_id: int) -> Select[Action, Message, str]:
    return (
        select(Action, Message, Member.email)
        .outerjoin(
            Message, (Message.id == Action.message_id) & (Message.workspace_id == workspace_id)
        )
        .outerjoin(Member, Member.id == Action.approved_by_member_id)
        .where(Action.workspace_id == workspace_id)
    )


def actions(
    session: Session, workspace_id: int, statuses: Sequence[str], *, limit: int = 100
) -> list[ActionView]:
    rows = session.execute(
        _actions_query(workspace_id)
        .where(Action.status.in_(statuses))
        .order_by(Action.created_at.desc(), Action.id.desc())
        .limit(limit)
    )
    return [_view(action, message, email) for action, message, email in rows]


def action_by_id(session: Session, workspace_id: int, action_id: int) -> ActionView:
    row = session.execute(_actions_query(workspace_id).where(Action.id == action_id)).first()
    if row is None:
        raise NotFound(f"No action {action_id} in this workspace.")
    action, message, email = row
    return _view(action, message, email)
