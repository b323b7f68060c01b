"""Who may do what: roles, token scopes, and refusals that are audited.

Three roles, each allowed what the one below may do plus more:

- ``viewer``: read every page and API answer of the workspace;
- ``member``: also operate (run the Simulator, decide approvals, retry, reply by hand,
  re-check Stripe) and edit the business profile;
- ``owner``: also everything security-relevant (see `workspace_settings.OWNER_FIELDS`),
  Stripe, members and API tokens.

An API token acts for the member who made it, capped by its scope (``read``: a viewer);
a token made by the operator (the CLI without ``--as``) acts as an owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, get_args

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from knowreply import audit
from knowreply.db.models import ApiToken, WebSession
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.errors import KnowreplyError

Role = Literal["viewer", "member", "owner"]
Scope = Literal["read", "full"]
ROLES: tuple[Role, ...] = get_args(Role)
SCOPES: tuple[Scope, ...] = get_args(Scope)
OPERATOR = "operator"
"""The audit actor of a CLI command run without ``--as``."""


class Caller(Protocol):
    """Anyone acting on a workspace: a dashboard member, an API token, the CLI."""

    @property
    def workspace_id(self) -> int: ...
    @property
    def actor(self) -> str: ...
    @property
    def role(self) -> Role: ...
    @property
    def member_id(self) -> int | None: ...


@dataclass(frozen=True)
class Operator:
    """The operator at the CLI, or a member named with ``--as``."""

    workspace_id: int
    actor: str = OPERATOR
    role: Role = "owner"
    member_id: int | None = None


class Forbidden(KnowreplyError):
    """The caller's role does not allow it (403); the app and the CLI audit it."""

    status = 403

    def __init__(self, detail: str, *, caller: Caller, action: str) -> None:
        super().__init__(detail)
        self.workspace_id = caller.workspace_id
        self.actor = caller.actor
        self.role = caller.role
        self.action = action


def allows(role: Role, needed: Role) -> bool:
    return ROLES.index(role) >= ROLES.index(needed)


def capped(role: Role, scope: Scope) -> Role:
    """A token's role: its member's, at most a viewer's for a read-only token."""
    return "viewer" if scope == "read" else role


def as_role(value: str) -> Role:
    """A stored role; anything unknown counts as the least (a viewer)."""
    for role in ROLES:
        if role == value:
            return role
    return "viewer"


def require(caller: Caller, needed: Role, *, action: str, what: str) -> None:
    """Refuse (403) unless the caller's role allows `needed`."""
    if not allows(caller.role, needed):
        raise Forbidden(
            f"{what} is for {needed}s of the workspace; you are a {caller.role}.",
            caller=caller,
            action=action,
        )


def record_refusal(sessions: sessionmaker[Session], error: Forbidden) -> None:
    """Audit a refusal in its own transaction (the refused one is rolled back)."""
    with transaction(sessions) as session:
        audit.record(
            session,
            error.workspace_id,
            actor=error.actor,
            action="access.refused",
            target=error.action,
            result="refused",
            detail={"role": error.role, "why": error.detail},
        )


def revoke_member_access(session: Session, member_id: int) -> None:
    """End every session and revoke every token of a member (password changed, removed)."""
    now = utcnow()
    for row in session.scalars(
        select(WebSession).where(WebSession.member_id == member_id, WebSession.revoked_at.is_(None))
    ):
        row.revoked_at = now
    for token in session.scalars(
        select(ApiToken).where(ApiToken.member_id == member_id, ApiToken.revoked_at.is_(None))
    ):
        token.revoked_at = now
