"""Subscriptions of the scope: their status, and cancelling one at the end of its period.

Cancelling only ever sets `cancel_at_period_end`: the customer keeps what they paid for, and
the business can undo it in the Dashboard. Nothing here cancels immediately.
"""

from __future__ import annotations

import stripe
import structlog

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.errors import StripeFailure
from knowreply.integrations.stripe.models import CancellationResult, SubscriptionSummary

from ._stripe import across_scope, id_of, idempotency_key, owned, translated
from .errors import ChoiceNeeded, NothingFound
from .scope import CustomerScope, current_subscriptions_read
from .views import at, subscription_summary

log = structlog.get_logger(__name__)

CURRENT = ("active", "trialing", "past_due", "unpaid", "paused")
"""Statuses of a subscription that has not ended, listed first."""
ENDED = ("canceled", "incomplete_expired")


async def _product_names(
    gateway: StripeGateway, subscriptions: list[stripe.Subscription]
) -> dict[str, str]:
    """Product id -> name, with one request for every name not cached. A key that may not
    read products gets the price nicknames instead.

    (Listing subscriptions cannot expand `data.items.data.price.product`: five levels, and
    Stripe expands four.)
    """
    ids = {
        product_id
        for subscription in subscriptions
        for item in subscription["items"].data
        if (product_id := id_of(item.price.product)) is not None
    }
    names = gateway.cache.product_names(ids)
    unknown = sorted(ids - names.keys())
    if not unknown:
        return names
    try:
        with translated():
            listed = await gateway.client.v1.products.list_async(
                {"ids": unknown, "limit": min(len(unknown), 100)}
            )
    except StripeFailure as failure:
        if failure.reason != "missing_permission":
            raise
        log.warning("stripe.product.unreadable", detail=failure.message)
        return names
    found = {product.id: product.name for product in listed.data}
    gateway.cache.remember_product_names(found)
    return {**names, **found}


async def _listed_subscriptions(
    gateway: StripeGateway, scope: CustomerScope
) -> list[stripe.Subscription]:
    service = gateway.client.v1.subscriptions
    return await across_scope(
        scope,
        lambda customer_id: service.list_async(
            {"customer": customer_id, "status": "all", "limit": 100}
        ),
    )


def _brought_along(gateway: StripeGateway, scope: CustomerScope) -> list[stripe.Subscription]:
    """The scope's current subscriptions the customer lookup brought along (see
    `find_customers`); empty when it did not, for any customer of the scope."""
    found: list[stripe.Subscription] = []
    for customer in scope.customers:
        kept = gateway.kept_read(current_subscriptions_read(customer.id))
        if kept is None:
            return []
        found.extend(kept)
    found.sort(key=lambda subscription: int(subscription.created), reverse=True)
    return found


async def scope_subscriptions(
    gateway: StripeGateway, scope: CustomerScope
) -> list[stripe.Subscription]:
    """The scope's current subscriptions as the lookup brought them, or when it brought none,
    every subscription (ended ones too: the answer then says what ended, and when)."""
    return _brought_along(gateway, scope) or await _listed_subscriptions(gateway, scope)


async def list_subscriptions(
    gateway: StripeGateway, scope: CustomerScope
) -> list[SubscriptionSummary]:
    """Every subscription of the scope: current ones (active, trialing, past due…) first, then
    ended ones, each group newest first."""
    found = await scope_subscriptions(gateway, scope)
    names = await _product_names(gateway, found)
    found.sort(key=lambda subscription: subscription.status not in CURRENT)  # stable
    return [subscription_summary(subscription, names) for subscription in found]


async def _subscription_to_cancel(
    gateway: StripeGateway, scope: CustomerScope, subscription_id: str | None
) -> stripe.Subscription:
    if subscription_id is not None:
        service = gateway.client.v1.subscriptions
        wanted = subscription_id.strip()
        return await owned(scope, "subscription", wanted, lambda: service.retrieve_async(wanted))
    current = [s for s in await scope_subscriptions(gateway, scope) if s.status in CURRENT]
    if not current:
        raise NothingFound("subscription")
    if len(current) > 1:
        names = await _product_names(gateway, current)
        raise ChoiceNeeded(tuple(subscription_summary(s, names) for s in current))
    return current[0]


def _already_cancelling(subscription: stripe.Subscription) -> CancellationResult:
    """No write: the subscription ends (or ended) already; say when."""
    summary = subscription_summary(subscription, {})
    ended = subscription.ended_at or subscription.canceled_at
    ends_at = at(ended) if subscription.status in ENDED and ended is not None else None
    return CancellationResult(
        subscription_id=subscription.id,
        already_cancelling=True,
        service_ends_at=ends_at or summary.cancel_at or summary.current_period_end,
    )


async def subscription_to_cancel(
    gateway: StripeGateway, scope: CustomerScope, subscription_id: str | None = None
) -> SubscriptionSummary | CancellationResult:
    """Which subscription a cancellation is about, decided without writing: the given one of
    the scope, or the scope's only current one (`ChoiceNeeded` when there are several,
    `NothingFound` when none). One already cancelling (or ended) gives the no-write result."""
    subscription = await _subscription_to_cancel(gateway, scope, subscription_id)
    if (
        subscription.cancel_at_period_end
        or subscription.cancel_at is not None
        or subscription.status in ENDED
    ):
        return _already_cancelling(subscription)
    return subscription_summary(subscription, {})


async def cancel_at_period_end(
    gateway: StripeGateway,
    scope: CustomerScope,
    subscription_id: str | None = None,
    *,
    idempotency_seed: str,
) -> CancellationResult:
    """Set a subscription of the scope to cancel when its paid period ends.

    With no id, the scope's only current subscription (`ChoiceNeeded` when there are several).
    A subscription already cancelling (or ended) is left alone: `already_cancelling=True`.
    """
    subscription = await _subscription_to_cancel(gateway, scope, subscription_id)
    if (
        subscription.cancel_at_period_end
        or subscription.cancel_at is not None
        or subscription.status in ENDED
    ):
        return _already_cancelling(subscription)
    key = idempotency_key(idempotency_seed, "cancel_at_period_end", subscription.id)
    with translated():
        updated = await gateway.client.v1.subscriptions.update_async(
            subscription.id, {"cancel_at_period_end": True}, {"idempotency_key": key}
        )
    log.info("stripe.subscription.cancel_at_period_end", subscription_id=updated.id)
    summary = subscription_summary(updated, {})
    return CancellationResult(
        subscription_id=updated.id,
        already_cancelling=False,
        service_ends_at=summary.cancel_at or summary.current_period_end,
    )
