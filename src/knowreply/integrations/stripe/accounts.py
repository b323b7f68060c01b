"""Which Stripe account a key reaches, so limits Stripe counts per account are counted so here.

`GET /v1/account` names it for a secret key. A restricted key is refused that read unless it
holds account permissions, but Stripe's refusal names the account too ("… does not have the
required permissions for this endpoint on account 'acct_…'"), so one request tells either way.
"""

from __future__ import annotations

import re

import stripe
import structlog

log = structlog.get_logger(__name__)

_ON_ACCOUNT = re.compile(r"on account '(acct_[A-Za-z0-9]+)'")


def account_in(message: str) -> str | None:
    """The `acct_…` a Stripe permission refusal names, if any."""
    found = _ON_ACCOUNT.search(message)
    return found[1] if found else None


async def account_of(client: stripe.StripeClient) -> str | None:
    """The key's account id, or None when Stripe did not say (the limiter then counts per key)."""
    try:
        account = await client.v1.accounts.retrieve_current_async()
    except stripe.PermissionError as error:
        return account_in(error.user_message or str(error))
    except stripe.AuthenticationError:
        raise
    except stripe.StripeError as error:
        log.warning("stripe.account.unknown", error=type(error).__name__)
        return None
    return account.id
