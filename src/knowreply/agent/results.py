"""What the agent's tools return: the Stripe views, or a refusal the reply can explain.

Tools never raise for a customer's request that cannot be done; they return a `Refusal`
with a stable reason, so every brain can answer it (and the trace shows it).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from knowreply.integrations.stripe.models import (
    CancellationResult,
    CountedShare,
    InvoiceSummary,
    PaymentLinkResult,
    PaymentSummary,
    PortalLinkResult,
    RefundResult,
    SubscriptionSummary,
    UnusedPart,
)
from knowreply.money import Money
from knowreply.refusals import RefusalReason

__all__ = [
    "CancellationOutcome",
    "InvoicesResult",
    "PaymentLinkOutcome",
    "PaymentsResult",
    "PortalLinkOutcome",
    "RefundOutcome",
    "Refusal",
    "RefusalReason",
    "SubscriptionsResult",
]


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
    unused: UnusedPart | None = None
    """The basis of a refund of the unused part of the period, to say how it was sized."""
    counted: CountedShare | None = None
    """The basis of a refund of a part the customer counted, to say how it was sized."""


class PaymentLinkOutcome(BaseModel):
    link: PaymentLinkResult | None = None
    refusal: Refusal | None = None


class PortalLinkOutcome(BaseModel):
    link: PortalLinkResult | None = None
    refusal: Refusal | None = None


class CancellationOutcome(BaseModel):
    cancellations: list[CancellationResult] = []
    refusal: Refusal | None = None
