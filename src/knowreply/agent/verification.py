"""One-time codes: a write asked for by a sender we could not verify is carried out only
after the customer replies with the code we sent to the address on file.

The code is never kept in plain text: its HMAC is stored to check it; the run's trace (and
so the Simulator, `simulate --json`, the durable checkpoints and the stored outbound email)
carries `CODE_PLACEHOLDER` instead, and the code itself travels sealed (encrypted with the
master key) until the outbox puts it into the email it sends.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply.db.models import VerificationCode
from knowreply.db.types import utcnow
from knowreply.secrets import MasterKey

CODE_LIFETIME = timedelta(minutes=30)
MAX_ATTEMPTS = 5
CODE_PLACEHOLDER = "••••••"
"""What a trace and the stored copy of the code email show where the code is."""


@dataclass(frozen=True)
class PendingRequest:
    """The request a confirmed code unlocks."""

    message_id: int | None
    subject: str
    text: str


def _digest(master_key: MasterKey, workspace_id: int, email: str, code: str) -> str:
    key = master_key.derive("verification-codes")
    return hmac.new(key, f"{workspace_id}:{email}:{code}".encode(), hashlib.sha256).hexdigest()


def issue_code(
    session: Session,
    master_key: MasterKey,
    *,
    workspace_id: int,
    email: str,
    request: PendingRequest,
) -> str:
    """A new 6-digit code for this address (earlier unused codes stop working)."""
    email = email.lower()
    for earlier in _open_codes(session, workspace_id, email):
        earlier.used_at = utcnow()
    code = f"{secrets.randbelow(1_000_000):06d}"
    session.add(
        VerificationCode(
            workspace_id=workspace_id,
            email=email,
            code_hash=_digest(master_key, workspace_id, email, code),
            request_message_id=request.message_id,
            request_subject=request.subject,
            request_text=request.text,
            expires_at=utcnow() + CODE_LIFETIME,
        )
    )
    session.flush()
    return code


def redeem_code(
    session: Session, master_key: MasterKey, *, workspace_id: int, email: str, code: str
) -> PendingRequest | None:
    """The request the code confirms, once; None for a wrong, used or expired code.

    Each wrong guess counts against the open code; after five it stops working.
    """
    email = email.lower()
    pending = _open_codes(session, workspace_id, email)
    if not pending:
        return None
    latest = pending[-1]
    if not hmac.compare_digest(latest.code_hash, _digest(master_key, workspace_id, email, code)):
        latest.attempts += 1
        if latest.attempts >= MAX_ATTEMPTS:
            latest.used_at = utcnow()
        return None
    latest.used_at = utcnow()
    return PendingRequest(latest.request_message_id, latest.request_subject, latest.request_text)


def _open_codes(session: Session, workspace_id: int, email: str) -> list[VerificationCode]:
    return list(
        session.scalars(
            select(VerificationCode)
            .where(
                VerificationCode.workspace_id == workspace_id,
                VerificationCode.email == email,
                VerificationCode.used_at.is_(None),
                VerificationCode.expires_at > utcnow(),
            )
            .order_by(VerificationCode.id)
        )
    )


def seal_code(master_key: MasterKey, code: str) -> str:
    """The code encrypted, to travel with a reply until it is sent."""
    return master_key.encrypt(code)


def reveal_code(master_key: MasterKey, text: str, sealed: str) -> str:
    """The text as sent: the placeholder replaced by the sealed code."""
    return text.replace(CODE_PLACEHOLDER, master_key.decrypt(sealed))
