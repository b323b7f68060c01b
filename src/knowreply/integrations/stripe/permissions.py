"""The Stripe permissions knowreply needs, probing a key for them, and naming what is missing.

Restricted keys carry `rak_*` permissions; Stripe's Dashboard shows them as "Refunds: Write".
A probe makes harmless requests: reads list one object, writes send a request Stripe refuses
for its content (an id that does not exist) after it has checked the permission. A 403 that
names a `rak_*` permission means "missing"; a 400 or 404 means the permission check passed
("granted"); anything else (a 403 for another reason, a 429, an outage) is "unknown" with the
reason, never counted as either.

`REQUIRED` is exactly what the capabilities use (see `capabilities.py`); `NOT_NEEDED` are
permissions earlier versions of the setup guide asked for, probed read-only or harmlessly so
the Toolkit can say a key holds more than it needs.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
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
    "customer_portal": "Customer portal",
    "invoice_payment": "Invoice Payments",
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


async def _product_write(client: stripe.StripeClient) -> Any:
    # A product update of an id that does not exist: refused for its content, changes nothing.
    return await client.v1.products.update_async(f"prod_{_PROBE_ID}")


async def _price_write(client: stripe.StripeClient) -> Any:
    # No amount and no product: Stripe refuses it for its content, after the permission check.
    return await client.v1.prices.create_async(params={"currency": "usd"})


async def _payment_link_write(client: stripe.StripeClient) -> Any:
    return await client.v1.payment_links.create_async(
        params={"line_items": [{"price": f"price_{_PROBE_ID}", "quantity": 1}]}
    )


async def _product_read(client: stripe.StripeClient) -> Any:
    return await client.v1.products.retrieve_async(f"prod_{_PROBE_ID}")


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
    RequiredPermission("product", "read", _product_read),
    RequiredPermission("refund", "write", _refund_write),
    RequiredPermission("plan", "write", _price_write),
    RequiredPermission("product", "write", _product_write),
    RequiredPermission("payment_link", "write", _payment_link_write),
    RequiredPermission("customer_portal", "write", _portal_write),
)
"""Every permission knowreply's capabilities use; a capability needs a subset."""

NOT_NEEDED: tuple[RequiredPermission, ...] = (
    RequiredPermission(
        "balance_transaction_source", "read", _read(lambda c: c.v1.balance_transactions)
    ),
    RequiredPermission("payment_method", "read", _payment_method_read),
    RequiredPermission("payment_method", "write", _payment_method_write),
)
"""Asked for by earlier setup guides and used by nothing (Payment Methods: Write can detach a
customer's card): a key holding them still works, and the Toolkit marks them "not needed"."""

BY_RAK: dict[str, RequiredPermission] = {p.rak: p for p in (*REQUIRED, *NOT_NEEDED)}

RENAMED: dict[str, str] = {"rak_billing_portal_session_write": "rak_customer_portal_write"}
"""Names earlier versions stored for a permission -> the name Stripe uses (see
docs/connecting-stripe.md): a key checked before the rename keeps what its check found."""


def current_names(found: Mapping[str, str]) -> dict[str, str]:
    """A stored check's findings under the permission names in use now."""
    return {RENAMED.get(name, name): state for name, state in found.items()}


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
        """Needed permissions the key lacks (a `NOT_NEEDED` one is never missing)."""
        return tuple(
            r.permission for r in self.results if r.status == "missing" and r.permission in REQUIRED
        )

    @property
    def portal_not_configured(self) -> bool:
        """The portal probe was refused because no Customer portal configuration is saved."""
        return any(r.detail is not None and _NO_PORTAL in r.detail for r in self.results)

    @property
    def granted(self) -> tuple[RequiredPermission, ...]:
        return tuple(r.permission for r in self.results if r.status == "granted")

    @property
    def unknown(self) -> tuple[ProbeResult, ...]:
        return tuple(r for r in self.results if r.status == "unknown")

    @property
    def complete(self) -> bool:
        """Every needed permission was checked and is granted."""
        return all(r.status == "granted" for r in self.results if r.permission in REQUIRED)

    def missing_messages(self) -> list[str]:
        """`["Refunds: Write", …]`, as the Stripe Dashboard names them."""
        return [permission.label for permission in self.missing]


async def _probe_one(client: stripe.StripeClient, permission: RequiredPermission) -> ProbeResult:
    try:
        await permission.probe(client)
    except stripe.PermissionError as error:
        if not permissions_named(error.user_message or ""):
            # A 403 that names no permission (an account restriction, a blocked key…).
            return ProbeResult(permission, "unknown", error.user_message or "refused (403)")
        return ProbeResult(permission, "missing")
    except stripe.InvalidRequestError as error:
        # Refused for its content, so the permission check passed; say why when it matters.
        return ProbeResult(permission, "granted", _content_refusal(error))
    except stripe.AuthenticationError:
        raise
    except stripe.StripeError as error:
        return ProbeResult(permission, "unknown", type(error).__name__)
    return ProbeResult(permission, "granted")


_NO_PORTAL = "default configuration has not been created"


def _content_refusal(error: stripe.InvalidRequestError) -> str | None:
    """What a granted probe learnt besides the permission: the portal is not configured."""
    text = error.user_message or ""
    return text if _NO_PORTAL in text else None


async def probe_permissions(
    client: stripe.StripeClient,
    permissions: tuple[RequiredPermission, ...] = (*REQUIRED, *NOT_NEEDED),
) -> PermissionReport:
    """Check a key's permissions, one harmless request each, one after the other.

    Raises `stripe.AuthenticationError` when the key itself is refused.
    """
    results = [await _probe_one(client, permission) for permission in permissions]
    return PermissionReport(tuple(results))


_HAVING = re.compile(r"Having the ((?:'rak_[a-z_]+', )*'rak_[a-z_]+') permissions? would allow")
"""Stripe's 403 names one permission ("Having the 'rak_refund_write' permission would allow
this request to continue") or every permission that would each allow it ("Having the
'rak_billing_cadence_read', 'rak_subscription_read' permissions would allow …")."""


def permissions_named(message: str) -> list[str]:
    """The `rak_*` names a Stripe 403 says would allow the request; [] when it names none
    (as "Having more permissions would allow this request to continue" does)."""
    found = _HAVING.search(message)
    return re.findall(r"'(rak_[a-z_]+)'", found[1]) if found else []


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
    named = permissions_named(message)
    if not named:
        return None
    # Of several that would each do, the one knowreply asks for (its Dashboard name is known).
    rak = next((name for name in named if name in BY_RAK), named[0])
    label = permission_label(rak) or rak
    return f"Enable {label} on your restricted key in Stripe Dashboard > Developers > API keys"
