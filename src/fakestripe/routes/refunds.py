"""/v1/refunds: create against a charge or payment intent (never beyond what is left), list."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import format_currency, get_currency_precision

from .. import objects
from ..errors import StripeError
from ..routing import Call, filtered, page, route
from ..store import StripeObject

READ, WRITE = "rak_refund_read", "rak_refund_write"
REASONS = ("duplicate", "fraudulent", "requested_by_customer")


def _dollars(amount: int, currency: str) -> str:
    code = currency.upper()
    major = Decimal(amount).scaleb(-get_currency_precision(code))
    return format_currency(major, code, locale="en_US")


def _charge_to_refund(call: Call) -> StripeObject:
    charge_id, intent_id = call.text("charge"), call.text("payment_intent")
    if charge_id is None and intent_id is None:
        raise StripeError(
            status=400,
            code="parameter_missing",
            message="One of the following params should be provided for this request: "
            "payment_intent or charge.",
        )
    if charge_id is not None:
        return call.ledger.get(charge_id, "charge", param="charge")
    assert intent_id is not None
    intent = call.ledger.get(intent_id, "payment_intent", param="payment_intent")
    charge = call.ledger.find(intent.get("latest_charge") or "", "charge")
    if charge is None or intent["status"] != "succeeded":
        raise StripeError(
            status=400,
            code="charge_not_refundable",
            message=f"This PaymentIntent ({intent_id}) does not have a successful charge to "
            "refund.",
            param="payment_intent",
        )
    return charge


@route("POST", "/v1/refunds", WRITE)
def create_refund(call: Call) -> StripeObject:
    charge = _charge_to_refund(call)
    if charge["status"] != "succeeded":
        raise StripeError(
            status=400,
            code="charge_not_refundable",
            message=f"Charge {charge['id']} has not succeeded and cannot be refunded.",
        )
    remaining = charge["amount"] - charge["amount_refunded"]
    if remaining <= 0:
        raise StripeError(
            status=400,
            code="charge_already_refunded",
            message=f"Charge {charge['id']} has already been refunded.",
        )
    amount = call.integer("amount", remaining)
    assert amount is not None
    if amount <= 0:
        raise StripeError(
            status=400,
            code="parameter_invalid_integer",
            message="Invalid positive integer",
            param="amount",
        )
    if amount > remaining:
        # Stripe names both amounts in dollars-and-cents and sends no error code here.
        raise StripeError(
            status=400,
            message=f"Refund amount ({_dollars(amount, charge['currency'])}) is greater than "
            f"unrefunded amount on charge ({_dollars(remaining, charge['currency'])})",
            param="amount",
        )
    reason = call.text("reason")
    if reason is not None and reason not in REASONS:
        raise StripeError(
            status=400,
            code="parameter_invalid_empty",
            message=f"Invalid reason: must be one of {', '.join(REASONS)}",
            param="reason",
        )
    metadata: Any = call.params.get("metadata")
    return objects.refund(
        call.ledger,
        charge=charge,
        amount=amount,
        reason=reason,
        metadata=metadata if isinstance(metadata, dict) else None,
    )


@route("GET", "/v1/refunds", READ)
def list_refunds(call: Call) -> StripeObject:
    found = filtered(
        call.ledger.all("refund"),
        charge=call.text("charge"),
        payment_intent=call.text("payment_intent"),
    )
    return page(call, found, "/v1/refunds")


@route("GET", "/v1/refunds/{refund}", READ)
def retrieve_refund(call: Call) -> StripeObject:
    return call.ledger.get(call.path["refund"], "refund")


ROUTES = (create_refund, list_refunds, retrieve_refund)
