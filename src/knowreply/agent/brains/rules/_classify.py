"""Score the phrase table against a text and pick the primary and secondary intents."""

from __future__ import annotations

from dataclasses import dataclass

from knowreply.agent.brains.rules._amounts import FoundAmount
from knowreply.agent.brains.rules._intent_rules import (
    BILLING_WORDS,
    CONFIDENT,
    ENTITY_NOUN_AFTER,
    NEGATION_AFTER,
    NEGATION_BEFORE,
    REFUND_AFTER_AMOUNT,
    REFUND_BEFORE_AMOUNT,
    RULES,
    Rule,
)
from knowreply.agent.brains.rules.understanding import Intent


@dataclass
class _Score:
    points: int = 0
    first_at: int = 0


def _negated(text: str, start: int, end: int) -> bool:
    return bool(
        NEGATION_BEFORE.search(text[max(0, start - 40) : start])
        or NEGATION_AFTER.match(text[end : end + 24])
    )


def _first_match(rule: Rule, text: str) -> int | None:
    for match in rule.pattern.finditer(text):
        if not (rule.negatable and _negated(text, match.start(), match.end())):
            return match.start()
    return None


def score(text: str) -> dict[Intent, _Score]:
    """Points per intent (its clearest phrase) and where the intent was first asked."""
    scores: dict[Intent, _Score] = {}
    for rule in RULES:
        at = _first_match(rule, text)
        if at is None:
            continue
        entry = scores.setdefault(rule.intent, _Score(first_at=at))
        entry.points = max(entry.points, rule.weight)
        entry.first_at = min(entry.first_at, at)
    return scores


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


def choose(
    scores: dict[Intent, _Score], *, looks_up_something: bool, partial: bool, text: str
) -> tuple[Intent, tuple[Intent, ...]]:
    """The primary intent (most points, then first asked) and the other confident ones."""
    confident = {i: s for i, s in scores.items() if s.points >= CONFIDENT}
    if Intent.LATEST_INVOICE in confident and looks_up_something:
        confident.setdefault(Intent.INVOICE_LOOKUP, confident[Intent.LATEST_INVOICE])
        del confident[Intent.LATEST_INVOICE]
    if Intent.INVOICE_LOOKUP in confident and not looks_up_something:
        confident.setdefault(Intent.LATEST_INVOICE, confident.pop(Intent.INVOICE_LOOKUP))
    if Intent.REFUND in confident and partial:
        confident.setdefault(Intent.PARTIAL_REFUND, confident[Intent.REFUND])
    if Intent.PARTIAL_REFUND in confident:
        confident.pop(Intent.REFUND, None)
    if Intent.PORTAL_LINK in confident and Intent.PAYMENT_LINK in confident:
        # "a link to update my card": the portal is the link they want.
        confident.pop(Intent.PAYMENT_LINK)
    if Intent.PAYMENT_LINK in confident or Intent.PORTAL_LINK in confident:
        # "a link to pay my invoice": the invoice is what the link is for, not a second ask.
        for invoice_intent in (Intent.LATEST_INVOICE, Intent.INVOICE_LOOKUP):
            if invoice_intent in confident and confident[invoice_intent].points < 3:
                confident.pop(invoice_intent)
    weak_charge = Intent.CHARGE_LOOKUP in confident and confident[Intent.CHARGE_LOOKUP].points < 3
    if weak_charge and Intent.REFUND in confident:
        confident.pop(Intent.CHARGE_LOOKUP)
    if not confident:
        billing = any(s.points for s in scores.values()) or BILLING_WORDS.search(text)
        return (Intent.UNCLEAR if billing else Intent.NOT_BILLING), ()
    ranked = sorted(confident.items(), key=lambda kv: (-kv[1].points, kv[1].first_at))
    primary = ranked[0][0]
    others = sorted(
        (kv for kv in confident.items() if kv[0] != primary), key=lambda kv: kv[1].first_at
    )
    return primary, tuple(intent for intent, _ in others)
