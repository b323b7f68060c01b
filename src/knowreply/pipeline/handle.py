"""The sequence of steps for one inbound message, shared by the durable workflow and
`knowreply ingest`; only how each step is run differs (checkpointed or direct)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy import select

from knowreply.agent.trace import Outcome, Trace
from knowreply.db.models import Message
from knowreply.logs import error_text
from knowreply.pipeline import steps
from knowreply.runtime import Runtime

if TYPE_CHECKING:
    from knowreply.pipeline.outbox import SendOutcome

T = TypeVar("T")


class StepRunner(Protocol):
    def __call__(self, name: str, function: Callable[..., T], *args: Any) -> T: ...


@dataclass(frozen=True)
class HandleResult:
    """What happened to the message; `trace` is the agent's (a skip has a short one)."""

    message_id: int
    status: str
    reason: str | None
    detail: str | None
    trace: Trace


SendHandOff = Callable[[int, int, Trace], None]
"""(message id, outbox row id, trace): the durable workflow hands the reply to the send
queue, so waiting for SMTP never holds up the next email."""


def run_directly(name: str, function: Callable[..., T], *args: Any) -> T:
    return function(*args)


def handle(
    runtime: Runtime,
    message_id: int,
    run: StepRunner = run_directly,
    hand_off: SendHandOff | None = None,
) -> HandleResult:
    """admit (screen, thread, verify) -> agent -> send, recording the outcome on the message.

    An exception in a step marks the message failed with that step's name and the error,
    then propagates (so a durable workflow shows as errored too). Without `hand_off` the
    reply is sent here, once (`knowreply ingest`).
    """
    step = "screen"
    try:
        screened = run("admit", steps.admit_step, runtime, message_id)
        if not screened.answer:
            return _skipped(runtime, message_id, screened)
        step = "agent"
        trace = run("agent", steps.agent_step, runtime, message_id, screened.verified)
        step = "send"
        return reply_and_finish(runtime, message_id, trace, run, hand_off)
    except Exception as error:
        if isinstance(error, steps.StepFailed):
            step, detail = error.step, error.detail
        else:
            detail = error_text(error, limit=2000)
        steps.fail_step(runtime, message_id, step, detail)
        raise


def reply_and_finish(
    runtime: Runtime,
    message_id: int,
    trace: Trace,
    run: StepRunner = run_directly,
    hand_off: SendHandOff | None = None,
) -> HandleResult:
    """Store the agent's reply in the outbox and send it (or hand it off), then record the
    message's outcome; also what runs after a member decided on a waiting action.

    An acknowledgement (the run waits for a member) is sent the same way, but the message's
    outcome is the run's at once: what becomes of the acknowledgement does not change it."""
    sent: SendOutcome | None = None
    if trace.outcome in steps.SENDS_A_REPLY and trace.reply is not None:
        waiting = hand_off is not None
        reply = trace.reply
        item_id = run(
            "prepare_send",
            steps.prepare_send_step,
            runtime,
            message_id,
            reply.text,
            waiting,
            reply.sealed_code,
            reply.kind,
        )
        acknowledgement = steps.acknowledges(trace)
        if item_id is None and not acknowledgement:
            return _result(runtime, message_id, trace)
        if item_id is not None and hand_off is not None:
            hand_off(message_id, item_id, trace)
            if not acknowledgement:
                return _result(runtime, message_id, trace)
        elif item_id is not None:
            sent = run("send", steps.send_step, runtime, item_id, 1)
    run("finish", steps.finish_step, runtime, message_id, trace, sent)
    return _result(runtime, message_id, trace)


def after_decision(
    runtime: Runtime,
    message_id: int,
    trace: Trace,
    run: StepRunner = run_directly,
    hand_off: SendHandOff | None = None,
) -> HandleResult:
    """A member decided on a waiting action and the agent finished its run: its reply goes
    out through the same outbox and the message gets its final outcome."""
    try:
        return reply_and_finish(runtime, message_id, trace, run, hand_off)
    except Exception as error:
        steps.fail_step(runtime, message_id, "send", error_text(error, limit=2000))
        raise


def _skipped(runtime: Runtime, message_id: int, screened: steps.Screened) -> HandleResult:
    with runtime.sessions() as session:
        message = session.get_one(Message, message_id)
        trace = Trace(
            outcome=Outcome.SKIPPED,
            reason=screened.reason,
            sender=message.from_address,
            verified=False,
        )
    return _result(runtime, message_id, trace)


def _result(runtime: Runtime, message_id: int, trace: Trace) -> HandleResult:
    with runtime.sessions() as session:
        status, reason, detail = session.execute(
            select(Message.status, Message.status_reason, Message.status_detail).where(
                Message.id == message_id
            )
        ).one()
        return HandleResult(message_id, status, reason, detail, trace)
