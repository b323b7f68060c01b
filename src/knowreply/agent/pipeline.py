"""The write pipeline: one wrapper around the run's tools that every call goes through.

Every call is recorded in the trace. After a hand-off (`escalate`, or any refusal that gives
the email to a person) no other tool runs. A write tool only plans; here the plan is checked
against policy, stored as an `Action` and either executed at once or left waiting for a
member. On approval the stored plan is executed exactly as planned (the tool is not asked
again), re-validated by Stripe operations at that moment:

    tool call -> record -> verified sender? -> plan (exact object, amount, currency, customer)
      -> policy (approval mode, explicit request, no instructions to the assistant,
                 amount asked, currency, totals)
      -> Action row (plan frozen) -> execute now | wait (ApprovalRequired)
    approval -> the same Action's plan -> execute (re-validated) -> record + audit

A tool error (a bad argument, a missing object) becomes a recorded error and a hand-off.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic_ai import RunContext
from pydantic_ai.exceptions import ApprovalRequired
from pydantic_ai.messages import ModelResponse, ToolCallPart
from pydantic_ai.toolsets import ToolsetTool, WrapperToolset
from sqlalchemy import select

from knowreply.agent import results as r
from knowreply.agent.actions import finish_action, refund_totals, stored_plan, upsert_action
from knowreply.agent.deps import RunDeps
from knowreply.agent.handoff import HandOff
from knowreply.agent.plans import (
    CancellationPlan,
    PaymentLinkPlan,
    PortalLinkPlan,
    RefundPlan,
    amount_of,
)
from knowreply.agent.policy import AnyPlan, RefundTotals, needs_verified_sender, reasons_to_wait
from knowreply.agent.trace import PlannedWrite, PolicyDecision, ToolCall
from knowreply.db.models import Action
from knowreply.db.session import transaction
from knowreply.integrations.stripe import connection as stripe_connection
from knowreply.integrations.stripe import operations as ops
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.integrations.stripe.errors import StripeFailure

ESCALATE = "escalate"
WRITE_TOOLS: dict[str, tuple[CapabilityName, type[BaseModel]]] = {
    "refund": (CapabilityName.REFUNDS, r.RefundOutcome),
    "cancel_subscription": (CapabilityName.CANCELLATIONS, r.CancellationOutcome),
    "create_payment_link": (CapabilityName.PAYMENT_LINKS, r.PaymentLinkOutcome),
    "portal_link": (CapabilityName.PORTAL_LINKS, r.PortalLinkOutcome),
}
PLANS = (RefundPlan, CancellationPlan, PaymentLinkPlan, PortalLinkPlan)


def action_key(seed: str, kind: str, *parts: str | int) -> str:
    """The unique key of an action: the same email asking the same thing finds the same row."""
    digest = hashlib.sha256("|".join([seed, kind, *map(str, parts)]).encode()).hexdigest()
    return f"kr-{kind}-{digest[:32]}"


def plan_key(seed: str, plan: AnyPlan) -> str:
    if isinstance(plan, RefundPlan):
        if plan.amount is None:  # one per payment: a member sets how much
            return action_key(seed, plan.kind, plan.charge_id, "set by a member")
        return action_key(
            seed, plan.kind, plan.charge_id, plan.amount.amount_minor, plan.amount.currency
        )
    if isinstance(plan, CancellationPlan):
        return action_key(seed, plan.kind, plan.subscription_id)
    if isinstance(plan, PaymentLinkPlan):
        return action_key(seed, plan.kind, plan.amount.amount_minor, plan.amount.currency)
    return action_key(seed, plan.kind, plan.customer_id)


def _with_customer(plan: AnyPlan, scope: ops.CustomerScope) -> AnyPlan:
    """The plan naming its customer (name and email from the scope), for the audit log."""
    for customer in scope.customers:
        if customer.id == plan.customer_id:
            return plan.model_copy(
                update={"customer_name": customer.name, "customer_email": customer.email}
            )
    return plan


def _handing_off_now(ctx: RunContext[RunDeps]) -> bool:
    """The model's current answer asks to escalate: none of its other calls may run."""
    last = ctx.messages[-1] if ctx.messages else None
    return isinstance(last, ModelResponse) and any(
        isinstance(part, ToolCallPart) and part.tool_name == ESCALATE for part in last.parts
    )


def _is_control_flow(error: Exception) -> bool:
    """pydantic-ai's own exceptions (retry, deferral, usage limits) pass through untouched."""
    return type(error).__module__.startswith("pydantic_ai")


@dataclass
class WritePipeline(WrapperToolset[RunDeps]):
    capability_of: dict[str, str] = field(default_factory=dict)

    async def call_tool(
        self,
        name: str,
        tool_args: dict[str, Any],
        ctx: RunContext[RunDeps],
        tool: ToolsetTool[RunDeps],
    ) -> Any:
        deps = ctx.deps
        call = ToolCall(
            capability=self.capability_of.get(name, "agent"),
            name=name,
            args=dict(tool_args),
            status="done",
        )
        deps.trace.tool_calls.append(call)
        try:
            result = await self._call(name, tool_args, ctx, tool, call)
        except ApprovalRequired:
            call.status = "awaiting_approval"
            raise
        except HandOff as handoff:
            if name != ESCALATE:
                call.status, call.error = "error", handoff.reason
            raise
        except (ops.NothingFound, ops.ChoiceNeeded) as missing:
            call.status, call.error = "error", missing.message
            raise HandOff(missing.message) from None
        except StripeFailure as failure:
            call.status, call.error = "error", failure.message
            if failure.permanent:
                raise HandOff(failure.message) from None
            raise
        except Exception as error:
            if _is_control_flow(error):
                raise
            reason = f"the {name} tool failed: {type(error).__name__}: {error}"[:500]
            call.status, call.error = "error", reason
            raise HandOff(reason) from None
        refusal = getattr(result, "refusal", None)
        if isinstance(refusal, r.Refusal):
            call.status, call.error = "denied", refusal.message
        call.result = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
        return result

    async def _call(
        self,
        name: str,
        tool_args: dict[str, Any],
        ctx: RunContext[RunDeps],
        tool: ToolsetTool[RunDeps],
        call: ToolCall,
    ) -> Any:
        deps = ctx.deps
        if name != ESCALATE and (deps.escalation is not None or _handing_off_now(ctx)):
            call.status = "denied"
            raise HandOff(deps.escalation or "the email was handed to a person")
        if name not in WRITE_TOOLS:
            return await self.wrapped.call_tool(name, tool_args, ctx, tool)
        capability, outcome = WRITE_TOOLS[name]
        if ctx.tool_call_approved:
            return await self._approved(ctx, call)
        if needs_verified_sender(capability) and not deps.agent_input.verified:
            deps.blocked_for_verification = True
            return outcome(
                refusal=r.Refusal(
                    reason=r.RefusalReason.VERIFICATION_REQUIRED,
                    message="The sender could not be verified; a one-time code is sent to "
                    "the address on file.",
                )
            )
        planned = await self.wrapped.call_tool(name, tool_args, ctx, tool)
        if not isinstance(planned, PLANS):
            return planned  # a refusal, or nothing to write
        return await self._write(ctx, call, planned, tool_args)

    async def _write(
        self, ctx: RunContext[RunDeps], call: ToolCall, plan: AnyPlan, tool_args: dict[str, Any]
    ) -> BaseModel:
        d = ctx.deps
        key = plan_key(d.seed, plan)
        plan = _with_customer(plan, d.scope)
        with transaction(d.runtime.sessions) as session:
            existing = session.scalar(select(Action).where(Action.idempotency_key == key))
            if existing is not None and existing.status == "rejected":
                raise HandOff(f"a member already declined this {plan.kind}")
            if existing is not None and existing.status in ("done", "running", "approved"):
                reasons: list[str] = []  # this email's write was made: replay it, never twice
            elif existing is not None and existing.status == "awaiting_approval":
                reasons = ["it already waits for a member"]
            else:
                totals = None
                if isinstance(plan, RefundPlan) and plan.amount is not None:
                    totals = RefundTotals(
                        *refund_totals(
                            session,
                            workspace_id=d.agent_input.workspace_id,
                            message_id=d.agent_input.message_id,
                            run_id=d.run_id,
                            customer_id=plan.customer_id,
                            currency=plan.amount.currency,
                            now=d.now,
                        )
                    )
                reasons = reasons_to_wait(plan, d.settings, d.requests, totals, d.doubted)
            action = upsert_action(
                session,
                workspace_id=d.agent_input.workspace_id,
                run_id=d.run_id,
                message_id=d.agent_input.message_id,
                kind=plan.kind,
                idempotency_key=key,
                status="awaiting_approval" if reasons else "running",
                customer_id=plan.customer_id,
                target_id=plan.target_id,
                amount=amount_of(plan),
                arguments={"plan": plan.model_dump(mode="json"), "asked": tool_args},
            )
            if action.status in ("failed", "cancelled"):  # a retry of this email plans again
                action.status = "awaiting_approval" if reasons else "running"
                action.run_id = d.run_id
            action_id = action.id
        call.write = PlannedWrite(
            action_id=action_id,
            kind=plan.kind,
            target_id=plan.target_id,
            customer_id=plan.customer_id,
            amount=amount_of(plan),
            waiting_because=reasons,
            whole=plan.whole if isinstance(plan, RefundPlan) else None,
        )
        if reasons:
            d.trace.policy.append(
                PolicyDecision(
                    rule="approval", decision="waiting for a member", detail="; ".join(reasons)
                )
            )
            raise ApprovalRequired(metadata={"action_id": action_id})
        return await _execute(d, action_id, plan, approved=False)

    async def _approved(self, ctx: RunContext[RunDeps], call: ToolCall) -> BaseModel:
        """A member approved this call: execute the action's stored plan, nothing else."""
        d = ctx.deps
        action_id = d.approved.get(ctx.tool_call_id or "")
        if action_id is None:
            raise HandOff("this call was not approved by a member")
        with transaction(d.runtime.sessions) as session:
            action = session.get(Action, action_id)
            plan = stored_plan(action) if action is not None else None
            if action is None or plan is None or action.status != "approved":
                raise HandOff("the approved action has no plan to carry out")
        call.write = PlannedWrite(
            action_id=action_id,
            kind=plan.kind,
            target_id=plan.target_id,
            customer_id=plan.customer_id,
            amount=amount_of(plan),
            whole=plan.whole if isinstance(plan, RefundPlan) else None,
        )
        return await _execute(d, action_id, plan, approved=True)


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


def _mark_running(d: RunDeps, action_id: int) -> None:
    with transaction(d.runtime.sessions) as session:
        action = session.get(Action, action_id)
        if action is not None and action.status != "done":
            action.status = "running"


async def _carry_out(d: RunDeps, plan: AnyPlan) -> BaseModel | ops.RefundRefusal:
    """The Stripe write of a plan, exactly as planned; the operations re-check the scope."""
    if isinstance(plan, RefundPlan):
        if plan.amount is None:
            raise HandOff("this refund has no amount: a member sets it when approving")
        payment = await ops.payment_status(d.gateway, d.scope, plan.charge_id)
        if payment.customer_id != plan.customer_id:
            return ops.RefundRefusal(
                ops.RefundRefusalReason.NOT_FOUND, "The payment is no longer this customer's."
            )
        made = await ops.refund(
            d.gateway,
            d.scope,
            plan.charge_id,
            plan.amount,
            policy=d.refund_policy,
            idempotency_seed=d.seed,
        )
        if isinstance(made, ops.RefundRefusal):
            return made
        return r.RefundOutcome(
            refund=made, payment=payment, unused=plan.unused, counted=plan.counted
        )
    if isinstance(plan, CancellationPlan):
        cancelled = await ops.cancel_at_period_end(
            d.gateway, d.scope, plan.subscription_id, idempotency_seed=d.seed
        )
        return r.CancellationOutcome(cancellations=[cancelled])
    if isinstance(plan, PaymentLinkPlan):
        link = await ops.payment_link_for_amount(
            d.gateway, d.scope, plan.amount, plan.label, idempotency_seed=d.seed
        )
        return r.PaymentLinkOutcome(link=link)
    try:
        portal = await ops.portal_link(
            d.gateway,
            d.scope,
            return_url=d.settings.portal_return_url,
            customer_id=plan.customer_id,
        )
    except StripeFailure as failure:
        if failure.reason == "portal_not_configured":
            _note_portal(d, configured=False)
        raise
    _note_portal(d, configured=True)
    return r.PortalLinkOutcome(link=portal)


def _note_portal(d: RunDeps, *, configured: bool) -> None:
    """The Toolkit shows at once what this portal session found (not at the next check)."""
    with transaction(d.runtime.sessions) as session:
        stripe_connection.record_portal_configured(session, d.agent_input.workspace_id, configured)


async def _execute(d: RunDeps, action_id: int, plan: AnyPlan, *, approved: bool) -> BaseModel:
    """Carry out a plan and record how it ended on its action (and in the audit log)."""
    _mark_running(d, action_id)
    try:
        made = await _carry_out(d, plan)
    except Exception as error:
        _finish(d, action_id, "failed", error=f"{type(error).__name__}: {error}"[:500])
        raise
    if isinstance(made, ops.RefundRefusal):
        _finish(d, action_id, "failed", error=made.message)
        if approved:
            raise HandOff(f"The approved {plan.kind} was not carried out: {made.message}")
        return r.RefundOutcome(refusal=r.Refusal(reason=made.reason, message=made.message))
    _finish(d, action_id, "done", result=made.model_dump(mode="json"))
    return made
