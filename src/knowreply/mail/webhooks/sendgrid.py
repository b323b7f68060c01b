"""SendGrid Inbound Parse with "POST the raw, full MIME message" on (field `email`)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from knowreply.mail.inbound import InboundEnvelope, VerdictName
from knowreply.mail.webhooks._common import (
    BasicCredentials,
    FormFields,
    WebhookRejected,
    form_bytes,
    form_text,
    require_basic_auth,
)

_VERDICT_FIELDS: dict[str, VerdictName] = {"SPF": "spf", "dkim": "dkim", "spam_score": "spam_score"}


def parse_sendgrid(
    headers: Mapping[str, str],
    form: FormFields,
    *,
    credentials: BasicCredentials | None = None,
) -> InboundEnvelope:
    """SendGrid signs nothing here: protect the URL with basic auth (`credentials`)."""
    if credentials is not None:
        require_basic_auth(headers, credentials)
    raw = form_bytes(form, "email")
    if not raw:
        raise WebhookRejected(422, 'email missing: turn on "POST the raw, full MIME message"')
    mail_from, rcpt_to = _envelope(form_text(form, "envelope"))
    verdicts: dict[VerdictName, str] = {}
    for name, verdict in _VERDICT_FIELDS.items():
        value = (form_text(form, name) or "").strip()
        if value:
            verdicts[verdict] = value
    return InboundEnvelope(
        raw=raw,
        received_via="sendgrid",
        mail_from=mail_from,
        rcpt_to=rcpt_to,
        provider_verdicts=verdicts,
    )


def _envelope(text: str | None) -> tuple[str | None, list[str]]:
    """SendGrid's `envelope` field: JSON `{"to": [...], "from": "..."}`."""
    if not text:
        return None, []
    try:
        envelope = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WebhookRejected(400, "envelope field is not JSON") from exc
    if not isinstance(envelope, dict):
        raise WebhookRejected(400, "envelope field is not a JSON object")
    sender = envelope.get("from")
    recipients = envelope.get("to") or []
    if not isinstance(recipients, list):
        recipients = [recipients]
    return (
        sender if isinstance(sender, str) else None,
        [address for address in recipients if isinstance(address, str)],
    )
