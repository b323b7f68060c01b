"""What happens around a request: idempotent replays, injected faults, rate limit, the log."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from .errors import StripeError, rate_limited


@dataclass(frozen=True)
class StoredResponse:
    """The first answer to an idempotency key, replayed for every retry with the same params."""

    fingerprint: str
    status: int
    body: bytes


class IdempotencyCache:
    """Stripe keeps the result of a POST by (mode, Idempotency-Key) for 24 hours."""

    def __init__(self) -> None:
        self._stored: dict[tuple[str, str], StoredResponse] = {}

    def replay(self, mode: str, key: str, fingerprint: str) -> StoredResponse | None:
        stored = self._stored.get((mode, key))
        if stored is None:
            return None
        if stored.fingerprint != fingerprint:
            raise StripeError(
                status=400,
                type="idempotency_error",
                message=(
                    "Keys for idempotent requests can only be used with the same parameters "
                    f"they were first used with. Try using a key other than '{key}' if you "
                    "meant to execute a different request."
                ),
            )
        return stored

    def remember(self, mode: str, key: str, response: StoredResponse) -> None:
        self._stored[(mode, key)] = response

    def clear(self) -> None:
        self._stored.clear()


class Fault(BaseModel):
    """The next `count` requests matching method and path prefix fail this way."""

    path_prefix: str = "/v1/"
    method: str | None = None
    """GET, POST, …; None matches any method."""
    action: Literal["error", "drop", "drop_after"] = "error"
    """`error` answers `status`; `drop` closes the connection without an answer; `drop_after`
    does the request, then closes the connection instead of answering (a lost response)."""
    status: int = Field(default=500, ge=400, le=599)
    count: int = Field(default=1, ge=1)

    def matches(self, method: str, path: str) -> bool:
        method_ok = self.method is None or self.method.upper() == method
        return method_ok and path.startswith(self.path_prefix)

    def error(self) -> StripeError:
        if self.status == 429:
            return rate_limited()
        return StripeError(
            status=self.status,
            type="api_error",
            message="An unknown error occurred. Please try again.",
        )


class Faults:
    def __init__(self) -> None:
        self.pending: list[Fault] = []

    def add(self, fault: Fault) -> None:
        self.pending.append(fault)

    def take(self, method: str, path: str) -> Fault | None:
        """The first pending fault for this request, counting it as used."""
        for index, fault in enumerate(self.pending):
            if fault.matches(method, path):
                if fault.count == 1:
                    del self.pending[index]
                else:
                    self.pending[index] = fault.model_copy(update={"count": fault.count - 1})
                return fault
        return None

    def clear(self) -> None:
        self.pending.clear()


GLOBAL_PER_SECOND = {"test": 25, "live": 100}
ENDPOINT_PER_SECOND = 25
SEARCH_PER_SECOND = 20
"""Stripe's published limits (docs.stripe.com/rate-limits): every request counts against the
global limit of its mode; each named operation (method + path pattern) against its own 25/s;
search operations against 20/s."""


class _Window:
    """A sliding one-second window of admitted requests."""

    def __init__(self) -> None:
        self._recent: deque[float] = deque()

    def full(self, now: float, limit: float) -> bool:
        while self._recent and now - self._recent[0] >= 1.0:
            self._recent.popleft()
        return len(self._recent) >= limit

    def add(self, now: float) -> None:
        self._recent.append(now)


class RateLimiter:
    """Stripe's limits per mode: global, per endpoint, and search; off unless enabled.

    `per_second` overrides the global limit (a test that wants a 429 soon); `stripe_limits`
    turns on the published limits.
    """

    def __init__(self, per_second: float | None = None) -> None:
        self.per_second = per_second
        self.stripe_limits = False
        self._windows: dict[tuple[str, str], _Window] = {}

    def _limits(self, mode: str, endpoint: str) -> list[tuple[tuple[str, str], float]]:
        found: list[tuple[tuple[str, str], float]] = []
        if self.per_second is not None:
            found.append(((mode, "*"), self.per_second))
        elif self.stripe_limits:
            found.append(((mode, "*"), GLOBAL_PER_SECOND[mode]))
        if self.stripe_limits:
            limit = SEARCH_PER_SECOND if endpoint.endswith("/search") else ENDPOINT_PER_SECOND
            found.append(((mode, endpoint), limit))
        return found

    def admit(self, mode: str = "test", endpoint: str = "") -> bool:
        """Count the request unless one of its limits is reached (then Stripe answers 429)."""
        now = time.monotonic()
        limits = self._limits(mode, endpoint)
        windows = [self._windows.setdefault(key, _Window()) for key, _ in limits]
        if any(window.full(now, limit) for window, (_, limit) in zip(windows, limits, strict=True)):
            return False
        for window in windows:
            window.add(now)
        return True


@dataclass
class LoggedRequest:
    at: str
    method: str
    path: str
    status: int
    request_id: str
    key: str | None = None
    """Masked, as Stripe shows keys."""
    idempotency_key: str | None = None
    replayed: bool = False
    fault: str | None = None
    """The injected fault's action (`error`, `drop`, `drop_after`) when one applied."""
    params: list[tuple[str, str]] = field(default_factory=list)
    """The form or query pairs as sent, for the contract test."""
    user_agent: str | None = None


@dataclass
class RequestLog:
    entries: list[LoggedRequest] = field(default_factory=list)
    history: list[LoggedRequest] = field(default_factory=list)
    """Every request since the server started: clearing and resets keep it (the contract test
    reads it)."""

    def record(self, entry: LoggedRequest) -> None:
        self.entries.append(entry)
        self.history.append(entry)

    def as_json(self, *, everything: bool = False) -> list[dict[str, Any]]:
        return [asdict(entry) for entry in (self.history if everything else self.entries)]

    def clear(self) -> None:
        self.entries.clear()


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
