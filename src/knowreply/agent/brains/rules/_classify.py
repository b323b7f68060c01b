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


def asks_for_an_amount_back(text: str, amounts: list[FoundAmount]) -> bool:
    """`refund $10`, `10ドルだけ返金`, `only the $8`: an amount to give back, not the charge it
    came from. Two different amounts (`charged 59 € instead of 49 €`, `20 of the 60`) mean
    the one given back is a part of the other, in any language."""
    for amount in amounts:
        before = text[max(0, amount.start - 40) : amount.start]
        after = text[amount.end : amount.end + 20]
        if ENTITY_NOUN_AFTER.match(after):
            continue
        if REFUND_BEFORE_AMOUNT.search(before) or REFUND_AFTER_AMOUNT.match(after):
            return True
        if ONLY_BEFORE_AMOUNT.search(before) or ONLY_AFTER_AMOUNT.match(after):
            return True
        if BARE_AMOUNT_BACK_BEFORE.search(before) or AMOUNT_OUT_OF_A_CHARGE.match(after):
            return True
    return len({a.money for a in amounts}) >= 2


def names_a_part(text: str) -> bool:
    """`refund the difference`, `the remaining 8 months`, `los 10 € de más`, `3名分`: the email
    names a part of a payment (`PART_NAMED`), so a refund it asks for is partial."""
    return bool(PART_NAMED.search(text))
