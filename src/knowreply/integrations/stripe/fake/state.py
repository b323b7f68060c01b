"""Everything one fake server holds, so the control API can reset it in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from .auth import KeyRing
from .store import Store
from .traffic import Faults, IdempotencyCache, RateLimiter, RequestLog


@dataclass
class FakeState:
    store: Store = field(default_factory=Store)
    keys: KeyRing = field(default_factory=KeyRing)
    idempotency: IdempotencyCache = field(default_factory=IdempotencyCache)
    faults: Faults = field(default_factory=Faults)
    log: RequestLog = field(default_factory=RequestLog)
    limiter: RateLimiter = field(default_factory=RateLimiter)
    latency_seconds: float = 0.0
    """Added before answering every /v1/ request (benchmarks: Stripe's own latency)."""

    def reset(self, seed: str = "none") -> None:
        """Forget all objects, keys, faults and logged requests, then plant `seed`."""
        from .seed import plant

        self.store = Store()
        self.keys.clear()
        self.idempotency.clear()
        self.faults.clear()
        self.log.clear()
        plant(self, seed)
