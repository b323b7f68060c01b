"""The seven things the agent may do with Stripe, each turned on or off by the business."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal


class CapabilityName(StrEnum):
    INVOICES = "invoices"
    SUBSCRIPTIONS = "subscriptions"
    PAYMENTS = "payments"
    REFUNDS = "refunds"
    PAYMENT_LINKS = "payment_links"
    PORTAL_LINKS = "portal_links"
    CANCELLATIONS = "cancellations"


@dataclass(frozen=True)
class Capability:
    name: CapabilityName
    label: str
    access: Literal["read", "write"]
    permissions: tuple[str, ...]
    """Stripe's `rak_*` permission names (see `permissions.py`) a restricted key must hold:
    exactly what the capability's requests use (a write also grants the read)."""

    @property
    def default_enabled(self) -> bool:
        """Reads are on by default; anything that changes Stripe is off until turned on."""
        return self.access == "read"


CAPABILITIES: dict[CapabilityName, Capability] = {
    c.name: c
    for c in (
        Capability(
            CapabilityName.INVOICES,
            "Look up invoices and payment history",
            "read",
            ("rak_customer_read", "rak_invoice_read", "rak_charge_read"),
        ),
        Capability(
            CapabilityName.SUBSCRIPTIONS,
            "Check subscription status",
            "read",
            ("rak_customer_read", "rak_subscription_read", "rak_product_read"),
        ),
        Capability(
            CapabilityName.PAYMENTS,
            "Check payment or charge status",
            "read",
            ("rak_customer_read", "rak_charge_read", "rak_payment_intent_read"),
        ),
        Capability(
            CapabilityName.REFUNDS,
            "Issue full or partial refunds",
            "write",
            (
                "rak_customer_read",
                "rak_charge_read",
                "rak_payment_intent_read",
                "rak_refund_write",
            ),
        ),
        Capability(
            CapabilityName.PAYMENT_LINKS,
            "Create payment links",
            "write",
            (
                "rak_customer_read",
                "rak_invoice_read",
                "rak_plan_write",
                "rak_product_write",
                "rak_payment_link_write",
            ),
        ),
        Capability(
            CapabilityName.PORTAL_LINKS,
            "Generate customer portal links",
            "write",
            ("rak_customer_read", "rak_customer_portal_write"),
        ),
        Capability(
            CapabilityName.CANCELLATIONS,
            "Cancel subscriptions at period end",
            "write",
            ("rak_customer_read", "rak_subscription_read", "rak_subscription_write"),
        ),
    )
}


def parse_capability(name: str) -> CapabilityName:
    """The capability for a stable name, or a ValueError listing the valid ones."""
    try:
        return CapabilityName(name.strip().lower())
    except ValueError:
        valid = ", ".join(CAPABILITIES)
        raise ValueError(f"unknown capability {name!r}; capabilities: {valid}") from None
