"""A per-workspace limit on Stripe requests, so knowreply never trips Stripe's own limit."""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

TEST_MODE_PER_SECOND = 20
LIVE_MODE_PER_SECOND = 80
_POLL_SECONDS = 0.01
"""How often a waiting request looks again while every slot is held by a request in flight."""


class SlidingWindowLimiter:
    """At most `per_second` requests in any one-second window, as Stripe counts them.

    A request holds a slot from the moment it starts until one second after its answer
    arrives: Stripe saw the request somewhere in between, so however the network delays or
    bunches requests, no one-second window on Stripe's side holds more than `per_second`.
    (Counting only start times here is not enough: a burst queued on the way arrives late and
    shares Stripe's window with the next burst.)

    Thread-safe and loop-agnostic: slots are taken under a lock; nothing is bound to one loop.
    """

    def __init__(self, per_second: int) -> None:
        if per_second < 1:
            raise ValueError("the rate limit must allow at least one request per second")
        self.per_second = per_second
        self._free_at = [0.0] * per_second
        """Per slot: the monotonic time it is free again; infinity while its request runs."""
        self._lock = threading.Lock()

    def _take(self) -> tuple[int | None, float]:
        """(the slot taken, 0) or (None, seconds until one may be free)."""
        with self._lock:
            now = time.monotonic()
            slot = min(range(self.per_second), key=self._free_at.__getitem__)
            if self._free_at[slot] <= now:
                self._free_at[slot] = math.inf
                return slot, 0.0
            return None, self._free_at[slot] - now

    def _release(self, slot: int) -> None:
        with self._lock:
            self._free_at[slot] = time.monotonic() + 1.0

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold a slot for one request: `async with limiter.slot(): send it`."""
        while True:
            taken, wait = self._take()
            if taken is not None:
                break
            await asyncio.sleep(min(wait, _POLL_SECONDS) if math.isfinite(wait) else _POLL_SECONDS)
        try:
            yield
        finally:
            self._release(taken)


_limiters: dict[tuple[int, str], SlidingWindowLimiter] = {}
_registry_lock = threading.Lock()


def limiter_for(
    workspace_id: int, mode: str, per_second: int | None = None
) -> SlidingWindowLimiter:
    """The process-wide limiter of one workspace's test or live traffic."""
    rate = per_second or (LIVE_MODE_PER_SECOND if mode == "live" else TEST_MODE_PER_SECOND)
    with _registry_lock:
        limiter = _limiters.get((workspace_id, mode))
        if limiter is None or limiter.per_second != rate:
            limiter = _limiters[(workspace_id, mode)] = SlidingWindowLimiter(rate)
        return limiter
