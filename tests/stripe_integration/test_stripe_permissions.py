"""Probing a key's permissions against the fake Stripe server over HTTP."""

from __future__ import annotations

import pytest
import stripe

from fake_stripe import FakeStripe, fake_stripe
from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.integrations.stripe.permissions import (
    NOT_NEEDED,
    REQUIRED,
    RequiredPermission,
    current_names,
    describe_permission_error,
    permission_label,
    permissions_named,
    probe_permissions,
)

__all__ = ["fake_stripe"]

ALL_NEEDED = sorted({permission.rak for permission in REQUIRED})


async def test_a_secret_key_has_every_permission(fake_stripe: FakeStripe) -> None:
    report = await probe_permissions(fake_stripe.client("sk_test_permissions01"))

    assert report.complete
    assert report.missing_messages() == []
    assert set(report.granted) == {*REQUIRED, *NOT_NEEDED}


async def test_the_demo_restricted_key_has_every_needed_permission_and_nothing_more(
    fake_stripe: FakeStripe,
) -> None:
    report = await probe_permissions(fake_stripe.client(DEMO_RESTRICTED_KEY))

    assert report.missing_messages() == []
    assert report.complete
    unneeded = {r.permission.rak: r.status for r in report.results if r.permission in NOT_NEEDED}
    assert unneeded == {
        "rak_balance_transaction_source_read": "missing",
        "rak_payment_method_read": "missing",
        "rak_payment_method_write": "missing",
    }


async def test_a_key_made_from_an_older_guide_still_works(fake_stripe: FakeStripe) -> None:
    older = [*ALL_NEEDED, *(p.rak for p in NOT_NEEDED)]
    report = await probe_permissions(fake_stripe.client(fake_stripe.control.restricted_key(older)))

    assert report.complete
    assert set(report.granted) >= set(NOT_NEEDED)


async def test_a_403_that_names_no_permission_is_unknown_not_missing(
    fake_stripe: FakeStripe,
) -> None:
    fake_stripe.control.fault(path_prefix="/v1/refunds", status=403)

    report = await probe_permissions(fake_stripe.client("sk_test_permissions01"))

    assert [r.permission.rak for r in report.unknown] == ["rak_refund_write"]
    assert report.missing_messages() == []


async def test_the_probe_sees_a_customer_portal_that_was_never_configured(
    fake_stripe: FakeStripe,
) -> None:
    configured = await probe_permissions(fake_stripe.client("sk_test_permissions01"))
    fake_stripe.control.reset("none")  # a fresh account: no portal settings saved
    fresh = await probe_permissions(fake_stripe.client("sk_test_permissions01"))

    assert not configured.portal_not_configured
    assert fresh.portal_not_configured
    assert fresh.complete  # the permission itself is there


@pytest.mark.parametrize("absent", REQUIRED, ids=lambda p: p.rak)
async def test_a_key_missing_one_permission_is_told_exactly_that_one(
    fake_stripe: FakeStripe, absent: RequiredPermission
) -> None:
    held = [rak for rak in ALL_NEEDED if rak != absent.rak]
    if absent.level == "read":
        # Write grants read, so a key without read access has no write access either.
        held = [rak for rak in held if rak != absent.rak.replace("_read", "_write")]
    client = fake_stripe.client(fake_stripe.control.restricted_key(held))

    report = await probe_permissions(client)

    expected = [absent.label]
    if absent.level == "read" and any(
        p.stem == absent.stem and p.level == "write" for p in REQUIRED
    ):
        expected.append(f"{absent.resource}: Write")
    assert report.missing_messages() == expected
    assert report.unknown == ()


async def test_the_probe_changes_nothing_in_the_account(fake_stripe: FakeStripe) -> None:
    client = fake_stripe.client("sk_test_permissions01")
    before = await client.v1.refunds.list_async(params={"limit": 100})

    await probe_permissions(client)

    after = await client.v1.refunds.list_async(params={"limit": 100})
    prices = await client.v1.prices.list_async(params={"limit": 100})
    assert after.data == before.data
    assert len(prices.data) == 2  # the demo's own two prices, no probe leftovers


async def test_an_invalid_key_fails_the_whole_probe(fake_stripe: FakeStripe) -> None:
    with pytest.raises(stripe.AuthenticationError):
        await probe_permissions(fake_stripe.client("rk_test_notregistered0000"))


async def test_a_probe_that_cannot_reach_stripe_is_unknown_not_missing(
    fake_stripe: FakeStripe,
) -> None:
    fake_stripe.control.fault(path_prefix="/v1/refunds", status=503)

    report = await probe_permissions(fake_stripe.client("sk_test_permissions01"))

    assert [r.permission.rak for r in report.unknown] == ["rak_refund_write"]
    assert report.missing_messages() == []
    assert not report.complete


def test_a_403_message_becomes_dashboard_guidance() -> None:
    message = (
        "The provided key 'rk_test_*****9xQa' does not have the required permissions for this "
        "endpoint on account 'acct_1'. Having the 'rak_refund_write' permission would allow "
        "this request to continue."
    )

    assert describe_permission_error(message) == (
        "Enable Refunds: Write on your restricted key in Stripe Dashboard > Developers > API keys"
    )
    assert describe_permission_error("Invalid API Key provided: rk_test_***") is None


def test_a_403_naming_several_permissions_names_the_one_knowreply_asks_for() -> None:
    # Stripe's plural form, as a public report quotes it: any one of them would do.
    message = (
        "The provided key 'rk_test_...QEJj39' does not have the required permissions for this "
        "endpoint. Having the 'rak_billing_cadence_read', 'rak_subscription_read' permissions "
        "would allow this request to continue."
    )

    assert permissions_named(message) == ["rak_billing_cadence_read", "rak_subscription_read"]
    assert describe_permission_error(message) == (
        "Enable Subscriptions: Read on your restricted key in Stripe Dashboard > Developers > "
        "API keys"
    )
    assert (
        permissions_named("… Having more permissions would allow this request to continue.") == []
    )


@pytest.mark.parametrize(
    ("rak", "label"),
    [
        ("rak_plan_write", "Prices: Write"),
        ("rak_customer_portal_write", "Customer portal: Write"),
        ("rak_balance_transaction_source_read", "Balance Transactions: Read"),
        ("rak_dispute_read", "Dispute: Read"),
        ("not_a_permission", None),
    ],
)
def test_permission_names_read_like_the_dashboard(rak: str, label: str | None) -> None:
    assert permission_label(rak) == label


def test_a_check_stored_under_the_old_portal_name_still_counts() -> None:
    # Stored by versions that named the portal permission `rak_billing_portal_session_write`.
    stored = {"rak_billing_portal_session_write": "granted", "rak_customer_read": "granted"}

    assert current_names(stored) == {
        "rak_customer_portal_write": "granted",
        "rak_customer_read": "granted",
    }
