"""The webhook's signature, as Stripe signs its own: `Knowreply-Signature: t=<unix
time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>`. A receiver recomputes it and
refuses a stale `t` (replays)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

HEADER = "Knowreply-Signature"
SECRET_PREFIX = "whsec_"
TOLERANCE_SECONDS = 300


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, *, now: int) -> bool:
    """What a receiver does: the header's `t` is recent and one `v1` matches."""
    parts = [part.partition("=") for part in header.split(",")]
    stamps = [value for name, _, value in parts if name == "t"]
    if len(stamps) != 1 or not stamps[0].isdigit():
        return False
    timestamp = int(stamps[0])
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = _digest(secret, timestamp, body)
    return any(hmac.compare_digest(expected, value) for name, _, value in parts if name == "v1")
