"""Mailgun route forwarding raw MIME (a `forward()` URL ending in "mime": field `body-mime`)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.webhooks._common import FormFields, WebhookRejected, form_bytes, form_text

MAX_AGE = timedelta(minutes=5)


def parse_mailgun(
    form: FormFields,
    *,
    signing_key: str,
    seen_token: Callable[[str], bool],
    now: datetime | None = None,
) -> InboundEnvelope:
    """Verify Mailgun's signature, its freshness and that its token is new, then read the MIME.

    `seen_token(token)` answers whether the token was used before; the token is also returned
    as `provider_event_id` so the caller can record it together with the stored message.
    A replay is answered 406, which tells Mailgun not to retry.
    """
    timestamp = form_text(form, "timestamp") or ""
    token = form_text(form, "token") or ""
    signature = form_text(form, "signature") or ""
    expected = hmac.new(
        signing_key.encode(), (timestamp + token).encode(), hashlib.sha256
    ).hexdigest()
    if not (
        timestamp and token and hmac.compare_digest(expected.encode(), signature.lower().encode())
    ):
        raise WebhookRejected(401, "Mailgun signature does not match the webhook signing key")
    try:
        signed_at = datetime.fromtimestamp(int(timestamp), UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise WebhookRejected(401, "Mailgun timestamp is not a number") from exc
    if abs((now or datetime.now(UTC)) - signed_at) > MAX_AGE:
        raise WebhookRejected(401, "Mailgun signature is too old (or from the future)")
    if seen_token(token):
        raise WebhookRejected(406, "Mailgun token already used: replayed request")
    raw = form_bytes(form, "body-mime")
    if not raw:
        raise WebhookRejected(
            422, 'body-mime missing: make the route forward to a URL ending in "mime"'
        )
    recipient = form_text(form, "recipient")
    return InboundEnvelope(
        raw=raw,
        received_via="mailgun",
        mail_from=form_text(form, "sender"),
        rcpt_to=[address.strip() for address in recipient.split(",")] if recipient else [],
        provider_event_id=token,
    )
