"""What the Stripe operations return: small typed views of Stripe objects.

These are the contract between the operations (which read Stripe) and everything that shows
their results (reply templates, the trace, the dashboard). Amounts are `Money`; times are
timezone-aware UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from knowreply.money import Money


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class CustomerRef(_View):
    """A Stripe customer of the scope (the sender's address matched its email)."""

    id: str
    email: str | None
    name: str | None = None
    livemode: bool = False


InvoiceStatus = Literal["draft", "open", "paid", "uncollectible", "void"]


class InvoiceSummary(_View):
    id: str
    customer_id: str
    number: str | None
    created: datetime
    total: Money
    amount_due: Money
    amount_paid: Money
    status: InvoiceStatus
    hosted_invoice_url: str | None = None
    invoice_pdf: str | None = None
    description: str | None = None


PaymentStatus = Literal[
    "succeeded",
    "pending",
    "failed",
    "refunded",
    "partially_refunded",
    "disputed",
    "refund",
    "paid_from_credit",
    "paid_outside_stripe",
]
"""A charge's status; in a payment history also `refund` (money back: a refund's own line),
`paid_from_credit` (an invoice the customer's balance paid) and `paid_outside_stripe` (an
invoice marked paid out of band): money that moved without a charge of its own."""


class PaymentSummary(_View):
    """A charge (or the payment intent behind it) as a customer would ask about it; in a
    payment history, also a refund or an invoice paid without a charge."""

    id: str
    """The charge id (`ch_…`); in a history, a refund's (`re_…`) or an invoice's (`in_…`)."""
    customer_id: str
    payment_intent_id: str | None = None
    invoice_id: str | None = None
    """Filled by `invoice_for_payment` (charges have no `invoice` since 2025-03-31)."""
    created: datetime
    amount: Money
    amount_captured: Money | None = None
    """What was captured (less than `amount` after a partial capture); None: nothing yet."""
    amount_refunded: Money
    status: PaymentStatus
    failure_reason: str | None = None
    """Why it failed, in plain words (`Your card was declined for insufficient funds.`)."""
    description: str | None = None
    card_brand: str | None = None
    card_last4: str | None = None
    receipt_url: str | None = None

    @property
    def refundable(self) -> Money:
        """What can still be refunded: what was captured, less what was refunded already."""
        captured = self.amount_captured if self.amount_captured is not None else self.amount
        return Money(
            amount_minor=max(captured.amount_minor - self.amount_refunded.amount_minor, 0),
            currency=self.amount.currency,
        )


class SubscriptionSummary(_View):
    id: str
    customer_id: str
    status: str
    """Stripe's status: active, trialing, past_due, canceled, unpaid, incomplete, paused…"""
    plan_name: str
    price: Money | None = None
    interval: str | None = None
    """Billing interval: day, week, month or year."""
    trial_end: datetime | None = None
    current_period_end: datetime | None = None
    cancel_at_period_end: bool = False
    cancel_at: datetime | None = None


class RefundResult(_View):
    id: str
    charge_id: str
    amount: Money
    status: str
    """Stripe's refund status: succeeded, pending, failed, canceled, requires_action."""
    remaining_refundable: Money


class PaymentLinkResult(_View):
    id: str
    """The payment link (`plink_…`), or the invoice (`in_…`) whose hosted page it is."""
    url: str
    price_id: str | None = None
    """None for an invoice's hosted page."""
    amount: Money | None = None
    invoice_number: str | None = None
    """Set when the link is an open invoice's own page: paying it pays that invoice."""


class PortalLinkResult(_View):
    url: str
    customer_id: str


class CancellationResult(_View):
    subscription_id: str
    already_cancelling: bool
    """True when the subscription was set to cancel before this request (a no-op)."""
    service_ends_at: datetime | None


class StripeRequest(BaseModel):
    """One HTTP request to Stripe, as the trace shows it (no bodies, no key)."""

    method: str
    path: str
    status: int | None
    ms: int
    request_id: str | None = None
    error: str | None = None


def _count(number: int, unit: str) -> str:
    """`1 day`, `3 days`: the member's and the audit log's English."""
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


class UnusedPart(_View):
    """The unused part of the current period of a subscription, sized from Stripe's facts:
    what its invoice paid × unused days ÷ the period's days, rounded down to the minor
    unit. A refund of it is a partial refund of the invoice's charge."""

    subscription_id: str
    invoice_id: str
    charge_id: str
    paid: Money
    """What the current period's invoice paid."""
    period_start: datetime
    period_end: datetime
    unused_days: int
    """Whole days from now to the period's end."""
    period_days: int
    amount: Money
    """`size(paid, unused_days, period_days)`."""

    @staticmethod
    def size(paid: Money, unused_days: int, period_days: int) -> Money:
        """`paid` × `unused_days` ÷ `period_days`, rounded down to the minor unit."""
        return Money(
            amount_minor=paid.amount_minor * unused_days // period_days, currency=paid.currency
        )

    @property
    def basis(self) -> str:
        """For the member and the audit log: `$23.20 of $29.00 for 24 unused days of 30
        (invoice in_…)`."""
        return (
            f"{self.amount} of {self.paid} for {_count(self.unused_days, 'unused day')} of "
            f"{self.period_days} (invoice {self.invoice_id})"
        )


CountUnit = Literal["day", "week", "month", "seat"]
"""What a customer counts a part of a subscription's payment in ("the 3 days of downtime",
"the 2 extra seats")."""
PeriodUnit = Literal["day", "month", "seat"]
"""What a period's payment is divided in: a counted week is 7 of its days."""


class CountedShare(_View):
    """A part of the current period's payment the customer counted, sized from Stripe's
    facts: what the period's invoice paid × `share` ÷ `of` (days of the period's days, months
    of its whole months, seats of the invoice's quantity), rounded down to the minor unit. A
    refund of it is a partial refund of the invoice's charge."""

    subscription_id: str
    invoice_id: str
    charge_id: str
    paid: Money
    """What the current period's invoice paid."""
    count: int
    unit: CountUnit
    share: int
    """The count in the unit of `of` (a week is 7 days)."""
    of: int
    """The period's days, its whole months, or the seats its invoice billed."""
    amount: Money
    """`UnusedPart.size(paid, share, of)`."""

    @staticmethod
    def share_of(count: int, unit: CountUnit) -> int:
        """The count in the unit the period is measured in: a week is 7 of its days."""
        return count * 7 if unit == "week" else count

    @property
    def period_unit(self) -> PeriodUnit:
        """The unit of `share` and `of`."""
        return "day" if self.unit == "week" else self.unit

    @property
    def basis(self) -> str:
        """For the member and the audit log: `$2.90 of $29.00 for 3 days of 30 (invoice in_…)`."""
        return (
            f"{self.amount} of {self.paid} for {_count(self.share, self.period_unit)} of "
            f"{self.of} (invoice {self.invoice_id})"
        )
