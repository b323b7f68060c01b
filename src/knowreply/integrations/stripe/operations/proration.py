"""The unused part of a subscription's current period, computed from Stripe's facts (never by
a model): what the period's invoice paid × whole unused days ÷ the period's days, rounded
down to the currency's minor unit. Anything that does not fit that one reading (no current
paid subscription, several, no invoice paid by a charge for this period, nothing left) is a
`NotProratable` with the reason, for a person to decide."""

from __future__ import annotations

from datetime import datetime

import stripe

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.models import UnusedPart

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


async def unused_part(gateway: StripeGateway, scope: CustomerScope, now: datetime) -> UnusedPart:
    """The unused part of the scope's one current paid subscription, or `NotProratable`."""
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
    period_days = round((end - start) / DAY)
    unused_days = (end - int(now.timestamp())) // DAY
    if period_days <= 0 or unused_days <= 0:
        raise NotProratable("nothing of the current period is left unused")
    unused_days = min(unused_days, period_days)
    paid = money(invoice.amount_paid, invoice.currency)
    return UnusedPart(
        subscription_id=subscription.id,
        invoice_id=str(invoice.id),
        charge_id=charge.id,
        paid=paid,
        period_start=when(start),
        period_end=when(end),
        unused_days=unused_days,
        period_days=period_days,
        amount=UnusedPart.size(paid, unused_days, period_days),
    )
