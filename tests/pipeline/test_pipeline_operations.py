"""Operations with real `knowreply worker` processes: a reply waiting for its SMTP server
does not hold up other emails, and a worker killed for good has its work finished by
another worker with a different executor id."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Callable

import pytest
from aiosmtpd.smtp import SMTP
from sqlalchemy import select

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.db.models import AgentRun, Message, OutboxItem
from knowreply.integrations.stripe import service
from knowreply.mail.inbound import InboundEnvelope
from knowreply.pipeline import MessageQueue, accept
from knowreply.runtime import Runtime
from tests.fake_stripe import FakeStripe
from tests.mailservers import SmtpSink, run_smtp_sink
from tests.pipeline.conftest import Support, configure_support, customer_email
from tests.pipeline.test_pipeline_worker import ALICE, eventually
from tests.pipeline.worker import WorkerProcess

INVOICE = "Could you send me my latest invoice?"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def connect(runtime: Runtime, fake_stripe: FakeStripe, smtp_port: int) -> Support:
    view, _ = await service.connect(
        runtime, None, DEMO_RESTRICTED_KEY, actor="test", api_base=fake_stripe.url
    )
    assert view.connected
    return configure_support(runtime, smtp_port=smtp_port)


def arrive(runtime: Runtime, support: Support, raw: bytes) -> int:
    queue = MessageQueue.open(runtime)
    try:
        message_id, _ = accept(
            runtime, queue, support.workspace_id, InboundEnvelope(raw=raw, received_via="smtp")
        )
    finally:
        queue.close()
    return message_id


def message(runtime: Runtime, message_id: int) -> Message:
    with runtime.sessions() as session:
        return session.get_one(Message, message_id)


def status_is(runtime: Runtime, message_id: int, *statuses: str) -> Callable[[], bool]:
    return lambda: message(runtime, message_id).status in statuses


def replies(runtime: Runtime) -> list[Message]:
    with runtime.sessions() as session:
        return list(session.scalars(select(Message).where(Message.direction == "out")))


async def test_a_reply_waiting_for_its_smtp_server_does_not_hold_up_other_emails(
    runtime: Runtime, cli_env: dict[str, str], fake_stripe: FakeStripe
) -> None:
    port = free_port()  # nothing listens there yet: the SMTP server is down
    support = await connect(runtime, fake_stripe, port)
    worker = WorkerProcess(cli_env)
    server = None
    try:
        worker.start()
        first = arrive(runtime, support, customer_email(INVOICE, subject="Invoice", sender=ALICE))
        await eventually(status_is(runtime, first, "sending"), "the first reply waits to send")
        await eventually(
            lambda: (
                "Waiting to send (attempt 2 of 6, next at"
                in (replies(runtime)[0].status_detail or "")
            ),
            "the reply says when it is tried again",
        )
        second = arrive(
            runtime,
            support,
            customer_email(INVOICE, subject="Invoice again", sender=ALICE),
        )
        out_of_office = arrive(
            runtime, support, customer_email(headers={"Auto-Submitted": "auto-replied"})
        )
        await eventually(status_is(runtime, out_of_office, "skipped"), "the next email is handled")
        await eventually(status_is(runtime, second, "sending"), "the same sender's next email")
        assert message(runtime, first).status == "sending"

        sink = SmtpSink()
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: SMTP(sink, hostname="back.test"), "127.0.0.1", port
        )
        await eventually(status_is(runtime, first, "replied"), "the first reply is sent", 60)
        await eventually(status_is(runtime, second, "replied"), "the second reply is sent", 60)
    finally:
        worker.stop()
        if server is not None:
            server.close()
        print("\n".join(worker.log[-40:]))  # shown when the test failed
    assert len(sink.received) == 2
    with runtime.sessions() as session:
        items = session.scalars(select(OutboxItem).order_by(OutboxItem.id)).all()
        assert [item.status for item in items] == ["sent", "sent"]
        assert items[0].attempts > 1  # tried while the server was down, sent once it was back


def runs_of(runtime: Runtime, message_id: int) -> list[tuple[str, str | None]]:
    with runtime.sessions() as session:
        query = select(AgentRun.outcome, AgentRun.reason).where(AgentRun.message_id == message_id)
        return [
            (outcome, reason) for outcome, reason in session.execute(query.order_by(AgentRun.id))
        ]


@pytest.mark.parametrize("backend", ["postgresql"])  # several workers need PostgreSQL
async def test_a_worker_killed_for_good_has_its_email_finished_by_another(
    runtime: Runtime, cli_env: dict[str, str], fake_stripe: FakeStripe
) -> None:
    env = dict(cli_env, KNOWREPLY_LOG_FORMAT="json")  # and no KNOWREPLY_EXECUTOR_ID
    doomed, survivor = WorkerProcess(env), WorkerProcess(env)
    async with run_smtp_sink() as sink:
        support = await connect(runtime, fake_stripe, sink.port)
        fake_stripe.control.latency(15_000)  # the agent is still asking Stripe when killed
        try:
            doomed.start()
            message_id = arrive(
                runtime, support, customer_email(INVOICE, subject="Invoice", sender=ALICE)
            )
            await eventually(
                lambda: [o for o, _ in runs_of(runtime, message_id)] == ["running"],
                "the agent runs",
            )
            survivor.start()
            doomed.kill()  # for good: it never comes back
            fake_stripe.control.latency(0)
            await eventually(
                status_is(runtime, message_id, "replied"), "another worker finishes it", 120
            )
            await asyncio.sleep(1)
        finally:
            doomed.stop()
            survivor.stop()
            print("\n".join([*doomed.log[-30:], "--- survivor", *survivor.log[-40:]]))
    assert len(sink.received) == 1
    (interrupted, interrupted_reason), (finished, _) = runs_of(runtime, message_id)
    assert (interrupted, finished) == ("failed", "replied")
    assert "interrupted" in (interrupted_reason or "")
    recovered = [json.loads(line) for line in survivor.log if '"pipeline.recover"' in line]
    assert [entry["message_id"] for entry in recovered] == [message_id]
