"""The stored row of an inbound email, from its bytes: what `mail.store` writes through the
ORM and `pipeline.quick` through the DB-API driver, so both store exactly the same."""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict

from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.parse import parse_message

MAX_HEADER_CHARS = 990
"""Stored copies of From/To are cut to the column sizes; the raw bytes keep everything."""


class InboundRow(TypedDict):
    workspace_id: int
    direction: str
    rfc_message_id: str
    in_reply_to: str | None
    references: str | None
    from_address: str
    to_addresses: str
    subject: str
    raw: bytes
    size: int
    received_via: str
    created_at: datetime


def inbound_row(workspace_id: int, envelope: InboundEnvelope) -> InboundRow:
    """The columns of the message's row (the others keep their defaults).

    Parsing never fails, and a message without a Message-ID gets a synthetic one derived
    from its bytes, so the same bytes always map to the same row.
    """
    parsed = parse_message(envelope.raw)
    return InboundRow(
        workspace_id=workspace_id,
        direction="in",
        rfc_message_id=parsed.message_id[:998],
        in_reply_to=" ".join(parsed.in_reply_to) or None,
        references=" ".join(parsed.references) or None,
        from_address=parsed.sender.address[:320] if parsed.sender else "",
        to_addresses=", ".join(a.address for a in parsed.to)[:MAX_HEADER_CHARS],
        subject=parsed.subject,
        raw=envelope.raw,
        size=len(envelope.raw),
        received_via=envelope.received_via,
        created_at=envelope.received_at,
    )
