"""`knowreply ingest`'s common case without SQLAlchemy: store a new email, then record its
skip when the screen says so (auto-replies, bounces, lists, our own mail).

Importing SQLAlchemy (its ORM all the more) costs more than the rest of such a command, so
these two steps run a few statements through the DB-API driver (`db.direct`) and write what
`mail.store` and the screen step write: the same row (`mail.row.inbound_row`), the same
skip. Anything else is left to the ORM way, which does it again from the start: a database
this way cannot open or check (its error), a workspace that is not found or must be chosen
(its error), a Message-ID stored before, mail the screen lets through (the per-sender cap,
threading, the agent: `pipeline.handle`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from knowreply.config import Settings
from knowreply.db import direct
from knowreply.db.revision import HEAD
from knowreply.errors import ConfigError
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


@contextmanager
def open_database(settings: Settings) -> Iterator[direct.Direct | None]:
    """`runtime.open_database`'s checks (reachable, schema at `HEAD`, the master key opens the
    canary) through `db.direct`; None when one fails: the SQLAlchemy way says why."""
    with direct.connect(settings.location) as database:
        if database is None or not _checked(database, settings):
            yield None
        else:
            yield database


def _checked(database: direct.Direct, settings: Settings) -> bool:
    from knowreply.secrets import CANARY_KEY, load_master_key

    try:
        with database.transaction():
            revision = database.scalar("SELECT version_num FROM alembic_version")
            canary = database.scalar("SELECT value FROM meta WHERE key = ?", [CANARY_KEY])
    except database.driver.Error:  # no such table: not set up
        return False
    if revision != HEAD:
        return False
    try:
        master_key = load_master_key(settings, create=False)
        if canary is not None:
            master_key.check_canary(canary)
    except ConfigError:
        return False
    return True


def store_new(
    database: direct.Direct, workspace: str | None, envelope: InboundEnvelope
) -> Stored | None:
    """Store the email as `mail.store.store_inbound` does, in its own transaction; None when
    the workspace is not exactly one or the email was stored before (nothing is written)."""
    try:
        with database.transaction():
            workspace_id = _workspace_id(database, workspace)
            if workspace_id is None:
                return None
            row = inbound_row(workspace_id, envelope)
            values: dict[str, object] = {
                **row,
                "status": "received",
                "retries": 0,
                "updated_at": _now(),
            }
            columns = ", ".join(f'"{name}"' for name in values)  # quoted: "references"
            message_id: int = database.scalar(
                f"INSERT INTO messages ({columns}) "  # noqa: S608 (the row's own keys)
                f"VALUES ({', '.join('?' * len(values))}) RETURNING id",
                list(values.values()),
            )
    except database.driver.IntegrityError:
        return None
    return Stored(message_id, workspace_id, row["from_address"])


def screen_out(database: direct.Direct, stored: Stored) -> Skipped | None:
    """The screen step for a new email: its skip recorded on the message, or None when the
    email must be handled (nothing is written then: the screen step runs in full). On an
    error nothing is written either: the caller runs the screen step, which records it.

    A new email has no action waiting and `skipped` needs no person, so a skip makes no
    notification (`notifications.events.record_for_message`)."""
    with database.transaction():
        raw: bytes = database.scalar("SELECT raw FROM messages WHERE id = ?", [stored.message_id])
        verdict = screen(
            parse_message(raw), own_addresses=_own_addresses(database, stored.workspace_id)
        )
        if not verdict.skip:
            return None
        assert verdict.reason is not None
        now = _now()
        database.rows(
            "UPDATE messages SET status = ?, status_reason = ?, status_detail = ?,"
            " handled_at = ?, updated_at = ? WHERE id = ?",
            ["skipped", verdict.reason.value, verdict.detail, now, now, stored.message_id],
        )
    return Skipped(verdict.reason.value, verdict.detail)


def _now() -> datetime:
    return datetime.now(UTC)


def _workspace_id(database: direct.Direct, name: str | None) -> int | None:
    """`workspaces.resolve_workspace` when it finds one."""
    if name:
        found = database.column("SELECT id FROM workspaces WHERE name = ? LIMIT 2", [name])
    else:
        found = database.column("SELECT id FROM workspaces LIMIT 2")
    return found[0] if len(found) == 1 else None


def _own_addresses(database: direct.Direct, workspace_id: int) -> set[str]:
    """`mail.accounts.own_addresses`: every address that is us."""
    found: set[str] = set()
    for query in (
        "SELECT address FROM inbound_addresses WHERE workspace_id = ?",
        "SELECT username FROM mailboxes WHERE workspace_id = ?",
        "SELECT from_address FROM smtp_accounts WHERE workspace_id = ?",
    ):
        found.update(database.column(query, [workspace_id]))
    stored = database.scalar("SELECT settings FROM workspaces WHERE id = ?", [workspace_id])
    # A JSON column: text on SQLite, already read on PostgreSQL.
    settings: dict[str, Any] = (json.loads(stored) if isinstance(stored, str) else stored) or {}
    support_address = settings.get("support_address")
    if not isinstance(support_address, str | None):
        raise ValueError("support_address")  # the settings model refuses it: the screen step fails
    if support_address:
        found.add(support_address)
    return {address.lower() for address in found if "@" in address}
