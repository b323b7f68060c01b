"""What parse_message extracts from headers and bodies, including the awkward cases."""

from __future__ import annotations

from datetime import UTC, datetime

from mail_test_data import raw

from knowreply.mail.message import Address
from knowreply.mail.parse import parse_message


def test_thread_headers_and_addresses() -> None:
    message = parse_message(raw("reply_outlook.eml"))

    assert message.message_id == "<AM6PR10MB0001IVAN@AM6PR10MB0001.EURPRD10.PROD.OUTLOOK.COM>"
    assert message.in_reply_to == ("<reply-6@shop.example>",)
    assert message.references == ("<first-6@customer.example>", "<reply-6@shop.example>")
    assert message.sender == Address("ivan@customer.example", "Ivan Example")
    assert message.to == (Address("support@shop.example", "Shop Support"),)
    assert message.date == datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
    assert message.html is not None and "divRplyFwdMsg" in message.html
    assert message.defects == ()


def test_reply_to_is_kept_apart_from_the_sender() -> None:
    message = parse_message(raw("reply_to_differs.eml"))

    assert message.sender == Address("olivia@customer.example", "Olivia Example")
    assert message.reply_to == (Address("refunds@elsewhere.example", "Refund Desk"),)


def test_date_is_converted_to_utc() -> None:
    message = parse_message(raw("japanese_iso2022jp.eml"))

    assert message.date == datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def test_missing_headers_are_reported_and_the_id_is_synthetic() -> None:
    message = parse_message(raw("malformed_missing_headers.eml"))

    assert message.sender is None
    assert message.has_synthetic_id
    assert message.message_id.endswith("@knowreply.invalid>")
    assert "no usable From address" in message.defects
    assert "no Date header" in message.defects


def test_html_only_message_gets_text_without_markup_or_scripts() -> None:
    message = parse_message(raw("html_only.eml"))

    assert message.html is not None
    assert "Where is my refund for order 1042?" in message.text
    assert "<" not in message.text and "alert(1)" not in message.text


def test_long_body_is_truncated() -> None:
    body = "Please help. " * 3000
    source = f"From: a@customer.example\r\nMessage-ID: <long@x.example>\r\n\r\n{body}".encode()

    message = parse_message(source, max_text_chars=1000)

    assert message.truncated
    assert len(message.text) == 1000
    assert message.size == len(source)
    assert not parse_message(raw("reply_gmail.eml")).truncated


def test_forward_with_nothing_above_keeps_the_whole_text() -> None:
    source = (
        b"From: a@customer.example\r\nMessage-ID: <fw@x.example>\r\n\r\n"
        b"-----Original Message-----\r\nFrom: Bank <no-reply@bank.example>\r\n"
        b"Sent: Monday\r\nTo: a@customer.example\r\nSubject: Chargeback\r\n\r\n"
        b"A chargeback was opened.\r\n"
    )

    message = parse_message(source)

    assert "A chargeback was opened." in message.new_text


def test_unknown_charset_is_replaced_and_reported() -> None:
    source = (
        b"From: a@customer.example\r\nSubject: =?x-klingon?q?Qapla=27?=\r\n"
        b"Content-Type: text/plain; charset=x-klingon\r\n\r\nnuqneH \xff"
    )

    message = parse_message(source)

    assert message.subject == "Qapla'"
    assert message.text.startswith("nuqneH")
    assert any("x-klingon" in defect for defect in message.defects)


def test_unencoded_iso_2022_jp_in_a_header_is_decoded() -> None:
    subject = "請求書".encode("iso2022_jp")
    source = b"From: a@customer.example\r\nSubject: " + subject + b"\r\n\r\nhi"

    assert parse_message(source).subject == "請求書"


def test_bounce_text_comes_from_the_report_not_the_returned_message() -> None:
    message = parse_message(raw("bounce_postfix.eml"))

    assert message.content_type == "multipart/report"
    assert "could not" in message.text
    assert "Your refund has been issued" not in message.text
