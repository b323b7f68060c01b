"""A burst of reads through one gateway: does the limiter keep Stripe under the limit, and
how much of the limit does it use?"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime

from _fake import running_fake_stripe

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.keys import parse_key
from knowreply.integrations.stripe.ratelimit import SlidingWindowLimiter
from knowreply.logs import configure_logging

BURST = 100
LIMIT = 20


def most_in_one_second(stamps: list[float]) -> int:
    stamps.sort()
    best, start = 0, 0
    for end, stamp in enumerate(stamps):
        while stamp - stamps[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


async def burst(url: str) -> float:
    limiter = SlidingWindowLimiter(LIMIT)
    async with StripeGateway(parse_key(DEMO_RESTRICTED_KEY), limiter, url) as gateway:
        started = time.monotonic()
        await asyncio.gather(
            *(gateway.client.v1.customers.list_async(params={"limit": 1}) for _ in range(BURST))
        )
        return time.monotonic() - started


def main() -> None:
    configure_logging("warning")
    with running_fake_stripe(seed="demo") as fake:
        fake.control.clear_requests()
        elapsed = asyncio.run(burst(fake.url))
        log = [r for r in fake.control.requests() if r["path"] == "/v1/customers"]
    stamps = [datetime.fromisoformat(r["at"]).timestamp() for r in log]
    peak = most_in_one_second(stamps)
    print(f"requests sent            {len(log)}")
    print(f"429 answers              {sum(1 for r in log if r['status'] == 429)}")
    print(f"peak per second / limit  {peak}/{LIMIT} = {peak / LIMIT:.2f}")
    shortest = (BURST - LIMIT) / LIMIT  # the first LIMIT start at once, then LIMIT a second
    print(f"burst time / shortest    {elapsed:.2f}s / {shortest:.2f}s = {elapsed / shortest:.2f}")


if __name__ == "__main__":
    main()
