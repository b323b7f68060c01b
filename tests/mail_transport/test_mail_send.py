"""Sending a reply through a real SMTP server (an aiosmtpd sink on loopback)."""

from __future__ import annotations

import email
import email.policy
from collections.abc import AsyncIterator

import pytest

from knowreply.mail.send import SendError, SmtpSettings, send_message
from mailservers import SmtpSink, free_port, run_smtp_sink


@pytest.fixture
async def sink() -> AsyncIterator[SmtpSink]:
    async with run_smtp_sink() as sink:
        yield sink


def plain(sink: SmtpSink) -> SmtpSettings:
    return SmtpSettings(host=sink.host, port=sink.port, tls="none", timeout=5)


def reply(to: str = "carol@example.com") -> email.message.EmailMessage:
    message = email.message.EmailMessage()
    message["From"] = "Shop Support <support@shop.test>"
    message["To"] = to
    message["Subject"] = "Re: Remboursement reçu ?"
    message["Message-ID"] = "<reply-1@shop.test>"
    message["In-Reply-To"] = "<question-1@example.com>"
    message["References"] = "<question-1@example.com>"
    message.set_content("Bonjour Carol, votre remboursement de 12,50 € est en route.\n")
    return message


async def test_a_reply_arrives_with_its_headers_intact(sink: SmtpSink) -> None:
    result = await send_message(plain(sink), reply())

    assert result.accepted == ["carol@example.com"]
    assert result.refused == {}
    assert result.reply == "2.0.0 OK: queued"
    [received] = sink.received
    assert received.mail_from == "support@shop.test"
    assert received.rcpt_to == ["carol@example.com"]
    arrived = email.message_from_bytes(received.raw, policy=email.policy.default)
    for header in ("From", "To", "Subject", "Message-ID", "In-Reply-To", "References"):
        assert arrived[header] == reply()[header], header
    assert isinstance(arrived, email.message.EmailMessage)
    body = arrived.get_body()
    assert body is not None
    assert "12,50 €" in body.get_content()


async def test_an_explicit_envelope_overrides_the_headers(sink: SmtpSink) -> None:
    await send_message(
        plain(sink), reply(), sender="bounces@shop.test", recipients=["archive@shop.test"]
    )

    [received] = sink.received
    assert (received.mail_from, received.rcpt_to) == ("bounces@shop.test", ["archive@shop.test"])


async def test_a_5xx_refusal_is_permanent(sink: SmtpSink) -> None:
    sink.refuse["gone@example.com"] = "550 5.1.1 mailbox unavailable"

    with pytest.raises(SendError) as caught:
        await send_message(plain(sink), reply(to="gone@example.com"))

    assert caught.value.permanent
    assert caught.value.code == 550
    assert "mailbox unavailable" in caught.value.message
    assert sink.received == []


async def test_a_4xx_refusal_is_transient(sink: SmtpSink) -> None:
    sink.refuse["busy@example.com"] = "451 4.3.2 try again later"

    with pytest.raises(SendError) as caught:
        await send_message(plain(sink), reply(to="busy@example.com"))

    assert not caught.value.permanent
    assert caught.value.code == 451


async def test_a_refused_cc_does_not_stop_the_reply(sink: SmtpSink) -> None:
    sink.refuse["old-cc@example.com"] = "550 5.1.1 no such user"
    message = reply()
    message["Cc"] = "old-cc@example.com"

    result = await send_message(plain(sink), message)

    assert result.accepted == ["carol@example.com"]
    assert result.refused == {"old-cc@example.com": "550 5.1.1 no such user"}
    assert sink.received[0].rcpt_to == ["carol@example.com"]


async def test_an_unreachable_server_is_transient() -> None:
    settings = SmtpSettings(host="127.0.0.1", port=free_port(), tls="none", timeout=5)

    with pytest.raises(SendError) as caught:
        await send_message(settings, reply())

    assert not caught.value.permanent


async def test_requiring_starttls_from_a_server_without_it_is_permanent(sink: SmtpSink) -> None:
    settings = SmtpSettings(host=sink.host, port=sink.port, tls="starttls", timeout=5)

    with pytest.raises(SendError) as caught:
        await send_message(settings, reply())

    assert caught.value.permanent
    assert sink.received == []
