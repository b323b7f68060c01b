"""How much of a payment a customer asks back when they name several amounts.

"At $9/seat that's $27 too much, refund the difference" names $9 and $27: the part asked
back is the result the customer worked out ($27, a *written* amount). "Refund the
difference between the $49 I paid and the $39 I was promised" states no result: the part
is the difference of the two amounts ($10, a *computed* amount, which always waits for a
member). Anything less clear (two results, different currencies, a per-unit price with no
count, a negated result, three amounts and no result) is not sized: a person decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowreply.money import Money
from knowreply.money_text import FoundAmount

_I = re.IGNORECASE
_CURRENCY_AFTER = r"^\s*([€$£¥円]|(usd|eur|gbp|jpy|cad|aud)\b|dollars?\b|euros?\b|yen\b|ドル)?\s*"

RESULT_BEFORE = re.compile(
    r"(\bthat'?s|\bthat is|\bwhich is|\bwhich makes|\bmaking|\bso|\bi\.e\.,?|\bie,?|"
    r"\bin total|\bequals|=|"
    r"\bo sea|\bes decir|\ben total|\bson|\bsoit|\bc'est-[àa]-dire|\ben tout|\bau total|"
    r"\binsgesamt|,\s*also|\bdas sind|\bsind das|\bmacht|\bsomit|"
    r"合計(で|は)?|計|つまり|すなわち|[×x*]\s*\d+\s*(の|で|＝)?)"
    r"[\s:,—–-]*(the |los |las |les |die )?[$€£¥]?\s?$",
    _I,
)
"""Words that state a result just before an amount: "that's $27", "soit 30 €", "合計 3,000円"."""
RESULT_AFTER = re.compile(
    _CURRENCY_AFTER + r"((in total|total|en total|au total|en tout|insgesamt|de diferencia|"
    r"de diff[ée]rence|difference|differenz|unterschied)\b|の差額|差額|が加算)",
    _I,
)
"""Words that say after an amount that it is the result or the part: "$30 in total",
"los 9 € de diferencia", "2,640円が加算"."""
PER_UNIT_AFTER = re.compile(
    _CURRENCY_AFTER + r"(de diferencia |de diff[ée]rence )?"
    r"(/|per\b|each\b|a (seat|user|month|license)\b|por\b|par\b|pro\b|je\b|sur chacun|"
    r"cada\b|chaque\b|jeweils\b|[×x*]\s*\d|あたり|／)",
    _I,
)
"""A price of one unit ("$9/seat", "18 € par siège", "880円 × 3"): never the part itself."""
NEGATED_BEFORE = re.compile(
    r"\b(not|isn'?t|no|never|pas|ni|nicht|kein\w*|nunca)\b[^.!?\n]{0,12}$", _I
)
OPERAND_AFTER = re.compile(
    _CURRENCY_AFTER + r"(minus|less|plus|menos|moins|weniger|abz[üu]glich|引く|[-−+]\s*[$€£¥]?\d)",
    _I,
)
"""An amount a computation starts from ("i.e. $360 minus one month, so $325"): not its result."""
COMPARED = re.compile(
    r"\b(between|instead of|rather than|versus|vs\.?|but|not|should|supposed|promised|quoted|"
    r"advertised|agreed|entre|en (lugar|vez) de|deber[íi]a|au lieu de|plut[ôo]t que|devrai[st]|"
    r"zwischen|statt|anstatt|sollte\w*|aber)\b|ではなく|はず|のところ",
    _I,
)
"""Words that set two amounts against each other, so "the difference" is between them."""
CHARGE_AFTER = re.compile(
    _CURRENCY_AFTER + r"(charge|payment|invoice|bill|cargo|cobro|pago|factura|paiement|facture|"
    r"pr[ée]l[èe]vement|zahlung|rechnung|abbuchung|の?(請求|支払い|お支払い|決済|引き落とし))",
    _I,
)
"""An amount that names a charge ("the $98 charge", "合計 3,000円の請求"): never the part."""
NEGATED_AFTER = re.compile(_CURRENCY_AFTER + r"(ではなく|じゃなく|じゃない|ではない)")
EXCESS = re.compile(
    r"\btoo much\b|\bover ?charg\w*|\bextra\b|\bshould(n'?t| not) have (been )?(paid|charged)|"
    r"\bde m[aá]s\b|\bde trop\b|\ben trop\b|\btrop[- ]per[çc]u|\bzu viel\b|"
    r"追加分|余分|多く|過剰|加算",
    _I,
)
"""What was paid too much, so a refund of it is a part (beside `request_phrases.PARTIAL`)."""
DIFFERENCE = re.compile(
    r"\bdifference\b|\bdiferencia\b|\bdiff[ée]rence\b|\bdifferenz\b|\bunterschied\b|差額|差分", _I
)


@dataclass(frozen=True)
class AskedPart:
    """The part of a payment asked back, and how it was computed when the customer did not
    write it themselves (`basis` is None for a written amount)."""

    amount: Money
    basis: str | None = None


def names_an_excess(text: str) -> bool:
    """The email names something paid too much or a difference ("that's $27 too much", "los
    9 € de diferencia")."""
    return bool(EXCESS.search(text) or DIFFERENCE.search(text))


def is_unit_price(text: str, amount: FoundAmount) -> bool:
    """The amount is the price of one unit ("$9/seat", "18 € par siège"), not a part."""
    return bool(PER_UNIT_AFTER.match(text[amount.end : amount.end + 30]))


def asked_part(text: str, amounts: list[FoundAmount]) -> AskedPart | None:
    """The part asked back in `text` (whose `amounts` were found in it), when the customer
    names two or more amounts and which one is the part is clear; otherwise None."""
    if len({a.money for a in amounts}) < 2 or len({a.money.currency for a in amounts}) != 1:
        return None
    results = {a.money for a in amounts if _is_result(text, a)}
    if len(results) == 1:
        return AskedPart(results.pop())
    if results:
        return None  # two results: which one is meant is a person's call
    return _difference(text, amounts)


def _is_result(text: str, amount: FoundAmount) -> bool:
    before = text[max(0, amount.start - 30) : amount.start]
    after = text[amount.end : amount.end + 30]
    if (
        is_unit_price(text, amount)
        or OPERAND_AFTER.match(after)
        or CHARGE_AFTER.match(after)
        or NEGATED_BEFORE.search(before)
        or NEGATED_AFTER.match(after)
    ):
        return False
    return bool(RESULT_BEFORE.search(before) or RESULT_AFTER.match(after))


def _difference(text: str, amounts: list[FoundAmount]) -> AskedPart | None:
    """ "The difference" between exactly two amounts set against each other ("$49 instead of
    $39", "between 59 € and 49 €"), neither a price of one unit."""
    distinct = sorted({a.money for a in amounts}, key=lambda m: m.amount_minor)
    if len(distinct) != 2 or not DIFFERENCE.search(text):
        return None
    first, last = amounts[0], amounts[-1]
    if not COMPARED.search(text[max(0, first.start - 40) : last.start]):
        return None  # "I paid $49 and $20": two amounts, nothing says which differ
    if any(is_unit_price(text, a) for a in amounts):
        return None
    low, high = distinct
    part = Money(amount_minor=high.amount_minor - low.amount_minor, currency=high.currency)
    return AskedPart(part, basis=f"the difference between {high} and {low} the customer named")
