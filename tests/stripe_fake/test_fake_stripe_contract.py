"""The contract check itself: it catches what the pinned API version would refuse."""

from __future__ import annotations

import stripe.params as p

from fake_stripe import FakeStripe
from knowreply.integrations.stripe.client import USER_AGENT
from tests.stripe_contract import check_params, violations


def test_a_request_that_fits_the_sdk_types_passes() -> None:
    assert (
        check_params({"customer": "cus_1", "limit": "4", "status": "paid"}, p.InvoiceListParams)
        == []
    )
    assert (
        check_params(
            {"payment": {"type": "payment_intent", "payment_intent": "pi_1"}, "limit": "1"},
            p.InvoicePaymentListParams,
        )
        == []
    )


def test_unknown_names_enum_values_missing_fields_and_deep_expands_are_caught() -> None:
    assert check_params(
        {"customr": "cus_1", "status": "sleeping", "expand": ["data.a.b.c.d"]}, p.InvoiceListParams
    ) == [
        "customr: unknown parameter",
        "status: 'sleeping' is not one of ['draft', 'open', 'paid', 'uncollectible', 'void']",
        "expand: 'data.a.b.c.d' is deeper than 4 levels",
    ]
    assert check_params({"line_items": [{"prize": "price_1"}]}, p.PaymentLinkCreateParams) == [
        "line_items[0][prize]: unknown parameter",
        "line_items[0][quantity]: required but missing",
    ]
    assert check_params({"charge": "ch_1", "amount": "ten"}, p.RefundCreateParams) == [
        "amount: not an integer"
    ]


def test_only_the_products_requests_are_held_to_the_contract() -> None:
    sent = {"method": "GET", "path": "/v1/invoices", "params": [["status", "sleeping"]]}

    assert violations([{**sent, "user_agent": "Stripe/v1 PythonBindings/16"}]) == []
    assert violations([{**sent, "user_agent": f"Stripe/v1 PythonBindings/16 {USER_AGENT}"}]) == [
        "GET /v1/invoices: status: 'sleeping' is not one of "
        "['draft', 'open', 'paid', 'uncollectible', 'void']"
    ]


def test_the_fake_keeps_every_request_for_the_contract_even_after_a_clear(
    fake_stripe: FakeStripe,
) -> None:
    fake_stripe.client("sk_test_contract01").v1.customers.list(params={"limit": 1})
    fake_stripe.control.clear_requests()

    assert fake_stripe.control.requests() == []
    [kept] = fake_stripe.control.every_request()
    assert kept["params"] == [["limit", "1"]] and "PythonBindings" in kept["user_agent"]
