"""Everything one fake server holds, so the control API can reset it in one place, and the
state file that keeps the demo account across restarts."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    state_file: Path | None = None
    """Where objects and keys are saved after every change (None: memory only)."""
    search_delay: float = 0.0
    """Seconds before a new object shows in search results."""
    latency_seconds: float = 0.0
    """Added before answering every /v1/ request (benchmarks: Stripe's own latency)."""

    def reset(self, seed: str = "none") -> None:
        """Forget all objects, keys, faults and logged requests, then plant `seed`."""
        from .seed import plant

        self.store = Store()
        for ledger in (self.store.test, self.store.live):
            ledger.search_delay = self.search_delay
        self.keys.clear()
        self.idempotency.clear()
        self.faults.clear()
        self.log.clear()
        plant(self, seed)
        self.save()

    def start(self, seed: str) -> None:
        """Load the state file when there is one, else plant `seed` (and save it)."""
        if self.state_file is not None and self.state_file.exists():
            self._load(json.loads(self.state_file.read_text()))
        else:
            self.reset(seed)

    def save(self) -> None:
        if self.state_file is None:
            return
        saved: dict[str, Any] = {
            "test": self.store.test.dump(),
            "live": self.store.live.dump(),
            "keys": self.keys.dump(),
        }
        temporary = self.state_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(saved))
        os.replace(temporary, self.state_file)

    def _load(self, saved: dict[str, Any]) -> None:
        self.store = Store()
        self.store.test.load(saved["test"])
        self.store.live.load(saved["live"])
        for ledger in (self.store.test, self.store.live):
            ledger.search_delay = self.search_delay
        self.keys.load(saved["keys"])
