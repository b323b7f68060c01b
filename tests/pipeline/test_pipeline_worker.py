"""End to end with real servers: a customer's email lands in the Dovecot mailbox, a real
`knowreply worker` fetches, stores and handles it, and replies go to an aiosmtpd server."""

from __future__ import annotations

import asyncio
import email
import email.policy
import time
from collections.abc import Callable

from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy import func, select

from knowreply.db.models import AgentRun, Message, OutboxItem, Workspace
from knowreply.db.session import transaction
from knowreply.mail import accounts
from knowreply.pipeline.outcome import FINAL_STATUSES
from knowreply.pipeline.smtp_intake import serve_smtp
from knowreply.runtime import Runtime
from tests.mailservers import Mailbox, SmtpSink
from tests.pipeline.conftest import CUSTOMER, SUPPORT, Support, customer_email
from tests.pipeline.worker import WorkerProcess

EXPECT_REPLY = True
"""The agent answers a connected shop's customer (False: it escalated, before it was built)."""
ALICE = "alice@example.com"
"""A customer of the fake Stripe's demo account, with two paid invoices."""


async def eventually(condition: Callable[[], bool], what: str, within: float = 45) -> None:
    deadline = time.monotonic() + within
    while not await asyncio.to_thread(condition):
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        await asyncio.sleep(0.1)


def inbound(runtime: Runtime) -> list[Message]:
    with runtime.sessions() as session:
        return list(
            session.scalars(select(Message).where(Message.direction == "in").order_by(Message.id))
        )


def all_handled(runtime: Runtime, count: int) -> Callable[[], bool]:
    def check() -> bool:
        messages = inbound(runtime)
        return len(messages) == count and all(m.status in FINAL_STATUSES for m in messages)

    return check


def runs_per_message(runtime: Runtime) -> dict[int, int]:
    with runtime.sessions() as session:
        rows = session.execute(
            select(AgentRun.message_id, func.count()).group_by(AgentRun.message_id)
        ).all()
    return {message_id: count for message_id, count in rows}


async def test_an_email_in_the_mailbox_is_fetched_stored_and_answered(
    runtime: Runtime, mailbox: Mailbox, sink: SmtpSink, worker: WorkerProcess
) -> None:
    worker.start()
    question = customer_email(
        "Could you send me my latest invoice?",
        subject="Invoice",
        sender=ALICE,
        message_id="<hello@customer.test>",
    )
    mailbox.deliver(question)
    await eventually(all_handled(runtime, 1), "the email is handled")
    (message,) = inbound(runtime)
    assert message.rfc_message_id == "<hello@customer.test>" and message.received_via == "imap"
    if EXPECT_REPLY:
        await eventually(lambda: len(sink.received) == 1, "the reply arrives")
        reply = email.message_from_bytes(sink.received[0].raw, policy=email.policy.default)
        assert message.status == "replied"
        assert reply["To"] == ALICE and reply["In-Reply-To"] == "<hello@customer.test>"
        assert reply["Subject"] == "Re: Your message"  # unverified: never their subject
        assert "<hello@customer.test>" in reply["References"]
        assert "$49.00" in reply.get_content()
    else:
        assert message.status == "escalated"
        await asyncio.sleep(0.5)
        assert sink.received == []
    client = mailbox.server.client(mailbox.username)
    try:
        client.select_folder("INBOX", readonly=True)
        assert client.search(["UNSEEN"]) == []  # marked seen once stored
    finally:
        client.logout()


async def test_out_of_office_and_bounces_from_the_mailbox_are_skipped_with_reasons(
    runtime: Runtime, mailbox: Mailbox, sink: SmtpSink, worker: WorkerProcess
) -> None:
    worker.start()
    mailbox.deliver(customer_email(headers={"Auto-Submitted": "auto-replied"}))
    mailbox.deliver(customer_email(sender="mailer-daemon@customer.test"))
    await eventually(all_handled(runtime, 2), "both are handled")
    assert [(m.status, m.status_reason) for m in inbound(runtime)] == [
        ("skipped", "auto_reply"),
        ("skipped", "bounce"),
    ]
    assert sink.received == []


async def test_the_same_email_by_imap_and_by_smtp_is_handled_once(
    runtime: Runtime, mailbox: Mailbox, sink: SmtpSink, worker: WorkerProcess
) -> None:
    import aiosmtplib

    worker.start()
    raw = customer_email(message_id="<both-ways@customer.test>")
    async with serve_smtp(runtime, "127.0.0.1", 0) as smtp:
        await aiosmtplib.send(
            raw, sender=CUSTOMER, recipients=[SUPPORT], hostname=smtp.host, port=smtp.port
        )
    mailbox.deliver(raw)
    await eventually(all_handled(runtime, 1), "the email is handled")
    await asyncio.sleep(1.5)  # time for the IMAP copy to arrive and be recognised
    (message,) = inbound(runtime)
    assert runs_per_message(runtime) == {message.id: 1}


async def test_a_killed_worker_loses_no_email_and_sends_no_reply_twice(
    runtime: Runtime, mailbox: Mailbox, sink: SmtpSink, worker: WorkerProcess, connected: Support
) -> None:
    with transaction(runtime.sessions) as session:  # strangers get the short, fixed reply
        workspace = session.get_one(Workspace, connected.workspace_id)
        workspace.settings = {**workspace.settings, "unknown_sender_reply": "neutral"}
    for n in range(6):  # six customers: one sender's replies are capped at five an hour
        mailbox.deliver(
            customer_email(
                "Could you send me my latest invoice?",
                subject="Invoice",
                sender=f"customer{n}@example.org",
                message_id=f"<q{n}@customer.test>",
            )
        )
    worker.start()
    await eventually(lambda: len(inbound(runtime)) >= 1, "the first email is stored", 60)
    worker.kill()  # in the middle: some stored, some handled, some not fetched yet

    worker.start()
    await eventually(all_handled(runtime, 6), "every email is handled", 90)
    messages = inbound(runtime)
    assert sorted(m.rfc_message_id for m in messages) == [f"<q{n}@customer.test>" for n in range(6)]
    with runtime.sessions() as session:
        outbound = session.scalar(
            select(func.count()).select_from(Message).where(Message.direction == "out")
        )
    await asyncio.sleep(0.5)
    assert len(sink.received) == outbound == (6 if EXPECT_REPLY else 0)
    assert len({m.raw for m in sink.received}) == len(sink.received)


class HoldingSink(SmtpSink):
    """Takes the whole message, then holds its answer until released: a server that accepted
    a reply whose sender never hears back."""

    def __init__(self) -> None:
        super().__init__()
        self.holding = asyncio.Event()
        self.release = asyncio.Event()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.holding.set()
        await self.release.wait()
        return await super().handle_DATA(server, session, envelope)


async def test_a_worker_killed_while_the_server_takes_the_reply_does_not_send_it_again(
    runtime: Runtime, cli_env: dict[str, str], mailbox: Mailbox, connected: Support
) -> None:
    sink = HoldingSink()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(sink, hostname="hold.test"), "127.0.0.1", 0)
    with transaction(runtime.sessions) as session:
        account = accounts.smtp_account(session, connected.workspace_id)
        assert account is not None
        account.port = server.sockets[0].getsockname()[1]
    worker = WorkerProcess(cli_env)
    try:
        worker.start()
        mailbox.deliver(
            customer_email("Could you send me my latest invoice?", subject="Invoice", sender=ALICE)
        )
        await asyncio.wait_for(sink.holding.wait(), 45)
        worker.kill()  # the server has the reply; the worker never hears its 250
        sink.release.set()
        await eventually(lambda: len(sink.received) == 1, "the server keeps the reply")

        worker.start()
        await eventually(all_handled(runtime, 1), "the email is handled")
        await asyncio.sleep(1)
    finally:
        worker.stop()
        server.close()
        print("\n".join(worker.log[-40:]))  # shown when the test failed
    assert len(sink.received) == 1
    (message,) = inbound(runtime)
    assert (message.status, message.status_reason) == ("failed", "send_unconfirmed")
    with runtime.sessions() as session:
        item = session.scalar(select(OutboxItem))
        assert item is not None and (item.status, item.attempts) == ("unconfirmed", 1)
