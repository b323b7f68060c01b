"""`make demo`: a workspace connected to a fake Stripe account, ready to try on this machine.

The fake Stripe server runs in a background thread on loopback, seeded with demo customers;
the workspace gets a demo member, the demo restricted key and a business name. Running the
demo again keeps the workspace and member and reconnects to the new fake server.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from sqlalchemy import select

from knowreply.access import Operator
from knowreply.db.models import Member
from knowreply.db.session import transaction
from knowreply.integrations.stripe import connection, service
from knowreply.integrations.stripe.fake import DEMO_RESTRICTED_KEY, create_app
from knowreply.integrations.stripe.keys import parse_key
from knowreply.runtime import Runtime
from knowreply.workspace_settings import SettingsChange, update
from knowreply.workspaces import WorkspaceSettings, create_member, resolve_workspace, settings_of

DEMO_EMAIL = "demo@knowreply.local"
DEMO_PASSWORD = "knowreply-demo"  # only ever served on 127.0.0.1
DEMO_BUSINESS = "Acme Cloud (demo)"
FAKE_STRIPE_PORT = 8420
ACTOR = "demo"


@dataclass(frozen=True)
class DemoSignIn:
    email: str
    password: str


@dataclass
class FakeStripeThread:
    """The fake Stripe server running in this process."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_fake_stripe(preferred_port: int = FAKE_STRIPE_PORT) -> FakeStripeThread:
    """The demo-seeded fake on 127.0.0.1, on `preferred_port` when free (0: any free port)."""
    port = preferred_port if preferred_port and _port_free(preferred_port) else _free_port()
    config = uvicorn.Config(
        create_app(seed="demo"),
        host="127.0.0.1",
        port=port,
        log_config=None,
        access_log=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="fake-stripe", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the fake Stripe server did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    return FakeStripeThread(f"http://127.0.0.1:{port}", server, thread)


def with_stripe_api_base(runtime: Runtime, url: str) -> Runtime:
    """The runtime as if started with KNOWREPLY_STRIPE_API_BASE=url."""
    settings = runtime.settings.model_copy(update={"stripe_api_base": url})
    return dataclasses.replace(runtime, settings=settings)


def _needs_connecting(runtime: Runtime, workspace_id: int) -> bool:
    with runtime.sessions() as session:
        stored = connection.get_connection(session, workspace_id)
        return not (
            stored is not None
            and stored.status == connection.ConnectionStatus.CONNECTED
            and stored.credentials_masked == parse_key(DEMO_RESTRICTED_KEY).masked
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
            update(session, Operator(workspace.id, ACTOR), change, master_key=runtime.master_key)
    if runtime.settings.stripe_api_base and _needs_connecting(runtime, workspace_id):
        asyncio.run(service.connect(runtime, workspace_name, DEMO_RESTRICTED_KEY, actor=ACTOR))
    return DemoSignIn(DEMO_EMAIL, DEMO_PASSWORD)
