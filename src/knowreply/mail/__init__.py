"""Email handling as pure functions over raw bytes: parse, screen, verify, thread, compose."""

from knowreply.mail.auth import Verification, VerificationReason, verify_sender
from knowreply.mail.compose import build_reply
from knowreply.mail.message import Address, Header, InboundMessage
from knowreply.mail.parse import parse_message
from knowreply.mail.quotes import extract_reply, extract_reply_from_html
from knowreply.mail.screen import ScreenResult, SkipReason, screen
from knowreply.mail.threading import (
    new_message_id,
    normalize_subject,
    reference_ids,
    reply_headers,
)

__all__ = [
    "Address",
    "Header",
    "InboundMessage",
    "ScreenResult",
    "SkipReason",
    "Verification",
    "VerificationReason",
    "build_reply",
    "extract_reply",
    "extract_reply_from_html",
    "new_message_id",
    "normalize_subject",
    "parse_message",
    "reference_ids",
    "reply_headers",
    "screen",
    "verify_sender",
]
