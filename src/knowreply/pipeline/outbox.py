"""The outbox: a reply is stored before it is sent, and sent at most once by the machine.

An inbound message has at most one *live* outbox row (`queued`, `sending` or `sent`; a
partial unique index), so no retry, recovery or Retry button can make a second reply. Before
handing the reply to SMTP the row is set to `sending` and committed; after the server's answer
it becomes `sent` (or `queued` again with the next attempt's time for a transient error, or
`failed`). A row found in `sending` means a worker died between the hand-off and recording
the answer: the server may have accepted the reply, so it is **never resent automatically**;
it becomes `unconfirmed` and the message shows as failed for a person, who can check the sent
folder and answer by hand (a new row, written by that person). We prefer a possibly missing
reply, visible in the dashboard, to a certainly duplicated one.

Rows have a kind: the `reply`, and the `acknowledgement` sent while an action waits for a
member. Each kind has its own live row, so a sent acknowledgement never blocks the reply
after the decision (nor a person's reply). An acknowledgement still `queued` (its server
was away) when the reply is written is `superseded`: it would only arrive after the answer.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from knowreply.agent.trace import ReplyKind
from knowreply.agent.verification import reveal_code
from knowreply.db.models import Message, OutboxItem
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.mail.accounts import smtp_account, smtp_settings
from knowreply.mail.auth import is_verified
from knowreply.mail.compose import build_reply
from knowreply.mail.message import InboundMessage
from knowreply.mail.send import SendError, send_message
from knowreply.mail.threading import new_message_id
from knowreply.secrets import MasterKey

SendStatus = Literal["sent", "failed", "unconfirmed", "queued", "superseded"]
LIVE_STATUSES = ("queued", "sending", "sent")
"""An inbound message has at most one outbox row of each kind in these (the partial unique
index)."""
DONE_STATUSES = ("sent", "failed", "unconfirmed", "superseded")
FIRST_RETRY_SECONDS = 5.0
BACKOFF = 3.0
UNCONFIRMED = (
    "The worker stopped while handing this reply to the mail server: the mail server may or "
    "may not have received it, so it is not resent automatically. Check the sent mail or "
    "answer by hand."
)


class NoSmtpAccount(Exception):
    """The workspace has no SMTP account: the operator must set one up."""


@dataclass(frozen=True)
class SendOutcome:
    status: SendStatus
    """`queued`: the server could not take it now; try again in `retry_in` seconds."""
    detail: str | None = None
    retry_in: float | None = None


def retry_delay(attempts: int) -> float:
    """Seconds to wait after the `attempts`-th failed attempt: 5, 15, 45, 135, 405."""
    return FIRST_RETRY_SECONDS * BACKOFF ** (attempts - 1)


def waiting_text(attempts: int, max_attempts: int, next_at: datetime, error: str) -> str:
    return (
        f"Waiting to send (attempt {attempts + 1} of {max_attempts}, next at "
        f"{next_at:%H:%M:%S} UTC): {error}"
    )


def agents_reply(
    session: Session, inbound_message_id: int, kind: ReplyKind = "reply"
) -> OutboxItem | None:
    return session.scalar(
        select(OutboxItem).where(
            OutboxItem.inbound_message_id == inbound_message_id,
            OutboxItem.author.is_(None),
            OutboxItem.kind == kind,
        )
    )


def live_reply(session: Session, inbound_message_id: int) -> OutboxItem | None:
    """The reply queued, being sent or sent for this message, if any (at most one; an
    acknowledgement is not the reply)."""
    return session.scalar(
        select(OutboxItem).where(
            OutboxItem.inbound_message_id == inbound_message_id,
            OutboxItem.kind == "reply",
            OutboxItem.status.in_(LIVE_STATUSES),
        )
    )


def supersede_acknowledgement(session: Session, inbound_message_id: int) -> None:
    """The reply is being written: an acknowledgement not yet handed to a server stays unsent
    (it would arrive after the answer). One being sent or sent is left alone."""
    waiting = agents_reply(session, inbound_message_id, "acknowledgement")
    if waiting is not None and waiting.status == "queued":
        _finish(session, waiting, "superseded", "The reply was written before this was sent.")


@dataclass(frozen=True)
class SealedCode:
    """A one-time code travelling encrypted with its reply (`agent/verification.py`)."""

    sealed: str
    key: MasterKey


def prepare_reply(
    session: Session,
    inbound: Message,
    parsed: InboundMessage,
    text: str,
    *,
    author: str | None = None,
    code: SealedCode | None = None,
    kind: ReplyKind = "reply",
) -> OutboxItem:
    """The outbox row for `inbound`, creating the outbound message first.

    The agent (`author` None) gets its one row of each kind back when it has one; a person's
    reply is a new row, refused by the partial unique index while another reply is live. With
    a one-time `code`, the stored outbound message keeps the placeholder and the email as sent
    is kept encrypted on the outbox row until it is sent.
    """
    if author is None and (existing := agents_reply(session, inbound.id, kind)) is not None:
        return existing
    if kind == "reply":
        supersede_acknowledgement(session, inbound.id)
    account = smtp_account(session, inbound.workspace_id)
    if account is None:
        raise NoSmtpAccount("no SMTP account to send replies: run `knowreply mailbox set-smtp`")
    assert parsed.sender is not None  # screening skipped messages without one
    recipient = parsed.sender.address  # the From address: never Reply-To
    our_id = new_message_id(account.from_address.rpartition("@")[2])
    date = utcnow()

    def build(body: str) -> EmailMessage:
        return build_reply(
            parsed,
            text=body,
            from_addr=account.from_address,
            to_addr=recipient,
            message_id=our_id,
            date=date,
            verified=is_verified(inbound.verification),
        )

    reply = build(text)
    raw = reply.as_bytes(policy=email.policy.SMTP)
    sealed_raw = None
    if code is not None:
        sent = build(reveal_code(code.key, text, code.sealed)).as_bytes(policy=email.policy.SMTP)
        sealed_raw = code.key.encrypt(sent.decode("latin-1"))
    outbound = Message(
        workspace_id=inbound.workspace_id,
        conversation_id=inbound.conversation_id,
        direction="out",
        rfc_message_id=our_id,
        in_reply_to=reply["In-Reply-To"],
        references=reply["References"],
        from_address=account.from_address,
        to_addresses=recipient,
        subject=str(reply["Subject"]),
        raw=raw,
        size=len(raw),
        received_via="outbox",
        status="queued",
    )
    session.add(outbound)
    session.flush()
    item = OutboxItem(
        workspace_id=inbound.workspace_id,
        inbound_message_id=inbound.id,
        outbound_message_id=outbound.id,
        recipient=recipient,
        author=author,
        sealed_raw=sealed_raw,
        kind=kind,
    )
    session.add(item)
    session.flush()
    return item


Done = Callable[[Session, SendOutcome], None]
"""What else to write once a send's outcome is final (not `queued`): in the transaction that
records it, so the row and, say, the message's status are committed together."""


def _done(session: Session, then: Done | None, outcome: SendOutcome) -> SendOutcome:
    if then is not None:
        then(session, outcome)
    return outcome


def deliver(
    sessions: sessionmaker[Session],
    key: MasterKey,
    item_id: int,
    *,
    max_attempts: int,
    then: Done | None = None,
) -> SendOutcome:
    """Send the outbox row once; see the module docstring for the states.

    A transient failure with attempts left answers `queued` with the wait before the next;
    any other outcome is passed to `then` inside the transaction that records it.
    """
    with transaction(sessions) as session:
        item = session.get_one(OutboxItem, item_id)
        if item.status in DONE_STATUSES:
            done = SendOutcome(item.status, item.last_error)  # type: ignore[arg-type]
            return _done(session, then, done)
        if item.status == "sending":
            _finish(session, item, "unconfirmed", UNCONFIRMED)
            return _done(session, then, SendOutcome("unconfirmed", UNCONFIRMED))
        account = smtp_account(session, item.workspace_id)
        if account is None:
            detail = "no SMTP account to send replies: run `knowreply mailbox set-smtp`"
            _finish(session, item, "failed", detail)
            return _done(session, then, SendOutcome("failed", detail))
        settings = smtp_settings(account, key)
        outbound = session.get_one(Message, item.outbound_message_id)
        raw = key.decrypt(item.sealed_raw).encode("latin-1") if item.sealed_raw else outbound.raw
        reply = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(reply, EmailMessage)
        item.status, item.attempts = "sending", item.attempts + 1
        attempts = item.attempts
    try:
        asyncio.run(send_message(settings, reply, recipients=[item.recipient]))
    except SendError as error:
        with transaction(sessions) as session:
            item = session.get_one(OutboxItem, item_id)
            if error.permanent or attempts >= max_attempts:
                tried = "" if error.permanent else f" (after {attempts} attempts)"
                detail = f"The mail server did not take the reply{tried}: {error.message}"
                _finish(session, item, "failed", detail)
                return _done(session, then, SendOutcome("failed", detail))
            wait = retry_delay(attempts)
            item.status, item.last_error = "queued", error.message
            item.next_attempt_at = utcnow() + timedelta(seconds=wait)
            waiting = waiting_text(attempts, max_attempts, item.next_attempt_at, error.message)
            outbound = session.get_one(Message, item.outbound_message_id)
            outbound.status, outbound.status_detail = "queued", waiting
            return SendOutcome("queued", waiting, retry_in=wait)
    with transaction(sessions) as session:
        _finish(session, session.get_one(OutboxItem, item_id), "sent", None)
        return _done(session, then, SendOutcome("sent"))


def _finish(session: Session, item: OutboxItem, status: SendStatus, error: str | None) -> None:
    item.status, item.last_error = status, error
    if status == "sent":
        item.sent_at = utcnow()
        item.sealed_raw = None  # a sent code needs no copy
    outbound = session.get_one(Message, item.outbound_message_id)
    outbound.status, outbound.status_detail = status, error


def reopen_failed(session: Session, inbound_message_id: int) -> bool:
    """For a person's Retry: a `failed` reply was never accepted by a server, so it may be
    tried again. An `unconfirmed` one is left alone (it may have gone out)."""
    item = agents_reply(session, inbound_message_id)
    if item is None or item.status != "failed" or live_reply(session, inbound_message_id):
        return False
    item.status, item.last_error, item.attempts = "queued", None, 0
    session.get_one(Message, item.outbound_message_id).status = "queued"
    return True
