"""A customer's "Yes please, go ahead" under the business's quoted offer to cancel: the pipeline
hands the agent the quoted thread beside the new words, so the yes asks for that cancellation
(and it waits for a member); the same yes with no offer quoted asks for nothing."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from knowreply.db.models import Action
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.pipeline.handle import handle
from knowreply.runtime import Runtime
from tests.fake_stripe import FakeStripe
from tests.mailservers import run_smtp_sink
from tests.pipeline.conftest import store_verified, support_with_approvals

OFFER = (
    "\n\nOn Wed, 11 Mar 2026 at 10:02, Support <support@shop.test> wrote:\n"
    "> Hi Carol, sorry the plan isn't working out for you.\n"
    "> Would you like me to cancel your Pro plan at the end of the current period?\n"
)


async def _handled(runtime: Runtime, fake_stripe: FakeStripe, text: str) -> tuple[str, list[str]]:
    async with run_smtp_sink() as sink:
        support = await support_with_approvals(
            runtime, fake_stripe.url, sink.port, CapabilityName.CANCELLATIONS
        )
        message_id = store_verified(
            runtime, support, text, subject="Re: Your Pro plan", sender="carol@example.com"
        )
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
