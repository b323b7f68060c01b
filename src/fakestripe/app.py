"""The fake Stripe server as an ASGI app, and `serve` to run it on loopback."""

from __future__ import annotations

import asyncio
import ipaddress
from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from . import control, home
from .api import handle
from .faults import answer_fault
from .state import FakeState


class FakeStripeApp(Starlette):
    """Starlette that answers injected faults first, outside every middleware, so that a
    dropped connection really gets no bytes (dropping needs the server's own `send`)."""

    def __init__(self, fake: FakeState) -> None:
        super().__init__(
            routes=[
                *home.ROUTES,
                *control.ROUTES,
                Route("/v1/{rest:path}", handle, methods=["GET", "POST", "DELETE"]),
            ]
        )
        self.fake = fake
        self.state.fake = fake

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/v1/"):
            if self.fake.latency_seconds:
                await asyncio.sleep(self.fake.latency_seconds)
            fault = self.fake.faults.take(scope["method"], scope["path"])
            if fault is not None:
                await answer_fault(fault, self.fake, super().__call__, scope, receive, send)
                return
        await super().__call__(scope, receive, send)


def create_app(
    *,
    seed: str = "none",
    rate_limit_per_second: float | None = None,
    stripe_limits: bool = False,
    search_delay: float = 0.0,
    state_file: Path | None = None,
) -> FakeStripeApp:
    """A fake Stripe: `/v1/…` like Stripe, `/_fake/…` to control it, `/` to say what it is.

    `stripe_limits` turns on Stripe's published rate limits; `search_delay` is how long a new
    object stays out of search results; `state_file` keeps the account across restarts (the
    seed is planted only when the file does not exist yet).
    """
    fake = FakeState(state_file=state_file, search_delay=search_delay)
    fake.limiter.per_second = rate_limit_per_second
    fake.limiter.stripe_limits = stripe_limits
    fake.start(seed)
    return FakeStripeApp(fake)


def require_loopback(host: str) -> None:
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the fake Stripe server listens on loopback only, not {host!r}")


def serve(
    host: str = "127.0.0.1",
    port: int = 8420,
    seed: str = "demo",
    *,
    state_file: Path | None = None,
    stripe_limits: bool = True,
) -> None:
    """Run the fake until interrupted (blocking)."""
    import uvicorn

    require_loopback(host)
    app = create_app(seed=seed, state_file=state_file, stripe_limits=stripe_limits)
    uvicorn.run(app, host=host, port=port, log_level="warning")
