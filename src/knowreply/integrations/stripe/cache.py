"""A short memory of what one Stripe account answered: a sender's customers, product names.

Most emails come from someone who wrote before; their customers rarely change within
minutes, and product names (the plan a subscription shows) within hours. A sender's customers
live `CACHE_SECONDS`, product names `PRODUCT_SECONDS`; the whole account's memory is forgotten
when knowreply writes to customers or products, or Stripe answers 404 (an object deleted
meanwhile). A refund, a cancellation or a link changes neither, so they keep it. Kept per
account (the key and the address it is sent to), in this process: a miss costs one request.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Mapping
from typing import TypeVar

from knowreply.integrations.stripe.models import CustomerRef

CACHE_SECONDS = 120.0
PRODUCT_SECONDS = 3600.0
_MAX_ENTRIES = 10_000

V = TypeVar("V")


class _Entries(dict[str, tuple[float, V]]):
    def fresh(self, key: str) -> V | None:
        found = self.get(key)
        if found is None or found[0] < time.monotonic():
            return None
        return found[1]

    def keep(self, key: str, value: V, seconds: float) -> None:
        if len(self) >= _MAX_ENTRIES:
            self.clear()
        self[key] = (time.monotonic() + seconds, value)


class AccountCache:
    """What one Stripe account answered lately (thread-safe)."""

    def __init__(
        self, seconds: float = CACHE_SECONDS, product_seconds: float = PRODUCT_SECONDS
    ) -> None:
        self.seconds = seconds
        self.product_seconds = product_seconds
        self._lock = threading.Lock()
        self._scopes: _Entries[tuple[CustomerRef, ...]] = _Entries()
        self._products: _Entries[str] = _Entries()

    def customers(self, email: str) -> tuple[CustomerRef, ...] | None:
        """The customers of an address found lately (None: ask Stripe)."""
        with self._lock:
            return self._scopes.fresh(email.strip().lower())

    def remember_customers(self, email: str, customers: tuple[CustomerRef, ...]) -> None:
        with self._lock:
            self._scopes.keep(email.strip().lower(), customers, self.seconds)

    def product_names(self, product_ids: set[str]) -> dict[str, str]:
        """The names known for these products (the others must be asked for)."""
        with self._lock:
            found = {pid: self._products.fresh(pid) for pid in product_ids}
        return {pid: name for pid, name in found.items() if name is not None}

    def remember_product_names(self, names: Mapping[str, str]) -> None:
        with self._lock:
            for product_id, name in names.items():
                self._products.keep(product_id, name, self.product_seconds)

    def forget(self) -> None:
        """After a write to customers or products, or a 404: the next answers ask Stripe."""
        with self._lock:
            self._scopes.clear()
            self._products.clear()

    def forget_senders(self) -> None:
        with self._lock:
            self._scopes.clear()


def changes_cached(method: str, path: str, status: int) -> bool:
    """Whether an answer means something cached may be out of date."""
    if status == 404:
        return True
    writes = method.upper() != "GET" and status < 300
    return writes and path.startswith(("/v1/customers", "/v1/products"))


_caches: dict[str, AccountCache] = {}
_registry_lock = threading.Lock()


def account_cache(secret: str, api_base: str | None) -> AccountCache:
    """The process-wide cache of one account, named by a digest of its key and address."""
    name = hashlib.sha256(f"{secret}\x1f{api_base or ''}".encode()).hexdigest()
    with _registry_lock:
        found = _caches.get(name)
        if found is None:
            found = _caches[name] = AccountCache()
        return found


def forget_everything(*, senders_only: bool = False) -> None:
    """Every account's memory, or only the senders' customers (a benchmark's cold start)."""
    with _registry_lock:
        for cache in _caches.values():
            if senders_only:
                cache.forget_senders()
            else:
                cache.forget()
