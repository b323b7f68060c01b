"""/v1/customers: list (exact, case-sensitive email filter), retrieve, create, search."""

from __future__ import annotations

from typing import Any

from .. import objects
from ..routing import Call, filtered, page, route
from ..store import StripeObject
from ._search import parse, search_result

READ, WRITE = "rak_customer_read", "rak_customer_write"


@route("GET", "/v1/customers", READ)
def list_customers(call: Call) -> StripeObject:
    # Stripe compares `email` exactly, case included: Bob@x.com does not find bob@x.com.
    found = filtered(call.ledger.all("customer"), email=call.text("email"))
    return page(call, found, "/v1/customers")


@route("GET", "/v1/customers/search", READ)
def search_customers(call: Call) -> StripeObject:
    matches = parse(call.required("query"), frozenset({"email", "name", "phone"}))
    limit = call.integer("limit", 10) or 10
    found = [
        obj for obj in call.ledger.all("customer") if call.ledger.searchable(obj) and matches(obj)
    ]
    return search_result(found[:limit], "/v1/customers/search")


@route("GET", "/v1/customers/{customer}", READ)
def retrieve_customer(call: Call) -> StripeObject:
    return call.ledger.get(call.path["customer"], "customer")


@route("POST", "/v1/customers", WRITE)
def create_customer(call: Call) -> StripeObject:
    metadata: Any = call.params.get("metadata")
    return objects.customer(
        call.ledger,
        email=call.text("email"),
        name=call.text("name"),
        description=call.text("description"),
        metadata=metadata if isinstance(metadata, dict) else None,
    )


ROUTES = (list_customers, search_customers, retrieve_customer, create_customer)
