"""Signing in (password checks with a database-backed rate limit), server-side sessions,
and API tokens. Session ids and tokens are random; only their SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowreply import audit
from knowreply.access import Caller, Role, Scope, as_role, capped, require
from knowreply.db.models import ApiToken, LoginAttempt, Member, WebSession, Workspace
from knowreply.db.types import utcnow
from knowreply.errors import KnowreplyError, NotFound
from knowreply.workspaces import verify_password

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 20
TOKEN_PREFIX = "kr_"
SESSION_IDLE = timedelta(hours=2)
"""A session unused this long ends (signing in again starts a new one)."""
SESSION_LIFETIME = timedelta(hours=12)
"""No session lives longer, however busy."""
_TOUCH_EVERY = timedelta(minutes=1)


class TooManyAttempts(KnowreplyError):
    status = 429


@dataclass(frozen=True)
class Principal:
    """Who is calling: a member (dashboard) or an API token, always inside one workspace."""

    workspace_id: int
    workspace_name: str
    plan: str
    actor: str
    """Shown in the audit log: the member's email or `token:<name>`."""
    member_id: int | None
    """The member signed in, or the member a token acts for (None: an operator's token)."""
    role: Role = "viewer"
    """What the caller may do: the member's role, capped by a token's scope."""
    scope: Scope = "full"
    """A token's scope; a `read` token is refused every change (even its own password)."""


def _failures_since(session: Session, *, email: str | None = None, ip: str | None = None) -> int:
    query = (
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.succeeded.is_(False), LoginAttempt.at >= utcnow() - WINDOW)
    )
    if email is not None:
        query = query.where(LoginAttempt.email == email)
    if ip is not None:
        query = query.where(LoginAttempt.client_ip == ip)
    return int(session.scalar(query) or 0)


def sign_in(session: Session, email: str, password: str, client_ip: str) -> Member | None:
    """The member for these credentials, or None; every attempt is recorded (the caller
    commits even on failure, so failures count), and too many failures are refused."""
    email = email.strip().lower()
    if (
        _failures_since(session, email=email) >= MAX_FAILURES_PER_EMAIL
        or _failures_since(session, ip=client_ip) >= MAX_FAILURES_PER_IP
    ):
        raise TooManyAttempts("Too many sign-in attempts. Wait 15 minutes and try again.")
    member = session.scalar(select(Member).where(Member.email == email).order_by(Member.id))
    ok = member is not None and verify_password(member.password_hash, password)
    session.add(LoginAttempt(email=email, client_ip=client_ip, succeeded=ok))
    if not ok or member is None:
        return None
    member.last_login_at = utcnow()
    return member


def principal_for_member(session: Session, member_id: int) -> Principal | None:
    row = session.execute(
        select(Member, Workspace)
        .join(Workspace, Member.workspace_id == Workspace.id)
        .where(Member.id == member_id)
    ).first()
    if row is None:
        return None
    member, workspace = row
    return Principal(
        workspace.id, workspace.name, workspace.plan, member.email, member.id, as_role(member.role)
    )


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# --- sessions ---------------------------------------------------------------------------------


def start_session(session: Session, member_id: int) -> str:
    """A new session for a member who just signed in; returns its id (for the cookie)."""
    session_id = secrets.token_urlsafe(32)
    session.add(WebSession(session_hash=_hash(session_id), member_id=member_id))
    session.flush()
    return session_id


def _live(row: WebSession, now: datetime) -> bool:
    return (
        row.revoked_at is None
        and now - row.last_seen_at < SESSION_IDLE
        and now - row.created_at < SESSION_LIFETIME
    )


def principal_for_session(session: Session, session_id: str) -> Principal | None:
    """The member of a live session (not signed out, revoked, idle or too old)."""
    row = session.scalar(select(WebSession).where(WebSession.session_hash == _hash(session_id)))
    now = utcnow()
    if row is None or not _live(row, now):
        return None
    if now - row.last_seen_at >= _TOUCH_EVERY:
        row.last_seen_at = now
    return principal_for_member(session, row.member_id)


def end_session(session: Session, session_id: str) -> None:
    """Sign out: the session stops working on the server, whatever the browser keeps."""
    row = session.scalar(select(WebSession).where(WebSession.session_hash == _hash(session_id)))
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()


# --- API tokens -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenView:
    """A token as listed: never its secret."""

    id: int
    name: str
    owner: str
    """The member it acts for, or `operator`."""
    scope: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def create_api_token(
    session: Session,
    caller: Caller,
    *,
    name: str,
    scope: Scope,
    member_id: int | None,
) -> tuple[TokenView, str]:
    """A new bearer token acting for `member_id` (None: the operator); the secret is
    returned once and only its hash is kept. Owners only."""
    require(caller, "owner", action="token.create", what="Creating API tokens")
    name = name.strip()
    if not name or len(name) > 100:
        raise KnowreplyError("Give the token a name of 1 to 100 characters.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        workspace_id=caller.workspace_id,
        name=name,
        token_hash=_hash(secret),
        scope=scope,
        member_id=member_id,
    )
    session.add(token)
    session.flush()
    audit.record(
        session,
        caller.workspace_id,
        actor=caller.actor,
        action="token.create",
        target=name,
        result="ok",
        detail={"scope": scope},
    )
    return _token_view(session, token), secret


def _token_view(session: Session, token: ApiToken) -> TokenView:
    member = session.get(Member, token.member_id) if token.member_id is not None else None
    return TokenView(
        id=token.id,
        name=token.name,
        owner=member.email if member else "operator",
        scope=token.scope,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


def list_api_tokens(session: Session, caller: Caller) -> list[TokenView]:
    """The workspace's tokens, revoked ones included (owners only)."""
    require(caller, "owner", action="token.list", what="Listing API tokens")
    tokens = session.scalars(
        select(ApiToken).where(ApiToken.workspace_id == caller.workspace_id).order_by(ApiToken.id)
    )
    return [_token_view(session, token) for token in tokens]


def revoke_api_token(session: Session, caller: Caller, token_id: int) -> TokenView:
    """Revoke a token of this workspace; it stops working with the next request."""
    require(caller, "owner", action="token.revoke", what="Revoking API tokens")
    token = session.scalar(
        select(ApiToken).where(
            ApiToken.id == token_id, ApiToken.workspace_id == caller.workspace_id
        )
    )
    if token is None:
        raise NotFound("No such API token in this workspace.")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(
            session,
            caller.workspace_id,
            actor=caller.actor,
            action="token.revoke",
            target=token.name,
            result="ok",
        )
    return _token_view(session, token)


def principal_for_token(session: Session, secret: str) -> Principal | None:
    """The caller a live token acts for; None for an unknown or revoked token, or one whose
    member is gone."""
    row = session.execute(
        select(ApiToken, Workspace)
        .join(Workspace, ApiToken.workspace_id == Workspace.id)
        .where(ApiToken.token_hash == _hash(secret), ApiToken.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    token, workspace = row
    role: Role = "owner"
    if token.member_id is not None:
        member = session.get(Member, token.member_id)
        if member is None or member.workspace_id != workspace.id:
            return None
        role = as_role(member.role)
    token.last_used_at = utcnow()
    scope: Scope = "read" if token.scope == "read" else "full"
    return Principal(
        workspace.id,
        workspace.name,
        workspace.plan,
        f"token:{token.name}",
        token.member_id,
        capped(role, scope),
        scope,
    )
