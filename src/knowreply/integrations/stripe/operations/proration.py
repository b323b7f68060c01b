"""The unused part of a subscription's current period, computed from Stripe's facts (never by
a model): what the period's invoice paid × whole unused days ÷ the period's days, rounded
down to the currency's minor unit. Anything that does not fit that one reading (no current
paid subscription, several, no invoice paid by a charge for this period, nothing left) is a
`NotProratable` with the reason, for a person to decide.

A part the customer counted ("the 3 days of downtime", "the 2 extra seats") is sized from the
same period's payment: days of its days, months of its whole months, seats of its invoice's
one line (`counted_share`)."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import datetime

import stripe

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.models import CountedShare, CountUnit, UnusedPart
from knowreply.money import Money

from ._stripe import field, id_of, translated
from .payments import find_charge
from .scope import CustomerScope
from .subscriptions import scope_subscriptions
from .views import money, when

PAID_STATUSES = ("active", "past_due")
"""A subscription whose current period may have been paid (trialing and paused ones were not)."""
DAY = 86_400
INVOICE_SLACK = 86_400
"""A period's invoice is made at its start; Stripe may finalize it up to a day around it."""


class NotProratable(Exception):
    """Why the unused part cannot be sized exactly from Stripe's facts."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _period(subscription: stripe.Subscription) -> tuple[int, int]:
    """The current period, on the items (API 2025-03-31 and later) or on top; every item
    must share it."""
    items = list(subscription["items"].data) if field(subscription, "items") else []
    periods = {
        (int(item["current_period_start"]), int(item["current_period_end"]))
        for item in items
        if field(item, "current_period_start") is not None
    }
    if not periods and field(subscription, "current_period_start") is not None:
        periods = {
            (int(subscription["current_period_start"]), int(subscription["current_period_end"]))
        }
    if len(periods) != 1:
        raise NotProratable("the subscription's items do not share one current period")
    return periods.pop()


async def _period_invoice(
    gateway: StripeGateway, subscription: stripe.Subscription, start: int, end: int
) -> stripe.Invoice:
    with translated():
        listed = await gateway.client.v1.invoices.list_async(
            {
                "customer": str(id_of(subscription.customer)),
                "subscription": subscription.id,
                "status": "paid",
                "limit": 10,
                "expand": ["data.payments"],
            }
        )
    for invoice in listed.data:  # newest first
        if start - INVOICE_SLACK <= int(invoice.created) < end:
            return invoice
    raise NotProratable("no paid invoice was found for the subscription's current period")


def _paying_intent(invoice: stripe.Invoice) -> str:
    """The one payment intent that paid the whole invoice."""
    listed = field(invoice, "payments")
    payments = [p for p in (listed.data if listed is not None else []) if p.status == "paid"]
    intents = {id_of(field(p.payment, "payment_intent")) for p in payments}
    paid_by = sum(p.amount_paid or 0 for p in payments)
    if len(intents) != 1 or None in intents or paid_by != invoice.amount_paid:
        raise NotProratable("the current period's invoice was not paid by one card payment")
    return str(intents.pop())


@dataclass(frozen=True)
class _PaidPeriod:
    """The scope's one current paid subscription, its period, and the invoice and charge
    that paid that period."""

    subscription: stripe.Subscription
    start: int
    end: int
    invoice: stripe.Invoice
    charge: stripe.Charge

    @property
    def paid(self) -> Money:
        return money(self.invoice.amount_paid, self.invoice.currency)

    @property
    def days(self) -> int:
        return round((self.end - self.start) / DAY)


async def _paid_period(gateway: StripeGateway, scope: CustomerScope) -> _PaidPeriod:
    """The current period's payment, or `NotProratable` saying why there is not exactly one."""
    current = [s for s in await scope_subscriptions(gateway, scope) if s.status in PAID_STATUSES]
    if len(current) != 1:
        raise NotProratable(
            "the customer has no current paid subscription"
            if not current
            else f"the customer has {len(current)} current subscriptions; which one is meant?"
        )
    subscription = current[0]
    start, end = _period(subscription)
    invoice = await _period_invoice(gateway, subscription, start, end)
    charge = await find_charge(gateway, scope, _paying_intent(invoice))
    if not isinstance(charge, stripe.Charge):
        raise NotProratable("the current period's payment made no charge")
    return _PaidPeriod(subscription, start, end, invoice, charge)


async def unused_part(gateway: StripeGateway, scope: CustomerScope, now: datetime) -> UnusedPart:
    """The unused part of the scope's one current paid subscription, or `NotProratable`."""
    period = await _paid_period(gateway, scope)
    unused_days = (period.end - int(now.timestamp())) // DAY
    if period.days <= 0 or unused_days <= 0:
        raise NotProratable("nothing of the current period is left unused")
    unused_days = min(unused_days, period.days)
    return UnusedPart(
        subscription_id=period.subscription.id,
        invoice_id=str(period.invoice.id),
        charge_id=period.charge.id,
        paid=period.paid,
        period_start=when(period.start),
        period_end=when(period.end),
        unused_days=unused_days,
        period_days=period.days,
        amount=UnusedPart.size(period.paid, unused_days, period.days),
    )


def whole_months(start: datetime, end: datetime) -> int | None:
    """How many calendar months the period is by its dates (the same day and time of month,
    or the last day when the month is shorter), or None when it is not a whole number."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months <= 0:
        return None
    year, month = divmod(start.month - 1 + months, 12)
    last_day = monthrange(start.year + year, month + 1)[1]
    expected = start.replace(year=start.year + year, month=month + 1, day=min(start.day, last_day))
    return months if expected == end else None


def _seats(period: _PaidPeriod) -> tuple[int, int]:
    """The quantity the period's invoice billed and its unit amount, when the invoice is that
    one line alone (no discount, tax or proration line beside it), else `NotProratable`."""
    lines = list(period.invoice["lines"].data) if field(period.invoice, "lines") else []
    if len(lines) != 1:
        raise NotProratable("the current period's invoice has more than one line")
    quantity = field(lines[0], "quantity") or 0
    amount = field(lines[0], "amount")
    if quantity < 2 or amount is None or amount % quantity:
        raise NotProratable("the current period's invoice bills no seats at one price")
    unit_amount = amount // quantity
    if period.invoice.amount_paid != quantity * unit_amount or field(lines[0], "discount_amounts"):
        raise NotProratable("the current period's invoice paid more or less than its seats")
    return quantity, unit_amount


def _counted_of(period: _PaidPeriod, count: int, unit: CountUnit) -> tuple[int, int]:
    """The count as a share of the period: (share, of), or `NotProratable`."""
    if unit == "seat":
        of = _seats(period)[0]
        share = count
    elif unit == "month":
        months = whole_months(when(period.start), when(period.end))
        if months is None:
            raise NotProratable("the current period is not a whole number of months")
        share, of = count, months
    else:
        share, of = CountedShare.share_of(count, unit), period.days
    if not 0 < share < of:
        raise NotProratable(f"{count} {unit}(s) is not a part of the current period ({of})")
    return share, of


async def counted_share(
    gateway: StripeGateway, scope: CustomerScope, count: int, unit: CountUnit
) -> CountedShare:
    """The part of the current period's payment the customer counted ("the 3 days of
    downtime", "2 of our 10 seats"), or `NotProratable`."""
    period = await _paid_period(gateway, scope)
    share, of = _counted_of(period, count, unit)
    return CountedShare(
        subscription_id=period.subscription.id,
        invoice_id=str(period.invoice.id),
        charge_id=period.charge.id,
        paid=period.paid,
        count=count,
        unit=unit,
        share=share,
        of=of,
        amount=UnusedPart.size(period.paid, share, of),
    )
