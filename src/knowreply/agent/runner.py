"""Entry point of the agent for the pipeline, the Simulator and the eval."""

from __future__ import annotations

from knowreply.agent.trace import AgentInput, Outcome, Trace
from knowreply.db.models import AgentRun
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.runtime import Runtime


async def run_agent(runtime: Runtime, agent_input: AgentInput) -> Trace:
    """Run the agent on one email and store the run; never raises for a customer's input.

    Provisional body until the agent lands: every email is escalated to a person.
    """
    trace = Trace(
        outcome=Outcome.ESCALATED,
        reason="The agent is not configured yet.",
        sender=agent_input.sender,
        verified=agent_input.verified,
        truncated=agent_input.truncated,
    )
    with transaction(runtime.sessions) as session:
        run = AgentRun(
            workspace_id=agent_input.workspace_id,
            message_id=agent_input.message_id,
            source=agent_input.source,
            brain=trace.brain,
            outcome=trace.outcome,
            reason=trace.reason,
            trace=trace.model_dump(mode="json"),
            finished_at=utcnow(),
        )
        session.add(run)
        session.flush()
        trace.run_id = run.id
    return trace
