"""`understand`: read a customer's billing email into an intent and the entities it names."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from knowreply.agent.brains.rules import intent_model
from knowreply.agent.brains.rules._amounts import FoundAmount, find_amounts, refused_amounts
from knowreply.agent.brains.rules._calendar import find_dates, find_months
from knowreply.agent.brains.rules._classify import (
    amount_asked_back,
    asks_for_an_amount_back,
    names_a_part,
)
from knowreply.agent.brains.rules._intent_rules import DUPLICATE, LAST_CHARGE
from knowreply.agent.brains.rules._reading import read
from knowreply.agent.brains.rules._references import (
    find_invoice_numbers,
    find_stripe_ids,
    mask,
    mask_urls_and_addresses,
)
from knowreply.agent.brains.rules.understanding import (
    Intent,
    Language,
    RefundTarget,
    Understanding,
)
from knowreply.agent.intake.asked_part import is_unit_price
from knowreply.agent.intake.codes import CODE_WORDS, find_codes, is_mainly_a_code
from knowreply.agent.intake.language import detect_language
from knowreply.mail.absence import reads_as_absence_notice
from knowreply.money import Money

if TYPE_CHECKING:
    from knowreply.agent.intake import Requests

_WORD = re.compile(r"\w+")
_REFUNDS = (Intent.REFUND, Intent.PARTIAL_REFUND)
_INVOICES = (Intent.LATEST_INVOICE, Intent.INVOICE_LOOKUP)
_MONEY_WRITES = frozenset({Intent.REFUND, Intent.PARTIAL_REFUND, Intent.PAYMENT_LINK})
_MONEY_ASKS = frozenset({"refund", "payment_link"})
"""The writes an amount sizes, as the request check names them."""
_OFFERED = {
    "refund": Intent.REFUND,
    "cancellation": Intent.CANCEL,
    "payment_link": Intent.PAYMENT_LINK,
    "portal_link": Intent.PORTAL_LINK,
}
"""The intents of a yes to offered writes (`Requests.accepted_offer`): a refund is made
partial below when the answer names a part ("Yes, the pro-rated amount is fine")."""
READS = frozenset(
    {
        Intent.LATEST_INVOICE,
        Intent.INVOICE_LOOKUP,
        Intent.PAYMENT_HISTORY,
        Intent.PAYMENT_STATUS,
        Intent.CHARGE_LOOKUP,
        Intent.SUBSCRIPTION_STATUS,
    }
)
"""What a yes to a read we offered can be answered with (`Requests.offered_read`)."""


def _refund_target(text: str, *, specific: bool) -> RefundTarget | None:
    if DUPLICATE.search(text):
        return "duplicate"
    if LAST_CHARGE.search(text):
        return "last"
    return "specific" if specific else None


def _fit_to_entities(
    intent: Intent,
    others: tuple[Intent, ...],
    *,
    named_invoice: bool,
    anything_to_look_up: bool,
    partial: bool,
    whole: bool,
) -> tuple[Intent, tuple[Intent, ...]]:
    """Settle what the entities decide better than words: an invoice named by number is looked
    up, an invoice lookup with nothing to look up is the latest one, a refund of a part or of
    an amount (`refund $10`, "half of it") is partial, and one of all of it is whole. An
    amount that names the payment itself ("refund the $24 charge", `_payment_named`) is no
    part: the model decides between whole and partial."""

    def fit(i: Intent) -> Intent:
        if i is Intent.LATEST_INVOICE and named_invoice:
            return Intent.INVOICE_LOOKUP
        if i is Intent.INVOICE_LOOKUP and not anything_to_look_up:
            return Intent.LATEST_INVOICE
        if i is Intent.REFUND and partial:
            return Intent.PARTIAL_REFUND
        if i is Intent.PARTIAL_REFUND and whole and not partial:
            return Intent.REFUND
        return i

    primary = fit(intent)
    rest = [fit(i) for i in others if fit(i) is not primary]
    if primary in _REFUNDS:
        rest = [i for i in rest if i not in _REFUNDS]
    if primary in _INVOICES:
        rest = [i for i in rest if i not in _INVOICES]
    return primary, tuple(dict.fromkeys(rest))


def _payment_named(
    asked: Requests, amounts: list[FoundAmount], default_currency: str, language: Language
) -> Money | None:
    """The one amount the sentences asking for a refund name ("Please refund the £24 charge
    for the old plan", "I want the $199 back"), among those read in the email: the payment
    the refund is of, when the model reads it whole. None when they name none or several."""
    named = asked.amounts_asked_in(
        "refund", default_currency=default_currency, language=language
    ) & {a.money for a in amounts}
    return next(iter(named)) if len(named) == 1 else None


def _sized_first(part: Money | None, amounts: list[Money]) -> tuple[Money, ...]:
    """The amounts named, the part asked back first (the brain refunds `amounts[0]`), even when
    it was computed and is not written in the email."""
    return tuple(dict.fromkeys([part, *amounts] if part is not None else amounts))


def understand(
    text: str,
    *,
    subject: str = "",
    today: date | None = None,
    default_currency: str = "usd",
    model: intent_model.IntentModel | None = None,
    thread: str = "",
) -> Understanding:
    """Read the customer's new text (quoted thread removed); never raises.

    `today` anchors "last month" and dates written without a year (default: today in UTC);
    `default_currency` is used for `$`/dollars in a dollar currency and for bare amounts;
    `model` reads the intents (default: the one fitted from the whole `dev` corpus; the
    cross-validation bench passes one fitted on part of it); `thread` is the older thread the
    customer quoted, read only for the write a plain yes accepts (`intake.offer`).
    """
    today = today or datetime.now(UTC).date()
    request = read(text, subject)
    body, reading = request.body, request.text
    language = detect_language(body.text or body.full, fallback=subject)

    plain = mask_urls_and_addresses(reading)
    invoices = find_invoice_numbers(plain)
    ids = find_stripe_ids(plain)
    plain = mask(plain, [(s, e) for _, s, e in invoices + ids])
    dates = find_dates(plain, today)
    months = find_months(plain, today, dates=dates)
    money_text = mask(plain, [(d.start, d.end) for d in dates])
    amounts = find_amounts(money_text, default_currency=default_currency.lower(), language=language)
    codes = find_codes(mask(plain, [(a.start, a.end) for a in amounts]))
    code = codes[0] if len(set(codes)) == 1 else None
    asked_back = amount_asked_back(plain.lower(), amounts)
    if asked_back is not None:  # the refund's amount first: the brain refunds `amounts[0]`
        amounts = [asked_back, *(a for a in amounts if a is not asked_back)]

    others: tuple[Intent, ...] = ()
    charged: Money | None = None
    fraction_named = False
    prorated = False
    part: Money | None = None
    if reads_as_absence_notice(text) or not _WORD.search(reading):
        intent = Intent.NOT_BILLING  # an auto-reply, or nothing written to read
    else:
        asked = intent_model.explicit_requests(
            text, subject, default_currency=default_currency, thread=thread
        )
        fraction_named = asked.fraction is not None
        prorated = (asked.prorated or asked.counted is not None) and asked_back is None
        part = asked.part.amount if asked.part is not None and asked_back is None else None
        guess = intent_model.guess(reading, asked.kinds, model, asked.asked_in)
        intent, others = guess.primary, guess.secondary
        if asked.accepted_offer:  # "Yes, go ahead": the words alone say nothing
            intent, *rest = (_OFFERED[kind] for kind in asked.accepted_offer)
            others = tuple(rest)
        elif asked.offered_read and intent in (Intent.UNCLEAR, Intent.NOT_BILLING):
            offered = intent_model.guess(read(asked.offered_read).text, frozenset(), model)
            if offered.primary in READS:  # "Yes pls": to the read we offered
                intent, others = offered.primary, ()
        named = bool(invoices or any(i.startswith("in_") for i, _, _ in ids))
        charged = _payment_named(asked, amounts, default_currency.lower(), language)
        intent, others = _fit_to_entities(
            intent,
            others,
            named_invoice=named,
            anything_to_look_up=named or bool(months or dates),
            partial=asked.partial
            or (names_a_part(plain) and not asked.whole)
            or (charged is None and asks_for_an_amount_back(plain.lower(), amounts)),
            whole=asked.whole,
        )
        refused = refused_amounts(
            money_text, default_currency=default_currency.lower(), language=language
        )
        money_asked = {intent, *others} & _MONEY_WRITES or asked.kinds & _MONEY_ASKS
        if money_asked and refused:
            # `Refund -$20` is not `Refund`: ask instead, also when the model sets the write
            # aside and would answer a read ("Please refund −20 USD from my latest payment")
            intent, others = Intent.UNCLEAR, ()
        if code and is_mainly_a_code(body.text, code, japanese=language == "ja"):
            if intent not in (Intent.NOT_BILLING, Intent.UNCLEAR, Intent.VERIFICATION_CODE):
                others = (intent, *others)
            intent = Intent.VERIFICATION_CODE
        elif code and not CODE_WORDS.search(body.text):
            code = None
        if intent is Intent.VERIFICATION_CODE and code is None:
            intent = Intent.UNCLEAR

    wants_refund = intent in _REFUNDS or any(i in _REFUNDS for i in others)
    specific = bool(ids or amounts or dates or invoices or months)
    return Understanding(
        language=language,
        intent=intent,
        secondary_intents=others,
        amounts=_sized_first(part, [a.money for a in amounts]),
        invoice_numbers=tuple(dict.fromkeys(n for n, _, _ in invoices)),
        months=tuple(dict.fromkeys(m.value for m in months)),
        dates=tuple(dict.fromkeys(d.value for d in dates)),
        stripe_ids=tuple(dict.fromkeys(i for i, _, _ in ids)),
        refund_target=_refund_target(reading, specific=specific) if wants_refund else None,
        refund_charged=charged if Intent.REFUND in (intent, *others) else None,
        refund_part_unsized=Intent.PARTIAL_REFUND in (intent, *others)
        and asked_back is None
        and part is None
        and not fraction_named
        and not prorated
        and (
            len({a.money for a in amounts}) != 1
            or all(is_unit_price(plain.lower(), a) for a in amounts)
        ),
        refund_prorated=prorated and Intent.PARTIAL_REFUND in (intent, *others),
        verification_code=code,
        injection_suspected=body.injection_suspected,
    )
