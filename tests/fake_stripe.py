"""Run the fake Stripe server for a test, over a real loopback socket.

Use it from a test module (no conftest changes needed; pytest puts `tests/` on sys.path):

    from fake_stripe import FakeStripe, fake_stripe  # the fixture: a fresh demo-seeded server

    async def test_something(fake_stripe: FakeStripe) -> None:
        fake = fake_stripe
        client = fake.client("sk_test_anything")          # a real stripe.StripeClient
        customers = await client.v1.customers.list_async(params={"email": "bob@example.com"})
        key = fake.control.restricted_key(["rak_charge_read"])   # a registered rk_test_ key
        fake.control.fault(path_prefix="/v1/refunds", status=500)
        assert fake.control.requests()[-1]["status"] == 200

`fake.url` is the base address to give `StripeClient(key, base_addresses={"api": url})`.

When the server stops, every request knowreply sent it during the test is checked against
the SDK's parameter types for the pinned API version (`tests/stripe_contract.py`): a test
whose product requests the real API would refuse fails.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import stripe
import uvicorn

from fakestripe import create_app
from knowreply.integrations.stripe.cache import forget_everything
from tests.stripe_contract import violations


@dataclass
class FakeStripeControl:
    """A small client for the fake's `/_fake/` control API."""

    url: str

    def _call(self, method: str, path: str, payload: dict[str, Any] | None = None) -> Any:
        response = httpx.request(method, f"{self.url}/_fake/{path}", json=payload, timeout=10)
        response.raise_for_status()
        return response.json()

    def restricted_key(self, permissions: list[str], *, mode: str = "test") -> str:
        """Register a new restricted key holding exactly `permissions`; return it."""
        return str(self._call("POST", "keys", {"permissions": permissions, "mode": mode})["key"])

    def fault(self, **fault: Any) -> None:
        """E.g. `fault(path_prefix="/v1/refunds", method="POST", status=500, count=2)` or
        `fault(action="drop")`."""
        self._call("POST", "faults", fault)

    def requests(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "requests"))

    def every_request(self) -> list[dict[str, Any]]:
        """Every request since the server started (clearing the log keeps these)."""
        return list(self._call("GET", "requests?since=start"))

    def clear_requests(self) -> None:
        self._call("DELETE", "requests")

    def reset(self, seed: str = "none") -> None:
        self._call("POST", "reset", {"seed": seed})

    def rate_limit(self, per_second: float | None) -> None:
        self._call("POST", "rate_limit", {"per_second": per_second})

    def invoice(self, customer: str, amount: int, status: str, **options: Any) -> dict[str, Any]:
        """Plant an invoice (`draft`, `open`, `paid`, `uncollectible`, `void`)."""
        made: dict[str, Any] = self._call(
            "POST",
            "invoices",
            {"customer": customer, "amount": amount, "status": status, **options},
        )
        return made

    def portal(self, *, configured: bool, mode: str = "test") -> None:
        """Save (or forget) the Customer portal settings of a mode, as in the Dashboard."""
        self._call("POST", "portal", {"configured": configured, "mode": mode})

    def search_delay(self, seconds: float) -> None:
        """How long a new customer stays out of search results."""
        self._call("POST", "search_delay", {"seconds": seconds})

    def latency(self, ms: int) -> None:
        """Answer every /v1/ request `ms` milliseconds late."""
        self._call("POST", "latency", {"ms": ms})

    def payment(self, customer: str, amount: int, **options: Any) -> dict[str, Any]:
        """Plant a card payment for `customer`; returns `{"payment_intent":…, "charge":…}`."""
        result: dict[str, Any] = self._call(
            "POST", "payments", {"customer": customer, "amount": amount, **options}
        )
        return result


@dataclass
class FakeStripe:
    url: str
    control: FakeStripeControl

    def client(self, key: str, *, max_network_retries: int = 0) -> stripe.StripeClient:
        """A real `stripe.StripeClient` talking to this fake server."""
        return stripe.StripeClient(
            key, base_addresses={"api": self.url}, max_network_retries=max_network_retries
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_fake_stripe(
    *, seed: str = "none", rate_limit_per_second: float | None = None, stripe_limits: bool = False
) -> Iterator[FakeStripe]:
    """Start the fake on a free loopback port in a background thread; stop it afterwards.

    `log_config=None`: the server must not reconfigure the process's logging (uvicorn's
    default config would take over the `uvicorn` loggers for every later test). A new fake
    is a new account: what the process cached of an earlier fake on the same port (the
    cache is per key and address) is forgotten."""
    forget_everything()
    port = _free_port()
    app = create_app(
        seed=seed, rate_limit_per_second=rate_limit_per_second, stripe_limits=stripe_limits
    )
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_config=None, access_log=False, lifespan="off"
        )
    )
    thread = threading.Thread(target=server.run, name="fake-stripe", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the fake Stripe server did not start")
        time.sleep(0.01)
    url = f"http://127.0.0.1:{port}"
    fake = FakeStripe(url=url, control=FakeStripeControl(url))
    try:
        yield fake
        broken = violations(fake.control.every_request())
        assert not broken, "requests the pinned API version refuses:\n" + "\n".join(broken)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def fake_stripe() -> Iterator[FakeStripe]:
    """A fresh fake Stripe server seeded with the `demo` account, for one test."""
    with running_fake_stripe(seed="demo") as server:
        yield server
