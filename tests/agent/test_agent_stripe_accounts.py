"""What a merchant's first day on a real Stripe account brings: draft renewal invoices, a
Customer portal never configured, open invoices, a key without a permission."""

from __future__ import annotations

import asyncio

from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.integrations.stripe.permissions import REQUIRED
from tests.agent.conftest import Shop


def test_a_newer_draft_never_hides_the_latest_invoice(shop: Shop) -> None:
    trace = shop.ask("carol@example.com", "Can you check my latest invoice?")

    assert trace.outcome == "replied", trace.reason
    assert trace.reply is not None
    assert "$29.00" in trace.reply.text
    assert "https://invoice.stripe.com/" in trace.reply.text
    assert "draft" not in trace.reply.text.lower()


def test_a_customer_portal_never_configured_goes_to_a_person_saying_so(shop: Shop) -> None:
    shop.stripe.control.portal(configured=False)

    trace = shop.ask("alice@example.com", "My credit card expired. How do I update my card?")

    assert trace.outcome == "escalated"
    assert trace.reason is not None
    assert trace.reason.startswith("Customer portal not configured in Stripe (test mode)")
    assert "https://dashboard.stripe.com/test/settings/billing/portal" in trace.reason
    assert trace.reply is None


def test_an_open_invoice_is_paid_on_its_own_page(shop: Shop) -> None:
    trace = shop.ask(
        "bob@example.com", "Can you send me a payment link so I can pay my open invoice?"
    )

    assert trace.outcome == "replied", trace.reason
    assert trace.reply is not None
    assert "https://invoice.stripe.com/" in trace.reply.text and "$15.00" in trace.reply.text
    writes = [r for r in shop.stripe.control.requests() if r["method"] == "POST"]
    assert writes == []  # no new Product, Price or Payment Link


def test_a_key_without_the_refund_permission_names_it_in_the_hand_off(shop: Shop) -> None:
    held = [p.rak for p in REQUIRED if p.rak != "rak_refund_write"]
    key = shop.stripe.control.restricted_key(held)
    view, _ = asyncio.run(
        service.connect(shop.runtime, None, key, actor="test", api_base=shop.stripe.url)
    )
    assert view.connected
    shop.capabilities(CapabilityName)

    trace = shop.ask("alice@example.com", "Please refund my last payment.")

    assert trace.outcome == "escalated"
    assert trace.reason == "Add Refunds: Write to the key in Stripe"
    assert shop.refunds() == []
