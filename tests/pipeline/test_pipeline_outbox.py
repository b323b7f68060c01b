"""Sending a reply through the outbox to a real SMTP server (aiosmtpd): in the customer's
thread, to the From address, and never twice."""

from __future__ import annotations

import asyncio
import email
import email.policy
from email.message import EmailMessage

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply.db.models import Message, OutboxItem
from knowreply.db.session import transaction
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.pipeline.handle import HandleResult, handle
from knowreply.pipeline.intake import retry_message
from knowreply.pipeline.outbox import SendOutcome, deliver
from knowreply.pipeline.steps import (
    finish_step,
    prepare_send_step,
    send_and_finish_step,
    send_step,
)
from knowreply.pipeline.workflow import MessageQueue
from knowreply.runtime import Runtime
from tests.mailservers import SmtpSink, run_smtp_sink
from tests.pipeline.conftest import CUSTOMER, SUPPORT, configure_support, customer_email


async def question(runtime: Runtime, sink: SmtpSink) -> HandleResult:
    """The customer's email, stored and handled (the agent's reply is sent by the test)."""
    support = configure_support(runtime, smtp_port=sink.port)
    raw = customer_email(
        subject="Refund for order 1042",
        message_id="<question@customer.test>",
        references="<older@customer.test>",
        headers={"Reply-To": "someone-else@elsewhere.test"},
    )
    with transaction(runtime.sessions) as session:
        message, _ = store_inbound(
            session, support.workspace_id, InboundEnvelope(raw=raw, received_via="imap")
        )
    return await asyncio.to_thread(handle, runtime, message.id)


async def send_reply(runtime: Runtime, message_id: int, text: str) -> SendOutcome:
    item_id = await asyncio.to_thread(prepare_send_step, runtime, message_id, text)
    assert item_id is not None
    return await asyncio.to_thread(send_step, runtime, item_id)


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


async def test_the_reply_goes_to_the_sender_in_the_same_thread(runtime: Runtime) -> None:
    async with run_smtp_sink() as sink:
        message_id = (await question(runtime, sink)).message_id
        outcome = await send_reply(runtime, message_id, "Your refund of $12.50 is on its way.")
    assert outcome.status == "sent"
    assert len(sink.received) == 1
    delivered = sink.received[0]
    assert delivered.rcpt_to == [CUSTOMER]  # the From address, never Reply-To
    reply = parse(delivered.raw)
    assert reply["To"] == CUSTOMER and reply["From"] == SUPPORT
    assert reply["Subject"] == "Re: Your message"  # an unverified sender's subject: never
    assert reply["In-Reply-To"] == "<question@customer.test>"
    assert reply["References"] == "<older@customer.test> <question@customer.test>"
    assert reply["Auto-Submitted"] == "auto-replied"
    assert reply["X-Auto-Response-Suppress"] == "All"
    assert "Your refund of $12.50 is on its way." in reply.get_content()
    with runtime.sessions() as session:
        ours = session.scalar(select(Message).where(Message.direction == "out"))
        item = session.scalar(select(OutboxItem))
        assert ours is not None and item is not None
        assert ours.rfc_message_id == reply["Message-ID"] and ours.status == "sent"
        assert (item.status, item.attempts) == ("sent", 1) and item.sent_at is not None
        assert ours.conversation_id is not None


async def test_a_reply_is_never_sent_twice(runtime: Runtime) -> None:
    async with run_smtp_sink() as sink:
        message_id = (await question(runtime, sink)).message_id
        await send_reply(runtime, message_id, "First answer.")
        again = await send_reply(runtime, message_id, "A second answer to the same email.")
    assert again.status == "sent"
    assert len(sink.received) == 1
    assert "First answer." in parse(sink.received[0].raw).get_content()


async def test_a_send_interrupted_after_the_hand_off_is_not_resent(runtime: Runtime) -> None:
    async with run_smtp_sink() as sink:
        message_id = (await question(runtime, sink)).message_id
        item_id = await asyncio.to_thread(prepare_send_step, runtime, message_id, "Answer.")
        with transaction(runtime.sessions) as session:  # what a worker killed mid-send leaves
            session.get_one(OutboxItem, item_id).status = "sending"
        outcome = await asyncio.to_thread(send_step, runtime, item_id)
    assert outcome.status == "unconfirmed"
    assert "may or may not have received" in (outcome.detail or "")
    assert sink.received == []


async def test_a_refused_reply_fails_visibly_and_a_person_can_retry_it(runtime: Runtime) -> None:
    async with run_smtp_sink() as sink:
        sink.refuse[CUSTOMER] = "550 5.1.1 no such user"
        handled = await question(runtime, sink)
        message_id = handled.message_id
        outcome = await send_reply(runtime, message_id, "Answer.")
        assert outcome.status == "failed" and "550" in (outcome.detail or "")
        await asyncio.to_thread(finish_step, runtime, message_id, handled.trace, outcome)
        with runtime.sessions() as session:
            message = session.get_one(Message, message_id)
            assert (message.status, message.status_reason) == ("failed", "send")

        queue = MessageQueue.open(runtime)
        try:
            workflow = retry_message(runtime, queue, message_id)
        finally:
            queue.close()
        assert workflow == f"message-{message_id}-retry-1"
        with runtime.sessions() as session:
            message = session.get_one(Message, message_id)
            item = session.scalar(select(OutboxItem))
            assert message.status == "received" and message.retries == 1
            assert item is not None and item.status == "queued"
        del sink.refuse[CUSTOMER]
        resent = await asyncio.to_thread(send_step, runtime, item.id)
    assert resent.status == "sent" and len(sink.received) == 1


async def test_a_send_whose_outcome_could_not_be_written_is_never_sent_again(
    runtime: Runtime,
) -> None:
    """The outbox row's `sent` and the message's outcome are one transaction: when that
    write fails after the server took the reply, the row stays `sending`, so the next
    attempt calls it unconfirmed (for a person) instead of sending a second reply."""

    def database_gone(session: Session, sent: SendOutcome) -> None:
        raise RuntimeError("the database went away")

    async with run_smtp_sink() as sink:
        handled = await question(runtime, sink)
        message_id = handled.message_id
        item_id = await asyncio.to_thread(prepare_send_step, runtime, message_id, "Answer.", True)
        assert item_id is not None
        with pytest.raises(RuntimeError, match="went away"):
            await asyncio.to_thread(
                deliver,
                runtime.sessions,
                runtime.master_key,
                item_id,
                max_attempts=6,
                then=database_gone,
            )
        again = await asyncio.to_thread(
            send_and_finish_step, runtime, message_id, item_id, handled.trace
        )
    assert len(sink.received) == 1
    assert again.status == "unconfirmed"
    with runtime.sessions() as session:
        message = session.get_one(Message, message_id)
        assert (message.status, message.status_reason) == ("failed", "send_unconfirmed")
        assert session.get_one(OutboxItem, item_id).status == "unconfirmed"
