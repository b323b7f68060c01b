"""What every operation shares: Stripe errors translated, the scope check, idempotency keys."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import stripe
import structlog

from knowreply.integrations.stripe.errors import from_stripe_error

from .errors import NothingFound, ObjectKind

if TYPE_CHECKING:
    from .scope import CustomerScope

log = structlog.get_logger(__name__)

T = TypeVar("T", bound=stripe.StripeObject)

_ID_PREFIXES: dict[ObjectKind, tuple[str, ...]] = {
    "charge": ("ch_", "py_"),
    "payment_intent": ("pi_",),
    "invoice": ("in_",),
    "subscription": ("sub_",),
    "customer": ("cus_",),
}
_ID_BODY = re.compile(r"[A-Za-z0-9]{1,250}")


@contextmanager
def translated() -> Iterator[None]:
    """Turn any `stripe` SDK exception raised inside into a `StripeFailure`."""
    try:
        yield
    except stripe.StripeError as error:
        raise from_stripe_error(error) from error


def looks_like(kind: ObjectKind, object_id: str) -> bool:
    """Whether `object_id` has the form of a Stripe id of this kind (`ch_…`), nothing else."""
    prefix = next((p for p in _ID_PREFIXES[kind] if object_id.startswith(p)), None)
    return prefix is not None and _ID_BODY.fullmatch(object_id[len(prefix) :]) is not None


def field(obj: stripe.StripeObject, name: str) -> Any:
    """A field the API version in use may not send (None when absent)."""
    # A StripeObject is not a dict: it has no `.get`.
    return obj[name] if name in obj else None  # noqa: SIM401


def id_of(value: Any) -> str | None:
    """The id in an expandable field: the id itself, or the expanded object's."""
    if isinstance(value, str):
        return value
    if isinstance(value, stripe.StripeObject):
        found = field(value, "id")
        return found if isinstance(found, str) else None
    return None


def customer_id_of(obj: stripe.StripeObject) -> str | None:
    """The `customer` of a Stripe object, whether it is an id or an expanded customer."""
    return id_of(field(obj, "customer"))


async def owned(
    scope: CustomerScope, kind: ObjectKind, object_id: str, fetch: Callable[[], Awaitable[T]]
) -> T:
    """Fetch an object and return it only if its customer is in the scope.

    A malformed id, an id Stripe does not know and an id of another customer's object all
    raise the same `NothingFound`, so an answer never reveals that an object exists.
    """
    if not looks_like(kind, object_id):
        raise NothingFound(kind, object_id)
    try:
        obj = await fetch()
    except stripe.InvalidRequestError as error:
        if error.http_status == 404 or error.code == "resource_missing":
            raise NothingFound(kind, object_id) from None
        raise from_stripe_error(error) from error
    except stripe.StripeError as error:
        raise from_stripe_error(error) from error
    if customer_id_of(obj) not in scope.customer_ids:
        log.warning("stripe.scope.refused", kind=kind, object_id=object_id)
        raise NothingFound(kind, object_id)
    return obj


def idempotency_key(seed: str, action: str, *arguments: str | int) -> str:
    """Stripe's `Idempotency-Key` for one action: the same seed (workspace + inbound message)
    and arguments always give the same key, so a retried email never acts twice."""
    text = "\x1f".join([seed, action, *(str(argument) for argument in arguments)])
    return "kr-" + hashlib.sha256(text.encode()).hexdigest()


async def across_scope(
    scope: CustomerScope, fetch: Callable[[str], Awaitable[stripe.ListObject[T]]]
) -> list[T]:
    """One list request per customer of the scope, merged newest first."""
    found: list[T] = []
    for customer in scope.customers:
        with translated():
            page = await fetch(customer.id)
        found.extend(page.data)
    found.sort(key=lambda obj: int(obj["created"]), reverse=True)
    return found
