"""Whether the amounts an email names are amounts to give back (a partial refund)."""

from __future__ import annotations

from knowreply.agent.brains.rules._amounts import FoundAmount
from knowreply.agent.brains.rules._intent_rules import (
    ENTITY_NOUN_AFTER,
    REFUND_AFTER_AMOUNT,
    REFUND_BEFORE_AMOUNT,
)


def asks_for_an_amount_back(text: str, amounts: list[FoundAmount]) -> bool:
    """`refund $10`, `10ドルだけ返金`: an amount to give back, not the charge it came from."""
    for amount in amounts:
        before = text[max(0, amount.start - 40) : amount.start]
        after = text[amount.end : amount.end + 20]
        if ENTITY_NOUN_AFTER.match(after):
            continue
        if REFUND_BEFORE_AMOUNT.search(before) or REFUND_AFTER_AMOUNT.match(after):
            return True
    return len({a.money for a in amounts}) >= 2 and " of " in text
