"""Answering an injected fault before the fake looks at the request (like a failing network)."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .api import new_request_id
from .state import FakeState
from .traffic import Fault, LoggedRequest, utc_now_iso


def _drop_connection(send: Send) -> bool:
    """Close the client's TCP connection without an answer (uvicorn's transport), if we can."""
    cycle: Any = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        return False
    transport.close()
    cycle.disconnected = True  # so uvicorn does not try to answer 500 afterwards
    return True


async def answer_fault(
    fault: Fault, fake: FakeState, app: ASGIApp, scope: Scope, receive: Receive, send: Send
) -> None:
    """Drop the connection or answer the fault's error; `send` must be the server's own."""
    request_id = new_request_id()
    if fault.action == "drop_after":

        async def swallow(message: Message) -> None:
            return None

        await app(scope, receive, swallow)
    dropped = fault.action in ("drop", "drop_after") and _drop_connection(send)
    error = fault.error()
    fake.log.record(
        LoggedRequest(
            at=utc_now_iso(),
            method=scope["method"],
            path=scope["path"],
            status=0 if dropped else error.status,
            request_id=request_id,
            fault=fault.action,
        )
    )
    if dropped:
        return
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
