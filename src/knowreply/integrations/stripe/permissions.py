"""The Stripe permissions knowreply needs, probing a key for them, and naming what is missing.

Restricted keys carry `rak_*` permissions; Stripe's Dashboard shows them as "Refunds: Write".
A probe makes harmless requests: reads list one object, writes send a request Stripe refuses
for its content (an id that does not exist) after it has checked the permission, so a 404 or
400 means "permitted" and a 403 means "missing".
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

import stripe

Level = Literal["read", "write"]
Probe = Callable[[stripe.StripeClient], Awaitable[Any]]

_PROBE_ID = "knowreplypermissionprobe"

RESOURCE_NAMES: dict[str, str] = {
    "customer": "Customers",
    "charge": "Charges",
    "invoice": "Invoices",
    "subscription": "Subscriptions",
    "payment_intent": "Payment Intents",
    "balance_transaction_source": "Balance Transactions",
    "balance": "Balance",
    "payment_method": "Payment Methods",
    "refund": "Refunds",
    "plan": "Prices",
    "product": "Products",
    "payment_link": "Payment Links",
    "billing_portal_session": "Customer portal",
}
"""`rak_<stem>_<level>` stems and the resource names the Stripe Dashboard shows for them."""


@dataclass(frozen=True)
class RequiredPermission:
    stem: str
    level: Level
    probe: Probe

    @property
    def resource(self) -> str:
        """As the Dashboard names it: `Refunds`."""
        return RESOURCE_NAMES[self.stem]

    @property
    def rak(self) -> str:
        """Stripe's permission name: `rak_refund_write`."""
        return f"rak_{self.stem}_{self.level}"

    @property
    def label(self) -> str:
        """`Refunds: Write`, as the Dashboard shows it."""
        return f"{self.resource}: {self.level.capitalize()}"


def _read(list_method: Callable[[stripe.StripeClient], Any]) -> Probe:
    async def probe(client: stripe.StripeClient) -> Any:
        return await list_method(client).list_async(params={"limit": 1})

    return probe


async def _subscription_write(client: stripe.StripeClient) -> Any:
    return await client.v1.subscriptions.update_async(f"sub_{_PROBE_ID}")


async def _payment_method_read(client: stripe.StripeClient) -> Any:
    return await client.v1.payment_methods.list_async(
        params={"customer": f"cus_{_PROBE_ID}", "limit": 1}
    )


async def _payment_method_write(client: stripe.StripeClient) -> Any:
    return await client.v1.payment_methods.detach_async(f"pm_{_PROBE_ID}")


async def _refund_write(client: stripe.StripeClient) -> Any:
    return await client.v1.refunds.create_async(params={"charge": f"ch_{_PROBE_ID}"})


async def _price_write(client: stripe.StripeClient) -> Any:
    # No amount and no product: Stripe refuses it for its content, after the permission check.
    return await client.v1.prices.create_async(params={"currency": "usd"})


async def _payment_link_write(client: stripe.StripeClient) -> Any:
    return await client.v1.payment_links.create_async(
        params={"line_items": [{"price": f"price_{_PROBE_ID}", "quantity": 1}]}
    )


async def _portal_write(client: stripe.StripeClient) -> Any:
    return await client.v1.billing_portal.sessions.create_async(
        params={"customer": f"cus_{_PROBE_ID}"}
    )


REQUIRED: tuple[RequiredPermission, ...] = (
    RequiredPermission("customer", "read", _read(lambda c: c.v1.customers)),
    RequiredPermission("charge", "read", _read(lambda c: c.v1.charges)),
    RequiredPermission("invoice", "read", _read(lambda c: c.v1.invoices)),
    RequiredPermission("subscription", "read", _read(lambda c: c.v1.subscriptions)),
    RequiredPermission("subscription", "write", _subscription_write),
    RequiredPermission("payment_intent", "read", _read(lambda c: c.v1.payment_intents)),
    RequiredPermission(
        "balance_transaction_source", "read", _read(lambda c: c.v1.balance_transactions)
    ),
    RequiredPermission("payment_method", "read", _payment_method_read),
    RequiredPermission("payment_method", "write", _payment_method_write),
    RequiredPermission("refund", "write", _refund_write),
    RequiredPermission("plan", "write", _price_write),
    RequiredPermission("payment_link", "write", _payment_link_write),
    RequiredPermission("billing_portal_session", "write", _portal_write),
)
"""Every permission knowreply's capabilities can use; a capability needs a subset."""

ProbeStatus = Literal["granted", "missing", "unknown"]


@dataclass(frozen=True)
class ProbeResult:
    permission: RequiredPermission
    status: ProbeStatus
    detail: str | None = None
    """Why the status is `unknown` (Stripe unreachable, rate limited…)."""


@dataclass(frozen=True)
class PermissionReport:
    results: tuple[ProbeResult, ...]

    @property
    def missing(self) -> tuple[RequiredPermission, ...]:
        return tuple(r.permission for r in self.results if r.status == "missing")

    @property
    def granted(self) -> tuple[RequiredPermission, ...]:
        return tuple(r.permission for r in self.results if r.status == "granted")

    @property
    def unknown(self) -> tuple[ProbeResult, ...]:
        return tuple(r for r in self.results if r.status == "unknown")

    @property
    def complete(self) -> bool:
        """Every permission was checked and is granted."""
        return all(r.status == "granted" for r in self.results)

    def missing_messages(self) -> list[str]:
        """`["Refunds: Write", …]`, as the Stripe Dashboard names them."""
        return [permission.label for permission in self.missing]


async def _probe_one(client: stripe.StripeClient, permission: RequiredPermission) -> ProbeResult:
    try:
        await permission.probe(client)
    except stripe.PermissionError:
        return ProbeResult(permission, "missing")
    except stripe.InvalidRequestError:
        return ProbeResult(permission, "granted")  # refused for its content, so permitted
    except stripe.AuthenticationError:
        raise
    except stripe.StripeError as error:
        return ProbeResult(permission, "unknown", type(error).__name__)
    return ProbeResult(permission, "granted")


async def probe_permissions(
    client: stripe.StripeClient,
    permissions: tuple[RequiredPermission, ...] = REQUIRED,
) -> PermissionReport:
    """Check a key's permissions, one harmless request each, one after the other.

    Raises `stripe.AuthenticationError` when the key itself is refused.
    """
    results = [await _probe_one(client, permission) for permission in permissions]
    return PermissionReport(tuple(results))


_HAVING = re.compile(r"Having the '(rak_[a-z_]+?)_(read|write)' permission")


def permission_label(rak: str) -> str | None:
    """`rak_refund_write` -> `Refunds: Write`; None when the name is not a `rak_*` one."""
    found = re.fullmatch(r"rak_([a-z_]+?)_(read|write)", rak)
    if found is None:
        return None
    stem, level = found.groups()
    resource = RESOURCE_NAMES.get(stem, stem.replace("_", " ").capitalize())
    return f"{resource}: {level.capitalize()}"


def describe_permission_error(message: str) -> str | None:
    """Turn Stripe's 403 text into what to do: enable "Refunds: Write" on the key."""
    found = _HAVING.search(message)
    if found is None:
        return None
    label = permission_label(f"{found[1]}_{found[2]}")
    return f"Enable {label} on your restricted key in Stripe Dashboard > Developers > API keys"
