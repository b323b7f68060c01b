"""The Stripe operations the agent's tools call, each bound to the verified customer scope.

Build the scope once per email with `find_customers`, then pass it to every operation; no
operation takes a customer id or email from anywhere else, and any object id it receives is
checked to belong to the scope before it is read further or changed.
"""

from .errors import ChoiceNeeded, NothingFound
from .invoices import (
    find_invoice,
    invoices_in_month,
    latest_invoice,
    list_invoices,
    open_invoice_for,
)
from .links import (
    invoice_payment_link,
    payment_link_for_amount,
    payment_link_for_price,
    portal_link,
)
from .payments import (
    LATEST,
    duplicate_charge,
    invoice_for_payment,
    payment_history,
    payment_status,
    payments_of_amount,
)
from .proration import NotProratable, counted_share, unused_part
from .refunds import (
    RefundPlan,
    RefundPolicy,
    RefundRefusal,
    RefundRefusalReason,
    check_refund,
    refund,
)
from .scope import CustomerScope, ScopeLookup, find_customers
from .subscriptions import cancel_at_period_end, list_subscriptions, subscription_to_cancel

__all__ = [
    "LATEST",
    "ChoiceNeeded",
    "CustomerScope",
    "NotProratable",
    "NothingFound",
    "RefundPlan",
    "RefundPolicy",
    "RefundRefusal",
    "RefundRefusalReason",
    "ScopeLookup",
    "cancel_at_period_end",
    "check_refund",
    "counted_share",
    "duplicate_charge",
    "find_customers",
    "find_invoice",
    "invoice_for_payment",
    "invoice_payment_link",
    "invoices_in_month",
    "latest_invoice",
    "list_invoices",
    "list_subscriptions",
    "open_invoice_for",
    "payment_history",
    "payment_link_for_amount",
    "payment_link_for_price",
    "payment_status",
    "payments_of_amount",
    "portal_link",
    "refund",
    "subscription_to_cancel",
    "unused_part",
]
