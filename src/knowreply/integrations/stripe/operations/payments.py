"""Payments of the scope: the history, one payment's status, the ones of a given amount."""

from __future__ import annotations

import itertools
from datetime import timedelta

import stripe

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.models import InvoiceSummary, PaymentSummary
from knowreply.money import Money

from ._stripe import across_scope, customer_id_of, looks_like, owned, translated
from .errors import NothingFound
from .invoices import sent_summaries
from .scope import CustomerScope
from .views import intent_summary, payment_summary

LATEST = "latest"
"""The reference meaning the scope's newest charge, whatever its status."""
MAX_SCANNED = 100
"""Charges read per customer when looking for an amount."""


async def _scope_charges(
    gateway: StripeGateway, scope: CustomerScope, limit: int
) -> list[stripe.Charge]:
    service = gateway.client.v1.charges
    name = f"charges {limit} {' '.join(sorted(scope.customer_ids))}"
    return await gateway.read_once(
        name,
        lambda: across_scope(
            scope,
            lambda customer_id: service.list_async({"customer": customer_id, "limit": limit}),
        ),
    )


async def find_charge(
    gateway: StripeGateway, scope: CustomerScope, reference: str
) -> stripe.Charge | stripe.PaymentIntent:
    """The charge `reference` names: `latest`, a charge id (`ch_…`, `py_…`), or a payment
    intent (`pi_…`, its latest charge; the intent itself when it made none).

    Raises `NothingFound` for anything outside the scope.
    """
    wanted = reference.strip()
    if wanted.lower() == LATEST:
        charges = await _scope_charges(gateway, scope, 1)
        if not charges:
            raise NothingFound("charge")
        return charges[0]
    client = gateway.client.v1
    if looks_like("payment_intent", wanted):
        intent = await owned(
            scope,
            "payment_intent",
            wanted,
            lambda: client.payment_intents.retrieve_async(wanted, {"expand": ["latest_charge"]}),
        )
        charge = intent.latest_charge
        if isinstance(charge, stripe.Charge) and customer_id_of(charge) in scope.customer_ids:
            return charge
        return intent
    return await owned(scope, "charge", wanted, lambda: client.charges.retrieve_async(wanted))


def summarize(found: stripe.Charge | stripe.PaymentIntent) -> PaymentSummary:
    if isinstance(found, stripe.PaymentIntent):
        return intent_summary(found)
    return payment_summary(found)


async def payment_status(
    gateway: StripeGateway, scope: CustomerScope, reference: str = LATEST
) -> PaymentSummary:
    """One payment of the scope (see `find_charge`): succeeded, pending, failed and why…"""
    return summarize(await find_charge(gateway, scope, reference))


async def payment_history(
    gateway: StripeGateway, scope: CustomerScope, *, limit: int = 10
) -> list[PaymentSummary]:
    """The scope's charges, newest first."""
    charges = await _scope_charges(gateway, scope, min(limit, 100))
    return [payment_summary(charge) for charge in charges[:limit]]


async def payments_of_amount(
    gateway: StripeGateway, scope: CustomerScope, amount: Money
) -> list[PaymentSummary]:
    """The scope's charges of exactly this amount, newest first ("what is this $49 charge?")."""
    charges = await _scope_charges(gateway, scope, MAX_SCANNED)
    return [
        payment_summary(charge)
        for charge in charges
        if charge.amount == amount.amount_minor and charge.currency.lower() == amount.currency
    ]


DUPLICATE_WINDOW = timedelta(days=3)


async def duplicate_charge(gateway: StripeGateway, scope: CustomerScope) -> PaymentSummary | None:
    """The duplicate of a double charge: the newer of two succeeded payments of the same amount
    made within three days of each other, newest pair first; None when there is none."""
    history = [
        p
        for p in await payment_history(gateway, scope, limit=20)
        if p.status in ("succeeded", "partially_refunded")
    ]
    for newer, older in itertools.pairwise(history):
        if newer.created - older.created <= DUPLICATE_WINDOW and newer.amount == older.amount:
            return newer
    return None


async def invoice_for_payment(
    gateway: StripeGateway, scope: CustomerScope, payment: PaymentSummary
) -> InvoiceSummary | None:
    """The invoice a payment paid (or tried to), through Stripe's invoice payments: since
    2025-03-31 neither the charge nor the payment intent names its invoice."""
    if payment.payment_intent_id is None:
        return None
    with translated():
        links = await gateway.client.v1.invoice_payments.list_async(
            {
                "payment": {"type": "payment_intent", "payment_intent": payment.payment_intent_id},
                "limit": 1,
            }
        )
    if not links.data:
        return None
    invoice_id = links.data[0].invoice
    wanted = invoice_id if isinstance(invoice_id, str) else invoice_id.id
    invoices = gateway.client.v1.invoices
    invoice = await owned(scope, "invoice", wanted, lambda: invoices.retrieve_async(wanted))
    found = sent_summaries([invoice])
    return found[0] if found else None
