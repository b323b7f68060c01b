"""Invoices of the scope: the latest ones, one by number or id, those of a month or a run of
months (a quarter, a year).

Draft invoices are never shown: they were never sent to the customer and may still change
(Stripe makes each renewal invoice as a draft about an hour before finalizing it). Lists page
past drafts, so a newer draft never hides the paid or open invoice before it. A void invoice
was cancelled: it comes after every invoice the customer paid or is asked to pay (open,
paid, uncollectible), so "my latest invoice" is never a cancelled one when there is another.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

import stripe
from stripe.params import InvoiceListParams

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.models import InvoiceStatus, InvoiceSummary
from knowreply.money import Money

from ._stripe import looks_like, owned, translated
from .errors import NothingFound
from .scope import CustomerScope
from .views import invoice_summary

_SENT: tuple[InvoiceStatus, ...] = ("open", "paid", "uncollectible", "void")
_OWED_OR_PAID: tuple[InvoiceStatus, ...] = ("open", "paid", "uncollectible")
MAX_SCANNED = 100
"""Invoices read per customer when looking one up by number or month."""
DRAFT_ALLOWANCE = 3
"""Extra invoices asked for per page, so the drafts in front rarely cost a second page."""


def sent_summaries(invoices: list[stripe.Invoice]) -> list[InvoiceSummary]:
    return [
        invoice_summary(invoice, invoice.status)
        for invoice in invoices
        if invoice.status in _SENT and invoice.status is not None
    ]


async def _customer_invoices(
    gateway: StripeGateway, customer_id: str, wanted: int, created: tuple[int, int] | None
) -> list[stripe.Invoice]:
    """Sent (not draft) invoices of one customer, newest first, until `wanted` of them are
    open, paid or uncollectible (or there are no more)."""
    found: list[stripe.Invoice] = []
    params: InvoiceListParams = {
        "customer": customer_id,
        "limit": min(wanted + DRAFT_ALLOWANCE, 100),
    }
    if created is not None:
        params["created"] = {"gte": created[0], "lt": created[1]}
    while True:
        with translated():
            page = await gateway.client.v1.invoices.list_async(params=params)
        found.extend(invoice for invoice in page.data if invoice.status in _SENT)
        counted = sum(1 for invoice in found if invoice.status in _OWED_OR_PAID)
        if counted >= wanted or len(found) >= MAX_SCANNED or not page.has_more or not page.data:
            return found
        params["starting_after"] = page.data[-1].id


async def _scope_invoices(
    gateway: StripeGateway, scope: CustomerScope, wanted: int, created: tuple[int, int] | None
) -> list[stripe.Invoice]:
    found: list[stripe.Invoice] = []
    for customer in scope.customers:
        found.extend(await _customer_invoices(gateway, customer.id, wanted, created))
    found.sort(key=lambda invoice: int(invoice.created), reverse=True)
    found.sort(key=lambda invoice: invoice.status == "void")  # stable: void ones last
    return found


async def list_invoices(
    gateway: StripeGateway, scope: CustomerScope, *, limit: int = 10
) -> list[InvoiceSummary]:
    """The scope's sent invoices (never drafts), newest first, void ones last."""
    return sent_summaries(await _scope_invoices(gateway, scope, min(limit, 100), None))[:limit]


async def latest_invoice(gateway: StripeGateway, scope: CustomerScope) -> InvoiceSummary:
    """The newest invoice of the scope (a void one only when there is no other);
    `NothingFound` when there is none."""
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
        summaries = sent_summaries([invoice])
    else:
        recent = await _scope_invoices(gateway, scope, MAX_SCANNED, None)
        summaries = [
            summary
            for summary in sent_summaries(recent)
            if (summary.number or "").lower() == wanted.lower()
        ]
    if not summaries:
        raise NothingFound("invoice", reference)
    return summaries[0]


async def open_invoice_for(
    gateway: StripeGateway, scope: CustomerScope, number: str | None, amount: Money | None
) -> InvoiceSummary | None:
    """The open invoice a payment is for: the one with this number, else the newest one that
    asks exactly `amount`, else (no amount given) the newest one asking anything."""
    if number:
        try:
            found = await find_invoice(gateway, scope, number)
        except NothingFound:
            return None
        return found if found.status == "open" else None
    for invoice in await list_invoices(gateway, scope, limit=20):
        if invoice.status != "open" or invoice.amount_due.amount_minor <= 0:
            continue
        if amount is None or invoice.amount_due == amount:
            return invoice
    return None


def month_bounds(year: int, month: int, tz: tzinfo = UTC, *, months: int = 1) -> tuple[int, int]:
    """The Unix timestamps where a calendar month starts and where the month `months` after it
    starts (the end of a quarter for 3, of a year for 12)."""
    start = datetime(year, month, 1, tzinfo=tz)
    after = year * 12 + month - 1 + months
    end = datetime(after // 12, after % 12 + 1, 1, tzinfo=tz)
    return int(start.timestamp()), int(end.timestamp())


async def invoices_in_month(
    gateway: StripeGateway,
    scope: CustomerScope,
    year: int,
    month: int,
    *,
    months: int = 1,
    tz: tzinfo = UTC,
) -> list[InvoiceSummary]:
    """The scope's invoices created in a calendar month, or in the `months` months from it on
    (a quarter, a year), in `tz` (the workspace's timezone)."""
    start, end = month_bounds(year, month, tz, months=months)
    invoices = await _scope_invoices(gateway, scope, MAX_SCANNED, (start, end))
    # Stripe filters by `created` already; checked again so the answer never depends on it.
    return sent_summaries([invoice for invoice in invoices if start <= invoice.created < end])
