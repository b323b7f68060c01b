"""/v1/charges: list by customer or payment intent, retrieve."""

from __future__ import annotations

from ..routing import Call, filtered, page, route
from ..store import StripeObject

READ = "rak_charge_read"


@route("GET", "/v1/charges", READ)
def list_charges(call: Call) -> StripeObject:
    found = filtered(
        call.ledger.all("charge"),
        customer=call.text("customer"),
        payment_intent=call.text("payment_intent"),
    )
    return page(call, found, "/v1/charges")


@route("GET", "/v1/charges/{charge}", READ)
def retrieve_charge(call: Call) -> StripeObject:
    return call.ledger.get(call.path["charge"], "charge")


ROUTES = (list_charges, retrieve_charge)
