"""/v1/prices and /v1/products: what a payment link sells."""

from __future__ import annotations

from typing import Any

from .. import objects
from ..errors import StripeError, missing_param
from ..routing import Call, filtered, page, route
from ..store import StripeObject

# Stripe still names the Prices permission after the old Plans object.
PRICE_READ, PRICE_WRITE = "rak_plan_read", "rak_plan_write"
PRODUCT_READ, PRODUCT_WRITE = "rak_product_read", "rak_product_write"


def _product_for_price(call: Call) -> str:
    product_id = call.text("product")
    if product_id is not None:
        return str(call.ledger.get(product_id, "product", param="product")["id"])
    data: Any = call.params.get("product_data")
    if not isinstance(data, dict):
        raise StripeError(
            status=400,
            code="parameter_missing",
            message="You must specify either `product` or `product_data` when creating a price.",
        )
    name = data.get("name")
    if not name:
        raise missing_param("product_data[name]")
    # Whether real Stripe asks for Products: Write here is not documented; the fake asks, so
    # the product never relies on it not being asked.
    call.caller.require(PRODUCT_WRITE)
    return str(objects.product(call.ledger, name=str(name))["id"])


@route("POST", "/v1/prices", PRICE_WRITE)
def create_price(call: Call) -> StripeObject:
    currency = call.required("currency").lower()
    unit_amount = call.integer("unit_amount")
    if unit_amount is None:
        raise missing_param("unit_amount")
    if unit_amount < 0:
        raise StripeError(
            status=400,
            code="parameter_invalid_integer",
            message="This value must be greater than or equal to 0.",
            param="unit_amount",
        )
    recurring: Any = call.params.get("recurring")
    interval = recurring.get("interval") if isinstance(recurring, dict) else None
    return objects.price(
        call.ledger,
        product_id=_product_for_price(call),
        unit_amount=unit_amount,
        currency=currency,
        interval=interval,
    )


@route("GET", "/v1/prices", PRICE_READ)
def list_prices(call: Call) -> StripeObject:
    found = filtered(call.ledger.all("price"), product=call.text("product"))
    return page(call, found, "/v1/prices")


@route("GET", "/v1/prices/{price}", PRICE_READ)
def retrieve_price(call: Call) -> StripeObject:
    return call.ledger.get(call.path["price"], "price")


@route("POST", "/v1/products", PRODUCT_WRITE)
def create_product(call: Call) -> StripeObject:
    return objects.product(call.ledger, name=call.required("name"))


@route("POST", "/v1/products/{product}", PRODUCT_WRITE)
def update_product(call: Call) -> StripeObject:
    product = call.ledger.get(call.path["product"], "product")
    name = call.text("name")
    if name is not None:
        product["name"] = name
    return product


@route("GET", "/v1/products", PRODUCT_READ)
def list_products(call: Call) -> StripeObject:
    wanted: Any = call.params.get("ids")
    found = list(call.ledger.all("product"))
    if isinstance(wanted, list):
        found = [product for product in found if product["id"] in wanted]
    return page(call, found, "/v1/products")


@route("GET", "/v1/products/{product}", PRODUCT_READ)
def retrieve_product(call: Call) -> StripeObject:
    return call.ledger.get(call.path["product"], "product")


ROUTES = (
    create_price,
    list_prices,
    retrieve_price,
    create_product,
    update_product,
    list_products,
    retrieve_product,
)
