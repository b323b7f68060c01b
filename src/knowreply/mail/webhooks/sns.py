"""Amazon SNS HTTP(S) deliveries: signature verification (SignatureVersion 1 and 2)."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Awaitable, Callable, Collection
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from pydantic import BaseModel, ConfigDict

from knowreply.mail.webhooks._common import WebhookRejected, parse_json

FetchCertificate = Callable[[str], Awaitable[bytes]]
"""GET a signing certificate (PEM) over verified HTTPS; may cache by URL."""

_SNS_HOST = re.compile(r"sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?")
_HASHES: dict[str, type[hashes.SHA1 | hashes.SHA256]] = {"1": hashes.SHA1, "2": hashes.SHA256}


class SnsMessage(BaseModel):
    """The JSON document SNS POSTs to an HTTP(S) subscription."""

    model_config = ConfigDict(extra="ignore")

    Type: Literal["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]
    MessageId: str
    TopicArn: str
    Message: str
    Timestamp: str
    SignatureVersion: str
    Signature: str
    SigningCertURL: str
    Subject: str | None = None
    SubscribeURL: str | None = None
    Token: str | None = None


async def verify_sns_message(
    body: bytes, *, topic_arns: Collection[str], fetch_certificate: FetchCertificate
) -> SnsMessage:
    """The message, once its topic is one we subscribed to and its signature is AWS's."""
    message = parse_json(SnsMessage, body)
    if message.TopicArn not in topic_arns:
        raise WebhookRejected(403, f"unexpected SNS topic {message.TopicArn}")
    algorithm = _HASHES.get(message.SignatureVersion)
    if algorithm is None:
        raise WebhookRejected(401, f"unknown SNS SignatureVersion {message.SignatureVersion}")
    require_sns_url(message.SigningCertURL, what="SigningCertURL")
    if not urlsplit(message.SigningCertURL).path.endswith(".pem"):
        raise WebhookRejected(401, "SigningCertURL is not a .pem certificate")
    try:
        signature = base64.b64decode(message.Signature, validate=True)
        certificate = x509.load_pem_x509_certificate(
            await fetch_certificate(message.SigningCertURL)
        )
    except (binascii.Error, ValueError) as exc:
        raise WebhookRejected(401, "unreadable SNS signature or certificate") from exc
    now = datetime.now(UTC)
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise WebhookRejected(401, "SNS signing certificate is expired or not yet valid")
    public_key = certificate.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise WebhookRejected(401, "SNS signing certificate does not hold an RSA key")
    try:
        public_key.verify(signature, string_to_sign(message), padding.PKCS1v15(), algorithm())
    except InvalidSignature as exc:
        raise WebhookRejected(401, "SNS signature does not match the message") from exc
    return message


def string_to_sign(message: SnsMessage) -> bytes:
    """The canonical form AWS signs: chosen fields in byte order, `name\\nvalue\\n` each."""
    if message.Type == "Notification":
        names = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
    else:
        names = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]
    fields = [(name, getattr(message, name)) for name in names]
    return "".join(f"{name}\n{value}\n" for name, value in fields if value is not None).encode()


def require_sns_url(url: str, *, what: str) -> None:
    """Only https URLs on an SNS regional endpoint (no user info, no port tricks)."""
    parts = urlsplit(url)
    if (
        parts.scheme != "https"
        or parts.username is not None
        or parts.port is not None
        or not _SNS_HOST.fullmatch(parts.hostname or "")
    ):
        raise WebhookRejected(401, f"{what} is not an https URL on sns.<region>.amazonaws.com")
