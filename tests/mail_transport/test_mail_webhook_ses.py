"""Amazon SES receipts delivered by SNS: signatures checked against a certificate we made."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.webhooks import (
    SnsSubscriptionConfirmation,
    SnsUnsubscribeConfirmation,
    WebhookRejected,
    parse_ses_sns,
)

TOPIC = "arn:aws:sns:eu-west-1:123456789012:knowreply-inbound"
CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000.pem"
RAW = b"From: carol@example.com\r\nTo: support@shop.test\r\nSubject: refund\r\n\r\nHi\r\n"


@dataclass(frozen=True)
class FakeSns:
    """Signs like SNS does, with a key whose self-signed certificate it serves."""

    key: rsa.RSAPrivateKey
    certificate_pem: bytes

    def sign(self, message: dict[str, str], version: str = "2") -> dict[str, str]:
        if message["Type"] == "Notification":
            names = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
        else:
            names = [
                "Message",
                "MessageId",
                "SubscribeURL",
                "Timestamp",
                "Token",
                "TopicArn",
                "Type",
            ]
        canonical = "".join(f"{name}\n{message[name]}\n" for name in names if name in message)
        algorithm = hashes.SHA256() if version == "2" else hashes.SHA1()
        signature = self.key.sign(canonical.encode(), padding.PKCS1v15(), algorithm)
        return message | {
            "SignatureVersion": version,
            "Signature": base64.b64encode(signature).decode(),
            "SigningCertURL": CERT_URL,
        }


@pytest.fixture(scope="module")
def sns() -> FakeSns:
    return make_sns()


def make_sns() -> FakeSns:
    """A signing key and its self-signed certificate (also used by the pipeline's route tests)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sns.amazonaws.com")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return FakeSns(key, certificate.public_bytes(serialization.Encoding.PEM))


class CertificateFetcher:
    """What the web layer would do over HTTPS; remembers which URLs it was asked for."""

    def __init__(self, pem: bytes) -> None:
        self.pem = pem
        self.requested: list[str] = []

    async def __call__(self, url: str) -> bytes:
        self.requested.append(url)
        return self.pem


def ses_receipt(*, encoding: str = "BASE64") -> str:
    content = base64.b64encode(RAW).decode() if encoding == "BASE64" else RAW.decode()
    return json.dumps(
        {
            "notificationType": "Received",
            "receipt": {
                "timestamp": "2026-11-27T12:00:00.000Z",
                "recipients": ["support@shop.test"],
                "spamVerdict": {"status": "PASS"},
                "virusVerdict": {"status": "PASS"},
                "spfVerdict": {"status": "PASS"},
                "dkimVerdict": {"status": "GRAY"},
                "dmarcVerdict": {"status": "PASS"},
                "action": {"type": "SNS", "topicArn": TOPIC, "encoding": encoding},
            },
            "mail": {
                "source": "bounce@example.com",
                "messageId": "d6iitobk75ur44p8kdnnp7g2n800",
                "destination": ["support@shop.test"],
            },
            "content": content,
        }
    )


def notification(message: str, **extra: str) -> dict[str, str]:
    return {
        "Type": "Notification",
        "MessageId": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        "TopicArn": TOPIC,
        "Subject": "Amazon SES Email Receipt Notification",
        "Message": message,
        "Timestamp": "2026-11-27T12:00:00.123Z",
    } | extra


async def parse(body: dict[str, str], sns: FakeSns) -> object:
    return await parse_ses_sns(
        {"x-amz-sns-message-type": body["Type"]},
        json.dumps(body).encode(),
        topic_arns={TOPIC},
        fetch_certificate=CertificateFetcher(sns.certificate_pem),
    )


@pytest.mark.parametrize("version", ["1", "2"])
@pytest.mark.parametrize("encoding", ["BASE64", "UTF8"])
async def test_a_signed_ses_receipt_gives_the_raw_email(
    sns: FakeSns, version: str, encoding: str
) -> None:
    body = sns.sign(notification(ses_receipt(encoding=encoding)), version)
    fetcher = CertificateFetcher(sns.certificate_pem)

    envelope = await parse_ses_sns(
        {}, json.dumps(body).encode(), topic_arns={TOPIC}, fetch_certificate=fetcher
    )

    assert isinstance(envelope, InboundEnvelope)
    assert envelope.raw == RAW
    assert envelope.received_via == "ses"
    assert envelope.mail_from == "bounce@example.com"
    assert envelope.rcpt_to == ["support@shop.test"]
    assert envelope.provider_verdicts == {
        "spf": "pass",
        "dkim": "gray",
        "dmarc": "pass",
        "spam": "pass",
        "virus": "pass",
    }
    assert envelope.provider_event_id == "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324"
    assert fetcher.requested == [CERT_URL]


async def test_a_tampered_message_is_refused(sns: FakeSns) -> None:
    body = sns.sign(notification(ses_receipt()))
    body["Message"] = body["Message"].replace("support@shop.test", "attacker@evil.test")

    with pytest.raises(WebhookRejected) as caught:
        await parse(body, sns)

    assert caught.value.status_code == 401
    assert caught.value.reason == "SNS signature does not match the message"


async def test_a_message_signed_by_another_key_is_refused(sns: FakeSns) -> None:
    impostor = FakeSns(rsa.generate_private_key(public_exponent=65537, key_size=2048), b"")
    body = impostor.sign(notification(ses_receipt()))

    with pytest.raises(WebhookRejected) as caught:
        await parse(body, sns)

    assert caught.value.reason == "SNS signature does not match the message"


@pytest.mark.parametrize(
    "url",
    [
        "http://sns.eu-west-1.amazonaws.com/cert.pem",
        "https://sns.eu-west-1.amazonaws.com.evil.test/cert.pem",
        "https://evil.test/sns.eu-west-1.amazonaws.com/cert.pem",
        "https://user@sns.eu-west-1.amazonaws.com/cert.pem",
        "https://sns.eu-west-1.amazonaws.com:8443/cert.pem",
        "https://sns.eu-west-1.amazonaws.com/cert.txt",
    ],
)
async def test_a_certificate_from_anywhere_but_sns_is_not_fetched(sns: FakeSns, url: str) -> None:
    body = sns.sign(notification(ses_receipt())) | {"SigningCertURL": url}
    fetcher = CertificateFetcher(sns.certificate_pem)

    with pytest.raises(WebhookRejected) as caught:
        await parse_ses_sns(
            {}, json.dumps(body).encode(), topic_arns={TOPIC}, fetch_certificate=fetcher
        )

    assert caught.value.status_code == 401
    assert fetcher.requested == []


async def test_a_topic_we_did_not_subscribe_to_is_refused(sns: FakeSns) -> None:
    body = sns.sign(notification(ses_receipt(), TopicArn="arn:aws:sns:eu-west-1:999:other"))

    with pytest.raises(WebhookRejected) as caught:
        await parse(body, sns)

    assert caught.value.status_code == 403


async def test_a_subscription_confirmation_is_handed_back_to_act_on(sns: FakeSns) -> None:
    subscribe_url = (
        "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn="
        f"{TOPIC}&Token=2336412f37"
    )
    body = sns.sign(
        {
            "Type": "SubscriptionConfirmation",
            "MessageId": "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
            "Token": "2336412f37",
            "TopicArn": TOPIC,
            "Message": f"You have chosen to subscribe to the topic {TOPIC}.",
            "SubscribeURL": subscribe_url,
            "Timestamp": "2026-11-27T12:00:00.000Z",
        }
    )

    result = await parse(body, sns)

    assert result == SnsSubscriptionConfirmation(TOPIC, subscribe_url, "2336412f37")


async def test_a_subscription_confirmation_pointing_elsewhere_is_refused(sns: FakeSns) -> None:
    body = sns.sign(
        {
            "Type": "SubscriptionConfirmation",
            "MessageId": "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
            "Token": "2336412f37",
            "TopicArn": TOPIC,
            "Message": "Please visit the URL.",
            "SubscribeURL": "https://169.254.169.254/latest/meta-data/",
            "Timestamp": "2026-11-27T12:00:00.000Z",
        }
    )

    with pytest.raises(WebhookRejected):
        await parse(body, sns)


async def test_an_unsubscribe_confirmation_is_acknowledged(sns: FakeSns) -> None:
    body = sns.sign(
        {
            "Type": "UnsubscribeConfirmation",
            "MessageId": "47138184-6831-46b8-8f7c-afc488602d7d",
            "Token": "2336412f37",
            "TopicArn": TOPIC,
            "Message": "You have chosen to deactivate subscription.",
            "SubscribeURL": "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription",
            "Timestamp": "2026-11-27T12:00:00.000Z",
        }
    )

    assert await parse(body, sns) == SnsUnsubscribeConfirmation(TOPIC)


async def test_a_receipt_without_content_explains_the_sns_action(sns: FakeSns) -> None:
    receipt = json.loads(ses_receipt())
    del receipt["content"]
    receipt["receipt"]["action"] = {"type": "S3", "bucketName": "mail"}
    body = sns.sign(notification(json.dumps(receipt)))

    with pytest.raises(WebhookRejected) as caught:
        await parse(body, sns)

    assert caught.value.status_code == 422


async def test_a_message_type_header_that_disagrees_is_refused(sns: FakeSns) -> None:
    body = sns.sign(notification(ses_receipt()))

    with pytest.raises(WebhookRejected) as caught:
        await parse_ses_sns(
            {"X-Amz-Sns-Message-Type": "SubscriptionConfirmation"},
            json.dumps(body).encode(),
            topic_arns={TOPIC},
            fetch_certificate=CertificateFetcher(sns.certificate_pem),
        )

    assert caught.value.status_code == 400
