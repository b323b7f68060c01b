"""Web tests: the ASGI app over HTTP semantics (httpx), with a cast of members.

alice owns the `default` workspace, bob is a member there, and charlie owns `other`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from knowreply.db.models import Action, Conversation, Message
from knowreply.db.session import transaction
from knowreply.demo import with_stripe_api_base
from knowreply.mail import accounts
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.pipeline.handle import handle
from knowreply.runtime import Runtime
from knowreply.web.app import create_app
from knowreply.workspaces import create_member, create_workspace, resolve_workspace
from tests.pipeline.conftest import SUPPORT

PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Cast:
    alice: str = "alice@example.com"
    bob: str = "bob@example.com"
    charlie: str = "charlie@other.example"


@pytest.fixture
def cast(runtime: Runtime) -> Cast:
    with transaction(runtime.sessions) as session:
        default = resolve_workspace(session, "default")
        create_member(session, default, Cast.alice, PASSWORD)
        create_member(session, default, Cast.bob, PASSWORD, role="member")
        other = create_workspace(session, "other")
        create_member(session, other, Cast.charlie, PASSWORD)
    return Cast()


@pytest.fixture
def client(runtime: Runtime, request: pytest.FixtureRequest) -> Iterator[TestClient]:
    """The app; in a test that uses `fake_stripe`, configured to reach it (as an operator
    sets KNOWREPLY_STRIPE_API_BASE)."""
    if "fake_stripe" in request.fixturenames:
        runtime = with_stripe_api_base(runtime, request.getfixturevalue("fake_stripe").url)
    with TestClient(create_app(runtime), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


def csrf_of(client: TestClient, path: str = "/login") -> str:
    """The CSRF token a page hands out (a form field): the sign-in page's before signing in,
    any dashboard page's after."""
    page = client.get(path).text
    marker = 'name="csrf_token" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the new session's CSRF token (a new one: the token
    of the sign-in page stops working at sign-in)."""
    token = csrf_of(client)
    response = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client, "/settings")


REFUND_EMAIL = (
    b"From: Alice Customer <alice@example.com>\r\n"
    b"To: support@acme.example\r\n"
    b"Subject: Refund for my last payment\r\n"
    b"Message-ID: <refund-1@example.com>\r\n"
    b"Date: Fri, 27 Nov 2026 09:00:00 +0000\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Hi, I was charged twice. Please refund the $49.00.\r\n\r\n"
    b"On Thu, Support wrote:\r\n> Thanks for your order\r\n"
)


def plant_refund_request(
    runtime: Runtime, workspace_name: str = "default", *, status: str = "awaiting_approval"
) -> int:
    """A refund the agent prepared after a customer's email; returns the Action id."""
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, workspace_name)
        message = Message(
            workspace_id=workspace.id,
            direction="in",
            rfc_message_id=f"<refund-{workspace_name}-{status}@example.com>",
            from_address="alice@example.com",
            subject="Refund for my last payment",
            raw=REFUND_EMAIL,
            size=len(REFUND_EMAIL),
            received_via="imap",
        )
        session.add(message)
        session.flush()
        action = Action(
            workspace_id=workspace.id,
            message_id=message.id,
            kind="refund",
            status=status,
            idempotency_key=f"test-{workspace_name}-{status}-{message.id}",
            customer_id="cus_alice",
            target_id="ch_alice_49",
            amount_minor=4900,
            currency="usd",
        )
        session.add(action)
        session.flush()
        return action.id


def plant_conversation(runtime: Runtime, workspace_name: str = "default") -> tuple[int, int]:
    """A conversation whose one email failed; returns (message id, conversation id)."""
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, workspace_name)
        conversation = Conversation(
            workspace_id=workspace.id,
            customer_email="alice@example.com",
            subject="Refund for my last payment",
        )
        session.add(conversation)
        session.flush()
        message = Message(
            workspace_id=workspace.id,
            conversation_id=conversation.id,
            direction="in",
            rfc_message_id=f"<thread-{workspace_name}@example.com>",
            from_address="alice@example.com",
            subject="Refund for my last payment",
            raw=REFUND_EMAIL,
            size=len(REFUND_EMAIL),
            received_via="imap",
            status="failed",
            status_reason="agent",
        )
        session.add(message)
        session.flush()
        return message.id, conversation.id


def configure_support(runtime: Runtime, *, smtp_port: int | None = None) -> None:
    """alice's `default` workspace receives at SUPPORT (and, with a port, replies through an
    SMTP server there)."""
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, "default")
        accounts.add_inbound_address(session, workspace, SUPPORT)
        if smtp_port is not None:
            accounts.set_smtp_account(
                session,
                runtime.master_key,
                workspace,
                host="127.0.0.1",
                port=smtp_port,
                tls="none",
                from_address=SUPPORT,
            )


def receive(runtime: Runtime, raw: bytes, workspace: str = "default") -> int:
    """An email stored and handled as the worker would (no Stripe: the agent escalates)."""
    with transaction(runtime.sessions) as session:
        workspace_id = resolve_workspace(session, workspace).id
        message, _ = store_inbound(
            session, workspace_id, InboundEnvelope(raw=raw, received_via="imap")
        )
    return handle(runtime, message.id).message_id


def conversation_of(runtime: Runtime, message_id: int) -> int:
    with runtime.sessions() as session:
        conversation_id = session.get_one(Message, message_id).conversation_id
    assert conversation_id is not None
    return conversation_id


def mark_failed(runtime: Runtime, message_id: int) -> None:
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        message.status, message.status_reason = "failed", "agent"
        message.status_detail = "TimeoutError: the model did not answer"
