"""Who is calling: API keys, their mode, and restricted keys' permissions (`rak_*`)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Literal

from .errors import StripeError

Mode = Literal["test", "live"]

ACCOUNT_ID = "acct_1KnowReplyFake0"
"""The one account the fake serves; it appears in permission errors like Stripe's."""

KEYS_URL = "https://dashboard.stripe.com/account/apikeys"
_PREFIXES = ("sk_test_", "sk_live_", "rk_test_", "rk_live_", "pk_test_", "pk_live_")


def mask(key: str) -> str:
    """Stripe's way of quoting a key back: its prefix, stars, and the last four characters."""
    prefix = next((p for p in _PREFIXES if key.startswith(p)), "")
    rest = key[len(prefix) :]
    if len(rest) <= 4:
        return prefix + "*" * len(rest)
    return prefix + "*" * (len(rest) - 4) + rest[-4:]


@dataclass(frozen=True)
class Caller:
    """An authenticated key: its mode, and for a restricted key its permissions."""

    masked_key: str
    mode: Mode
    permissions: frozenset[str] | None
    """None for a secret key (everything allowed)."""

    def require(self, permission: str) -> None:
        """Raise Stripe's 403 unless the key holds `permission` (write also grants read)."""
        if self.permissions is None or permission in self.permissions:
            return
        if permission.endswith("_read") and permission[:-5] + "_write" in self.permissions:
            return
        raise StripeError(
            status=403,
            message=(
                f"The provided key '{self.masked_key}' does not have the required permissions "
                f"for this endpoint on account '{ACCOUNT_ID}'. Having the '{permission}' "
                "permission would allow this request to continue."
            ),
        )


def key_from_header(authorization: str | None) -> str | None:
    """The API key in `Bearer <key>` or Basic auth (`curl -u <key>:`), as Stripe accepts both."""
    scheme, _, value = (authorization or "").partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer":
        return value or None
    if scheme.lower() == "basic":
        try:
            user = base64.b64decode(value, validate=True).decode().partition(":")[0]
        except (binascii.Error, UnicodeDecodeError):
            return None
        return user or None
    return None


def _unauthorized(message: str) -> StripeError:
    return StripeError(status=401, message=message)


class KeyRing:
    """The restricted keys registered through the control API, with their permissions."""

    def __init__(self) -> None:
        self._restricted: dict[str, frozenset[str]] = {}

    def register(self, key: str, permissions: frozenset[str]) -> None:
        if not key.startswith(("rk_test_", "rk_live_")):
            raise ValueError("a restricted key starts with rk_test_ or rk_live_")
        self._restricted[key] = permissions

    def clear(self) -> None:
        self._restricted.clear()

    def dump(self) -> dict[str, list[str]]:
        return {key: sorted(held) for key, held in self._restricted.items()}

    def load(self, saved: dict[str, list[str]]) -> None:
        self._restricted = {key: frozenset(held) for key, held in saved.items()}

    def authenticate(self, authorization: str | None) -> Caller:
        """The caller behind an `Authorization` header, or Stripe's 401."""
        key = key_from_header(authorization)
        if key is None:
            raise _unauthorized(
                "You did not provide an API key. You need to provide your API key in the "
                "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
                f"YOUR_SECRET_KEY'). See {KEYS_URL}."
            )
        if key.startswith(("pk_test_", "pk_live_")):
            raise _unauthorized(
                "This API call cannot be made with a publishable API key. Please use a secret "
                f"API key. You can find a list of your API keys at {KEYS_URL}."
            )
        mode: Mode = "live" if key[3:8] == "live_" else "test"
        if key.startswith(("sk_test_", "sk_live_")) and len(key) > 8:
            return Caller(masked_key=mask(key), mode=mode, permissions=None)
        permissions = self._restricted.get(key)
        if permissions is None:
            raise _unauthorized(f"Invalid API Key provided: {mask(key)}")
        return Caller(masked_key=mask(key), mode=mode, permissions=permissions)
