"""The /v1 endpoint, checking in Stripe's order: key, rate limit, permission, then the request."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response

from ._wire import decode, fingerprint
from .auth import Caller, key_from_header, mask
from .errors import StripeError, rate_limited, unrecognized_url
from .routes import ROUTES
from .routing import Call, Route, expand
from .state import FakeState
from .store import token
from .traffic import LoggedRequest, StoredResponse, utc_now_iso

API_VERSION = "2026-10-28.endive"
_request_numbers = itertools.count(1)


def new_request_id() -> str:
    return f"req_{token(f'request:{next(_request_numbers)}:{utc_now_iso()}')}"


def find_route(method: str, path: str) -> tuple[Route, dict[str, str]]:
    for candidate in ROUTES:
        args = candidate.match(method, path)
        if args is not None:
            return candidate, args
    raise unrecognized_url(method, path)


@dataclass
class Outcome:
    status: int
    body: bytes
    should_retry: bool | None = None
    replayed: bool = False

    @classmethod
    def of(cls, error: StripeError) -> Outcome:
        return cls(error.status, json.dumps(error.body()).encode(), error.should_retry)


def _execute(
    state: FakeState,
    caller: Caller,
    route: Route,
    args: dict[str, str],
    pairs: list[tuple[str, str]],
) -> Outcome:
    params = decode(pairs)
    ledger = state.store.ledger(caller.mode)
    try:
        result = route.handler(Call(ledger=ledger, params=params, path=args, caller=caller))
        paths = [str(path) for path in params.get("expand") or []]
        body = expand(ledger, result, paths, caller)
    except StripeError as error:
        return Outcome.of(error)
    return Outcome(200, json.dumps(body).encode())


def _answer(
    state: FakeState,
    method: str,
    path: str,
    pairs: list[tuple[str, str]],
    authorization: str | None,
    idempotency_key: str | None,
) -> Outcome:
    try:
        caller = state.keys.authenticate(authorization)
        route, args = find_route(method, path)
        if not state.limiter.admit(caller.mode, f"{method} {route.pattern}"):
            raise rate_limited()
        caller.require(route.permission)
        if idempotency_key is None:
            return _execute(state, caller, route, args, pairs)
        same_request = fingerprint(method, path, pairs)
        stored = state.idempotency.replay(caller.mode, idempotency_key, same_request)
        if stored is not None:
            return Outcome(stored.status, stored.body, replayed=True)
        outcome = _execute(state, caller, route, args, pairs)
        state.idempotency.remember(
            caller.mode,
            idempotency_key,
            StoredResponse(same_request, outcome.status, outcome.body),
        )
        return outcome
    except StripeError as error:
        return Outcome.of(error)


async def handle(request: Request) -> Response:
    """Answer one Stripe API request as Stripe would, and log it."""
    state: FakeState = request.app.state.fake
    method, path = request.method, request.url.path
    pairs = parse_qsl(request.url.query, keep_blank_values=True)
    if method == "POST":
        pairs += parse_qsl((await request.body()).decode(), keep_blank_values=True)
    authorization = request.headers.get("authorization")
    idempotency_key = request.headers.get("idempotency-key") if method == "POST" else None
    outcome = _answer(state, method, path, pairs, authorization, idempotency_key)

    request_id = new_request_id()
    headers = {
        "Request-Id": request_id,
        "Stripe-Version": request.headers.get("stripe-version", API_VERSION),
    }
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    if outcome.replayed:
        headers["Idempotent-Replayed"] = "true"
    if outcome.should_retry is not None:
        headers["Stripe-Should-Retry"] = "true" if outcome.should_retry else "false"
    key = key_from_header(authorization)
    state.log.record(
        LoggedRequest(
            at=utc_now_iso(),
            method=method,
            path=path,
            status=outcome.status,
            request_id=request_id,
            key=mask(key) if key else None,
            idempotency_key=idempotency_key,
            replayed=outcome.replayed,
            params=pairs,
            user_agent=request.headers.get("user-agent"),
        )
    )
    if method != "GET" and outcome.status < 500:
        state.save()
    return Response(outcome.body, outcome.status, headers, media_type="application/json")
