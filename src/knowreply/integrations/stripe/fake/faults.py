"""Injected faults, answered before the fake looks at the request (like a failing network)."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from .api import new_request_id
from .state import FakeState
from .traffic import LoggedRequest, utc_now_iso


def _drop_connection(send: Send) -> bool:
    """Close the client's TCP connection without an answer (uvicorn's transport), if we can."""
    cycle: Any = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        return False
    transport.close()
    cycle.disconnected = True  # so uvicorn does not try to answer 500 afterwards
    return True


class FaultInjector:
    """ASGI middleware: the outermost layer, so a dropped connection really gets no bytes."""

    def __init__(self, app: ASGIApp, state: FakeState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        fault = self.state.faults.take(scope["method"], scope["path"])
        if fault is None:
            await self.app(scope, receive, send)
            return
        request_id = new_request_id()
        dropped = fault.action == "drop" and _drop_connection(send)
        status = 0 if dropped else fault.status
        self.state.log.record(
            LoggedRequest(
                at=utc_now_iso(),
                method=scope["method"],
                path=scope["path"],
                status=status,
                request_id=request_id,
                fault=fault.action,
            )
        )
        if dropped:
            return
        error = fault.error()
        body = json.dumps(error.body()).encode()
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"request-id", request_id.encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
