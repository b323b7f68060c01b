"""A person's decision on a waiting action, from the dashboard, the API or the CLI alike."""

from __future__ import annotations

from knowreply.access import Caller, require
from knowreply.agent.approvals import decide
from knowreply.agent.trace import Outcome, Trace
from knowreply.db.models import Action
from knowreply.pipeline.workflow import MessageQueue
from knowreply.runtime import Runtime


async def decide_and_reply(
    runtime: Runtime,
    queue: MessageQueue,
    caller: Caller,
    action_id: int,
    approve: bool,
    *,
    amount: str | None = None,
) -> Trace:
    """Hand the decision to the agent (which checks the action is this workspace's and still
    waiting: 404 or 409 otherwise; 422 for an amount it cannot take); once the run is
    finished, a worker sends its reply. Members and owners decide; a viewer is refused (403).
    `amount` is what the member sets for a refund planned without one."""
    verb = "approve" if approve else "reject"
    require(caller, "member", action=f"approval.{verb}", what="Deciding approvals")
    trace = await decide(
        runtime,
        caller.workspace_id,
        action_id,
        approve,
        caller.actor,
        member_id=caller.member_id,
        amount=amount,
    )
    with runtime.sessions() as session:
        action = session.get(Action, action_id)
        message_id = action.message_id if action else None
    finished = trace.outcome not in (Outcome.AWAITING_APPROVAL, Outcome.FAILED)
    if message_id is not None and finished:
        queue.enqueue_decided_reply(message_id, caller.workspace_id, trace)
    return trace
