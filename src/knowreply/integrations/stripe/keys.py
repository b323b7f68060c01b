"""Parse a pasted Stripe API key before any network call: its kind and mode, shown masked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

KeyKind = Literal["secret", "restricted"]
KeyMode = Literal["test", "live"]

DASHBOARD_HINT = (
    "Copy a restricted key (rk_…) or secret key (sk_…) from Dashboard > Developers > API keys."
)
SECRET_KEY_WARNING = (
    "This is a secret key (sk_…): it can do anything in your Stripe account. A restricted key "
    "(rk_…) holding only the permissions knowreply needs is safer."
)
_PREFIXES: dict[str, tuple[KeyKind, KeyMode]] = {
    "sk_test_": ("secret", "test"),
    "sk_live_": ("secret", "live"),
    "rk_test_": ("restricted", "test"),
    "rk_live_": ("restricted", "live"),
}
_BODY = re.compile(r"[A-Za-z0-9]+")
_QUOTES = "\"'`“”‘’"


class KeyFormatError(ValueError):
    """The text cannot be a usable Stripe key; `hint` says where to get one."""

    def __init__(self, message: str, hint: str = DASHBOARD_HINT) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class StripeKey:
    """A Stripe API key whose text never shows up in `repr`, `str` or logs."""

    secret: str = field(repr=False)
    """The full key, only for building a `StripeClient`."""
    kind: KeyKind
    mode: KeyMode

    @property
    def prefix(self) -> str:
        return self.secret[:8]

    @property
    def masked(self) -> str:
        """Like `rk_test_…9xQa`: safe to show and to log."""
        return f"{self.prefix}…{self.secret[-4:]}"

    @property
    def livemode(self) -> bool:
        return self.mode == "live"

    @property
    def warning(self) -> str | None:
        """Advice to show with the key, if any (a secret key grants too much)."""
        return SECRET_KEY_WARNING if self.kind == "secret" else None

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"StripeKey({self.masked}, kind={self.kind}, mode={self.mode})"


def parse_key(raw: str) -> StripeKey:
    """Check a pasted key's form; raise `KeyFormatError` with the words to show if it is wrong."""
    text = raw.strip().strip(_QUOTES).strip()
    if not text or text.startswith(("pk_test_", "pk_live_", "pk_")):
        raise KeyFormatError("Stripe Secret Key is required")
    prefix = text[:8]
    if prefix not in _PREFIXES:
        raise KeyFormatError(
            "This is not a Stripe secret or restricted key: it should start with "
            "sk_test_, sk_live_, rk_test_ or rk_live_."
        )
    if _BODY.fullmatch(text[8:]) is None or len(text) < 20:
        raise KeyFormatError(
            f"This {prefix}… key looks cut short or has extra characters in it: copy the whole "
            "key again."
        )
    kind, mode = _PREFIXES[prefix]
    return StripeKey(secret=text, kind=kind, mode=mode)
