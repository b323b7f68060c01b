"""Stripe objects turned into the typed result views of `models.py`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

import stripe

from knowreply.integrations.stripe.models import (
    InvoiceStatus,
    InvoiceSummary,
    PaymentStatus,
    PaymentSummary,
    SubscriptionSummary,
)
from knowreply.money import Money

from ._stripe import customer_id_of, field, id_of
from .declines import failure_words


def at(timestamp: int | None) -> datetime | None:
    """A Stripe Unix timestamp as an aware UTC datetime."""
    return None if timestamp is None else datetime.fromtimestamp(timestamp, UTC)


def when(timestamp: int) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


def money(amount_minor: int, currency: str) -> Money:
    return Money(amount_minor=amount_minor, currency=currency)


def invoice_summary(invoice: stripe.Invoice, status: InvoiceStatus) -> InvoiceSummary:
    return InvoiceSummary(
        id=str(invoice.id),
        customer_id=customer_id_of(invoice) or "",
        number=invoice.number,
        created=when(invoice.created),
        total=money(invoice.total, invoice.currency),
        amount_due=money(invoice.amount_due, invoice.currency),
        amount_paid=money(invoice.amount_paid, invoice.currency),
        status=status,
        hosted_invoice_url=invoice.hosted_invoice_url,
        invoice_pdf=invoice.invoice_pdf,
        description=invoice.description,
    )


def charge_status(charge: stripe.Charge) -> PaymentStatus:
    if charge.disputed:
        return "disputed"
    if charge.refunded:
        return "refunded"
    if charge.amount_refunded > 0:
        return "partially_refunded"
    if charge.status == "succeeded":
        return "succeeded"
    return "pending" if charge.status == "pending" else "failed"


def _charge_failure(charge: stripe.Charge) -> str | None:
    if charge.status != "failed":
        return None
    outcome = charge.outcome
    return failure_words(
        outcome.reason if outcome else None,
        charge.failure_code,
        fallback=charge.failure_message or (outcome.seller_message if outcome else None),
    )


def payment_summary(charge: stripe.Charge) -> PaymentSummary:
    details = charge.payment_method_details
    card = details.card if details else None
    return PaymentSummary(
        id=charge.id,
        customer_id=customer_id_of(charge) or "",
        payment_intent_id=id_of(field(charge, "payment_intent")),
        created=when(charge.created),
        amount=money(charge.amount, charge.currency),
        amount_captured=money(charge.amount_captured, charge.currency),
        amount_refunded=money(charge.amount_refunded, charge.currency),
        status=charge_status(charge),
        failure_reason=_charge_failure(charge),
        description=charge.description,
        card_brand=card.brand if card else None,
        card_last4=card.last4 if card else None,
        receipt_url=charge.receipt_url,
    )


def refund_summary(refund: stripe.Refund, charge: stripe.Charge) -> PaymentSummary:
    """Money back, as its own line of a payment history (on the card the charge was paid by)."""
    paid = payment_summary(charge)
    return paid.model_copy(
        update={
            "id": refund.id,
            "created": when(refund.created),
            "amount": money(refund.amount, refund.currency),
            "amount_captured": None,
            "amount_refunded": money(0, refund.currency),
            "status": "refund",
            "failure_reason": None,
            "receipt_url": None,
        }
    )


_BY_CHARGE = ("charge", "payment_intent")
"""Invoice payments made by a charge: the payment history lists that charge already."""


def paid_without_charge(invoice: stripe.Invoice) -> list[PaymentSummary]:
    """The money that paid an invoice without a charge of its own: from the customer's credit
    balance (`starting_balance` to `ending_balance`), and what `amount_paid` counts beyond the
    invoice's charge payments (paid outside Stripe). Needs `payments` expanded."""
    found: list[PaymentSummary] = []
    start, end = field(invoice, "starting_balance"), field(invoice, "ending_balance")
    if start is not None and end is not None and start < 0 and end > start:
        found.append(_invoice_line(invoice, min(end, 0) - start, "paid_from_credit"))
    payments = field(invoice, "payments")
    if payments is not None and not payments.has_more:
        by_charge = sum(
            p.amount_paid or 0
            for p in payments.data
            if p.status == "paid" and p.payment.type in _BY_CHARGE
        )
        if invoice.amount_paid > by_charge:
            found.append(
                _invoice_line(invoice, invoice.amount_paid - by_charge, "paid_outside_stripe")
            )
    return found


def _invoice_line(invoice: stripe.Invoice, amount: int, status: PaymentStatus) -> PaymentSummary:
    transitions = field(invoice, "status_transitions")
    paid_at = field(transitions, "paid_at") if transitions is not None else None
    label = invoice.description or "Invoice"
    return PaymentSummary(
        id=str(invoice.id),
        customer_id=customer_id_of(invoice) or "",
        invoice_id=invoice.id,
        created=when(paid_at or invoice.created),
        amount=money(amount, invoice.currency),
        amount_refunded=money(0, invoice.currency),
        status=status,
        description=f"{label} ({invoice.number})" if invoice.number else label,
    )


_INTENT_STATUS: dict[str, PaymentStatus] = {
    "succeeded": "succeeded",
    "canceled": "failed",
    "requires_payment_method": "failed",
}


def intent_summary(intent: stripe.PaymentIntent) -> PaymentSummary:
    """A payment intent that has no charge yet (nothing was attempted, or it is processing)."""
    error = intent.last_payment_error
    status = _INTENT_STATUS.get(intent.status, "pending")
    if intent.status == "requires_payment_method" and error is None:
        status = "pending"
    return PaymentSummary(
        id=intent.id,
        customer_id=customer_id_of(intent) or "",
        payment_intent_id=intent.id,
        created=when(intent.created),
        amount=money(intent.amount, intent.currency),
        amount_refunded=money(0, intent.currency),
        status=status,
        failure_reason=(
            failure_words(error.decline_code, error.code, fallback=error.message)
            if status == "failed" and error is not None
            else None
        ),
        description=intent.description,
    )


def _items(subscription: stripe.Subscription) -> list[stripe.SubscriptionItem]:
    listed = field(subscription, "items")
    return list(listed.data) if listed else []


def _period_end(subscription: stripe.Subscription) -> int | None:
    """Where the API version puts it: on the first item (2025-03-31 and later) or on top."""
    items = _items(subscription)
    if items and field(items[0], "current_period_end") is not None:
        return int(items[0]["current_period_end"])
    top = field(subscription, "current_period_end")
    return int(top) if top is not None else None


def subscription_summary(
    subscription: stripe.Subscription, product_names: Mapping[str, str]
) -> SubscriptionSummary:
    items = _items(subscription)
    price = items[0].price if items else None
    quantity = (items[0].quantity or 1) if items else 1
    product_id = id_of(price.product) if price else None
    plan_name = product_names.get(product_id or "") or (price.nickname if price else None)
    amount = (
        money(price.unit_amount * quantity, price.currency)
        if price is not None and price.unit_amount is not None
        else None
    )
    return SubscriptionSummary(
        id=subscription.id,
        customer_id=customer_id_of(subscription) or "",
        status=subscription.status,
        plan_name=plan_name or "Subscription",
        price=amount,
        interval=price.recurring.interval if price and price.recurring else None,
        trial_end=at(subscription.trial_end),
        current_period_end=at(_period_end(subscription)),
        cancel_at_period_end=subscription.cancel_at_period_end,
        cancel_at=at(subscription.cancel_at),
    )
