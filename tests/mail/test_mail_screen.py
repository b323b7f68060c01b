"""Each screening rule on its own: what is skipped, with which reason, and what is answered."""

from __future__ import annotations

import pytest

from knowreply.mail.parse import parse_message
from knowreply.mail.screen import SkipReason, screen

OWN = {"Support@Shop.example"}


def _message(
    *headers: str, sender: str = "Alice <alice@customer.example>", body: str = "Hi"
) -> bytes:
    lines = [f"From: {sender}", "To: support@shop.example", "Message-ID: <m@customer.example>"]
    return "\r\n".join([*lines, *headers, "", body]).encode()


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        (["Auto-Submitted: auto-replied"], SkipReason.AUTO_REPLY),
        (["Auto-Submitted: auto-generated; owner-email=x@y"], SkipReason.AUTO_REPLY),
        (["X-Autoreply: yes"], SkipReason.AUTO_REPLY),
        (["X-Autorespond: Out of office"], SkipReason.AUTO_REPLY),
        (["Precedence: bulk"], SkipReason.AUTO_REPLY),
        (["Precedence: junk"], SkipReason.AUTO_REPLY),
        (["Precedence: auto_reply"], SkipReason.AUTO_REPLY),
        (["X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent"], SkipReason.AUTO_REPLY),
        (
            ["Subject: Automatic reply: Invoice", "X-Auto-Response-Suppress: All"],
            SkipReason.AUTO_REPLY,
        ),
        (["Subject: Autosvar: Faktura", "X-Auto-Response-Suppress: All"], SkipReason.AUTO_REPLY),
        (
            ["Content-Type: multipart/report; report-type=delivery-status; boundary=x"],
            SkipReason.BOUNCE,
        ),
        (["X-Failed-Recipients: bob@customer.example"], SkipReason.BOUNCE),
        (["Return-Path: <>"], SkipReason.BOUNCE),
        (["List-Id: <news.example.com>"], SkipReason.MAILING_LIST),
        (["List-Unsubscribe: <https://example.com/u>"], SkipReason.MAILING_LIST),
        (["Precedence: list"], SkipReason.MAILING_LIST),
    ],
)
def test_skipped(headers: list[str], reason: SkipReason) -> None:
    result = screen(parse_message(_message(*headers)), own_addresses=OWN)

    assert result.skip
    assert result.reason == reason
    assert result.detail


@pytest.mark.parametrize(
    "headers",
    [
        [],
        ["Auto-Submitted: no"],
        ["Subject: Automatic reply: is this possible?"],
        ["Subject: Auto renewal question", "X-Auto-Response-Suppress: All"],
        ["Precedence: first-class"],
        ["Return-Path: <alice@customer.example>"],
        ["X-Autoreply: no"],
    ],
)
def test_answered(headers: list[str]) -> None:
    result = screen(parse_message(_message(*headers)), own_addresses=OWN)

    assert not result.skip
    assert result.label == "To be answered"


@pytest.mark.parametrize("sender", ["MAILER-DAEMON@mx.example.net", "postmaster@customer.example"])
def test_mail_system_senders_are_bounces(sender: str) -> None:
    result = screen(parse_message(_message(sender=sender)), own_addresses=OWN)

    assert result.reason == SkipReason.BOUNCE


def test_own_address_matches_case_insensitively_and_wins_over_auto_reply() -> None:
    raw = _message("Auto-Submitted: auto-replied", sender="SUPPORT@shop.EXAMPLE")

    result = screen(parse_message(raw), own_addresses=OWN)

    assert result.reason == SkipReason.OWN_ADDRESS
    assert result.label == "Sent from this workspace's own address"


def test_bounce_wins_over_its_auto_submitted_header() -> None:
    raw = _message("Auto-Submitted: auto-replied", "X-Failed-Recipients: a@b.example")

    assert screen(parse_message(raw), own_addresses=OWN).reason == SkipReason.BOUNCE


def test_too_large() -> None:
    raw = _message(body="x" * 5000)

    small = screen(parse_message(raw), own_addresses=OWN, max_bytes=1000)
    default = screen(parse_message(raw), own_addresses=OWN)

    assert small.reason == SkipReason.TOO_LARGE
    assert small.label == "Message too large"
    assert not default.skip


@pytest.mark.parametrize("sender", ["", "undisclosed-recipients:;", "not an address"])
def test_no_usable_sender(sender: str) -> None:
    result = screen(parse_message(_message(sender=sender)), own_addresses=OWN)

    assert result.reason == SkipReason.NO_SENDER


def test_every_reason_has_a_stable_name_and_a_label() -> None:
    assert {reason.value for reason in SkipReason} == {
        "auto_reply",
        "bounce",
        "mailing_list",
        "own_address",
        "too_large",
        "no_sender",
    }
    assert all(reason.label for reason in SkipReason)
