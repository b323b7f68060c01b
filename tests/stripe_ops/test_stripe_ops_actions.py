"""Cancelling at period end, portal links and payment links, against the fake over HTTP."""

from __future__ import annotations

import pytest
from stripe_ops_support import SEED, logged, scope_of

from fake_stripe import FakeStripe
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.operations import (
    ChoiceNeeded,
    CustomerScope,
    NothingFound,
    cancel_at_period_end,
    list_subscriptions,
    payment_link_for_amount,
    payment_link_for_price,
    portal_link,
)
from knowreply.money import Money

ADMIN = "sk_test_opsadmin0001"


def _writes(fake: FakeStripe) -> list[tuple[str, str]]:
    return [(r["method"], r["path"]) for r in fake.control.requests() if r["method"] != "GET"]


async def test_cancelling_sets_cancel_at_period_end_once(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    carol = await scope_of(gateway, "carol@example.com")
    [before] = await list_subscriptions(gateway, carol)

    first = await cancel_at_period_end(gateway, carol, idempotency_seed=SEED)
    second = await cancel_at_period_end(gateway, carol, before.id, idempotency_seed=SEED)

    assert (first.subscription_id, first.already_cancelling) == (before.id, False)
    assert first.service_ends_at == before.current_period_end
    assert (second.already_cancelling, second.service_ends_at) == (True, first.service_ends_at)
    assert _writes(fake_stripe) == [("POST", f"/v1/subscriptions/{before.id}")]
    [after] = await list_subscriptions(gateway, carol)
    assert (after.status, after.cancel_at_period_end) == ("active", True)


async def test_another_customers_subscription_is_not_cancelled(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    carol = await scope_of(gateway, "carol@example.com")
    [daves] = await list_subscriptions(gateway, await scope_of(gateway, "dave@example.com"))

    with pytest.raises(NothingFound) as refused:
        await cancel_at_period_end(gateway, carol, daves.id, idempotency_seed=SEED)

    assert refused.value.message == f"No subscription {daves.id} was found for this customer."
    assert _writes(fake_stripe) == []


async def test_no_subscription_to_cancel_is_said_plainly(gateway: StripeGateway) -> None:
    alice = await scope_of(gateway, "alice@example.com")

    with pytest.raises(NothingFound) as refused:
        await cancel_at_period_end(gateway, alice, idempotency_seed=SEED)

    assert refused.value.message == "No subscription was found for this customer."


async def test_two_current_subscriptions_need_a_choice(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    carol = await scope_of(gateway, "carol@example.com")
    dave = await scope_of(gateway, "dave@example.com")
    both = CustomerScope("family@example.com", carol.customers + dave.customers)

    with pytest.raises(ChoiceNeeded) as asked:
        await cancel_at_period_end(gateway, both, idempotency_seed=SEED)

    assert sorted(option.status for option in asked.value.options) == ["active", "trialing"]
    assert asked.value.message.startswith("This customer has 2 active subscriptions: Pro (sub_")
    assert _writes(fake_stripe) == []


async def test_a_portal_link_for_the_scopes_customer(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    shared = await scope_of(gateway, "shared@example.com")
    second = shared.customers[1]

    first_link = await portal_link(gateway, shared, return_url="https://example.com/account")
    second_link = await portal_link(gateway, shared, customer_id=second.id)

    assert first_link.customer_id == shared.customers[0].id
    assert first_link.url.startswith("https://billing.stripe.com/p/session/test_")
    assert second_link.customer_id == second.id
    with pytest.raises(NothingFound):
        await portal_link(gateway, shared, customer_id="cus_notinscope000")
    assert len(logged(fake_stripe, "POST", "/v1/billing_portal/sessions")) == 2


async def test_a_payment_link_for_an_amount_makes_its_price_once(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    bob = await scope_of(gateway, "bob@example.com")
    amount = Money(amount_minor=2500, currency="usd")

    link = await payment_link_for_amount(
        gateway, bob, amount, "Consulting hour", idempotency_seed=SEED
    )
    again = await payment_link_for_amount(
        gateway, bob, amount, "Consulting hour", idempotency_seed=SEED
    )

    assert again == link
    assert link.url.startswith("https://buy.stripe.com/test_")
    assert link.amount == amount
    admin = fake_stripe.client(ADMIN).v1
    price = await admin.prices.retrieve_async(link.price_id)
    product = await admin.products.retrieve_async(str(price.product))
    assert (price.unit_amount, price.currency, product.name) == (2500, "usd", "Consulting hour")
    prices = logged(fake_stripe, "POST", "/v1/prices")
    assert [p["replayed"] for p in prices] == [False, True]
    links = logged(fake_stripe, "POST", "/v1/payment_links")
    assert [p["replayed"] for p in links] == [False, True]


async def test_a_payment_link_for_an_existing_price(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    carol = await scope_of(gateway, "carol@example.com")
    prices = await fake_stripe.client(ADMIN).v1.prices.list_async(params={"limit": 100})
    pro = next(p for p in prices.data if p.unit_amount == 2900)

    link = await payment_link_for_price(gateway, carol, pro.id, idempotency_seed=SEED)

    assert (link.price_id, link.amount) == (pro.id, Money(amount_minor=2900, currency="usd"))
    assert logged(fake_stripe, "POST", "/v1/prices") == []
    assert [p["status"] for p in logged(fake_stripe, "POST", "/v1/payment_links")] == [200]


async def test_a_payment_link_needs_an_amount_and_a_name(gateway: StripeGateway) -> None:
    bob = await scope_of(gateway, "bob@example.com")

    with pytest.raises(ValueError, match="above zero"):
        await payment_link_for_amount(
            gateway, bob, Money(amount_minor=0, currency="usd"), "Nothing", idempotency_seed=SEED
        )
    with pytest.raises(ValueError, match="product name"):
        await payment_link_for_amount(
            gateway, bob, Money(amount_minor=100, currency="usd"), "  ", idempotency_seed=SEED
        )
