"""How many Stripe requests the agent makes to answer one email, per capability, next to the
targets: `cold` with nothing cached (a new deployment), `first` for a sender not seen within
the cache time (product names known from earlier answers), `repeat` on average for the same
sender again within the cache time.

The fake applies Stripe's published rate limits, so a 429 would show in the last column.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from _fake import running_fake_stripe

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.agent.runner import run_agent
from knowreply.agent.trace import AgentInput, Trace
from knowreply.config import Settings
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.cache import forget_everything
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.logs import configure_logging
from knowreply.runtime import Runtime, initialize
from knowreply.workspaces import resolve_workspace, settings_of

REPEATS = 5
QUESTIONS = [
    # (capability, sender, question, target first, target repeat)
    ("invoices", "alice@example.com", "Can you check my latest invoice?", 2, 1.2),
    ("payments", "bob@example.com", "Why did my payment fail?", 2, 1.2),
    ("subscriptions", "carol@example.com", "When does my subscription renew?", 2, 1.2),
    ("payment history", "alice@example.com", "Can I see my payment history?", 2, 1.2),
    ("history, 2 cust.", "shared@example.com", "Can I see my payment history?", None, None),
    ("payment links", "bob@example.com", "Please send me a link to pay my open invoice.", 2, 1.2),
    ("portal links", "alice@example.com", "My card expired, how do I update my card?", 2, 1.2),
    ("refunds", "alice@example.com", "Please refund my last payment.", 4, None),
    ("cancellations", "carol@example.com", "Please cancel my subscription.", None, None),
    ("unknown sender", "nobody@example.org", "Where is my invoice?", None, None),
]


def ask(runtime: Runtime, workspace_id: int, sender: str, text: str) -> Trace:
    email = AgentInput(workspace_id=workspace_id, sender=sender, text=text, verified=True)
    return asyncio.run(run_agent(runtime, email))


def target(value: float | None) -> str:
    return "-" if value is None else f"<= {value:g}"


def main() -> None:
    configure_logging("warning")
    with (
        tempfile.TemporaryDirectory() as folder,
        running_fake_stripe(seed="demo", stripe_limits=True) as fake,
    ):
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
        print(
            f"{'capability':<18} {'outcome':<10} {'cold':>4} {'first':>5} {'target':>7}"
            f" {'repeat':>6} {'target':>7}  429s"
        )
        repeats_of_reads: list[float] = []
        for label, sender, text, first_target, repeat_target in QUESTIONS:
            forget_everything()
            cold = ask(runtime, workspace_id, sender, text)
            forget_everything(senders_only=True)
            first = ask(runtime, workspace_id, sender, text)
            repeats = [ask(runtime, workspace_id, sender, text) for _ in range(REPEATS)]
            traces = [cold, first, *repeats]
            limited = sum(1 for t in traces for r in t.stripe_requests if r.status == 429)
            repeat = sum(len(t.stripe_requests) for t in repeats) / REPEATS
            if repeat_target is not None:
                repeats_of_reads.append(repeat)
            print(
                f"{label:<18} {first.outcome:<10} {len(cold.stripe_requests):>4}"
                f" {len(first.stripe_requests):>5} {target(first_target):>7} {repeat:>6.1f}"
                f" {target(repeat_target):>7}  {limited}"
            )
        average = sum(repeats_of_reads) / len(repeats_of_reads)
        print(f"average repeat sender (capabilities with a target): {average:.2f} (<= 1.2)")


if __name__ == "__main__":
    main()
