"""Planned writes: what exactly a write would do, decided in code before anything is written.

A plan names the exact Stripe object, amount and currency and the customer. It is checked
against policy, stored on its `Action` (`arguments["plan"]`), then either executed at once or
executed later, exactly as stored, when a member approves it. Nothing in a plan is a word
like "latest": it was resolved when the plan was made.

One plan is left incomplete on purpose: a refund of a part the customer asked back without
saying how much ("refund the extra seat", "the difference") names the payment but no amount.
It can never run on its own: the approving member sets the amount (`RefundPlan.sized`), and
what runs is the plan with that amount, stored before it runs.
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


MEMBER_SIZED_BASIS = "the customer asked back a part of this payment without an amount"


class RefundPlan(_Plan):
    kind: Literal["refund"] = "refund"
    charge_id: str
    amount: Money | None
    """Exactly this much, never "the rest" (a partial refund meanwhile makes it fail). None
    while a member has still to set it: the customer asked back a part without an amount."""
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
    refundable: Money | None = None
    """What was still refundable when a plan without an amount was made: the most a member
    may set."""
    set_by: str | None = None
    """The member who set the amount on approval (the plan had none)."""

    @property
    def target_id(self) -> str:
        return self.charge_id

    @property
    def to_be_sized(self) -> bool:
        """A member has still to set the amount; until then it never runs."""
        return self.amount is None

    @property
    def most_to_set(self) -> Money:
        """The most a member may set: what was still refundable when it was planned."""
        return self.refundable or self.payment_amount

    @property
    def basis(self) -> str | None:
        """How the amount was sized, when code sized it from Stripe's facts, computed it from
        the customer's amounts, or a member set it."""
        sized = self.unused or self.counted
        if sized is not None:
            return sized.basis
        if self.set_by is not None:
            return f"{MEMBER_SIZED_BASIS}; {self.set_by} set the amount on approval"
        return self.computed

    def sized(self, amount: Money, member: str, *, cap: Money | None = None) -> RefundPlan:
        """The plan with the amount a member set; raises `ValueError` (saying why) for an
        amount that is not a part of what is still refundable, in the payment's currency, or
        is above the workspace's refund limit (`cap`)."""
        if self.amount is not None:
            raise ValueError(f"this refund's amount is fixed at {self.amount}")
        ceiling = self.most_to_set
        if amount.currency != self.payment_amount.currency:
            raise ValueError(
                f"the payment was in {self.payment_amount.currency.upper()}, "
                f"not {amount.currency.upper()}"
            )
        if amount.amount_minor <= 0:
            raise ValueError("a refund is more than zero")
        if amount.amount_minor >= self.payment_amount.amount_minor:
            raise ValueError(
                f"the customer asked back a part of the {self.payment_amount} payment: "
                f"set less than all of it, or reject this and answer by hand"
            )
        if amount.amount_minor > ceiling.amount_minor:
            raise ValueError(f"only {ceiling} of the payment is left to refund")
        if (
            cap is not None
            and cap.currency == amount.currency
            and amount.amount_minor > cap.amount_minor
        ):
            raise ValueError(f"{amount} is above this workspace's refund limit of {cap}")
        return self.model_copy(
            update={"amount": amount, "whole": amount == ceiling, "set_by": member}
        )


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
