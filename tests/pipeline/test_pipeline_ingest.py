"""`knowreply ingest FILE.eml`: the whole pipeline for one raw message, as an operator runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from knowreply.db.session import transaction
from knowreply.mail import accounts
from knowreply.runtime import Runtime
from knowreply.workspaces import resolve_workspace
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
