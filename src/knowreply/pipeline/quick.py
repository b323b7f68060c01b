"""`knowreply ingest`'s common case without the ORM: store a new email, then record its skip
when the screen says so (auto-replies, bounces, lists, our own mail).

Declaring and configuring the ORM models costs about half of a short command's start, so
these two steps go through SQLAlchemy Core (`db.tables`) and write what `mail.store` and the
screen step write. Anything else is left to the ORM way, which does it again from the start:
a workspace that is not found or must be chosen (its error), a Message-ID stored before, mail
the screen lets through (the per-sender cap, threading, the agent: `pipeline.handle`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from knowreply.db.tables import inbound_addresses, mailboxes, messages, smtp_accounts, workspaces
from knowreply.db.types import utcnow
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.parse import parse_message
from knowreply.mail.row import inbound_row
from knowreply.mail.screen import screen


@dataclass(frozen=True)
class Stored:
    message_id: int
    workspace_id: int
    sender: str
    """The stored From address."""


@dataclass(frozen=True)
class Skipped:
    reason: str
    detail: str | None


def store_new(engine: Engine, workspace: str | None, envelope: InboundEnvelope) -> Stored | None:
    """Store the email as `mail.store.store_inbound` does, in its own transaction; None when
    the workspace is not exactly one or the email was stored before (nothing is written)."""
    with engine.begin() as connection:
        workspace_id = _workspace_id(connection, workspace)
        if workspace_id is None:
            return None
        row = inbound_row(workspace_id, envelope)
        try:
            with connection.begin_nested():
                message_id: int = connection.execute(
                    insert(messages)
                    .values(**row, status="received", retries=0, updated_at=utcnow())
                    .returning(messages.c.id)
                ).scalar_one()
        except IntegrityError:
            return None
    return Stored(message_id, workspace_id, row["from_address"])


def screen_out(engine: Engine, stored: Stored) -> Skipped | None:
    """The screen step for a new email: its skip recorded on the message, or None when the
    email must be handled (nothing is written then: the screen step runs in full). On an
    error nothing is written either: the caller runs the screen step, which records it.

    A new email has no action waiting and `skipped` needs no person, so a skip makes no
    notification (`notifications.events.record_for_message`)."""
    with engine.begin() as connection:
        raw: bytes = connection.execute(
            select(messages.c.raw).where(messages.c.id == stored.message_id)
        ).scalar_one()
        verdict = screen(
            parse_message(raw), own_addresses=_own_addresses(connection, stored.workspace_id)
        )
        if not verdict.skip:
            return None
        assert verdict.reason is not None
        now = utcnow()
        connection.execute(
            update(messages)
            .where(messages.c.id == stored.message_id)
            .values(
                status="skipped",
                status_reason=verdict.reason.value,
                status_detail=verdict.detail,
                handled_at=now,
                updated_at=now,
            )
        )
    return Skipped(verdict.reason.value, verdict.detail)


def _workspace_id(connection: Connection, name: str | None) -> int | None:
    """`workspaces.resolve_workspace` when it finds one."""
    query = select(workspaces.c.id).limit(2)
    if name:
        query = query.where(workspaces.c.name == name)
    found = connection.scalars(query).all()
    return found[0] if len(found) == 1 else None


def _own_addresses(connection: Connection, workspace_id: int) -> set[str]:
    """`mail.accounts.own_addresses`: every address that is us."""
    found = set(
        connection.scalars(
            select(inbound_addresses.c.address).where(
                inbound_addresses.c.workspace_id == workspace_id
            )
        )
    )
    found.update(
        connection.scalars(
            select(mailboxes.c.username).where(mailboxes.c.workspace_id == workspace_id)
        )
    )
    found.update(
        connection.scalars(
            select(smtp_accounts.c.from_address).where(smtp_accounts.c.workspace_id == workspace_id)
        )
    )
    settings: dict[str, Any] = (
        connection.scalar(select(workspaces.c.settings).where(workspaces.c.id == workspace_id))
        or {}
    )
    support_address = settings.get("support_address")
    if not isinstance(support_address, str | None):
        raise ValueError("support_address")  # the settings model refuses it: the screen step fails
    if support_address:
        found.add(support_address)
    return {address.lower() for address in found if "@" in address}
