"""One `StripeClient` per workspace: retries, a rate limit, and a record of every request.

Never the global `stripe.api_key`: each client carries its own key and base address.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlsplit

import stripe
import structlog

from knowreply.integrations.stripe.cache import AccountCache, account_cache, changes_cached
from knowreply.integrations.stripe.keys import StripeKey
from knowreply.integrations.stripe.models import StripeRequest
from knowreply.integrations.stripe.ratelimit import Limiter, endpoint_of

log = structlog.get_logger(__name__)
T = TypeVar("T")

MAX_NETWORK_RETRIES = 3
USER_AGENT = "knowreply"
"""Added to the SDK's User-Agent: Stripe's request logs (and the fake's) show who sent it."""
TIMEOUT_SECONDS = 20.0


class _RecordingHTTPClient(stripe.HTTPXClient):
    """The SDK's httpx client, plus the rate limit, a request log, and retries on 429."""

    def __init__(self, limiter: Limiter, log_to: list[StripeRequest], cache: AccountCache) -> None:
        super().__init__(timeout=TIMEOUT_SECONDS)
        self._limiter = limiter
        self._log_to = log_to
        self._cache = cache
        self.reads: dict[str, Any] = {}
        """Answers read in this unit of work, forgotten at the first write (see `read_once`)."""

    async def request_async(
        self, method: str, url: str, headers: Mapping[str, str], post_data: Any = None
    ) -> tuple[bytes, int, Mapping[str, str]]:
        path = urlsplit(url).path
        headers = {**headers, "User-Agent": f"{headers.get('User-Agent', '')} {USER_AGENT}"}
        async with self._limiter.slot(endpoint_of(method, path)):
            started = time.perf_counter()
            try:
                content, status, response_headers = await super().request_async(
                    method, url, headers, post_data
                )
            except stripe.APIConnectionError as error:
                self._record(method, path, None, started, None, type(error.__cause__).__name__)
                raise
        self._record(method, path, status, started, response_headers.get("request-id"), None)
        if changes_cached(method, path, status):
            self._cache.forget()  # something changed in Stripe: ask again next time
        if method.upper() != "GET":
            self.reads.clear()
        return content, status, response_headers

    def _record(
        self,
        method: str,
        path: str,
        status: int | None,
        started: float,
        request_id: str | None,
        error: str | None,
    ) -> None:
        entry = StripeRequest(
            method=method.upper(),
            path=path,
            status=status,
            ms=round((time.perf_counter() - started) * 1000),
            request_id=request_id,
            error=error,
        )
        self._log_to.append(entry)
        log.info("stripe.request", **entry.model_dump())

    def _should_retry(
        self,
        response: tuple[Any, int, Mapping[str, str] | None] | None,
        api_connection_error: stripe.APIConnectionError | None,
        num_retries: int,
        max_network_retries: int | None,
    ) -> bool:
        if response is not None and response[1] == 429:
            return num_retries < (max_network_retries or 0)
        return bool(
            super()._should_retry(response, api_connection_error, num_retries, max_network_retries)
        )


@dataclass
class StripeGateway:
    """A workspace's connection to Stripe for one unit of work (a run, a check).

    Use as `async with StripeGateway(...) as gateway:`; `gateway.client` is the SDK client and
    `gateway.requests` what was sent.
    """

    key: StripeKey
    limiter: Limiter
    api_base: str | None = None
    requests: list[StripeRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cache = account_cache(self.key.secret, self.api_base)
        self._http = _RecordingHTTPClient(self.limiter, self.requests, self.cache)
        base = {"api": self.api_base} if self.api_base else {}
        self.client = stripe.StripeClient(
            self.key.secret,
            base_addresses=base,  # type: ignore[arg-type]
            http_client=self._http,
            max_network_retries=MAX_NETWORK_RETRIES,
        )

    async def read_once(self, name: str, read: Callable[[], Awaitable[T]]) -> T:
        """The answer to a read already made in this unit of work (a check, then the write it
        checked), or make it now. Any write forgets them all."""
        if name not in self._http.reads:
            self._http.reads[name] = await read()
        found: T = self._http.reads[name]
        return found

    def kept_read(self, name: str) -> Any:
        """What `keep_read` kept under this name in this unit of work (None: nothing)."""
        return self._http.reads.get(name)

    def keep_read(self, name: str, answer: object) -> None:
        """Keep what a read answered besides its own result (an expanded list), for a later
        `read_once` of that name in this unit of work."""
        self._http.reads[name] = answer

    async def __aenter__(self) -> StripeGateway:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._http.close_async()  # type: ignore[no-untyped-call]
