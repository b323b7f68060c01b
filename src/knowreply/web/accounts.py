"""Signing in: password checks with a database-backed rate limit, and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowreply.db.models import ApiToken, LoginAttempt, Member, Workspace
from knowreply.db.types import utcnow
from knowreply.errors import KnowreplyError
from knowreply.workspaces import verify_password

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 20
TOKEN_PREFIX = "kr_"


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
    return Principal(workspace.id, workspace.name, workspace.plan, member.email, member.id)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(session: Session, workspace: Workspace, name: str) -> str:
    """A new bearer token, returned once; only its hash is kept."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(workspace_id=workspace.id, name=name, token_hash=_hash_token(token)))
    session.flush()
    return token


def principal_for_token(session: Session, token: str) -> Principal | None:
    row = session.execute(
        select(ApiToken, Workspace)
        .join(Workspace, ApiToken.workspace_id == Workspace.id)
        .where(ApiToken.token_hash == _hash_token(token))
    ).first()
    if row is None:
        return None
    api_token, workspace = row
    api_token.last_used_at = utcnow()
    return Principal(workspace.id, workspace.name, workspace.plan, f"token:{api_token.name}", None)
