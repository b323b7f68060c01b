"""/v1/account: the account a key belongs to (the fake serves one)."""

from __future__ import annotations

from ..auth import ACCOUNT_ID
from ..routing import Call, route
from ..store import StripeObject

# What Stripe asked a restricted key for on this read, as a public report quotes it
# (github.com/stripe/stripe-node/issues/2246): a restricted key is refused, and the refusal
# names the account.
ACCOUNT_READ = "rak_accounts_kyc_id_numbers_read"


@route("GET", "/v1/account", ACCOUNT_READ)
def retrieve_account(call: Call) -> StripeObject:
    return {
        "id": ACCOUNT_ID,
        "object": "account",
        "type": "standard",
        "country": "US",
        "default_currency": "usd",
        "charges_enabled": True,
        "payouts_enabled": True,
        "details_submitted": True,
        "email": "owner@example.com",
        "business_profile": {"name": "Knowreply Demo Shop"},
        "settings": {"dashboard": {"display_name": "Knowreply Demo Shop"}},
        "created": 1_700_000_000,
    }


ROUTES = (retrieve_account,)
