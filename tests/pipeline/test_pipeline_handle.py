"""Handling one stored message, step by step, on SQLite and PostgreSQL (in-process)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from knowreply.db.models import Conversation, Message
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.mail import accounts
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.pipeline.handle import handle
from knowreply.pipeline.intake import sweep
from knowreply.pipeline.steps import prepare_send_step
from knowreply.pipeline.workflow import MessageQueue
from knowreply.runtime import Runtime
from knowreply.workspaces import create_workspace, resolve_workspace
from tests.pipeline.conftest import CUSTOMER, SUPPORT, Support, configure_support, customer_email


def arrive(runtime: Runtime, support: Support, raw: bytes) -> int:
    with transaction(runtime.sessions) as session:
        message, _ = store_inbound(
            session, support.workspace_id, InboundEnvelope(raw=raw, received_via="smtp")
        )
        return message.id


def stored(runtime: Runtime, message_id: int) -> Message:
    with runtime.sessions() as session:
        return session.get_one(Message, message_id)


def test_a_customer_email_is_threaded_verified_and_handed_to_the_agent(
    runtime: Runtime, support: Support
) -> None:
    message_id = arrive(runtime, support, customer_email())
    result = handle(runtime, message_id)
    message = stored(runtime, message_id)
    # Without a Stripe connection the agent hands every email to a person.
    assert result.status == message.status == result.trace.outcome == "escalated"
    assert message.conversation_id is not None
    assert message.verification == "no_trusted_results"
    assert message.handled_at is not None
    assert result.trace.sender == CUSTOMER and result.trace.run_id is not None


@pytest.mark.parametrize(
    ("headers", "sender", "reason"),
    [
        ({"Auto-Submitted": "auto-replied"}, CUSTOMER, "auto_reply"),
        ({"X-Failed-Recipients": CUSTOMER}, "mailer-daemon@customer.test", "bounce"),
        ({"List-Id": "<news.customer.test>"}, CUSTOMER, "mailing_list"),
        ({}, SUPPORT, "own_address"),
    ],
)
def test_mail_we_must_not_answer_is_stored_as_skipped_with_its_reason(
    runtime: Runtime, support: Support, headers: dict[str, str], sender: str, reason: str
) -> None:
    message_id = arrive(runtime, support, customer_email(sender=sender, headers=headers))
    result = handle(runtime, message_id)
    message = stored(runtime, message_id)
    assert (message.status, message.status_reason) == ("skipped", reason)
    assert message.status_detail
    assert result.trace.outcome == "skipped" and result.trace.reason == reason
    assert message.raw  # nothing lost: the skipped message is kept whole
    assert message.conversation_id is None


def _our_replies(runtime: Runtime, support: Support, count: int, **fields: object) -> None:
    with transaction(runtime.sessions) as session:
        for n in range(count):
            session.add(
                Message(
                    workspace_id=support.workspace_id,
                    direction="out",
                    rfc_message_id=f"<earlier-{n}@shop.test>",
                    from_address=SUPPORT,
                    to_addresses=CUSTOMER,
                    raw=b"",
                    size=0,
                    received_via="outbox",
                    status="sent",
                    created_at=utcnow() - timedelta(minutes=n),
                    **fields,
                )
            )


def test_a_sender_with_five_replies_in_the_last_hour_is_not_answered_again(
    runtime: Runtime, support: Support
) -> None:
    _our_replies(runtime, support, 5)
    message_id = arrive(runtime, support, customer_email("Thanks! And another thing..."))
    handle(runtime, message_id)
    message = stored(runtime, message_id)
    assert (message.status, message.status_reason) == ("skipped", "reply_cap")
    assert "5 replies" in (message.status_detail or "")


def test_a_thread_with_ten_replies_today_is_not_answered_again(
    runtime: Runtime, support: Support
) -> None:
    first = arrive(runtime, support, customer_email(message_id="<loop-0@customer.test>"))
    handle(runtime, first)
    conversation_id = stored(runtime, first).conversation_id
    with transaction(runtime.sessions) as session:  # older than the sender cap's hour
        for n in range(10):
            session.add(
                Message(
                    workspace_id=support.workspace_id,
                    conversation_id=conversation_id,
                    direction="out",
                    rfc_message_id=f"<thread-{n}@shop.test>",
                    to_addresses=CUSTOMER,
                    raw=b"",
                    size=0,
                    received_via="outbox",
                    status="sent",
                    created_at=utcnow() - timedelta(hours=2),
                )
            )
    again = arrive(
        runtime,
        support,
        customer_email(message_id="<loop-1@customer.test>", in_reply_to="<thread-9@shop.test>"),
    )
    handle(runtime, again)
    message = stored(runtime, again)
    assert (message.status, message.status_reason) == ("skipped", "reply_cap")
    assert message.conversation_id == conversation_id


def test_a_reply_to_our_reply_joins_the_conversation(runtime: Runtime) -> None:
    support = configure_support(runtime, smtp_port=2525)  # the reply is only stored here
    first = arrive(runtime, support, customer_email(message_id="<q1@customer.test>"))
    handle(runtime, first)
    prepare_send_step(runtime, first, "Your refund is on its way.")
    with runtime.sessions() as session:
        ours = session.scalar(select(Message).where(Message.direction == "out"))
        assert ours is not None and ours.in_reply_to == "<q1@customer.test>"
    answer = customer_email(
        "Thanks, got it.",
        subject="Something else entirely",
        message_id="<q2@customer.test>",
        in_reply_to=ours.rfc_message_id,
    )
    second = arrive(runtime, support, answer)
    handle(runtime, second)
    assert stored(runtime, second).conversation_id == stored(runtime, first).conversation_id


def test_without_references_the_same_sender_and_subject_join_the_conversation(
    runtime: Runtime, support: Support
) -> None:
    first = arrive(runtime, support, customer_email(subject="Invoice question"))
    second = arrive(runtime, support, customer_email(subject="RE: Invoice  question"))
    other = arrive(runtime, support, customer_email(subject="Cancel my plan"))
    for message_id in (first, second, other):
        handle(runtime, message_id)
    assert stored(runtime, second).conversation_id == stored(runtime, first).conversation_id
    assert stored(runtime, other).conversation_id != stored(runtime, first).conversation_id
    with runtime.sessions() as session:
        subjects = set(session.scalars(select(Conversation.subject)))
    assert subjects == {"invoice question", "cancel my plan"}


def test_without_an_smtp_account_a_reply_fails_visibly(runtime: Runtime, support: Support) -> None:
    message_id = arrive(runtime, support, customer_email())
    assert prepare_send_step(runtime, message_id, "Hello") is None
    message = stored(runtime, message_id)
    assert (message.status, message.status_reason) == ("failed", "send")
    assert "set-smtp" in (message.status_detail or "")


def test_the_start_up_sweep_finds_messages_stored_but_never_enqueued(
    runtime: Runtime, support: Support
) -> None:
    pending = arrive(runtime, support, customer_email(message_id="<p@customer.test>"))
    done = arrive(runtime, support, customer_email(message_id="<d@customer.test>"))
    handle(runtime, done)
    queue = MessageQueue.open(runtime)
    try:
        swept = sweep(runtime, queue)
        assert swept.requeued == 1 and swept.interrupted == 0
        assert set(queue.workflow_statuses([f"message-{pending}", f"message-{done}"])) == {
            f"message-{pending}"
        }
        assert sweep(runtime, queue).running == 1  # enqueued once: found waiting, not again
    finally:
        queue.close()


def test_own_addresses_are_every_address_of_the_workspace_and_no_other(runtime: Runtime) -> None:
    """The screen's list of addresses that are us, from one statement over three tables (and
    the settings): another workspace's addresses are not in it."""
    with transaction(runtime.sessions) as session:
        ours, other = resolve_workspace(session, None), create_workspace(session, "other")
        accounts.add_inbound_address(session, ours, "Support@Shop.test")
        accounts.add_inbound_address(session, other, "help@other.test")
        accounts.add_imap_mailbox(
            session,
            runtime.master_key,
            ours,
            name="box",
            host="imap.shop.test",
            username="box@shop.test",
            password="secret",
        )
        accounts.add_imap_mailbox(
            session,
            runtime.master_key,
            ours,
            name="login",
            host="imap.shop.test",
            username="not-an-address",
            password="secret",
        )
        accounts.set_smtp_account(
            session,
            runtime.master_key,
            ours,
            host="smtp.shop.test",
            port=587,
            tls="starttls",
            from_address="replies@shop.test",
        )
        ours.settings = {**(ours.settings or {}), "support_address": "Desk@Shop.test"}
    with runtime.sessions() as session:
        assert accounts.own_addresses(session, ours.id) == {
            "support@shop.test",
            "box@shop.test",
            "replies@shop.test",
            "desk@shop.test",
        }
        assert accounts.own_addresses(session, other.id) == {"help@other.test"}
