"""Customers on the fake, through the real stripe SDK: list by email, search, create."""

from __future__ import annotations

import stripe

from fake_stripe import FakeStripe, fake_stripe

__all__ = ["fake_stripe"]

SECRET = "sk_test_customers0001"


async def test_listing_by_email_is_case_sensitive_like_stripe(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    exact = await client.v1.customers.list_async(params={"email": "Grace.Hopper@Example.com"})
    lowered = await client.v1.customers.list_async(params={"email": "grace.hopper@example.com"})

    assert [c.name for c in exact.data] == ["Grace Hopper"]
    assert lowered.data == []


async def test_two_customers_can_share_one_address(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    found = await client.v1.customers.list_async(params={"email": "shared@example.com"})

    assert sorted(c.name or "" for c in found.data) == [
        "Frank Ito (Ito Design)",
        "Frank Ito (personal)",
    ]
    assert found.object == "list"
    assert found.url == "/v1/customers"


async def test_search_by_email_ignores_case_and_returns_a_search_result(
    fake_stripe: FakeStripe,
) -> None:
    client = fake_stripe.client(SECRET)

    result = await client.v1.customers.search_async(
        params={"query": "email:'grace.hopper@example.com'"}
    )

    assert result.object == "search_result"
    assert [c.email for c in result.data] == ["Grace.Hopper@Example.com"]


async def test_a_malformed_search_query_is_a_bad_request(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    try:
        await client.v1.customers.search_async(params={"query": "email = bob"})
    except stripe.InvalidRequestError as error:
        assert error.http_status == 400
        assert error.param == "query"
    else:
        raise AssertionError("a malformed query was accepted")


async def test_created_customer_can_be_retrieved_and_paged(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    created = await client.v1.customers.create_async(
        params={"email": "new@example.com", "name": "New Person", "metadata": {"plan": "pro"}}
    )
    again = await client.v1.customers.retrieve_async(created.id)
    first_page = await client.v1.customers.list_async(params={"limit": 2})
    second_page = await client.v1.customers.list_async(
        params={"limit": 2, "starting_after": first_page.data[-1].id}
    )

    assert created.id.startswith("cus_")
    assert again.email == "new@example.com"
    assert again.metadata["plan"] == "pro"
    assert first_page.data[0].id == created.id  # newest first
    assert first_page.has_more is True
    assert {c.id for c in first_page.data}.isdisjoint(c.id for c in second_page.data)


async def test_an_unknown_customer_is_a_404_resource_missing(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client(SECRET)

    try:
        await client.v1.customers.retrieve_async("cus_doesnotexist")
    except stripe.InvalidRequestError as error:
        assert error.http_status == 404
        assert error.code == "resource_missing"
        assert str(error.user_message) == "No such customer: 'cus_doesnotexist'"
    else:
        raise AssertionError("an unknown customer was found")


async def test_live_keys_do_not_see_test_data(fake_stripe: FakeStripe) -> None:
    live = fake_stripe.client("sk_live_customers0001")

    found = await live.v1.customers.list_async(params={"email": "alice@example.com"})

    assert found.data == []
