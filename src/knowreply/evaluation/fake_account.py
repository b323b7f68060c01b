"""The fake Stripe server the eval runs against: started once, reset to the demo seed per case.

Cases plant payments through the control API and the end state is read back through the
Stripe API itself (refunds, subscriptions) and the server's request log (writes).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn

from knowreply.evaluation.cases import PlantedPayment
from knowreply.integrations.stripe.fake import DEMO_RESTRICTED_KEY, create_app

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


class FakeAccount:
    """The demo account on a running fake Stripe server."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._http = httpx.Client(base_url=url, timeout=10)

    def close(self) -> None:
        self._http.close()

    def _control(self, method: str, path: str, payload: dict[str, Any] | None = None) -> Any:
        response = self._http.request(method, f"/_fake/{path}", json=payload)
        response.raise_for_status()
        return response.json()

    def _api(self, path: str, **params: str | int) -> Any:
        response = self._http.get(
            path, params=params, headers={"Authorization": f"Bearer {DEMO_RESTRICTED_KEY}"}
        )
        response.raise_for_status()
        return response.json()

    def reset(self) -> None:
        self._control("POST", "reset", {"seed": "demo"})

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
        refunds = self._api("/v1/refunds", limit=100)["data"]
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
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_fake_account() -> Iterator[FakeAccount]:
    """A demo-seeded fake Stripe server on a free loopback port, for the length of an eval."""
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(seed="demo"),
            host="127.0.0.1",
            port=_free_port(),
            log_level="warning",
            lifespan="off",
        )
    )
    thread = threading.Thread(target=server.run, name="eval-fake-stripe", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the fake Stripe server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    account = FakeAccount(f"http://127.0.0.1:{port}")
    try:
        yield account
    finally:
        account.close()
        server.should_exit = True
        thread.join(timeout=10)
