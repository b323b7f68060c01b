"""Amazon SES receipt rule with an SNS action: the notification carries the raw MIME."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from knowreply.mail.inbound import InboundEnvelope, VerdictName
from knowreply.mail.webhooks._common import WebhookRejected, header_value, parse_json
from knowreply.mail.webhooks.sns import FetchCertificate, require_sns_url, verify_sns_message


@dataclass(frozen=True)
class SnsSubscriptionConfirmation:
    """SNS asks us to confirm the subscription: GET `subscribe_url` (already checked to be an
    SNS URL) once the operator expects this topic."""

    topic_arn: str
    subscribe_url: str
    token: str


@dataclass(frozen=True)
class SnsUnsubscribeConfirmation:
    """The subscription was removed; nothing to store."""

    topic_arn: str


class _Verdict(BaseModel):
    status: str


class _Action(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str
    encoding: str | None = None


class _Receipt(BaseModel):
    model_config = ConfigDict(extra="ignore")
    recipients: list[str] = []
    action: _Action
    spfVerdict: _Verdict | None = None
    dkimVerdict: _Verdict | None = None
    dmarcVerdict: _Verdict | None = None
    spamVerdict: _Verdict | None = None
    virusVerdict: _Verdict | None = None


class _Mail(BaseModel):
    model_config = ConfigDict(extra="ignore")
    source: str | None = None
    messageId: str | None = None


class _SesNotification(BaseModel):
    model_config = ConfigDict(extra="ignore")
    notificationType: str
    receipt: _Receipt
    mail: _Mail
    content: str | None = None


async def parse_ses_sns(
    headers: Mapping[str, str],
    body: bytes,
    *,
    topic_arns: Collection[str],
    fetch_certificate: FetchCertificate,
) -> InboundEnvelope | SnsSubscriptionConfirmation | SnsUnsubscribeConfirmation:
    """Verify the SNS delivery, then take the email out of the SES notification inside it.

    The SNS `MessageId` becomes `provider_event_id`: store it uniquely, since a signed SNS
    message stays valid when replayed.
    """
    message = await verify_sns_message(
        body, topic_arns=topic_arns, fetch_certificate=fetch_certificate
    )
    announced = header_value(headers, "x-amz-sns-message-type")
    if announced is not None and announced != message.Type:
        raise WebhookRejected(400, "x-amz-sns-message-type does not match the message")
    if message.Type == "SubscriptionConfirmation":
        if not message.SubscribeURL or not message.Token:
            raise WebhookRejected(400, "SubscriptionConfirmation without SubscribeURL or Token")
        require_sns_url(message.SubscribeURL, what="SubscribeURL")
        return SnsSubscriptionConfirmation(message.TopicArn, message.SubscribeURL, message.Token)
    if message.Type == "UnsubscribeConfirmation":
        return SnsUnsubscribeConfirmation(message.TopicArn)
    notification = parse_json(_SesNotification, message.Message)
    if notification.notificationType != "Received" or notification.content is None:
        raise WebhookRejected(
            422, "not an SES receipt with content: use an SNS action (mail up to 150 KB)"
        )
    return InboundEnvelope(
        raw=_content(notification),
        received_via="ses",
        mail_from=notification.mail.source,
        rcpt_to=list(notification.receipt.recipients),
        provider_verdicts=_verdicts(notification.receipt),
        provider_event_id=message.MessageId,
    )


def _content(notification: _SesNotification) -> bytes:
    assert notification.content is not None
    if (notification.receipt.action.encoding or "UTF8").upper() != "BASE64":
        return notification.content.encode("utf-8")
    try:
        return base64.b64decode(notification.content, validate=True)
    except binascii.Error as exc:
        raise WebhookRejected(400, "SES content is not valid base64") from exc


def _verdicts(receipt: _Receipt) -> dict[VerdictName, str]:
    found: dict[VerdictName, _Verdict | None] = {
        "spf": receipt.spfVerdict,
        "dkim": receipt.dkimVerdict,
        "dmarc": receipt.dmarcVerdict,
        "spam": receipt.spamVerdict,
        "virus": receipt.virusVerdict,
    }
    return {name: verdict.status.lower() for name, verdict in found.items() if verdict}
