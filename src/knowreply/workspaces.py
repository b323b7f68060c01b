"""Workspaces (one business each), their plan and settings, and their members."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, Field, field_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowreply.db.models import Member, Workspace
from knowreply.errors import KnowreplyError, NotFound
from knowreply.money import Money

DEFAULT_WORKSPACE = "default"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_password_hasher = PasswordHasher()


@dataclass(frozen=True)
class Plan:
    name: str
    label: str
    integrations_allowed: bool


PLANS = {
    plan.name: plan
    for plan in (
        Plan("self_hosted", "Self-hosted", integrations_allowed=True),
        Plan("trial", "Trial without integrations", integrations_allowed=False),
    )
}


class WorkspaceSettings(BaseModel):
    """The business profile and policy a workspace owner edits in Settings."""

    business_name: str = "Customer Support"
    tone: Literal["friendly", "formal"] = "friendly"
    signature: str = ""
    timezone: str = "UTC"
    support_address: str | None = None
    """Our own inbound address: mail from it is never answered (loops)."""
    approval_mode: Literal["auto", "always", "above_amount"] = "always"
    approval_threshold_minor: int = 5_000
    default_currency: str = "usd"
    """For amounts a customer writes without a currency ("refund 20"), and the currency of
    every limit below: an amount in another currency is never compared with them."""
    refund_cap_minor: int = 50_000
    """The largest refund the agent may make, in minor units of the charge's currency."""
    refund_window_days: int = Field(default=60, ge=0)
    refund_total_per_email_minor: int | None = Field(default=None, ge=0)
    """Refunds of one email above this total wait for a member (None: the per-refund limit)."""
    refund_total_per_customer_30d_minor: int | None = Field(default=None, ge=0)
    """Refunds to one customer in a rolling 30 days above this total wait for a member."""
    refund_total_per_workspace_day_minor: int | None = Field(default=None, ge=0)
    """Refunds of the whole workspace in a day (UTC) above this total wait for a member
    (None: ten times the per-refund limit)."""
    run_max_model_requests: int = Field(default=8, ge=1, le=100)
    """Model requests one email may take; then a person answers it."""
    run_max_tool_calls: int = Field(default=12, ge=1, le=200)
    run_max_tokens: int = Field(default=60_000, ge=1_000, le=10_000_000)
    """Input plus output tokens one email may take (LLM brains)."""
    run_max_seconds: float = Field(default=180.0, gt=0, le=3_600)
    daily_token_budget: int = Field(default=2_000_000, ge=0, le=10**10)
    """Tokens the workspace's LLM brain may use per day (UTC); then emails go to a person."""
    portal_return_url: str = "https://example.com/account"
    trusted_authserv_ids: list[str] = Field(default_factory=list)
    unknown_sender_reply: Literal["none", "neutral"] = "none"
    """Email from an address that is no customer: `none` hands it to a person unanswered
    (anyone can write from any address); `neutral` sends the short fixed reply."""
    acknowledge_waiting: bool = True
    """While a refund or cancellation waits for a member, tell the customer in a short reply
    what will be checked and that a person confirms it (the reply still follows the
    decision)."""
    brain: Literal["rules", "openai", "anthropic"] = "rules"
    llm_model: str | None = None
    """For the openai and anthropic brains: `gpt-4.1-mini`, `claude-sonnet-4-5`, `llama3.1`…"""
    llm_base_url: str | None = None
    """An OpenAI-compatible server (Azure, Ollama, vLLM); empty for the provider's own."""
    llm_api_key_encrypted: str | None = None
    """The provider's API key, encrypted with the master key; never shown or returned."""
    llm_timeout_seconds: float = Field(default=60.0, gt=0, le=600)
    """How long one LLM request may take before the SDK retries it."""
    llm_max_retries: int = Field(default=3, ge=0, le=10)
    """Retries of a timed-out, rate-limited or failed (5xx) LLM request, with backoff."""

    def money(self, amount_minor: int) -> Money:
        """A limit of these settings: its amount is in the workspace's default currency."""
        return Money(amount_minor=amount_minor, currency=self.default_currency)

    @property
    def automatic_refund_limit(self) -> Money:
        """The largest refund made without a member: the threshold when asking above an
        amount, else the cap."""
        if self.approval_mode == "above_amount":
            return self.money(min(self.approval_threshold_minor, self.refund_cap_minor))
        return self.money(self.refund_cap_minor)

    @field_validator("trusted_authserv_ids")
    @classmethod
    def _lower(cls, values: list[str]) -> list[str]:
        return sorted({value.strip().lower() for value in values if value.strip()})


class WorkspaceNameError(KnowreplyError):
    pass


class AmbiguousWorkspace(KnowreplyError):
    pass


def settings_of(workspace: Workspace) -> WorkspaceSettings:
    return WorkspaceSettings.model_validate(workspace.settings or {})


def create_workspace(session: Session, name: str, *, plan: str = "self_hosted") -> Workspace:
    if not _NAME.match(name):
        raise WorkspaceNameError(
            f"workspace name {name!r}: use 1-63 lower-case letters, digits or dashes"
        )
    if plan not in PLANS:
        raise WorkspaceNameError(f"unknown plan {plan!r}; plans: {', '.join(PLANS)}")
    if session.scalar(select(Workspace).where(Workspace.name == name)) is not None:
        raise WorkspaceNameError(f"a workspace named {name!r} already exists")
    workspace = Workspace(name=name, plan=plan, settings=WorkspaceSettings().model_dump())
    session.add(workspace)
    session.flush()
    return workspace


def list_workspaces(session: Session) -> list[Workspace]:
    return list(session.scalars(select(Workspace).order_by(Workspace.name)))


def ensure_default_workspace(session: Session) -> Workspace | None:
    """Create `default` when there is no workspace at all; returns it when created."""
    if session.scalar(select(func.count()).select_from(Workspace)):
        return None
    return create_workspace(session, DEFAULT_WORKSPACE)


def resolve_workspace(session: Session, name: str | None) -> Workspace:
    """The named workspace, or the only one when no name is given."""
    if name:
        workspace = session.scalar(select(Workspace).where(Workspace.name == name))
        if workspace is None:
            raise NotFound(f"no workspace named {name!r} (see `knowreply workspace list`)")
        return workspace
    workspaces = list_workspaces(session)
    if len(workspaces) == 1:
        return workspaces[0]
    if not workspaces:
        raise NotFound("no workspace yet: run `knowreply init`")
    names = ", ".join(w.name for w in workspaces)
    raise AmbiguousWorkspace(f"several workspaces ({names}): choose one with --workspace NAME")


def hash_password(password: str) -> str:
    return _password_hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _password_hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


MIN_PASSWORD_LENGTH = 10
ROLES = ("owner", "member", "viewer")
"""owner: everything; member: operate and edit the profile; viewer: read only
(see `knowreply.access`)."""


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise KnowreplyError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")


def set_password(member: Member, password: str) -> None:
    """A new password (the caller also ends the member's sessions and tokens)."""
    _check_password(password)
    member.password_hash = hash_password(password)


def create_member(
    session: Session, workspace: Workspace, email: str, password: str, *, role: str = "owner"
) -> Member:
    email = email.strip().lower()
    if "@" not in email:
        raise KnowreplyError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise KnowreplyError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    _check_password(password)
    exists = session.scalar(
        select(Member).where(Member.workspace_id == workspace.id, Member.email == email)
    )
    if exists is not None:
        raise KnowreplyError(f"{email} is already a member of {workspace.name}")
    member = Member(
        workspace_id=workspace.id, email=email, password_hash=hash_password(password), role=role
    )
    session.add(member)
    session.flush()
    return member
