"""Numbers spelled out or in kanji, and Japanese typed all in katakana, are read as the same
email written with digits and in the usual script (`written_forms`)."""

from __future__ import annotations

import unicodedata

import pytest

from knowreply.agent.brains.rules import Intent, understand
from knowreply.agent.intake import read_requests
from knowreply.agent.intake.written_forms import in_usual_form, kanji_number


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("五", 5),
        ("十二", 12),
        ("二十", 20),
        ("五百", 500),
        ("二千二十四", 2024),
        ("二〇二四", 2024),
        ("三万五千", 35_000),
        ("百", 100),
        ("千五百", 1_500),
    ],
)
def test_kanji_numerals_have_their_value(numeral: str, value: int) -> None:
    assert kanji_number(numeral) == value


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("五月の請求書を送ってください", "5月の請求書を送ってください"),
        ("令和六年四月分の請求書", "令和6年4月分の請求書"),
        ("令和元年の領収書", "令和1年の領収書"),
        ("二〇二四年十二月分", "2024年12月分"),
        ("送料の五百円を返してください", "送料の500円を返してください"),
        ("九ヶ月分を返金してください", "9ヶ月分を返金してください"),
        # numerals that are words, not dates or amounts, stay
        ("一部返金をお願いします", "一部返金をお願いします"),
        ("十分です、一回だけでした", "十分です、一回だけでした"),
        # an amount left vague is no amount
        ("数万円を返金してください", "数万円を返金してください"),
        ("何千円も余計に払いました", "何千円も余計に払いました"),
        ("十数万円の請求でした", "十数万円の請求でした"),
    ],
)
def test_kanji_numbers_of_dates_and_amounts_are_read_in_digits(written: str, read: str) -> None:
    assert in_usual_form(written) == read


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("ｶｲﾔｸ ｼﾀｲﾃﾞｽ ｵﾈｶﾞｲｼﾏｽ", "かいやく したいです おねがいします"),
        ("シハライ リレキ ヲ オシエテクダサイ\n山田", "しはらい りれき を おしえてください\n山田"),
        # Japanese written normally keeps its loanwords, however many
        ("サブスクリプションのキャンセル", "サブスクリプションのキャンセル"),
        ("カードID", "カードID"),
    ],
)
def test_a_message_all_in_katakana_is_read_in_hiragana(written: str, read: str) -> None:
    assert in_usual_form(unicodedata.normalize("NFKC", written)) == read


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (
            "please refund thirty pounds of the last payment",
            "please refund 30 pounds of the last payment",
        ),
        (
            "me cobraron cuarenta y nueve euros en vez de veintinueve",
            "me cobraron 49 euros en vez de 29",
        ),
        (
            "Bonjour, vous m'avez compté septante-cinq euros au lieu de cinquante, merci",
            "Bonjour, vous m'avez compté 75 euros au lieu de 50, merci",
        ),
        ("Ich möchte fünfundzwanzig Euro zurück, danke", "Ich möchte 25 Euro zurück, danke"),
        # a code read digit by digit is the codes reader's, a percent's "ciento" no hundred
        ("My code is four oh two nine one one.", "My code is four oh two nine one one."),
        ("Quiero un reembolso del cincuenta por ciento.", "Quiero un reembolso del 50 por ciento."),
        # a number word alone below ten keeps its other meanings
        ("refund one of the two seats please", "refund one of the two seats please"),
        (
            "un abonnement tout neuf pour la facture de sept",
            "un abonnement tout neuf pour la facture de sept",
        ),
    ],
)
def test_numbers_spelled_out_are_read_in_digits(written: str, read: str) -> None:
    assert in_usual_form(written) == read


def test_a_month_in_kanji_names_the_invoice() -> None:
    read = understand("五月の請求書を送ってください", subject="")
    assert read.intent is Intent.INVOICE_LOOKUP
    assert [month.month for month in read.months] == [5]


def test_a_cancellation_typed_in_half_width_katakana_is_read() -> None:
    assert read_requests("ｶｲﾔｸ ｼﾀｲﾃﾞｽ ｵﾈｶﾞｲｼﾏｽ").kinds == {"cancellation"}


def test_a_dictated_amount_sizes_the_refund() -> None:
    asked = read_requests("please refund thirty pounds of my last payment, I was overcharged")
    assert asked.kinds == {"refund"}
    assert [(amount.amount_minor, amount.currency) for amount in asked.amounts] == [(3000, "gbp")]
