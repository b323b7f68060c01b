"""The dashboard's words: outcomes and reasons from one table, audit events as sentences,
the home checklist, the Mail page's webhook URLs, and polls that cost nothing unchanged."""

from __future__ import annotations

import dataclasses

from fastapi.testclient import TestClient

from knowreply.runtime import Runtime
from knowreply.web import texts
from knowreply.web.audit_sentences import AuditEntry, sentence
from tests.web.conftest import Cast, plant_refund_request, sign_in


def test_the_rules_brains_reasons_read_as_sentences_not_enum_names() -> None:
    assert texts.reason("not a billing request the agent handles (not_billing)") == (
        "The email is not about billing, so a person answers it."
    )
    assert texts.reason("capability for refund is not enabled") == (
        "Answering a refund request is turned off in the Toolkit, so a person answers it."
    )
    assert texts.reason("cancel: needs a person") == (
        "The agent could not settle this cancellation request itself, so a person answers it."
    )
    assert texts.reason("Stripe is not connected (Dashboard > Toolkit).") == (
        "Stripe is not connected (Dashboard > Toolkit)."
    )
    assert texts.agent_outcome("replied") == "Would reply"
    assert texts.agent_outcome("replied", "conversation") == "Wrote a reply"


def test_a_refund_is_audited_as_a_sentence_naming_who_approved_it() -> None:
    named = {"customer_name": "Alice Martin", "customer_email": "alice@example.com"}
    refund = AuditEntry(
        action="stripe.refund",
        actor="agent",
        target="ch_123",
        result="done",
        detail={
            "amount_minor": 4900,
            "currency": "usd",
            "customer": "cus_1",
            **named,
            "approved_by": "dana@shop.com",
        },
        customer="alice@example.com",
    )
    assert sentence(refund) == (
        "Alice Martin was refunded $49.00 on ch_123 — approved by dana@shop.com"
    )
    older = dataclasses.replace(refund, detail={**refund.detail, "customer_name": None})
    assert sentence(older).startswith("alice@example.com was refunded $49.00")
    oldest = dataclasses.replace(
        refund, detail={"amount_minor": 4900, "currency": "usd", "customer": "cus_1"}, customer=None
    )
    assert sentence(oldest) == "cus_1 was refunded $49.00 on ch_123 — by the agent"
    refused = AuditEntry(
        action="stripe.connect",
        actor="dana@shop.com",
        target="rk_live_…9xQa",
        result="invalid_key",
        detail={"mode": "live"},
        customer=None,
    )
    assert sentence(refused) == (
        "dana@shop.com tried to connect Stripe with the key rk_live_…9xQa (live mode): "
        "Stripe did not accept the key"
    )


def test_the_audit_log_filters_by_kind_and_member(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    client.patch(
        "/api/v1/settings", json={"timezone": "Europe/Berlin"}, headers={"X-CSRF-Token": token}
    )
    page = client.get("/audit").text
    assert f"{cast.alice} changed timezone" in page
    assert f"{cast.alice} changed timezone" not in client.get("/audit?kind=stripe").text
    assert "No event matches" in client.get("/audit?member=nobody").text
    assert (
        f"{cast.alice} changed timezone" in client.get("/audit?kind=settings&since=2000-01-01").text
    )
    assert client.get("/audit.csv").text.splitlines()[1].split(",")[2] == "settings.update"


def test_home_shows_the_checklist_and_the_mail_page_the_webhook_urls(
    client: TestClient, cast: Cast
) -> None:
    token = sign_in(client, cast.alice)
    home = client.get("/").text
    assert 'data-testid="step-stripe" data-done="no"' in home
    assert 'data-testid="step-mail" data-done="no"' in home
    added = client.post("/mail/address", data={"address": "help@acme.test", "csrf_token": token})
    assert added.status_code == 200
    assert "Mail to help@acme.test now comes to this workspace." in added.text
    refused = client.post(
        "/mail/webhook", data={"provider": "postmark", "username": "u", "csrf_token": token}
    )
    assert refused.status_code == 400
    assert "postmark needs a username and a password" in refused.text
    assert "/webhooks/mailgun/default" in client.get("/mail").text


def test_the_mail_forms_save_what_works_and_name_what_does_not(
    client: TestClient, cast: Cast
) -> None:
    token = sign_in(client, cast.alice)
    smtp = client.post(
        "/mail/smtp",
        data={"host": "smtp.acme.test", "from_address": "help@acme.test", "csrf_token": token},
    )
    assert smtp.status_code == 200
    assert "Replies go out through smtp.acme.test:587 from help@acme.test." in smtp.text
    unreachable = client.post(
        "/mail/imap",
        data={
            "host": "127.0.0.1",
            "port": "1",
            "tls": "none",
            "username": "help@acme.test",
            "password": "pw",
            "csrf_token": token,
        },
    )
    assert unreachable.status_code == 400
    assert 'data-testid="mailbox-support"' not in client.get("/mail").text


def test_a_poll_of_unchanged_approvals_answers_204_without_asking_stripe(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    waiting = plant_refund_request(runtime)
    sign_in(client, cast.alice)
    assert client.get(f"/approvals?known={waiting}").status_code == 204
    changed = client.get("/approvals?known=")
    assert changed.status_code == 200
    assert f'data-testid="approval-{waiting}"' in changed.text
