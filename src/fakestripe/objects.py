"""Builders for the Stripe objects the fake stores, shaped like Stripe's own samples."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .auth import ACCOUNT_ID
from .store import Ledger, StripeObject, token


def _base(ledger: Ledger, prefix: str, kind: str, created: int | None) -> StripeObject:
    return {
        "id": ledger.new_id(prefix),
        "object": kind,
        "created": ledger.now() if created is None else created,
        "livemode": ledger.livemode,
        "metadata": {},
    }


def _test_part(ledger: Ledger) -> str:
    return "" if ledger.livemode else "test_"


def customer(
    ledger: Ledger,
    *,
    email: str | None,
    name: str | None = None,
    description: str | None = None,
    metadata: dict[str, Any] | None = None,
    created: int | None = None,
) -> StripeObject:
    obj = _base(ledger, "cus", "customer", created)
    prefix = token(obj["id"], 8).upper()
    obj.update(
        email=email,
        name=name,
        description=description,
        metadata=metadata or {},
        balance=0,
        currency="usd",
        default_source=None,
        delinquent=False,
        invoice_prefix=prefix,
        next_invoice_sequence=1,
        phone=None,
        preferred_locales=[],
        tax_exempt="none",
        test_clock=None,
        invoice_settings={"default_payment_method": None, "custom_fields": None, "footer": None},
    )
    return ledger.put(obj)


def product(ledger: Ledger, *, name: str, created: int | None = None) -> StripeObject:
    obj = _base(ledger, "prod", "product", created)
    obj.update(
        name=name,
        active=True,
        description=None,
        default_price=None,
        images=[],
        marketing_features=[],
        type="service",
        updated=obj["created"],
        url=None,
    )
    return ledger.put(obj)


def price(
    ledger: Ledger,
    *,
    product_id: str,
    unit_amount: int,
    currency: str,
    interval: str | None = None,
    created: int | None = None,
) -> StripeObject:
    obj = _base(ledger, "price", "price", created)
    recurring = None
    if interval is not None:
        recurring = {
            "interval": interval,
            "interval_count": 1,
            "usage_type": "licensed",
            "meter": None,
            "trial_period_days": None,
        }
    obj.update(
        product=product_id,
        unit_amount=unit_amount,
        unit_amount_decimal=str(unit_amount),
        currency=currency,
        active=True,
        billing_scheme="per_unit",
        lookup_key=None,
        nickname=None,
        recurring=recurring,
        tax_behavior="unspecified",
        type="recurring" if recurring else "one_time",
    )
    return ledger.put(obj)


def payment_method(
    ledger: Ledger, *, customer_id: str | None, brand: str = "visa", last4: str = "4242"
) -> StripeObject:
    obj = _base(ledger, "pm", "payment_method", None)
    obj.update(
        type="card",
        customer=customer_id,
        allow_redisplay="unspecified",
        billing_details={"address": None, "email": None, "name": None, "phone": None},
        card={
            "brand": brand,
            "last4": last4,
            "exp_month": 8,
            "exp_year": 2030,
            "country": "US",
            "funding": "credit",
            "display_brand": brand,
        },
    )
    return ledger.put(obj)


@dataclass(frozen=True)
class Decline:
    """Why a card payment failed: Stripe's failure code, decline code and message."""

    failure_code: str
    reason: str
    message: str


DECLINES = {
    "insufficient_funds": Decline(
        "card_declined", "insufficient_funds", "Your card has insufficient funds."
    ),
    "generic_decline": Decline("card_declined", "generic_decline", "Your card was declined."),
    "expired_card": Decline("expired_card", "expired_card", "Your card has expired."),
}


def balance_transaction(
    ledger: Ledger,
    *,
    amount: int,
    currency: str,
    kind: str,
    source: str,
    created: int,
    description: str | None = None,
) -> StripeObject:
    obj = _base(ledger, "txn", "balance_transaction", created)
    fee = (amount * 29 + 5000) // 1000 + 30 if kind == "charge" else 0
    obj.pop("metadata")
    obj.update(
        amount=amount,
        currency=currency,
        type=kind,
        reporting_category=kind,
        source=source,
        fee=fee,
        net=amount - fee,
        status="available",
        available_on=created + 2 * 86400,
        description=description,
        exchange_rate=None,
        fee_details=[],
        balance_type="payments",
    )
    return ledger.put(obj)


def payment(
    ledger: Ledger,
    *,
    customer_id: str | None,
    amount: int,
    currency: str,
    status: str = "succeeded",
    decline: Decline | None = None,
    description: str | None = None,
    created: int | None = None,
    payment_method_id: str | None = None,
) -> tuple[StripeObject, StripeObject]:
    """A payment intent and the charge it made (succeeded, pending or failed)."""
    when = ledger.now() if created is None else created
    intent = _base(ledger, "pi", "payment_intent", when)
    charge = _base(ledger, "ch", "charge", when)
    card = {
        "brand": "visa",
        "last4": "4242",
        "exp_month": 8,
        "exp_year": 2030,
        "country": "US",
        "funding": "credit",
        "network": "visa",
    }
    if payment_method_id is not None:
        pm = ledger.find(payment_method_id, "payment_method")
        if pm is not None:
            card.update(brand=pm["card"]["brand"], last4=pm["card"]["last4"])
    succeeded = status == "succeeded"
    failed = status == "failed"
    if failed and decline is None:
        decline = DECLINES["generic_decline"]
    outcome = {
        "network_status": "approved_by_network" if not failed else "declined_by_network",
        "reason": decline.reason if decline else None,
        "risk_level": "normal",
        "seller_message": (
            f"The bank returned the decline code `{decline.reason}`."
            if decline
            else "Payment complete."
        ),
        "type": "issuer_declined" if failed else "authorized",
        "advice_code": None,
        "network_advice_code": None,
        "network_decline_code": None,
    }
    txn_id = None
    if succeeded:
        txn_id = balance_transaction(
            ledger,
            amount=amount,
            currency=currency,
            kind="charge",
            source=charge["id"],
            created=when,
            description=description,
        )["id"]
    charge.update(
        amount=amount,
        amount_captured=amount if succeeded else 0,
        amount_refunded=0,
        currency=currency,
        customer=customer_id,
        description=description,
        status=status,
        paid=succeeded,
        captured=succeeded,
        refunded=False,
        disputed=False,
        failure_code=decline.failure_code if decline else None,
        failure_message=decline.message if decline else None,
        outcome=outcome,
        payment_intent=intent["id"],
        payment_method=payment_method_id,
        payment_method_details={"type": "card", "card": card},
        balance_transaction=txn_id,
        receipt_email=None,
        receipt_number=None,
        receipt_url=(
            f"https://pay.stripe.com/receipts/payment/{token(charge['id'], 40)}"
            if succeeded
            else None
        ),
        billing_details={"address": None, "email": None, "name": None, "phone": None},
        fraud_details={},
        review=None,
        statement_descriptor=None,
    )
    last_error = None
    if failed and decline is not None:
        last_error = {
            "type": "card_error",
            "code": decline.failure_code,
            "decline_code": decline.reason,
            "message": decline.message,
            "charge": charge["id"],
        }
    intent.update(
        amount=amount,
        amount_received=amount if succeeded else 0,
        amount_capturable=0,
        currency=currency,
        customer=customer_id,
        description=description,
        status={"succeeded": "succeeded", "pending": "processing"}.get(
            status, "requires_payment_method"
        ),
        latest_charge=charge["id"],
        last_payment_error=last_error,
        payment_method=payment_method_id if not failed else None,
        payment_method_types=["card"],
        capture_method="automatic",
        client_secret=f"{intent['id']}_secret_{token(intent['id'], 24)}",
        canceled_at=None,
        cancellation_reason=None,
        next_action=None,
        receipt_email=None,
        setup_future_usage=None,
    )
    ledger.put(intent)
    ledger.put(charge)
    return intent, charge


def refund(
    ledger: Ledger,
    *,
    charge: StripeObject,
    amount: int,
    reason: str | None,
    metadata: dict[str, Any] | None,
    created: int | None = None,
) -> StripeObject:
    """A succeeded refund, recorded on the charge and in the balance."""
    obj = _base(ledger, "re", "refund", created)
    txn = balance_transaction(
        ledger,
        amount=-amount,
        currency=charge["currency"],
        kind="refund",
        source=obj["id"],
        created=obj["created"],
    )
    obj.update(
        amount=amount,
        charge=charge["id"],
        payment_intent=charge["payment_intent"],
        currency=charge["currency"],
        reason=reason,
        metadata=metadata or {},
        status="succeeded",
        balance_transaction=txn["id"],
        receipt_number=None,
        destination_details={"type": "card", "card": {"type": "reversal"}},
    )
    charge["amount_refunded"] += amount
    charge["refunded"] = charge["amount_refunded"] >= charge["amount"]
    return ledger.put(obj)


def invoice(
    ledger: Ledger,
    *,
    customer: StripeObject,
    amount: int,
    currency: str,
    status: str,
    description: str,
    created: int | None = None,
    subscription_id: str | None = None,
    charge: StripeObject | None = None,
    credit_applied: int = 0,
) -> StripeObject:
    """An invoice in the 2025-03-31 shape: the subscription under `parent`, the payment as
    an `invoice_payment` (no `charge`, `payment_intent` or `subscription` on the invoice).

    `credit_applied`: what the customer's credit balance paid (Stripe takes it off
    `amount_due` and shows it as `starting_balance` -> `ending_balance`). A paid invoice with
    no `charge` and something still due was paid outside Stripe (`paid_out_of_band`): its
    `amount_paid` counts it, and no invoice payment names a charge or payment intent."""
    obj = _base(ledger, "in", "invoice", created)
    draft = status == "draft"
    number = None
    if not draft:
        sequence = customer["next_invoice_sequence"]
        customer["next_invoice_sequence"] = sequence + 1
        number = f"{customer['invoice_prefix']}-{sequence:04d}"
    secret = token(obj["id"], 40)
    host = f"https://invoice.stripe.com/i/{ACCOUNT_ID}/{_test_part(ledger)}{secret}"
    due = amount - credit_applied
    paid = due if status == "paid" else 0
    parent = None
    if subscription_id is not None:
        parent = {
            "type": "subscription_details",
            "quote_details": None,
            "subscription_details": {"metadata": {}, "subscription": subscription_id},
        }
    line = {
        "id": ledger.new_id("il"),
        "object": "line_item",
        "amount": amount,
        "currency": currency,
        "description": description,
        "quantity": 1,
        "period": {"start": obj["created"], "end": obj["created"]},
        "livemode": ledger.livemode,
        "metadata": {},
        "invoice": obj["id"],
        "parent": None,
        "discount_amounts": [],
        "discountable": True,
        "discounts": [],
    }
    obj.update(
        customer=customer["id"],
        customer_email=customer["email"],
        customer_name=customer["name"],
        number=number,
        status=status,
        currency=currency,
        description=description,
        amount_due=due,
        amount_paid=paid,
        amount_overpaid=0,
        amount_remaining=due - paid,
        starting_balance=-credit_applied,
        ending_balance=None if draft else 0,
        subtotal=amount,
        total=amount,
        attempt_count=0 if draft else 1,
        attempted=not draft,
        auto_advance=draft or status == "open",
        automatically_finalizes_at=obj["created"] + 3600 if draft else None,
        collection_method="charge_automatically",
        billing_reason="subscription_cycle" if subscription_id else "manual",
        hosted_invoice_url=None if draft else host,
        invoice_pdf=None if draft else f"{host}/pdf?s=ap",
        parent=parent,
        period_start=obj["created"],
        period_end=obj["created"],
        due_date=None,
        lines={
            "object": "list",
            "data": [line],
            "has_more": False,
            "url": f"/v1/invoices/{obj['id']}/lines",
        },
        status_transitions={
            "paid_at": obj["created"] if status == "paid" else None,
            "finalized_at": None if draft else obj["created"],
            "marked_uncollectible_at": obj["created"] if status == "uncollectible" else None,
            "voided_at": obj["created"] if status == "void" else None,
        },
    )
    ledger.put(obj)
    if charge is not None:
        invoice_payment(ledger, invoice_obj=obj, charge=charge)
    return obj


def invoice_payment(
    ledger: Ledger, *, invoice_obj: StripeObject, charge: StripeObject
) -> StripeObject:
    """What links an invoice to the payment intent that paid it (or tried to)."""
    obj = _base(ledger, "inpay", "invoice_payment", charge["created"])
    obj.pop("metadata")
    paid = charge["status"] == "succeeded"
    obj.update(
        invoice=invoice_obj["id"],
        amount_paid=charge["amount"] if paid else None,
        amount_requested=charge["amount"],
        currency=charge["currency"],
        is_default=True,
        payment={"type": "payment_intent", "payment_intent": charge["payment_intent"]},
        status="paid" if paid else "open",
        status_transitions={"canceled_at": None, "paid_at": charge["created"] if paid else None},
    )
    return ledger.put(obj)


def subscription(
    ledger: Ledger,
    *,
    customer_id: str,
    price: StripeObject,
    status: str,
    period_start: int,
    period_end: int,
    trial_end: int | None = None,
    created: int | None = None,
) -> StripeObject:
    """A one-item subscription; the period lives on the item (no top-level period since
    2025-03-31)."""
    obj = _base(ledger, "sub", "subscription", created)
    item = {
        "id": ledger.new_id("si"),
        "object": "subscription_item",
        "created": obj["created"],
        "metadata": {},
        "price": price,
        "quantity": 1,
        "subscription": obj["id"],
        "current_period_start": period_start,
        "current_period_end": period_end,
        "discounts": [],
        "tax_rates": [],
    }
    obj.update(
        customer=customer_id,
        status=status,
        currency=price["currency"],
        items={
            "object": "list",
            "data": [item],
            "has_more": False,
            "url": f"/v1/subscription_items?subscription={obj['id']}",
        },
        cancel_at_period_end=False,
        cancel_at=None,
        canceled_at=None,
        ended_at=None,
        cancellation_details={"comment": None, "feedback": None, "reason": None},
        trial_start=obj["created"] if trial_end else None,
        trial_end=trial_end,
        start_date=obj["created"],
        billing_cycle_anchor=period_start,
        collection_method="charge_automatically",
        latest_invoice=None,
        default_payment_method=None,
        description=None,
        pause_collection=None,
    )
    return ledger.put(obj)


def payment_link(ledger: Ledger, *, price_id: str, quantity: int) -> StripeObject:
    obj = _base(ledger, "plink", "payment_link", None)
    obj.pop("created")
    obj.update(
        active=True,
        url=f"https://buy.stripe.com/{_test_part(ledger)}{token(obj['id'], 14)}",
        line_items={
            "object": "list",
            "has_more": False,
            "data": [{"price": price_id, "quantity": quantity}],
            "url": f"/v1/payment_links/{obj['id']}/line_items",
        },
        currency=None,
        allow_promotion_codes=False,
        customer_creation="if_required",
    )
    return ledger.put(obj)


def portal_session(ledger: Ledger, *, customer_id: str, return_url: str | None) -> StripeObject:
    obj = _base(ledger, "bps", "billing_portal.session", None)
    obj.pop("metadata")
    obj.update(
        customer=customer_id,
        return_url=return_url,
        configuration="bpc_" + token("bpc"),
        locale=None,
        on_behalf_of=None,
        flow=None,
        url=f"https://billing.stripe.com/p/session/{_test_part(ledger)}{token(obj['id'], 24)}",
    )
    return ledger.put(obj)
