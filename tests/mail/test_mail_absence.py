"""Absence notices told by their own words, and customers' emails that only mention absence."""

from __future__ import annotations

import pytest

from knowreply.mail.absence import reads_as_absence_notice
from knowreply.mail.parse import parse_message
from knowreply.mail.screen import SkipReason, screen

NOTICES = [
    "Thanks for your message. I'm away on annual leave until 9 March and will reply when "
    "I get back. For anything urgent, ring the front desk.",
    "I am currently out of the office with no access to email.\nYour message will not be\n"
    "forwarded.",
    "This is an automated response: your ticket #5521 has been received.",
    "Este es un mensaje automático. Estoy de vacaciones hasta el 3 de abril; en mi ausencia "
    "escriba a pagos@tienda.example.",
    "Je suis en congés jusqu'au 12 mai. Pour toute urgence, appelez le 01 23 45 67 89.",
    "Ich bin bis zum 4. Juni im Urlaub. In dringenden Fällen wenden Sie sich an Frau Roth.",
    "【自動返信】\n現在休暇中のため、5月7日以降に順次対応いたします。",
    "誠に勝手ながら、出張のため3日まで不在にしております。お急ぎの方は代表までお電話ください。",
    "Automatic reply: I'm out until Monday.",
    # batch 32: a school office's, with a routing line that names writes
    "Thank you for your email.\n\nThe school office is closed for the Easter holidays and "
    "will reopen on Tuesday 22 April. Emails will not be monitored during this time.\n\n"
    "For refunds or cancellations of holiday club places, please contact Jubilee Sports.",
]

CUSTOMERS = [
    "Our office is closed for the holidays and will reopen on 5 January. Please don't charge "
    "us until then.",
    "I was away all March, my emails were not monitored, and you charged me. Refund please.",
    "Our shop is closed for refurbishment until May; for anything urgent call me on my mobile. "
    "Can you pause our billing until then?",
    "I was on holiday all of March and never used it - please refund the March payment.",
    "I'm on vacation until Monday, please send the invoice and I'll pay when I'm back.",
    "My colleague is on leave for three weeks; can you cancel her seat?",
    "All I get from you is an automatic reply. Where is my refund?",
    "Estoy de vacaciones, pagaré a mi regreso. ¿Me mandan el enlace de pago?",
    "Je suis en vacances, je paierai à mon retour : pouvez-vous m'envoyer la facture ?",
    "Ich bin im Urlaub und zahle nach meiner Rückkehr. Schicken Sie mir bitte die Rechnung?",
    "何度か問い合わせていますが自動返信のような回答ばかりです。担当者から連絡をください。",
    "ただいま出張中のため、急ぎで請求書を送っていただけますか。",
    # a bank's automated alert forwarded under the customer's own question
    "What is this charge?\n\n---------- Forwarded message ---------\nFrom: Bank Alerts "
    "<alerts@bank.example>\nSubject: Card alert\n\nAUD 79.00 at ACME.\n\n"
    "This is an automated message, please do not reply.",
    # our own auto-acknowledgement, quoted below the customer's reply
    "Still no answer, please refund me.\n\nOn Mon, 2 Nov 2026 at 09:00, Support "
    "<support@shop.example> wrote:\n> This is an automated response: we received your email.",
]


@pytest.mark.parametrize("text", NOTICES)
def test_a_notice_reads_as_one(text: str) -> None:
    assert reads_as_absence_notice(text)


@pytest.mark.parametrize("text", CUSTOMERS)
def test_a_customer_who_mentions_absence_or_an_auto_reply_is_no_notice(text: str) -> None:
    assert not reads_as_absence_notice(text)


def _raw(subject: str, body: str) -> bytes:
    return (
        "From: Dana <dana@customer.example>\r\nTo: support@shop.example\r\n"
        f"Message-ID: <n@customer.example>\r\nSubject: {subject}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n")
    ).encode()


def test_a_notice_without_any_header_is_skipped_as_an_auto_reply() -> None:
    raw = _raw("Re: Your invoice", NOTICES[0])

    result = screen(parse_message(raw), own_addresses={"support@shop.example"})

    assert result.reason == SkipReason.AUTO_REPLY
    assert "absence notice" in result.detail


def test_a_customer_on_holiday_is_answered() -> None:
    raw = _raw("Invoice", CUSTOMERS[1])

    assert not screen(parse_message(raw), own_addresses={"support@shop.example"}).skip
