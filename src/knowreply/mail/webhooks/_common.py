"""What every provider webhook shares: the rejection error, basic auth, field access."""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel, ValidationError

FormFields = Mapping[str, str | bytes]
"""Decoded form fields of a provider's POST (urlencoded or multipart)."""

Model = TypeVar("Model", bound=BaseModel)


class WebhookRejected(Exception):
    """The request must not be accepted; answer it with `status_code`.

    Providers retry most non-2xx answers, so a configuration mistake on our side (4xx other
    than the provider's "give up" code) leaves time to fix it without losing mail.
    """

    def __init__(self, status_code: int, reason: str) -> None:
        super().__init__(f"{status_code}: {reason}")
        self.status_code = status_code
        self.reason = reason


@dataclass(frozen=True)
class BasicCredentials:
    """The username and password put in the webhook URL configured at the provider."""

    username: str
    password: str = field(repr=False)


def require_basic_auth(headers: Mapping[str, str], credentials: BasicCredentials) -> None:
    """Check the Authorization header in constant time; raise 401 when it does not match."""
    header = header_value(headers, "authorization") or ""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        raise WebhookRejected(401, "basic authentication required")
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True)
    except binascii.Error as exc:
        raise WebhookRejected(401, "malformed basic authentication") from exc
    username, separator, password = decoded.partition(b":")
    username_ok = hmac.compare_digest(username, credentials.username.encode())
    password_ok = hmac.compare_digest(password, credentials.password.encode())
    if not (separator and username_ok and password_ok):
        raise WebhookRejected(401, "wrong webhook credentials")


def header_value(headers: Mapping[str, str], name: str) -> str | None:
    """A header by case-insensitive name (plain dicts included)."""
    if name in headers:
        return headers[name]
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def form_text(form: FormFields, name: str) -> str | None:
    value = form.get(name)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value


def form_bytes(form: FormFields, name: str) -> bytes | None:
    """A field holding raw MIME, as bytes (a text field is re-encoded as UTF-8)."""
    value = form.get(name)
    if isinstance(value, str):
        return value.encode("utf-8")
    return value


def parse_json(model: type[Model], body: bytes | str) -> Model:
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        raise WebhookRejected(
            400, f"unexpected payload: {exc.error_count()} invalid fields"
        ) from exc
