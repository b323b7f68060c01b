"""The reads the Simulator, Approvals and Inbox pages make, always within one workspace."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from knowreply.agent.actions import basis_of, stored_plan
from knowreply.agent.plans import RefundPlan
from knowreply.agent.trace import Trace, WrittenEmail
from knowreply.db.models import (
    Action,
    AgentRun,
    AuditEvent,
    CapabilitySetting,
    Conversation,
    InboundAddress,
    Mailbox,
    Member,
    Message,
    OutboxItem,
    SmtpAccount,
    Workspace,
)
from knowreply.errors import NotFound
from knowreply.integrations.stripe.capabilities import CAPABILITIES
from knowreply.integrations.stripe.connection import ConnectionStatus, get_connection
from knowreply.mail.parse import parse_message
from knowreply.mail.screen import SkipReason
from knowreply.money import Money
from knowreply.pipeline.manual import MANUAL_REPLY
from knowreply.pipeline.steps import REPLY_CAP
from knowreply.web import audit_sentences, texts
from knowreply.workspaces import settings_of

PENDING = "awaiting_approval"
DECIDED = ("approved", "rejected", "done", "failed", "cancelled")
Decision = Literal["approve", "reject"]
WRITE_CAPABILITIES = [c.name.value for c in CAPABILITIES.values() if c.access == "write"]


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
    basis: str | None = None
    """How a refund's amount was sized from Stripe's facts (the unused part of a period)."""
    at_most: str | None = None
    """A refund planned without an amount: the most the approving member may set (what was
    still refundable), formatted; None when the amount is fixed."""
    currency: str | None = None
    """The currency of the amount a member sets (upper case), with `at_most`."""


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


def _asking_email(message: Message | None, run: AgentRun | None) -> AskingEmail | None:
    if message is None:
        return _simulated_email(run)
    parsed = parse_message(message.raw)
    return AskingEmail(
        sender=parsed.sender.address if parsed.sender else message.from_address,
        subject=parsed.subject or message.subject,
        text=parsed.new_text,
        received_at=message.created_at,
    )


def _simulated_email(run: AgentRun | None) -> AskingEmail | None:
    """A Simulator run has no stored email: the email as it was written in the Simulator."""
    if run is None:
        return None
    written = run.trace.get("simulated")
    if not isinstance(written, dict):
        return None
    email = WrittenEmail.model_validate(written)
    return AskingEmail(
        sender=str(run.trace.get("sender", "")),
        subject=email.subject,
        text=email.text,
        received_at=run.started_at,
    )


def remember_simulated_email(
    session: Session, workspace_id: int, run_id: int, email: WrittenEmail
) -> None:
    """Keep a Simulator run's email with its trace (a Simulator run stores no message)."""
    run = session.scalar(
        select(AgentRun).where(AgentRun.id == run_id, AgentRun.workspace_id == workspace_id)
    )
    if run is not None:
        run.trace = {**run.trace, "simulated": email.model_dump(mode="json")}


def _view(
    action: Action, message: Message | None, decided_by: str | None, run: AgentRun | None
) -> ActionView:
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
        email=_asking_email(message, run),
        created_at=action.created_at,
        decided_at=action.decided_at,
        decided_by=decided_by,
        basis=basis_of(action).get("basis"),
        **_amount_to_set(action),
    )


def _amount_to_set(action: Action) -> dict[str, str]:
    """The bounds of the amount a member sets, for a refund planned without one."""
    plan = stored_plan(action) if action.status == PENDING else None
    if not isinstance(plan, RefundPlan) or not plan.to_be_sized:
        return {}
    most = plan.most_to_set
    return {"at_most": most.format(), "currency": most.currency.upper()}


def _actions_query(workspace_id: int) -> Select[Action, Message, str, AgentRun]:
    return (
        select(Action, Message, Member.email, AgentRun)
        .outerjoin(
            Message, (Message.id == Action.message_id) & (Message.workspace_id == workspace_id)
        )
        .outerjoin(Member, Member.id == Action.approved_by_member_id)
        .outerjoin(
            AgentRun, (AgentRun.id == Action.run_id) & (AgentRun.workspace_id == workspace_id)
        )
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
    return [_view(action, message, email, run) for action, message, email, run in rows]


def run_actions(session: Session, workspace_id: int, run_id: int | None) -> list[ActionView]:
    """The actions one agent run prepared (the Simulator shows what waits, with amounts)."""
    if run_id is None:
        return []
    rows = session.execute(
        _actions_query(workspace_id).where(Action.run_id == run_id).order_by(Action.id)
    )
    return [_view(action, message, email, run) for action, message, email, run in rows]


def action_by_id(session: Session, workspace_id: int, action_id: int) -> ActionView:
    row = session.execute(_actions_query(workspace_id).where(Action.id == action_id)).first()
    if row is None:
        raise NotFound(f"No action {action_id} in this workspace.")
    action, message, email, run = row
    return _view(action, message, email, run)


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


def outcome_label(direction: str, status: str, reason: str | None) -> str:
    """A message's outcome as people read it: `Skipped: bounce or delivery report`."""
    if direction == "in" and status == "replied" and reason == MANUAL_REPLY:
        return "Replied by a person"
    return texts.message_outcome(direction, status, reason, skip=_skip_label(reason))


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
    acknowledgement: bool = False
    """Outbound: the note sent while an action waited for a member, not the reply."""


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
    acknowledgements = set(
        session.scalars(
            select(OutboxItem.outbound_message_id).where(
                OutboxItem.workspace_id == workspace_id,
                OutboxItem.kind == "acknowledgement",
                OutboxItem.outbound_message_id.in_([m.id for m in messages]),
            )
        )
    )
    return [
        _thread_message(message, runs.get(message.id), message.id in acknowledgements)
        for message in messages
    ]


def _thread_message(
    message: Message, run: AgentRun | None, acknowledgement: bool = False
) -> ThreadMessage:
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
        acknowledgement=acknowledgement,
    )


# --- Header and guided setup ------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """What every page's header shows: the business, what waits, whether this is the demo."""

    business_name: str
    waiting: int
    demo: bool


def header(
    session: Session, workspace_id: int, *, demo_key_masked: str | None, demo_member: str
) -> Header:
    """`demo`: the demo key is connected, or the demo's member exists (after a Disconnect
    the Demo page offers to reconnect the key)."""
    workspace = session.get_one(Workspace, workspace_id)
    waiting = waiting_count(session, workspace_id)
    stripe = get_connection(session, workspace_id)
    return Header(
        business_name=settings_of(workspace).business_name,
        waiting=waiting,
        demo=(
            stripe is not None
            and demo_key_masked is not None
            and stripe.credentials_masked == demo_key_masked
        )
        or _exists(
            session,
            select(Member.id).where(
                Member.workspace_id == workspace_id, Member.email == demo_member
            ),
        ),
    )


def waiting_count(session: Session, workspace_id: int) -> int:
    """How many actions wait for a member (the nav's badge)."""
    waiting = session.scalar(
        select(func.count())
        .select_from(Action)
        .where(Action.workspace_id == workspace_id, Action.status == PENDING)
    )
    return int(waiting or 0)


@dataclass(frozen=True)
class SetupStep:
    key: str
    title: str
    done: bool
    href: str
    action: str
    """What the link does: `Connect Stripe`, `Try the Simulator`."""
    detail: str


def _exists(session: Session, query: Select[int]) -> bool:
    return session.scalar(query.limit(1)) is not None


def setup_steps(session: Session, workspace_id: int) -> list[SetupStep]:
    """The home page's checklist, each step read from what is stored."""
    stripe = get_connection(session, workspace_id)
    connected = stripe is not None and stripe.status == ConnectionStatus.CONNECTED
    writes = _exists(
        session,
        select(CapabilitySetting.id).where(
            CapabilitySetting.workspace_id == workspace_id,
            CapabilitySetting.enabled.is_(True),
            CapabilitySetting.capability.in_(WRITE_CAPABILITIES),
        ),
    )
    mail_in = _exists(
        session, select(Mailbox.id).where(Mailbox.workspace_id == workspace_id)
    ) or _exists(
        session, select(InboundAddress.id).where(InboundAddress.workspace_id == workspace_id)
    )
    mail_out = _exists(
        session, select(SmtpAccount.id).where(SmtpAccount.workspace_id == workspace_id)
    )
    simulated = _exists(
        session,
        select(AgentRun.id).where(
            AgentRun.workspace_id == workspace_id, AgentRun.source == "simulator"
        ),
    )
    live = connected and stripe is not None and stripe.mode == "live"
    answered = _exists(
        session,
        select(Message.id).where(
            Message.workspace_id == workspace_id,
            Message.direction == "out",
            Message.status == "sent",
        ),
    )
    return [
        SetupStep(
            "stripe",
            "Connect Stripe",
            connected,
            "/toolkit",
            "Open the Toolkit",
            "A restricted key lets the agent find your customers and their payments.",
        ),
        SetupStep(
            "capabilities",
            "Choose what the agent may do",
            writes,
            "/toolkit#capabilities",
            "Choose capabilities",
            "Reads are on; turn on refunds, cancellations or links when you want them.",
        ),
        SetupStep(
            "mail",
            "Connect mail",
            mail_in and mail_out,
            "/mail",
            "Set up mail",
            "Where customers' emails arrive (IMAP, an inbound address or a provider "
            "webhook) and the SMTP server replies go out through.",
        ),
        SetupStep(
            "simulator",
            "Try the Simulator",
            simulated,
            "/simulator",
            "Open the Simulator",
            "Write as a customer and see what the agent would do; nothing is emailed.",
        ),
        SetupStep(
            "live",
            "Go live",
            live and answered,
            "/toolkit",
            "Connect a live key" if not live else "See the Inbox",
            "A live-mode key, mail connected, and the first reply sent to a real customer.",
        ),
    ]


# --- Approvals: what a card needs from the stored action --------------------------------------


@dataclass(frozen=True)
class ApprovalTarget:
    """What a waiting action is about, read from its row and run: the one place that knows
    how an action records its target (the card's Stripe facts are fetched from these)."""

    action_id: int
    kind: str
    customer_id: str | None
    object_id: str | None
    """The charge (`ch_…`) of a refund, the subscription (`sub_…`) of a cancellation."""
    amount: Money | None
    sender: str | None
    """Who asked: the inbound email's sender, or the Simulator run's."""
    to_be_sized: bool = False
    """A refund planned without an amount: a member sets it on approval."""


def approval_targets(
    session: Session, workspace_id: int, action_ids: Sequence[int]
) -> list[ApprovalTarget]:
    rows = session.execute(
        select(Action, Message.from_address, AgentRun.trace)
        .outerjoin(
            Message, (Message.id == Action.message_id) & (Message.workspace_id == workspace_id)
        )
        .outerjoin(
            AgentRun, (AgentRun.id == Action.run_id) & (AgentRun.workspace_id == workspace_id)
        )
        .where(Action.workspace_id == workspace_id, Action.id.in_(action_ids))
    )
    return [
        ApprovalTarget(
            action_id=action.id,
            kind=action.kind,
            customer_id=action.customer_id,
            object_id=action.target_id,
            amount=(
                Money(amount_minor=action.amount_minor, currency=action.currency)
                if action.amount_minor is not None and action.currency
                else None
            ),
            sender=sender or (str(trace.get("sender")) if trace and trace.get("sender") else None),
            to_be_sized=bool(_amount_to_set(action)),
        )
        for action, sender, trace in rows
    ]


# --- Audit log --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilters:
    kind: str = ""
    customer: str = ""
    member: str = ""
    since: date | None = None
    until: date | None = None
    """Inclusive: events of that whole day (UTC) are kept."""


@dataclass(frozen=True)
class AuditLine:
    event: AuditEvent
    sentence: str
    kind: str
    customer: str | None


def audit_lines(
    session: Session, workspace_id: int, filters: AuditFilters, *, limit: int = 500
) -> list[AuditLine]:
    """The newest events matching the filters, each said as a sentence; the customer of a
    Stripe write or approval is the sender of the email that asked for it."""
    query = (
        select(AuditEvent, Message.from_address, AgentRun.trace)
        .outerjoin(
            Action,
            (Action.idempotency_key == AuditEvent.idempotency_key)
            & (Action.workspace_id == workspace_id),
        )
        .outerjoin(
            Message, (Message.id == Action.message_id) & (Message.workspace_id == workspace_id)
        )
        .outerjoin(
            AgentRun, (AgentRun.id == Action.run_id) & (AgentRun.workspace_id == workspace_id)
        )
        .where(AuditEvent.workspace_id == workspace_id)
    )
    if filters.kind == "connection":
        query = query.where(AuditEvent.action.in_(audit_sentences.CONNECTION_EVENTS))
    elif filters.kind:
        query = query.where(
            AuditEvent.action.startswith(f"{filters.kind}.", autoescape=True),
            AuditEvent.action.not_in(audit_sentences.CONNECTION_EVENTS),
        )
    if member := filters.member.strip().lower():
        query = query.where(func.lower(AuditEvent.actor).contains(member, autoescape=True))
    if filters.since:
        query = query.where(AuditEvent.occurred_at >= _day_start(filters.since))
    if filters.until:
        query = query.where(AuditEvent.occurred_at < _day_start(filters.until + timedelta(days=1)))
    rows = session.execute(
        query.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc()).limit(limit)
    )
    needle = filters.customer.strip().lower()
    lines: list[AuditLine] = []
    for event, sender, trace in rows:
        customer = sender or (str(trace["sender"]) if trace and trace.get("sender") else None)
        searchable = " ".join(
            str(value or "")
            for value in (
                customer,
                event.detail.get("customer"),
                event.detail.get("customer_name"),
                event.detail.get("customer_email"),
            )
        ).lower()
        if needle and needle not in searchable:
            continue
        entry = audit_sentences.AuditEntry(
            action=event.action,
            actor=event.actor,
            target=event.target,
            result=event.result,
            detail=event.detail,
            customer=customer,
        )
        lines.append(
            AuditLine(
                event=event,
                sentence=audit_sentences.sentence(entry),
                kind=audit_sentences.kind_of(event.action),
                customer=customer,
            )
        )
    return lines


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)
