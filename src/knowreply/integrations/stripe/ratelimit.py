"""A per-workspace limit on Stripe requests, so knowreply never trips Stripe's own limit."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque

TEST_MODE_PER_SECOND = 20
LIVE_MODE_PER_SECOND = 80


class SlidingWindowLimiter:
    """At most `per_second` requests start in any one-second window.

    Thread-safe and loop-agnostic: a caller reserves the earliest free slot under a lock,
    then sleeps until it; nothing here is bound to one event loop.
    """

    def __init__(self, per_second: int) -> None:
        if per_second < 1:
            raise ValueError("the rate limit must allow at least one request per second")
        self.per_second = per_second
        self._starts: deque[float] = deque(maxlen=per_second)
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """The monotonic time at which the next request may start (now or later)."""
        with self._lock:
            now = time.monotonic()
            slot = now
            if len(self._starts) == self.per_second:
                slot = max(now, self._starts[0] + 1.0)
            self._starts.append(slot)
            return slot

    async def acquire(self) -> None:
        wait = self.reserve() - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)


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
