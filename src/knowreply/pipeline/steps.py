"""The steps of handling one inbound message, as plain functions of (runtime, message id).

Each step commits its own transaction and records its outcome on the message, so it can run
as a durable DBOS step (checkpointed, at least once) or directly (`knowreply ingest`).
Steps pass only ids and small values between them; the raw message is re-read from storage.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import structlog

from knowreply.agent.runner import run_agent
from knowreply.agent.trace import AgentInput, Outcome, Trace
from knowreply.db.models import Message, Workspace
from knowreply.db.session import transaction
from knowreply.mail.accounts import own_addresses
from knowreply.mail.auth import verify_sender
from knowreply.mail.screen import screen
from knowreply.mail.store import parsed
from knowreply.pipeline.caps import sender_over_cap, thread_over_cap
from knowreply.pipeline.outbox import (
    NoSmtpAccount,
    SealedCode,
    SendOutcome,
    deliver,
    prepare_reply,
)
from knowreply.pipeline.outcome import record_outcome
from knowreply.pipeline.threads import join_conversation
from knowreply.runtime import Runtime
from knowreply.workspaces import settings_of

log = structlog.get_logger(__name__)

REPLY_CAP = "reply_cap"
MAX_SEND_ATTEMPTS = 6
SENDS_A_REPLY = frozenset(
    {Outcome.REPLIED, Outcome.AWAITING_VERIFICATION, Outcome.AWAITING_APPROVAL}
)


@dataclass(frozen=True)
class Screened:
    answer: bool
    reason: str | None = None
    detail: str | None = None


def screen_step(runtime: Runtime, message_id: int) -> Screened:
    """The mail screen's verdict, then the per-sender reply cap."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
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


def thread_step(runtime: Runtime, message_id: int) -> Screened:
    """Join (or start) the conversation; stop when the thread is over its reply cap."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        conversation = join_conversation(session, message, parsed(message))
        over = thread_over_cap(session, message.workspace_id, conversation.id)
        if over is not None:
            record_outcome(session, message, "skipped", REPLY_CAP, over)
            return Screened(False, REPLY_CAP, over)
        log.info("pipeline.thread", message_id=message_id, conversation_id=conversation.id)
        return Screened(True)


def verify_step(runtime: Runtime, message_id: int) -> bool:
    """Sender verification from the workspace's trusted Authentication-Results."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        workspace = session.get_one(Workspace, message.workspace_id)
        trusted = set(settings_of(workspace).trusted_authserv_ids)
        verification = verify_sender(parsed(message), trusted_authserv_ids=trusted)
        message.verification = verification.reason.value
        log.info("pipeline.verify", message_id=message_id, verification=verification.reason)
        return verification.verified


def agent_step(runtime: Runtime, message_id: int, verified: bool) -> Trace:
    with runtime.sessions() as session:
        message = session.get_one(Message, message_id)
        msg = parsed(message)
        assert msg.sender is not None
        agent_input = AgentInput(
            workspace_id=message.workspace_id,
            sender=msg.sender.address,
            subject=msg.subject,
            text=msg.new_text,
            verified=verified,
            message_id=message.id,
            conversation_id=message.conversation_id,
            truncated=msg.truncated,
        )
    trace = asyncio.run(run_agent(runtime, agent_input))
    log.info("pipeline.agent", message_id=message_id, outcome=trace.outcome, run_id=trace.run_id)
    return trace


def prepare_send_step(
    runtime: Runtime, message_id: int, text: str, sealed_code: str | None = None
) -> int | None:
    """Store our reply and its outbox row; None (and the message failed) without SMTP."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        try:
            code = SealedCode(sealed_code, runtime.master_key) if sealed_code else None
            return prepare_reply(session, message, parsed(message), text, code=code).id
        except NoSmtpAccount as error:
            record_outcome(session, message, "failed", "send", str(error))
            return None


def send_step(runtime: Runtime, item_id: int) -> SendOutcome:
    return deliver(runtime.sessions, runtime.master_key, item_id, max_attempts=MAX_SEND_ATTEMPTS)


def finish_step(runtime: Runtime, message_id: int, trace: Trace, sent: SendOutcome | None) -> str:
    """The message's final status: the agent's outcome, unless its reply could not be sent."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        if sent is not None and sent.status != "sent":
            reason = "send" if sent.status == "failed" else "send_unconfirmed"
            record_outcome(session, message, "failed", reason, sent.detail)
        else:
            record_outcome(session, message, trace.outcome.value, None, trace.reason)
        return message.status


def fail_step(runtime: Runtime, message_id: int, step: str, error: str) -> None:
    """Any step's unexpected error: the message stays stored, marked failed with the reason."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        record_outcome(session, message, "failed", step, error[:2000])
