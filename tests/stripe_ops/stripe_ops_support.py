"""Helpers the Stripe operations tests share: a scope by email, a policy, the fake's log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fake_stripe import FakeStripe
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.operations import CustomerScope, RefundPolicy, find_customers

SEED = "workspace-1:<message-1@mail.example.com>"
"""An idempotency seed as the pipeline makes it: workspace and inbound Message-ID."""


async def scope_of(gateway: StripeGateway, email: str) -> CustomerScope:
    lookup = await find_customers(gateway, email, mode="test")
    assert lookup.scope is not None, lookup.message
    return lookup.scope


def policy(*, cap_minor: int = 100_00, window_days: int = 60) -> RefundPolicy:
    return RefundPolicy(
        cap_minor=cap_minor, window_days=window_days, now=datetime.now(UTC), cap_currency="usd"
    )


def logged(fake: FakeStripe, method: str, path: str) -> list[dict[str, Any]]:
    """The fake's log entries of one method and path."""
    return [r for r in fake.control.requests() if (r["method"], r["path"]) == (method, path)]
