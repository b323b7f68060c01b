"""Limits on Stripe requests, so knowreply never trips Stripe's own.

Stripe's published limits (docs.stripe.com/rate-limits, read 2026-12): per account and mode,
100 requests a second in live mode and 25 in a sandbox (test mode); besides, each endpoint (a
named operation: method and path, whatever the object id) 25 a second unless noted, and
Search 20 a second. `SharedLimiter` keeps those windows in the database, so every web, worker
and CLI process of a deployment counts the same requests; `SlidingWindowLimiter` is the same
counting in one process's memory (for one-off checks and tests).
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import re
import threading
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol, cast

from sqlalchemy import Engine, ScalarSelect, Table, bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from knowreply.db.models import StripeRateSlot
from knowreply.db.session import transaction

TEST_MODE_PER_SECOND = 25
LIVE_MODE_PER_SECOND = 100
ENDPOINT_PER_SECOND = 25
SEARCH_PER_SECOND = 20
_POLL_SECONDS = 0.01
"""How often a waiting request looks again while every slot is held by a request in flight."""


class Limiter(Protocol):
    def slot(self, endpoint: str = "") -> AbstractAsyncContextManager[None]:
        """Hold what one request to `endpoint` (`GET /v1/customers/{id}`) counts against."""
        ...


_ID = re.compile(r"[a-z]{2,8}_[A-Za-z0-9_]+")


def endpoint_of(method: str, path: str) -> str:
    """Stripe's named operation of a request: `GET /v1/charges/ch_123` -> `GET /v1/charges/{id}`.

    Object ids come after the resource (`/v1/<resource>/…`); the resource itself may hold an
    underscore (`/v1/billing_portal/sessions`)."""
    parts = path.split("/")
    named = [
        "{id}" if index >= 3 and _ID.fullmatch(part) else part for index, part in enumerate(parts)
    ]
    return f"{method.upper()} {'/'.join(named)}"


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
    async def slot(self, endpoint: str = "") -> AsyncIterator[None]:
        """Hold a slot for one request: `async with limiter.slot(): send it` (one window for
        every endpoint)."""
        while True:
            taken, wait = self._take()
            if taken is not None:
                break
            await asyncio.sleep(min(wait, _POLL_SECONDS) if math.isfinite(wait) else _POLL_SECONDS)
        try:
            yield
        finally:
            self._release(taken)


_HOLD_SECONDS = 60.0
"""A slot taken by a process that died mid-request frees itself after this long."""


class _Full(Exception):
    """A window has no free slot; `wait`: seconds until one may be free."""

    def __init__(self, wait: float) -> None:
        super().__init__(wait)
        self.wait = wait


_slots_made: set[tuple[str, str, str, int]] = set()
"""(database, account, window, slots) whose slot rows this process saw committed: checked
once per process, not at every request."""


_SLOTS = cast(Table, StripeRateSlot.__table__)


def _free_slot(window: str) -> ScalarSelect[int]:
    return (
        select(_SLOTS.c.id)
        .where(
            _SLOTS.c.account == bindparam("slot_account"),
            _SLOTS.c.window == bindparam(window),
            _SLOTS.c.free_at <= bindparam("now"),
        )
        .limit(1)
        .with_for_update(skip_locked=True)  # PostgreSQL: another taker's row is skipped
        .scalar_subquery()
    )


_TAKE = (
    update(_SLOTS)
    .where(
        _SLOTS.c.id.in_([_free_slot("own"), _free_slot("overall")]),
        _SLOTS.c.free_at <= bindparam("now"),
    )
    .values(free_at=bindparam("hold"))
    .returning(_SLOTS.c.id)
)
"""A free slot of the endpoint's window and one of the account's, held for `_HOLD_SECONDS`.
Built once (Core, bound parameters): SQLAlchemy computes its cache key once per process."""
_SOONEST = (
    select(_SLOTS.c.window, func.min(_SLOTS.c.free_at))
    .where(
        _SLOTS.c.account == bindparam("slot_account"),
        _SLOTS.c.window.in_([bindparam("own"), bindparam("overall")]),
    )
    .group_by(_SLOTS.c.window)
)
_RELEASE = (
    update(_SLOTS)
    .where(_SLOTS.c.id.in_(bindparam("ids", expanding=True)))
    .values(free_at=bindparam("until"))
)


class SharedLimiter:
    """Stripe's limits for one account (see `account_name`), counted in the
    database: the mode's global window and one window per endpoint, each with as many slots as
    Stripe allows a second. Works on SQLite and PostgreSQL; a request waits, never fails."""

    def __init__(self, sessions: sessionmaker[Session], account: str, mode: str) -> None:
        self._sessions = sessions
        self.account = account
        self.mode = mode

    def _windows(self, endpoint: str) -> list[tuple[str, int]]:
        overall = LIVE_MODE_PER_SECOND if self.mode == "live" else TEST_MODE_PER_SECOND
        own = SEARCH_PER_SECOND if endpoint.endswith("/search") else ENDPOINT_PER_SECOND
        return [(f"{self.mode} {endpoint}", own), (f"{self.mode} *", overall)]

    def _ensure_slots(self, session: Session, window: str, count: int) -> None:
        existing = session.scalar(
            select(func.count())
            .select_from(StripeRateSlot)
            .where(StripeRateSlot.account == self.account, StripeRateSlot.window == window)
        )
        if existing and existing >= count:
            return
        for number in range(existing or 0, count):
            try:
                with session.begin_nested():
                    session.add(StripeRateSlot(account=self.account, window=window, slot=number))
            except IntegrityError:
                pass  # another process made it first

    def _take_all(self, endpoint: str) -> tuple[list[int], float]:
        """A slot of every window in one statement and transaction (all or none), or the
        seconds until one may be free."""
        windows = self._windows(endpoint)
        url = str(self._engine.url)
        missing = [w for w in windows if (url, self.account, *w) not in _slots_made]
        if missing:
            with transaction(self._sessions) as session:
                for window, count in missing:
                    self._ensure_slots(session, window, count)
        names = {"slot_account": self.account, "own": windows[0][0], "overall": windows[1][0]}
        with self._engine.connect() as connection:
            now = time.time()
            held = connection.execute(_TAKE, {**names, "now": now, "hold": now + _HOLD_SECONDS})
            taken = [int(slot_id) for slot_id in held.scalars()]
            if len(taken) == len(windows):
                connection.commit()
                _slots_made.update((url, self.account, window, count) for window, count in windows)
                return taken, 0.0
            connection.rollback()  # one window is full: take nothing
            soonest: dict[str, float] = {w: t for w, t in connection.execute(_SOONEST, names)}
        for window, count in windows:
            if window not in soonest:  # the rows are gone (a new database at the same address)
                _slots_made.discard((url, self.account, window, count))
        return [], max([free_at - now for free_at in soonest.values()] + [0.0])

    def _release(self, slot_ids: list[int], free_at: float) -> None:
        with self._engine.begin() as connection:
            connection.execute(_RELEASE, {"ids": slot_ids, "until": free_at})

    @property
    def _engine(self) -> Engine:
        engine = self._sessions.kw["bind"]
        assert isinstance(engine, Engine)
        return engine

    @asynccontextmanager
    async def slot(self, endpoint: str = "") -> AsyncIterator[None]:
        while True:
            held, wait = await asyncio.to_thread(self._take_all, endpoint)
            if held:
                break
            # A slot still in flight frees itself an unknown time from now: look again soon.
            await asyncio.sleep(max(wait, _POLL_SECONDS) if wait <= 1.0 else 5 * _POLL_SECONDS)
        try:
            yield
        finally:
            await asyncio.to_thread(self._release, held, time.time() + 1.0)


def account_name(secret: str, api_base: str | None, account_id: str | None = None) -> str:
    """Names the account a key reaches without the key: a digest of the account id and the
    address, so every key of one account (two workspaces, a rolled key) shares its budget;
    of the key and the address when the account is not known."""
    who = f"account {account_id}" if account_id else secret
    return hashlib.sha256(f"{who}\x1f{api_base or ''}".encode()).hexdigest()[:40]


_limiters: dict[tuple[int, str], SlidingWindowLimiter] = {}
_registry_lock = threading.Lock()


def limiter_for(
    workspace_id: int, mode: str, per_second: int | None = None
) -> SlidingWindowLimiter:
    """The process-wide limiter of one workspace's test or live traffic (one window)."""
    rate = per_second or (LIVE_MODE_PER_SECOND if mode == "live" else TEST_MODE_PER_SECOND)
    with _registry_lock:
        limiter = _limiters.get((workspace_id, mode))
        if limiter is None or limiter.per_second != rate:
            limiter = _limiters[(workspace_id, mode)] = SlidingWindowLimiter(rate)
        return limiter


def shared_limiter(
    sessions: sessionmaker[Session],
    secret: str,
    api_base: str | None,
    mode: str,
    account_id: str | None = None,
) -> SharedLimiter:
    """The database-backed limiter of the account a key reaches (every process, workspace and
    key of that account shares it)."""
    return SharedLimiter(sessions, account_name(secret, api_base, account_id), mode)
