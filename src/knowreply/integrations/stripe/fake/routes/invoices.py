"""/v1/invoices: list by customer, subscription or status, retrieve."""

from __future__ import annotations

from ..routing import Call, filtered, page, route
from ..store import StripeObject

READ = "rak_invoice_read"


@route("GET", "/v1/invoices", READ)
def list_invoices(call: Call) -> StripeObject:
    found = filtered(
        call.ledger.all("invoice"),
        customer=call.text("customer"),
        subscription=call.text("subscription"),
        status=call.text("status"),
    )
    return page(call, found, "/v1/invoices")


@route("GET", "/v1/invoices/{invoice}", READ)
def retrieve_invoice(call: Call) -> StripeObject:
    return call.ledger.get(call.path["invoice"], "invoice")


ROUTES = (list_invoices, retrieve_invoice)
