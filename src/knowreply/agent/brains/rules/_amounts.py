"""Money amounts in a customer's text: `$12.50`, `12,50 €`, `EUR 12.50`, `¥1,200`, `1200円`…

Each number is read with the currency written next to it; its separators are read by that
currency's convention (`1.200` is twelve hundred, `12,50` is twelve and a half). A bare
number with two decimals takes the text's only explicit currency, else the default one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from knowreply.money import Money, minor_unit_exponent

DOLLAR_CURRENCIES = frozenset({"usd", "cad", "aud", "nzd", "sgd", "hkd", "mxn"})

# Longest first, so `CA$` wins over `$`. None means "the dollar of this business".
_SYMBOLS: tuple[tuple[str, str | None], ...] = (
    ("US$", "usd"),
    ("$US", "usd"),
    ("CA$", "cad"),
    ("$CA", "cad"),
    ("C$", "cad"),
    ("AU$", "aud"),
    ("$AU", "aud"),
    ("A$", "aud"),
    ("NZ$", "nzd"),
    ("HK$", "hkd"),
    ("S$", "sgd"),
    ("MX$", "mxn"),
    ("R$", "brl"),
    ("CN¥", "cny"),
    ("£GB", "gbp"),
    ("$", None),
    ("€", "eur"),
    ("£", "gbp"),
    ("¥", "jpy"),
    ("₹", "inr"),
    ("₩", "krw"),
    ("円", "jpy"),
    ("ドル", None),
    ("ユーロ", "eur"),
    ("ポンド", "gbp"),
)
_CODES = frozenset(
    "usd eur gbp jpy cad aud nzd chf sek nok dkk inr brl mxn sgd hkd cny krw pln czk".split()  # noqa: SIM905
)
_WORDS: tuple[tuple[str, str | None], ...] = (
    ("dollars", None),
    ("dollar", None),
    ("bucks", None),
    ("euros", "eur"),
    ("euro", "eur"),
    ("pounds", "gbp"),
    ("pound", "gbp"),
    ("yen", "jpy"),
)
_NUMBER = re.compile(
    r"(?<![\d_.,/:-])(\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?)(?![\d%])"
)
_MAN = re.compile(r"\s?万\s?(?:(\d{1,4})\s?)?円")
"""`1万2000円`: 万 is ten thousand."""


@dataclass(frozen=True)
class Marker:
    """A currency written next to a number; `code` None is a dollar sign or the word dollars."""

    code: str | None


@dataclass(frozen=True)
class FoundAmount:
    money: Money
    start: int
    end: int
    explicit: bool
    """The currency was written next to the number."""


def _decimal(number: str, currency: str) -> Decimal | None:
    digits = number.replace(" ", "").replace("'", "")
    if "," in digits and "." in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
    else:
        mark = "," if "," in digits else "." if "." in digits else ""
        decimals = len(digits) - digits.rfind(mark) - 1 if mark else 0
        three_decimal = minor_unit_exponent(currency) == 3
        is_decimal = digits.count(mark) == 1 and (decimals < 3 or three_decimal)
        decimal_mark = mark if mark and is_decimal else ""
    thousands = "".join({",", "."} - {decimal_mark})
    for mark in thousands:
        digits = digits.replace(mark, "")
    if decimal_mark:
        digits = digits.replace(decimal_mark, ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


_LOCAL_WORDS = ("円", "ドル", "ユーロ", "ポンド")


def _marker_before(text: str, start: int) -> Marker | None:
    """The currency written just before a number, if any."""
    before = text[max(0, start - 5) : start].rstrip(" ")
    for symbol, code in _SYMBOLS:
        if before.endswith(symbol) and symbol not in _LOCAL_WORDS:
            return Marker(code)
    word = re.search(r"(?<![A-Za-z])([A-Za-z]{3})$", before)
    if word and word.group(1).lower() in _CODES:
        return Marker(word.group(1).lower())
    return None


def _marker_after(text: str, end: int) -> Marker | None:
    """The currency written just after a number, if any."""
    after = text[end : end + 12].lstrip(" ")
    for symbol, code in _SYMBOLS:
        if after.startswith(symbol):
            return Marker(code)
    word = re.match(r"([A-Za-z]+)(?![A-Za-z])", after)
    if word:
        lowered = word.group(1).lower()
        if lowered in _CODES:
            return Marker(lowered)
        for name, code in _WORDS:
            if lowered == name:
                return Marker(code)
    return None


def _currency(marker: str | None, default_currency: str) -> str:
    if marker is None:
        return default_currency if default_currency in DOLLAR_CURRENCIES else "usd"
    if marker == "jpy" and default_currency == "cny":
        return "cny"
    return marker


def _money(amount: Decimal, currency: str) -> Money | None:
    try:
        return Money.from_major(amount, currency)
    except ValueError:
        return None


def find_amounts(text: str, *, default_currency: str = "usd") -> list[FoundAmount]:
    """Every amount in the text, in order, with where it was written."""
    found: list[FoundAmount] = []
    bare: list[tuple[re.Match[str], Decimal]] = []
    read_up_to = 0
    for match in _NUMBER.finditer(text):
        number, start, end = match.group(1), match.start(1), match.end(1)
        if start < read_up_to:
            continue
        man = _MAN.match(text, end)
        if man:
            base = _decimal(number, "jpy")
            extra = Decimal(man.group(1) or 0)
            money = _money(base * 10_000 + extra, "jpy") if base is not None else None
            if money:
                found.append(FoundAmount(money, start, man.end(), explicit=True))
            read_up_to = man.end()
            continue
        marker = _marker_before(text, start)
        if marker is None and start and text[start - 1].isascii() and text[start - 1].isalpha():
            continue  # part of a word or an id, such as `v2` or `ABC123`
        after = _marker_after(text, end)
        if after is not None and (marker is None or marker.code is None):
            marker = after  # `$12.50 CAD`: the code says which dollar
        if marker is None:
            if re.fullmatch(r"\d+\.\d{2}", number):
                bare.append((match, Decimal(number)))
            continue
        currency = _currency(marker.code, default_currency)
        value = _decimal(number, currency)
        money = _money(value, currency) if value is not None else None
        if money:
            found.append(FoundAmount(money, start, end, explicit=True))
    explicit = {amount.money.currency for amount in found}
    bare_currency = explicit.pop() if len(explicit) == 1 else default_currency
    for match, value in bare:
        money = _money(value, bare_currency)
        if money:
            found.append(FoundAmount(money, match.start(1), match.end(1), explicit=False))
    return sorted(found, key=lambda amount: amount.start)
