"""Entry points of the agent for the pipeline, the Simulator and the eval; every run stored."""

from __future__ import annotations

import structlog
from sqlalchemy.orm import Session

from knowreply.agent.actions import close_waiting
from knowreply.agent.run import Run
from knowreply.agent.trace import AgentInput, Outcome, Trace
from knowreply.db.models import AgentRun
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.integrations.stripe.errors import StripeFailure
from knowreply.logs import error_text, redact_text
from knowreply.runtime import Runtime

log = structlog.get_logger(__name__)


def start_run(runtime: Runtime, agent_input: AgentInput) -> int:
    with transaction(runtime.sessions) as session:
        return add_run(session, agent_input)


def add_run(session: Session, agent_input: AgentInput) -> int:
    """The run's row, `running`, in the caller's transaction (the pipeline's agent step
    writes it with its other start-of-step writes)."""
    run = AgentRun(
        workspace_id=agent_input.workspace_id,
        message_id=agent_input.message_id,
        source=agent_input.source,
        brain="rules",
        outcome="running",
    )
    session.add(run)
    session.flush()
    return run.id


def save_run(runtime: Runtime, run: Run) -> None:
    with transaction(runtime.sessions) as session:
        row = session.get(AgentRun, run.run_id)
        assert row is not None
        row.brain = run.trace.brain
        row.outcome = run.trace.outcome
        row.reason = run.trace.reason
        row.trace = run.trace.model_dump(mode="json")
        row.state = run.state.model_dump(mode="json") if run.state is not None else {}
        if run.trace.outcome != Outcome.AWAITING_APPROVAL:
            close_waiting(
                session, run.run_id, f"the run ended {run.trace.outcome}: {run.trace.reason}"
            )
        row.input_tokens = run.trace.usage.input_tokens
        row.output_tokens = run.trace.usage.output_tokens
        row.finished_at = utcnow()


async def run_agent(
    runtime: Runtime, agent_input: AgentInput, *, run_id: int | None = None
) -> Trace:
    """Run the agent on one email and store the run; never raises for a customer's email.

    A failure (Stripe down, the LLM provider erroring after its retries) gives the `failed`
    outcome with the reason, so the email can be retried from the dashboard. `run_id`: a
    row the caller already added (`add_run`), else one is started here.
    """
    if run_id is None:
        run_id = start_run(runtime, agent_input)
    trace = Trace(
        outcome=Outcome.FAILED,
        sender=agent_input.sender,
        verified=agent_input.verified,
        truncated=agent_input.truncated,
        run_id=run_id,
    )
    run = Run(runtime, agent_input, trace, run_id, utcnow())
    try:
        await run.execute()
    except Exception as error:  # any failure is recorded and shown; the email is kept
        log.exception("agent.run.failed", run_id=run_id)
        run.trace.outcome = Outcome.FAILED
        if isinstance(error, StripeFailure):
            run.trace.reason = redact_text(error.message)[:500]
            run.trace.retryable = not error.permanent
        else:
            run.trace.reason = error_text(error)
    save_run(runtime, run)
    log.info("agent.run", run_id=run_id, outcome=run.trace.outcome, reason=run.trace.reason)
    return run.trace
