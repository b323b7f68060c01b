"""Honest failures: Stripe's passing failures (5xx, 429) are retried before an email is
marked failed, and a failure names its step and a reason a person can read."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.db.models import AgentRun, Message
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.pipeline import handle, steps
from knowreply.runtime import Runtime
from knowreply.web.repository import outcome_label
from tests.fake_stripe import FakeStripe
from tests.mailservers import SmtpSink, run_smtp_sink
from tests.pipeline.conftest import configure_support, customer_email

ALICE = "alice@example.com"


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same three runs, without the production pauses between them."""
    monkeypatch.setattr(steps, "AGENT_RETRY_SECONDS", (0.05, 0.05))


async def invoice_question(runtime: Runtime, fake_stripe: FakeStripe, sink: SmtpSink) -> int:
    view, _ = await service.connect(
        runtime, None, DEMO_RESTRICTED_KEY, actor="test", api_base=fake_stripe.url
    )
    assert view.connected
    support = configure_support(runtime, smtp_port=sink.port)
    raw = customer_email("Could you send me my latest invoice?", subject="Invoice", sender=ALICE)
    with transaction(runtime.sessions) as session:
        message, _ = store_inbound(
            session, support.workspace_id, InboundEnvelope(raw=raw, received_via="smtp")
        )
        return message.id


def runs(runtime: Runtime, message_id: int) -> list[str]:
    with runtime.sessions() as session:
        query = select(AgentRun.outcome).where(AgentRun.message_id == message_id)
        return list(session.scalars(query.order_by(AgentRun.id)))


async def test_a_stripe_hiccup_is_retried_and_the_customer_answered(
    runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    async with run_smtp_sink() as sink:
        message_id = await invoice_question(runtime, fake_stripe, sink)
        fake_stripe.control.fault(status=429, count=4)  # one call, with the client's 3 retries
        result = await asyncio.to_thread(handle, runtime, message_id)
    assert result.status == "replied" and len(sink.received) == 1
    assert runs(runtime, message_id) == ["failed", "replied"]


async def test_a_stripe_outage_fails_the_email_with_its_step_and_a_reason(
    runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    async with run_smtp_sink() as sink:
        message_id = await invoice_question(runtime, fake_stripe, sink)
        fake_stripe.control.fault(status=503, count=1000)
        result = await asyncio.to_thread(handle, runtime, message_id)
    assert sink.received == []
    assert runs(runtime, message_id) == ["failed"] * 3
    with runtime.sessions() as session:
        message = session.get_one(Message, message_id)
    assert (result.status, message.status_reason) == ("failed", "agent")
    assert message.status_detail == (
        "Stripe had a problem answering. (tried 3 times; press Retry when it works again)"
    )
    assert outcome_label("in", message.status, message.status_reason) == (
        "Failed: the agent could not finish"
    )
