"""The agent's tools: thin functions over the Stripe operations, bound to the run's scope.

Tools take no customer or email: the scope comes from `RunDeps`. Read tools return views.
Write tools only *plan*: they return a frozen plan (exact object, amount, currency,
customer) or a refusal; the `WritePipeline` around them records every call and takes each
plan through policy, approval, execution and the audit log.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from pydantic_ai import RunContext
from pydantic_ai.toolsets import FunctionToolset

from knowreply.agent import results as r
from knowreply.agent.deps import RunDeps
from knowreply.agent.handoff import HandOff
from knowreply.agent.intake.counted_part import CountedPart
from knowreply.agent.pipeline import WritePipeline
from knowreply.agent.plans import CancellationPlan, PaymentLinkPlan, PortalLinkPlan, RefundPlan
from knowreply.integrations.stripe import operations as ops
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.integrations.stripe.models import CancellationResult, CountedShare, UnusedPart
from knowreply.money import Money
from knowreply.money_text import AmountError, parse_money


def _money(amount: str | None, currency: str | None, deps: RunDeps) -> Money | None:
    """An amount the model or the rules passed as text ("12.50", "1,20"): one safe, positive
    amount in the currency, or a hand-off saying why not."""
    if amount is None or str(amount).strip() == "":
        return None
    try:
        return parse_money(str(amount), currency or deps.settings.default_currency)
    except AmountError as error:
        raise HandOff(f"could not use the amount: {error}") from None


def _refusal(reason: r.RefusalReason, message: str, **extra: Any) -> r.Refusal:
    return r.Refusal(reason=reason, message=message, **extra)


# --- reads ---------------------------------------------------------------------------------


async def list_invoices(
    ctx: RunContext[RunDeps],
    number: str | None = None,
    year: int | None = None,
    month: int | None = None,
    months: int = 1,
    limit: int = 5,
) -> r.InvoicesResult:
    """The customer's invoices: one by its number, those of a month, or the latest ones.
    `months` widens a month to the run of months starting with it: 3 for a quarter (Q3 is
    month=7, months=3), 12 for a whole year (month=1, months=12)."""
    d = ctx.deps
    if number:
        try:
            return r.InvoicesResult(invoices=[await ops.find_invoice(d.gateway, d.scope, number)])
        except ops.NothingFound:
            return r.InvoicesResult(invoices=[])
    if month:
        if not 1 <= month <= 12:
            raise HandOff(f"there is no month {month}")
        if not 1 <= months <= 12:
            raise HandOff(f"invoices are looked up for 1 to 12 months, not {months}")
        when_year = year or (d.now.year if month <= d.now.month else d.now.year - 1)
        found = await ops.invoices_in_month(
            d.gateway, d.scope, when_year, month, months=months, tz=ZoneInfo(d.settings.timezone)
        )
        return r.InvoicesResult(invoices=found)
    found = await ops.list_invoices(d.gateway, d.scope, limit=max(1, min(limit, 20)))
    return r.InvoicesResult(invoices=found)


async def payment_history(ctx: RunContext[RunDeps], limit: int = 5) -> r.PaymentsResult:
    """The customer's recent payments, newest first."""
    d = ctx.deps
    found = await ops.payment_history(d.gateway, d.scope, limit=max(1, min(limit, 20)))
    return r.PaymentsResult(payments=found)


async def payment_status(
    ctx: RunContext[RunDeps], payment_id: str | None = None
) -> r.PaymentsResult:
    """Whether a payment went through (or why it failed): a given ch_/pi_ id or the latest."""
    d = ctx.deps
    found = await ops.payment_status(d.gateway, d.scope, payment_id or ops.LATEST)
    return r.PaymentsResult(payments=[found])


async def find_charges(
    ctx: RunContext[RunDeps], amount: str | None = None, currency: str | None = None
) -> r.PaymentsResult:
    """The customer's payments of an amount ("12.50", with its currency), to explain a charge."""
    d = ctx.deps
    wanted = _money(amount, currency, d)
    if wanted is None:
        return r.PaymentsResult(payments=await ops.payment_history(d.gateway, d.scope))
    return r.PaymentsResult(payments=await ops.payments_of_amount(d.gateway, d.scope, wanted))


async def subscription_status(ctx: RunContext[RunDeps]) -> r.SubscriptionsResult:
    """The customer's subscriptions: plan, price, status, renewal or trial end, cancelling."""
    d = ctx.deps
    return r.SubscriptionsResult(subscriptions=await ops.list_subscriptions(d.gateway, d.scope))


# --- writes: each returns a plan (or a refusal); the pipeline does the rest ---------------


async def refund(
    ctx: RunContext[RunDeps],
    payment: str = "latest",
    amount: str | None = None,
    currency: str | None = None,
    part: bool = False,
    charged: str | None = None,
) -> RefundPlan | r.RefundOutcome:
    """Refund a payment of the customer: `latest`, `duplicate` (the second of two identical
    charges) or a ch_/pi_ id; in full, or `amount` ("12.50") for part of it. A part the
    customer named without an amount ("half", "the unused part of my plan", "the 3 days of
    downtime") is sized here from Stripe: pass no amount. `part=true` with no amount when they
    want only part of it back and nothing sizes it ("the extra seat"): a member sets it.
    `charged` ("24.00", in `currency`) instead of an id when they name the payment by what it
    was ("refund the £24 charge"): their newest payment of exactly that amount."""
    d = ctx.deps
    reference = payment or ops.LATEST
    wanted = _money(amount, currency, d)
    if charged is not None and reference == ops.LATEST:
        named = await _payment_charged(d, _money(charged, currency, d))
        if isinstance(named, r.RefundOutcome):
            return named
        reference = named
    if wanted is None and d.requests.prorated:
        return await _unused_part_refund(d, reference)
    if wanted is None and d.requests.counted is not None:
        return await _counted_part_refund(d, reference, d.requests.counted)
    if reference == "duplicate":
        duplicate = await ops.duplicate_charge(d.gateway, d.scope)
        if duplicate is None:
            return r.RefundOutcome(
                refusal=_refusal(r.RefusalReason.NOT_FOUND, "No duplicate payment was found.")
            )
        reference = duplicate.id
    unsized = wanted is None and (d.requests.partial or part) and d.requests.fraction is None
    checked = await ops.check_refund(
        d.gateway, d.scope, reference, wanted, policy=d.refund_policy, sized_later=unsized
    )
    if isinstance(checked, ops.RefundRefusal):
        return r.RefundOutcome(refusal=await _refund_refusal(checked, d, reference))
    if unsized:
        return _to_be_sized_by_a_member(d, checked)
    if wanted is None and d.requests.fraction is not None and (d.requests.partial or part):
        fraction = _part_of(checked.payment.amount, d.requests.fraction)
        checked = await ops.check_refund(
            d.gateway, d.scope, checked.payment.id, fraction, policy=d.refund_policy
        )
        if isinstance(checked, ops.RefundRefusal):
            return r.RefundOutcome(refusal=await _refund_refusal(checked, d, reference))
    return _plan_of(checked, computed=d.requests.computed_basis(checked.amount))


async def _payment_charged(d: RunDeps, charged: Money | None) -> str | r.RefundOutcome:
    """The id of the customer's newest refundable payment of exactly `charged`, or why none."""
    if charged is None:
        return ops.LATEST
    for payment in await ops.payments_of_amount(d.gateway, d.scope, charged):
        if payment.status in ("succeeded", "partially_refunded"):
            return payment.id
    return r.RefundOutcome(
        refusal=_refusal(
            r.RefusalReason.NOT_FOUND, f"No payment of {charged.formatted} was found to refund."
        )
    )


def _to_be_sized_by_a_member(d: RunDeps, checked: ops.RefundPlan) -> RefundPlan:
    """A part asked back with nothing to size it from: the payment is planned without an
    amount, for the approving member to set. Only when the customer's own words ask for a
    refund; anything less goes to a person as before."""
    if not d.requests.asks_for("refund"):
        raise HandOff("a partial refund was asked for without an amount; a person decides how much")
    payment = checked.payment
    return RefundPlan(
        customer_id=payment.customer_id,
        charge_id=payment.id,
        amount=None,
        payment_amount=payment.amount,
        whole=False,
        paid_at=payment.created,
        refundable=payment.refundable,
    )


def _plan_of(
    checked: ops.RefundPlan,
    unused: UnusedPart | None = None,
    *,
    counted: CountedShare | None = None,
    computed: str | None = None,
) -> RefundPlan:
    """The agent's plan for a refund every guardrail passed."""
    return RefundPlan(
        customer_id=checked.payment.customer_id,
        charge_id=checked.payment.id,
        amount=checked.amount,
        payment_amount=checked.payment.amount,
        whole=checked.amount == checked.payment.refundable,
        paid_at=checked.payment.created,
        unused=unused,
        counted=counted,
        computed=computed,
    )


async def _unused_part_refund(d: RunDeps, reference: str) -> RefundPlan | r.RefundOutcome:
    """A refund of the unused part of the current period, sized by `ops.unused_part` from
    Stripe's facts; anything it cannot size exactly goes to a person."""
    try:
        unused = await ops.unused_part(d.gateway, d.scope, d.now)
    except ops.NotProratable as why:
        raise HandOff(f"the unused part cannot be sized: {why.message}; a person decides") from None
    checked = await _sized_part_check(d, reference, unused.charge_id, unused.amount)
    return checked if isinstance(checked, r.RefundOutcome) else _plan_of(checked, unused)


async def _counted_part_refund(
    d: RunDeps, reference: str, asked: CountedPart
) -> RefundPlan | r.RefundOutcome:
    """A refund of the days, months or seats the customer counted, sized by
    `ops.counted_share` from Stripe's facts; anything it cannot size exactly goes to a person."""
    try:
        counted = await ops.counted_share(d.gateway, d.scope, asked.count, asked.unit)
    except ops.NotProratable as why:
        why_not = f"the counted part cannot be sized: {why.message}; a person decides"
        raise HandOff(why_not) from None
    checked = await _sized_part_check(d, reference, counted.charge_id, counted.amount)
    return checked if isinstance(checked, r.RefundOutcome) else _plan_of(checked, counted=counted)


async def _sized_part_check(
    d: RunDeps, reference: str, charge_id: str, amount: Money
) -> ops.RefundPlan | r.RefundOutcome:
    """The guardrails for a part sized from the current period's charge, which must be the
    payment the customer named (if they named one)."""
    if reference != ops.LATEST and (
        reference == "duplicate"
        or (await ops.payment_status(d.gateway, d.scope, reference)).id != charge_id
    ):
        raise HandOff("the payment named did not pay the current period; a person decides")
    checked = await ops.check_refund(d.gateway, d.scope, charge_id, amount, policy=d.refund_policy)
    if isinstance(checked, ops.RefundRefusal):
        return r.RefundOutcome(refusal=await _refund_refusal(checked, d, charge_id))
    return checked


def _part_of(paid: Money, fraction: Fraction) -> Money:
    """The fraction of a payment the customer asked back, computed exactly, or a hand-off."""
    part = paid.amount_minor * fraction
    if part.denominator != 1 or part <= 0:
        raise HandOff(f"{fraction} of {paid} is not an exact amount; a person decides")
    return Money(amount_minor=int(part), currency=paid.currency)


async def _refund_refusal(refusal: ops.RefundRefusal, d: RunDeps, reference: str) -> r.Refusal:
    refundable = None
    if refusal.reason == r.RefusalReason.OVER_REFUNDABLE:
        refundable = (await ops.payment_status(d.gateway, d.scope, reference)).refundable
    return _refusal(
        refusal.reason,
        refusal.message,
        refundable=refundable,
        window_days=d.settings.refund_window_days,
    )


async def create_payment_link(
    ctx: RunContext[RunDeps],
    amount: str | None = None,
    currency: str | None = None,
    invoice_number: str | None = None,
    description: str | None = None,
) -> PaymentLinkPlan | r.PaymentLinkOutcome:
    """A link where the customer can pay: for an amount ("49.00"), or what an open invoice
    (by number, or the latest open one) still asks."""
    d = ctx.deps
    wanted = _money(amount, currency, d)
    label = (description or "").strip() or f"Payment to {d.settings.business_name}"
    invoice = await ops.open_invoice_for(d.gateway, d.scope, invoice_number, wanted)
    hosted = ops.invoice_payment_link(invoice) if invoice is not None else None
    if hosted is not None:  # an open invoice is paid on its own page, never a new link
        return r.PaymentLinkOutcome(link=hosted)
    if wanted is None:
        return r.PaymentLinkOutcome(
            refusal=_refusal(r.RefusalReason.NOT_FOUND, "No open invoice to pay.")
        )
    return PaymentLinkPlan(customer_id=d.scope.customer().id, amount=wanted, label=label)


async def portal_link(ctx: RunContext[RunDeps]) -> PortalLinkPlan:
    """A secure link to the billing portal: update the card, billing details, see receipts."""
    return PortalLinkPlan(customer_id=ctx.deps.scope.customer().id)


async def cancel_subscription(
    ctx: RunContext[RunDeps], subscription_id: str | None = None
) -> CancellationPlan | r.CancellationOutcome:
    """Stop a subscription from renewing: it ends at the end of the paid period, never now."""
    d = ctx.deps
    try:
        target = await ops.subscription_to_cancel(d.gateway, d.scope, subscription_id)
    except ops.NothingFound:
        if subscription_id is not None:
            raise
        return r.CancellationOutcome(
            refusal=_refusal(r.RefusalReason.NOTHING_TO_CANCEL, "No current subscription.")
        )
    if isinstance(target, CancellationResult):  # already ending: nothing to write
        return r.CancellationOutcome(cancellations=[target])
    return CancellationPlan(customer_id=target.customer_id, subscription_id=target.id)


async def escalate(ctx: RunContext[RunDeps], reason: str) -> str:
    """Hand this email to a person: not about billing, or nothing here can answer it."""
    ctx.deps.escalation = reason
    raise HandOff(reason)


# --- the toolset of one run -------------------------------------------------------------------

TOOLS: dict[CapabilityName, tuple[Callable[..., Awaitable[Any]], ...]] = {
    CapabilityName.INVOICES: (list_invoices, payment_history),
    CapabilityName.PAYMENTS: (payment_status, find_charges),
    CapabilityName.SUBSCRIPTIONS: (subscription_status,),
    CapabilityName.REFUNDS: (refund,),
    CapabilityName.PAYMENT_LINKS: (create_payment_link,),
    CapabilityName.PORTAL_LINKS: (portal_link,),
    CapabilityName.CANCELLATIONS: (cancel_subscription,),
}
CAPABILITY_OF_TOOL: dict[str, str] = {
    tool.__name__: capability.value for capability, tools in TOOLS.items() for tool in tools
}


def toolset(
    capabilities: frozenset[CapabilityName], blocked: Mapping[CapabilityName, str] | None = None
) -> WritePipeline:
    """The tools of the capabilities the business enabled and the key allows, every one behind
    the write pipeline; a capability the key cannot serve gets stand-ins that hand the email
    over saying what to add."""
    return _toolset(capabilities, tuple(sorted((blocked or {}).items())))


@functools.cache
def _toolset(
    capabilities: frozenset[CapabilityName], blocked_pairs: tuple[tuple[CapabilityName, str], ...]
) -> WritePipeline:
    """Built once per set (making the tools' JSON schemas took half of a rules-brain run);
    the pipeline keeps no state of its own, a run's is in its deps."""
    blocked = dict(blocked_pairs)
    functions: list[Callable[..., Awaitable[Any]]] = [escalate]
    for capability in CapabilityName:
        if capability in capabilities:
            functions.extend(TOOLS[capability])
        elif capability in blocked:
            functions.extend(_blocked(tool, blocked[capability]) for tool in TOOLS[capability])
    return WritePipeline(FunctionToolset(functions), capability_of=CAPABILITY_OF_TOOL)


def _blocked(tool: Callable[..., Awaitable[Any]], reason: str) -> Callable[..., Awaitable[Any]]:
    @functools.wraps(tool)
    async def stand_in(*args: Any, **kwargs: Any) -> Any:
        raise HandOff(reason)

    return stand_in
