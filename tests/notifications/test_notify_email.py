"""Members hear by email, through the workspace's SMTP account (a real aiosmtpd sink), when
an action waits for approval or an email needs a person: once per event, whatever runs twice."""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
from datetime import timedelta
from email.message import EmailMessage

from sqlalchemy import func, select, update

from knowreply.db.models import Action, Member, Message, NotificationDelivery, NotificationEvent
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.notifications.delivery import deliver, deliver_due, mark_stuck
from knowreply.pipeline.handle import handle
from knowreply.pipeline.outcome import record_outcome
from knowreply.runtime import Runtime
from tests.mailservers import SmtpSink, run_smtp_sink
from tests.notifications.conftest import CUSTOMER, MEMBER, OWNER, VIEWER, email_reaches
from tests.pipeline.conftest import SUPPORT, configure_support, customer_email


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def by_recipient(sink: SmtpSink) -> dict[str, EmailMessage]:
    return {item.rcpt_to[0]: parse(item.raw) for item in sink.received}


def count(runtime: Runtime, model: type[NotificationEvent] | type[NotificationDelivery]) -> int:
    with runtime.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


async def test_an_email_handed_to_a_person_notifies_owners_and_members_once(
    runtime: Runtime, team: int
) -> None:
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        message_id = email_reaches(runtime, team, "escalated")
        with transaction(runtime.sessions) as session:  # the step runs again after a crash
            message = session.get_one(Message, message_id)
            record_outcome(session, message, "escalated", None, "again")
        sent = await asyncio.to_thread(deliver_due, runtime)
        again = await asyncio.to_thread(deliver_due, runtime)
    assert (sent, again) == (2, 0)
    assert count(runtime, NotificationEvent) == 1
    emails = by_recipient(sink)
    assert set(emails) == {OWNER, MEMBER}  # a viewer's default is off
    note = emails[OWNER]
    assert note["From"] == SUPPORT
    assert note["Subject"] == f"[Customer Support] An email from {CUSTOMER} needs a person"
    assert note["Auto-Submitted"] == "auto-generated"
    body = note.get_content()
    assert "The agent handed this email to a person." in body
    assert "Why: The customer asks for a refund." in body
    assert "http://127.0.0.1:8000/inbox" in body
    assert "My secret order notes" not in body  # never the email itself


async def test_a_refund_waiting_for_approval_says_the_amount_and_links_to_approvals(
    runtime: Runtime, team: int
) -> None:
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        with transaction(runtime.sessions) as session:
            message = Message(
                workspace_id=team,
                direction="in",
                rfc_message_id="<wait@customer.test>",
                from_address=CUSTOMER,
                subject="Refund please",
                raw=b"x",
                size=1,
                received_via="imap",
            )
            session.add(message)
            session.flush()
            session.add(
                Action(
                    workspace_id=team,
                    message_id=message.id,
                    kind="refund",
                    status="awaiting_approval",
                    idempotency_key="wait-1",
                    amount_minor=4900,
                    currency="usd",
                )
            )
            session.flush()
            record_outcome(session, message, "sending", None)  # the reply is on its way
            record_outcome(session, message, "awaiting_approval", None)  # and was sent
        await asyncio.to_thread(deliver_due, runtime)
    assert count(runtime, NotificationEvent) == 1
    note = by_recipient(sink)[MEMBER]
    assert note["Subject"] == (
        f"[Customer Support] Approval needed: a refund of $49.00 for {CUSTOMER}"
    )
    body = note.get_content()
    assert "Their email: \u201cRefund please\u201d" in body
    assert "Decide it here: http://127.0.0.1:8000/approvals" in body


async def test_the_pipeline_handling_an_email_twice_notifies_once(
    runtime: Runtime, team: int
) -> None:
    async with run_smtp_sink() as sink:
        support = configure_support(runtime, smtp_port=sink.port)
        with transaction(runtime.sessions) as session:
            message, _ = store_inbound(
                session,
                support.workspace_id,
                InboundEnvelope(raw=customer_email(), received_via="imap"),
            )
        first = await asyncio.to_thread(handle, runtime, message.id)
        second = await asyncio.to_thread(handle, runtime, message.id)  # a replayed workflow
        await asyncio.to_thread(deliver_due, runtime)
    # Without a Stripe connection the agent hands every email to a person.
    assert first.status == second.status == "escalated"
    assert count(runtime, NotificationEvent) == 1
    assert sorted(by_recipient(sink)) == [MEMBER, OWNER]
    assert len(sink.received) == 2


async def test_a_retried_email_that_fails_again_is_a_new_event(runtime: Runtime, team: int) -> None:
    message_id = email_reaches(runtime, team, "failed")
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        message.retries = 1  # a person pressed Retry
        record_outcome(session, message, "failed", "agent", "Stripe had a problem answering.")
    with runtime.sessions() as session:
        keys = sorted(session.scalars(select(NotificationEvent.key)))
    assert keys == [f"message-{message_id}-failed-0", f"message-{message_id}-failed-1"]


async def test_each_member_chooses_immediately_daily_or_off(runtime: Runtime, team: int) -> None:
    with transaction(runtime.sessions) as session:
        for address, choice in ((OWNER, "daily"), (MEMBER, "off"), (VIEWER, "immediately")):
            session.execute(update(Member).where(Member.email == address).values(notify=choice))
    email_reaches(runtime, team, "escalated")
    with runtime.sessions() as session:
        recipients = list(session.scalars(select(NotificationDelivery.recipient)))
    assert recipients == [VIEWER]


async def test_two_workers_sending_at_once_send_each_email_once(
    runtime: Runtime, team: int
) -> None:
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        for status in ("escalated", "failed", "escalated"):
            email_reaches(runtime, team, status)
        with runtime.sessions() as session:
            ids = list(session.scalars(select(NotificationDelivery.id)))
        start = threading.Barrier(2)

        def worker() -> None:
            start.wait()
            for delivery_id in ids:
                deliver(runtime, delivery_id)

        await asyncio.gather(asyncio.to_thread(worker), asyncio.to_thread(worker))
    assert len(ids) == 6
    assert len(sink.received) == 6
    with runtime.sessions() as session:
        assert set(session.scalars(select(NotificationDelivery.status))) == {"sent"}
        assert set(session.scalars(select(NotificationDelivery.attempts))) == {1}


async def test_a_send_interrupted_by_a_crash_is_never_resent(runtime: Runtime, team: int) -> None:
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        email_reaches(runtime, team, "escalated")
        with transaction(runtime.sessions) as session:  # a worker died while sending
            session.execute(
                update(NotificationDelivery).values(
                    status="sending", updated_at=utcnow() - timedelta(hours=1)
                )
            )
        assert mark_stuck(runtime) == 2
        assert await asyncio.to_thread(deliver_due, runtime) == 0
    assert sink.received == []
    with runtime.sessions() as session:
        assert set(session.scalars(select(NotificationDelivery.status))) == {"unconfirmed"}


async def test_a_mail_server_saying_try_later_is_tried_again_with_backoff(
    runtime: Runtime, team: int
) -> None:
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        sink.refuse[OWNER] = "451 4.3.0 try again later"
        email_reaches(runtime, team, "escalated")
        assert await asyncio.to_thread(deliver_due, runtime) == 1  # the member's
        with runtime.sessions() as session:
            waiting = session.scalars(
                select(NotificationDelivery).where(NotificationDelivery.recipient == OWNER)
            ).one()
        assert (waiting.status, waiting.attempts) == ("queued", 1)
        assert waiting.last_error is not None and "451" in waiting.last_error
        assert waiting.next_attempt_at is not None
        assert waiting.next_attempt_at - utcnow() > timedelta(seconds=5)
        assert await asyncio.to_thread(deliver_due, runtime) == 0  # not due yet
        del sink.refuse[OWNER]
        with transaction(runtime.sessions) as session:
            session.execute(update(NotificationDelivery).values(next_attempt_at=utcnow()))
        assert await asyncio.to_thread(deliver_due, runtime) == 1
    assert sorted(by_recipient(sink)) == [MEMBER, OWNER]


async def test_without_an_smtp_account_the_failure_is_kept_for_the_dashboard(
    runtime: Runtime, team: int
) -> None:
    email_reaches(runtime, team, "escalated")
    assert await asyncio.to_thread(deliver_due, runtime) == 0
    with runtime.sessions() as session:
        rows = session.scalars(select(NotificationDelivery)).all()
    assert {row.status for row in rows} == {"failed"}
    assert all("no SMTP account" in (row.last_error or "") for row in rows)


async def test_a_sender_address_with_a_line_break_cannot_add_headers(
    runtime: Runtime, team: int
) -> None:
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        message_id = email_reaches(runtime, team, "sending")
        with transaction(runtime.sessions) as session:
            message = session.get_one(Message, message_id)
            message.from_address = "evil@customer.test\r\nBcc: victim@elsewhere.test"
            record_outcome(session, message, "escalated", None, "Needs a person.")
        assert await asyncio.to_thread(deliver_due, runtime) == 2
    assert sorted(item.rcpt_to[0] for item in sink.received) == [MEMBER, OWNER]
    note = by_recipient(sink)[OWNER]
    assert note["Bcc"] is None
    assert "\n" not in note["Subject"] and "evil@customer.test Bcc:" in note["Subject"]
