"""Refunds through the guardrails, once per email, against the fake over HTTP."""

from __future__ import annotations

import pytest
from stripe_ops_support import SEED, logged, policy, scope_of

from fake_stripe import FakeStripe
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.errors import StripeFailure
from knowreply.integrations.stripe.keys import parse_key
from knowreply.integrations.stripe.models import RefundResult
from knowreply.integrations.stripe.operations import (
    RefundPlan,
    RefundRefusal,
    RefundRefusalReason,
    check_refund,
    payment_history,
    refund,
)
from knowreply.integrations.stripe.operations.refunds import refund_key
from knowreply.integrations.stripe.ratelimit import SlidingWindowLimiter
from knowreply.money import Money

Reason = RefundRefusalReason


def usd(amount_minor: int) -> Money:
    return Money(amount_minor=amount_minor, currency="usd")


async def _stripe_refunds(fake: FakeStripe, charge_id: str) -> list[int]:
    listed = await fake.client("sk_test_opsaudit0001").v1.refunds.list_async(
        params={"charge": charge_id}
    )
    return [r.amount for r in listed.data]


async def test_a_full_refund_of_the_latest_payment(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")

    result = await refund(gateway, alice, "latest", None, policy=policy(), idempotency_seed=SEED)

    assert isinstance(result, RefundResult)
    assert (result.amount, result.status, result.remaining_refundable) == (
        usd(4900),
        "succeeded",
        usd(0),
    )
    assert await _stripe_refunds(fake_stripe, result.charge_id) == [4900]
    [post] = logged(fake_stripe, "POST", "/v1/refunds")
    assert post["idempotency_key"] == refund_key(SEED, result.charge_id, None)


async def test_a_partial_refund_leaves_the_rest_refundable(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    latest = (await payment_history(gateway, alice))[0]

    result = await refund(
        gateway, alice, latest.id, usd(900), policy=policy(), idempotency_seed=SEED
    )

    assert isinstance(result, RefundResult)
    assert (result.amount, result.remaining_refundable) == (usd(900), usd(4000))
    history = {line.id: line for line in await payment_history(gateway, alice)}
    assert history[latest.id].status == "partially_refunded"
    assert history[result.id].status == "refund"  # the money back, on a line of its own


async def test_a_payment_intent_id_refunds_its_charge(gateway: StripeGateway) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    latest = (await payment_history(gateway, alice))[0]
    assert latest.payment_intent_id is not None

    result = await refund(
        gateway, alice, latest.payment_intent_id, usd(100), policy=policy(), idempotency_seed=SEED
    )

    assert isinstance(result, RefundResult)
    assert result.charge_id == latest.id


@pytest.mark.parametrize(
    ("email", "pick", "amount", "rules", "reason", "message"),
    [
        (
            "alice@example.com",
            0,
            usd(4901),
            {},
            Reason.OVER_REFUNDABLE,
            "A refund of $49.01 is more than the $49.00 left to refund on this payment.",
        ),
        (
            "alice@example.com",
            0,
            usd(3000),
            {"cap_minor": 2000},
            Reason.OVER_AUTOMATIC_LIMIT,
            "A refund of $30.00 is above this workspace's refund limit of $20.00.",
        ),
        (
            "alice@example.com",
            1,
            usd(1000),
            {"window_days": 30},
            Reason.OUTSIDE_WINDOW,
            "This payment was made 75 days ago, outside the 30-day refund window.",
        ),
        (
            "alice@example.com",
            1,
            usd(9000),
            {"window_days": 30, "cap_minor": 2000},
            Reason.OVER_REFUNDABLE,  # the first guardrail in order answers
            "A refund of $90.00 is more than the $49.00 left to refund on this payment.",
        ),
        (
            "alice@example.com",
            0,
            usd(0),
            {},
            Reason.INVALID_AMOUNT,
            "A refund must be more than zero.",
        ),
        (
            "grace.hopper@example.com",
            0,
            usd(1000),
            {},
            Reason.CURRENCY_MISMATCH,
            "The refund is in USD but the payment was in EUR.",
        ),
        (
            "bob@example.com",
            0,
            None,
            {},
            Reason.NOT_SUCCEEDED,
            "This payment did not go through (it is failed), so there is nothing to refund.",
        ),
    ],
)
async def test_a_guardrail_refuses_before_stripe_is_asked(
    gateway: StripeGateway,
    fake_stripe: FakeStripe,
    email: str,
    pick: int,
    amount: Money | None,
    rules: dict[str, int],
    reason: RefundRefusalReason,
    message: str,
) -> None:
    scope = await scope_of(gateway, email)
    charge = (await payment_history(gateway, scope))[pick]

    checked = await check_refund(gateway, scope, charge.id, amount, policy=policy(**rules))
    refused = await refund(
        gateway, scope, charge.id, amount, policy=policy(**rules), idempotency_seed=SEED
    )

    assert checked == refused == RefundRefusal(reason, message)
    assert logged(fake_stripe, "POST", "/v1/refunds") == []


async def test_a_fully_refunded_payment_has_its_own_reason(gateway: StripeGateway) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    first = await refund(gateway, alice, "latest", None, policy=policy(), idempotency_seed=SEED)
    assert isinstance(first, RefundResult)

    again = await refund(
        gateway, alice, "latest", usd(100), policy=policy(), idempotency_seed="another-message"
    )

    assert again == RefundRefusal(
        Reason.ALREADY_REFUNDED, "This payment of $49.00 has already been refunded in full."
    )


async def test_another_customers_charge_is_answered_like_a_missing_one(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    bobs_paid = (await payment_history(gateway, await scope_of(gateway, "bob@example.com")))[-1]
    assert bobs_paid.status == "succeeded"

    foreign = await refund(
        gateway, alice, bobs_paid.id, None, policy=policy(), idempotency_seed=SEED
    )
    missing = await refund(
        gateway, alice, "ch_nosuchcharge00", None, policy=policy(), idempotency_seed=SEED
    )

    assert isinstance(foreign, RefundRefusal) and isinstance(missing, RefundRefusal)
    assert foreign.reason == missing.reason == Reason.NOT_FOUND
    assert foreign.message.replace(bobs_paid.id, "<id>") == missing.message.replace(
        "ch_nosuchcharge00", "<id>"
    )
    assert logged(fake_stripe, "POST", "/v1/refunds") == []
    assert await _stripe_refunds(fake_stripe, bobs_paid.id) == []


async def test_check_refund_plans_without_writing(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")

    plan = await check_refund(gateway, alice, "latest", usd(1500), policy=policy())

    assert isinstance(plan, RefundPlan)
    assert (plan.amount, plan.remaining_after, plan.payment.amount) == (
        usd(1500),
        usd(3400),
        usd(4900),
    )
    assert [r for r in fake_stripe.control.requests() if r["method"] == "POST"] == []


@pytest.mark.parametrize("amount", [None, usd(900)], ids=["full", "partial"])
async def test_the_same_email_refunds_once_however_often_it_is_handled(
    gateway: StripeGateway, fake_stripe: FakeStripe, amount: Money | None
) -> None:
    alice = await scope_of(gateway, "alice@example.com")

    first = await refund(gateway, alice, "latest", amount, policy=policy(), idempotency_seed=SEED)
    second = await refund(gateway, alice, "latest", amount, policy=policy(), idempotency_seed=SEED)

    assert isinstance(first, RefundResult) and isinstance(second, RefundResult)
    assert second.id == first.id
    assert second.remaining_refundable == first.remaining_refundable
    assert len(await _stripe_refunds(fake_stripe, first.charge_id)) == 1


async def test_a_lost_response_is_retried_into_one_refund(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    fake_stripe.control.fault(path_prefix="/v1/refunds", method="POST", action="drop_after")

    first = await refund(gateway, alice, "latest", usd(700), policy=policy(), idempotency_seed=SEED)
    again = await refund(gateway, alice, "latest", usd(700), policy=policy(), idempotency_seed=SEED)

    assert isinstance(first, RefundResult) and isinstance(again, RefundResult)
    assert again.id == first.id
    assert await _stripe_refunds(fake_stripe, first.charge_id) == [700]
    posts = logged(fake_stripe, "POST", "/v1/refunds")
    # Stripe made the refund, the answer was lost (the fault's own entry), the retry replayed it.
    assert [(p["status"], p["fault"], p["replayed"]) for p in posts] == [
        (200, None, False),
        (0, "drop_after", False),
        (200, None, True),
    ]
    assert [r.error for r in gateway.requests if r.method == "POST"] == [
        "RemoteProtocolError",
        None,
    ]


async def test_stripe_failing_with_500_once_is_retried(
    gateway: StripeGateway, fake_stripe: FakeStripe
) -> None:
    alice = await scope_of(gateway, "alice@example.com")
    fake_stripe.control.fault(path_prefix="/v1/refunds", method="POST", status=500)

    result = await refund(gateway, alice, "latest", None, policy=policy(), idempotency_seed=SEED)

    assert isinstance(result, RefundResult)
    assert [p["status"] for p in logged(fake_stripe, "POST", "/v1/refunds")] == [500, 200]
    assert [r.status for r in gateway.requests if r.method == "POST"] == [500, 200]
    assert await _stripe_refunds(fake_stripe, result.charge_id) == [4900]


async def test_a_key_without_refund_permission_names_it(fake_stripe: FakeStripe) -> None:
    key = fake_stripe.control.restricted_key(
        ["rak_customer_read", "rak_charge_read", "rak_payment_intent_read"]
    )
    async with StripeGateway(
        parse_key(key), SlidingWindowLimiter(20), api_base=fake_stripe.url
    ) as limited:
        alice = await scope_of(limited, "alice@example.com")

        with pytest.raises(StripeFailure) as refused:
            await refund(limited, alice, "latest", None, policy=policy(), idempotency_seed=SEED)

    assert refused.value.reason == "missing_permission"
    assert refused.value.permanent
    assert "Refunds: Write" in refused.value.message
    assert [p["status"] for p in logged(fake_stripe, "POST", "/v1/refunds")] == [403]


def test_the_idempotency_key_depends_on_message_charge_and_amount() -> None:
    key = refund_key(SEED, "ch_1", usd(900))

    assert key == refund_key(SEED, "ch_1", usd(900))
    assert key.startswith("kr-") and len(key) == 67
    others = {
        refund_key("workspace-1:<message-2@mail.example.com>", "ch_1", usd(900)),
        refund_key(SEED, "ch_2", usd(900)),
        refund_key(SEED, "ch_1", usd(901)),
        refund_key(SEED, "ch_1", Money(amount_minor=900, currency="eur")),
        refund_key(SEED, "ch_1", None),
    }
    assert key not in others and len(others) == 5
