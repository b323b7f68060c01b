"""The fake account's objects, kept per mode: a test key never sees live data."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from typing import Any

from .auth import Mode
from .errors import no_such

StripeObject = dict[str, Any]
"""A Stripe API object exactly as it goes on the wire (`{"id": …, "object": "charge", …}`)."""

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def token(seed: str, length: int = 14) -> str:
    """A deterministic Stripe-looking random string derived from `seed`."""
    number = int.from_bytes(hashlib.sha256(seed.encode()).digest(), "big")
    chars = []
    for _ in range(length):
        number, digit = divmod(number, len(_ALPHABET))
        chars.append(_ALPHABET[digit])
    return "".join(chars)


class Ledger:
    """All objects of one mode, by id, remembering the order they were stored in."""

    def __init__(self, mode: Mode, clock: Callable[[], float] = time.time) -> None:
        self.mode: Mode = mode
        self._clock = clock
        self._objects: dict[str, StripeObject] = {}
        self._order: dict[str, int] = {}
        self._minted = 0
        self.portal_configured = False
        """Whether the Customer portal settings were saved in this mode (Stripe refuses
        portal sessions until then)."""
        self.search_delay = 0.0
        """Seconds before a new object shows in search results (Stripe: up to a minute)."""
        self._searchable_at: dict[str, float] = {}

    @property
    def livemode(self) -> bool:
        return self.mode == "live"

    def now(self) -> int:
        return int(self._clock())

    def new_id(self, prefix: str) -> str:
        self._minted += 1
        return f"{prefix}_{token(f'{self.mode}:{prefix}:{self._minted}')}"

    def put(self, obj: StripeObject) -> StripeObject:
        if obj["id"] not in self._order and self.search_delay:
            self._searchable_at[obj["id"]] = time.monotonic() + self.search_delay
        self._order.setdefault(obj["id"], len(self._order))
        self._objects[obj["id"]] = obj
        return obj

    def find(self, object_id: str, kind: str) -> StripeObject | None:
        obj = self._objects.get(object_id)
        return obj if obj is not None and obj["object"] == kind else None

    def get(self, object_id: str, kind: str, *, param: str | None = None) -> StripeObject:
        """The object, or Stripe's `No such <kind>` (404 in a URL, 400 as a parameter)."""
        obj = self.find(object_id, kind)
        if obj is None:
            raise no_such(kind, object_id, param=param)
        return obj

    def lookup(self, object_id: str) -> StripeObject | None:
        return self._objects.get(object_id)

    def searchable(self, obj: StripeObject) -> bool:
        """Whether search has indexed the object yet (search is eventually consistent)."""
        return self._searchable_at.get(obj["id"], 0.0) <= time.monotonic()

    def dump(self) -> dict[str, Any]:
        """Everything in this ledger as JSON (for the state file)."""
        ordered = sorted(self._objects, key=self._order.__getitem__)
        return {
            "objects": [self._objects[object_id] for object_id in ordered],
            "minted": self._minted,
            "portal_configured": self.portal_configured,
        }

    def load(self, saved: dict[str, Any]) -> None:
        for obj in saved["objects"]:
            self.put(obj)
        self._minted = int(saved["minted"])
        self.portal_configured = bool(saved["portal_configured"])

    def all(self, kind: str) -> Iterator[StripeObject]:
        """Objects of a kind, newest first (by `created`, then by storing order)."""
        found = [obj for obj in self._objects.values() if obj["object"] == kind]
        found.sort(key=lambda obj: (obj.get("created", 0), self._order[obj["id"]]), reverse=True)
        return iter(found)


class Store:
    """Both modes' ledgers."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.test = Ledger("test", clock)
        self.live = Ledger("live", clock)

    def ledger(self, mode: Mode) -> Ledger:
        return self.test if mode == "test" else self.live
