"""The fake's REST routes, one module per Stripe resource."""

from __future__ import annotations

from ..routing import Route
from . import (
    account,
    balance,
    catalog,
    charges,
    customers,
    invoices,
    links,
    payment_intents,
    payment_methods,
    refunds,
    subscriptions,
)

ROUTES: tuple[Route, ...] = (
    *customers.ROUTES,
    *charges.ROUTES,
    *payment_intents.ROUTES,
    *refunds.ROUTES,
    *invoices.ROUTES,
    *subscriptions.ROUTES,
    *catalog.ROUTES,
    *links.ROUTES,
    *payment_methods.ROUTES,
    *balance.ROUTES,
    *account.ROUTES,
)
