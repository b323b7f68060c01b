"""The contract between knowreply and the API version the SDK pins: every request knowreply
sends is checked against the SDK's generated `*Params` TypedDicts (unknown parameters, enum
values, required fields, nesting) and Stripe's expand depth (four levels)."""

from __future__ import annotations

import re
import sys
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

import stripe.params as p
import stripe.params.billing_portal as portal
from stripe._request_options import RequestOptions
from typing_extensions import is_typeddict

from fakestripe._wire import decode
from knowreply.integrations.stripe.client import USER_AGENT
from knowreply.integrations.stripe.ratelimit import endpoint_of

PARAMS: dict[tuple[str, str], type] = {
    ("GET", "/v1/customers"): p.CustomerListParams,
    ("GET", "/v1/customers/search"): p.CustomerSearchParams,
    ("GET", "/v1/charges"): p.ChargeListParams,
    ("GET", "/v1/charges/{id}"): p.ChargeRetrieveParams,
    ("GET", "/v1/payment_intents"): p.PaymentIntentListParams,
    ("GET", "/v1/payment_intents/{id}"): p.PaymentIntentRetrieveParams,
    ("GET", "/v1/invoices"): p.InvoiceListParams,
    ("GET", "/v1/invoices/{id}"): p.InvoiceRetrieveParams,
    ("GET", "/v1/invoice_payments"): p.InvoicePaymentListParams,
    ("GET", "/v1/subscriptions"): p.SubscriptionListParams,
    ("GET", "/v1/subscriptions/{id}"): p.SubscriptionRetrieveParams,
    ("POST", "/v1/subscriptions/{id}"): p.SubscriptionUpdateParams,
    ("GET", "/v1/products"): p.ProductListParams,
    ("GET", "/v1/products/{id}"): p.ProductRetrieveParams,
    ("POST", "/v1/products/{id}"): p.ProductUpdateParams,
    ("POST", "/v1/prices"): p.PriceCreateParams,
    ("GET", "/v1/prices/{id}"): p.PriceRetrieveParams,
    ("POST", "/v1/payment_links"): p.PaymentLinkCreateParams,
    ("POST", "/v1/billing_portal/sessions"): portal.SessionCreateParams,
    ("GET", "/v1/refunds"): p.RefundListParams,
    ("POST", "/v1/refunds"): p.RefundCreateParams,
    ("GET", "/v1/balance_transactions"): p.BalanceTransactionListParams,
    ("GET", "/v1/payment_methods"): p.PaymentMethodListParams,
    ("GET", "/v1/account"): p.AccountRetrieveCurrentParams,
    ("POST", "/v1/payment_methods/{id}/detach"): p.PaymentMethodDetachParams,
}
"""Every request knowreply makes, and the SDK type its parameters must fit."""
MAX_EXPAND_DEPTH = 4
_REQUEST_OPTIONS = frozenset(RequestOptions.__annotations__)


def _hints(cls: type) -> dict[str, Any]:
    """The parameter annotations of a `*Params` TypedDict, forward references resolved (its
    request options, which are not parameters, left out)."""
    module = vars(sys.modules[cls.__module__])
    return {
        name: typing._eval_type(hint, module, None)  # type: ignore[attr-defined]
        for name, hint in cls.__annotations__.items()
        if name not in _REQUEST_OPTIONS
    }


def _unwrap(hint: Any) -> Any:
    while get_origin(hint) in (typing.NotRequired, typing.Required):
        hint = get_args(hint)[0]
    return hint


def _options(hint: Any) -> list[Any]:
    hint = _unwrap(hint)
    if get_origin(hint) in (Union, types.UnionType):
        return [option for arg in get_args(hint) for option in _options(arg)]
    return [hint]


def _check(value: Any, hint: Any, where: str) -> list[str]:
    options = _options(hint)
    literals = [arg for o in options if get_origin(o) is Literal for arg in get_args(o)]
    if isinstance(value, str) and literals:
        # `Literal[...] | str` accepts any text in Python; the API version accepts the enum.
        return [] if value in literals else [f"{where}: {value!r} is not one of {literals}"]
    errors: list[str] = []
    for option in options:
        errors = _fits(value, option, where)
        if not errors:
            return []
    return errors or [f"{where}: {value!r} does not fit"]


def _fits(value: Any, hint: Any, where: str) -> list[str]:
    origin = get_origin(hint)
    if is_typeddict(hint):
        return (
            check_params(value, hint, where)
            if isinstance(value, dict)
            else [f"{where}: not an object"]
        )
    if origin in (list, typing.List) or hint is list:  # noqa: UP006
        if not isinstance(value, list):
            return [f"{where}: not a list"]
        (item,) = get_args(hint) or (Any,)
        return [e for n, v in enumerate(value) for e in _check(v, item, f"{where}[{n}]")]
    if origin in (dict, typing.Dict) or hint is dict:  # noqa: UP006
        return [] if isinstance(value, dict) else [f"{where}: not a map"]
    if hint is bool:
        return [] if value in ("true", "false") else [f"{where}: not a boolean"]
    if hint is int:
        return (
            []
            if isinstance(value, str) and re.fullmatch(r"-?\d+", value)
            else [f"{where}: not an integer"]
        )
    if hint in (str, Any):
        return [] if isinstance(value, str) else [f"{where}: not a string"]
    if get_origin(hint) is Literal:
        return [] if value in get_args(hint) else [f"{where}: {value!r} not allowed"]
    return [f"{where}: cannot check {hint!r}"]


def check_params(params: dict[str, Any], cls: type, where: str = "") -> list[str]:
    """What does not fit `cls`: unknown names, wrong values, missing required names."""
    hints = _hints(cls)
    allowed = set(hints)

    def named(name: str) -> str:
        return f"{where}[{name}]" if where else name

    errors = [f"{named(name)}: unknown parameter" for name in params if name not in allowed]
    required = getattr(cls, "__required_keys__", frozenset()) - _REQUEST_OPTIONS
    errors += [f"{named(name)}: required but missing" for name in required if name not in params]
    for name, value in params.items():
        if name in allowed:
            errors += _check(value, hints[name], named(name))
    for path in params.get("expand") or []:
        if isinstance(path, str) and len(path.split(".")) > MAX_EXPAND_DEPTH:
            errors.append(f"{named('expand')}: {path!r} is deeper than {MAX_EXPAND_DEPTH} levels")
    return errors


def violations(logged: list[dict[str, Any]]) -> list[str]:
    """Every way the product's requests in a fake's log break the pinned API version."""
    found: list[str] = []
    for entry in logged:
        if USER_AGENT not in (entry.get("user_agent") or "").split():
            continue  # a test talking to the fake directly, not the product
        route = tuple(endpoint_of(entry["method"], entry["path"]).split(" ", 1))
        cls = PARAMS.get(route)
        if cls is None:
            found.append(f"{route[0]} {route[1]}: no SDK parameter type known for this request")
            continue
        params = decode([(k, v) for k, v in entry["params"]])
        found += [f"{route[0]} {route[1]}: {e}" for e in check_params(params, cls)]
    return sorted(set(found))
