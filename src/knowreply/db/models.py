"""The data model. Change it only together with a new Alembic migration."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from knowreply.db.types import UTCDateTime, utcnow

JSONType = JSON().with_variant(JSONB(), "postgresql")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSONType}  # noqa: RUF012


class Meta(Base):
    """Installation-wide facts, such as the master-key canary."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Workspace(Base):
    """One business: its settings, members, connections and mail."""

    __tablename__ = "workspaces"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    plan: Mapped[str] = mapped_column(String(32), default="self_hosted")
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Business profile and policy, validated by `workspaces.WorkspaceSettings`."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    members: Mapped[list[Member]] = relationship(back_populates="workspace")


class Member(Base):
    """A person who signs in to the dashboard of one workspace."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("workspace_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(320))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="owner")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    notify: Mapped[str | None] = mapped_column(String(16))
    """`immediately`, `daily` or `off`; None: the role's default (`notifications/preferences`)."""

    workspace: Mapped[Workspace] = relationship(back_populates="members")


class ApiToken(Base):
    """A bearer token for the JSON API; only its hash is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    """The member it acts for (their role, capped by the scope); None: made by the operator."""
    scope: Mapped[str] = mapped_column(String(16), default="full", server_default="full")
    """`read` (GET only) or `full` (what its member's role allows)."""
    revoked_at: Mapped[datetime | None]


class IntegrationConnection(Base):
    """A workspace's connection to an outside service (Stripe), with encrypted credentials."""

    __tablename__ = "integration_connections"
    __table_args__ = (UniqueConstraint("workspace_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    credentials: Mapped[str] = mapped_column(Text)
    """Fernet token of the secret; never shown, logged or returned."""
    credentials_masked: Mapped[str] = mapped_column(String(64))
    key_kind: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str] = mapped_column(String(8))
    api_base: Mapped[str | None] = mapped_column(String(255))
    account_id: Mapped[str | None] = mapped_column(String(64))
    """The Stripe account the key reaches (`acct_…`), when the live check learnt it."""
    status: Mapped[str] = mapped_column(String(32), default="unchecked")
    status_detail: Mapped[str | None] = mapped_column(Text)
    permissions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    last_checked_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CapabilitySetting(Base):
    """Whether the business let the agent use one capability of an integration."""

    __tablename__ = "capability_settings"
    __table_args__ = (UniqueConstraint("workspace_id", "integration", "capability"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    integration: Mapped[str] = mapped_column(String(32))
    capability: Mapped[str] = mapped_column(String(64))
    enabled: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Conversation(Base):
    """A thread with one customer address."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    customer_email: Mapped[str] = mapped_column(String(320), index=True)
    subject: Mapped[str] = mapped_column(String(998))
    """The normalised subject (no Re:/Fwd:), for matching replies without references."""
    status: Mapped[str] = mapped_column(String(32), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(default=utcnow)

    messages: Mapped[list[Message]] = relationship(back_populates="conversation")


class Message(Base):
    """One email in or out, raw bytes kept; stored before anything else happens to it."""

    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("workspace_id", "rfc_message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    direction: Mapped[str] = mapped_column(String(8))
    """`in` or `out`."""
    rfc_message_id: Mapped[str] = mapped_column(String(998))
    in_reply_to: Mapped[str | None] = mapped_column(Text)
    references: Mapped[str | None] = mapped_column(Text)
    from_address: Mapped[str] = mapped_column(String(320), default="")
    to_addresses: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    received_via: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32), default="received")
    """Inbound: `received`, then `skipped`, `replied`, `escalated`, `awaiting_approval`,
    `awaiting_verification` or `failed`. Outbound: `queued`, `sent`, `failed`, `unconfirmed`."""
    status_reason: Mapped[str | None] = mapped_column(Text)
    """A stable machine name: the skip reason (`auto_reply`), or the failed step (`send`)."""
    status_detail: Mapped[str | None] = mapped_column(Text)
    """For people: what triggered the skip, or the error."""
    verification: Mapped[str | None] = mapped_column(String(32))
    """The sender verification's reason (`dmarc_pass`, `no_trusted_results`…)."""
    handled_at: Mapped[datetime | None]
    retries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """How many times a person retried it (each retry runs under a new workflow id)."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    conversation: Mapped[Conversation | None] = relationship(back_populates="messages")


class Mailbox(Base):
    """An IMAP mailbox the worker watches for one workspace."""

    __tablename__ = "mailboxes"
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    tls: Mapped[str] = mapped_column(String(16))
    """`ssl`, `starttls` or `none`."""
    username: Mapped[str] = mapped_column(String(320))
    password_encrypted: Mapped[str] = mapped_column(Text)
    """Fernet token; never shown, logged or returned."""
    folder: Mapped[str] = mapped_column(String(255), default="INBOX")
    mark_seen: Mapped[bool] = mapped_column(Boolean, default=True)
    uidvalidity: Mapped[int | None] = mapped_column(sa.BigInteger)
    last_uid: Mapped[int | None] = mapped_column(sa.BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="active")
    """`active`, `error` (the operator must fix something: see `last_error`) or `disabled`."""
    last_error: Mapped[str | None] = mapped_column(Text)
    last_polled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SmtpAccount(Base):
    """Where a workspace's replies are sent from (one per workspace)."""

    __tablename__ = "smtp_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), unique=True
    )
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    tls: Mapped[str] = mapped_column(String(16))
    username: Mapped[str | None] = mapped_column(String(320))
    password_encrypted: Mapped[str | None] = mapped_column(Text)
    from_address: Mapped[str] = mapped_column(String(320))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class InboundAddress(Base):
    """An address mail arrives at over inbound SMTP or a provider webhook -> its workspace."""

    __tablename__ = "inbound_addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    address: Mapped[str] = mapped_column(String(320), unique=True)
    """Lower-cased."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebhookSetting(Base):
    """A provider's webhook credentials for one workspace, encrypted as one JSON document."""

    __tablename__ = "webhook_settings"
    __table_args__ = (UniqueConstraint("workspace_id", "provider"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(16))
    secrets_encrypted: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ProviderEvent(Base):
    """A provider delivery id seen once: a replayed webhook is refused."""

    __tablename__ = "provider_events"
    __table_args__ = (UniqueConstraint("provider", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[str] = mapped_column(String(255))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutboxItem(Base):
    """One email to send in answer to an inbound one. An inbound message has at most one
    *live* row (queued, sending or sent: a partial unique index) of each kind, so nothing
    sends a second reply or a second acknowledgement; a person may add a reply by hand once
    the earlier one is `failed` or `unconfirmed`."""

    __tablename__ = "outbox"
    __table_args__ = (
        sa.Index(
            "uq_outbox_live_reply",
            "inbound_message_id",
            "kind",
            unique=True,
            sqlite_where=sa.text("status IN ('queued', 'sending', 'sent')"),
            postgresql_where=sa.text("status IN ('queued', 'sending', 'sent')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    inbound_message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True
    )
    outbound_message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), unique=True
    )
    recipient: Mapped[str] = mapped_column(String(320), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="reply", server_default="reply")
    """`reply`, or `acknowledgement`: the short note sent while an action waits for a
    member (never in place of the reply that follows the decision)."""
    status: Mapped[str] = mapped_column(String(16), default="queued")
    """`queued`, `sending` (handed to SMTP, answer not yet recorded), `sent`, `failed`,
    `unconfirmed` (a send was interrupted: it may have gone out, so it is never resent), or
    `superseded` (an acknowledgement still queued when the reply itself was written)."""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    author: Mapped[str | None] = mapped_column(String(320))
    """None for the agent's reply; the member (actor) who wrote a reply by hand."""
    sealed_raw: Mapped[str | None] = mapped_column(Text)
    """The email as sent, encrypted, when the stored outbound message is redacted (a
    one-time code); forgotten once sent."""


class AgentRun(Base):
    """One run of the agent on one message: the trace the dashboard and CLI show."""

    __tablename__ = "agent_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(16))
    """`pipeline` or `simulator`."""
    brain: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    trace: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """What a run waiting for approval needs to resume: its input and the model messages."""
    input_tokens: Mapped[int] = mapped_column(default=0)
    output_tokens: Mapped[int] = mapped_column(default=0)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class Action(Base):
    """A write the agent did or wants to do in Stripe (refund, cancellation, link)."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    run_id: Mapped[int | None] = mapped_column(ForeignKey("agent_runs.id", ondelete="SET NULL"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))
    """`awaiting_approval`, `approved`, `rejected`, `running`, `done`, `failed`, `cancelled`
    (its run ended without it: it can no longer be approved)."""
    idempotency_key: Mapped[str] = mapped_column(String(255), unique=True)
    customer_id: Mapped[str | None] = mapped_column(String(255))
    target_id: Mapped[str | None] = mapped_column(String(255))
    amount_minor: Mapped[int | None]
    currency: Mapped[str | None] = mapped_column(String(3))
    arguments: Mapped[dict[str, Any]] = mapped_column(default=dict)
    result: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    approved_by_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AuditEvent(Base):
    """Append-only: every Stripe write and settings change (triggers refuse edits)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(320))
    """Who: a member's email, `agent`, or `cli`."""
    action: Mapped[str] = mapped_column(String(64))
    """What, as an event name: `stripe.refund.create`, `capability.enable`."""
    target: Mapped[str | None] = mapped_column(String(255))
    result: Mapped[str] = mapped_column(String(32))
    idempotency_key: Mapped[str | None] = mapped_column(String(255))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class LoginAttempt(Base):
    """Sign-in attempts, kept for rate limiting across every web process."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), index=True)
    client_ip: Mapped[str] = mapped_column(String(64), index=True)
    succeeded: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class VerificationCode(Base):
    """A one-time code sent to a customer's address to confirm a write request."""

    __tablename__ = "verification_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(320), index=True)
    code_hash: Mapped[str] = mapped_column(String(128))
    """HMAC of the code with a key derived from the master key; the code itself is not kept."""
    request_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE")
    )
    """The email whose request waits for the code."""
    request_text: Mapped[str] = mapped_column(Text)
    """What the customer asked (the new text), carried out once the code is confirmed."""
    request_subject: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class StripeRateSlot(Base):
    """One slot of a Stripe rate-limit window, shared by every process of the deployment.

    A window (an account's global limit, or one of its endpoints) has as many slots as Stripe
    allows requests per second; a request holds a slot from before it is sent until one second
    after its answer (`free_at`), so no second on Stripe's side sees more than the limit.
    """

    __tablename__ = "stripe_rate_slots"
    __table_args__ = (UniqueConstraint("account", "window", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(64))
    """A digest of the key and the address it is sent to (never the key)."""
    window: Mapped[str] = mapped_column(String(160))
    """`test *` (the mode's global limit) or `test GET /v1/customers/search`."""
    slot: Mapped[int]
    free_at: Mapped[float] = mapped_column(Float, default=0.0)
    """Unix time the slot is free again."""


class WorkerHeartbeat(Base):
    """A running worker's sign of life: a live worker recovers the pending workflows of one
    whose heartbeat stopped (killed, host gone), whatever its executor id."""

    __tablename__ = "worker_heartbeats"

    executor_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebSession(Base):
    """A signed-in dashboard session; the cookie carries its id, this table only a hash, so
    signing out or an owner's change ends it on the server at once."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_hash: Mapped[str] = mapped_column(String(128), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class NotificationEvent(Base):
    """Something a member should hear about (an action waits, an email needs a person),
    recorded once under its `key` whatever retries, workers or restarts happen."""

    __tablename__ = "notification_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(160), unique=True)
    """`action-<id>-waiting`, `message-<id>-<status>-<retries>` or `test-<random>`."""
    kind: Mapped[str] = mapped_column(String(32))
    """`approval_waiting`, `needs_person` or `test`."""
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="SET NULL"))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """What the notification says (customer address, amount, reason, conversation id)."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class NotificationDelivery(Base):
    """One email to one member, or one webhook POST: sent at most once (the outbox's rule:
    a row found `sending` after a crash becomes `unconfirmed`, never resent)."""

    __tablename__ = "notification_deliveries"
    __table_args__ = (sa.Index("ix_notification_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(160), unique=True)
    """`event-<id>-email-<member>`, `event-<id>-webhook` or `digest-<member>-<date>`."""
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("notification_events.id", ondelete="CASCADE"), index=True
    )
    """None for a daily digest."""
    channel: Mapped[str] = mapped_column(String(16))
    """`email` or `webhook`."""
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    recipient: Mapped[str] = mapped_column(String(2000))
    """The member's address, or the webhook's host (never its full URL)."""
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """A digest's content, frozen when it was made."""
    status: Mapped[str] = mapped_column(String(16), default="queued")
    """`queued`, `sending`, `sent`, `failed` or `unconfirmed`."""
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class NotificationWebhook(Base):
    """A workspace's webhook for notifications: an URL and its signing secret (encrypted)."""

    __tablename__ = "notification_webhooks"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), unique=True
    )
    url: Mapped[str] = mapped_column(String(2000))
    secret_encrypted: Mapped[str] = mapped_column(Text)
    """Fernet token of the `whsec_…` signing secret; shown once, never logged or returned."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
