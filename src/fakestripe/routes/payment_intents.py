"""/v1/payment_intents: list by customer, retrieve."""

from __future__ import annotations

from ..routing import Call, filtered, page, route
from ..store import StripeObject

READ = "rak_payment_intent_read"


@route("GET", "/v1/payment_intents", READ)
def list_payment_intents(call: Call) -> StripeObject:
    found = filtered(call.ledger.all("payment_intent"), customer=call.text("customer"))
    return page(call, found, "/v1/payment_intents")


@route("GET", "/v1/payment_intents/{intent}", READ)
def retrieve_payment_intent(call: Call) -> StripeObject:
    return call.ledger.get(call.path["intent"], "payment_intent")


ROUTES = (list_payment_intents, retrieve_payment_intent)
