"""Pipeline fixtures: a workspace with its support mailbox on Dovecot, an SMTP account whose
server is an aiosmtpd sink, customer emails built as a mail client would, and a real
`knowreply worker` for a workspace connected to all of them."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.db.models import Workspace
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.mail import accounts
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.runtime import Runtime
from knowreply.workspaces import resolve_workspace, settings_of
from tests.fake_stripe import FakeStripe
from tests.mailservers import DovecotServer, Mailbox, SmtpSink, run_dovecot, run_smtp_sink
from tests.pipeline.worker import WorkerProcess

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


TRUSTED = "mx.shop.test"
DMARC_PASS = f"{TRUSTED}; dmarc=pass (p=reject) header.from=example.com"
"""An Authentication-Results header `support_with_approvals` trusts: mail from example.com
is verified."""


async def support_with_approvals(
    runtime: Runtime, stripe_url: str, smtp_port: int, capability: CapabilityName
) -> Support:
    """Stripe connected with `capability` on, every write waiting for a member's approval,
    and replies sent through the SMTP server on `smtp_port`."""
    await service.connect(runtime, None, DEMO_RESTRICTED_KEY, actor="test", api_base=stripe_url)
    support = configure_support(runtime, smtp_port=smtp_port)
    service.change_capabilities(runtime, support.workspace_id, enable=[capability], actor="test")
    with transaction(runtime.sessions) as session:
        workspace = session.get_one(Workspace, support.workspace_id)
        workspace.settings = (
            settings_of(workspace)
            .model_copy(update={"approval_mode": "always", "trusted_authserv_ids": [TRUSTED]})
            .model_dump()
        )
    return support


def store_verified(
    runtime: Runtime, support: Support, text: str, *, subject: str, sender: str
) -> int:
    """A customer email from `sender`, verified by `DMARC_PASS`, stored as fetched by IMAP."""
    raw = customer_email(
        text, subject=subject, sender=sender, headers={"Authentication-Results": DMARC_PASS}
    )
    with transaction(runtime.sessions) as session:
        message, _ = store_inbound(
            session, support.workspace_id, InboundEnvelope(raw=raw, received_via="imap")
        )
        return message.id


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


@pytest.fixture
async def sink() -> AsyncIterator[SmtpSink]:
    async with run_smtp_sink() as running:
        yield running


@pytest.fixture
def connected(
    runtime: Runtime, mailbox: Mailbox, sink: SmtpSink, fake_stripe: FakeStripe
) -> Support:
    """The workspace reads `mailbox` (from its first message), sends through the sink and is
    connected to the fake Stripe's demo account."""
    view, _ = asyncio.run(
        service.connect(runtime, None, DEMO_RESTRICTED_KEY, actor="test", api_base=fake_stripe.url)
    )
    assert view.connected, view
    support = configure_support(runtime, smtp_port=sink.port)
    config = mailbox.config()
    with transaction(runtime.sessions) as session:
        accounts.add_imap_mailbox(
            session,
            runtime.master_key,
            resolve_workspace(session, None),
            name="support",
            host=config.host,
            port=config.port,
            tls="none",
            username=config.username,
            password=config.password,
        )
    return support


@pytest.fixture
def worker(cli_env: dict[str, str], connected: Support) -> Iterator[WorkerProcess]:
    running = WorkerProcess(cli_env)
    yield running
    running.stop()
    print("\n".join(running.log[-40:]))  # shown when the test failed
