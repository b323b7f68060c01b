"""The agent's tools: the Stripe operations for the enabled capabilities, under policy.

Tools take no customer or email: the scope comes from `RunDeps`. Every call is recorded in
the trace. Reads need the sender to match a customer (the scope exists). Writes need a
verified sender, may wait for a person's approval, and create an `Action` and an audit event.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Awaitable, Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from pydantic_ai import RunContext
from pydantic_ai.exceptions import ApprovalRequired
from pydantic_ai.toolsets import FunctionToolset

from knowreply.agent import results as r
from knowreply.agent.actions import finish_action, upsert_action
from knowreply.agent.deps import RunDeps
from knowreply.agent.policy import needs_approval, needs_verified_sender
from knowreply.agent.trace import ToolCall
from knowreply.db.models import Action
from knowreply.db.session import transaction
from knowreply.integrations.stripe import operations as ops
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.integrations.stripe.errors import StripeFailure
from knowreply.integrations.stripe.models import SubscriptionSummary
from knowreply.integrations.stripe.operations.refunds import refund_key
from knowreply.money import Money

Result = TypeVar("Result", bound=BaseModel)
Written = TypeVar("Written")


class HandOff(Exception):
    """Stop the run: a person must answer this email (the reason is shown in the inbox)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _money(amount: str | None, currency: str | None, deps: RunDeps) -> Money | None:
    """An amount the model or the rules passed as text ("12.50"), in a currency."""
    if amount is None or str(amount).strip() == "":
        return None
    try:
        major = Decimal(str(amount).replace(",", "").strip())
    except InvalidOperation:
        raise HandOff(f"could not read the amount {amount!r}") from None
    code = (currency or deps.settings.default_currency).lower()
    try:
        return Money.from_major(major, code)
    except ValueError as error:
        raise HandOff(str(error)) from None


def _refusal(reason: r.RefusalReason, message: str, **extra: Any) -> r.Refusal:
    return r.Refusal(reason=reason, message=message, **extra)


async def _record(
    ctx: RunContext[RunDeps],
    capability: CapabilityName,
    name: str,
    args: dict[str, Any],
    act: Callable[[], Awaitable[Result]],
) -> Result:
    """Run one tool body and put the call, its result or its failure, in the trace."""
    call = ToolCall(capability=capability.value, name=name, args=args, status="done")
    ctx.deps.trace.tool_calls.append(call)
    try:
        result = await act()
    except ApprovalRequired:
        call.status = "awaiting_approval"
        raise
    except ops.NothingFound as missing:
        call.status, call.error = "error", missing.message
        raise HandOff(missing.message) from None
    except ops.ChoiceNeeded as choice:
        call.status, call.error = "error", choice.message
        raise HandOff(choice.message) from None
    except StripeFailure as failure:
        call.status, call.error = "error", failure.message
        if failure.permanent:
            raise HandOff(failure.message) from None
        raise
    except HandOff as handoff:
        call.status, call.error = "error", handoff.reason
        raise
    refusal = getattr(result, "refusal", None)
    if isinstance(refusal, r.Refusal):
        call.status, call.error = "denied", refusal.message
    call.result = result.model_dump(mode="json")
    return result


def _verified_or_refusal(ctx: RunContext[RunDeps], capability: CapabilityName) -> r.Refusal | None:
    deps = ctx.deps
    if not needs_verified_sender(capability) or deps.agent_input.verified:
        return None
    deps.blocked_for_verification = True
    return _refusal(
        r.RefusalReason.VERIFICATION_REQUIRED,
        "The sender could not be verified; a one-time code is sent to the address on file.",
    )


# --- reads ---------------------------------------------------------------------------------


async def list_invoices(
    ctx: RunContext[RunDeps],
    number: str | None = None,
    year: int | None = None,
    month: int | None = None,
    limit: int = 5,
) -> r.InvoicesResult:
    """The customer's invoices: one by its number, those of a month, or the latest ones."""

    async def act() -> r.InvoicesResult:
        d = ctx.deps
        if number:
            try:
                return r.InvoicesResult(
                    invoices=[await ops.find_invoice(d.gateway, d.scope, number)]
                )
            except ops.NothingFound:
                return r.InvoicesResult(invoices=[])
        if month:
            when_year = year or (d.now.year if month <= d.now.month else d.now.year - 1)
            found = await ops.invoices_in_month(
                d.gateway, d.scope, when_year, month, tz=ZoneInfo(d.settings.timezone)
            )
            return r.InvoicesResult(invoices=found)
        found = await ops.list_invoices(d.gateway, d.scope, limit=max(1, min(limit, 20)))
        return r.InvoicesResult(invoices=found)

    args = {"number": number, "year": year, "month": month, "limit": limit}
    return await _record(ctx, CapabilityName.INVOICES, "list_invoices", args, act)


async def payment_history(ctx: RunContext[RunDeps], limit: int = 5) -> r.PaymentsResult:
    """The customer's recent payments, newest first."""

    async def act() -> r.PaymentsResult:
        d = ctx.deps
        found = await ops.payment_history(d.gateway, d.scope, limit=max(1, min(limit, 20)))
        return r.PaymentsResult(payments=found)

    return await _record(ctx, CapabilityName.INVOICES, "payment_history", {"limit": limit}, act)


async def payment_status(
    ctx: RunContext[RunDeps], payment_id: str | None = None
) -> r.PaymentsResult:
    """Whether a payment went through (or why it failed): a given ch_/pi_ id or the latest."""

    async def act() -> r.PaymentsResult:
        d = ctx.deps
        found = await ops.payment_status(d.gateway, d.scope, payment_id or ops.LATEST)
        return r.PaymentsResult(payments=[found])

    return await _record(
        ctx, CapabilityName.PAYMENTS, "payment_status", {"payment_id": payment_id}, act
    )


async def find_charges(
    ctx: RunContext[RunDeps], amount: str | None = None, currency: str | None = None
) -> r.PaymentsResult:
    """The customer's payments of an amount ("12.50", with its currency), to explain a charge."""

    async def act() -> r.PaymentsResult:
        d = ctx.deps
        wanted = _money(amount, currency, d)
        if wanted is None:
            return r.PaymentsResult(payments=await ops.payment_history(d.gateway, d.scope))
        return r.PaymentsResult(payments=await ops.payments_of_amount(d.gateway, d.scope, wanted))

    args = {"amount": amount, "currency": currency}
    return await _record(ctx, CapabilityName.PAYMENTS, "find_charges", args, act)


async def subscription_status(ctx: RunContext[RunDeps]) -> r.SubscriptionsResult:
    """The customer's subscriptions: plan, price, status, renewal or trial end, cancelling."""

    async def act() -> r.SubscriptionsResult:
        d = ctx.deps
        return r.SubscriptionsResult(subscriptions=await ops.list_subscriptions(d.gateway, d.scope))

    return await _record(ctx, CapabilityName.SUBSCRIPTIONS, "subscription_status", {}, act)


# --- writes --------------------------------------------------------------------------------


async def refund(
    ctx: RunContext[RunDeps],
    payment: str = "latest",
    amount: str | None = None,
    currency: str | None = None,
) -> r.RefundOutcome:
    """Refund a payment of the customer: `latest`, `duplicate` (the second of two identical
    charges) or a ch_/pi_ id; in full, or `amount` ("12.50") for part of it."""

    async def act() -> r.RefundOutcome:
        d = ctx.deps
        if (blocked := _verified_or_refusal(ctx, CapabilityName.REFUNDS)) is not None:
            return r.RefundOutcome(refusal=blocked)
        reference = await _refund_reference(d, payment)
        if reference is None:
            return r.RefundOutcome(
                refusal=_refusal(r.RefusalReason.NOT_FOUND, "No duplicate payment was found.")
            )
        wanted = _money(amount, currency, d)
        plan = await ops.check_refund(d.gateway, d.scope, reference, wanted, policy=d.refund_policy)
        if isinstance(plan, ops.RefundRefusal):
            return r.RefundOutcome(refusal=await _refund_refusal(plan, d, reference))
        key = refund_key(d.seed, plan.payment.id, wanted)
        wait = needs_approval(d.settings, CapabilityName.REFUNDS, plan.amount) and not (
            ctx.tool_call_approved
        )
        action = _action(
            d,
            "refund",
            key,
            plan.payment.customer_id,
            plan.payment.id,
            plan.amount,
            {"payment": reference, "amount": amount, "currency": currency},
            waiting=wait,
        )
        if wait:
            raise ApprovalRequired({"action_id": action})
        made = await _carry_out(
            d,
            action,
            ops.refund(
                d.gateway,
                d.scope,
                reference,
                wanted,
                policy=d.refund_policy,
                idempotency_seed=d.seed,
            ),
        )
        if isinstance(made, ops.RefundRefusal):
            _finish(d, action, "failed", error=made.message)
            return r.RefundOutcome(refusal=await _refund_refusal(made, d, reference))
        _finish(d, action, "done", result=made.model_dump(mode="json"))
        return r.RefundOutcome(refund=made, payment=plan.payment)

    args = {"payment": payment, "amount": amount, "currency": currency}
    return await _record(ctx, CapabilityName.REFUNDS, "refund", args, act)


async def _refund_reference(d: RunDeps, payment: str) -> str | None:
    """A charge id for `duplicate`: the newer of two same-amount payments within three days."""
    if payment != "duplicate":
        return payment or ops.LATEST
    history = [
        p
        for p in await ops.payment_history(d.gateway, d.scope, limit=20)
        if p.status in ("succeeded", "partially_refunded")
    ]
    for newer, older in itertools.pairwise(history):
        close = (newer.created - older.created).total_seconds() <= 3 * 86400
        if close and newer.amount == older.amount:
            return newer.id
    return None


_REFUND_REFUSALS = {
    ops.RefundRefusalReason.NOT_FOUND: r.RefusalReason.NOT_FOUND,
    ops.RefundRefusalReason.ALREADY_REFUNDED: r.RefusalReason.ALREADY_REFUNDED,
    ops.RefundRefusalReason.EXCEEDS_REFUNDABLE: r.RefusalReason.OVER_REFUNDABLE,
    ops.RefundRefusalReason.INVALID_AMOUNT: r.RefusalReason.OVER_REFUNDABLE,
    ops.RefundRefusalReason.EXCEEDS_CAP: r.RefusalReason.OVER_AUTOMATIC_LIMIT,
    ops.RefundRefusalReason.OUTSIDE_WINDOW: r.RefusalReason.OUTSIDE_WINDOW,
    ops.RefundRefusalReason.NOT_SUCCEEDED: r.RefusalReason.NOT_REFUNDABLE,
    ops.RefundRefusalReason.DISPUTED: r.RefusalReason.NOT_REFUNDABLE,
    ops.RefundRefusalReason.CURRENCY_MISMATCH: r.RefusalReason.NOT_REFUNDABLE,
}


async def _refund_refusal(refusal: ops.RefundRefusal, d: RunDeps, reference: str) -> r.Refusal:
    refundable = None
    if refusal.reason == ops.RefundRefusalReason.EXCEEDS_REFUNDABLE:
        refundable = (await ops.payment_status(d.gateway, d.scope, reference)).refundable
    return _refusal(
        _REFUND_REFUSALS[refusal.reason],
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
) -> r.PaymentLinkOutcome:
    """A link where the customer can pay: for an amount ("49.00"), or what an open invoice
    (by number, or the latest open one) still asks."""

    async def act() -> r.PaymentLinkOutcome:
        d = ctx.deps
        if (blocked := _verified_or_refusal(ctx, CapabilityName.PAYMENT_LINKS)) is not None:
            return r.PaymentLinkOutcome(refusal=blocked)
        wanted = _money(amount, currency, d)
        label = description or f"Payment to {d.settings.business_name}"
        if wanted is None:
            invoice = await _open_invoice(d, invoice_number)
            if invoice is None:
                return r.PaymentLinkOutcome(
                    refusal=_refusal(r.RefusalReason.NOT_FOUND, "No open invoice to pay.")
                )
            wanted, label = invoice.amount_due, f"Invoice {invoice.number or ''}".strip()
        key = action_key(d.seed, "payment_link", wanted.amount_minor, wanted.currency)
        action = _action(
            d,
            "payment_link",
            key,
            d.scope.customer().id,
            None,
            wanted,
            {"amount": amount, "currency": currency, "invoice": invoice_number},
        )
        link = await _carry_out(
            d,
            action,
            ops.payment_link_for_amount(d.gateway, d.scope, wanted, label, idempotency_seed=d.seed),
        )
        _finish(d, action, "done", result=link.model_dump(mode="json"))
        return r.PaymentLinkOutcome(link=link)

    args = {"amount": amount, "currency": currency, "invoice_number": invoice_number}
    return await _record(ctx, CapabilityName.PAYMENT_LINKS, "create_payment_link", args, act)


async def _open_invoice(d: RunDeps, number: str | None) -> Any:
    if number:
        try:
            found = await ops.find_invoice(d.gateway, d.scope, number)
        except ops.NothingFound:
            return None
        return found if found.status == "open" else None
    for invoice in await ops.list_invoices(d.gateway, d.scope, limit=20):
        if invoice.status == "open" and invoice.amount_due.amount_minor > 0:
            return invoice
    return None


async def portal_link(ctx: RunContext[RunDeps]) -> r.PortalLinkOutcome:
    """A secure link to the billing portal: update the card, billing details, see receipts."""

    async def act() -> r.PortalLinkOutcome:
        d = ctx.deps
        if (blocked := _verified_or_refusal(ctx, CapabilityName.PORTAL_LINKS)) is not None:
            return r.PortalLinkOutcome(refusal=blocked)
        link = await ops.portal_link(d.gateway, d.scope, return_url=d.settings.portal_return_url)
        return r.PortalLinkOutcome(link=link)

    return await _record(ctx, CapabilityName.PORTAL_LINKS, "portal_link", {}, act)


async def cancel_subscription(
    ctx: RunContext[RunDeps], subscription_id: str | None = None
) -> r.CancellationOutcome:
    """Stop a subscription from renewing: it ends at the end of the paid period, never now."""

    async def act() -> r.CancellationOutcome:
        d = ctx.deps
        if (blocked := _verified_or_refusal(ctx, CapabilityName.CANCELLATIONS)) is not None:
            return r.CancellationOutcome(refusal=blocked)
        current = [
            s
            for s in await ops.list_subscriptions(d.gateway, d.scope)
            if s.status in ("active", "trialing", "past_due")
        ]
        if subscription_id is None and not current:
            return r.CancellationOutcome(
                refusal=_refusal(r.RefusalReason.NOTHING_TO_CANCEL, "No current subscription.")
            )
        target = subscription_id or (current[0].id if len(current) == 1 else None)
        if target is None:
            raise ops.ChoiceNeeded(tuple(current))
        key = action_key(d.seed, "cancellation", target)
        already = next((s for s in current if s.id == target and s.cancel_at_period_end), None)
        if already is not None:  # already ending at period end: nothing to write
            return r.CancellationOutcome(
                cancellations=[
                    await ops.cancel_at_period_end(
                        d.gateway, d.scope, target, idempotency_seed=d.seed
                    )
                ]
            )
        wait = needs_approval(d.settings, CapabilityName.CANCELLATIONS, None) and not (
            ctx.tool_call_approved
        )
        action = _action(
            d,
            "cancellation",
            key,
            _customer_of(current, target),
            target,
            None,
            {"subscription_id": subscription_id},
            waiting=wait,
        )
        if wait:
            raise ApprovalRequired({"action_id": action})
        result = await _carry_out(
            d, action, ops.cancel_at_period_end(d.gateway, d.scope, target, idempotency_seed=d.seed)
        )
        _finish(d, action, "done", result=result.model_dump(mode="json"))
        return r.CancellationOutcome(cancellations=[result])

    args = {"subscription_id": subscription_id}
    return await _record(ctx, CapabilityName.CANCELLATIONS, "cancel_subscription", args, act)


def _customer_of(current: list[SubscriptionSummary], target: str) -> str | None:
    return next((s.customer_id for s in current if s.id == target), None)


async def escalate(ctx: RunContext[RunDeps], reason: str) -> str:
    """Hand this email to a person: not about billing, or nothing here can answer it."""
    ctx.deps.escalation = reason
    ctx.deps.trace.tool_calls.append(
        ToolCall(capability="agent", name="escalate", args={"reason": reason}, status="done")
    )
    return "A person will answer this email. Write nothing more."


# --- actions ---------------------------------------------------------------------------------


def action_key(seed: str, kind: str, *parts: str | int) -> str:
    """The unique key of an action: the same email asking the same thing finds the same row."""
    digest = hashlib.sha256("|".join([seed, kind, *map(str, parts)]).encode()).hexdigest()
    return f"kr-{kind}-{digest[:32]}"


def _action(
    d: RunDeps,
    kind: str,
    key: str,
    customer_id: str | None,
    target_id: str | None,
    amount: Money | None,
    arguments: dict[str, Any],
    *,
    waiting: bool = False,
) -> int:
    """The action row of this write (found again by its key when the email is retried)."""
    with transaction(d.runtime.sessions) as session:
        action = upsert_action(
            session,
            workspace_id=d.agent_input.workspace_id,
            run_id=d.run_id,
            message_id=d.agent_input.message_id,
            kind=kind,
            idempotency_key=key,
            status="awaiting_approval" if waiting else "running",
            customer_id=customer_id,
            target_id=target_id,
            amount=amount,
            arguments=arguments,
        )
        return action.id


def _finish(
    d: RunDeps,
    action_id: int,
    status: str,
    *,
    result: dict[str, Any] | None = None,
    error: str | None = None,
) -> None:
    with transaction(d.runtime.sessions) as session:
        action = session.get(Action, action_id)
        if action is not None and action.status != "done":
            finish_action(session, action, status=status, result=result, error=error)


async def _carry_out(d: RunDeps, action_id: int, write: Awaitable[Written]) -> Written:
    """Make the write; if Stripe fails, the action says so (and the error goes on up)."""
    try:
        return await write
    except Exception as error:
        _finish(d, action_id, "failed", error=f"{type(error).__name__}: {error}"[:500])
        raise


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


@functools.cache
def toolset(capabilities: frozenset[CapabilityName]) -> FunctionToolset[RunDeps]:
    """Only the tools of the capabilities the business enabled and the key allows (built once
    per set: making the tools' JSON schemas took half of a rules-brain run)."""
    functions: list[Callable[..., Awaitable[Any]]] = [escalate]
    for capability in CapabilityName:
        if capability in capabilities:
            functions.extend(TOOLS[capability])
    return FunctionToolset(functions)
