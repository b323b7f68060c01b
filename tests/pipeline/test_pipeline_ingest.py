"""`knowreply ingest FILE.eml`: the whole pipeline for one raw message, as an operator runs it."""

from __future__ import annotations

import asyncio
import json
import re
import socket
from pathlib import Path

import pytest

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.access import Operator
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.mail import accounts
from knowreply.runtime import Runtime
from knowreply.workspace_settings import SettingsChange, update
from knowreply.workspaces import resolve_workspace
from tests.fake_stripe import FakeStripe
from tests.foundation.cli_helpers import knowreply

MAIL = Path(__file__).resolve().parents[1] / "data" / "mail"
ANSWERED = "escalated"
"""What the agent does with an email it should answer when Stripe is not connected."""


@pytest.fixture
def shop(runtime: Runtime, cli_env: dict[str, str]) -> dict[str, str]:
    with transaction(runtime.sessions) as session:
        accounts.add_inbound_address(
            session, resolve_workspace(session, None), "support@shop.example"
        )
    return cli_env


@pytest.mark.parametrize(
    ("sample", "outcome", "reason"),
    [
        ("reply_gmail.eml", ANSWERED, None),
        ("japanese_iso2022jp.eml", ANSWERED, None),
        ("human_out_of_office_subject.eml", ANSWERED, None),
        ("ooo_exchange.eml", "skipped", "auto_reply"),
        ("bounce_postfix.eml", "skipped", "bounce"),
        ("mailing_list.eml", "skipped", "mailing_list"),
        ("own_address.eml", "skipped", "own_address"),
        ("malformed_missing_headers.eml", "skipped", "no_sender"),
    ],
)
def test_ingest_prints_the_outcome_of_each_sample(
    shop: dict[str, str], sample: str, outcome: str, reason: str | None
) -> None:
    result = knowreply("ingest", str(MAIL / sample), "--json", env=shop)
    assert result.returncode == 0, result.stderr
    trace = json.loads(result.stdout)
    assert (trace["outcome"], trace["reason"] if outcome == "skipped" else None) == (
        outcome,
        reason,
    )


def test_ingest_twice_handles_the_message_once(shop: dict[str, str]) -> None:
    first = knowreply("ingest", str(MAIL / "reply_gmail.eml"), env=shop)
    again = knowreply("ingest", str(MAIL / "reply_gmail.eml"), env=shop)
    assert first.stdout.strip() == f"message 1: {ANSWERED}"
    assert again.stdout.strip() == f"message 1: already stored and handled ({ANSWERED})"


def test_ingest_of_a_missing_file_is_a_clean_error(shop: dict[str, str]) -> None:
    result = knowreply("ingest", str(MAIL / "nope.eml"), env=shop)
    # Typer draws the error in a box whose line breaks follow the path's length.
    words = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stderr).split())
    assert result.returncode == 2 and "does not exist" in words
    assert "Traceback" not in result.stderr


def test_ingest_of_a_failed_message_prints_why_and_exits_1(
    shop: dict[str, str], runtime: Runtime, fake_stripe: FakeStripe
) -> None:
    """A reply the mail server refuses fails the send step: the operator sees why."""
    answer_strangers(runtime)
    view, _ = asyncio.run(
        service.connect(runtime, None, DEMO_RESTRICTED_KEY, actor="test", api_base=fake_stripe.url)
    )
    assert view.connected
    with transaction(runtime.sessions) as session:
        accounts.set_smtp_account(
            session,
            runtime.master_key,
            resolve_workspace(session, None),
            host="127.0.0.1",
            port=_closed_port(),
            tls="none",
            from_address="support@shop.example",
        )
    result = knowreply("ingest", str(MAIL / "reply_gmail.eml"), env=shop)
    again = knowreply("ingest", str(MAIL / "reply_gmail.eml"), env=shop)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "message 1: failed (send)" in result.stdout, result.stderr[-700:]
    assert re.search(r"error: message 1 failed: \S", result.stderr)
    assert again.returncode == 1 and "error: message 1 failed: " in again.stderr


def answer_strangers(runtime: Runtime) -> None:
    """Senders who are not customers get the short neutral reply (default: none)."""
    with transaction(runtime.sessions) as session:
        workspace_id = resolve_workspace(session, None).id
        update(
            session,
            Operator(workspace_id),
            SettingsChange(unknown_sender_reply="neutral"),
            master_key=runtime.master_key,
        )


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
