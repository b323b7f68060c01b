"""Quote and signature markers from the mail clients customers use."""

from __future__ import annotations

import pytest

from knowreply.mail.quotes import extract_reply, extract_reply_from_html


@pytest.mark.parametrize(
    "attribution",
    [
        "On Mon, Nov 2, 2026 at 10:00 AM Shop Support <support@shop.example> wrote:",
        "On Mon, Nov 2, 2026 at 10:00 AM Shop Support <support@shop.example>\nwrote:",
        "On Mon, Nov 2, 2026 at 10:00 AM Shop Support\n<support@shop.example> wrote:",
        "On 2 Nov 2026, at 10:00, Shop Support <support@shop.example> wrote:",
        "Am Mo., 2. Nov. 2026 um 10:00 Uhr schrieb Shop Support <support@shop.example>:",
        "Le lun. 2 nov. 2026 à 10:00, Shop Support <support@shop.example> a écrit :",
        "2026年11月2日(月) 10:00 Shop Support <support@shop.example>:",
        "2026年11月2日(月) 10:00 Shop Support <support@shop.example> wrote:",
        "2026/11/02 10:00、Shop Support <support@shop.example>のメッセージ:",
        "02.11.2026 10:00 пользователь Shop Support <support@shop.example> написал:",
    ],
)
def test_gmail_style_attribution_and_quote_are_removed(attribution: str) -> None:
    text = f"Yes, please cancel.\n\n{attribution}\n\n> Do you want to cancel?\n> Thanks"

    assert extract_reply(text) == "Yes, please cancel."


@pytest.mark.parametrize(
    "header",
    [
        "-----Original Message-----\nFrom: Shop <support@shop.example>\nSent: Monday",
        "________________________________\nFrom: Shop <support@shop.example>\n"
        "Sent: Monday, 2 November 2026 10:00\nTo: Ivan\nSubject: Invoice",
        "From: Shop <support@shop.example>\nSent: Monday\nTo: Ivan\nSubject: Invoice",
        "Von: Shop <support@shop.example>\nGesendet: Montag\nAn: Ivan\nBetreff: Rechnung",
        "差出人: Shop <support@shop.example>\n送信日時: 2026年11月2日\n宛先: Ivan\n件名: 請求書",
    ],
)
def test_outlook_header_block_cuts_the_rest(header: str) -> None:
    text = f"Yes, please cancel.\n\n{header}\n\nDo you want to cancel?"

    assert extract_reply(text) == "Yes, please cancel."


@pytest.mark.parametrize(
    "signature",
    [
        "-- \nAlice Example\nCEO, Example Ltd",
        "Sent from my iPhone",
        "Sent from my Galaxy",
        "Get Outlook for iOS",
        "iPhoneから送信",
        "Von meinem iPhone gesendet",
    ],
)
def test_signatures_are_removed(signature: str) -> None:
    assert extract_reply(f"Please refund order 1042.\n\n{signature}") == (
        "Please refund order 1042."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Sent from my iPhone\n--\nPlease refund order 1042.",
        "Sent from my iPhone\n\nPlease refund order 1042.",
        "Envoyé de mon iPhone\n\nMerci de rembourser la commande 1042.",
    ],
)
def test_a_signature_line_at_the_top_keeps_the_text_below(text: str) -> None:
    assert extract_reply(text) == text


def test_text_that_only_looks_like_a_marker_is_kept() -> None:
    text = "Sent from my desk: the invoice is wrong.\nFrom: my accountant's view it is fine."

    assert extract_reply(text) == text


def test_inline_answers_between_quotes_are_kept() -> None:
    text = "> Which plan?\nYearly.\n\n> Which card?\nThe Visa."

    assert extract_reply(text) == "Yearly.\n\nThe Visa."


@pytest.mark.parametrize(
    "html",
    [
        '<div>Yes please.</div><div class="gmail_quote">On Mon wrote:'
        "<blockquote>old</blockquote></div>",
        '<div>Yes please.</div><div id="divRplyFwdMsg"><b>From:</b> Shop</div><div>old</div>',
        '<div>Yes please.</div><hr id="stopSpelling">From: Shop<br>old',
        '<div>Yes please.</div><div class="yahoo_quoted">On Monday<div>old</div></div>',
        '<div>Yes please.</div><div class="protonmail_quote">old</div>',
        '<p>Yes please.</p><div class="moz-cite-prefix">On 02/11/2026 Shop wrote:</div>'
        '<blockquote type="cite">old</blockquote>',
        "<p>Yes please.</p><p>On 2 Nov 2026, at 10:00, Shop &lt;s@shop.example&gt; wrote:</p>"
        "<blockquote>old</blockquote>",
        '<div><div>Yes please.</div><div><div id="appendonsend"></div><hr>'
        '<div id="divRplyFwdMsg">From: Shop</div><div>old</div></div></div><p>older</p>',
    ],
)
def test_html_quote_containers_are_removed(html: str) -> None:
    assert extract_reply_from_html(html) == "Yes please."


def test_nested_html_blockquotes_become_quoted_lines() -> None:
    html = "<p>Top</p><blockquote>one<blockquote>two</blockquote></blockquote><p>Bottom</p>"

    assert extract_reply_from_html(html) == "Top\n\nBottom"
