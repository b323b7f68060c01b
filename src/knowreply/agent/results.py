"""What the agent's tools return: the Stripe views, or a refusal the reply can explain.

Tools never raise for a customer's request that cannot be done; they return a `Refusal`
with a stable reason, so every brain can answer it (and the trace shows it).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from knowreply.integrations.stripe.models import (
    CancellationResult,
    InvoiceSummary,
    PaymentLinkResult,
    PaymentSummary,
    PortalLinkResult,
    RefundResult,
    SubscriptionSummary,
)
from knowreply.money import Money


class RefusalReason(StrEnum):
    VERIFICATION_REQUIRED = "verification_required"
    """A write from a sender we could not verify: a one-time code goes to the address."""
    NOT_FOUND = "not_found"
    """Nothing of the customer's matches (or it belongs to someone else: same answer)."""
    ALREADY_REFUNDED = "already_refunded"
    OVER_REFUNDABLE = "over_refundable"
    OUTSIDE_WINDOW = "outside_window"
    OVER_AUTOMATIC_LIMIT = "over_automatic_limit"
    NOT_REFUNDABLE = "not_refundable"
    """The payment did not succeed, or its currency does not match."""
    NOTHING_TO_CANCEL = "nothing_to_cancel"
    DENIED = "denied"
    """A member of the team rejected the action."""


class Refusal(BaseModel):
    model_config = ConfigDict(frozen=True)

    reason: RefusalReason
    message: str
    """For the trace and LLM brains; the customer's reply is written by the brain."""
    refundable: Money | None = None
    window_days: int | None = None


class InvoicesResult(BaseModel):
    invoices: list[InvoiceSummary]


class PaymentsResult(BaseModel):
    payments: list[PaymentSummary]


class SubscriptionsResult(BaseModel):
    subscriptions: list[SubscriptionSummary]


class RefundOutcome(BaseModel):
    refund: RefundResult | None = None
    payment: PaymentSummary | None = None
    refusal: Refusal | None = None


class PaymentLinkOutcome(BaseModel):
    link: PaymentLinkResult | None = None
    refusal: Refusal | None = None


class PortalLinkOutcome(BaseModel):
    link: PortalLinkResult | None = None
    refusal: Refusal | None = None


class CancellationOutcome(BaseModel):
    cancellations: list[CancellationResult] = []
    refusal: Refusal | None = None
