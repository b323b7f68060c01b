"""Whether the amounts an email names are amounts to give back (a partial refund)."""

from __future__ import annotations

from knowreply.agent.brains.rules._amounts import FoundAmount
from knowreply.agent.brains.rules._intent_rules import (
    AMOUNT_OUT_OF_A_CHARGE,
    BARE_AMOUNT_BACK_BEFORE,
    ENTITY_NOUN_AFTER,
    ONLY_AFTER_AMOUNT,
    ONLY_BEFORE_AMOUNT,
    PART_NAMED,
    REFUND_AFTER_AMOUNT,
    REFUND_BEFORE_AMOUNT,
)


def amount_asked_back(text: str, amounts: list[FoundAmount]) -> FoundAmount | None:
    """The amount the customer asks to be given back (`refund $10`, `10ドルだけ返金`, `only
    the $8`), not the charge it came from; None when no amount is tied to the refund."""
    for amount in amounts:
        before = text[max(0, amount.start - 40) : amount.start]
        after = text[amount.end : amount.end + 20]
        if ENTITY_NOUN_AFTER.match(after):
            continue
        if (
            REFUND_BEFORE_AMOUNT.search(before)
            or REFUND_AFTER_AMOUNT.match(after)
            or ONLY_BEFORE_AMOUNT.search(before)
            or ONLY_AFTER_AMOUNT.match(after)
            or BARE_AMOUNT_BACK_BEFORE.search(before)
            or AMOUNT_OUT_OF_A_CHARGE.match(after)
        ):
            return amount
    return None


def asks_for_an_amount_back(text: str, amounts: list[FoundAmount]) -> bool:
    """An amount is asked back (`amount_asked_back`), or two different amounts are named
    (`charged 59 € instead of 49 €`, `20 of the 60`): the one given back is a part of the
    other, in any language."""
    return amount_asked_back(text, amounts) is not None or len({a.money for a in amounts}) >= 2


def names_a_part(text: str) -> bool:
    """`refund the difference`, `the remaining 8 months`, `los 10 € de más`, `3名分`: the email
    names a part of a payment (`PART_NAMED`), so a refund it asks for is partial."""
    return bool(PART_NAMED.search(text))
