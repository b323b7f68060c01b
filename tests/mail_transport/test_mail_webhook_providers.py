"""Postmark, Mailgun and SendGrid inbound webhooks: who may post, and what comes out."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest

from knowreply.mail.webhooks import (
    BasicCredentials,
    WebhookRejected,
    parse_mailgun,
    parse_postmark,
    parse_sendgrid,
)

RAW = (
    "From: Carol <carol@example.com>\r\nTo: support@shop.test\r\n"
    "Subject: Où est mon remboursement ?\r\nContent-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\nMerci d'avance, 12,50 €\r\n"
)
CREDENTIALS = BasicCredentials("postmark", "s3cret-hook-password")


def basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


# Postmark


def postmark_body(**overrides: object) -> bytes:
    payload: dict[str, object] = {
        "From": "carol@example.com",
        "OriginalRecipient": "abc123+support@inbound.postmarkapp.com",
        "Subject": "Où est mon remboursement ?",
        "MessageID": "22c74902-a0c1-4511-804f2-341342852c90",
        "Headers": [
            {"Name": "Return-Path", "Value": "<bounce@example.com>"},
            {"Name": "X-Spam-Status", "Value": "No"},
            {"Name": "X-Spam-Score", "Value": "-0.1"},
            {"Name": "Received-SPF", "Value": "Pass (sender SPF authorized) identity=mailfrom"},
        ],
        "RawEmail": RAW,
    }
    payload.update(overrides)
    return json.dumps(payload).encode()


def test_postmark_with_the_right_credentials_gives_the_raw_email() -> None:
    envelope = parse_postmark(
        basic("postmark", "s3cret-hook-password"), postmark_body(), credentials=CREDENTIALS
    )

    assert envelope.raw == RAW.encode()
    assert envelope.received_via == "postmark"
    assert envelope.mail_from == "bounce@example.com"
    assert envelope.rcpt_to == ["abc123+support@inbound.postmarkapp.com"]
    assert envelope.provider_verdicts == {"spam": "no", "spam_score": "-0.1", "spf": "pass"}
    assert envelope.provider_event_id == "22c74902-a0c1-4511-804f2-341342852c90"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        basic("postmark", "wrong"),
        basic("someone", "s3cret-hook-password"),
        basic("postmark", "s3cret-hook-password-and-more"),
        {"Authorization": "Bearer s3cret-hook-password"},
        {"Authorization": "Basic !!not-base64!!"},
    ],
    ids=["none", "wrong-password", "wrong-user", "longer-password", "not-basic", "garbled"],
)
def test_postmark_without_the_right_credentials_is_refused(headers: dict[str, str]) -> None:
    with pytest.raises(WebhookRejected) as caught:
        parse_postmark(headers, postmark_body(), credentials=CREDENTIALS)

    assert caught.value.status_code == 401


def test_postmark_without_raw_email_asks_for_the_setting() -> None:
    with pytest.raises(WebhookRejected) as caught:
        parse_postmark(
            basic("postmark", "s3cret-hook-password"),
            postmark_body(RawEmail=None),
            credentials=CREDENTIALS,
        )

    assert caught.value.status_code == 422
    assert "Include raw email content" in caught.value.reason


def test_postmark_garbage_is_a_bad_request() -> None:
    with pytest.raises(WebhookRejected) as caught:
        parse_postmark(
            basic("postmark", "s3cret-hook-password"), b"not json", credentials=CREDENTIALS
        )

    assert caught.value.status_code == 400


# Mailgun

SIGNING_KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0"
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


class TokenLog:
    """The caller's replay memory: tokens seen before."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, token: str) -> bool:
        if token in self.seen:
            return True
        self.seen.add(token)
        return False


def mailgun_form(
    *, signed_at: datetime = NOW, token: str = "a" * 50, key: str = SIGNING_KEY
) -> dict[str, str | bytes]:
    timestamp = str(int(signed_at.timestamp()))
    signature = hmac.new(key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()
    return {
        "timestamp": timestamp,
        "token": token,
        "signature": signature,
        "recipient": "support@mg.shop.test",
        "sender": "carol@example.com",
        "body-mime": RAW,
    }


def test_mailgun_with_a_valid_signature_gives_the_raw_email() -> None:
    envelope = parse_mailgun(
        mailgun_form(), signing_key=SIGNING_KEY, seen_token=TokenLog(), now=NOW
    )

    assert envelope.raw == RAW.encode()
    assert envelope.received_via == "mailgun"
    assert envelope.mail_from == "carol@example.com"
    assert envelope.rcpt_to == ["support@mg.shop.test"]
    assert envelope.provider_event_id == "a" * 50


def test_mailgun_signed_with_another_key_is_refused() -> None:
    with pytest.raises(WebhookRejected) as caught:
        parse_mailgun(
            mailgun_form(key="key-someone-else"),
            signing_key=SIGNING_KEY,
            seen_token=TokenLog(),
            now=NOW,
        )

    assert caught.value.status_code == 401


def test_mailgun_with_a_tampered_token_is_refused() -> None:
    form = mailgun_form()
    form["token"] = "b" * 50

    with pytest.raises(WebhookRejected) as caught:
        parse_mailgun(form, signing_key=SIGNING_KEY, seen_token=TokenLog(), now=NOW)

    assert caught.value.status_code == 401


def test_mailgun_replaying_a_token_is_refused_without_retry() -> None:
    tokens = TokenLog()
    parse_mailgun(mailgun_form(), signing_key=SIGNING_KEY, seen_token=tokens, now=NOW)

    with pytest.raises(WebhookRejected) as caught:
        later = NOW + timedelta(seconds=30)
        parse_mailgun(mailgun_form(), signing_key=SIGNING_KEY, seen_token=tokens, now=later)

    assert caught.value.status_code == 406


@pytest.mark.parametrize(
    "age", [timedelta(minutes=6), timedelta(minutes=-6)], ids=["old", "future"]
)
def test_mailgun_with_a_stale_timestamp_is_refused(age: timedelta) -> None:
    tokens = TokenLog()

    with pytest.raises(WebhookRejected) as caught:
        parse_mailgun(
            mailgun_form(signed_at=NOW - age), signing_key=SIGNING_KEY, seen_token=tokens, now=NOW
        )

    assert caught.value.status_code == 401
    assert tokens.seen == set()  # a refused request does not burn its token


def test_mailgun_parsed_route_instead_of_raw_mime_asks_for_the_mime_url() -> None:
    form = mailgun_form()
    del form["body-mime"]

    with pytest.raises(WebhookRejected) as caught:
        parse_mailgun(form, signing_key=SIGNING_KEY, seen_token=TokenLog(), now=NOW)

    assert caught.value.status_code == 422


# SendGrid


def sendgrid_form() -> dict[str, str | bytes]:
    return {
        "email": RAW.encode(),
        "envelope": json.dumps({"to": ["support@parse.shop.test"], "from": "carol@example.com"}),
        "SPF": "pass",
        "dkim": "{@example.com : pass}",
        "spam_score": "0.3",
    }


def test_sendgrid_raw_mode_gives_the_raw_email_and_envelope() -> None:
    envelope = parse_sendgrid({}, sendgrid_form())

    assert envelope.raw == RAW.encode()
    assert envelope.received_via == "sendgrid"
    assert envelope.mail_from == "carol@example.com"
    assert envelope.rcpt_to == ["support@parse.shop.test"]
    assert envelope.provider_verdicts == {
        "spf": "pass",
        "dkim": "{@example.com : pass}",
        "spam_score": "0.3",
    }


def test_sendgrid_with_basic_auth_checks_it() -> None:
    credentials = BasicCredentials("sendgrid", "another-s3cret")

    accepted = parse_sendgrid(
        basic("sendgrid", "another-s3cret"), sendgrid_form(), credentials=credentials
    )
    with pytest.raises(WebhookRejected) as caught:
        parse_sendgrid(basic("sendgrid", "guess"), sendgrid_form(), credentials=credentials)

    assert accepted.raw == RAW.encode()
    assert caught.value.status_code == 401


def test_sendgrid_parsed_mode_asks_for_raw_mime() -> None:
    form = sendgrid_form()
    del form["email"]

    with pytest.raises(WebhookRejected) as caught:
        parse_sendgrid({}, form)

    assert caught.value.status_code == 422
    assert "raw, full MIME" in caught.value.reason
