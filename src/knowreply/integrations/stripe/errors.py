"""Stripe's failures as one error type: a plain message, and whether trying again can help."""

from __future__ import annotations

import re
from typing import Literal

import stripe

from .permissions import describe_permission_error

FailureReason = Literal[
    "invalid_key",
    "missing_permission",
    "rate_limited",
    "connection",
    "stripe_unavailable",
    "already_refunded",
    "refund_too_large",
    "not_found",
    "card_declined",
    "idempotency_conflict",
    "invalid_request",
    "portal_not_configured",
]

_NO_SUCH = re.compile(r"No such ([a-z_ .]+): '([^']+)'")
_NO_PORTAL = re.compile(r"your (test|live) mode default configuration has not been created")
PORTAL_NOT_CONFIGURED = "Customer portal not configured in Stripe"


def portal_setup_path(mode: str) -> str:
    """Where in the Stripe Dashboard the Customer portal is set up, for this mode."""
    where = "https://dashboard.stripe.com/test/settings/billing/portal"
    if mode == "live":
        where = "https://dashboard.stripe.com/settings/billing/portal"
    return f"Stripe Dashboard > Settings > Billing > Customer portal ({where}), then Save"


class StripeFailure(Exception):
    """Stripe did not do what was asked.

    `permanent` failures will fail again the same way (disable the connection or tell the
    owner); transient ones may be retried. `message` is for a business owner; the raw Stripe
    text stays in `stripe_message` for logs.
    """

    def __init__(
        self,
        message: str,
        *,
        reason: FailureReason,
        permanent: bool,
        stripe_code: str | None = None,
        stripe_message: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.reason: FailureReason = reason
        self.permanent = permanent
        self.stripe_code = stripe_code
        self.stripe_message = stripe_message
        self.request_id = request_id


def _invalid_request(error: stripe.InvalidRequestError) -> tuple[FailureReason, str]:
    text = error.user_message or ""
    if error.code == "charge_already_refunded":
        return "already_refunded", "This payment has already been refunded in full."
    if error.code == "amount_too_large" or "greater than unrefunded amount" in text:
        return "refund_too_large", (
            "The refund is larger than what is left to refund on this payment."
        )
    unconfigured = _NO_PORTAL.search(text)
    if unconfigured:
        return "portal_not_configured", (
            f"{PORTAL_NOT_CONFIGURED} ({unconfigured[1]} mode): save the portal settings in "
            f"{portal_setup_path(unconfigured[1])}."
        )
    if error.code == "resource_missing":
        found = _NO_SUCH.search(text)
        if found:
            return "not_found", f"Stripe has no {found[1].replace('_', ' ')} {found[2]}."
        return "not_found", "Stripe could not find what was asked for."
    return "invalid_request", f"Stripe refused the request: {text or 'no reason given'}"


def _classify(error: stripe.StripeError) -> tuple[FailureReason, str, bool]:
    """(reason, message for people, permanent)."""
    if isinstance(error, stripe.AuthenticationError):
        return (
            "invalid_key",
            (
                "Stripe did not accept the API key: it is mistyped, was rolled or was deleted. "
                "Paste a current key from Dashboard > Developers > API keys."
            ),
            True,
        )
    if isinstance(error, stripe.PermissionError):
        advice = describe_permission_error(error.user_message or "")
        return (
            "missing_permission",
            (advice or "The Stripe key is not allowed to do this; give it the needed permission."),
            True,
        )
    if isinstance(error, stripe.RateLimitError):
        return "rate_limited", "Stripe asked us to slow down.", False
    if isinstance(error, stripe.APIConnectionError):
        return "connection", "Could not reach Stripe.", False
    if isinstance(error, stripe.IdempotencyError):
        return (
            "idempotency_conflict",
            (
                "This request was already sent to Stripe with different details, so it was not "
                "repeated."
            ),
            True,
        )
    if isinstance(error, stripe.CardError):
        return (
            "card_declined",
            (f"The card was declined: {error.user_message or 'no reason given'}"),
            True,
        )
    if isinstance(error, stripe.InvalidRequestError):
        reason, message = _invalid_request(error)
        return reason, message, True
    if error.http_status is None or error.http_status >= 500:
        return (
            "stripe_unavailable",
            ("Stripe had a problem answering."),
            False,
        )
    return "invalid_request", f"Stripe refused the request: {error.user_message}", True


def from_stripe_error(error: stripe.StripeError) -> StripeFailure:
    """Map any `stripe` SDK exception to a `StripeFailure`."""
    reason, message, permanent = _classify(error)
    return StripeFailure(
        message,
        reason=reason,
        permanent=permanent,
        stripe_code=error.code,
        stripe_message=error.user_message,
        request_id=error.request_id,
    )
