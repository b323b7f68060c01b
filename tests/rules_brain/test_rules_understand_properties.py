"""Properties of `understand`: it never raises, and amounts it formats it reads back."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from knowreply.agent.brains.rules import Intent, Understanding, understand
from knowreply.agent.intake.language import LANGUAGES
from knowreply.money import Money

TODAY = date(2026, 11, 27)
NOISE = "0123456789.,:/-#$€£¥円万 \n\t<>&;'\""
WORDS = [
    "refund",
    "cancel",
    "invoice ",
    "請求",
    "返金",
    "解約",
    "ch_",
    "in_",
    "ABCD",
    "March ",
    "3月",
    "don't ",
    "しないで",
    "🙂",
    "&nbsp;",
    "<br>",
]
BILLING_ALPHABET = st.sampled_from([*NOISE, *WORDS])


@given(text=st.text(), subject=st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_understand_never_raises_on_any_text(text: str, subject: str) -> None:
    result = understand(text, subject=subject, today=TODAY)
    assert isinstance(result, Understanding)
    assert result.language in LANGUAGES


@given(pieces=st.lists(BILLING_ALPHABET, max_size=80))
@settings(max_examples=300, deadline=None)
def test_understand_never_raises_on_billing_shaped_noise(pieces: list[str]) -> None:
    result = understand("".join(pieces), today=TODAY)
    assert result.intent in set(Intent)
    assert all(money.amount_minor >= 0 for money in result.amounts)


def test_understand_reads_a_huge_message_quickly() -> None:
    body = "Please cancel my subscription. " + ("Some more words about my day. " * 200_000)
    assert understand(body, today=TODAY).intent is Intent.CANCEL


@given(
    minor=st.integers(min_value=1, max_value=10**9),
    currency=st.sampled_from(["usd", "eur", "gbp", "jpy", "cad", "aud", "chf"]),
    locale=st.sampled_from(["en", "ja_JP", "de"]),
)
@settings(max_examples=400, deadline=None)
def test_a_formatted_amount_reads_back_as_the_same_money(
    minor: int, currency: str, locale: str
) -> None:
    money = Money(amount_minor=minor, currency=currency)
    written = money.format(locale)
    result = understand(f"What is this charge of {written}?", today=TODAY)
    assert result.amounts == (money,), written
