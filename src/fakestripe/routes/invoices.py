"""/v1/invoices: list by customer, subscription or status, retrieve; /v1/invoice_payments."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..routing import Call, filtered, page, route
from ..store import StripeObject

READ = "rak_invoice_read"


def _subscription_of(invoice: StripeObject) -> str | None:
    parent = invoice.get("parent") or {}
    details = parent.get("subscription_details") or {}
    found = details.get("subscription")
    return found if isinstance(found, str) else None


@route("GET", "/v1/invoices", READ)
def list_invoices(call: Call) -> StripeObject:
    found: Iterable[StripeObject] = filtered(
        call.ledger.all("invoice"), customer=call.text("customer"), status=call.text("status")
    )
    subscription = call.text("subscription")
    if subscription is not None:
        found = (invoice for invoice in found if _subscription_of(invoice) == subscription)
    return page(call, found, "/v1/invoices")


@route("GET", "/v1/invoices/{invoice}", READ)
def retrieve_invoice(call: Call) -> StripeObject:
    return call.ledger.get(call.path["invoice"], "invoice")


@route("GET", "/v1/invoice_payments", READ)
def list_invoice_payments(call: Call) -> StripeObject:
    """By `invoice`, or by the payment (`payment[type]=payment_intent&payment[payment_intent]=`)."""
    found: Iterable[StripeObject] = filtered(
        call.ledger.all("invoice_payment"), invoice=call.text("invoice")
    )
    payment: Any = call.params.get("payment")
    if isinstance(payment, dict) and payment.get("payment_intent"):
        intent = payment["payment_intent"]
        found = (p for p in found if p["payment"].get("payment_intent") == intent)
    return page(call, found, "/v1/invoice_payments")


ROUTES = (list_invoices, retrieve_invoice, list_invoice_payments)
