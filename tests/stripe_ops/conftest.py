"""A gateway to a fresh demo-seeded fake Stripe, through the demo restricted key."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from fake_stripe import FakeStripe, fake_stripe
from fakestripe.seed import DEMO_RESTRICTED_KEY
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.keys import parse_key
from knowreply.integrations.stripe.ratelimit import SlidingWindowLimiter

__all__ = ["fake_stripe"]


@pytest.fixture
async def gateway(fake_stripe: FakeStripe) -> AsyncIterator[StripeGateway]:
    key = parse_key(DEMO_RESTRICTED_KEY)
    async with StripeGateway(key, SlidingWindowLimiter(20), api_base=fake_stripe.url) as opened:
        yield opened
