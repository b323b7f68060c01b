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


def test_the_payment_history_shows_money_back_and_invoices_paid_without_a_charge(
    shop: Shop,
) -> None:
    trace = shop.ask("hana@example.com", "Can I see my payment history?")

    assert trace.outcome == "replied", trace.reason
    assert trace.reply is not None
    lines = [line for line in trace.reply.text.splitlines() if line.startswith("- ")]
    assert len(lines) == 4, trace.reply.text
    bank, credit, back, paid = lines  # newest first
    assert "$80.00" in bank and "paid outside Stripe" in bank
    assert "$25.00" in credit and "paid from your account credit" in credit
    assert "$20.00" in back and "money back to you" in back and "Visa" in back
    assert "$60.00" in paid and "partially refunded" in paid


def test_a_customer_portal_never_configured_goes_to_a_person_saying_so(shop: Shop) -> None:
    shop.stripe.control.portal(configured=False)

    trace = shop.ask("alice@example.com", "My credit card expired. How do I update my card?")

    assert trace.outcome == "escalated"
    assert trace.reason is not None
    assert trace.reason.startswith("Customer portal not configured in Stripe (test mode)")
    assert "https://dashboard.stripe.com/test/settings/billing/portal" in trace.reason
    assert trace.reply is None


def test_a_portal_refused_at_run_time_shows_on_the_toolkit_at_once(shop: Shop) -> None:
    assert service.status(shop.runtime, shop.workspace_id).portal is None
    shop.stripe.control.portal(configured=False)  # unsaved after the live check

    refused = shop.ask("alice@example.com", "My credit card expired. How do I update my card?")

    assert refused.outcome == "escalated"
    portal = service.status(shop.runtime, shop.workspace_id).portal
    assert portal is not None and portal.startswith("Customer portal not configured in Stripe")
    assert "Stripe Dashboard > Settings > Billing > Customer portal" in portal

    shop.stripe.control.portal(configured=True)  # the business saved it in the Dashboard
    answered = shop.ask("alice@example.com", "My credit card expired. How do I update my card?")

    assert answered.outcome == "replied", answered.reason
    assert service.status(shop.runtime, shop.workspace_id).portal is None


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
