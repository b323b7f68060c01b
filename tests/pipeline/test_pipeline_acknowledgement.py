"""While a refund waits for a member the customer gets a short acknowledgement, once, in the
same thread; the reply after the decision still goes out, whatever happened to the worker.
End to end: the Dovecot mailbox, a real `knowreply worker`, the fake Stripe, an SMTP sink."""

from __future__ import annotations

import asyncio
import email
import email.policy
from email.message import EmailMessage

from sqlalchemy import select

from knowreply.access import Operator
from knowreply.db.models import Action, Message, OutboxItem, Workspace
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.pipeline.decisions import decide_and_reply
from knowreply.pipeline.workflow import MessageQueue
from knowreply.runtime import Runtime
from knowreply.workspaces import settings_of
from tests.mailservers import Mailbox, SmtpSink
from tests.pipeline.conftest import Support, customer_email
from tests.pipeline.test_pipeline_worker import ALICE, all_handled, eventually, inbound
from tests.pipeline.worker import WorkerProcess

TRUSTED = "mx.shop.test"
DMARC_PASS = f"{TRUSTED}; dmarc=pass (p=reject) header.from=example.com"
ASKED = "<refund-please@customer.test>"
WITHIN = 120.0
"""Seconds to wait for the worker: generous, the machine may be busy."""


def always_ask(runtime: Runtime, support: Support, *, acknowledge: bool = True) -> None:
    """Refunds are on and every one waits for a member; Alice's mail is verified (a trusted
    DMARC pass)."""
    service.change_capabilities(
        runtime, support.workspace_id, enable=[CapabilityName.REFUNDS], actor="test"
    )
    with transaction(runtime.sessions) as session:
        workspace = session.get_one(Workspace, support.workspace_id)
        workspace.settings = (
            settings_of(workspace)
            .model_copy(
                update={
                    "approval_mode": "always",
                    "trusted_authserv_ids": [TRUSTED],
                    "acknowledge_waiting": acknowledge,
                }
            )
            .model_dump()
        )


def ask_for_a_refund(mailbox: Mailbox) -> None:
    mailbox.deliver(
        customer_email(
            "Hi, please refund my last payment.",
            subject="Refund",
            sender=ALICE,
            message_id=ASKED,
            headers={"Authentication-Results": DMARC_PASS},
        )
    )


def waiting(runtime: Runtime) -> bool:
    messages = inbound(runtime)
    return len(messages) == 1 and messages[0].status == "awaiting_approval"


def received(sink: SmtpSink) -> list[EmailMessage]:
    parsed = [email.message_from_bytes(m.raw, policy=email.policy.default) for m in sink.received]
    return [m for m in parsed if isinstance(m, EmailMessage)]


async def approve(runtime: Runtime, support: Support) -> None:
    """A member approves in the dashboard: the decision, then the reply through the queue."""
    with runtime.sessions() as session:
        action = session.scalars(select(Action)).one()
    queue = MessageQueue.open(runtime)
    try:
        await decide_and_reply(
            runtime, queue, Operator(support.workspace_id, "dana@shop.test"), action.id, True
        )
    finally:
        queue.close()


def outbox_kinds(runtime: Runtime) -> list[tuple[str, str]]:
    with runtime.sessions() as session:
        rows = session.scalars(select(OutboxItem).order_by(OutboxItem.id)).all()
        return [(row.kind, row.status) for row in rows]


async def test_a_waiting_refund_is_acknowledged_once_then_answered_after_approval(
    runtime: Runtime, mailbox: Mailbox, sink: SmtpSink, worker: WorkerProcess, connected: Support
) -> None:
    always_ask(runtime, connected)
    worker.start()
    ask_for_a_refund(mailbox)
    await eventually(lambda: len(sink.received) == 1, "the acknowledgement arrives", WITHIN)
    await eventually(lambda: waiting(runtime), "the email waits for a member", WITHIN)
    (note,) = received(sink)
    text = note.get_content()
    assert note["To"] == ALICE and note["In-Reply-To"] == ASKED
    assert text.startswith("Hi Alice,")
    assert "a refund of $49.00 for your payment on" in text
    assert "a member of our team checks it and confirms it" in text
    assert "I've refunded" not in text

    await approve(runtime, connected)
    await eventually(
        lambda: len(sink.received) == 2, "the reply after the approval arrives", WITHIN
    )
    await eventually(all_handled(runtime, 1), "the email is answered", WITHIN)
    await asyncio.sleep(1)  # nothing else comes
    note, answer = received(sink)
    assert answer["In-Reply-To"] == ASKED and ASKED in answer["References"]
    assert "I've refunded $49.00" in answer.get_content()
    assert inbound(runtime)[0].status == "replied"
    assert outbox_kinds(runtime) == [("acknowledgement", "sent"), ("reply", "sent")]


async def test_without_the_setting_the_customer_hears_nothing_until_the_decision(
    runtime: Runtime, mailbox: Mailbox, sink: SmtpSink, worker: WorkerProcess, connected: Support
) -> None:
    always_ask(runtime, connected, acknowledge=False)
    worker.start()
    ask_for_a_refund(mailbox)
    await eventually(lambda: waiting(runtime), "the email waits for a member", WITHIN)
    await asyncio.sleep(1)
    assert sink.received == []

    await approve(runtime, connected)
    await eventually(
        lambda: len(sink.received) == 1, "the reply after the approval arrives", WITHIN
    )
    await asyncio.sleep(1)
    (answer,) = received(sink)
    assert "I've refunded $49.00" in answer.get_content()
    assert outbox_kinds(runtime) == [("reply", "sent")]


async def test_a_worker_killed_after_the_acknowledgement_never_sends_it_again(
    runtime: Runtime, mailbox: Mailbox, sink: SmtpSink, worker: WorkerProcess, connected: Support
) -> None:
    always_ask(runtime, connected)
    worker.start()
    ask_for_a_refund(mailbox)
    await eventually(lambda: len(sink.received) == 1, "the acknowledgement arrives", WITHIN)
    worker.kill()  # perhaps before it recorded the server's answer

    worker.start()
    await eventually(lambda: waiting(runtime), "the email waits for a member", WITHIN)
    await asyncio.sleep(2)  # recovery has run: no second acknowledgement
    assert len(sink.received) == 1

    await approve(runtime, connected)
    await eventually(
        lambda: len(sink.received) == 2, "the reply after the approval arrives", WITHIN
    )
    await eventually(all_handled(runtime, 1), "the email is answered", WITHIN)
    await asyncio.sleep(1)
    note, answer = received(sink)
    assert "a refund of $49.00" in note.get_content()
    assert "I've refunded $49.00" in answer.get_content()
    with runtime.sessions() as session:
        assert session.scalar(select(Message.status).where(Message.direction == "in")) == "replied"
    assert outbox_kinds(runtime)[1] == ("reply", "sent")
    # The killed send's row leaves `sending` when the restarted worker recovers its workflow,
    # which on a loaded machine can come after the reply: wait for it, then check it was not
    # sent a second time.
    settled = (("acknowledgement", "sent"), ("acknowledgement", "unconfirmed"))
    await eventually(
        lambda: outbox_kinds(runtime)[0] in settled, "the acknowledgement's row settles", WITHIN
    )
    await asyncio.sleep(1)
    assert len(sink.received) == 2
