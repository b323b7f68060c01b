"""Payments of the scope: the history, one payment's status, the ones of a given amount."""

from __future__ import annotations

import itertools
from datetime import timedelta

import stripe

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.models import InvoiceSummary, PaymentSummary
from knowreply.money import Money

from ._stripe import across_scope, customer_id_of, field, looks_like, owned, translated
from .errors import NothingFound
from .invoices import sent_summaries
from .scope import CustomerScope
from .views import intent_summary, paid_without_charge, payment_summary, refund_summary

LATEST = "latest"
"""The reference meaning the scope's newest charge, whatever its status."""
MAX_SCANNED = 100
"""Charges read per customer when looking for an amount."""


async def _scope_charges(
    gateway: StripeGateway, scope: CustomerScope, limit: int
) -> list[stripe.Charge]:
    service = gateway.client.v1.charges
    name = f"charges {limit} {' '.join(sorted(scope.customer_ids))}"
    charges = await gateway.read_once(
        name,
        lambda: across_scope(
            scope,
            lambda customer_id: service.list_async(
                {"customer": customer_id, "limit": limit, "expand": ["data.refunds"]}
            ),
        ),
    )
    for charge in charges:  # read again by id (the guardrails, then the refund): no request
        gateway.keep_read(_charge_read(charge.id), charge)
    return charges


def _charge_read(charge_id: str) -> str:
    return f"charge {charge_id}"


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
    kept = gateway.kept_read(_charge_read(wanted))
    if isinstance(kept, stripe.Charge) and customer_id_of(kept) in scope.customer_ids:
        return kept  # read in this unit of work (a list, or the guardrails' read)
    charge = await owned(scope, "charge", wanted, lambda: client.charges.retrieve_async(wanted))
    gateway.keep_read(_charge_read(wanted), charge)
    return charge


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
    """The scope's money, newest first: charges, each refund as its own line (money back),
    and invoices paid without a charge (from the customer's credit balance, or outside
    Stripe), which a list of charges alone never shows."""
    wanted = min(limit, 100)
    charges = await _scope_charges(gateway, scope, wanted)
    invoices = gateway.client.v1.invoices
    paid = await across_scope(
        scope,
        lambda customer_id: invoices.list_async(
            {
                "customer": customer_id,
                "status": "paid",
                "limit": wanted,
                "expand": ["data.payments"],
            }
        ),
    )
    lines = [payment_summary(charge) for charge in charges]
    lines += [
        refund_summary(made, charge)
        for charge in charges
        for made in _refunds_of(charge)
        if made.status in ("succeeded", "pending")
    ]
    lines += [line for invoice in paid for line in paid_without_charge(invoice)]
    lines.sort(key=lambda line: line.created, reverse=True)
    return lines[:limit]


def _refunds_of(charge: stripe.Charge) -> list[stripe.Refund]:
    listed = field(charge, "refunds")
    return list(listed.data) if listed is not None else []


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
        for p in map(payment_summary, await _scope_charges(gateway, scope, 20))
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
