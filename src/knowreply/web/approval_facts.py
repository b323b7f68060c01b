"""What an approval card shows beyond the stored action: the customer and the payment or
subscription as Stripe has them now, the link to the Stripe Dashboard, and the policy that
made the action wait. Read fresh per page: nothing here is stored."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import structlog

from knowreply.agent.run import load_setup
from knowreply.db.types import utcnow
from knowreply.integrations.stripe import operations as ops
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.operations.refunds import RefundPlan, RefundPolicy
from knowreply.integrations.stripe.ratelimit import limiter_for
from knowreply.money import Money
from knowreply.runtime import Runtime
from knowreply.web.repository import ApprovalTarget
from knowreply.workspaces import WorkspaceSettings

log = structlog.get_logger(__name__)
DASHBOARD = "https://dashboard.stripe.com"


@dataclass(frozen=True)
class ApprovalFacts:
    customer_name: str | None = None
    customer_email: str | None = None
    customer_url: str | None = None
    object_url: str | None = None
    charged_at: datetime | None = None
    description: str | None = None
    charged: str | None = None
    refundable_after: str | None = None
    refundable_now: str | None = None
    """For a refund whose amount the member sets: what is left to refund before it."""
    card: str | None = None
    period_end: datetime | None = None
    plan: str | None = None
    policy: str = ""
    problem: str | None = None
    """Why Stripe's side could not be read or the guardrails now refuse (shown on the card)."""


def dashboard_url(kind: str, object_id: str, *, live: bool) -> str:
    """`https://dashboard.stripe.com/test/customers/cus_…` in test mode, without `/test` live."""
    return f"{DASHBOARD}{'' if live else '/test'}/{kind}/{object_id}"


def why_it_waits(settings: WorkspaceSettings, target: ApprovalTarget) -> str:
    amount = target.amount
    if target.to_be_sized:
        return (
            "The customer asked back a part of this payment without saying how much: "
            "you set the amount."
        )
    if settings.approval_mode == "above_amount" and amount is not None:
        limit = Money(amount_minor=settings.approval_threshold_minor, currency=amount.currency)
        return f"Settings: refunds above {limit.format()} wait for a member's approval."
    return "Settings: every refund and cancellation waits for a member's approval."


async def facts_for(
    runtime: Runtime, workspace_id: int, targets: list[ApprovalTarget]
) -> dict[int, ApprovalFacts]:
    """The facts of each waiting action, by action id; Stripe is asked once per card."""
    setup = load_setup(runtime, workspace_id)
    if isinstance(setup, str):
        return {t.action_id: ApprovalFacts(problem=setup) for t in targets}
    live = setup.key.mode == "live"
    found: dict[int, ApprovalFacts] = {}
    limiter = limiter_for(workspace_id, setup.key.mode)
    async with StripeGateway(setup.key, limiter, setup.api_base) as gateway:
        for target in targets:
            policy = why_it_waits(setup.settings, target)
            try:
                found[target.action_id] = await _facts(
                    gateway, setup.settings, target, live, policy
                )
            except Exception as error:  # a card still shows what is stored
                log.warning("approvals.facts", action_id=target.action_id, error=str(error))
                found[target.action_id] = ApprovalFacts(
                    policy=policy, problem=f"Stripe could not be read: {error}"
                )
    return found


async def _facts(
    gateway: StripeGateway,
    settings: WorkspaceSettings,
    target: ApprovalTarget,
    live: bool,
    policy: str,
) -> ApprovalFacts:
    if not target.sender:
        return ApprovalFacts(policy=policy, problem="The asking email is not stored.")
    lookup = await ops.find_customers(gateway, target.sender, mode="live" if live else "test")
    scope = lookup.scope
    if scope is None:
        return ApprovalFacts(policy=policy, problem=lookup.message)
    customer = next((c for c in scope.customers if c.id == target.customer_id), scope.customers[0])
    who = ApprovalFacts(
        customer_name=customer.name,
        customer_email=customer.email,
        customer_url=dashboard_url("customers", customer.id, live=live),
        policy=policy,
    )
    if target.kind == "refund" and target.object_id:
        refund_policy = RefundPolicy(
            cap_minor=settings.refund_cap_minor,
            window_days=settings.refund_window_days,
            now=utcnow(),
            cap_currency=settings.default_currency,
        )
        plan = await ops.check_refund(
            gateway,
            scope,
            target.object_id,
            target.amount,
            policy=refund_policy,
            sized_later=target.to_be_sized,
        )
        if not isinstance(plan, RefundPlan):
            return replace(who, problem=f"Stripe's side changed: {plan.message}")
        payment = plan.payment
        card = (
            f"{(payment.card_brand or 'card').title()} ending {payment.card_last4}"
            if payment.card_last4
            else None
        )
        return replace(
            who,
            object_url=dashboard_url("payments", payment.id, live=live),
            charged_at=payment.created,
            description=payment.description,
            charged=payment.amount.format(),
            refundable_after=None if target.to_be_sized else plan.remaining_after.format(),
            refundable_now=payment.refundable.format() if target.to_be_sized else None,
            card=card,
        )
    if target.object_id and target.object_id.startswith("sub_"):
        for sub in await ops.list_subscriptions(gateway, scope):
            if sub.id == target.object_id:
                return replace(
                    who,
                    object_url=dashboard_url("subscriptions", sub.id, live=live),
                    plan=sub.plan_name,
                    period_end=sub.current_period_end,
                )
    return who
