"""A customer's "Yes please, go ahead" under the business's quoted offer to cancel: the pipeline
hands the agent the quoted thread beside the new words, so the yes asks for that cancellation
(and it waits for a member); the same yes with no offer quoted asks for nothing."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.db.models import Action, Workspace
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.pipeline.handle import handle
from knowreply.runtime import Runtime
from knowreply.workspaces import settings_of
from tests.fake_stripe import FakeStripe
from tests.mailservers import run_smtp_sink
from tests.pipeline.conftest import configure_support, customer_email

TRUSTED = "mx.shop.test"
DMARC_PASS = f"{TRUSTED}; dmarc=pass (p=reject) header.from=example.com"
OFFER = (
    "\n\nOn Wed, 11 Mar 2026 at 10:02, Support <support@shop.test> wrote:\n"
    "> Hi Carol, sorry the plan isn't working out for you.\n"
    "> Would you like me to cancel your Pro plan at the end of the current period?\n"
)


async def _handled(runtime: Runtime, fake_stripe: FakeStripe, text: str) -> tuple[str, list[str]]:
    await service.connect(
        runtime, None, DEMO_RESTRICTED_KEY, actor="test", api_base=fake_stripe.url
    )
    async with run_smtp_sink() as sink:
        support = configure_support(runtime, smtp_port=sink.port)
        service.change_capabilities(
            runtime, support.workspace_id, enable=[CapabilityName.CANCELLATIONS], actor="test"
        )
        with transaction(runtime.sessions) as session:
            workspace = session.get_one(Workspace, support.workspace_id)
            workspace.settings = (
                settings_of(workspace)
                .model_copy(update={"approval_mode": "always", "trusted_authserv_ids": [TRUSTED]})
                .model_dump()
            )
        raw = customer_email(
            text,
            subject="Re: Your Pro plan",
            sender="carol@example.com",
            headers={"Authentication-Results": DMARC_PASS},
        )
        with transaction(runtime.sessions) as session:
            message, _ = store_inbound(
                session, support.workspace_id, InboundEnvelope(raw=raw, received_via="imap")
            )
            message_id = message.id
        result = await asyncio.to_thread(handle, runtime, message_id)
        with runtime.sessions() as session:
            kinds = [action.kind for action in session.scalars(select(Action))]
        return result.status, kinds


async def test_a_yes_under_our_offer_to_cancel_waits_for_a_member(
    runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    status, kinds = await _handled(runtime, fake_stripe, f"Yes please, go ahead.\n\nCarol{OFFER}")
    assert (status, kinds) == ("awaiting_approval", ["cancellation"])


async def test_a_yes_with_no_offer_quoted_cancels_nothing(
    runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    status, kinds = await _handled(runtime, fake_stripe, "Yes please, go ahead.\n\nCarol")
    assert status != "awaiting_approval" and kinds == []
