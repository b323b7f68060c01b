"""A burst of reads through one gateway stays within the workspace's limit of 20 per second."""

from __future__ import annotations

import asyncio
from datetime import datetime

from stripe_ops_support import scope_of

from fake_stripe import running_fake_stripe
from fakestripe.seed import DEMO_RESTRICTED_KEY
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.keys import parse_key
from knowreply.integrations.stripe.operations import payment_status
from knowreply.integrations.stripe.ratelimit import SlidingWindowLimiter


def _busiest_second(starts: list[datetime]) -> int:
    """The most requests the log shows in any window shorter than one second."""
    starts = sorted(starts)
    return max(
        sum(1 for later in starts[i:] if (later - first).total_seconds() < 1.0)
        for i, first in enumerate(starts)
    )


async def test_sixty_reads_never_exceed_twenty_a_second() -> None:
    with running_fake_stripe(seed="demo", rate_limit_per_second=25) as fake:
        key = parse_key(DEMO_RESTRICTED_KEY)
        async with StripeGateway(key, SlidingWindowLimiter(20), api_base=fake.url) as gateway:
            alice = await scope_of(gateway, "alice@example.com")
            await asyncio.sleep(1.0)  # the lookup's requests leave the window
            fake.control.clear_requests()

            answers = await asyncio.gather(*(payment_status(gateway, alice) for _ in range(60)))

        log = fake.control.requests()

    assert {answer.id for answer in answers} == {answers[0].id}
    assert len(log) == 60
    assert {entry["status"] for entry in log} == {200}  # the fake's own 25/s never answered 429
    assert _busiest_second([datetime.fromisoformat(entry["at"]) for entry in log]) <= 20
