"""Send one message through the workspace's SMTP server (aiosmtplib).

Retrying is the outbox's job: this module sends once and says whether trying again can help.
"""

from __future__ import annotations

import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses
from typing import Literal

import aiosmtplib

TlsMode = Literal["ssl", "starttls", "none"]


@dataclass(frozen=True, kw_only=True)
class SmtpSettings:
    host: str
    port: int = 587
    tls: TlsMode = "starttls"
    """`ssl`: TLS from the first byte (port 465); `starttls`: upgrade, required; `none`: plain."""
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False)
    """TLS settings; the default verifies the server certificate against the system CAs."""


@dataclass(frozen=True)
class SendResult:
    accepted: list[str]
    refused: dict[str, str]
    """Recipients the server refused while accepting others: address -> its reply."""
    reply: str
    """The server's answer to the message data (often carries its queue id)."""


class SendError(Exception):
    """The message was not sent. Permanent (5xx, bad credentials): retrying will not help.
    Transient (4xx, network, timeout): the outbox should retry later."""

    def __init__(self, message: str, *, permanent: bool, code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent
        self.code = code


async def send_message(
    settings: SmtpSettings,
    message: EmailMessage,
    *,
    sender: str | None = None,
    recipients: Sequence[str] | None = None,
) -> SendResult:
    """Send `message`; the envelope defaults to its From/Sender and To/Cc/Bcc headers."""
    try:
        refused, reply = await aiosmtplib.send(
            message,
            sender=sender,
            recipients=recipients,
            hostname=settings.host,
            port=settings.port,
            username=settings.username,
            password=settings.password,
            use_tls=settings.tls == "ssl",
            start_tls=settings.tls == "starttls",
            tls_context=settings.ssl_context,
            timeout=settings.timeout,
        )
    except aiosmtplib.SMTPRecipientsRefused as exc:
        codes = [refusal.code for refusal in exc.recipients]
        detail = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
        raise SendError(
            f"all recipients refused: {detail}",
            permanent=all(code >= 500 for code in codes),
            code=max(codes),
        ) from exc
    except aiosmtplib.SMTPResponseException as exc:
        raise SendError(
            f"{settings.host} answered {exc.code} {exc.message}",
            permanent=exc.code >= 500,
            code=exc.code,
        ) from exc
    except ssl.SSLCertVerificationError as exc:
        raise SendError(f"{settings.host} has an untrusted certificate", permanent=True) from exc
    except OSError as exc:  # includes aiosmtplib's disconnect, connect and timeout errors
        raise SendError(f"could not talk to {settings.host}: {exc}", permanent=False) from exc
    except aiosmtplib.SMTPException as exc:  # e.g. STARTTLS required but not offered
        raise SendError(f"{settings.host}: {exc.message}", permanent=True) from exc
    refused_replies = {address: f"{r.code} {r.message}" for address, r in refused.items()}
    accepted = [a for a in _envelope_recipients(message, recipients) if a not in refused]
    return SendResult(accepted=accepted, refused=refused_replies, reply=reply)


def _envelope_recipients(message: EmailMessage, recipients: Sequence[str] | None) -> list[str]:
    if recipients is not None:
        return list(recipients)
    headers = [str(v) for name in ("To", "Cc", "Bcc") for v in message.get_all(name, [])]
    return [address for _, address in getaddresses(headers) if address]
