"""Invoices of the scope: the latest ones, one by number or id, those of a month.

Draft invoices are left out: they were never sent to the customer and may still change.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

import stripe
from stripe.params import InvoiceListParams

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.models import InvoiceStatus, InvoiceSummary

from ._stripe import across_scope, looks_like, owned
from .errors import NothingFound
from .scope import CustomerScope
from .views import invoice_summary

_SENT: tuple[InvoiceStatus, ...] = ("open", "paid", "uncollectible", "void")
MAX_SCANNED = 100
"""Invoices read per customer when looking one up by number or month."""


def _summaries(invoices: list[stripe.Invoice]) -> list[InvoiceSummary]:
    return [
        invoice_summary(invoice, invoice.status)
        for invoice in invoices
        if invoice.status in _SENT and invoice.status is not None
    ]


async def _scope_invoices(
    gateway: StripeGateway, scope: CustomerScope, limit: int, created: tuple[int, int] | None
) -> list[stripe.Invoice]:
    service = gateway.client.v1.invoices

    async def fetch(customer_id: str) -> stripe.ListObject[stripe.Invoice]:
        params: InvoiceListParams = {"customer": customer_id, "limit": limit}
        if created is not None:
            params["created"] = {"gte": created[0], "lt": created[1]}
        return await service.list_async(params=params)

    return await across_scope(scope, fetch)


async def list_invoices(
    gateway: StripeGateway, scope: CustomerScope, *, limit: int = 10
) -> list[InvoiceSummary]:
    """The scope's invoices, newest first."""
    return _summaries(await _scope_invoices(gateway, scope, min(limit, 100), None))[:limit]


async def latest_invoice(gateway: StripeGateway, scope: CustomerScope) -> InvoiceSummary:
    """The newest invoice of the scope; `NothingFound` when there is none."""
    found = await list_invoices(gateway, scope, limit=1)
    if not found:
        raise NothingFound("invoice")
    return found[0]


async def find_invoice(
    gateway: StripeGateway, scope: CustomerScope, reference: str
) -> InvoiceSummary:
    """An invoice of the scope by id (`in_…`) or by number (`A1B2C3D4-0002`, any case)."""
    wanted = reference.strip().lstrip("#")
    if looks_like("invoice", wanted):
        invoices = gateway.client.v1.invoices
        invoice = await owned(scope, "invoice", wanted, lambda: invoices.retrieve_async(wanted))
        summaries = _summaries([invoice])
    else:
        recent = await _scope_invoices(gateway, scope, MAX_SCANNED, None)
        summaries = [
            summary
            for summary in _summaries(recent)
            if (summary.number or "").lower() == wanted.lower()
        ]
    if not summaries:
        raise NothingFound("invoice", reference)
    return summaries[0]


def month_bounds(year: int, month: int, tz: tzinfo = UTC) -> tuple[int, int]:
    """The Unix timestamps where a calendar month starts and the next one starts."""
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return int(start.timestamp()), int(end.timestamp())


async def invoices_in_month(
    gateway: StripeGateway, scope: CustomerScope, year: int, month: int, *, tz: tzinfo = UTC
) -> list[InvoiceSummary]:
    """The scope's invoices created in a calendar month (in `tz`, the workspace's timezone)."""
    start, end = month_bounds(year, month, tz)
    invoices = await _scope_invoices(gateway, scope, MAX_SCANNED, (start, end))
    # Stripe filters by `created` already; checked again so the answer never depends on it.
    return _summaries([invoice for invoice in invoices if start <= invoice.created < end])


async def open_invoice(
    gateway: StripeGateway, scope: CustomerScope, number: str | None = None
) -> InvoiceSummary | None:
    """The open invoice a payment link is for: the one with this number, or the newest open one
    that still asks for money."""
    if number:
        try:
            found = await find_invoice(gateway, scope, number)
        except NothingFound:
            return None
        return found if found.status == "open" else None
    for invoice in await list_invoices(gateway, scope, limit=20):
        if invoice.status == "open" and invoice.amount_due.amount_minor > 0:
            return invoice
    return None
