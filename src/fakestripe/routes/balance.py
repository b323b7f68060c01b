"""/v1/balance (the cheapest read, for checking a key) and /v1/balance_transactions."""

from __future__ import annotations

from collections import defaultdict

from ..routing import Call, filtered, page, route
from ..store import StripeObject

BALANCE_READ = "rak_balance_read"
TRANSACTIONS_READ = "rak_balance_transaction_source_read"


@route("GET", "/v1/balance", BALANCE_READ)
def retrieve_balance(call: Call) -> StripeObject:
    totals: dict[str, int] = defaultdict(int)
    for txn in call.ledger.all("balance_transaction"):
        totals[txn["currency"]] += txn["net"]
    available = [
        {"amount": amount, "currency": currency, "source_types": {"card": amount}}
        for currency, amount in sorted(totals.items())
    ] or [{"amount": 0, "currency": "usd", "source_types": {"card": 0}}]
    return {
        "object": "balance",
        "livemode": call.ledger.livemode,
        "available": available,
        "pending": [
            {"amount": 0, "currency": entry["currency"], "source_types": {"card": 0}}
            for entry in available
        ],
    }


@route("GET", "/v1/balance_transactions", TRANSACTIONS_READ)
def list_balance_transactions(call: Call) -> StripeObject:
    found = filtered(
        call.ledger.all("balance_transaction"),
        type=call.text("type"),
        source=call.text("source"),
        currency=call.text("currency"),
    )
    return page(call, found, "/v1/balance_transactions")


@route("GET", "/v1/balance_transactions/{txn}", TRANSACTIONS_READ)
def retrieve_balance_transaction(call: Call) -> StripeObject:
    return call.ledger.get(call.path["txn"], "balance_transaction")


ROUTES = (retrieve_balance, list_balance_transactions, retrieve_balance_transaction)
