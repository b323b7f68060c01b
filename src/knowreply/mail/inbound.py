"""The inbound item every way in produces: raw MIME bytes plus what the transport knew."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

ReceivedVia = Literal["imap", "smtp", "postmark", "mailgun", "sendgrid", "ses", "cli", "simulator"]

VerdictName = Literal["spf", "dkim", "dmarc", "spam", "spam_score", "virus"]
"""Checks a mail provider may report having done on a message before handing it over."""


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(kw_only=True)
class InboundEnvelope:
    """One received email, exactly as it arrived, and the envelope around it."""

    raw: bytes
    """The full RFC 5322 message, unmodified."""
    received_via: ReceivedVia
    mail_from: str | None = None
    """SMTP MAIL FROM (return path) when the transport knew it; `""` is the null sender."""
    rcpt_to: list[str] = field(default_factory=list)
    """SMTP RCPT TO addresses (not the To header) when the transport knew them."""
    provider_verdicts: dict[VerdictName, str] = field(default_factory=dict)
    """Verdicts a provider reported (e.g. `{"spf": "pass"}`); advisory, not authentication."""
    provider_event_id: str | None = None
    """The provider's id for this delivery (Mailgun token, SNS MessageId, Postmark MessageID):
    store it with a unique constraint to refuse a replayed delivery."""
    received_at: datetime = field(default_factory=utc_now)
