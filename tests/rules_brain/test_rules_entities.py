"""What the rules read beside the intent model: invoice numbers as customers write them,
a refund of part of a payment or all of it, and a Japanese request told from a past write."""

from __future__ import annotations

from datetime import date

import pytest

from knowreply.agent.brains.rules import Intent, understand
from knowreply.agent.brains.rules._amounts import find_amounts
from knowreply.agent.brains.rules._calendar import find_dates, find_months
from knowreply.agent.brains.rules._classify import asks_for_an_amount_back, names_a_part
from knowreply.agent.brains.rules._concepts import concept_tokens, without_accents
from knowreply.agent.intake import read_requests
from knowreply.money import Money


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
        ("Could you send a copy of receipt PL-IE-2025-0219 please?", ("PL-IE-2025-0219",)),
        ("Kindly share a copy of invoice no. HL/25-26/0931.", ("HL/25-26/0931",)),
        ("Please resend invoice FB-INV-10233.", ("FB-INV-10233",)),
        ("bitte senden Sie mir die Rechnungen Nr. 000482 und 000517", ("000482", "000517")),
        ("rg 10552 bitte nochmal senden, danke", ("10552",)),
        ("les factures n° 2023-118 et 2023-131 ?", ("2023-118", "2023-131")),
        ("¿Me pueden reenviar la boleta N° 55821?", ("55821",)),
        ("領収書No.0004512の再発行をお願いします。", ("0004512",)),
        ("請求書番号 KM-240615-0042 の内容を確認したい", ("KM-240615-0042",)),
        ("bitte Rechnung 11/2024 erneut zusenden", ()),
        ("Ich brauche die Rechnung 2026-Q2 als Aufstellung.", ()),
        ("The invoice 1200 € was paid twice.", ()),
        ("予約番号:HK-20260315-07", ()),
        ("zu Ihrer Rechnung fehlt uns das Datum, unser Beleg 24-0917", ()),
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


def _amount_back(text: str) -> bool:
    return asks_for_an_amount_back(text.lower(), find_amounts(text.lower(), default_currency="usd"))


@pytest.mark.parametrize(
    "text",
    [
        "I paid $1200 but the quote was $1000. Please send back $200.",  # two amounts
        "Me cobraron 59 € en vez de 49 €. Devuélvanme los 10 €.",
        "Could you give back €8 from my most recent charge? The coupon didn't apply.",
        "Reembolsen 15 € del último cobro por el error de facturación.",
        "Remboursez 15 € sur le dernier prélèvement pour l'erreur de facturation.",
        "Ich bitte um Erstattung von 30 € der letzten Abbuchung.",
        "Bitte erstatten Sie mir 12,50 € für einen zusätzlichen Nutzer.",
        "Solo quiero que me devuelvan 5 € del último cobro.",
        "Gebt mir bitte nur die 7,70 € zurück.",
        "追加したユーザーの分、¥1,650だけ戻してほしいです",
        "割引されなかった500円分を返金してください。",
    ],
)
def test_an_amount_asked_back_is_a_part(text: str) -> None:
    assert _amount_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "hi can u pls send back the 49 usd u took yesterday, i never signed up",
        "Je demande le remboursement des 59 €.",
        "Remboursez ces 49 € et prélevez le bon montant.",
        "Rendez-moi les 29 € du second prélèvement.",
        "Refund the $99 charge from this morning please.",
        "Quiero la devolución del cargo de 59 € de ayer.",
        "Bitte erstatten Sie mir den Betrag von 19,99 €.",
        "先日ご請求の¥12,800を返金してください。",
    ],
)
def test_the_charge_itself_asked_back_is_no_part(text: str) -> None:
    assert not _amount_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was overcharged by five dollars, please refund the difference.",
        "Refund the other 10 days please, we only had access for 20.",
        "Please refund the remaining 6 months of my annual subscription.",
        "Stop the subscription today and refund me for the rest of the month.",
        "Please refund 2 of the 3 months I prepaid.",
        "Me cobraron de más, devuélvanme la diferencia.",
        "Pourriez-vous me rembourser les 20 jours en trop ?",
        "Bitte erstatten Sie, was zu viel abgebucht wurde.",
        "Bitte die restlichen 4 Monate vom Jahresabo erstatten.",
        "3名分の料金を返金してください。",
        "このオプション分だけ返金お願いします。",
        "年額のうち、残り3か月分を返金してほしいです。",
    ],
)
def test_a_part_named_without_an_amount(text: str) -> None:
    assert names_a_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "I signed up 5 days ago, under your 14-day guarantee. Please refund my payment.",
        "The service has been down for three weeks. I want the month refunded.",
        "I was charged twice this month. Please refund the extra one.",
        "Me cobraron 3 meses seguidos después de la baja. Devuélvanme esos cobros.",
        "Le service est inutilisable depuis trois semaines. Remboursez le mois.",
        "11月分が2回引き落とされています。返金してください。",
    ],
)
def test_a_count_in_the_reason_is_no_part(text: str) -> None:
    assert not names_a_part(text)


def test_a_part_named_in_a_refund_email_reads_partial_unless_all_is_asked() -> None:
    partial = understand("Please refund the days I was overcharged for in December.")
    assert partial.intent is Intent.PARTIAL_REFUND
    assert partial.refund_part_unsized  # no amount, fraction or count: a person says how much
    counted = understand("Please refund the 20 days I was overcharged for in December.")
    assert counted.refund_prorated and not counted.refund_part_unsized  # the tool sizes 20 days
    assert not understand("Please refund half of my last payment.").refund_part_unsized
    both = understand("You charged me $59 instead of $49, please refund the difference.")
    # the difference of the two amounts, computed (it always waits for a member)
    assert not both.refund_part_unsized and both.amounts[0] == Money.from_major("10", "usd")
    tied = understand("I paid $59 but the plan is $49. Please refund $10.")
    assert not tied.refund_part_unsized
    assert str(tied.amounts[0]) == "$10.00"  # the brain refunds the first amount
    whole = understand("You overcharged me. I want a full refund of my last payment.")
    assert whole.intent is Intent.REFUND


@pytest.mark.parametrize(
    "text",
    [
        "Refund 20 of the 60 EUR please.",
        "Reembolsen 20 de los 60 euros, por favor.",
        "Remboursez 20 des 60 euros s'il vous plaît.",
        "Bitte erstatten Sie 20 der 60 Euro.",
    ],
)
def test_a_part_of_an_amount_is_the_amount_refunded(text: str) -> None:
    read = understand(text, default_currency="eur")
    assert read.intent is Intent.PARTIAL_REFUND and not read.refund_part_unsized
    assert str(read.amounts[0]) == "€20.00"  # the part, never the 60 it is part of


def test_the_unused_part_of_the_period_is_left_to_the_tool_to_size() -> None:
    prorated = understand("Please refund the unused part of my subscription.")
    assert prorated.intent is Intent.PARTIAL_REFUND
    assert prorated.refund_prorated and not prorated.refund_part_unsized
    counted = understand("Please refund the remaining 8 months of my annual plan.")
    assert counted.refund_prorated and not counted.refund_part_unsized  # 8 of its 12 months
    uncounted = understand("Please refund the remaining months of my annual plan, not all of it.")
    assert not uncounted.refund_prorated and uncounted.refund_part_unsized  # a person sizes it


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Je veux résilier mon abonnement.", "Je veux resilier mon abonnement."),
        (
            "Bitte kündigen Sie, ich will das Geld zurück.",
            "Bitte kundigen Sie, ich will das Geld zuruck.",
        ),
        ("Quiero la devolución del cargo.", "Quiero la devolucion del cargo."),
    ],
)
def test_a_concept_is_found_with_or_without_its_accents(written: str, plain: str) -> None:
    assert concept_tokens(written) == concept_tokens(plain) != ""


def test_dropping_accents_keeps_every_offset_and_other_scripts() -> None:
    text = "résilié, zurück, ñ, 返金してください, ダ"
    assert without_accents(text) == "resilie, zuruck, n, 返金してください, ダ"
    assert len(without_accents(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Bitte die Abbuchung vom 1.12. zurückbuchen.", date(2026, 12, 1)),
        ("Für den Zeitraum vom 15.11. bis Monatsende", date(2026, 11, 15)),
        ("Le prélèvement du 3 févr. est faux.", date(2026, 2, 3)),
    ],
)
def test_a_german_day_and_month_and_a_short_month_name_are_dates(text: str, found: date) -> None:
    assert [d.value for d in find_dates(text, date(2026, 12, 2))][:1] == [found]


@pytest.mark.parametrize(
    "text", ["Version 2.1. ist da.", "Er kostet 1.12. Euro.", "I paid 1.12. Then"]
)
def test_a_number_with_dots_is_no_date_without_its_preposition(text: str) -> None:
    assert find_dates(text, date(2026, 12, 2)) == []


@pytest.mark.parametrize(
    ("text", "month"), [("Die Rechnung vom Marz", 3), ("la facture de juil.", 7)]
)
def test_a_month_written_short_or_without_its_umlaut_is_read(text: str, month: int) -> None:
    today = date(2026, 12, 2)
    assert [m.value.month for m in find_months(text, today, dates=find_dates(text, today))] == [
        month
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "At $9/seat that's $27 too much. Could you refund the difference?",
            Money.from_major("27", "usd"),
        ),
        (
            "I was charged $59 instead of $49, please refund the difference.",
            Money.from_major("10", "usd"),
        ),
    ],
)
def test_the_part_asked_back_among_several_amounts_is_sized_first(text: str, first: Money) -> None:
    read = understand(text)
    assert read.intent is Intent.PARTIAL_REFUND
    assert not read.refund_part_unsized and read.amounts[0] == first


@pytest.mark.parametrize(
    "text",
    [
        "At $9/seat, please refund the difference.",
        "I paid $49 and $20 last month. Please refund the difference.",
        "At $9/seat that's not $27. Could you refund the difference?",
    ],
)
def test_several_amounts_with_no_clear_part_stay_unsized(text: str) -> None:
    read = understand(text)
    assert Intent.PARTIAL_REFUND in (read.intent, *read.secondary_intents)
    assert read.refund_part_unsized


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "En la factura hay un cargo de 6 € por almacenamiento extra. ¿Me devolvéis esos 6 €?",
            Money.from_major("6", "eur"),
        ),  # "por" is "for" here, not "per"
        (
            "Vous avez compté 2 fois l'option SMS (5 € x 2). Rendez-moi les 5 € en trop svp.",
            Money.from_major("5", "eur"),
        ),  # the price of one unit, then that amount given back
        (
            "Me cobrasteis 49 € pero el plan cuesta 29 €. ¿Me devolvéis la diferencia de 20 €?",
            Money.from_major("20", "eur"),
        ),
    ],
)
def test_an_amount_asked_back_beside_a_price_is_sized(text: str, first: Money) -> None:
    read = understand(text)
    assert Intent.PARTIAL_REFUND in (read.intent, *read.secondary_intents)
    assert not read.refund_part_unsized and read.amounts[0] == first


@pytest.mark.parametrize(
    "text",
    [
        "Refund me for the two unused seats please, $20 each.",
        "Reembolsadme los dos puestos que sobran, a 6 € por usuario.",
        "Remboursez les deux licences en trop, 9 € par mois chacune.",
        "Bitte erstatten Sie die zwei Plätze, 12 € pro Platz.",
    ],
)
def test_a_price_per_unit_alone_stays_unsized(text: str) -> None:
    read = understand(text)
    assert Intent.PARTIAL_REFUND in (read.intent, *read.secondary_intents)
    assert read.refund_part_unsized


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "Hola, este mes me cobraron $85.000 y el plan cuesta $50.000. "
            "Devuélvanme los $35.000 de diferencia, por favor.",
            Money.from_major("35000", "usd"),
        ),
        (
            "今月の請求が３，３００円多かったです。差額の３，３００円を返金してください。",
            Money.from_major("3300", "jpy"),
        ),
    ],
)
def test_an_amount_in_the_writers_own_digits_is_read_not_refused(text: str, part: Money) -> None:
    """`$35.000` in Spanish and full-width `３，３００円` are amounts: a refund that names one is
    not handed to a person as if the amount could not be read."""
    read = understand(text)
    assert part in read.amounts
    assert part in read_requests(text).amounts


@pytest.mark.parametrize(
    ("text", "charged"),
    [
        (
            "Refund the $99 charge from this morning please.",
            Money(amount_minor=9900, currency="usd"),
        ),
        (
            "Please refund the $24 charge from last week, I was charged for the old plan.",
            Money(amount_minor=2400, currency="usd"),
        ),
        (
            "You took $199 from my account for a renewal I never agreed to. I want the $199 back.",
            Money(amount_minor=19900, currency="usd"),
        ),
    ],
)
def test_a_whole_refund_names_its_payment_by_amount(text: str, charged: Money) -> None:
    """The amount is the payment's own: that payment is refunded in full (the tool finds it),
    not that amount out of the latest payment."""
    got = understand(text)
    assert got.intent is Intent.REFUND
    assert got.refund_charged == charged


@pytest.mark.parametrize(
    "text",
    [
        "I paid $59 but the plan is $49. Please refund $10.",
        "Please refund $10 of the $49 charge, the coupon did not apply.",
        "Please refund my last payment.",
    ],
)
def test_a_part_or_an_unnamed_payment_names_no_payment_by_amount(text: str) -> None:
    assert understand(text).refund_charged is None
