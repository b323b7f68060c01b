"""Routes of the fake API: method, path pattern, the `rak_*` permission, and the handler."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ._wire import Params
from .auth import Caller
from .errors import StripeError, invalid_integer, missing_param
from .store import Ledger, StripeObject


@dataclass
class Call:
    """One authenticated, permitted request as a handler sees it."""

    ledger: Ledger
    params: Params
    path: dict[str, str]
    caller: Caller

    def text(self, name: str) -> str | None:
        value = self.params.get(name)
        return value if isinstance(value, str) and value != "" else None

    def required(self, name: str) -> str:
        value = self.text(name)
        if value is None:
            raise missing_param(name)
        return value

    def integer(self, name: str, default: int | None = None) -> int | None:
        value = self.text(name)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError:
            raise invalid_integer(name, value) from None

    def flag(self, name: str) -> bool | None:
        value = self.text(name)
        if value is None:
            return None
        if value not in ("true", "false"):
            raise StripeError(
                status=400,
                code="parameter_invalid_boolean",
                message=f"Invalid boolean: {value}",
                param=name,
            )
        return value == "true"


Handler = Callable[[Call], StripeObject]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str
    """Like `/v1/customers/{customer}`."""
    permission: str
    """The `rak_*` permission Stripe asks a restricted key for."""
    handler: Handler

    def match(self, method: str, path: str) -> dict[str, str] | None:
        if method != self.method:
            return None
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", self.pattern)
        found = re.fullmatch(regex, path)
        return found.groupdict() if found else None


def route(method: str, pattern: str, permission: str) -> Callable[[Handler], Route]:
    def wrap(handler: Handler) -> Route:
        return Route(method, pattern, permission, handler)

    return wrap


def page(call: Call, objects: Iterable[StripeObject], url: str) -> StripeObject:
    """A list object with Stripe's `limit` / `starting_after` / `ending_before` paging."""
    limit = call.integer("limit", 10)
    assert limit is not None
    if not 1 <= limit <= 100:
        raise StripeError(
            status=400,
            code="parameter_invalid_integer",
            message="This value must be greater than or equal to 1 and less than or equal to 100.",
            param="limit",
        )
    items = list(objects)
    ids = [obj["id"] for obj in items]
    after, before = call.text("starting_after"), call.text("ending_before")
    if after is not None:
        if after not in ids:
            raise StripeError(
                status=400,
                code="resource_missing",
                message=f"No such object: '{after}'",
                param="starting_after",
            )
        items = items[ids.index(after) + 1 :]
        window = items[:limit]
    elif before is not None:
        if before not in ids:
            raise StripeError(
                status=400,
                code="resource_missing",
                message=f"No such object: '{before}'",
                param="ending_before",
            )
        items = items[: ids.index(before)]
        window = items[-limit:]
    else:
        window = items[:limit]
    return {"object": "list", "data": window, "has_more": len(items) > len(window), "url": url}


def filtered(objects: Iterable[StripeObject], **wanted: str | None) -> Iterable[StripeObject]:
    """Objects whose fields equal every given (non-None) value, as Stripe's list filters do."""
    conditions = {name: value for name, value in wanted.items() if value is not None}
    return (obj for obj in objects if all(obj.get(k) == v for k, v in conditions.items()))


def expand(
    ledger: Ledger, body: StripeObject, paths: Sequence[str], caller: Caller | None = None
) -> StripeObject:
    """A copy of `body` with `expand[]` paths (`customer`, `data.latest_charge`) filled in.

    An expanded list of other objects asks the caller for their permission, as Stripe does."""
    result = copy.deepcopy(body)
    for path in paths:
        _expand_into(ledger, result, path.split("."), caller)
    return result


ENDED_SUBSCRIPTIONS = ("canceled", "incomplete_expired")
EMBEDDED_LIST_SIZE = 10
"""Stripe embeds at most this many objects in an expanded list (`has_more` says if more)."""


_INCLUDABLE: dict[tuple[str, str | None], tuple[str, str]] = {
    ("charges", "payment_intent"): ("charge", "payment_intent"),
    ("refunds", "charge"): ("refund", "charge"),
    ("payments", "invoice"): ("invoice_payment", "invoice"),
}
"""Lists an object includes only when expanded: (field, object) -> (kind listed, its link)."""


def _customer_subscriptions(ledger: Ledger, customer_id: str) -> StripeObject:
    """A customer's `subscriptions`: its current ones (Stripe leaves ended ones out)."""
    current = [
        obj
        for obj in ledger.all("subscription")
        if obj["customer"] == customer_id and obj["status"] not in ENDED_SUBSCRIPTIONS
    ]
    return {
        "object": "list",
        "data": current[:EMBEDDED_LIST_SIZE],
        "has_more": len(current) > EMBEDDED_LIST_SIZE,
        "url": f"/v1/customers/{customer_id}/subscriptions",
    }


def _expand_into(ledger: Ledger, obj: StripeObject, path: list[str], caller: Caller | None) -> None:
    head, rest = path[0], path[1:]
    if head == "data" and obj.get("object") in ("list", "search_result") and rest:
        for item in obj["data"]:
            _expand_into(ledger, item, rest, caller)
        return
    value: Any = obj.get(head, ...)
    if head == "subscriptions" and obj.get("object") == "customer":
        if caller is not None:
            caller.require("rak_subscription_read")
        value = _customer_subscriptions(ledger, obj["id"])
    elif (head, obj.get("object")) in _INCLUDABLE:
        kind, field = _INCLUDABLE[(head, obj.get("object"))]
        found = list(filtered(ledger.all(kind), **{field: obj["id"]}))
        value = {
            "object": "list",
            "data": found[:EMBEDDED_LIST_SIZE],
            "has_more": len(found) > EMBEDDED_LIST_SIZE,
            "url": f"/v1/{kind}s?{field}={obj['id']}",
        }
    elif isinstance(value, str):
        target = ledger.lookup(value)
        value = copy.deepcopy(target) if target is not None else value
    elif value is ... or not (value is None or isinstance(value, dict)):
        raise StripeError(
            status=400,
            message=f"This property cannot be expanded ({head}).",
            param="expand",
        )
    obj[head] = value
    if rest and isinstance(value, dict):
        _expand_into(ledger, value, rest, caller)
