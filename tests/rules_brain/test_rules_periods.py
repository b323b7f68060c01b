"""Which invoice a customer means, as they write it in five languages: day-first dates, a day
alone, days and months back, quarters, a year of invoices, and invoice numbers with short
series or a year first; with the near misses that name no invoice or period. A period is
looked up whole: all of a quarter or a year in one invoice lookup."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from knowreply.agent.brains.rules._calendar import find_dates, find_months
from knowreply.agent.brains.rules._references import find_invoice_numbers
from knowreply.agent.brains.rules.model import RulesBrain, asked_period
from knowreply.agent.brains.rules.persona import Audience, Persona
from knowreply.agent.brains.rules.understanding import Intent, MonthRef, Understanding

TODAY = date(2026, 12, 1)


def _dates(text: str) -> list[date]:
    return [found.value for found in find_dates(text, TODAY)]  # type: ignore[misc]


def _months(text: str) -> list[MonthRef]:
    found = find_months(text, TODAY, dates=find_dates(text, TODAY))
    return [f.value for f in found]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Please re-issue the invoice from 21/09/2025.", [date(2025, 9, 21)]),
        ("The invoice dated 31/12/2025 is missing.", [date(2025, 12, 31)]),
        ("Können Sie mir die Rechnung vom 01.09.2026 schicken?", [date(2026, 9, 1)]),
        ("the invoice for the 15.12.2025 payment please", [date(2025, 12, 15)]),
        ("need the invoice for the charge on the 9th", [date(2026, 11, 9)]),
        ("Die Rechnung vom 3. bitte nochmal.", [date(2026, 11, 3)]),
        ("la factura del día 9, por favor", [date(2026, 11, 9)]),
        ("la facture du 15, s'il vous plaît", [date(2026, 11, 15)]),
        ("15日の請求書をください", [date(2026, 11, 15)]),
        ("the invoice from 6 days ago", [date(2026, 11, 25)]),
        ("la factura de hace dos días", [date(2026, 11, 29)]),
        ("die Rechnung von vor 3 Tagen", [date(2026, 11, 28)]),
        ("5日前の請求書", [date(2026, 11, 26)]),
        ("This is the 2nd time I write.", []),
        ("Version 1.2.3 is installed and it costs 12.50 now.", []),
        ("Ich habe 1.190,00 € bezahlt.", []),
        ("la facture du 15 € de trop", []),
    ],
)
def test_a_date_is_read_as_customers_write_it(text: str, dates: list[date]) -> None:
    assert _dates(text) == dates


def _quarter(year: int, first: int) -> list[MonthRef]:
    return [MonthRef(year, first + i) for i in range(3)]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Send me the invoice from two months ago please.", [MonthRef(2026, 10)]),
        ("先々月の請求書が必要です", [MonthRef(2026, 10)]),
        ("せんげつのせいきゅうしょまだ？", [MonthRef(2026, 11)]),
        ("die Rechnung vom vorletzten Monat", [MonthRef(2026, 10)]),
        ("la factura de hace dos meses", [MonthRef(2026, 10)]),
        ("la facture d'il y a trois mois", [MonthRef(2026, 9)]),
        ("the invoices for Q1 2026", _quarter(2026, 1)),
        ("invoices for Q3", _quarter(2026, 7)),
        ("第2四半期の請求書", _quarter(2026, 4)),
        ("the invoices of last quarter", _quarter(2026, 7)),
        ("Rechnungen vom letzten Quartal", _quarter(2026, 7)),
        ("can i have the invoice for jan", [MonthRef(None, 1)]),
        ("inv for sept?", [MonthRef(None, 9)]),
        ("the invoice from around May last year", [MonthRef(2025, 5)]),
        ("la factura de marzo del año pasado", [MonthRef(2025, 3)]),
        ("all the invoices of 2025, month by month", [MonthRef(2025, m) for m in range(1, 13)]),
        ("2024年分の請求書を月ごとに", [MonthRef(2024, m) for m in range(1, 13)]),
        ("Rechnungen aus dem Kalenderjahr 2025", [MonthRef(2025, m) for m in range(1, 13)]),
        ("toutes les factures de 2025", [MonthRef(2025, m) for m in range(1, 13)]),
        ("the jan invoice", [MonthRef(None, 1)]),  # an abbreviation before a billing noun
        ("I will mar it", []),
        ("two months free would be nice", []),
        ("We have been customers since 2019.", []),
        ("latest invoice and a list of what we paid in 2025", []),
        ("It happened in 2025 that our office moved.", []),
    ],
)
def test_a_month_or_period_is_read_as_customers_write_it(text: str, months: list[MonthRef]) -> None:
    assert _months(text) == months


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("J'ai besoin d'une copie de la facture F-1042.", ["F-1042"]),
        ("Ich suche die Rechnung RE-20931.", ["RE-20931"]),
        ("請求書番号 A-1033 について", ["A-1033"]),
        ("KLMN2468-0004の請求書を再送して", ["KLMN2468-0004"]),
        ("請求書（No. 20261001-KR）", ["20261001-KR"]),
        ("Perdí la factura 2026-0315.", ["2026-0315"]),
        ("Vous pouvez me renvoyer la facture n° 2025-112 ?", ["2025-112"]),
        ("Need invoice no. 2024/118 sent again", ["2024/118"]),
        ("pouvez-vous renvoyer la fact. 2026-00714 ?", ["2026-00714"]),
        ("Necesito la factura n.º 4471.", ["4471"]),
        ("Can I have invoice INV_2025_7781?", ["INV_2025_7781"]),
        ("Which invoice is #88-421?", ["88-421"]),
        ("#10234 の請求書を見せて", ["10234"]),
        ("Your ticket #48213 has been received.", []),
        ("My order #55201 shipped late.", []),
        ("COVID-19 delayed our payment run.", []),
        ("the a-1234 model is great", []),
        ("Send the invoice dated 2026-10-01 please", []),
        ("Je sollicite un duplicata du reçu n° 00457", ["00457"]),
        ("me pasan la factura nro 0003-00004521?", ["0003-00004521"]),
        ("el recibo nº 4411 por favor", ["4411"]),
        ("hi can u send invoce 1047 again", ["1047"]),
        ("inovice 2024-0311 pls", ["2024-0311"]),
        ("j'ai reçu 1200 € hier", []),
        ("recibo 4000 pesos al mes", []),
    ],
)
def test_an_invoice_number_is_read_in_its_many_forms(text: str, numbers: list[str]) -> None:
    assert [number for number, _, _ in find_invoice_numbers(text)] == numbers


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("need invoce for febuary pls", [MonthRef(None, 2)]),
        ("invocie for novembr pls", [MonthRef(None, 11)]),
        ("la factura de septiembr", [MonthRef(None, 9)]),
        ("10がつぶん せいきゅうしょ ほしい", [MonthRef(None, 10)]),
        ("5gatsu bun no seikyusho wo mou ichido okutte", [MonthRef(None, 5)]),  # romaji
        ("me pasan la fact de sept 2024 xfa", [MonthRef(2024, 9)]),
        ("3GATSU TO 4 GATSU NO RYOUSHUUSHO", [MonthRef(None, 3), MonthRef(None, 4)]),
        ("could you find the invoice for week 40 for us", [MonthRef(2026, 10)]),
        ("the invoice for our payment in week 12", [MonthRef(2026, 3)]),
        ("Rechnung für KW 51 bitte", [MonthRef(2025, 12)]),
        ("la facture de la semaine 7", [MonthRef(2026, 2)]),
        ("第12週の請求書をください", [MonthRef(2026, 3)]),
    ],
)
def test_a_misspelt_month_or_a_calendar_week_is_read(text: str, months: list[MonthRef]) -> None:
    assert _months(text) == months


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("inv for may pls", [MonthRef(None, 5)]),
        ("may 2024 invoice please", [MonthRef(2024, 5)]),
        ("has this months invoice been made yet", [MonthRef(2026, 12)]),
        ("Rechnung Feber 2024 bitte nochmals schicken", [MonthRef(2024, 2)]),  # Austrian
        ("d Rächnig vom Auguscht nomal schicke", [MonthRef(None, 8)]),  # Swiss German
        ("さんがつぶん の せいきゅうしょ ください", [MonthRef(None, 3)]),
        ("きょねんのじゅうにがつの りょうしゅうしょ", [MonthRef(None, 12)]),
        ("令和7年12月分の請求書をお願いします", [MonthRef(2025, 12)]),
        ("平成31年4月の領収書", [MonthRef(2019, 4)]),
        ("令和元年5月分", [MonthRef(2019, 5)]),
        ("R7.12 分の請求書をお願いします。", [MonthRef(2025, 12)]),
        ("you may invoice us at the end of the month", []),
        ("may i have my invoice", []),
        ("please pay R7.12 now", []),  # rand
        ("わたしがつかっているプラン", []),
        ("話しがつかないので先月の請求書を", [MonthRef(2026, 11)]),
        ("ごはんにがつがつ", []),
    ],
)
def test_a_month_in_lower_case_dialect_kana_or_a_japanese_era_is_read(
    text: str, months: list[MonthRef]
) -> None:
    assert _months(text) == months


def test_a_date_written_day_month_year_with_dashes_is_read() -> None:
    assert _dates("the payment made on 12-07-2024, amount Rs 17,700") == [date(2024, 7, 12)]
    assert _dates("call 0422-23-4567") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hola, soy Javier, ¿me envían la factura?",
        "Our membership renewal failed.",
        "I was charged in week 2 of my trial.",
        "Two weeks ago I asked for the invoice.",
        "You charged me 9.99.",
    ],
)
def test_a_name_a_trial_week_or_an_amount_is_no_month(text: str) -> None:
    assert _months(text) == []
    assert _dates(text) == []


def test_a_day_and_month_without_a_year_is_read_after_a_preposition() -> None:
    assert _dates("Wofür waren die 59,00 € am 7.11.? Bitte die Rechnung dazu.") == [
        date(2026, 11, 7)
    ]
    assert _dates("la facture du 3.10. svp") == [date(2026, 10, 3)]


_LAST_YEAR = [MonthRef(2025, m) for m in range(1, 13)]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("the third quarter invoices", _quarter(2026, 7)),
        ("invoices for the first quarter of 2026", _quarter(2026, 1)),
        ("invoices for the 2nd quarter", _quarter(2026, 4)),
        ("facturas del tercer trimestre de 2025", _quarter(2025, 7)),
        ("les factures du 1er trimestre", _quarter(2026, 1)),
        ("les factures du premier trimestre 2026", _quarter(2026, 1)),
        ("Rechnungen für das 3. Quartal", _quarter(2026, 7)),
        ("Rechnungen aus dem zweiten Quartal", _quarter(2026, 4)),
        ("last year's invoices", _LAST_YEAR),
        ("las facturas del año pasado", _LAST_YEAR),
        ("les factures de l'an dernier", _LAST_YEAR),
        ("alle Rechnungen vom letzten Jahr", _LAST_YEAR),
        ("昨年の請求書", _LAST_YEAR),
        ("my 2025 invoices", _LAST_YEAR),
        ("meine Rechnungen 2025", _LAST_YEAR),
        ("2025年の請求書を全部", _LAST_YEAR),
        ("invoice for June last year", [MonthRef(2025, 6)]),
        ("2か月前の請求書", [MonthRef(2026, 10)]),
        ("We signed up last year and love it.", []),
        ("the invoice from when I upgraded", []),
        ("I need 2 seats more", []),
    ],
)
def test_a_quarter_or_a_year_is_read_as_its_months(text: str, months: list[MonthRef]) -> None:
    assert _months(text) == months


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("the invoice for the payment on Monday", [date(2026, 11, 30)]),
        ("receipt for the charge last Friday", [date(2026, 11, 27)]),
        ("la factura del lunes", [date(2026, 11, 30)]),
        ("la facture de lundi", [date(2026, 11, 30)]),
        ("die Rechnung von Montag", [date(2026, 11, 30)]),
        ("月曜日の支払いの領収書", [date(2026, 11, 30)]),
        ("We are closed on Mondays.", []),
    ],
)
def test_a_weekday_is_the_last_one_before_today(text: str, dates: list[date]) -> None:
    assert _dates(text) == dates


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("invoice INV-2026-02-7741 please", ["INV-2026-02-7741"]),
        ("please resend invoice 2026-03-1187", ["2026-03-1187"]),
        ("facture F-2026-01-0087 en PDF", ["F-2026-01-0087"]),
        ("facture n° F2026/045", ["F2026/045"]),
        ("Rechnungsnummer 4471 bitte", ["4471"]),
        ("郵便番号 150-0002 です", []),
        ("the invoice 2026-10-01 dated", []),
    ],
)
def test_an_invoice_number_with_a_month_or_a_joined_word_is_read(
    text: str, numbers: list[str]
) -> None:
    assert [number for number, _, _ in find_invoice_numbers(text)] == numbers


def _lookup_args(months: list[MonthRef]) -> dict[str, object]:
    brain = RulesBrain(
        Understanding(language="en", intent=Intent.INVOICE_LOOKUP, months=tuple(months)),
        Persona("Acme"),
        Audience("en", ZoneInfo("UTC")),
    )
    return brain._arguments(Intent.INVOICE_LOOKUP)


@pytest.mark.parametrize(
    ("text", "args"),
    [
        ("invoices for Q3 2025", {"year": 2025, "month": 7, "months": 3}),
        ("die Rechnungen vom 3. Quartal 2025", {"year": 2025, "month": 7, "months": 3}),
        ("第4四半期の請求書", {"year": 2026, "month": 10, "months": 3}),
        ("all my 2025 invoices", {"year": 2025, "month": 1, "months": 12}),
        ("my invoice for March 2026", {"year": 2026, "month": 3}),
        ("the invoices for March 2026 and May 2026", {"year": 2026, "month": 3}),
    ],
)
def test_the_invoice_lookup_covers_the_whole_period_read(
    text: str, args: dict[str, object]
) -> None:
    assert _lookup_args(_months(text)) == {"number": None, **args}


@pytest.mark.parametrize(
    ("months", "period"),
    [
        ([MonthRef(2025, 11), MonthRef(2025, 12), MonthRef(2026, 1)], 3),  # across a new year
        ([MonthRef(None, 3), MonthRef(None, 4)], 1),  # no year said: one month, as before
        ([MonthRef(2026, 3), MonthRef(2026, 5), MonthRef(2026, 6)], 1),
        ([], 0),
    ],
)
def test_a_period_is_the_first_month_and_those_straight_after_it(
    months: list[MonthRef], period: int
) -> None:
    assert asked_period(months) == tuple(months[:period])


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # another thing's number is no invoice's: a contract, a plant, a customer, a ticket
        ("bitte die aktuelle Beitragsrechnung (Vertragsnr. HV-228190)", []),
        ("die jüngste Rechnung für die PV-Anlage (Anlage Nr. PV-0937)", []),
        ("Kundennr. KD-20931, bitte die letzte Rechnung", []),
        ("Please forward the most recent invoice for account #HG-20931", []),
        ("Ticket no: FIN-20418", []),
        ("会員番号 AB-1234 の請求書をください", []),
        # an invoice's own number, and an order's, whose invoice is asked for, stay
        ("Rechnung Nr. RE-20931 bitte", ["RE-20931"]),
        ("invoice reference RE-1042", ["RE-1042"]),
        ("Could you dig out the invoice for order ACM-77314?", ["ACM-77314"]),
        ("contract number ACME-20931 and invoice RE-555", ["RE-555"]),
        ("請求書番号 AB-1234", ["AB-1234"]),
    ],
)
def test_a_number_named_as_another_things_is_no_invoice_number(
    text: str, numbers: list[str]
) -> None:
    assert [number for number, _, _ in find_invoice_numbers(text)] == numbers
