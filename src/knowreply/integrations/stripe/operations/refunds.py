"""Refunds, full or partial, behind guardrails checked in code before Stripe is asked.

The guardrails, in order: the charge belongs to the scope; it succeeded (and is not
disputed); the currency matches; something is left to refund; the amount is above zero and at
most what is left; at most the workspace's cap; the charge is younger than the refund window.
A refusal is a value (`RefundRefusal`), never an exception from deep inside Stripe.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import stripe
import structlog

from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.errors import StripeFailure
from knowreply.integrations.stripe.models import PaymentSummary, RefundResult
from knowreply.money import Money
from knowreply.refusals import RefusalReason

from ._stripe import field, idempotency_key, translated
from .errors import NothingFound
from .payments import find_charge
from .scope import CustomerScope
from .views import money, payment_summary, when

log = structlog.get_logger(__name__)

IDEMPOTENCY_METADATA = "knowreply_idempotency_key"
"""Refund metadata naming the key that made it, to find it again after Stripe forgets the key
(24 hours)."""


RefundRefusalReason = RefusalReason
"""The refund guardrails speak the one refusal vocabulary (`knowreply.refusals`)."""


@dataclass(frozen=True)
class RefundRefusal:
    """Why a refund is not made, as a stable reason and words for people."""

    reason: RefundRefusalReason
    message: str


@dataclass(frozen=True)
class RefundPolicy:
    """A workspace's limits on refunds the agent makes."""

    cap_minor: int
    """The largest refund, in minor units of `cap_currency`."""
    window_days: int
    """Only charges younger than this many days are refunded."""
    now: datetime
    """The time to measure the window from (timezone-aware)."""
    cap_currency: str
    """The cap's currency. A refund in another currency is not compared with it (never
    converted): the agent's policy makes such a refund wait for a member instead."""


@dataclass(frozen=True)
class RefundPlan:
    """A refund every guardrail allows: what `refund` would do (for a human to approve)."""

    payment: PaymentSummary
    amount: Money

    @property
    def remaining_after(self) -> Money:
        left = self.payment.refundable.amount_minor - self.amount.amount_minor
        return money(left, self.amount.currency)


def guard(
    charge: stripe.Charge, amount: Money | None, policy: RefundPolicy, *, sized_later: bool = False
) -> Money | RefundRefusal:
    """The amount to refund, or the first guardrail that refuses (the scope is checked before).
    `sized_later`: a member sets the amount on approval, so the limit is checked then, not
    against everything still refundable."""
    payment = payment_summary(charge)
    refusal = RefundRefusalReason
    if charge.status != "succeeded":
        return RefundRefusal(
            refusal.NOT_SUCCEEDED,
            f"This payment did not go through (it is {charge.status}), so there is nothing to "
            "refund.",
        )
    if charge.disputed:
        return RefundRefusal(
            refusal.DISPUTED,
            "This payment is disputed with the bank; it cannot be refunded while the dispute is "
            "open.",
        )
    if amount is not None and amount.currency != payment.amount.currency:
        return RefundRefusal(
            refusal.CURRENCY_MISMATCH,
            f"The refund is in {amount.currency.upper()} but the payment was in "
            f"{payment.amount.currency.upper()}.",
        )
    left = payment.refundable
    if left.amount_minor <= 0:
        return RefundRefusal(
            refusal.ALREADY_REFUNDED,
            f"This payment of {payment.amount} has already been refunded in full.",
        )
    wanted = amount or left
    if wanted.amount_minor <= 0:
        return RefundRefusal(refusal.INVALID_AMOUNT, "A refund must be more than zero.")
    if wanted.amount_minor > left.amount_minor:
        return RefundRefusal(
            refusal.OVER_REFUNDABLE,
            f"A refund of {wanted} is more than the {left} left to refund on this payment.",
        )
    cap = money(policy.cap_minor, policy.cap_currency)
    over_cap = wanted.currency == cap.currency and wanted.amount_minor > cap.amount_minor
    if over_cap and not sized_later:
        return RefundRefusal(
            refusal.OVER_AUTOMATIC_LIMIT,
            f"A refund of {wanted} is above this workspace's refund limit of {cap}.",
        )
    age = policy.now - when(charge.created)
    if age >= timedelta(days=policy.window_days):
        return RefundRefusal(
            refusal.OUTSIDE_WINDOW,
            f"This payment was made {age.days} days ago, outside the {policy.window_days}-day "
            "refund window.",
        )
    return wanted


async def _charge(
    gateway: StripeGateway, scope: CustomerScope, reference: str
) -> stripe.Charge | RefundRefusal:
    try:
        found = await find_charge(gateway, scope, reference)
    except NothingFound as missing:
        return RefundRefusal(RefundRefusalReason.NOT_FOUND, missing.message)
    if isinstance(found, stripe.PaymentIntent):
        return RefundRefusal(
            RefundRefusalReason.NOT_SUCCEEDED,
            "This payment did not go through, so there is nothing to refund.",
        )
    return found


async def check_refund(
    gateway: StripeGateway,
    scope: CustomerScope,
    reference: str,
    amount: Money | None,
    *,
    policy: RefundPolicy,
    sized_later: bool = False,
) -> RefundPlan | RefundRefusal:
    """Run every guardrail without writing anything: the plan, or why it is refused.

    `reference` is a charge or payment intent id of the scope, or `latest`; `amount` None
    means everything still refundable (`sized_later`: the most a member may set later).
    """
    charge = await _charge(gateway, scope, reference)
    if isinstance(charge, RefundRefusal):
        return charge
    decided = guard(charge, amount, policy, sized_later=sized_later)
    if isinstance(decided, RefundRefusal):
        return decided
    return RefundPlan(payment=payment_summary(charge), amount=decided)


def refund_key(seed: str, charge_id: str, amount: Money | None) -> str:
    """The `Idempotency-Key` of a refund; `seed` is the workspace and inbound message id."""
    asked = f"{amount.amount_minor} {amount.currency}" if amount is not None else "full"
    return idempotency_key(seed, "refund", charge_id, asked)


async def _made_before(
    gateway: StripeGateway, charge: stripe.Charge, key: str
) -> stripe.Refund | None:
    """The refund this key already made on the charge, if any.

    Keys that hold Refunds: Write may read refunds; a key without it will be refused by the
    refund itself, with the permission named, so a refused read here is not an answer. A
    charge nothing was refunded from has no refund to find: no request.
    """
    if charge.amount_refunded == 0:
        return None
    try:
        with translated():
            refunds = await gateway.client.v1.refunds.list_async(
                {"charge": charge.id, "limit": 100}
            )
    except StripeFailure as failure:
        if failure.reason != "missing_permission":
            raise
        return None
    for made in refunds.data:
        metadata = field(made, "metadata")
        if metadata is not None and field(metadata, IDEMPOTENCY_METADATA) == key:
            return made
    return None


def _result(made: stripe.Refund, charge: stripe.Charge, remaining: int) -> RefundResult:
    return RefundResult(
        id=made.id,
        charge_id=charge.id,
        amount=money(made.amount, made.currency),
        status=made.status or "pending",
        remaining_refundable=money(max(remaining, 0), charge.currency),
    )


async def refund(
    gateway: StripeGateway,
    scope: CustomerScope,
    reference: str,
    amount: Money | None,
    *,
    policy: RefundPolicy,
    idempotency_seed: str,
) -> RefundResult | RefundRefusal:
    """Refund a charge of the scope, in full (`amount` None) or in part, once.

    The same `idempotency_seed` (workspace + inbound message id) and arguments never refund
    twice: the earlier refund is found and returned, and Stripe replays a repeated request.
    """
    charge = await _charge(gateway, scope, reference)
    if isinstance(charge, RefundRefusal):
        return charge
    key = refund_key(idempotency_seed, charge.id, amount)
    earlier = await _made_before(gateway, charge, key)
    if earlier is not None:
        log.info("stripe.refund.replayed", refund_id=earlier.id, charge_id=charge.id)
        return _result(earlier, charge, charge.amount_captured - charge.amount_refunded)
    decided = guard(charge, amount, policy)
    if isinstance(decided, RefundRefusal):
        log.info("stripe.refund.refused", charge_id=charge.id, reason=decided.reason.value)
        return decided
    with translated():
        made = await gateway.client.v1.refunds.create_async(
            {
                "charge": charge.id,
                "amount": decided.amount_minor,
                "reason": "requested_by_customer",
                "metadata": {IDEMPOTENCY_METADATA: key},
            },
            {"idempotency_key": key},
        )
    log.info("stripe.refund.create", refund_id=made.id, charge_id=charge.id, amount=made.amount)
    left = charge.amount_captured - charge.amount_refunded - made.amount
    return _result(made, charge, left)
