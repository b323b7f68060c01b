"""Finding the sender's Stripe customers: exact, other case, search, shared, none."""

from __future__ import annotations

import pytest
from stripe_ops_support import logged

from fake_stripe import FakeStripe
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.keys import parse_key
from knowreply.integrations.stripe.operations import NothingFound, find_customers
from knowreply.integrations.stripe.ratelimit import SlidingWindowLimiter


async def test_the_exact_address_finds_the_customer(gateway: StripeGateway) -> None:
    lookup = await find_customers(gateway, "alice@example.com", mode="test")

    assert lookup.found and lookup.scope is not None
    [alice] = lookup.scope.customers
    assert (alice.email, alice.name, alice.livemode) == ("alice@example.com", "Alice Martin", False)
    assert lookup.message is None and lookup.hint is None


async def test_an_upper_case_sender_finds_a_lower_case_customer(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    lookup = await find_customers(gateway, "  ALICE@Example.COM ", mode="test")

    assert lookup.scope is not None
    assert [c.email for c in lookup.scope.customers] == ["alice@example.com"]
    assert lookup.scope.email == "ALICE@Example.COM"
    listed = logged(fake_stripe, "GET", "/v1/customers")
    assert len(listed) == 2  # the exact address found nobody, its lower case found Alice


async def test_the_search_api_finds_an_address_stored_with_capitals(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    lookup = await find_customers(gateway, "grace.hopper@example.com", mode="test")

    assert lookup.scope is not None
    [grace] = lookup.scope.customers
    assert (grace.name, grace.email) == ("Grace Hopper", "Grace.Hopper@Example.com")
    assert [r["status"] for r in logged(fake_stripe, "GET", "/v1/customers/search")] == [200]


async def test_a_quote_in_the_address_is_escaped_in_the_search(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    admin = fake_stripe.client("sk_test_opsadmin0001")
    created = await admin.v1.customers.create_async(params={"email": "Sean.O'Brien@Example.com"})

    lookup = await find_customers(gateway, "sean.o'brien@example.com", mode="test")

    assert lookup.scope is not None
    assert [c.id for c in lookup.scope.customers] == [created.id]


async def test_two_customers_sharing_an_address_are_both_in_scope(gateway: StripeGateway) -> None:
    lookup = await find_customers(gateway, "Shared@Example.com", mode="test")

    assert lookup.scope is not None
    names = sorted(str(c.name) for c in lookup.scope.customers)
    assert names == ["Frank Ito (Ito Design)", "Frank Ito (personal)"]
    assert len(lookup.scope.customer_ids) == 2  # found three ways, kept once each


async def test_nobody_found_says_so_with_the_test_mode_hint(gateway: StripeGateway) -> None:
    lookup = await find_customers(gateway, "stranger@example.com", mode="test")

    assert not lookup.found and lookup.scope is None
    assert lookup.message == "No Stripe customer found with email stranger@example.com"
    assert lookup.hint == "The key is in test mode, so only test-mode customers are visible."


async def test_a_live_key_sees_no_test_customers_and_says_why(fake_stripe: FakeStripe) -> None:
    live_key = fake_stripe.control.restricted_key(["rak_customer_read"], mode="live")
    key = parse_key(live_key)
    async with StripeGateway(key, SlidingWindowLimiter(20), api_base=fake_stripe.url) as live:
        lookup = await find_customers(live, "alice@example.com", mode=key.mode)

    assert lookup.message == "No Stripe customer found with email alice@example.com"
    assert lookup.hint == "The key is in live mode, so only live-mode customers are visible."


async def test_a_scope_hands_out_only_its_own_customers(gateway: StripeGateway) -> None:
    lookup = await find_customers(gateway, "shared@example.com", mode="test")
    assert lookup.scope is not None
    second = lookup.scope.customers[1]

    assert lookup.scope.customer() == lookup.scope.customers[0]
    assert lookup.scope.customer(second.id) == second
    with pytest.raises(NothingFound) as refused:
        lookup.scope.customer("cus_someoneelse")
    assert refused.value.message == (
        "No customer account cus_someoneelse was found for this customer."
    )
