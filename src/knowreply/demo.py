"""`make demo`: a workspace with a demo member, ready to try on this machine only."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from knowreply.db.models import Member
from knowreply.db.session import transaction
from knowreply.runtime import Runtime
from knowreply.workspaces import create_member, resolve_workspace

DEMO_EMAIL = "demo@knowreply.local"
DEMO_PASSWORD = "knowreply-demo"  # only ever served on 127.0.0.1


@dataclass(frozen=True)
class DemoSignIn:
    email: str
    password: str


def prepare_demo(runtime: Runtime) -> DemoSignIn:
    """Idempotent: running the demo twice keeps the same workspace and member."""
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, None)
        exists = session.scalar(
            select(Member).where(Member.workspace_id == workspace.id, Member.email == DEMO_EMAIL)
        )
        if exists is None:
            create_member(session, workspace, DEMO_EMAIL, DEMO_PASSWORD)
    return DemoSignIn(DEMO_EMAIL, DEMO_PASSWORD)
