"""Money written by people: `$12.50`, `1,20 €`, `1.200,50`, `1 200,50 €`, `¥1,200`, `1200円`.

Brain-neutral: the rules brain reads amounts in an email with `find_amounts`; a tool reads an
amount a model passed with `parse_money`. Both share one reading of a number, which never
guesses in the customer's disfavour:

- the decimal mark is the last of `.`/`,` when both appear; a mark that appears twice, or a
  space/apostrophe, groups thousands (groups of exactly three digits);
- a single mark followed by exactly three digits is read by where the currency is written:
  before the number (`$2.999`, English style) a dot is decimal and a comma groups; after it
  (`1.200 €`, continental style) the opposite; a currency without decimals (`¥1,200`) only
  groups; given a locale, its own marks decide; given the writer's language, one that groups
  with a dot reads `$85.000` as 85,000;
- more decimals than the currency has (`$0.001`, `$2.999`), a sign (`-$20`), anything that is
  not digits (`Infinity`, `NaN`, `1e5`) or an absurd size is refused, never rounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from babel.core import UnknownLocaleError
from babel.numbers import get_currency_symbol, get_decimal_symbol, get_group_symbol

from knowreply.money import Money, minor_unit_exponent

DOLLAR_CURRENCIES = frozenset({"usd", "cad", "aud", "nzd", "sgd", "hkd", "mxn"})
DOT_GROUPING_LANGUAGES = frozenset({"es", "fr", "de", "it", "pt", "nl"})
"""Languages whose writers group thousands with a dot, even after a symbol written first
(`$85.000` in Santiago or Bogotá, `€1.200` in Madrid): there a lone dot before three digits is
read by the currency, as a group when the currency has no third decimal, instead of being
refused as English `$2.999` is."""
MAX_DIGITS = 12
"""No amount a customer or a model writes has more integer digits (Stripe's own limit is
lower); a longer number is refused rather than read."""

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
    ("JP¥", "jpy"),
    ("£GB", "gbp"),
    ("RD$", "dop"),
    ("TT$", "ttd"),
    ("J$", "jmd"),
    ("GH₵", "ghs"),
    ("$", None),
    ("€", "eur"),
    ("£", "gbp"),
    ("¥", "jpy"),
    ("￥", "jpy"),
    ("₹", "inr"),
    ("₩", "krw"),
    ("S/.", "pen"),
    ("S/", "pen"),
    ("Gs.", "pyg"),
    ("KSh", "kes"),
    ("Ksh", "kes"),
    ("₦", "ngn"),
    ("₵", "ghs"),
    ("₱", "php"),
    ("৳", "bdt"),
    ("₺", "try"),
    ("₪", "ils"),
    ("₴", "uah"),
    ("₡", "crc"),
    ("円", "jpy"),
    ("ドル", None),
    ("ユーロ", "eur"),
    ("ポンド", "gbp"),
)
_LOCAL_WORDS = ("円", "ドル", "ユーロ", "ポンド")
# fmt: off
_CODES = frozenset({
    "usd", "eur", "gbp", "jpy", "cad", "aud", "nzd", "chf", "sek", "nok", "dkk", "inr", "brl",
    "mxn", "sgd", "hkd", "cny", "krw", "pln", "czk", "kwd", "bhd", "jod", "omr", "tnd", "vnd",
    "clp", "huf", "try", "zar", "thb", "idr", "php", "myr", "ils", "aed", "sar",
})
_UPPER_CODES = frozenset({
    "NGN", "KES", "GHS", "PKR", "BDT", "EGP", "LKR", "NPR", "UGX", "TZS", "RWF", "ZMW", "ETB",
    "XOF", "XAF", "COP", "ARS", "UYU", "PYG", "PEN", "CRC", "DOP", "GTQ", "HNL", "NIO", "JMD",
    "TTD", "BBD", "XCD", "MUR", "DZD", "QAR", "TWD", "RON", "BGN", "ISK", "UAH", "KZT",
    "UZS", "AZN", "MNT", "KHR", "MMK", "LBP", "FJD", "PGK",
})
"""More of Stripe's currencies, read only when written in capitals (`NGN 85,000`, `KES 1,800`):
in lower case some are words."""
# fmt: on
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
_SPACES = " \u00a0\u202f\u2009"
_NUMBER = re.compile(
    r"(?<![\d_.,/:\-−])"
    r"(\d{1,3}(?P<sep>[,.'’ \u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?![\d%]|[.,]\d)"
)
_PART_OF = re.compile(
    r"\s+(?:(?:out )?of|de|des|sur|von|aus|der)\s+"
    r"(?:(?:the|my|those|these|los|las|mis|esos|esas|les|mes|ces|den|der|meinen|diesen) )?",
    re.IGNORECASE,
)
"""What joins a part to the amount it is part of: `20 of the 60 EUR`, `20 de los 60 €`,
`20 des 60 €`, `20 von den 60 €`."""
_NOT_A_PART_BEFORE = re.compile(
    r"(#|\b(section|page|step|part|item|option|point|tier|level|question|chapter|no|number|"
    r"n[º°o]|nr|paso|p[áa]gina|punto|[ée]tape|seite|schritt|punkt))\.?\s*$",
    re.IGNORECASE,
)
"""`section 2 of the $49 plan`: a number that names a thing, not a part of the amount."""
_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])")
_DATE_BEFORE = re.compile(
    r"\b(?:am|vom|zum|bis|seit|ab|le|du|au|depuis|jusqu'au|el|del|al|desde|hasta|on|from|"
    r"since|until|till)\s*$",
    re.IGNORECASE,
)
"""`am 20.06`, `le 15.03`, `del 12.05`: a day and a month named with the word that dates it."""
_MAN = re.compile(r"\s?万\s?(?:(\d{1,4})\s?)?円")
"""`1万2000円`: 万 is ten thousand."""
_MINUS = re.compile(r"[-−‐‑﹣－]\s*$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
"""Japanese text writes numbers in full-width digits (`３，３００円`) as often as in ASCII:
read them as the same characters, one for one, so every position in the text stays true.
Digits of other scripts are still refused."""
_BIDI = re.compile("[\u200e\u200f\u061c]")
_SYMBOL_LOCALES = ("en", "en_GB", "de", "fr", "es", "it", "nl", "pt", "ja")
"""Where a currency's local symbol (`$CL`, `JP¥`) is looked up when no locale is given."""

Style = Literal["point", "comma", "either"]
"""How a lone mark before three digits reads: `point` (English: `2.999` is decimal),
`comma` (continental: `1.200` is twelve hundred), `either` (no hint: the currency decides)."""


class AmountError(ValueError):
    """An amount that cannot be read safely; the message says why, for the trace."""


def read_number(
    number: str, currency: str, *, style: Style = "point", locale: str | None = None
) -> Decimal:
    """The value of one written number (digits and separators only) in a currency.

    Raises `AmountError` for anything ambiguous, signed, malformed or too precise."""
    exponent = minor_unit_exponent(currency)
    digits = _BIDI.sub("", number).strip()
    if not digits or not re.fullmatch(r"[\d.,'’" + _SPACES + "]+", digits):
        raise AmountError(f"{number!r} is not an amount")
    if locale is not None:
        whole, fraction = _split_by_locale(digits, locale)
    else:
        whole, fraction = _split(digits, exponent, style)
    if len(fraction) > exponent:
        shown = f"{whole}.{fraction}"
        raise AmountError(
            f"{shown} {currency.upper()} has more than {exponent} decimals"
            if exponent
            else f"{currency.upper()} has no decimals, but {shown} does"
        )
    if len(whole.lstrip("0")) > MAX_DIGITS:
        raise AmountError(f"{number!r} is too large to be an amount")
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def _groups(whole: str, separators: str) -> str:
    """Digits grouped by thousands (`1,200,300`) without the separators; refuses bad groups."""
    parts = re.split("[" + re.escape(separators) + "]", whole) if separators else [whole]
    if (
        len(parts) > 1
        and (
            not 1 <= len(parts[0]) <= 3
            or parts[0].startswith("0")  # `0.001` is no thousand
            or any(len(part) != 3 for part in parts[1:])
        )
    ):
        raise AmountError(f"{whole!r} is not grouped by thousands")
    if not all(part.isdigit() and part.isascii() for part in parts):
        raise AmountError(f"{whole!r} is not an amount")
    return "".join(parts)


def _split(digits: str, exponent: int, style: Style) -> tuple[str, str]:
    """(integer digits, fraction digits) without a locale: by the marks and the style."""
    marks = [c for c in digits if c in ".,"]
    other_groups = "'’" + _SPACES
    if not marks:
        return _groups(digits, other_groups), ""
    last = digits.rfind(marks[-1])
    whole, fraction = digits[:last], digits[last + 1 :]
    decimal: bool
    if set(marks) == {".", ","}:
        decimal = True
    elif len(marks) > 1:
        decimal = False  # `1,200,300`: the same mark twice groups thousands
    elif any(c in digits for c in other_groups) or len(fraction) != 3:
        decimal = True  # `1 200,50`, `1,20`, `12.5`
    elif exponent == 0:
        decimal = False
    elif style == "either":
        decimal = exponent == 3 and marks[-1] == "."
    else:
        decimal = (marks[-1] == ".") == (style == "point")
    if not decimal:
        return _groups(digits, ".,"), ""
    if not fraction.isdigit():
        raise AmountError(f"{digits!r} is not an amount")
    return _groups(whole, other_groups + ("," if marks[-1] == "." else ".")), fraction


def _split_by_locale(digits: str, locale: str) -> tuple[str, str]:
    try:
        decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    except (UnknownLocaleError, ValueError):
        raise AmountError(f"unknown locale {locale!r}") from None
    whole, _, fraction = digits.partition(decimal) if decimal in digits else (digits, "", "")
    if any(c in fraction for c in ".,'’" + _SPACES):
        raise AmountError(f"{digits!r} is not an amount in {locale}")
    group_marks = group + (_SPACES if group in _SPACES else "")
    if any(c in ".,'’" + _SPACES and c not in group_marks for c in whole):
        raise AmountError(f"{digits!r} is not an amount in {locale}")
    return _groups(whole, group_marks), fraction


def _to_money(value: Decimal, currency: str) -> Money:
    try:
        return Money.from_major(value, currency)
    except ValueError as error:
        raise AmountError(str(error)) from None


@dataclass(frozen=True)
class Marker:
    """A currency written next to a number; `code` None is a dollar sign or the word dollars."""

    code: str | None
    text: str
    """As written (`$`, `EUR`, `euros`)."""
    symbol: bool
    """A sign (`€`, `$`, `円`) rather than a code or a word."""


@dataclass(frozen=True)
class FoundAmount:
    money: Money
    start: int
    end: int
    explicit: bool
    """The currency was written next to the number."""


def _marker_before(text: str, start: int) -> Marker | None:
    """The currency written just before a number, if any."""
    before = text[max(0, start - 5) : start].rstrip(_SPACES)
    for symbol, code in _SYMBOLS:
        if before.endswith(symbol) and symbol not in _LOCAL_WORDS:
            return Marker(code, symbol, symbol=True)
    word = re.search(r"(?<![A-Za-z])([A-Za-z]{3})$", before)
    if word and _is_code(word.group(1)):
        return Marker(word.group(1).lower(), word.group(1), symbol=False)
    return None


def _is_code(word: str) -> bool:
    return word.lower() in _CODES or word in _UPPER_CODES


def _marker_after(text: str, end: int) -> Marker | None:
    """The currency written just after a number, if any."""
    after = text[end : end + 12].lstrip(_SPACES)
    for symbol, code in _SYMBOLS:
        if after.startswith(symbol):
            return Marker(code, symbol, symbol=True)
    word = re.match(r"([A-Za-z]+)(?![A-Za-z])", after)
    if word:
        lowered = word.group(1).lower()
        if _is_code(word.group(1)):
            return Marker(lowered, word.group(1), symbol=False)
        for name, code in _WORDS:
            if lowered == name:
                return Marker(code, word.group(1), symbol=False)
    return None


def _negative(text: str, start: int, before: Marker | None) -> bool:
    """`-$20`, `- 20 €`, `−€5`: a sign in front of the number or of its currency."""
    head = text[max(0, start - 12) : start].rstrip(_SPACES)
    if before is not None and head.endswith(before.text):
        head = head[: -len(before.text)].rstrip(_SPACES)
    return bool(_MINUS.search(head))


def _currency(code: str | None, default_currency: str) -> str:
    if code is None:
        return default_currency if default_currency in DOLLAR_CURRENCIES else "usd"
    if code == "jpy" and default_currency == "cny":
        return "cny"
    return code


def _style(before: Marker | None, after: Marker | None, language: str | None) -> Style:
    if before is not None and before.symbol:
        return "either" if language in DOT_GROUPING_LANGUAGES else "point"
    if after is not None and after.symbol:
        return "comma"
    return "either"


def _read(number: str, currency: str, style: Style) -> Money | None:
    try:
        return _to_money(read_number(number, currency, style=style), currency)
    except AmountError:
        return None


@dataclass(frozen=True)
class RefusedAmount:
    """Money written in a way that cannot be read safely (`-$20`, `$0.001`, `Infinity USD`)."""

    text: str
    start: int
    end: int


_NOT_A_NUMBER = re.compile(
    r"(?i)(?:[$€£¥￥]\s*[-−]?\s*(?:infinity|inf|nan)\b"
    r"|\b(?:infinity|inf|nan)\s*(?:[$€£¥￥円]|usd|eur|gbp|jpy|dollars?|euros?|yen)\b"
    r"|(?<![\w.])\d+(?:[.,]\d+)?e[+-]?\d+\s*(?:[$€£¥￥円]|usd|eur|gbp|jpy|dollars?|euros?|yen)\b"
    r"|[$€£¥￥]\s*\d+(?:[.,]\d+)?e[+-]?\d+\b"
    r"|(?<!\w)[-−]\s?\d[\d.,]*\s*(?:[$€£¥￥円]|usd|eur|gbp|jpy|dollars?|euros?|yen)"
    r"|[$€£¥￥]\s*[-−]\s*\d[\d.,]*)"
)
"""Money-like text that `_NUMBER` does not even read: infinities, exponents, `−20 USD`, `$-5`."""


def find_amounts(
    text: str, *, default_currency: str = "usd", language: str | None = None
) -> list[FoundAmount]:
    """Every amount in the text, in order, with where it was written; never raises.

    An amount that cannot be read safely (signed, too precise, malformed) is left out: see
    `refused_amounts`. `language` is the writer's (`es`…): see `DOT_GROUPING_LANGUAGES`."""
    return _scan(text, default_currency, language)[0]


def refused_amounts(
    text: str, *, default_currency: str = "usd", language: str | None = None
) -> list[RefusedAmount]:
    """Money the customer wrote that `find_amounts` refused to read: a request carrying one
    must not go on as if no amount had been written (`Refund -$20` is not `Refund`)."""
    refused = _scan(text, default_currency, language)[1]
    ascii_digits = text.translate(_FULL_WIDTH)
    refused += [
        RefusedAmount(text[m.start() : m.end()], m.start(), m.end())
        for m in _NOT_A_NUMBER.finditer(ascii_digits)
    ]
    return sorted(refused, key=lambda amount: amount.start)


def _scan(
    written: str, default_currency: str, language: str | None
) -> tuple[list[FoundAmount], list[RefusedAmount]]:
    text = written.translate(_FULL_WIDTH)
    found: list[FoundAmount] = []
    refused: list[RefusedAmount] = []
    bare: list[tuple[re.Match[str], Decimal]] = []
    parts: list[tuple[re.Match[str], int]] = []
    read_up_to = 0
    for match in _NUMBER.finditer(text):
        number, start, end = match.group(1), match.start(1), match.end(1)
        if start < read_up_to:
            continue
        man = _MAN.match(text, end)
        if man:
            read_up_to = man.end()
            money = _read_man(number, man.group(1))
            if money is not None and not _negative(text, start, None):
                found.append(FoundAmount(money, start, man.end(), explicit=True))
            else:
                refused.append(RefusedAmount(written[start : man.end()], start, man.end()))
            continue
        before = _marker_before(text, start)
        if before is None and start and text[start - 1].isascii() and text[start - 1].isalpha():
            continue  # part of a word or an id, such as `v2` or `ABC123`
        after = _marker_after(text, end)
        marker = before
        if after is not None and (before is None or before.code is None):
            marker = after  # `$12.50 CAD`: the code says which dollar
        if marker is None:
            if _is_day_and_month(text, number, start, end):
                continue
            if re.fullmatch(r"\d+\.\d{2}", number) and not _negative(text, start, None):
                bare.append((match, Decimal(number)))
            elif (
                (part_of := _PART_OF.match(text, end))
                and not _negative(text, start, None)
                and not _NOT_A_PART_BEFORE.search(text, 0, start)
            ):
                parts.append((match, part_of.end()))
            continue
        currency = _currency(marker.code, default_currency)
        money = (
            None
            if _negative(text, start, before)
            else _read(number, currency, _style(before, after, language))
        )
        if money is not None:
            found.append(FoundAmount(money, start, end, explicit=True))
        else:
            refused.append(RefusedAmount(written[start:end], start, end))
    found += _parts_of_amounts(text, parts, found)
    explicit = {amount.money.currency for amount in found}
    bare_currency = explicit.pop() if len(explicit) == 1 else default_currency
    for match, value in bare:
        try:
            money = _to_money(value, bare_currency)
        except AmountError:
            continue
        found.append(FoundAmount(money, match.start(1), match.end(1), explicit=False))
    return sorted(found, key=lambda amount: amount.start), refused


def _is_day_and_month(text: str, number: str, start: int, end: int) -> bool:
    """`am 20.06. abgebucht`, `le 15.03`: a bare day and month written the European way, which
    the bare-amount reading would take for 20.06 in the email's currency. Only a dating word
    before it or a dot inside the sentence after it says so: `Please refund 12.10.` stays an
    amount, because losing an asked amount would turn a partial refund into a whole one."""
    if not _DAY_MONTH.fullmatch(number):
        return False
    mid_sentence_dot = re.match(r"\.(?:\s*[-–]|\s+[a-zäöüéèàáíóúñ\d])", text[end : end + 4])
    return bool(mid_sentence_dot or _DATE_BEFORE.search(text, 0, start))


def _parts_of_amounts(
    text: str, parts: list[tuple[re.Match[str], int]], found: list[FoundAmount]
) -> list[FoundAmount]:
    """`20 of the 60 EUR`, `20 de los 60 €`: a bare number written as a part of an amount is
    in that amount's currency (read alone it is no amount, and only the whole is left)."""
    read: list[FoundAmount] = []
    for match, whole_from in parts:
        whole = next((a for a in found if a.explicit and 0 <= a.start - whole_from <= 4), None)
        if whole is None or any(c.isdigit() for c in text[whole_from : whole.start]):
            continue
        money = _read(match.group(1), whole.money.currency, "either")
        if money is not None:
            read.append(FoundAmount(money, match.start(1), match.end(1), explicit=True))
    return read


def _read_man(number: str, extra: str | None) -> Money | None:
    try:
        base = read_number(number, "jpy")
    except AmountError:
        return None
    return _to_money(base * 10_000 + Decimal(extra or 0), "jpy")


def parse_money(text: str, currency: str, *, locale: str | None = None) -> Money:
    """One amount as a model or a form passed it (`"12.50"`, `"1,20"`, `"€1.200,50"`), in
    `currency`; a currency written in the text must be that one.

    Raises `AmountError` (a `ValueError`) with the reason when the text is not exactly one
    safe, positive amount: never rounds, never guesses a sign, never reads `Infinity`."""
    code = currency.strip().lower()
    try:
        minor_unit_exponent(code)
        Money(amount_minor=0, currency=code)
    except ValueError:
        raise AmountError(f"{currency!r} is not a currency") from None
    clean = _BIDI.sub("", text).strip(_SPACES + "\t\r\n").translate(_FULL_WIDTH)
    matches = list(_NUMBER.finditer(clean))
    if len(matches) != 1:
        raise AmountError(f"{text!r} is not one amount")
    match = matches[0]
    start, end = match.start(1), match.end(1)
    head, tail = clean[:start].strip(_SPACES), clean[end:].strip(_SPACES)
    if _MINUS.search(head) or head.startswith(("-", "−", "(")) or tail.startswith("-"):
        raise AmountError(f"{text!r} is negative: amounts are never negative")
    if head and tail:
        raise AmountError(f"{text!r} is not one amount")
    written = head or tail
    if written and not _names_currency(written, code, locale):
        raise AmountError(f"{text!r} is not in {code.upper()}")
    style: Style = "point" if not tail or not _is_symbol(tail) else "comma"
    value = read_number(match.group(1), code, style=style, locale=locale)
    return _to_money(value, code)


def _is_symbol(written: str) -> bool:
    return not written.isalpha() or not written.isascii()


def _names_currency(written: str, code: str, locale: str | None) -> bool:
    """Whether `written` (`$`, `EUR`, `€`, `US$`, `円`) is a way to write this currency."""
    if written.lower() == code:
        return True
    for symbol, symbol_code in _SYMBOLS:
        if written == symbol:
            return symbol_code == code or (symbol_code is None and code in DOLLAR_CURRENCIES)
    for word, word_code in _WORDS:
        if written.lower() == word:
            return word_code == code or (word_code is None and code in DOLLAR_CURRENCIES)
    try:
        locales = (locale,) if locale else _SYMBOL_LOCALES
        return any(written == get_currency_symbol(code.upper(), each) for each in locales)
    except (UnknownLocaleError, ValueError):
        return False
