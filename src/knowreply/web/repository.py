"""The reads the Simulator, Approvals and Inbox pages make, always within one workspace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from knowreply.agent.trace import Trace
from knowreply.db.models import Action, AgentRun, Conversation, Member, Message
from knowreply.errors import NotFound
from knowreply.mail.parse import parse_message
from knowreply.mail.screen import SkipReason
from knowreply.money import Money
from knowreply.pipeline.manual import MANUAL_REPLY
from knowreply.pipeline.steps import REPLY_CAP

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


# --- Inbox ------------------------------------------------------------------------------------

InboxFilter = Literal["all", "attention", "replied", "skipped", "failed"]
INBOX_FILTERS: dict[InboxFilter, tuple[str, ...]] = {
    "all": (),
    "attention": ("escalated", "failed", "awaiting_approval"),
    "replied": ("replied",),
    "skipped": ("skipped",),
    "failed": ("failed",),
}
PAGE_SIZE = 50
_FAILED_STEPS = {
    "screen": "the email could not be screened",
    "thread": "the email could not be added to its conversation",
    "verify": "the sender could not be checked",
    "agent": "the agent could not finish",
    "send": "the reply could not be sent",
    "send_unconfirmed": "the mail server may or may not have received the reply",
    "reply": "the reply could not be sent",
    "finish": "the outcome could not be recorded",
    "interrupted": "the worker stopped while handling it",
}
_OUTBOUND = {"queued": "Waiting to send", "sending": "Sending", "sent": "Sent"}
_OUTBOUND["failed"] = "Not sent"
_OUTBOUND["unconfirmed"] = "Unconfirmed: the mail server may or may not have received it"


def outcome_label(direction: str, status: str, reason: str | None) -> str:
    """A message's outcome as people read it: `Skipped: bounce or delivery report`."""
    if direction == "out":
        return _OUTBOUND.get(status, status)
    if status == "skipped":
        return f"Skipped: {_skip_label(reason)}"
    if status == "failed":
        return f"Failed: {_FAILED_STEPS.get(reason or '', 'an unexpected error')}"
    if status == "replied" and reason == MANUAL_REPLY:
        return "Replied by a person"
    return {
        "replied": "Replied",
        "escalated": "Needs a person",
        "awaiting_approval": "Awaiting approval",
        "awaiting_verification": "Awaiting verification",
        "received": "Processing",
        "sending": "Waiting to send",
    }.get(status, status.replace("_", " "))


def _skip_label(reason: str | None) -> str:
    if reason == REPLY_CAP:
        return "reply cap reached"
    if reason in set(SkipReason):
        return SkipReason(reason).label.lower()
    return (reason or "unknown").replace("_", " ")


@dataclass(frozen=True)
class ThreadRow:
    """One line of the Inbox: a conversation, or an email never threaded (screened out)."""

    conversation_id: int | None
    message_id: int
    """The latest inbound message, whose outcome the row shows."""
    customer: str
    subject: str
    messages: int
    status: str
    status_reason: str | None
    outcome: str
    last_activity_at: datetime


@dataclass(frozen=True)
class InboxPage:
    rows: list[ThreadRow]
    page: int
    has_next: bool


def inbox(session: Session, workspace_id: int, status: InboxFilter, q: str, page: int) -> InboxPage:
    """One query: every conversation's latest inbound message, with the conversation's
    message count and last activity, plus inbound messages never threaded."""
    stats = (
        select(
            Message.conversation_id,
            func.count().label("messages"),
            func.max(Message.created_at).label("last_at"),
        )
        .where(Message.workspace_id == workspace_id, Message.conversation_id.is_not(None))
        .group_by(Message.conversation_id)
        .subquery()
    )
    latest_inbound = (
        select(func.max(Message.id))
        .where(
            Message.workspace_id == workspace_id,
            Message.direction == "in",
            Message.conversation_id.is_not(None),
        )
        .group_by(Message.conversation_id)
    )
    last_at = func.coalesce(stats.c.last_at, Message.created_at)
    query = (
        select(
            Message.id,
            Message.conversation_id,
            Message.from_address,
            Message.subject,
            Message.status,
            Message.status_reason,
            Conversation.customer_email,
            Conversation.subject,
            stats.c.messages,
            last_at,
        )
        .outerjoin(
            Conversation,
            (Conversation.id == Message.conversation_id)
            & (Conversation.workspace_id == workspace_id),
        )
        .outerjoin(stats, stats.c.conversation_id == Message.conversation_id)
        .where(
            Message.workspace_id == workspace_id,
            Message.direction == "in",
            or_(Message.conversation_id.is_(None), Message.id.in_(latest_inbound)),
        )
    )
    if statuses := INBOX_FILTERS[status]:
        query = query.where(Message.status.in_(statuses))
    if needle := q.strip().lower():
        query = query.where(
            or_(
                *(
                    func.lower(column).contains(needle, autoescape=True)
                    for column in (Message.from_address, Message.subject, Conversation.subject)
                )
            )
        )
    rows = session.execute(
        query.order_by(last_at.desc(), Message.id.desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
    ).all()
    return InboxPage(
        rows=[
            ThreadRow(
                conversation_id=conversation_id,
                message_id=message_id,
                customer=customer or sender,
                subject=subject or thread_subject or "",
                messages=count or 1,
                status=state,
                status_reason=reason,
                outcome=outcome_label("in", state, reason),
                last_activity_at=activity,
            )
            for (
                message_id,
                conversation_id,
                sender,
                subject,
                state,
                reason,
                customer,
                thread_subject,
                count,
                activity,
            ) in rows[:PAGE_SIZE]
        ],
        page=page,
        has_next=len(rows) > PAGE_SIZE,
    )


@dataclass(frozen=True)
class ThreadMessage:
    id: int
    direction: str
    sender: str
    to: str
    subject: str
    text: str
    """Inbound: what the customer wrote this time (quotes left out); outbound: our reply."""
    status: str
    status_reason: str | None
    status_detail: str | None
    outcome: str
    created_at: datetime
    retryable: bool
    trace: Trace | None


@dataclass(frozen=True)
class Thread:
    conversation_id: int | None
    customer: str
    subject: str
    messages: list[ThreadMessage]
    reply_to_id: int | None
    """The latest inbound message, which a reply by hand answers."""


def thread(session: Session, workspace_id: int, conversation_id: int) -> Thread:
    conversation = session.scalar(
        select(Conversation).where(
            Conversation.id == conversation_id, Conversation.workspace_id == workspace_id
        )
    )
    if conversation is None:
        raise NotFound(f"No conversation {conversation_id} in this workspace.")
    messages = list(
        session.scalars(
            select(Message)
            .where(Message.workspace_id == workspace_id, Message.conversation_id == conversation_id)
            .order_by(Message.created_at, Message.id)
        )
    )
    inbound = [m for m in messages if m.direction == "in"]
    return Thread(
        conversation_id=conversation.id,
        customer=conversation.customer_email,
        subject=inbound[0].subject if inbound else conversation.subject,
        messages=_thread_messages(session, workspace_id, messages),
        reply_to_id=inbound[-1].id if inbound else None,
    )


def lone_message(session: Session, workspace_id: int, message_id: int) -> Thread:
    """An inbound email that never joined a conversation (screened out before threading)."""
    message = session.scalar(
        select(Message).where(Message.id == message_id, Message.workspace_id == workspace_id)
    )
    if message is None:
        raise NotFound(f"No message {message_id} in this workspace.")
    return Thread(
        conversation_id=message.conversation_id,
        customer=message.from_address,
        subject=message.subject,
        messages=_thread_messages(session, workspace_id, [message]),
        reply_to_id=None,
    )


def _thread_messages(
    session: Session, workspace_id: int, messages: list[Message]
) -> list[ThreadMessage]:
    runs: dict[int, AgentRun] = {}
    for run in session.scalars(
        select(AgentRun)
        .where(
            AgentRun.workspace_id == workspace_id,
            AgentRun.message_id.in_([m.id for m in messages]),
        )
        .order_by(AgentRun.id)
    ):
        assert run.message_id is not None
        runs[run.message_id] = run  # the latest run of each message
    return [_thread_message(message, runs.get(message.id)) for message in messages]


def _thread_message(message: Message, run: AgentRun | None) -> ThreadMessage:
    parsed = parse_message(message.raw)
    trace = None
    if run is not None:
        trace = Trace.model_validate(run.trace)
        trace.run_id = run.id
    return ThreadMessage(
        id=message.id,
        direction=message.direction,
        sender=parsed.sender.address if parsed.sender else message.from_address,
        to=message.to_addresses or ", ".join(a.address for a in parsed.to),
        subject=parsed.subject or message.subject,
        text=parsed.new_text,
        status=message.status,
        status_reason=message.status_reason,
        status_detail=message.status_detail,
        outcome=outcome_label(message.direction, message.status, message.status_reason),
        created_at=message.created_at,
        retryable=message.direction == "in"
        and message.status == "failed"
        and message.status_reason != "send_unconfirmed",  # a person answers by hand instead
        trace=trace,
    )
