"""Conversation threading: subjects, reference ids, and the headers of our replies."""

from __future__ import annotations

import re
import uuid

from knowreply.mail.message import InboundMessage

MAX_REFERENCES = 20
MAX_REFERENCES_CHARS = 900
"""Long References headers are cut (keeping the thread's first id), as mail clients do."""

_REPLY_PREFIX = re.compile(
    r"^\s*(?:re|fwd?|aw|wg|sv|vs|antw|tr|rv|enc|odp|res|回复|回覆|答复|转发|轉寄|返信|転送)"
    r"\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")
_DOMAIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")


def strip_reply_prefixes(subject: str) -> str:
    """The subject without any leading Re:/Fwd:/AW:/SV:/回复: prefixes (tags are kept)."""
    previous = None
    while previous != subject:
        previous, subject = subject, _REPLY_PREFIX.sub("", subject, count=1)
    return _WHITESPACE.sub(" ", subject).strip()


def normalize_subject(subject: str) -> str:
    """A key for matching a conversation by subject: no prefixes, one spacing, casefolded."""
    return strip_reply_prefixes(subject).casefold()


def reference_ids(msg: InboundMessage) -> list[str]:
    """The ids this message answers: In-Reply-To then References, de-duplicated, in order."""
    return list(dict.fromkeys((*msg.in_reply_to, *msg.references)))


def new_message_id(domain: str) -> str:
    """A fresh, unguessable Message-ID on our sending domain."""
    if not _DOMAIN.match(domain):
        raise ValueError(f"not a domain name for a Message-ID: {domain!r}")
    return f"<{uuid.uuid4().hex}@{domain.lower()}>"


def reply_subject(subject: str) -> str:
    """``Re: <subject>``, never doubled."""
    return f"Re: {strip_reply_prefixes(subject) or '(no subject)'}"


def reply_references(original: InboundMessage) -> list[str]:
    """The original's thread plus the original itself, capped in count and length."""
    ids = list(original.references) or list(original.in_reply_to)
    if not original.has_synthetic_id:
        ids.append(original.message_id)
    ids = list(dict.fromkeys(ids))
    while len(ids) > 2 and (len(ids) > MAX_REFERENCES or len(" ".join(ids)) > MAX_REFERENCES_CHARS):
        del ids[1]
    return ids


def reply_headers(original: InboundMessage, *, our_message_id: str) -> dict[str, str]:
    """Headers for our reply: in the same thread, and marked as automatic (RFC 3834)."""
    headers = {"Message-ID": our_message_id, "Subject": reply_subject(original.subject)}
    if not original.has_synthetic_id:
        headers["In-Reply-To"] = original.message_id
    references = reply_references(original)
    if references:
        headers["References"] = " ".join(references)
    headers["Auto-Submitted"] = "auto-replied"
    headers["X-Auto-Response-Suppress"] = "All"
    return headers
