"""Our replies land in the customer's thread, marked automatic, and survive a round trip."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from mail_test_data import raw

from knowreply.mail.compose import build_reply
from knowreply.mail.parse import parse_message
from knowreply.mail.screen import screen
from knowreply.mail.threading import (
    MAX_REFERENCES,
    new_message_id,
    normalize_subject,
    reference_ids,
    reply_headers,
    reply_subject,
)

NOW = datetime(2026, 11, 2, 12, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("subject", "normalized"),
    [
        ("Re: Invoice", "invoice"),
        ("RE: re: Fwd: Invoice", "invoice"),
        ("AW: WG: Rechnung  42", "rechnung 42"),
        ("SV: Antw: Fw: Faktura", "faktura"),
        ("回复：发票", "发票"),
        ("RE：請求書", "請求書"),
        ("Re[2]: Invoice", "invoice"),
        ("[Ticket #42] Re: Invoice", "[ticket #42] re: invoice"),
        ("Re: [Ticket #42]   Invoice", "[ticket #42] invoice"),
        ("Refund request", "refund request"),
    ],
)
def test_normalize_subject(subject: str, normalized: str) -> None:
    assert normalize_subject(subject) == normalized


def test_reply_subject_is_not_doubled() -> None:
    assert reply_subject("Re: Invoice") == "Re: Invoice"
    assert reply_subject("AW: Rechnung") == "Re: Rechnung"
    assert reply_subject("Invoice") == "Re: Invoice"
    assert reply_subject("") == "Re: (no subject)"


def test_reference_ids_are_deduplicated_in_order() -> None:
    message = parse_message(raw("reply_outlook.eml"))

    assert reference_ids(message) == ["<reply-6@shop.example>", "<first-6@customer.example>"]


def test_new_message_ids_are_unique_on_our_domain() -> None:
    first, second = new_message_id("shop.example"), new_message_id("shop.example")

    assert first != second
    assert re.fullmatch(r"<[0-9a-f]{32}@shop\.example>", first)
    with pytest.raises(ValueError, match="not a domain"):
        new_message_id("shop.example>\r\nBcc: x@y")


def test_reply_headers_continue_the_thread() -> None:
    original = parse_message(raw("reply_outlook.eml"))

    headers = reply_headers(original, our_message_id="<ours-1@shop.example>")

    assert headers == {
        "Message-ID": "<ours-1@shop.example>",
        "Subject": "Re: Your invoice INV-2026-0042",
        "In-Reply-To": "<AM6PR10MB0001IVAN@AM6PR10MB0001.EURPRD10.PROD.OUTLOOK.COM>",
        "References": "<first-6@customer.example> <reply-6@shop.example>"
        " <AM6PR10MB0001IVAN@AM6PR10MB0001.EURPRD10.PROD.OUTLOOK.COM>",
        "Auto-Submitted": "auto-replied",
        "X-Auto-Response-Suppress": "All",
    }


def test_long_references_keep_the_thread_root_and_the_newest_ids() -> None:
    refs = " ".join(f"<ref-{n}@customer.example>" for n in range(60))
    original = parse_message(
        f"From: a@customer.example\r\nMessage-ID: <last@customer.example>\r\n"
        f"References: {refs}\r\n\r\nhi".encode()
    )

    ids = reply_headers(original, our_message_id="<o@shop.example>")["References"].split()

    assert len(ids) <= MAX_REFERENCES
    assert ids[0] == "<ref-0@customer.example>"
    assert ids[-2:] == ["<ref-59@customer.example>", "<last@customer.example>"]


def test_a_synthetic_id_is_never_referenced() -> None:
    original = parse_message(raw("malformed_missing_headers.eml"))

    headers = reply_headers(original, our_message_id="<o@shop.example>")

    assert original.has_synthetic_id
    assert "In-Reply-To" not in headers and "References" not in headers


def test_built_reply_parses_back_into_the_same_thread() -> None:
    original = parse_message(raw("reply_gmail.eml"))

    reply = build_reply(
        original,
        text="Done: your subscription will end on 15 November. Nothing more will be charged.",
        from_addr="Shop Support <support@shop.example>",
        to_addr="judy@customer.example",
        message_id="<ours-2@shop.example>",
        date=NOW,
        verified=True,
    )
    parsed = parse_message(reply.as_bytes())

    assert parsed.message_id == "<ours-2@shop.example>"
    assert parsed.in_reply_to == ("<CAJudy+abc123@mail.gmail.com>",)
    assert parsed.references == ("<reply-7@shop.example>", "<CAJudy+abc123@mail.gmail.com>")
    assert parsed.subject == "Re: Your subscription renews soon"
    assert parsed.date == NOW
    assert parsed.header("Auto-Submitted") == "auto-replied"
    assert parsed.new_text == (
        "Done: your subscription will end on 15 November. Nothing more will be charged."
    )
    assert "On Mon, 02 Nov 2026 at 12:00 UTC, Judy Example <judy@customer.example> wrote:\n" in (
        parsed.text
    )
    assert "> Please cancel it at the end of this period" in parsed.text
    # our own reply coming back (a loop) is screened out twice over
    assert screen(parsed, own_addresses={"support@shop.example"}).reason == "own_address"
    assert screen(parsed, own_addresses=set()).reason == "auto_reply"


def test_reply_goes_to_the_address_on_file_not_reply_to() -> None:
    original = parse_message(raw("reply_to_differs.eml"))

    reply = build_reply(
        original,
        text="We have refunded your last payment.",
        from_addr="support@shop.example",
        to_addr=original.sender.address if original.sender else "",
        message_id="<ours-3@shop.example>",
        date=NOW,
    )

    assert original.reply_to[0].address == "refunds@elsewhere.example"
    assert reply["To"] == "olivia@customer.example"
    assert "elsewhere.example" not in reply.as_string()


def test_japanese_reply_is_utf8_and_round_trips() -> None:
    original = parse_message(raw("japanese_iso2022jp.eml"))

    reply = build_reply(
        original,
        text="二重のご請求を確認し、返金いたしました。",
        from_addr="support@shop.example",
        to_addr="taro@customer.example",
        message_id="<ours-4@shop.example>",
        date=NOW,
        verified=True,
    )
    parsed = parse_message(reply.as_bytes())

    assert reply.get_content_charset() == "utf-8"
    assert parsed.subject == "Re: ご請求について"
    assert parsed.new_text == "二重のご請求を確認し、返金いたしました。"
    assert "> 先月の請求が二重になっているようです。" in parsed.text


def test_header_injection_through_the_address_is_refused() -> None:
    original = parse_message(raw("reply_gmail.eml"))

    with pytest.raises(ValueError):
        build_reply(
            original,
            text="hi",
            from_addr="support@shop.example",
            to_addr="judy@customer.example\r\nBcc: everyone@example.com",
            message_id="<ours-5@shop.example>",
            date=NOW,
        )


def test_a_reply_to_an_unverified_sender_repeats_nothing_of_theirs() -> None:
    """Finding 4: no quote, a fixed subject, and no link, address or domain from the email,
    even when the reply's text (a model's) repeats one."""
    original = parse_message(
        b"From: Boss <ceo@bank.example>\r\nTo: support@shop.example\r\n"
        b"Subject: Pay now at https://evil.example/login\r\nMessage-ID: <p-1@bank.example>\r\n"
        b"\r\nPay at https://evil.example/login or write to security@evil.example today.\r\n"
    )

    reply = build_reply(
        original,
        text="Visit https://evil.example/login, mail security@evil.example, see evil.example."
        " Our help: https://help.shop.example/billing",
        from_addr="support@shop.example",
        to_addr="ceo@bank.example",
        message_id="<ours-9@shop.example>",
        date=NOW,
    )

    assert reply["Subject"] == "Re: Your message"
    body = reply.get_content()
    assert "evil.example" not in reply.as_string()
    assert body.count("[link removed]") == 3
    assert "https://help.shop.example/billing" in body
    assert "wrote:" not in body and "> " not in body
