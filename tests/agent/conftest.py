"""Agent tests: a workspace connected to the fake Stripe server with the demo key."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pytest

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.agent.runner import run_agent
from knowreply.agent.trace import AgentInput, Trace
from knowreply.db.models import Workspace
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.runtime import Runtime
from knowreply.workspaces import resolve_workspace, settings_of
from tests.fake_stripe import FakeStripe

ALL_CAPABILITIES = tuple(CapabilityName)


@dataclass
class Shop:
    """The `default` workspace, connected to a fresh demo-seeded fake Stripe."""

    runtime: Runtime
    stripe: FakeStripe
    workspace_id: int

    def settings(self, **changes: Any) -> None:
        with transaction(self.runtime.sessions) as session:
            workspace = session.get(Workspace, self.workspace_id)
            assert workspace is not None
            workspace.settings = settings_of(workspace).model_copy(update=changes).model_dump()

    def capabilities(self, enabled: Iterable[CapabilityName]) -> None:
        on = set(enabled)
        service.change_capabilities(
            self.runtime,
            self.workspace_id,
            enable=on,
            disable=[c for c in CapabilityName if c not in on],
            actor="test",
        )

    def ask(
        self,
        sender: str,
        text: str,
        *,
        subject: str = "Billing question",
        verified: bool = True,
        message_id: int | None = None,
    ) -> Trace:
        return asyncio.run(
            run_agent(
                self.runtime,
                AgentInput(
                    workspace_id=self.workspace_id,
                    sender=sender,
                    subject=subject,
                    text=text,
                    verified=verified,
                    message_id=message_id,
                ),
            )
        )

    def refunds(self) -> list[dict[str, Any]]:
        """Every refund request Stripe answered 200 to (from the fake's request log)."""
        return [
            r
            for r in self.stripe.control.requests()
            if r["method"] == "POST" and r["path"] == "/v1/refunds" and r["status"] == 200
        ]


@pytest.fixture
def shop(runtime: Runtime, fake_stripe: FakeStripe) -> Shop:
    with runtime.sessions() as session:
        workspace_id = resolve_workspace(session, None).id
    view, _ = asyncio.run(
        service.connect(runtime, None, DEMO_RESTRICTED_KEY, actor="test", api_base=fake_stripe.url)
    )
    assert view.connected, view
    built = Shop(runtime, fake_stripe, workspace_id)
    built.capabilities(ALL_CAPABILITIES)
    built.settings(business_name="Acme", approval_mode="auto")
    fake_stripe.control.clear_requests()  # the permission probes are not the test's business
    return built
