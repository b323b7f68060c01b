"""The customer's acknowledgement while a refund or cancellation waits for a member.

Written in code from the reply catalog (whatever the brain), in the customer's language: what
will be checked ("a refund of $49.00 for your payment on November 3, 2026"), that a person
confirms it first, and nothing promised. It passes the same reply check as any reply.

Payment and portal links that wait are not acknowledged: nothing is taken from or changed
for the customer, and "a person confirms sending you a link" tells them nothing they need
while they wait; when a link waits beside a refund, only the refund is named.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from knowreply.agent.actions import stored_plan
from knowreply.agent.brains.rules import Audience, Persona, replies
from knowreply.agent.deps import RunDeps
from knowreply.agent.plans import CancellationPlan, RefundPlan
from knowreply.agent.reply_check import review_reply
from knowreply.db.models import Action


def waiting_writes(deps: RunDeps, action_ids: Iterable[int]) -> list[RefundPlan | CancellationPlan]:
    """The waiting refunds and cancellations among these actions, in the order planned."""
    with deps.runtime.sessions() as session:
        actions = session.scalars(
            select(Action).where(Action.id.in_(list(action_ids))).order_by(Action.id)
        ).all()
        plans = [stored_plan(action) for action in actions]
    return [plan for plan in plans if isinstance(plan, RefundPlan | CancellationPlan)]


def _waiting(plan: RefundPlan | CancellationPlan) -> replies.Waiting:
    if isinstance(plan, RefundPlan):
        return replies.Waiting("refund", plan.amount, plan.paid_at)
    return replies.Waiting("cancellation")


def acknowledgement(
    deps: RunDeps, action_ids: Iterable[int], persona: Persona, audience: Audience
) -> str | None:
    """The acknowledgement's text, or None: nothing to acknowledge, or the check refused it
    (the customer then hears from us after the decision only)."""
    plans = waiting_writes(deps, action_ids)
    if not plans:
        return None
    names = {customer.id: customer.name for customer in deps.scope.customers}
    text = replies.compose(
        [replies.acknowledgement([_waiting(plan) for plan in plans], audience)],
        persona=persona,
        audience=audience,
        customer_name=names.get(plans[0].customer_id) or deps.scope.customers[0].name,
    )
    return review_reply(text, deps).text
