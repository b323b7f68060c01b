"""What the rules read beside the intent model: invoice numbers as customers write them,
a refund of part of a payment or all of it, and a Japanese request told from a past write."""

from __future__ import annotations

import pytest

from knowreply.agent.brains.rules import Intent, understand
from knowreply.agent.brains.rules._concepts import concept_tokens
from knowreply.agent.intake import read_requests


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("I paid invoice F-2026-0077 twice, which one counts?", ("F-2026-0077",)),
        ("Could you resend Rechnung Nr. 4471?", ("4471",)),
        ("I need invoice No. 12345 for our records.", ("12345",)),
        ("Can you resend invoice #INV-20931? The link expired.", ("INV-20931",)),
        ("Pourriez-vous renvoyer la facture n° 12345 ?", ("12345",)),
        ("Necesito la factura Nº 4471 otra vez.", ("4471",)),
        ("請求書番号 4471 の請求書を送ってください。", ("4471",)),
        ("請求書番号F-2026-0077のPDFを再発行してください。", ("F-2026-0077",)),
        ("Can you send me invoice ABCD1234-0001 again?", ("ABCD1234-0001",)),
        ("I need the invoice for 2025, all of it.", ()),
        ("Send the invoice dated 2026-03-03 please", ()),
        ("Ticket 5521: the invoice of 120 dollars is wrong.", ()),
    ],
)
def test_an_invoice_number_is_read_as_the_customer_wrote_it(
    text: str, numbers: tuple[str, ...]
) -> None:
    assert understand(text).invoice_numbers == numbers


def test_a_named_invoice_number_is_not_read_as_an_amount() -> None:
    got = understand("Könnten Sie mir die Rechnung Nr. 4471 noch einmal schicken?")
    assert got.intent is Intent.INVOICE_LOOKUP
    assert got.amounts == ()


@pytest.mark.parametrize(
    "text",
    [
        "Please refund the $20 difference, I was billed for Pro but I'm on Basic.",
        "Could you refund half of it? We only used the first two weeks.",
        "We removed a seat on day two but were billed for six. Please refund the extra seat.",
        "差額の1,000円を返金していただけますか。",
    ],
)
def test_a_refund_of_a_named_amount_or_part_is_partial(text: str) -> None:
    assert read_requests(text).partial
    assert understand(text).intent is Intent.PARTIAL_REFUND


@pytest.mark.parametrize(
    "text",
    [
        "Please refund the full amount of $60.",
        "I want a full refund of my annual payment, not a partial one.",
        "昨日の請求を全額返金してください。",
    ],
)
def test_a_refund_of_all_of_it_is_whole(text: str) -> None:
    asked = read_requests(text)
    assert asked.whole and not asked.partial
    assert understand(text).intent is Intent.REFUND


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("返金していただけますか。", " _moneyback_ "),
        ("返金してもらえますか。", " _moneyback_ "),
        ("返金していただきました。", " _moneybackdone_ "),
        ("先月返金してもらったはずです。", " _moneybackdone_ "),
    ],
)
def test_a_japanese_request_is_not_read_as_a_past_write(text: str, token: str) -> None:
    assert concept_tokens(text).startswith(token)
