"""Stripe error responses: `{"error": {"type", "code", "message", "param"}}` with a status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DOCS = "https://stripe.com/docs"


@dataclass
class StripeError(Exception):
    """An error the fake answers exactly as Stripe would: HTTP status plus error object."""

    status: int
    message: str
    type: str = "invalid_request_error"
    code: str | None = None
    param: str | None = None
    should_retry: bool | None = None
    """Sent as `Stripe-Should-Retry` when set, which the SDK obeys."""

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"type": self.type, "message": self.message}
        if self.code is not None:
            error["code"] = self.code
            error["doc_url"] = f"{DOCS}/error-codes/{self.code.replace('_', '-')}"
        if self.param is not None:
            error["param"] = self.param
        return {"error": error}


def no_such(kind: str, object_id: str, *, param: str | None = None) -> StripeError:
    """An unknown id: 404 when it was in the URL, 400 when it was a parameter."""
    return StripeError(
        status=400 if param else 404,
        code="resource_missing",
        message=f"No such {kind}: '{object_id}'",
        param=param or "id",
    )


def missing_param(param: str) -> StripeError:
    return StripeError(
        status=400,
        code="parameter_missing",
        message=f"Missing required param: {param}.",
        param=param,
    )


def invalid_integer(param: str, value: str) -> StripeError:
    return StripeError(
        status=400,
        code="parameter_invalid_integer",
        message=f"Invalid integer: {value}",
        param=param,
    )


def unrecognized_url(method: str, path: str) -> StripeError:
    return StripeError(
        status=404,
        message=(
            f"Unrecognized request URL ({method}: {path}). Please see {DOCS} "
            "or we can help at https://support.stripe.com/."
        ),
    )


def rate_limited() -> StripeError:
    return StripeError(
        status=429,
        code="rate_limit",
        message=(
            f"Request rate limit exceeded. Learn more about rate limits here {DOCS}/rate-limits."
        ),
    )


def api_error() -> StripeError:
    return StripeError(
        status=500,
        type="api_error",
        message="An unknown error occurred. Please try again.",
    )
