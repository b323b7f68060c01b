"""`understand`: read a customer's billing email into an intent and the entities it names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from knowreply.agent.brains.rules._amounts import find_amounts, refused_amounts
from knowreply.agent.brains.rules._calendar import find_dates, find_months
from knowreply.agent.brains.rules._classify import asks_for_an_amount_back, choose, score
from knowreply.agent.brains.rules._intent_rules import DUPLICATE, LAST_CHARGE, OUT_OF_OFFICE
from knowreply.agent.brains.rules._normalize import clean, normalise
from knowreply.agent.brains.rules._references import (
    find_invoice_numbers,
    find_stripe_ids,
    mask,
    mask_urls_and_addresses,
)
from knowreply.agent.brains.rules.understanding import (
    Intent,
    RefundTarget,
    Understanding,
)
from knowreply.agent.intake.codes import CODE_WORDS, find_codes, is_mainly_a_code
from knowreply.agent.intake.language import detect_language

_SUBJECT_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|sv|vs|返信|転送)\s*[:：]\s*)+", re.IGNORECASE)
_REFUNDS = (Intent.REFUND, Intent.PARTIAL_REFUND)
_MONEY_WRITES = frozenset({Intent.REFUND, Intent.PARTIAL_REFUND, Intent.PAYMENT_LINK})


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans cut out (and one space after each), so that "did my payment
    ch_… go through" reads as the phrase it is."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end + (text[end : end + 1] == " ") :]
    return text


def _refund_target(text: str, *, specific: bool) -> RefundTarget | None:
    if DUPLICATE.search(text):
        return "duplicate"
    if LAST_CHARGE.search(text):
        return "last"
    return "specific" if specific else None


def understand(
    text: str,
    *,
    subject: str = "",
    today: date | None = None,
    default_currency: str = "usd",
) -> Understanding:
    """Read the customer's new text (quoted thread removed); never raises.

    `today` anchors "last month" and dates written without a year (default: today in UTC);
    `default_currency` is used for `$`/dollars in a dollar currency and for bare amounts.
    """
    today = today or datetime.now(UTC).date()
    body = clean(text)
    subject_text = _SUBJECT_PREFIX.sub("", normalise(subject)).strip()
    if body.text and _SUBJECT_PREFIX.match(normalise(subject)):
        # A reply's subject is the thread's ("Re: Your refund", often our own words):
        # the request is in the new text, never in the subject.
        subject_text = ""
    reading = f"{subject_text}\n{body.text}" if subject_text else body.text
    language = detect_language(body.text or body.full, fallback=subject)

    plain = mask_urls_and_addresses(reading)
    invoices = find_invoice_numbers(plain)
    ids = find_stripe_ids(plain)
    plain = mask(plain, [(s, e) for _, s, e in invoices + ids])
    dates = find_dates(plain, today)
    months = find_months(plain, today, dates=dates)
    money_text = mask(plain, [(d.start, d.end) for d in dates])
    amounts = find_amounts(money_text, default_currency=default_currency.lower())
    codes = find_codes(mask(plain, [(a.start, a.end) for a in amounts]))
    code = codes[0] if len(set(codes)) == 1 else None

    others: tuple[Intent, ...] = ()
    if OUT_OF_OFFICE.search(reading):
        intent = Intent.NOT_BILLING
    else:
        lowered = plain.lower()
        looks_up = bool(invoices or months or dates or any(i.startswith("in_") for i, _, _ in ids))
        intent, others = choose(
            score(_without(lowered, [(s, e) for _, s, e in ids])),
            looks_up_something=looks_up,
            partial=asks_for_an_amount_back(lowered, amounts),
            text=lowered,
        )
        refused = refused_amounts(money_text, default_currency=default_currency.lower())
        if {intent, *others} & _MONEY_WRITES and refused:
            intent, others = Intent.UNCLEAR, ()  # `Refund -$20` is not `Refund`: ask instead
        if code and is_mainly_a_code(body.text, code, japanese=language == "ja"):
            if intent not in (Intent.NOT_BILLING, Intent.UNCLEAR):
                others = (intent, *others)
            intent = Intent.VERIFICATION_CODE
        elif code and not CODE_WORDS.search(body.text):
            code = None

    wants_refund = intent in _REFUNDS or any(i in _REFUNDS for i in others)
    specific = bool(ids or amounts or dates or invoices or months)
    return Understanding(
        language=language,
        intent=intent,
        secondary_intents=others,
        amounts=tuple(dict.fromkeys(a.money for a in amounts)),
        invoice_numbers=tuple(dict.fromkeys(n for n, _, _ in invoices)),
        months=tuple(dict.fromkeys(m.value for m in months)),
        dates=tuple(dict.fromkeys(d.value for d in dates)),
        stripe_ids=tuple(dict.fromkeys(i for i, _, _ in ids)),
        refund_target=_refund_target(reading, specific=specific) if wants_refund else None,
        verification_code=code,
        injection_suspected=body.injection_suspected,
    )
