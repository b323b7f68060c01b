"""The customer scope: the Stripe customers whose email is the sender's, found once per email.

The model never chooses the customer: every operation takes a `CustomerScope` built here from
the sender's address, and no customer id or email from anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

import stripe
import structlog

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.errors import StripeFailure
from knowreply.integrations.stripe.keys import KeyMode
from knowreply.integrations.stripe.models import CustomerRef

from ._stripe import field, translated
from .errors import NothingFound

log = structlog.get_logger(__name__)

_MODE_HINTS: dict[KeyMode, str] = {
    "test": "The key is in test mode, so only test-mode customers are visible.",
    "live": "The key is in live mode, so only live-mode customers are visible.",
}


@dataclass(frozen=True)
class CustomerScope:
    """Who the operations may look at and act for: every customer sharing the sender's email."""

    email: str
    """The sender's address, as it came."""
    customers: tuple[CustomerRef, ...]

    def __post_init__(self) -> None:
        if not self.customers:
            raise ValueError("a customer scope holds at least one customer")

    @property
    def customer_ids(self) -> frozenset[str]:
        return frozenset(customer.id for customer in self.customers)

    def customer(self, customer_id: str | None = None) -> CustomerRef:
        """The given customer of the scope, or the first; `NothingFound` for any other id."""
        if customer_id is None:
            return self.customers[0]
        for customer in self.customers:
            if customer.id == customer_id:
                return customer
        raise NothingFound("customer", customer_id)


@dataclass(frozen=True)
class ScopeLookup:
    """The result of looking the sender up: a scope, or the words saying nobody matched."""

    email: str
    scope: CustomerScope | None
    message: str | None = None
    """`No Stripe customer found with email …` when nobody matched."""
    hint: str | None = None
    """Why a customer may be missing (the key's mode shows only that mode's customers)."""

    @property
    def found(self) -> bool:
        return self.scope is not None


def search_query(email: str) -> str:
    """Stripe's search query for an exact (case-insensitive) email, quotes escaped."""
    escaped = email.replace("\\", "\\\\").replace("'", "\\'")
    return f"email:'{escaped}'"


def _ref(customer: stripe.Customer) -> CustomerRef:
    return CustomerRef(
        id=customer.id, email=customer.email, name=customer.name, livemode=customer.livemode
    )


def current_subscriptions_read(customer_id: str) -> str:
    """The unit-of-work read name of a customer's current subscriptions (see `find_customers`)."""
    return f"current subscriptions {customer_id}"


async def find_customers(
    gateway: StripeGateway, email: str, *, mode: KeyMode, with_subscriptions: bool = False
) -> ScopeLookup:
    """Every customer whose email is `email`, ignoring case.

    Stripe's `customers.list(email=)` matches case-sensitively, so the exact address and its
    lower-cased form are listed; only when neither finds anyone does the search API
    (case-insensitive, but eventually consistent and limited to 20 requests a second) look
    for other spellings. A sender found lately is answered from the account's cache.

    `with_subscriptions` (for an email about subscriptions, from a key that may read them)
    has the list bring each customer's current subscriptions along (`expand[]`), kept for
    this unit of work only, so the answer needs no subscription list of its own.
    """
    address = email.strip()
    cached = gateway.cache.customers(address)
    if cached is not None:
        return ScopeLookup(email=address, scope=CustomerScope(address, cached))
    found: dict[str, CustomerRef] = {}
    expand = ["data.subscriptions"] if with_subscriptions else []
    with translated():
        for candidate in dict.fromkeys([address, address.lower()]):
            listed = await gateway.client.v1.customers.list_async(
                params={"email": candidate, "limit": 100, "expand": expand}
            )
            found.update((c.id, _ref(c)) for c in listed.data)
            for customer in listed.data:
                _keep_subscriptions(gateway, customer)
    if not found:
        found = await _searched(gateway, address)
    if not found:
        return ScopeLookup(
            email=address,
            scope=None,
            message=f"No Stripe customer found with email {address}",
            hint=_MODE_HINTS[mode],
        )
    customers = tuple(found.values())
    gateway.cache.remember_customers(address, customers)
    return ScopeLookup(email=address, scope=CustomerScope(address, customers))


def _keep_subscriptions(gateway: StripeGateway, customer: stripe.Customer) -> None:
    """A customer's expanded current subscriptions, when complete (no further page)."""
    embedded = field(customer, "subscriptions")
    if embedded is not None and not embedded.has_more:
        gateway.keep_read(current_subscriptions_read(customer.id), list(embedded.data))


async def _searched(gateway: StripeGateway, address: str) -> dict[str, CustomerRef]:
    try:
        with translated():
            searched = await gateway.client.v1.customers.search_async(
                params={"query": search_query(address), "limit": 100}
            )
    except StripeFailure as failure:
        # Search is not offered everywhere (Stripe has no search for accounts in India).
        if failure.reason != "invalid_request":
            raise
        log.warning("stripe.customer.search_unavailable", detail=failure.stripe_message)
        return {}
    wanted = address.lower()
    return {c.id: _ref(c) for c in searched.data if (c.email or "").lower() == wanted}
