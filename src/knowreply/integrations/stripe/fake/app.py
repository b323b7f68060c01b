"""The fake Stripe server as an ASGI app, and `serve` to run it on loopback."""

from __future__ import annotations

import ipaddress

from starlette.applications import Starlette
from starlette.routing import Route

from . import control
from .api import handle
from .faults import FaultInjector
from .state import FakeState


def create_app(*, seed: str = "none", rate_limit_per_second: float | None = None) -> Starlette:
    """A fresh fake Stripe: `/v1/…` like Stripe, `/_fake/…` to control it."""
    state = FakeState()
    state.reset(seed)
    state.limiter.per_second = rate_limit_per_second
    app = Starlette(
        routes=[
            *control.ROUTES,
            Route("/v1/{rest:path}", handle, methods=["GET", "POST", "DELETE"]),
        ]
    )
    app.state.fake = state
    app.add_middleware(FaultInjector, state=state)
    return app


def _require_loopback(host: str) -> None:
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the fake Stripe server listens on loopback only, not {host!r}")


def serve(host: str = "127.0.0.1", port: int = 8420, seed: str = "demo") -> None:
    """Run the fake until interrupted (blocking)."""
    import uvicorn

    _require_loopback(host)
    uvicorn.run(create_app(seed=seed), host=host, port=port, log_level="warning")
