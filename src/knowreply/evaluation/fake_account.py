"""The fake Stripe server the eval runs against: started once, reset to the demo seed per case.

Cases plant payments through the control API and the end state is read back through the
Stripe API itself (refunds, subscriptions) and the server's request log (writes).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from knowreply import demo_stripe
from knowreply.evaluation.cases import PlantedPayment

DAY_SECONDS = 86400
_WRITE_METHODS = frozenset({"POST", "DELETE"})


@dataclass(frozen=True)
class EndState:
    """What a run left in the Stripe account."""

    refunds: int
    refunded_minor: int
    cancelling: int
    payment_links: int
    portal_sessions: int
    writes: int
    deletes: int
    """DELETE requests: the agent must never end a subscription at once."""
    customer_emails: tuple[str, ...] = ()
    """Every customer of the account: no reply may name another customer than the sender."""


class FakeAccount:
    """The demo account on a running fake Stripe server."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._http = httpx.Client(base_url=url, timeout=10)
        self.demo = demo_stripe.demo_account(url)
        self._seeded_refunds: frozenset[str] = frozenset()
        """Refunds the demo account holds before a case runs (not the agent's doing)."""

    def close(self) -> None:
        self._http.close()

    def _control(self, method: str, path: str, payload: dict[str, Any] | None = None) -> Any:
        response = self._http.request(method, f"/_fake/{path}", json=payload)
        response.raise_for_status()
        return response.json()

    def _api(self, path: str, **params: str | int) -> Any:
        response = self._http.get(
            path, params=params, headers={"Authorization": f"Bearer {self.demo.key}"}
        )
        response.raise_for_status()
        return response.json()

    def reset(self) -> None:
        self._control("POST", "reset", {"seed": "demo"})
        seeded = self._api("/v1/refunds", limit=100)["data"]
        self._seeded_refunds = frozenset(str(refund["id"]) for refund in seeded)

    def clear_log(self) -> None:
        self._control("DELETE", "requests")

    def customer_id(self, email: str, name: str | None = None) -> str:
        customers = self._api("/v1/customers", email=email, limit=100)["data"]
        for customer in customers:
            if name is None or customer.get("name") == name:
                return str(customer["id"])
        raise LookupError(f"the demo account has no customer {email!r} named {name!r}")

    def plant(self, payment: PlantedPayment) -> str:
        """Add the payment; returns its charge id."""
        created = int(time.time() - payment.days_ago * DAY_SECONDS)
        made = self._control(
            "POST",
            "payments",
            {
                "customer": self.customer_id(payment.customer, payment.customer_name),
                "amount": payment.amount,
                "currency": payment.currency,
                "status": payment.status,
                "decline": payment.decline,
                "description": payment.description,
                "created": created,
            },
        )
        return str(made["charge"]["id"])

    def end_state(self) -> EndState:
        refunds = [
            refund
            for refund in self._api("/v1/refunds", limit=100)["data"]
            if refund["id"] not in self._seeded_refunds
        ]
        subscriptions = self._api("/v1/subscriptions", status="all", limit=100)["data"]
        log = [
            entry
            for entry in self._control("GET", "requests")
            if entry["path"].startswith("/v1/") and 200 <= entry["status"] < 300
        ]
        writes = [entry for entry in log if entry["method"] in _WRITE_METHODS]
        return EndState(
            refunds=len(refunds),
            refunded_minor=sum(int(refund["amount"]) for refund in refunds),
            cancelling=sum(1 for s in subscriptions if s.get("cancel_at_period_end")),
            payment_links=sum(1 for e in writes if e["path"] == "/v1/payment_links"),
            portal_sessions=sum(1 for e in writes if e["path"] == "/v1/billing_portal/sessions"),
            writes=len(writes),
            deletes=sum(1 for e in writes if e["method"] == "DELETE"),
            customer_emails=tuple(customer.email for customer in self.demo.customers),
        )


@contextmanager
def running_fake_account() -> Iterator[FakeAccount]:
    """A demo-seeded fake Stripe server on a free loopback port, for the length of an eval."""
    process = demo_stripe.start(limits=False)
    account = FakeAccount(process.url)
    try:
        yield account
    finally:
        account.close()
        process.stop()
