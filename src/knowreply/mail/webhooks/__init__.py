"""Inbound email from mail providers' webhooks, as pure functions over the HTTP request.

Each function verifies the request (credentials or signature) and returns the raw MIME as an
`InboundEnvelope`, or raises `WebhookRejected` carrying the status code to answer.
"""

from knowreply.mail.webhooks._common import BasicCredentials, FormFields, WebhookRejected
from knowreply.mail.webhooks.mailgun import parse_mailgun
from knowreply.mail.webhooks.postmark import parse_postmark
from knowreply.mail.webhooks.sendgrid import parse_sendgrid
from knowreply.mail.webhooks.ses import (
    SnsSubscriptionConfirmation,
    SnsUnsubscribeConfirmation,
    parse_ses_sns,
)
from knowreply.mail.webhooks.sns import FetchCertificate, SnsMessage, verify_sns_message

__all__ = [
    "BasicCredentials",
    "FetchCertificate",
    "FormFields",
    "SnsMessage",
    "SnsSubscriptionConfirmation",
    "SnsUnsubscribeConfirmation",
    "WebhookRejected",
    "parse_mailgun",
    "parse_postmark",
    "parse_sendgrid",
    "parse_ses_sns",
    "verify_sns_message",
]
