"""Links sent to a customer: an open invoice's own page, a payment link for an amount that is
no invoice, a customer portal session.

An open invoice is paid on its hosted page (`hosted_invoice_url`): a new Payment Link for the
same amount would leave the invoice open, the subscription past due, and Stripe's retries
could charge the customer a second time.
"""

from __future__ import annotations

import structlog
from stripe.params.billing_portal import SessionCreateParams

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.models import (
    InvoiceSummary,
    PaymentLinkResult,
    PortalLinkResult,
)
from knowreply.money import Money

from ._stripe import idempotency_key, translated
from .scope import CustomerScope
from .views import money

log = structlog.get_logger(__name__)

CUSTOMER_METADATA = "knowreply_customer"
"""Payment link metadata naming the scope's customer the link was made for."""


def invoice_payment_link(invoice: InvoiceSummary) -> PaymentLinkResult | None:
    """The open invoice's hosted page, where paying settles that very invoice (no request)."""
    if invoice.status != "open" or not invoice.hosted_invoice_url:
        return None
    return PaymentLinkResult(
        id=invoice.id,
        url=invoice.hosted_invoice_url,
        amount=invoice.amount_due,
        invoice_number=invoice.number,
    )


async def _payment_link(
    gateway: StripeGateway,
    scope: CustomerScope,
    price_id: str,
    amount: Money | None,
    *,
    idempotency_seed: str,
    bind_customer: bool,
) -> PaymentLinkResult:
    customer = scope.customer()
    metadata = {CUSTOMER_METADATA: customer.id} if bind_customer else {}
    key = idempotency_key(idempotency_seed, "payment_link", price_id, str(bind_customer))
    with translated():
        link = await gateway.client.v1.payment_links.create_async(
            {"line_items": [{"price": price_id, "quantity": 1}], "metadata": metadata},
            {"idempotency_key": key},
        )
    log.info("stripe.payment_link.create", payment_link_id=link.id, price_id=price_id)
    return PaymentLinkResult(id=link.id, url=link.url, price_id=price_id, amount=amount)


async def payment_link_for_amount(
    gateway: StripeGateway,
    scope: CustomerScope,
    amount: Money,
    product_name: str,
    *,
    idempotency_seed: str,
    bind_customer: bool = True,
) -> PaymentLinkResult:
    """A one-time payment link for `amount`; `product_name` is what the checkout page shows.

    The price is made first (with its product); `bind_customer` tags the link with the scope's
    first customer in metadata.
    """
    name = product_name.strip()
    if amount.amount_minor <= 0:
        raise ValueError("a payment link needs an amount above zero")
    if not name:
        raise ValueError("a payment link needs a product name to show on the checkout page")
    price_key = idempotency_key(
        idempotency_seed, "price", amount.amount_minor, amount.currency, name
    )
    with translated():
        price = await gateway.client.v1.prices.create_async(
            {
                "currency": amount.currency,
                "unit_amount": amount.amount_minor,
                "product_data": {"name": name},
            },
            {"idempotency_key": price_key},
        )
    return await _payment_link(
        gateway,
        scope,
        price.id,
        amount,
        idempotency_seed=idempotency_seed,
        bind_customer=bind_customer,
    )


async def payment_link_for_price(
    gateway: StripeGateway,
    scope: CustomerScope,
    price_id: str,
    *,
    idempotency_seed: str,
    bind_customer: bool = True,
) -> PaymentLinkResult:
    """A payment link for an existing price of the business's catalogue."""
    with translated():
        price = await gateway.client.v1.prices.retrieve_async(price_id.strip())
    amount = money(price.unit_amount, price.currency) if price.unit_amount is not None else None
    return await _payment_link(
        gateway,
        scope,
        price.id,
        amount,
        idempotency_seed=idempotency_seed,
        bind_customer=bind_customer,
    )


async def portal_link(
    gateway: StripeGateway,
    scope: CustomerScope,
    *,
    return_url: str | None = None,
    customer_id: str | None = None,
) -> PortalLinkResult:
    """A customer portal session for a customer of the scope (the given one, or the first).

    Send it only to a verified sender: whoever holds the link manages the billing. A
    `StripeFailure` with reason `portal_not_configured` means the business has not saved its
    Customer portal settings in Stripe for this mode: a person must do that first.
    """
    customer = scope.customer(customer_id)
    params: SessionCreateParams = {"customer": customer.id}
    if return_url:
        params["return_url"] = return_url
    with translated():
        session = await gateway.client.v1.billing_portal.sessions.create_async(params)
    log.info("stripe.portal_session.create", customer_id=customer.id)
    return PortalLinkResult(url=session.url, customer_id=customer.id)
