"""Postmark inbound webhook, with "Include raw email content" turned on."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from knowreply.mail.inbound import InboundEnvelope, VerdictName
from knowreply.mail.webhooks._common import (
    BasicCredentials,
    WebhookRejected,
    parse_json,
    require_basic_auth,
)


class _Header(BaseModel):
    Name: str
    Value: str


class _PostmarkInbound(BaseModel):
    model_config = ConfigDict(extra="ignore")

    MessageID: str | None = None
    OriginalRecipient: str | None = None
    RawEmail: str | None = None
    Headers: list[_Header] = []


_VERDICT_HEADERS: dict[str, VerdictName] = {
    "x-spam-status": "spam",
    "x-spam-score": "spam_score",
    "received-spf": "spf",
}


def parse_postmark(
    headers: Mapping[str, str], body: bytes, *, credentials: BasicCredentials
) -> InboundEnvelope:
    """Postmark POSTs JSON; the webhook URL carries basic-auth credentials we gave it.

    Without `RawEmail` we answer 422 (Postmark retries), so turning the setting on in
    Postmark recovers the message instead of losing it.
    """
    require_basic_auth(headers, credentials)
    payload = parse_json(_PostmarkInbound, body)
    if not payload.RawEmail:
        raise WebhookRejected(
            422, 'RawEmail missing: turn on "Include raw email content" for this inbound stream'
        )
    by_name = {header.Name.lower(): header.Value for header in payload.Headers}
    verdicts: dict[VerdictName, str] = {
        verdict: by_name[name].split()[0].lower()
        for name, verdict in _VERDICT_HEADERS.items()
        if by_name.get(name, "").strip()
    }
    return_path = by_name.get("return-path")
    return InboundEnvelope(
        raw=payload.RawEmail.encode("utf-8"),
        received_via="postmark",
        mail_from=return_path.strip().strip("<>") if return_path is not None else None,
        rcpt_to=[payload.OriginalRecipient] if payload.OriginalRecipient else [],
        provider_verdicts=verdicts,
        provider_event_id=payload.MessageID,
    )
