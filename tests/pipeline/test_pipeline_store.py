"""Storing inbound mail: first, once per (workspace, Message-ID), whatever way it came in."""

from __future__ import annotations

from sqlalchemy import func, select

from knowreply.db.models import Message
from knowreply.db.session import transaction
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import record_provider_event, store_inbound, store_too_large
from knowreply.runtime import Runtime
from knowreply.workspaces import create_workspace
from tests.pipeline.conftest import CUSTOMER, Support, customer_email


def stored_count(runtime: Runtime) -> int:
    with runtime.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Message)) or 0)


def test_a_message_is_stored_with_its_headers_and_raw_bytes(
    runtime: Runtime, support: Support
) -> None:
    raw = customer_email(message_id="<first@customer.test>", in_reply_to="<ours@shop.test>")
    with transaction(runtime.sessions) as session:
        message, created = store_inbound(
            session, support.workspace_id, InboundEnvelope(raw=raw, received_via="imap")
        )
    assert created
    with runtime.sessions() as session:
        stored = session.get_one(Message, message.id)
        assert stored.raw == raw and stored.size == len(raw)
        assert stored.rfc_message_id == "<first@customer.test>"
        assert stored.in_reply_to == "<ours@shop.test>"
        assert stored.from_address == CUSTOMER
        assert stored.subject == "Refund for order 1042"
        assert (stored.direction, stored.status, stored.received_via) == ("in", "received", "imap")


def test_the_same_message_by_two_ways_is_stored_once(runtime: Runtime, support: Support) -> None:
    raw = customer_email(message_id="<twice@customer.test>")
    results = []
    for via in ("imap", "smtp"):
        with transaction(runtime.sessions) as session:
            message, created = store_inbound(
                session, support.workspace_id, InboundEnvelope(raw=raw, received_via=via)
            )
            results.append((message.id, created))
    assert results[0][1] is True and results[1] == (results[0][0], False)
    assert stored_count(runtime) == 1


def test_the_same_message_id_in_two_workspaces_is_two_messages(
    runtime: Runtime, support: Support
) -> None:
    raw = customer_email(message_id="<shared@customer.test>")
    with transaction(runtime.sessions) as session:
        other = create_workspace(session, "other")
        for workspace_id in (support.workspace_id, other.id):
            _, created = store_inbound(
                session, workspace_id, InboundEnvelope(raw=raw, received_via="smtp")
            )
            assert created
    assert stored_count(runtime) == 2


def test_a_message_without_message_id_is_deduplicated_by_its_bytes(
    runtime: Runtime, support: Support
) -> None:
    raw = b"From: carol@customer.test\r\nSubject: hi\r\n\r\nno id here\r\n"
    with transaction(runtime.sessions) as session:
        first, _ = store_inbound(
            session, support.workspace_id, InboundEnvelope(raw=raw, received_via="cli")
        )
        again, created = store_inbound(
            session, support.workspace_id, InboundEnvelope(raw=raw, received_via="cli")
        )
    assert not created and again.id == first.id
    assert first.rfc_message_id.endswith("@knowreply.invalid>")


def test_a_too_large_message_leaves_a_record_of_its_skip(
    runtime: Runtime, support: Support
) -> None:
    with transaction(runtime.sessions) as session:
        message, created = store_too_large(
            session,
            support.workspace_id,
            where="mailbox support (INBOX, UID 7)",
            size=50_000_000,
            placeholder_id="<too-large-1-7@mailbox-1.knowreply.invalid>",
        )
    assert created
    with runtime.sessions() as session:
        stored = session.get_one(Message, message.id)
        assert (stored.status, stored.status_reason, stored.size) == (
            "skipped",
            "too_large",
            50_000_000,
        )
        assert "UID 7" in (stored.status_detail or "")


def test_a_provider_event_id_is_recorded_once(runtime: Runtime, support: Support) -> None:
    with transaction(runtime.sessions) as session:
        message, _ = store_inbound(
            session,
            support.workspace_id,
            InboundEnvelope(raw=customer_email(), received_via="mailgun"),
        )
        assert record_provider_event(session, support.workspace_id, "mailgun", "tok-1", message.id)
        assert not record_provider_event(
            session, support.workspace_id, "mailgun", "tok-1", message.id
        )
