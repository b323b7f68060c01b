"""Reading a support mailbox on a real Dovecot server: cursors, size limits, \\Seen."""

from __future__ import annotations

import dataclasses
import json

import pytest

from knowreply.mail.imap import (
    ImapCursor,
    MailboxError,
    TooLarge,
    current_cursor,
    fetch_new,
    fetch_new_async,
    mark_seen,
)
from knowreply.mail.inbound import InboundEnvelope
from mailservers import Mailbox, free_port

pytestmark = pytest.mark.imap


def customer_email(subject: str, body: str = "Hello, where is my invoice?") -> bytes:
    return (
        "From: Carol Customer <carol@example.com>\r\n"
        "To: support@shop.test\r\n"
        f"Subject: {subject}\r\n"
        f"Message-ID: <{subject.replace(' ', '-')}@example.com>\r\n"
        "\r\n"
        f"{body}\r\n"
    ).encode()


def subjects(messages: list[tuple[int, InboundEnvelope | TooLarge]]) -> list[str]:
    found = []
    for _, item in messages:
        assert isinstance(item, InboundEnvelope)
        subject_line = next(line for line in item.raw.split(b"\r\n") if line.startswith(b"Subj"))
        found.append(subject_line.decode().removeprefix("Subject: "))
    return found


def seen_uids(mailbox: Mailbox, folder: str = "INBOX") -> set[int]:
    client = mailbox.server.client(mailbox.username)
    try:
        client.select_folder(folder, readonly=True)
        return set(client.search(["SEEN"]))
    finally:
        client.logout()


def test_new_mail_is_fetched_once(mailbox: Mailbox) -> None:
    first = mailbox.deliver(customer_email("refund please"))
    second = mailbox.deliver(customer_email("cancel my plan"))

    batch = fetch_new(mailbox.config(), None)

    assert [uid for uid, _ in batch.messages] == [first, second]
    assert subjects(batch.messages) == ["refund please", "cancel my plan"]
    envelope = batch.messages[0][1]
    assert isinstance(envelope, InboundEnvelope)
    assert envelope.received_via == "imap"
    assert envelope.raw == customer_email("refund please")
    assert envelope.received_at.utcoffset() is not None
    assert batch.cursor.last_uid == second
    assert not batch.has_more

    again = fetch_new(mailbox.config(), batch.cursor)

    assert again.messages == []
    assert again.cursor == batch.cursor


async def test_a_saved_cursor_survives_a_restart(mailbox: Mailbox) -> None:
    mailbox.deliver(customer_email("first question"))
    before_restart = await fetch_new_async(mailbox.config(), None)
    saved = json.dumps(dataclasses.asdict(before_restart.cursor))
    mailbox.deliver(customer_email("second question"))

    after_restart = await fetch_new_async(mailbox.config(), ImapCursor(**json.loads(saved)))

    assert subjects(after_restart.messages) == ["second question"]
    assert not after_restart.uidvalidity_changed


def test_a_newly_connected_mailbox_can_skip_its_history(mailbox: Mailbox) -> None:
    mailbox.deliver(customer_email("answered by a human last year"))
    cursor = current_cursor(mailbox.config())
    mailbox.deliver(customer_email("arrived after connecting"))

    assert subjects(fetch_new(mailbox.config(), cursor).messages) == ["arrived after connecting"]


def test_a_recreated_folder_is_read_again_from_the_start(mailbox: Mailbox) -> None:
    config = mailbox.config(folder="Support")
    client = mailbox.server.client(mailbox.username)
    client.create_folder("Support")
    mailbox.deliver(customer_email("old question"), folder="Support")
    cursor = fetch_new(config, None).cursor
    client.delete_folder("Support")
    client.create_folder("Support")
    client.logout()
    mailbox.deliver(customer_email("question after the move"), folder="Support")

    batch = fetch_new(config, cursor)

    assert batch.uidvalidity_changed
    assert batch.cursor.uidvalidity != cursor.uidvalidity
    assert subjects(batch.messages) == ["question after the move"]


def test_a_message_over_the_size_limit_is_reported_without_its_body(mailbox: Mailbox) -> None:
    small = mailbox.deliver(customer_email("short question"))
    huge_email = customer_email("scan attached", body="A" * 5000)
    huge = mailbox.deliver(huge_email)

    batch = fetch_new(mailbox.config(max_bytes=2000), None)

    assert [uid for uid, _ in batch.messages] == [small, huge]
    assert isinstance(batch.messages[0][1], InboundEnvelope)
    assert batch.messages[1][1] == TooLarge(uid=huge, size=len(huge_email))
    assert batch.cursor.last_uid == huge


def test_a_big_backlog_comes_in_batches(mailbox: Mailbox) -> None:
    for number in range(3):
        mailbox.deliver(customer_email(f"question {number}"))

    first = fetch_new(mailbox.config(batch_size=2), None)
    rest = fetch_new(mailbox.config(batch_size=2), first.cursor)

    assert subjects(first.messages) == ["question 0", "question 1"]
    assert first.has_more
    assert subjects(rest.messages) == ["question 2"]
    assert not rest.has_more


def test_fetching_leaves_mail_unread_and_mark_seen_marks_only_what_it_is_given(
    mailbox: Mailbox,
) -> None:
    stored = mailbox.deliver(customer_email("stored one"))
    mailbox.deliver(customer_email("not stored yet"))
    batch = fetch_new(mailbox.config(), None)
    assert seen_uids(mailbox) == set()

    assert mark_seen(mailbox.config(), [stored], uidvalidity=batch.cursor.uidvalidity)

    assert seen_uids(mailbox) == {stored}


def test_mark_seen_refuses_uids_from_before_the_folder_was_recreated(mailbox: Mailbox) -> None:
    config = mailbox.config(folder="Support")
    client = mailbox.server.client(mailbox.username)
    client.create_folder("Support")
    old_uid = mailbox.deliver(customer_email("old"), folder="Support")
    old_validity = fetch_new(config, None).cursor.uidvalidity
    client.delete_folder("Support")
    client.create_folder("Support")
    client.logout()
    mailbox.deliver(customer_email("new, same UID"), folder="Support")

    assert not mark_seen(config, [old_uid], uidvalidity=old_validity)
    assert seen_uids(mailbox, "Support") == set()


def test_mark_seen_does_nothing_when_the_mailbox_keeps_mail_unread(mailbox: Mailbox) -> None:
    uid = mailbox.deliver(customer_email("leave me unread"))
    config = mailbox.config(mark_seen=False)
    validity = fetch_new(config, None).cursor.uidvalidity

    assert mark_seen(config, [uid], uidvalidity=validity)
    assert seen_uids(mailbox) == set()


def test_a_wrong_password_is_a_permanent_error(mailbox: Mailbox) -> None:
    with pytest.raises(MailboxError) as caught:
        fetch_new(mailbox.config(password="wrong"), None)

    assert caught.value.permanent
    assert "wrong" not in caught.value.message


def test_a_missing_folder_is_a_permanent_error(mailbox: Mailbox) -> None:
    with pytest.raises(MailboxError) as caught:
        fetch_new(mailbox.config(folder="Nope"), None)

    assert caught.value.permanent
    assert "Nope" in caught.value.message


def test_an_unreachable_server_is_a_transient_error(mailbox: Mailbox) -> None:
    with pytest.raises(MailboxError) as caught:
        fetch_new(mailbox.config(port=free_port(), timeout=2), None)

    assert not caught.value.permanent
