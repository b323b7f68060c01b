"""A person can always finish: a reply that may or may not have gone out, or that the
server refused, can be answered by hand; once a reply is accepted, nobody sends another."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from knowreply.db.models import Message, OutboxItem
from knowreply.db.session import transaction
from knowreply.pipeline import MessageQueue, retry_message
from knowreply.pipeline.intake import NotRetryable
from knowreply.pipeline.manual import CannotReply, reply_by_hand
from knowreply.pipeline.steps import finish_step, prepare_send_step, send_step
from knowreply.runtime import Runtime
from knowreply.web.repository import outcome_label
from tests.mailservers import run_smtp_sink
from tests.pipeline.conftest import CUSTOMER
from tests.pipeline.test_pipeline_outbox import parse, question

MEMBER = "owner@shop.test"


def outbox(runtime: Runtime) -> list[tuple[str, str | None]]:
    with runtime.sessions() as session:
        rows = session.scalars(select(OutboxItem).order_by(OutboxItem.id))
        return [(row.status, row.author) for row in rows]


async def test_an_unconfirmed_reply_can_be_answered_by_hand_once(runtime: Runtime) -> None:
    async with run_smtp_sink() as sink:
        handled = await question(runtime, sink)
        message_id = handled.message_id
        item_id = await asyncio.to_thread(prepare_send_step, runtime, message_id, "Agent text.")
        assert item_id is not None
        with transaction(runtime.sessions) as session:  # what a worker killed mid-send leaves
            session.get_one(OutboxItem, item_id).status = "sending"
        sent = await asyncio.to_thread(send_step, runtime, item_id)
        await asyncio.to_thread(finish_step, runtime, message_id, handled.trace, sent)
        with runtime.sessions() as session:
            message = session.get_one(Message, message_id)
            workspace_id, conversation_id = message.workspace_id, message.conversation_id
            assert (message.status, message.status_reason) == ("failed", "send_unconfirmed")
        assert conversation_id is not None
        assert outcome_label("in", "failed", "send_unconfirmed") == (
            "Failed: the mail server may or may not have received the reply"
        )
        queue = MessageQueue.open(runtime)
        try:  # running the agent again cannot tell whether the server has the reply
            with pytest.raises(NotRetryable, match="answer by hand"):
                retry_message(runtime, queue, message_id)
        finally:
            queue.close()

        manual = await asyncio.to_thread(
            reply_by_hand, runtime, workspace_id, conversation_id, "Here is your answer.", MEMBER
        )
        assert manual.status == "sent"
        with pytest.raises(CannotReply, match="accepted"):
            await asyncio.to_thread(
                reply_by_hand, runtime, workspace_id, conversation_id, "Again.", MEMBER
            )
    assert len(sink.received) == 1 and sink.received[0].rcpt_to == [CUSTOMER]
    assert "Here is your answer." in parse(sink.received[0].raw).get_content()
    assert outbox(runtime) == [("unconfirmed", None), ("sent", MEMBER)]
    with runtime.sessions() as session:
        message = session.get_one(Message, message_id)
        assert (message.status, message.status_reason) == ("replied", "manual")


async def test_a_reply_by_hand_the_server_refused_can_be_sent_again(runtime: Runtime) -> None:
    async with run_smtp_sink() as sink:
        handled = await question(runtime, sink)
        with runtime.sessions() as session:
            message = session.get_one(Message, handled.message_id)
            workspace_id, conversation_id = message.workspace_id, message.conversation_id
        assert conversation_id is not None
        sink.refuse[CUSTOMER] = "450 4.2.0 mailbox busy"
        first = await asyncio.to_thread(
            reply_by_hand, runtime, workspace_id, conversation_id, "First try.", MEMBER
        )
        assert first.status == "failed" and "450" in (first.detail or "")
        del sink.refuse[CUSTOMER]
        second = await asyncio.to_thread(
            reply_by_hand, runtime, workspace_id, conversation_id, "Second try.", MEMBER
        )
    assert second.status == "sent" and len(sink.received) == 1
    assert outbox(runtime) == [("failed", MEMBER), ("sent", MEMBER)]
