"""The steps of handling one inbound message, as plain functions of (runtime, message id).

Each step commits its own transaction and records its outcome on the message, so it can run
as a durable DBOS step (checkpointed, at least once) or directly (`knowreply ingest`).
Steps pass only ids and small values between them; the raw message is re-read from storage.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

import structlog
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from knowreply.agent.trace import AgentInput, Outcome, ReplyKind, Trace, quoted_thread
from knowreply.db.models import AgentRun, Message, Workspace
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.mail.accounts import own_addresses
from knowreply.mail.screen import screen
from knowreply.mail.store import parsed
from knowreply.pipeline.caps import sender_over_cap, thread_over_cap
from knowreply.pipeline.outcome import record_outcome
from knowreply.pipeline.threads import join_conversation
from knowreply.runtime import Runtime
from knowreply.workspaces import settings_of

if TYPE_CHECKING:  # the outbox (SMTP, composing) loads only for mail that is answered
    from knowreply.pipeline.outbox import SendOutcome

log = structlog.get_logger(__name__)
T = TypeVar("T")

REPLY_CAP = "reply_cap"
MAX_SEND_ATTEMPTS = 6
AGENT_RETRY_SECONDS = (2.0, 6.0)
"""Waits before running the agent again after a transient failure (Stripe 5xx, 429,
timeouts, after the Stripe SDK's own quick retries): three runs in all."""
INTERRUPTED = "interrupted"
SENDS_A_REPLY = frozenset(
    {Outcome.REPLIED, Outcome.AWAITING_VERIFICATION, Outcome.AWAITING_APPROVAL}
)


@dataclass(frozen=True)
class Screened:
    answer: bool
    reason: str | None = None
    detail: str | None = None
    verified: bool = False


class StepFailed(Exception):
    """A step inside a combined checkpoint failed; `step` names it for the message."""

    def __init__(self, step: str, detail: str) -> None:
        super().__init__(step, detail)  # both in args: the durable engine pickles it
        self.step, self.detail = step, detail

    def __str__(self) -> str:
        return self.detail


def _named(step: str, function: Callable[..., T], *args: Any) -> T:
    try:
        return function(*args)
    except Exception as error:
        raise StepFailed(step, f"{type(error).__name__}: {error}") from error


def admit_step(runtime: Runtime, message_id: int) -> Screened:
    """screen -> thread -> verify as one checkpoint and one transaction: quick database work,
    each part safe to run again (fewer checkpoints and commits: each is a database round trip).
    A part that fails rolls the others back and names itself (`StepFailed`)."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        screened = _named("screen", screen_part, session, message)
        if screened.answer:
            screened = _named("thread", thread_part, session, message)
        if not screened.answer:
            return screened
        return replace(screened, verified=_named("verify", verify_part, session, message))


def screen_part(session: Session, message: Message) -> Screened:
    """The mail screen's verdict, then the per-sender reply cap."""
    if message.status == "skipped":  # recorded at intake (e.g. too large to download)
        return Screened(False, message.status_reason, message.status_detail)
    msg = parsed(message)
    verdict = screen(msg, own_addresses=own_addresses(session, message.workspace_id))
    if verdict.skip:
        assert verdict.reason is not None
        record_outcome(session, message, "skipped", verdict.reason.value, verdict.detail)
        return Screened(False, verdict.reason.value, verdict.detail)
    assert msg.sender is not None
    over = sender_over_cap(session, message.workspace_id, msg.sender.address)
    if over is not None:
        record_outcome(session, message, "skipped", REPLY_CAP, over)
        return Screened(False, REPLY_CAP, over)
    message.status_reason, message.status_detail = None, None
    return Screened(True)


def thread_part(session: Session, message: Message) -> Screened:
    """Join (or start) the conversation; stop when the thread is over its reply cap."""
    conversation = join_conversation(session, message, parsed(message))
    over = thread_over_cap(session, message.workspace_id, conversation.id)
    if over is not None:
        record_outcome(session, message, "skipped", REPLY_CAP, over)
        return Screened(False, REPLY_CAP, over)
    log.info("pipeline.thread", message_id=message.id, conversation_id=conversation.id)
    return Screened(True)


def verify_part(session: Session, message: Message) -> bool:
    """Sender verification from the workspace's trusted Authentication-Results."""
    from knowreply.mail.auth import verify_sender

    workspace = session.get_one(Workspace, message.workspace_id)
    trusted = set(settings_of(workspace).trusted_authserv_ids)
    verification = verify_sender(parsed(message), trusted_authserv_ids=trusted)
    message.verification = verification.reason.value
    log.info("pipeline.verify", message_id=message.id, verification=verification.reason)
    return verification.verified


def agent_step(runtime: Runtime, message_id: int, verified: bool) -> Trace:
    """Run the agent, again after a pause when it failed for a transient reason.

    Runs of this message left `running` by a crash end as failed first; Stripe's idempotency
    keys come from the email, so running again never acts twice.
    """
    from knowreply.agent.runner import add_run, run_agent  # loads only for mail it answers

    with transaction(runtime.sessions) as session:
        end_interrupted_runs(session, message_id)
        message = session.get_one(Message, message_id)
        msg = parsed(message)
        assert msg.sender is not None
        agent_input = AgentInput(
            workspace_id=message.workspace_id,
            sender=msg.sender.address,
            subject=msg.subject,
            text=msg.new_text,
            thread=quoted_thread(msg.text, msg.new_text),
            verified=verified,
            message_id=message.id,
            conversation_id=message.conversation_id,
            truncated=msg.truncated,
        )
        run_id = add_run(session, agent_input)  # with the above: one commit
    trace = asyncio.run(run_agent(runtime, agent_input, run_id=run_id))
    for wait in AGENT_RETRY_SECONDS:
        if not trace.retryable:
            break
        log.warning("pipeline.agent.retry", message_id=message_id, reason=trace.reason, wait=wait)
        time.sleep(wait)
        trace = asyncio.run(run_agent(runtime, agent_input))
    if trace.retryable:
        runs = len(AGENT_RETRY_SECONDS) + 1
        trace.reason = f"{trace.reason} (tried {runs} times; press Retry when it works again)"
    log.info("pipeline.agent", message_id=message_id, outcome=trace.outcome, run_id=trace.run_id)
    return trace


def end_interrupted_runs(session: Session, message_id: int | None = None) -> int:
    """Pipeline runs still `running` (a worker died during them) end as failed."""
    query = update(AgentRun).where(AgentRun.outcome == "running", AgentRun.source == "pipeline")
    if message_id is not None:
        query = query.where(AgentRun.message_id == message_id)
    else:  # the start-up sweep: only runs whose email is no longer being handled
        handled = select(Message.id).where(Message.status != "received")
        query = query.where(AgentRun.message_id.in_(handled))
    result = session.execute(
        query.values(
            outcome="failed",
            reason="interrupted: the worker stopped during this run",
            finished_at=utcnow(),
        ).execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def prepare_send_step(
    runtime: Runtime,
    message_id: int,
    text: str,
    waiting: bool = False,
    sealed_code: str | None = None,
    kind: ReplyKind = "reply",
) -> int | None:
    """Store our reply and its outbox row; None (and the message failed) without SMTP.

    `waiting`: the reply goes to the send queue, so the message shows "Waiting to send"
    until the server answers. `sealed_code`: the one-time code, encrypted (never stored in
    clear with the message). An acknowledgement leaves the message's status alone: the
    message waits for a member, whatever becomes of the acknowledgement."""
    from knowreply.pipeline.outbox import NoSmtpAccount, SealedCode, prepare_reply

    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        try:
            code = SealedCode(sealed_code, runtime.master_key) if sealed_code else None
            item = prepare_reply(session, message, parsed(message), text, code=code, kind=kind)
        except NoSmtpAccount as error:
            if kind == "acknowledgement":
                return None
            record_outcome(session, message, "failed", "send", str(error))
            return None
        if waiting and kind == "reply":
            record_outcome(session, message, "sending", None, None)
        return item.id


def send_step(runtime: Runtime, item_id: int, max_attempts: int = MAX_SEND_ATTEMPTS) -> SendOutcome:
    from knowreply.pipeline.outbox import deliver

    return deliver(runtime.sessions, runtime.master_key, item_id, max_attempts=max_attempts)


def send_and_finish_step(
    runtime: Runtime, message_id: int, item_id: int, trace: Trace
) -> SendOutcome:
    """One attempt; once the server answered for good, the message's outcome too, in the
    transaction that records the send's (safe to run again: a sent or failed row answers the
    same without sending)."""
    from knowreply.pipeline.outbox import deliver

    def finish(session: Session, sent: SendOutcome) -> None:
        if not acknowledges(trace):
            record_finish(session, message_id, trace, sent)

    return deliver(
        runtime.sessions, runtime.master_key, item_id, max_attempts=MAX_SEND_ATTEMPTS, then=finish
    )


def acknowledges(trace: Trace) -> bool:
    """The run's email is the acknowledgement of a waiting action, not the reply: its send
    never decides the message's status (a member's decision and the reply after it do)."""
    return trace.reply is not None and trace.reply.kind == "acknowledgement"


def finish_step(runtime: Runtime, message_id: int, trace: Trace, sent: SendOutcome | None) -> str:
    """The message's final status: the agent's outcome, unless its reply could not be sent."""
    with transaction(runtime.sessions) as session:
        return record_finish(session, message_id, trace, sent)


def record_finish(session: Session, message_id: int, trace: Trace, sent: SendOutcome | None) -> str:
    message = session.get_one(Message, message_id)
    if sent is not None and sent.status != "sent" and not acknowledges(trace):
        reason = "send_unconfirmed" if sent.status == "unconfirmed" else "send"
        record_outcome(session, message, "failed", reason, sent.detail)
    elif trace.outcome is Outcome.FAILED:
        detail = trace.reason or "The agent stopped without saying why; see its trace."
        record_outcome(session, message, "failed", "agent", detail)
    else:
        record_outcome(session, message, trace.outcome.value, None, trace.reason)
    return message.status


def fail_step(runtime: Runtime, message_id: int, step: str, error: str) -> None:
    """Any step's unexpected error: the message stays stored, marked failed with the reason."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        record_outcome(session, message, "failed", step, error[:2000])
