"""/v1/subscriptions: list (canceled only with `status=all`), retrieve, cancel at period end."""

from __future__ import annotations

from ..errors import StripeError
from ..routing import Call, filtered, page, route
from ..store import StripeObject

READ, WRITE = "rak_subscription_read", "rak_subscription_write"
STATUSES = frozenset(
    {
        "active",
        "all",
        "canceled",
        "ended",
        "incomplete",
        "incomplete_expired",
        "past_due",
        "paused",
        "trialing",
        "unpaid",
    }
)


@route("GET", "/v1/subscriptions", READ)
def list_subscriptions(call: Call) -> StripeObject:
    status = call.text("status")
    if status is not None and status not in STATUSES:
        raise StripeError(
            status=400,
            code="parameter_invalid_empty",
            message=f"Invalid status: must be one of {', '.join(sorted(STATUSES))}",
            param="status",
        )
    found = filtered(
        call.ledger.all("subscription"),
        customer=call.text("customer"),
        status=None if status in (None, "all", "ended") else status,
    )
    if status is None:
        found = (sub for sub in found if sub["status"] not in ("canceled", "incomplete_expired"))
    elif status == "ended":
        found = (sub for sub in found if sub["status"] in ("canceled", "incomplete_expired"))
    return page(call, found, "/v1/subscriptions")


@route("GET", "/v1/subscriptions/{subscription}", READ)
def retrieve_subscription(call: Call) -> StripeObject:
    return call.ledger.get(call.path["subscription"], "subscription")


@route("POST", "/v1/subscriptions/{subscription}", WRITE)
def update_subscription(call: Call) -> StripeObject:
    sub = call.ledger.get(call.path["subscription"], "subscription")
    cancel = call.flag("cancel_at_period_end")
    if sub["status"] == "canceled" and cancel is not None:
        raise StripeError(
            status=400,
            message="A canceled subscription can only update its cancellation_details and "
            "metadata.",
        )
    if cancel is True and not sub["cancel_at_period_end"]:
        sub.update(
            cancel_at_period_end=True,
            cancel_at=sub["items"]["data"][0]["current_period_end"],
            canceled_at=call.ledger.now(),
        )
        sub["cancellation_details"]["reason"] = "cancellation_requested"
    elif cancel is False:
        sub.update(cancel_at_period_end=False, cancel_at=None, canceled_at=None)
        sub["cancellation_details"]["reason"] = None
    metadata = call.params.get("metadata")
    if isinstance(metadata, dict):
        sub["metadata"].update(metadata)
    return sub


ROUTES = (list_subscriptions, retrieve_subscription, update_subscription)
