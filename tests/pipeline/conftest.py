"""Pipeline fixtures: a workspace with its support mailbox on Dovecot, an SMTP account whose
server is an aiosmtpd sink, and customer emails built as a mail client would."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest

from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.mail import accounts
from knowreply.runtime import Runtime
from knowreply.workspaces import resolve_workspace
from tests.mailservers import DovecotServer, Mailbox, run_dovecot

SUPPORT = "support@shop.test"
CUSTOMER = "carol@customer.test"
_usernames = itertools.count(1)


@dataclass(frozen=True)
class Support:
    """The `default` workspace's mail setup, as an operator would configure it."""

    workspace_id: int
    address: str = SUPPORT


def customer_email(
    text: str = "Hello, where is my refund for order 1042?",
    *,
    subject: str = "Refund for order 1042",
    sender: str = CUSTOMER,
    to: str = SUPPORT,
    message_id: str | None = None,
    in_reply_to: str | None = None,
    references: str | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = f"Carol <{sender}>"
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = message_id or make_msgid(domain="customer.test")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if references:
        message["References"] = references
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    return message.as_bytes()


def configure_support(runtime: Runtime, *, smtp_port: int | None = None) -> Support:
    """The inbound address, and (with a port) the SMTP account replies go through."""
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, None)
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
        return Support(workspace.id)


@pytest.fixture
def support(runtime: Runtime) -> Support:
    return configure_support(runtime)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    try:
        with run_dovecot() as server:
            yield server
    except FileNotFoundError as exc:
        pytest.skip(str(exc))


@pytest.fixture
def mailbox(dovecot: DovecotServer) -> Mailbox:
    return Mailbox(dovecot, f"pipeline{next(_usernames)}@shop.test")
