"""A member approves or rejects a waiting action; the agent then finishes its run.

Approval executes exactly the action's stored plan (re-validated against Stripe at that
moment); a run that cannot resume makes its actions impossible to approve. A refund planned
without an amount (a part asked back that nothing in the email sizes) is approved with the
amount the member sets, which is stored on the plan before anything runs.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply.agent.actions import close_waiting, decide_action, stored_plan
from knowreply.agent.paused import paused_run
from knowreply.agent.plans import RefundPlan, amount_of
from knowreply.agent.run import Run
from knowreply.agent.runner import save_run
from knowreply.agent.trace import Outcome, Trace
from knowreply.db.models import Action, AgentRun, Workspace
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.errors import KnowreplyError, NotFound
from knowreply.logs import error_text
from knowreply.money import Money
from knowreply.money_text import AmountError, parse_money
from knowreply.runtime import Runtime
from knowreply.workspaces import settings_of


class AlreadyDecided(KnowreplyError):
    status = 409


class AmountRefused(KnowreplyError):
    """The amount a member set cannot be approved (or none was set where one must be)."""

    status = 422


class CannotResume(KnowreplyError):
    """The run that asked for the action cannot go on: approving would do nothing."""

    status = 409


async def decide(
    runtime: Runtime,
    workspace_id: int,
    action_id: int,
    approve: bool,
    actor: str,
    *,
    member_id: int | None = None,
    amount: str | None = None,
) -> Trace:
    """Record the decision; once every waiting action of the run is decided, resume the run.

    A rejection hands the email to a person (no automatic reply); an approval lets the agent
    carry out the stored plan and write its reply. `amount` ("12.50") is what a member sets
    for a refund planned without one, and nothing else: `AmountRefused` says why not.
    """
    with transaction(runtime.sessions) as session:
        action = session.get(Action, action_id)
        if action is None or action.workspace_id != workspace_id:
            raise NotFound("No such action in this workspace.")
        if action.status != "awaiting_approval":
            raise AlreadyDecided(f"This action was already {action.status}.")
        run_row = session.get(AgentRun, action.run_id) if action.run_id else None
        paused = paused_run(run_row.state) if run_row is not None else None
        if run_row is None or paused is None or action.id not in paused.pending.values():
            if run_row is not None:
                close_waiting(session, run_row.id, "the run that asked for it cannot resume")
            else:
                action.status, action.error = "cancelled", "the run that asked for it is gone"
            paused = None
        else:
            if approve:
                _set_amount(session, action, amount, actor)
            decide_action(session, action, approved=approve, member_id=member_id, actor=actor)
            run_id, trace = run_row.id, Trace.model_validate(run_row.trace)
            waiting = session.scalars(
                select(Action).where(Action.run_id == run_id, Action.status == "awaiting_approval")
            ).all()
            decided = session.scalars(select(Action).where(Action.id.in_(paused.pending.values())))
            # Only the actions of the paused calls; a write the run already made is not a "no".
            decisions = {a.id: a.status == "approved" for a in decided}
    if paused is None:
        raise CannotResume(
            "This action cannot be carried out: the run that asked for it cannot resume. "
            "It was cancelled; answer the email by hand."
        )
    if waiting:
        return trace  # other actions of this run still wait for a member
    trace.reply = None  # the acknowledgement, if any, went out; the decision writes the reply
    run = Run(runtime, paused.input, trace, run_id, utcnow())
    if not all(decisions.values()):
        run.finish(Outcome.ESCALATED, f"{actor} declined the action; a person answers instead.")
        save_run(runtime, run)
        return run.trace
    try:
        await run.resume(paused)
    except Exception as error:  # recorded on the run and its actions; nothing else runs
        run.trace.outcome = Outcome.FAILED
        run.trace.reason = error_text(error)
    save_run(runtime, run)
    return run.trace


def _set_amount(session: Session, action: Action, amount: str | None, actor: str) -> None:
    """Store the amount a member set on a refund planned without one; refuse an amount for
    any other action (its amount was fixed when it was planned)."""
    given = (amount or "").strip()
    plan = stored_plan(action)
    if not isinstance(plan, RefundPlan) or not plan.to_be_sized:
        fixed = amount_of(plan) if plan is not None else None
        if given and (fixed is None or _read(given, fixed.currency) != fixed):
            raise AmountRefused(
                "This action's amount was fixed when it was planned: approve it as it is, "
                "or reject it and answer the email by hand."
            )
        return
    if not given:
        raise AmountRefused(
            f"Set the amount first: the customer asked back a part of their "
            f"{plan.payment_amount} payment without saying how much (at most {plan.most_to_set})."
        )
    workspace = session.get(Workspace, action.workspace_id)
    settings = settings_of(workspace) if workspace is not None else None
    cap = settings.money(settings.refund_cap_minor) if settings is not None else None
    set_amount = _read(given, plan.payment_amount.currency)
    try:
        sized = plan.sized(set_amount, actor, cap=cap)
    except ValueError as why:
        raise AmountRefused(f"This amount cannot be refunded: {why}.") from None
    action.arguments = {**action.arguments, "plan": sized.model_dump(mode="json")}
    action.amount_minor, action.currency = set_amount.amount_minor, set_amount.currency


def _read(text: str, currency: str) -> Money:
    """An amount a member typed, in the payment's currency."""
    try:
        return parse_money(text, currency)
    except AmountError as why:
        raise AmountRefused(f"{why}: write an amount such as 12.50.") from None
