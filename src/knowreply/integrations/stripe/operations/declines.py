"""Why a card payment failed, in words a customer understands.

Stripe asks that some decline codes (lost or stolen card, suspected fraud) never be shown to
the customer: those read as a plain decline.
"""

from __future__ import annotations

_GENERIC = "Your card was declined. Your bank can say why, or you can use another card."
_CVC = "The card's security code (CVC) was incorrect."
_NUMBER = "The card number was incorrect."
_EXPIRY = "The card's expiry date was incorrect."
_LIMIT = "The card went over its spending or withdrawal limit."

_WORDS: dict[str, str] = {
    "insufficient_funds": "Your card was declined for insufficient funds.",
    "expired_card": "Your card has expired.",
    "incorrect_cvc": _CVC,
    "invalid_cvc": _CVC,
    "incorrect_number": _NUMBER,
    "invalid_number": _NUMBER,
    "invalid_expiry_month": _EXPIRY,
    "invalid_expiry_year": _EXPIRY,
    "incorrect_zip": "The card's postal code did not match the one the bank has.",
    "card_velocity_exceeded": _LIMIT,
    "withdrawal_count_limit_exceeded": _LIMIT,
    "processing_error": "An error happened while the card was processed; trying again may work.",
    "try_again_later": "The bank could not approve the payment just then; trying again may work.",
    "issuer_not_available": "The bank could not be reached; trying again may work.",
    "authentication_required": (
        "Your bank asked for the payment to be confirmed (for example with 3D Secure) and it "
        "was not."
    ),
    "do_not_honor": "Your bank declined the payment without giving a reason; please contact it.",
    "card_not_supported": "The card does not support this kind of purchase.",
    "currency_not_supported": "The card does not support payments in this currency.",
    "generic_decline": _GENERIC,
    "card_declined": _GENERIC,
}

_NEVER_SHOWN = frozenset(
    {
        "lost_card",
        "stolen_card",
        "pickup_card",
        "fraudulent",
        "merchant_blacklist",
        "restricted_card",
        "security_violation",
    }
)


def failure_words(*codes: str | None, fallback: str | None = None) -> str:
    """Plain words for the first known code (most specific first: the decline code, then the
    failure code), else `fallback`, else a plain decline."""
    for code in codes:
        if code in _NEVER_SHOWN:
            return _GENERIC
        if code is not None and code in _WORDS:
            return _WORDS[code]
    return fallback or _GENERIC
