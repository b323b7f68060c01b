"""Receive mail over SMTP (aiosmtpd) for known support addresses, answering 250 only once stored.

The server runs on the caller's event loop, so `deliver` can use the caller's database
session and other loop-bound resources. A failure to store answers `451`: the sending MTA
keeps the message and retries, so nothing is lost.
"""

from __future__ import annotations

import asyncio
import inspect
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import structlog
from aiosmtpd.smtp import SMTP, Envelope, Session

from knowreply.mail.inbound import InboundEnvelope

log = structlog.get_logger(__name__)

ResolveRecipient = Callable[[str], str | Awaitable[str | None] | None]
"""Recipient address -> the workspace key that owns it, or None for an unknown address."""

Deliver = Callable[[InboundEnvelope, dict[str, str]], Awaitable[None]]
"""Store the message (and the recipient -> workspace map); return only once it is stored."""

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class InboundSmtpHandler:
    """aiosmtpd handler: recipient check at RCPT, storage at DATA."""

    def __init__(self, resolve_recipient: ResolveRecipient, deliver: Deliver) -> None:
        self._resolve_recipient = resolve_recipient
        self._deliver = deliver
        self._workspaces: weakref.WeakKeyDictionary[Envelope, dict[str, str]] = (
            weakref.WeakKeyDictionary()
        )

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        workspace = self._resolve_recipient(address)
        if inspect.isawaitable(workspace):
            workspace = await workspace
        if workspace is None:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        self._workspaces.setdefault(envelope, {})[address] = workspace
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content
        assert raw is not None
        message = InboundEnvelope(
            raw=raw,
            received_via="smtp",
            mail_from=envelope.mail_from,
            rcpt_to=list(envelope.rcpt_tos),
        )
        try:
            await self._deliver(message, dict(self._workspaces.get(envelope, {})))
        except Exception as exc:
            log.error("mail.smtp_in.store_failed", error=repr(exc), peer=str(session.peer))
            return "451 4.3.0 could not store the message, try again later"
        return "250 2.0.0 OK: stored"


@dataclass
class InboundSmtpServer:
    """A listening SMTP server; `port` is the bound port (useful when asked for port 0)."""

    host: str
    port: int
    _server: asyncio.Server

    async def stop(self) -> None:
        self._server.close()
        await self._server.wait_closed()


async def start_smtp_server(
    host: str,
    port: int,
    *,
    resolve_recipient: ResolveRecipient,
    deliver: Deliver,
    max_bytes: int = DEFAULT_MAX_BYTES,
    hostname: str | None = None,
) -> InboundSmtpServer:
    """Listen on `host:port` on the running event loop.

    Messages over `max_bytes` are refused with `552` (announced in EHLO as SIZE, checked at
    MAIL FROM when the client declares a size and while reading DATA otherwise).
    """
    handler = InboundSmtpHandler(resolve_recipient, deliver)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, data_size_limit=max_bytes, hostname=hostname, loop=loop),
        host,
        port,
    )
    bound_port: int = server.sockets[0].getsockname()[1]
    return InboundSmtpServer(host=host, port=bound_port, _server=server)
