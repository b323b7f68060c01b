"""`knowreply ingest`'s quick way (the DB-API driver, no SQLAlchemy) stores and skips an email
exactly as the ORM way does (`mail.store`, the screen step), and leaves everything else to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select

from knowreply.access import Operator
from knowreply.db.direct import Direct
from knowreply.db.models import Message
from knowreply.db.session import transaction
from knowreply.mail import accounts
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.notifications.events import NEEDS_PERSON
from knowreply.pipeline import quick
from knowreply.pipeline.handle import handle
from knowreply.runtime import Runtime
from knowreply.workspace_settings import SettingsChange, update
from knowreply.workspaces import create_workspace, resolve_workspace

MAIL = Path(__file__).resolve().parents[1] / "data" / "mail"
TIMES = ("id", "updated_at", "handled_at")
"""What differs between two stores of the same email: the row and when it was written."""


@pytest.fixture
def workspace_id(runtime: Runtime) -> int:
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, None)
        accounts.add_inbound_address(session, workspace, "support@shop.example")
        return workspace.id


@pytest.fixture
def direct(runtime: Runtime) -> Iterator[Direct]:
    with quick.open_database(runtime.settings) as opened:
        assert opened is not None
        yield opened


def stored_row(runtime: Runtime, message_id: int) -> dict[str, Any]:
    with runtime.sessions() as session:
        message = session.get_one(Message, message_id)
        columns = [c.key for c in Message.__table__.columns if c.key not in TIMES]
        row = {column: getattr(message, column) for column in columns}
        return row | {"handled": message.handled_at is not None}


def message_count(runtime: Runtime) -> int:
    with runtime.sessions() as session:
        return session.scalar(select(func.count()).select_from(Message)) or 0


@pytest.mark.parametrize(
    "sample",
    [
        "ooo_gmail_vacation.eml",
        "ooo_exchange.eml",
        "bounce_postfix.eml",
        "mailing_list.eml",
        "own_address.eml",
        "malformed_missing_headers.eml",
    ],
)
def test_a_skipped_email_is_stored_and_recorded_as_the_orm_way_does(
    runtime: Runtime, direct: Direct, workspace_id: int, sample: str
) -> None:
    assert_skipped_both_ways(runtime, direct, workspace_id, (MAIL / sample).read_bytes())


def test_mail_from_the_support_address_of_the_settings_is_ours(
    runtime: Runtime, direct: Direct, workspace_id: int
) -> None:
    with transaction(runtime.sessions) as session:
        update(
            session,
            Operator(workspace_id),
            SettingsChange(support_address="Judy@customer.example"),
            master_key=runtime.master_key,
        )

    reason = assert_skipped_both_ways(
        runtime, direct, workspace_id, (MAIL / "reply_gmail.eml").read_bytes()
    )
    assert reason == "own_address"


def assert_skipped_both_ways(
    runtime: Runtime, direct: Direct, workspace_id: int, raw: bytes
) -> str:
    """Store and skip the email the quick way, then (its row deleted) the ORM way: the same
    row and outcome. Returns the skip's reason."""
    envelope = InboundEnvelope(raw=raw, received_via="cli")
    stored = quick.store_new(direct, None, envelope)
    assert stored is not None
    skipped = quick.screen_out(direct, stored)
    assert skipped is not None
    quick_row = stored_row(runtime, stored.message_id)
    with transaction(runtime.sessions) as session:
        session.execute(delete(Message).where(Message.id == stored.message_id))

    with transaction(runtime.sessions) as session:
        message, created = store_inbound(session, workspace_id, envelope)
    result = handle(runtime, message.id)

    assert created and result.status == "skipped"
    assert (skipped.reason, skipped.detail) == (result.reason, result.detail)
    assert (stored.workspace_id, stored.sender) == (workspace_id, result.trace.sender)
    assert quick_row == stored_row(runtime, message.id)
    assert "skipped" not in NEEDS_PERSON  # so the quick way records no notification
    return skipped.reason


def test_an_email_to_answer_is_stored_and_left_to_the_screen_step(
    runtime: Runtime, direct: Direct, workspace_id: int
) -> None:
    envelope = InboundEnvelope(raw=(MAIL / "reply_gmail.eml").read_bytes(), received_via="cli")
    stored = quick.store_new(direct, "default", envelope)
    assert stored is not None

    assert quick.screen_out(direct, stored) is None
    row = stored_row(runtime, stored.message_id)
    assert (row["status"], row["status_reason"], row["handled"]) == ("received", None, False)


def test_what_the_orm_way_decides_is_left_to_it(
    runtime: Runtime, direct: Direct, workspace_id: int
) -> None:
    """A Message-ID stored before, an unknown workspace, a workspace to choose: nothing is
    written, and the ORM way finds the row or says what is wrong."""
    envelope = InboundEnvelope(raw=(MAIL / "reply_gmail.eml").read_bytes(), received_via="cli")
    assert quick.store_new(direct, None, envelope) is not None

    assert quick.store_new(direct, None, envelope) is None
    assert quick.store_new(direct, "nope", envelope) is None
    with transaction(runtime.sessions) as session:
        create_workspace(session, "acme")
    assert quick.store_new(direct, None, envelope) is None
    assert message_count(runtime) == 1
