"""`make demo`: a workspace connected to a fake Stripe account, ready to try on this machine.

The fake Stripe server runs as its own process on loopback (`knowreply.demo_stripe`), seeded
with demo customers and keeping its account in a state file next to the database, so a
refund made in the demo is still there after a restart. The workspace gets a demo member, the
demo restricted key and a business name. Running the demo again keeps the workspace and
member and reconnects to the new fake server.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from knowreply import demo_stripe
from knowreply.db.models import Member
from knowreply.db.session import transaction
from knowreply.integrations.stripe import connection, service
from knowreply.integrations.stripe.keys import parse_key
from knowreply.runtime import Runtime
from knowreply.workspace_settings import SettingsChange, update
from knowreply.workspaces import WorkspaceSettings, create_member, resolve_workspace, settings_of

DEMO_EMAIL = "demo@knowreply.local"
DEMO_PASSWORD = "knowreply-demo"  # only ever served on 127.0.0.1
DEMO_BUSINESS = "Acme Cloud (demo)"
FAKE_STRIPE_PORT = 8420
FAKE_STRIPE_STATE = "fake-stripe.json"
"""The demo account's state file, in the data directory next to the database."""
ACTOR = "demo"


@dataclass(frozen=True)
class DemoSignIn:
    email: str
    password: str


def start_fake_stripe(
    preferred_port: int = FAKE_STRIPE_PORT, *, data_dir: Path | None = None
) -> demo_stripe.FakeStripeProcess:
    """The demo-seeded fake on 127.0.0.1, on `preferred_port` when free (0: any free port).

    With `data_dir`, the account is kept in its state file there across restarts.
    """
    port = preferred_port if preferred_port and demo_stripe.port_free(preferred_port) else 0
    state_file = Path(data_dir) / FAKE_STRIPE_STATE if data_dir is not None else None
    return demo_stripe.start(port, state_file=state_file)


def reset_fake_stripe_state(data_dir: Path) -> None:
    """Forget the demo account (with the database it belongs to)."""
    (Path(data_dir) / FAKE_STRIPE_STATE).unlink(missing_ok=True)


def with_stripe_api_base(runtime: Runtime, url: str) -> Runtime:
    """The runtime as if started with KNOWREPLY_STRIPE_API_BASE=url."""
    settings = runtime.settings.model_copy(update={"stripe_api_base": url})
    return dataclasses.replace(runtime, settings=settings)


def _needs_connecting(runtime: Runtime, workspace_id: int, demo_key: str) -> bool:
    with runtime.sessions() as session:
        stored = connection.get_connection(session, workspace_id)
        return not (
            stored is not None
            and stored.status == connection.ConnectionStatus.CONNECTED
            and stored.credentials_masked == parse_key(demo_key).masked
            and stored.api_base == runtime.settings.stripe_api_base
        )


def prepare_demo(runtime: Runtime) -> DemoSignIn:
    """Idempotent: a demo member, the business name, and (when the runtime has a Stripe API
    base, the fake's) the demo key connected."""
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, None)
        workspace_id, workspace_name = workspace.id, workspace.name
        exists = session.scalar(
            select(Member).where(Member.workspace_id == workspace.id, Member.email == DEMO_EMAIL)
        )
        if exists is None:
            create_member(session, workspace, DEMO_EMAIL, DEMO_PASSWORD)
        if settings_of(workspace).business_name == WorkspaceSettings().business_name:
            change = SettingsChange(business_name=DEMO_BUSINESS)
            update(session, workspace.id, change, master_key=runtime.master_key, actor=ACTOR)
    account = demo_stripe.demo_account_or_none(runtime.settings.stripe_api_base)
    if account is not None and _needs_connecting(runtime, workspace_id, account.key):
        asyncio.run(service.connect(runtime, workspace_name, account.key, actor=ACTOR))
    return DemoSignIn(DEMO_EMAIL, DEMO_PASSWORD)
