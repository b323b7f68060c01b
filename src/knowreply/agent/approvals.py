"""A member approves or rejects a waiting action; the agent then finishes its run."""

from __future__ import annotations

from pydantic_ai import DeferredToolResults
from pydantic_ai.messages import ModelMessagesTypeAdapter
from sqlalchemy import select

from knowreply.agent.actions import decide_action
from knowreply.agent.run import Run
from knowreply.agent.runner import save_run
from knowreply.agent.trace import AgentInput, Outcome, Trace
from knowreply.db.models import Action, AgentRun
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.errors import KnowreplyError, NotFound
from knowreply.logs import error_text
from knowreply.runtime import Runtime


class AlreadyDecided(KnowreplyError):
    status = 409


async def decide(
    runtime: Runtime,
    workspace_id: int,
    action_id: int,
    approve: bool,
    actor: str,
    *,
    member_id: int | None = None,
) -> Trace:
    """Record the decision; once every waiting action of the run is decided, resume the run.

    A rejection hands the email to a person (no automatic reply); an approval lets the agent
    carry out the action and write its reply.
    """
    with transaction(runtime.sessions) as session:
        action = session.get(Action, action_id)
        if action is None or action.workspace_id != workspace_id:
            raise NotFound("No such action in this workspace.")
        if action.status != "awaiting_approval":
            raise AlreadyDecided(f"This action was already {action.status}.")
        decide_action(session, action, approved=approve, member_id=member_id, actor=actor)
        run_row = session.get(AgentRun, action.run_id) if action.run_id else None
        if run_row is None:
            raise NotFound("The run that asked for this action is gone.")
        waiting = session.scalars(
            select(Action).where(Action.run_id == run_row.id, Action.status == "awaiting_approval")
        ).all()
        trace = Trace.model_validate(run_row.trace)
        state = dict(run_row.state)
        # Only the actions a member decided on; a write the run already made is not a "no".
        decisions = {
            a.id: a.status == "approved"
            for a in session.scalars(
                select(Action).where(
                    Action.run_id == run_row.id, Action.status.in_(("approved", "rejected"))
                )
            )
        }
    if waiting or not state:
        return trace  # other actions of this run still wait for a member
    run = Run(runtime, AgentInput.model_validate(state["input"]), trace, run_row.id, utcnow())
    if not all(decisions.values()):
        run.finish(Outcome.ESCALATED, f"{actor} declined the action; a person answers instead.")
        run.state = {}
        save_run(runtime, run)
        return run.trace
    results = DeferredToolResults(approvals={call_id: True for call_id in state["pending"]})
    history = ModelMessagesTypeAdapter.validate_python(state["messages"])
    try:
        await run.resume(results, history)
    except Exception as error:  # recorded on the run; the action stays approved
        run.trace.outcome = Outcome.FAILED
        run.trace.reason = error_text(error)
    save_run(runtime, run)
    return run.trace
