"""The control API under /_fake/ (loopback only): keys, faults, request log, reset, payments."""

from __future__ import annotations

import ipaddress
import secrets
import string
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import objects
from .auth import Mode, mask
from .objects import DECLINES
from .state import FakeState
from .traffic import Fault


class KeyRequest(BaseModel):
    permissions: list[str]
    key: str | None = None
    """The restricted key to accept; a new `rk_test_…` one is made when missing."""
    mode: Mode = "test"


class ResetRequest(BaseModel):
    seed: Literal["none", "demo"] = "none"


class RateLimitRequest(BaseModel):
    per_second: float | None = Field(default=None, gt=0)


class InvoiceRequest(BaseModel):
    """An invoice to plant for a test (a draft, a void one…)."""

    customer: str
    amount: int = Field(gt=0)
    currency: str = "usd"
    status: Literal["draft", "open", "paid", "uncollectible", "void"]
    description: str = "Planted invoice"
    created: int | None = None
    mode: Mode = "test"


class PortalRequest(BaseModel):
    """Whether the Customer portal settings are saved in a mode (as in the Dashboard)."""

    configured: bool
    mode: Mode = "test"


class SearchDelayRequest(BaseModel):
    seconds: float = Field(ge=0)


class LatencyRequest(BaseModel):
    ms: int = Field(default=0, ge=0, le=60_000)


class PaymentRequest(BaseModel):
    """A card payment to plant for a test: a payment intent and its charge."""

    customer: str
    amount: int = Field(gt=0)
    currency: str = "usd"
    status: Literal["succeeded", "pending", "failed"] = "succeeded"
    decline: Literal["insufficient_funds", "generic_decline", "expired_card"] | None = None
    description: str | None = None
    created: int | None = None
    mode: Mode = "test"


def _state(request: Request) -> FakeState:
    state: FakeState = request.app.state.fake
    return state


async def _json(request: Request) -> Any:
    body = await request.body()
    return (await request.json()) if body else {}


def _refuse_remote(request: Request) -> JSONResponse | None:
    host = request.client.host if request.client else ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return None
    return JSONResponse({"error": "the control API answers loopback clients only"}, 403)


def _guarded(handler: Any) -> Any:
    async def endpoint(request: Request) -> JSONResponse:
        refusal = _refuse_remote(request)
        if refusal is not None:
            return refusal
        try:
            response: JSONResponse = await handler(request)
        except (ValidationError, ValueError) as error:
            return JSONResponse({"error": str(error)}, 400)
        return response

    return endpoint


def _alphanumeric(length: int) -> str:
    """Like the body of a real Stripe key: letters and digits only."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


async def register_key(request: Request) -> JSONResponse:
    wanted = KeyRequest.model_validate(await _json(request))
    key = wanted.key or f"rk_{wanted.mode}_{_alphanumeric(32)}"
    state = _state(request)
    state.keys.register(key, frozenset(wanted.permissions))
    state.save()
    return JSONResponse(
        {"key": key, "masked": mask(key), "permissions": sorted(wanted.permissions)}, 201
    )


async def add_fault(request: Request) -> JSONResponse:
    fault = Fault.model_validate(await _json(request))
    _state(request).faults.add(fault)
    return JSONResponse(fault.model_dump(), 201)


async def list_faults(request: Request) -> JSONResponse:
    return JSONResponse([fault.model_dump() for fault in _state(request).faults.pending])


async def clear_faults(request: Request) -> JSONResponse:
    _state(request).faults.clear()
    return JSONResponse({"cleared": True})


async def list_requests(request: Request) -> JSONResponse:
    """The log since the last clear; `?since=start` every request since the server started."""
    everything = request.query_params.get("since") == "start"
    return JSONResponse(_state(request).log.as_json(everything=everything))


async def clear_requests(request: Request) -> JSONResponse:
    _state(request).log.clear()
    return JSONResponse({"cleared": True})


async def reset(request: Request) -> JSONResponse:
    wanted = ResetRequest.model_validate(await _json(request))
    _state(request).reset(wanted.seed)
    return JSONResponse({"seed": wanted.seed})


async def set_rate_limit(request: Request) -> JSONResponse:
    wanted = RateLimitRequest.model_validate(await _json(request))
    _state(request).limiter.per_second = wanted.per_second
    return JSONResponse({"per_second": wanted.per_second})


async def create_invoice(request: Request) -> JSONResponse:
    wanted = InvoiceRequest.model_validate(await _json(request))
    state = _state(request)
    ledger = state.store.ledger(wanted.mode)
    customer = ledger.find(wanted.customer, "customer")
    if customer is None:
        return JSONResponse({"error": f"no {wanted.mode} customer {wanted.customer}"}, 404)
    invoice = objects.invoice(
        ledger,
        customer=customer,
        amount=wanted.amount,
        currency=wanted.currency,
        status=wanted.status,
        description=wanted.description,
        created=wanted.created,
    )
    state.save()
    return JSONResponse(invoice, 201)


async def set_portal(request: Request) -> JSONResponse:
    wanted = PortalRequest.model_validate(await _json(request))
    state = _state(request)
    state.store.ledger(wanted.mode).portal_configured = wanted.configured
    state.save()
    return JSONResponse(wanted.model_dump())


async def set_search_delay(request: Request) -> JSONResponse:
    wanted = SearchDelayRequest.model_validate(await _json(request))
    state = _state(request)
    state.search_delay = wanted.seconds
    for ledger in (state.store.test, state.store.live):
        ledger.search_delay = wanted.seconds
    return JSONResponse(wanted.model_dump())


async def set_latency(request: Request) -> JSONResponse:
    wanted = LatencyRequest.model_validate(await _json(request))
    _state(request).latency_seconds = wanted.ms / 1000
    return JSONResponse({"ms": wanted.ms})


async def create_payment(request: Request) -> JSONResponse:
    wanted = PaymentRequest.model_validate(await _json(request))
    ledger = _state(request).store.ledger(wanted.mode)
    if ledger.find(wanted.customer, "customer") is None:
        return JSONResponse({"error": f"no {wanted.mode} customer {wanted.customer}"}, 404)
    intent, charge = objects.payment(
        ledger,
        customer_id=wanted.customer,
        amount=wanted.amount,
        currency=wanted.currency,
        status=wanted.status,
        decline=DECLINES[wanted.decline] if wanted.decline else None,
        description=wanted.description,
        created=wanted.created,
    )
    _state(request).save()
    return JSONResponse({"payment_intent": intent, "charge": charge}, 201)


ROUTES = [
    Route("/_fake/keys", _guarded(register_key), methods=["POST"]),
    Route("/_fake/faults", _guarded(add_fault), methods=["POST"]),
    Route("/_fake/faults", _guarded(list_faults), methods=["GET"]),
    Route("/_fake/faults", _guarded(clear_faults), methods=["DELETE"]),
    Route("/_fake/requests", _guarded(list_requests), methods=["GET"]),
    Route("/_fake/requests", _guarded(clear_requests), methods=["DELETE"]),
    Route("/_fake/reset", _guarded(reset), methods=["POST"]),
    Route("/_fake/rate_limit", _guarded(set_rate_limit), methods=["POST"]),
    Route("/_fake/payments", _guarded(create_payment), methods=["POST"]),
    Route("/_fake/invoices", _guarded(create_invoice), methods=["POST"]),
    Route("/_fake/portal", _guarded(set_portal), methods=["POST"]),
    Route("/_fake/search_delay", _guarded(set_search_delay), methods=["POST"]),
    Route("/_fake/latency", _guarded(set_latency), methods=["POST"]),
]
