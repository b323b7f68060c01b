"""The one vocabulary of refusals: why something a customer asked for is not done
automatically. Stripe operations, the agent's tools, the trace and every brain's replies use
these stable names."""

from __future__ import annotations

from enum import StrEnum


class RefusalReason(StrEnum):
    VERIFICATION_REQUIRED = "verification_required"
    """A write from a sender we could not verify: a one-time code goes to the address."""
    NOT_FOUND = "not_found"
    """Nothing of the customer's matches (or it belongs to someone else: same answer)."""
    NOT_SUCCEEDED = "not_succeeded"
    """The payment did not go through: nothing to refund."""
    DISPUTED = "disputed"
    CURRENCY_MISMATCH = "currency_mismatch"
    ALREADY_REFUNDED = "already_refunded"
    INVALID_AMOUNT = "invalid_amount"
    OVER_REFUNDABLE = "over_refundable"
    """More than is left to refund on the payment."""
    OVER_AUTOMATIC_LIMIT = "over_automatic_limit"
    """Above what may be refunded without a person: sent to the team."""
    OUTSIDE_WINDOW = "outside_window"
    NOTHING_TO_CANCEL = "nothing_to_cancel"
    DENIED = "denied"
    """A member of the team rejected the action."""
