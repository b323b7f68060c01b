"""A forwarded message is what the customer sends now, not an older thread to cut."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from knowreply.mail.parse import parse_message
from knowreply.mail.quotes import (
    extract_reply,
    extract_reply_from_html,
    is_forward_subject,
    new_words,
)

BANK_ALERT = (
    "From: Barclaycard <alerts@barclaycard.example>\n"
    "Date: Wed, 7 Jan 2026\n"
    "Subject: Transaction alert\n"
    "\n"
    "A payment of £24.00 to ACME*SUB was made on your card ending 7781."
)


@pytest.mark.parametrize(
    "banner",
    [
        "---------- Forwarded message ---------",
        "-------- Forwarded Message --------",
        "Begin forwarded message:",
        "---------- Message transféré ---------",
        "Début du message réexpédié :",
        "---------- Mensaje reenviado ---------",
        "Inicio del mensaje reenviado:",
        "---------- Weitergeleitete Nachricht ----------",
        "Anfang der weitergeleiteten Nachricht:",
        "-------- 転送メッセージ --------",
        "転送されたメッセージ:",
    ],
)
def test_a_forward_under_its_banner_is_kept(banner: str) -> None:
    text = f"What is this payment for?\n\n{banner}\n{BANK_ALERT}"

    assert extract_reply(text) == text


def test_the_question_under_a_forward_is_kept() -> None:
    """Gmail puts the forward on top when the customer writes below it."""
    text = f"---------- Forwarded message ---------\n{BANK_ALERT}\n\n---\nWhat is this charge?"

    assert extract_reply(text).endswith("What is this charge?")


@pytest.mark.parametrize(
    "header",
    [
        "-----Original Message-----\nFrom: Accounts <accounts@brookfield.example>\nSent: Monday",
        "________________________________\nFrom: Dr. Wenger\nSent: Monday, 8 July 2024 18:02\n"
        "To: Monika Seidl\nSubject: Two charges?",
        "Von: Dr. Wenger\nGesendet: Montag, 8. Juli 2024 18:02\nAn: Monika Seidl\n"
        "Betreff: Abbuchung",
        "Från: Kortadministration\nSkickat: den 11 mars 2026 08:30\nTill: Karin\nÄmne: card",
    ],
)
def test_an_outlook_forward_is_kept_when_the_subject_says_forward(header: str) -> None:
    text = f"Can you explain the second charge below?\n\n{header}\n\nWhat is the 35.70 charge?"

    assert extract_reply(text, forwarded=True) == text
    assert extract_reply(text) == "Can you explain the second charge below?"


@pytest.mark.parametrize(
    ("subject", "forward"),
    [
        ("Fwd: Payment confirmation", True),
        ("FW: card transaction", True),
        ("WG: Rechnung", True),
        ("TR: Pièces manquantes", True),
        ("RV: factura", True),
        ("転送: 請求書", True),
        ("Re: Fwd: invoice", False),
        ("AW: Rechnung", False),
        ("Forward planning for 2027", False),
        ("", False),
    ],
)
def test_a_forward_is_known_by_its_subject(subject: str, forward: bool) -> None:
    assert is_forward_subject(subject) is forward


def test_a_reply_to_a_forward_still_cuts_the_older_thread() -> None:
    text = (
        "Thanks, that answers it.\n\n"
        "On Tue, 3 Nov 2026 at 14:02, Acme Billing <billing@acme.example> wrote:\n"
        "> ---------- Forwarded message ---------\n> From: Bank\n"
    )

    assert new_words(text, subject="Re: Fwd: Transaction alert") == "Thanks, that answers it."


def test_a_gmail_html_forward_is_kept() -> None:
    html = (
        '<div dir="ltr">What is this?<br><div class="gmail_quote"><div class="gmail_attr">'
        "---------- Forwarded message ---------<br>From: Bank &lt;alerts@bank.example&gt;<br>"
        "Subject: Transaction alert<br></div><div>A payment of £24.00 to ACME*SUB.</div>"
        "</div></div>"
    )

    assert "£24.00 to ACME*SUB" in extract_reply_from_html(html, forwarded=True)
    assert "ACME*SUB" not in extract_reply_from_html(html)


def test_parse_message_keeps_a_forwarded_bank_alert() -> None:
    message = EmailMessage()
    message["From"] = "Karin <karin@example.com>"
    message["To"] = "billing@example.com"
    message["Subject"] = "FW: card transaction"
    message["Message-ID"] = "<fw-1@example.com>"
    message.set_content(
        "Hi, question from our card administrator below.\n\n"
        "From: Kortadministration\nSent: 11 March 2026 08:30\nTo: Karin\nSubject: card\n\n"
        "There is a transaction of 4 200 SEK from GreenLedger on 9 March. What is it for?\n"
    )

    parsed = parse_message(message.as_bytes())

    assert "4 200 SEK from GreenLedger" in parsed.new_text
