"""A quarter or a year of invoices, end to end through the fake Stripe: one lookup covers the
whole period, and a period with none says so for the period."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.agent.conftest import Shop
from tests.agent.test_agent_write_pipeline import alice_id

ALICE = "alice@example.com"


def _plant_2025(shop: Shop) -> None:
    """Paid invoices of July, August and October 2025 (mid-month: no timezone edge)."""
    customer = alice_id(shop)
    for month, amount in ((7, 1100), (8, 2200), (10, 3300)):
        created = int(datetime(2025, month, 15, tzinfo=UTC).timestamp())
        shop.stripe.control.invoice(customer, amount, "paid", created=created)


def test_a_quarter_lists_the_invoices_of_all_its_months(shop: Shop) -> None:
    _plant_2025(shop)

    trace = shop.ask(ALICE, "Could you send me my invoices for Q3 2025?")

    assert trace.outcome == "replied", trace.reason
    [lookup] = trace.tool_calls
    assert lookup.name == "list_invoices"
    assert {k: lookup.args[k] for k in ("year", "month", "months")} == {
        "year": 2025,
        "month": 7,
        "months": 3,
    }
    assert trace.reply is not None
    assert "$11.00" in trace.reply.text and "$22.00" in trace.reply.text
    assert "$33.00" not in trace.reply.text


def test_a_year_lists_the_invoices_of_all_its_months(shop: Shop) -> None:
    _plant_2025(shop)

    trace = shop.ask(ALICE, "Bitte senden Sie mir alle Rechnungen 2025.")

    assert trace.outcome == "replied", trace.reason
    assert trace.reply is not None
    assert all(amount in trace.reply.text for amount in ("11,00", "22,00", "33,00"))


def test_a_quarter_without_invoices_says_so_for_the_quarter(shop: Shop) -> None:
    _plant_2025(shop)

    trace = shop.ask(ALICE, "Could you send me my invoices for the first quarter of 2025?")

    assert trace.outcome == "replied", trace.reason
    assert [c.name for c in trace.tool_calls] == ["list_invoices", "list_invoices"]
    assert trace.reply is not None
    assert "January\u2009–\u2009March 2025" in trace.reply.text
    assert "most recent" in trace.reply.text


def test_an_invoice_asked_for_by_its_date_is_among_that_months(shop: Shop) -> None:
    _plant_2025(shop)

    trace = shop.ask(ALICE, "Can you resend the invoice from 15 August 2025? Need it for my books.")

    assert trace.outcome == "replied", trace.reason
    [lookup] = trace.tool_calls
    assert (lookup.args["year"], lookup.args["month"]) == (2025, 8)
    assert trace.reply is not None
    assert "$22.00" in trace.reply.text
    assert "$11.00" not in trace.reply.text and "$33.00" not in trace.reply.text


def test_an_invoice_asked_for_by_its_id_is_looked_up_by_it(shop: Shop) -> None:
    _plant_2025(shop)
    invoice_id = str(shop.stripe.control.invoice(alice_id(shop), 4400, "paid")["id"])

    trace = shop.ask(ALICE, f"Please send me invoice {invoice_id} again.")

    assert trace.outcome == "replied", trace.reason
    [lookup] = trace.tool_calls
    assert lookup.args["number"] == invoice_id
    assert trace.reply is not None
    assert "$44.00" in trace.reply.text and "$22.00" not in trace.reply.text
