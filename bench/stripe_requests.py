"""How many Stripe requests the agent makes to answer one email, by kind of question."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from _fake import running_fake_stripe

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.agent.runner import run_agent
from knowreply.agent.trace import AgentInput
from knowreply.config import Settings
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.logs import configure_logging
from knowreply.runtime import initialize
from knowreply.workspaces import resolve_workspace, settings_of

QUESTIONS = [
    ("latest invoice", "alice@example.com", "Can you send me my latest invoice?"),
    ("payment history", "alice@example.com", "Can I see my payment history?"),
    ("failed payment", "bob@example.com", "Why did my payment fail?"),
    ("subscription", "carol@example.com", "When does my subscription renew?"),
    ("refund (full)", "alice@example.com", "Please refund my last payment."),
    ("cancellation", "carol@example.com", "Please cancel my subscription."),
    ("unknown sender", "nobody@example.org", "Where is my invoice?"),
    ("two customers, one address", "shared@example.com", "Can I see my payment history?"),
]


def main() -> None:
    configure_logging("warning")
    with tempfile.TemporaryDirectory() as folder, running_fake_stripe(seed="demo") as fake:
        runtime, _ = initialize(Settings(data_dir=Path(folder)))
        asyncio.run(
            service.connect(runtime, None, DEMO_RESTRICTED_KEY, actor="bench", api_base=fake.url)
        )
        with transaction(runtime.sessions) as session:
            workspace = resolve_workspace(session, None)
            workspace.settings = (
                settings_of(workspace).model_copy(update={"approval_mode": "auto"}).model_dump()
            )
            workspace_id = workspace.id
        service.change_capabilities(
            runtime, workspace_id, enable=list(CapabilityName), actor="bench"
        )
        print(f"{'question':<28} {'outcome':<12} stripe requests")
        for label, sender, text in QUESTIONS:
            trace = asyncio.run(
                run_agent(
                    runtime,
                    AgentInput(workspace_id=workspace_id, sender=sender, text=text, verified=True),
                )
            )
            print(f"{label:<28} {trace.outcome:<12} {len(trace.stripe_requests)}")


if __name__ == "__main__":
    main()
