"""Inbound SMTP: only known support addresses, a size limit, and 250 only once stored."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiosmtplib
import pytest

from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.smtp_in import InboundSmtpServer, start_smtp_server

WORKSPACES = {"support@shop.test": "ws_shop", "help@other.test": "ws_other"}
EMAIL = b"From: carol@example.com\r\nTo: support@shop.test\r\nSubject: refund\r\n\r\nHi!\r\n"


class Store:
    def __init__(self) -> None:
        self.stored: list[tuple[InboundEnvelope, dict[str, str]]] = []
        self.failures_left = 0

    async def deliver(self, envelope: InboundEnvelope, workspaces: dict[str, str]) -> None:
        if self.failures_left:
            self.failures_left -= 1
            raise ConnectionError("database is down")
        self.stored.append((envelope, workspaces))


async def resolve(address: str) -> str | None:
    return WORKSPACES.get(address.lower())


@pytest.fixture
def store() -> Store:
    return Store()


@pytest.fixture
async def server(store: Store) -> AsyncIterator[InboundSmtpServer]:
    server = await start_smtp_server(
        "127.0.0.1", 0, resolve_recipient=resolve, deliver=store.deliver, max_bytes=4096
    )
    yield server
    await server.stop()


async def connect(server: InboundSmtpServer) -> aiosmtplib.SMTP:
    client = aiosmtplib.SMTP(hostname=server.host, port=server.port, start_tls=False)
    await client.connect()
    return client


async def test_mail_for_a_known_address_is_stored_then_accepted(
    server: InboundSmtpServer, store: Store
) -> None:
    client = await connect(server)

    refused, reply = await client.sendmail("carol@example.com", ["support@shop.test"], EMAIL)
    await client.quit()

    assert refused == {}
    assert reply == "2.0.0 OK: stored"
    [(envelope, workspaces)] = store.stored
    assert envelope.raw == EMAIL
    assert envelope.received_via == "smtp"
    assert envelope.mail_from == "carol@example.com"
    assert envelope.rcpt_to == ["support@shop.test"]
    assert workspaces == {"support@shop.test": "ws_shop"}


async def test_an_unknown_address_is_refused_with_550(
    server: InboundSmtpServer, store: Store
) -> None:
    client = await connect(server)

    with pytest.raises(aiosmtplib.SMTPRecipientsRefused) as caught:
        await client.sendmail("spammer@example.com", ["ceo@shop.test"], EMAIL)
    await client.quit()

    [refusal] = caught.value.recipients
    assert (refusal.code, refusal.message) == (550, "5.1.1 no such mailbox")
    assert store.stored == []


async def test_only_the_known_recipients_of_a_message_are_accepted(
    server: InboundSmtpServer, store: Store
) -> None:
    client = await connect(server)

    refused, _ = await client.sendmail(
        "carol@example.com", ["support@shop.test", "nobody@shop.test", "help@other.test"], EMAIL
    )
    await client.quit()

    assert list(refused) == ["nobody@shop.test"]
    [(envelope, workspaces)] = store.stored
    assert envelope.rcpt_to == ["support@shop.test", "help@other.test"]
    assert workspaces == {"support@shop.test": "ws_shop", "help@other.test": "ws_other"}


async def test_a_declared_oversized_message_is_refused_at_mail_from(
    server: InboundSmtpServer, store: Store
) -> None:
    client = await connect(server)

    with pytest.raises(aiosmtplib.SMTPSenderRefused) as caught:
        await client.sendmail(
            "carol@example.com", ["support@shop.test"], EMAIL, mail_options=["SIZE=50000"]
        )
    await client.quit()

    assert caught.value.code == 552
    assert store.stored == []


async def test_an_oversized_message_is_refused_with_552_after_data(
    server: InboundSmtpServer, store: Store
) -> None:
    client = await connect(server)
    huge = EMAIL + (b"x" * 70 + b"\r\n") * 120  # 8.7 KB, over the 4 KB limit

    await client.mail("carol@example.com")
    await client.rcpt("support@shop.test")
    with pytest.raises(aiosmtplib.SMTPDataError) as caught:
        await client.data(huge)
    await client.quit()

    assert caught.value.code == 552
    assert store.stored == []


async def test_a_storage_failure_answers_451_so_the_sender_retries(
    server: InboundSmtpServer, store: Store
) -> None:
    store.failures_left = 1
    client = await connect(server)

    with pytest.raises(aiosmtplib.SMTPDataError) as caught:
        await client.sendmail("carol@example.com", ["support@shop.test"], EMAIL)
    assert caught.value.code == 451
    assert caught.value.message.startswith("4.3.0")
    assert store.stored == []

    refused, _ = await client.sendmail("carol@example.com", ["support@shop.test"], EMAIL)
    await client.quit()

    assert refused == {}
    assert [envelope.raw for envelope, _ in store.stored] == [EMAIL]


async def test_a_synchronous_resolver_is_accepted(store: Store) -> None:
    server = await start_smtp_server(
        "127.0.0.1", 0, resolve_recipient=WORKSPACES.get, deliver=store.deliver
    )
    try:
        await aiosmtplib.send(
            EMAIL,
            sender="carol@example.com",
            recipients=["help@other.test"],
            hostname=server.host,
            port=server.port,
            start_tls=False,
        )
    finally:
        await server.stop()

    assert [workspaces for _, workspaces in store.stored] == [{"help@other.test": "ws_other"}]
