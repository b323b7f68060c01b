"""Links sent to customers: /v1/payment_links and /v1/billing_portal/sessions."""

from __future__ import annotations

from typing import Any

from .. import objects
from ..errors import StripeError, missing_param
from ..routing import Call, route
from ..store import StripeObject

PAYMENT_LINK_READ, PAYMENT_LINK_WRITE = "rak_payment_link_read", "rak_payment_link_write"
PORTAL_WRITE = "rak_customer_portal_write"


@route("POST", "/v1/payment_links", PAYMENT_LINK_WRITE)
def create_payment_link(call: Call) -> StripeObject:
    items: Any = call.params.get("line_items")
    if not isinstance(items, list) or not items or not isinstance(items[0], dict):
        raise missing_param("line_items")
    if len(items) > 1:
        raise StripeError(
            status=400,
            message="The fake Stripe server supports one line item per payment link.",
            param="line_items",
        )
    first: dict[str, Any] = items[0]
    price_id = first.get("price")
    if not price_id:
        raise missing_param("line_items[0][price]")
    call.ledger.get(str(price_id), "price", param="line_items[0][price]")
    quantity_text = str(first.get("quantity") or "")
    if not quantity_text.isdigit() or int(quantity_text) < 1:
        raise StripeError(
            status=400,
            code="parameter_missing" if not quantity_text else "parameter_invalid_integer",
            message="Missing required param: line_items[0][quantity].",
            param="line_items[0][quantity]",
        )
    return objects.payment_link(call.ledger, price_id=str(price_id), quantity=int(quantity_text))


@route("GET", "/v1/payment_links/{link}", PAYMENT_LINK_READ)
def retrieve_payment_link(call: Call) -> StripeObject:
    return call.ledger.get(call.path["link"], "payment_link")


@route("POST", "/v1/billing_portal/sessions", PORTAL_WRITE)
def create_portal_session(call: Call) -> StripeObject:
    customer_id = call.required("customer")
    # The configuration is checked before the customer here; on real Stripe the order is not
    # documented, so the product also catches the error when it makes a real session.
    if call.text("configuration") is None and not call.ledger.portal_configured:
        raise portal_not_configured(call.ledger.mode)
    call.ledger.get(customer_id, "customer", param="customer")
    return objects.portal_session(
        call.ledger, customer_id=customer_id, return_url=call.text("return_url")
    )


def portal_not_configured(mode: str) -> StripeError:
    """Stripe's answer before the Customer portal settings were saved in this mode."""
    path = "test/settings/billing/portal" if mode == "test" else "settings/billing/portal"
    return StripeError(
        status=400,
        message=(
            f"No configuration provided and your {mode} mode default configuration has not "
            "been created. Provide a configuration or create your default by saving your "
            f"customer portal settings in {mode} mode at https://dashboard.stripe.com/{path}."
        ),
    )


ROUTES = (create_payment_link, retrieve_payment_link, create_portal_session)
