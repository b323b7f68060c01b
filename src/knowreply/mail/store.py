"""Store inbound mail first, exactly once per (workspace, Message-ID), before anything else.

Every way in (IMAP, inbound SMTP, provider webhooks, `knowreply ingest`) calls
`store_inbound`; the same message arriving twice (two mailboxes, a redelivered webhook, IMAP
and SMTP both) is stored once and handled once. Services never commit: the caller does.
"""

from __future__ import annotations

import functools

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from knowreply.db.models import Message, ProviderEvent
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.message import InboundMessage
from knowreply.mail.parse import parse_message
from knowreply.mail.row import inbound_row
from knowreply.mail.screen import SkipReason


def store_inbound(
    session: Session, workspace_id: int, envelope: InboundEnvelope
) -> tuple[Message, bool]:
    """The stored message for `envelope`, and whether this call created it (the same bytes
    always map to the same row: see `mail.row.inbound_row`)."""
    return _insert_once(session, Message(**inbound_row(workspace_id, envelope)))


def store_too_large(
    session: Session, workspace_id: int, *, where: str, size: int, placeholder_id: str
) -> tuple[Message, bool]:
    """A record of a message too large to download: no body, its size, where to find it.

    Nothing is lost: the message stays in the mailbox; the record says it was skipped.
    """
    message = Message(
        workspace_id=workspace_id,
        direction="in",
        rfc_message_id=placeholder_id,
        raw=b"",
        size=size,
        received_via="imap",
        status="skipped",
        status_reason=SkipReason.TOO_LARGE.value,
        status_detail=f"{size} bytes, not downloaded; it is still in {where}",
    )
    return _insert_once(session, message)


def _insert_once(session: Session, message: Message) -> tuple[Message, bool]:
    try:
        with session.begin_nested():
            session.add(message)
    except IntegrityError:
        existing = session.scalar(
            select(Message).where(
                Message.workspace_id == message.workspace_id,
                Message.rfc_message_id == message.rfc_message_id,
            )
        )
        if existing is None:  # the constraint that failed was another one
            raise
        return existing, False
    return message, True


CACHED_PARSE_BYTES = 256 * 1024
"""Messages up to this size are parsed once per process (`parsed`); larger ones each time,
so the cache stays small."""


@functools.lru_cache(maxsize=64)
def _parse_once(raw: bytes) -> InboundMessage:
    return parse_message(raw)


def parsed(message: Message) -> InboundMessage:
    """The stored raw bytes parsed (steps keep only ids between them). Parsing is pure and
    its result immutable, so the same bytes are parsed once however many steps read them."""
    if len(message.raw) > CACHED_PARSE_BYTES:
        return parse_message(message.raw)
    return _parse_once(message.raw)


def provider_event_seen(session: Session, provider: str, event_id: str) -> bool:
    found = session.scalar(
        select(ProviderEvent.id).where(
            ProviderEvent.provider == provider, ProviderEvent.event_id == event_id
        )
    )
    return found is not None


def record_provider_event(
    session: Session, workspace_id: int, provider: str, event_id: str, message_id: int
) -> bool:
    """Remember a provider's delivery id; False when it was already recorded (a replay)."""
    event = ProviderEvent(
        workspace_id=workspace_id, provider=provider, event_id=event_id[:255], message_id=message_id
    )
    try:
        with session.begin_nested():
            session.add(event)
    except IntegrityError:
        return False
    return True
