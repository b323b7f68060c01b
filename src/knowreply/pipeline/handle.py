"""The sequence of steps for one inbound message, shared by the durable workflow and
`knowreply ingest`; only how each step is run differs (checkpointed or direct)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from knowreply.agent.trace import Outcome, Trace
from knowreply.db.models import Message
from knowreply.pipeline import steps
from knowreply.pipeline.outbox import SendOutcome
from knowreply.runtime import Runtime

T = TypeVar("T")


class StepRunner(Protocol):
    def __call__(
        self, name: str, function: Callable[..., T], *args: Any, retry: bool = False
    ) -> T: ...


@dataclass(frozen=True)
class HandleResult:
    """What happened to the message; `trace` is the agent's (a skip has a short one)."""

    message_id: int
    status: str
    reason: str | None
    detail: str | None
    trace: Trace


def run_directly(name: str, function: Callable[..., T], *args: Any, retry: bool = False) -> T:
    return function(*args)


def handle(runtime: Runtime, message_id: int, run: StepRunner = run_directly) -> HandleResult:
    """screen -> thread -> verify -> agent -> send, recording the outcome on the message.

    An exception in a step marks the message failed with that step's name and the error,
    then propagates (so a durable workflow shows as errored too).
    """
    step = "screen"
    try:
        screened = run("screen", steps.screen_step, runtime, message_id)
        if screened.answer:
            step = "thread"
            screened = run("thread", steps.thread_step, runtime, message_id)
        if not screened.answer:
            return _skipped(runtime, message_id, screened)
        step = "verify"
        verified = run("verify", steps.verify_step, runtime, message_id)
        step = "agent"
        trace = run("agent", steps.agent_step, runtime, message_id, verified)
        sent: SendOutcome | None = None
        if trace.outcome in steps.SENDS_A_REPLY and trace.reply is not None:
            step = "send"
            item_id = run(
                "prepare_send",
                steps.prepare_send_step,
                runtime,
                message_id,
                trace.reply.text,
                trace.reply.sealed_code,
            )
            if item_id is None:
                return _result(runtime, message_id, trace)
            sent = run("send", steps.send_step, runtime, item_id, retry=True)
        step = "finish"
        run("finish", steps.finish_step, runtime, message_id, trace, sent)
        return _result(runtime, message_id, trace)
    except Exception as error:
        steps.fail_step(runtime, message_id, step, f"{type(error).__name__}: {error}")
        raise


def after_decision(
    runtime: Runtime, message_id: int, trace: Trace, run: StepRunner = run_directly
) -> HandleResult:
    """A member decided on a waiting action and the agent finished its run: send its reply
    (through the same send-once outbox) and record the message's final outcome."""
    sent: SendOutcome | None = None
    try:
        if trace.outcome in steps.SENDS_A_REPLY and trace.reply is not None:
            item_id = run(
                "prepare_send",
                steps.prepare_send_step,
                runtime,
                message_id,
                trace.reply.text,
                trace.reply.sealed_code,
            )
            if item_id is None:
                return _result(runtime, message_id, trace)
            sent = run("send", steps.send_step, runtime, item_id, retry=True)
        run("finish", steps.finish_step, runtime, message_id, trace, sent)
        return _result(runtime, message_id, trace)
    except Exception as error:
        steps.fail_step(runtime, message_id, "send", f"{type(error).__name__}: {error}")
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
        message = session.get_one(Message, message_id)
        return HandleResult(
            message_id, message.status, message.status_reason, message.status_detail, trace
        )
