"""An inbound refund request waits for a member (the customer gets a short acknowledgement);
once approved, the refund is made and the reply goes out through the outbox in the
customer's thread, once."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from knowreply.agent.approvals import decide
from knowreply.audit import events
from knowreply.db.models import Action, Message
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.pipeline.handle import after_decision, handle
from knowreply.runtime import Runtime
from knowreply.web.repository import AuditFilters, audit_lines
from tests.fake_stripe import FakeStripe
from tests.mailservers import run_smtp_sink
from tests.pipeline.conftest import store_verified, support_with_approvals


def refunds_made(fake: FakeStripe) -> int:
    return sum(
        1
        for r in fake.control.requests()
        if r["method"] == "POST" and r["path"] == "/v1/refunds" and r["status"] == 200
    )


async def test_approved_refund_is_made_and_answered_once(
    runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    async with run_smtp_sink() as sink:
        support = await support_with_approvals(
            runtime, fake_stripe.url, sink.port, CapabilityName.REFUNDS
        )
        message_id = store_verified(
            runtime,
            support,
            "Hi, please refund my last payment.",
            subject="Refund",
            sender="alice@example.com",
        )

        waiting = await asyncio.to_thread(handle, runtime, message_id)
        assert waiting.status == "awaiting_approval", waiting
        (acknowledgement,) = sink.received
        assert b"a refund of $49.00" in acknowledgement.raw
        assert refunds_made(fake_stripe) == 0

        with runtime.sessions() as session:
            action = session.scalars(select(Action)).one()
        trace = await decide(runtime, support.workspace_id, action.id, True, "owner@shop.test")
        assert trace.outcome == "replied", trace.reason
        assert refunds_made(fake_stripe) == 1

        done = await asyncio.to_thread(after_decision, runtime, message_id, trace)
        again = await asyncio.to_thread(after_decision, runtime, message_id, trace)
        assert done.status == again.status == "replied"
        assert len(sink.received) == 2
        assert sink.received[1].rcpt_to == ["alice@example.com"]
        assert b"I've refunded $49.00" in sink.received[1].raw
        with runtime.sessions() as session:
            assert session.get_one(Message, message_id).status == "replied"
            named = {
                event.action: {k: v for k, v in event.detail.items() if k.startswith("customer_")}
                for event in events(session, support.workspace_id)
            }
            by_name = audit_lines(session, support.workspace_id, AuditFilters(customer="martin"))
        alice = {"customer_name": "Alice Martin", "customer_email": "alice@example.com"}
        assert named["stripe.refund"] == named["approval.approve"] == alice
        assert {line.sentence for line in by_name} == {
            f"Alice Martin was refunded $49.00 on {action.target_id} — approved by owner@shop.test",
            "owner@shop.test approved the refund of $49.00 for Alice Martin",
        }
