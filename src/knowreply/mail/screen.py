"""Which inbound emails the agent must not answer, and why (zulip-style: one check each)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from knowreply.mail.absence import reads_as_absence_notice
from knowreply.mail.message import InboundMessage

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class SkipReason(StrEnum):
    """Stable names for why a message was not answered (API, CLI, trace JSON)."""

    NO_SENDER = "no_sender"
    OWN_ADDRESS = "own_address"
    BOUNCE = "bounce"
    AUTO_REPLY = "auto_reply"
    MAILING_LIST = "mailing_list"
    TOO_LARGE = "too_large"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    SkipReason.NO_SENDER: "No usable sender address",
    SkipReason.OWN_ADDRESS: "Sent from this workspace's own address",
    SkipReason.BOUNCE: "Bounce or delivery report",
    SkipReason.AUTO_REPLY: "Automatic reply or out-of-office",
    SkipReason.MAILING_LIST: "Mailing list or bulk mail",
    SkipReason.TOO_LARGE: "Message too large",
}


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """The screening verdict: answer it, or skip it for a named reason."""

    reason: SkipReason | None = None
    detail: str = ""
    """What triggered the skip, e.g. ``Auto-Submitted: auto-replied``."""

    @property
    def skip(self) -> bool:
        return self.reason is not None

    @property
    def label(self) -> str:
        return self.reason.label if self.reason else "To be answered"


ANSWER = ScreenResult()

_AUTO_REPLY_SUBJECT = re.compile(
    r"^\s*(?:automatic reply|auto(?:matic)?[- ]?response|out of (?:the )?office|auto|autosvar"
    r"|autoreply|abwesenheitsnotiz|automatische antwort|réponse automatique"
    r"|respuesta automática|risposta automatica|automatisch antwoord|自動応答|自动回复"
    r"|自動返信|vacation reply)\s*[:：]",
    re.IGNORECASE,
)
_BOUNCE_LOCAL_PARTS = frozenset({"mailer-daemon", "postmaster", "mail-daemon"})
_BULK_PRECEDENCE = frozenset({"bulk", "junk", "auto_reply"})


def screen(
    msg: InboundMessage, *, own_addresses: set[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> ScreenResult:
    """The first check that says skip, or :data:`ANSWER`."""
    own = {address.strip().lower() for address in own_addresses}
    checks: tuple[Callable[[InboundMessage], ScreenResult | None], ...] = (
        no_sender,
        lambda m: from_own_address(m, own),
        bounce,
        auto_reply,
        mailing_list,
        lambda m: too_large(m, max_bytes),
    )
    for check in checks:
        result = check(msg)
        if result is not None:
            return result
    return ANSWER


def no_sender(msg: InboundMessage) -> ScreenResult | None:
    if msg.sender is None:
        return ScreenResult(SkipReason.NO_SENDER, f"From: {msg.header('From') or '(missing)'}")
    return None


def from_own_address(msg: InboundMessage, own_addresses: set[str]) -> ScreenResult | None:
    """Mail from our own mailbox would make the agent answer itself in a loop."""
    if msg.sender is not None and msg.sender.address in own_addresses:
        return ScreenResult(SkipReason.OWN_ADDRESS, f"From: {msg.sender.address}")
    return None


def bounce(msg: InboundMessage) -> ScreenResult | None:
    """Non-delivery and delivery-status reports (RFC 3464), whatever the MTA."""
    if msg.content_type == "multipart/report":
        return ScreenResult(SkipReason.BOUNCE, "Content-Type: multipart/report")
    failed = msg.header("X-Failed-Recipients")
    if failed is not None:
        return ScreenResult(SkipReason.BOUNCE, f"X-Failed-Recipients: {failed}")
    if msg.sender is not None and msg.sender.address.partition("@")[0] in _BOUNCE_LOCAL_PARTS:
        return ScreenResult(SkipReason.BOUNCE, f"From: {msg.sender.address}")
    return_path = msg.header("Return-Path")
    if return_path is not None and return_path.strip() in ("<>", ""):
        return ScreenResult(SkipReason.BOUNCE, "Return-Path: <>")
    return None


def auto_reply(msg: InboundMessage) -> ScreenResult | None:
    """Out-of-office and other automatic answers (RFC 3834 and vendor headers, else their own
    words)."""
    return (
        _auto_submitted(msg)
        or _autoreply_header(msg)
        or _bulk_precedence(msg)
        or _exchange_generated(msg)
        or _auto_reply_subject(msg)
        or _absence_notice(msg)
    )


def mailing_list(msg: InboundMessage) -> ScreenResult | None:
    for name in ("List-Id", "List-Unsubscribe", "List-Post"):
        value = msg.header(name)
        if value is not None:
            return ScreenResult(SkipReason.MAILING_LIST, f"{name}: {value[:80]}")
    if _precedence(msg) == "list":
        return ScreenResult(SkipReason.MAILING_LIST, "Precedence: list")
    return None


def too_large(msg: InboundMessage, max_bytes: int) -> ScreenResult | None:
    if msg.size > max_bytes:
        return ScreenResult(SkipReason.TOO_LARGE, f"{msg.size} bytes (limit {max_bytes})")
    return None


def _auto_submitted(msg: InboundMessage) -> ScreenResult | None:
    value = msg.header("Auto-Submitted")
    if value is None:
        return None
    keyword = value.split(";")[0].strip().lower()
    if keyword and keyword != "no":
        return ScreenResult(SkipReason.AUTO_REPLY, f"Auto-Submitted: {keyword}")
    return None


def _autoreply_header(msg: InboundMessage) -> ScreenResult | None:
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Vacation"):
        value = msg.header(name)
        if value is not None and value.strip().lower() not in ("no", "false", "0"):
            return ScreenResult(SkipReason.AUTO_REPLY, f"{name}: {value[:40]}")
    return None


def _bulk_precedence(msg: InboundMessage) -> ScreenResult | None:
    precedence = _precedence(msg)
    if precedence in _BULK_PRECEDENCE:
        return ScreenResult(SkipReason.AUTO_REPLY, f"Precedence: {precedence}")
    return None


def _exchange_generated(msg: InboundMessage) -> ScreenResult | None:
    """Exchange marks mail made by inbox rules and its own services."""
    for name in ("X-MS-Exchange-Inbox-Rules-Loop", "X-MS-Exchange-Generated-Message-Source"):
        value = msg.header(name)
        if value is not None:
            return ScreenResult(SkipReason.AUTO_REPLY, f"{name}: {value[:60]}")
    return None


def _auto_reply_subject(msg: InboundMessage) -> ScreenResult | None:
    """An "Automatic reply:" subject counts only with Exchange's hint: people write those too."""
    if not _AUTO_REPLY_SUBJECT.match(msg.subject):
        return None
    if msg.header("X-Auto-Response-Suppress") is None:
        return None
    return ScreenResult(SkipReason.AUTO_REPLY, f"Subject: {msg.subject[:60]}")


def _absence_notice(msg: InboundMessage) -> ScreenResult | None:
    """A responder that sets no header at all still writes like one (`mail.absence`)."""
    if not reads_as_absence_notice(msg.new_text):
        return None
    first_line = next((line.strip() for line in msg.new_text.splitlines() if line.strip()), "")
    return ScreenResult(SkipReason.AUTO_REPLY, f"reads as an absence notice: {first_line[:60]}")


def _precedence(msg: InboundMessage) -> str:
    return (msg.header("Precedence") or "").strip().lower()
