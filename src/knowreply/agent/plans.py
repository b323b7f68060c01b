"""Planned writes: what exactly a write would do, decided in code before anything is written.

A plan names the exact Stripe object, amount and currency and the customer. It is checked
against policy, stored on its `Action` (`arguments["plan"]`), then either executed at once or
executed later, exactly as stored, when a member approves it. Nothing in a plan is a word
like "latest": it was resolved when the plan was made.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.integrations.stripe.models import CountedShare, UnusedPart
from knowreply.money import Money


class _Plan(BaseModel):
    model_config = ConfigDict(frozen=True)

    customer_id: str
    """The scope's customer the write is for."""
    customer_name: str | None = None
    customer_email: str | None = None
    """Who that customer is, as Stripe has them: for the audit log and the approval (never
    more than the name and the email)."""


class RefundPlan(_Plan):
    kind: Literal["refund"] = "refund"
    charge_id: str
    amount: Money
    """Exactly this much, never "the rest" (a partial refund meanwhile makes it fail)."""
    payment_amount: Money
    """What the payment was, for checking a fraction the customer named."""
    whole: bool
    """The amount was everything still refundable when planned."""
    paid_at: datetime | None = None
    """When the payment was made, to tell the customer which one (None: planned before this
    was kept)."""
    unused: UnusedPart | None = None
    """The basis of a refund of the unused part of the current period (`amount` is its
    `amount`), shown to the member, in the audit log and in the reply."""
    counted: CountedShare | None = None
    """The basis of a refund of a part the customer counted ("the 3 days of downtime"; `amount`
    is its `amount`), shown to the member and in the audit log."""
    computed: str | None = None
    """How the amount was computed from amounts the customer named when they did not write
    it themselves ("the difference between $49.00 and $39.00…"), shown to the member."""

    @property
    def target_id(self) -> str:
        return self.charge_id

    @property
    def basis(self) -> str | None:
        """How the amount was sized, when code sized it from Stripe's facts or computed it from
        the customer's amounts."""
        sized = self.unused or self.counted
        return sized.basis if sized is not None else self.computed


class CancellationPlan(_Plan):
    kind: Literal["cancellation"] = "cancellation"
    subscription_id: str

    @property
    def target_id(self) -> str:
        return self.subscription_id


class PaymentLinkPlan(_Plan):
    kind: Literal["payment_link"] = "payment_link"
    amount: Money
    label: str

    @property
    def target_id(self) -> str | None:
        return None


class PortalLinkPlan(_Plan):
    kind: Literal["portal_link"] = "portal_link"

    @property
    def target_id(self) -> str | None:
        return None


Plan = Annotated[
    RefundPlan | CancellationPlan | PaymentLinkPlan | PortalLinkPlan, Field(discriminator="kind")
]


class StoredPlan(BaseModel):
    """How a plan is kept on its Action row (a JSON column)."""

    plan: Plan


CAPABILITY_OF_KIND: dict[str, CapabilityName] = {
    "refund": CapabilityName.REFUNDS,
    "cancellation": CapabilityName.CANCELLATIONS,
    "payment_link": CapabilityName.PAYMENT_LINKS,
    "portal_link": CapabilityName.PORTAL_LINKS,
}


def amount_of(
    plan: RefundPlan | CancellationPlan | PaymentLinkPlan | PortalLinkPlan,
) -> Money | None:
    return plan.amount if isinstance(plan, RefundPlan | PaymentLinkPlan) else None
