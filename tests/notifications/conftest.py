"""Notification fixtures: a workspace with an owner, a member and a viewer, a customer's
email reaching a status as the pipeline records it, and a real HTTP webhook receiver."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from knowreply.db.models import Message
from knowreply.db.session import transaction
from knowreply.pipeline.outcome import record_outcome
from knowreply.runtime import Runtime
from knowreply.workspaces import create_member, resolve_workspace
from tests.webhook_receiver import Receiver, run_receiver

PASSWORD = "correct horse battery staple"
OWNER, MEMBER, VIEWER = "olga@shop.test", "mike@shop.test", "vera@shop.test"
CUSTOMER = "carol@customer.test"
_emails = itertools.count(1)


@pytest.fixture
def team(runtime: Runtime) -> int:
    """The `default` workspace's people; returns its id."""
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, "default")
        create_member(session, workspace, OWNER, PASSWORD, role="owner")
        create_member(session, workspace, MEMBER, PASSWORD, role="member")
        create_member(session, workspace, VIEWER, PASSWORD, role="viewer")
        return workspace.id


def email_reaches(runtime: Runtime, workspace_id: int, status: str) -> int:
    """A customer's email stored, then given `status` as a pipeline step does; its id."""
    with transaction(runtime.sessions) as session:
        message = Message(
            workspace_id=workspace_id,
            direction="in",
            rfc_message_id=f"<q-{next(_emails)}@customer.test>",
            from_address=CUSTOMER,
            subject="Refund for order 1042",
            raw=b"Subject: Refund for order 1042\r\n\r\nMy secret order notes.\r\n",
            size=60,
            received_via="imap",
        )
        session.add(message)
        session.flush()
        record_outcome(session, message, status, None, "The customer asks for a refund.")
        return message.id


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with run_receiver() as state:
        yield state
