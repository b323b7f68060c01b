"""Several workers send bursts to one Stripe endpoint through the database-shared limiter:
does Stripe (the fake, applying Stripe's published limits) ever answer 429, and how much of
the limit is used?"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from _fake import running_fake_stripe

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.config import Settings
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.keys import parse_key
from knowreply.integrations.stripe.ratelimit import ENDPOINT_PER_SECOND, shared_limiter
from knowreply.logs import configure_logging
from knowreply.runtime import Runtime, initialize

WORKERS = 3
PER_WORKER = 40
LIMIT = ENDPOINT_PER_SECOND


def most_in_one_second(stamps: list[float]) -> int:
    stamps.sort()
    best, start = 0, 0
    for end, stamp in enumerate(stamps):
        while stamp - stamps[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


async def worker(runtime: Runtime, url: str) -> None:
    key = parse_key(DEMO_RESTRICTED_KEY)
    limiter = shared_limiter(runtime.sessions, key.secret, url, key.mode)
    async with StripeGateway(key, limiter, url) as gateway:
        await asyncio.gather(
            *(gateway.client.v1.charges.list_async(params={"limit": 1}) for _ in range(PER_WORKER))
        )


def main() -> None:
    configure_logging("warning")
    with (
        tempfile.TemporaryDirectory() as folder,
        running_fake_stripe(seed="demo", stripe_limits=True) as fake,
    ):
        runtime, _ = initialize(Settings(data_dir=Path(folder)))
        fake.control.clear_requests()
        started = time.monotonic()
        threads = [
            threading.Thread(target=asyncio.run, args=(worker(runtime, fake.url),))
            for _ in range(WORKERS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        log = [r for r in fake.control.requests() if r["path"] == "/v1/charges"]
    stamps = [datetime.fromisoformat(r["at"]).timestamp() for r in log]
    peak = most_in_one_second(stamps)
    total = WORKERS * PER_WORKER
    print(f"workers x requests       {WORKERS} x {PER_WORKER} (SQLite, one endpoint)")
    print(f"requests sent            {len(log)}")
    print(f"429 answers              {sum(1 for r in log if r['status'] == 429)}")
    print(f"peak per second / limit  {peak}/{LIMIT} = {peak / LIMIT:.2f}")
    shortest = (total - LIMIT) / LIMIT  # the first LIMIT start at once, then LIMIT a second
    print(f"burst time / shortest    {elapsed:.2f}s / {shortest:.2f}s = {elapsed / shortest:.2f}")


if __name__ == "__main__":
    main()
