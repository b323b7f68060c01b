"""/v1/payment_methods: a customer's saved cards; attach and detach."""

from __future__ import annotations

from ..errors import StripeError
from ..routing import Call, filtered, page, route
from ..store import StripeObject

READ, WRITE = "rak_payment_method_read", "rak_payment_method_write"


def _customer_cards(call: Call, customer_id: str | None) -> StripeObject:
    found = filtered(
        call.ledger.all("payment_method"), customer=customer_id, type=call.text("type")
    )
    if customer_id is None:
        found = (pm for pm in found if pm["customer"] is not None)
    return page(call, found, "/v1/payment_methods")


@route("GET", "/v1/payment_methods", READ)
def list_payment_methods(call: Call) -> StripeObject:
    customer_id = call.text("customer")
    if customer_id is not None:
        call.ledger.get(customer_id, "customer", param="customer")
    return _customer_cards(call, customer_id)


@route("GET", "/v1/customers/{customer}/payment_methods", READ)
def list_customer_payment_methods(call: Call) -> StripeObject:
    customer_id = call.ledger.get(call.path["customer"], "customer")["id"]
    return _customer_cards(call, customer_id)


@route("GET", "/v1/payment_methods/{pm}", READ)
def retrieve_payment_method(call: Call) -> StripeObject:
    return call.ledger.get(call.path["pm"], "payment_method")


@route("POST", "/v1/payment_methods/{pm}/attach", WRITE)
def attach_payment_method(call: Call) -> StripeObject:
    pm = call.ledger.get(call.path["pm"], "payment_method")
    customer_id = call.required("customer")
    call.ledger.get(customer_id, "customer", param="customer")
    if pm["customer"] not in (None, customer_id):
        raise StripeError(
            status=400,
            message="The payment method you provided has already been attached to a customer.",
        )
    pm["customer"] = customer_id
    return pm


@route("POST", "/v1/payment_methods/{pm}/detach", WRITE)
def detach_payment_method(call: Call) -> StripeObject:
    pm = call.ledger.get(call.path["pm"], "payment_method")
    if pm["customer"] is None:
        raise StripeError(
            status=400,
            message="The payment method you provided is not attached to a customer so "
            "detachment is impossible.",
        )
    pm["customer"] = None
    return pm


ROUTES = (
    list_payment_methods,
    list_customer_payment_methods,
    retrieve_payment_method,
    attach_payment_method,
    detach_payment_method,
)
