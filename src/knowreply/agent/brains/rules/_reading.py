"""What of an email the brain reads: the cleaned request, with the subject when it carries it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowreply.agent.brains.rules._normalize import CleanText, clean, normalise

_SUBJECT_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|sv|vs|返信|転送)\s*[:：]\s*)+", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    body: CleanText
    subject: str
    """The subject without `Re:`/`Fwd:`, or "" for a reply (its subject is the thread's)."""
    text: str
    """The subject's words (when kept) and the body's request, one per line."""


def read(text: str, subject: str = "") -> Reading:
    """Clean the body and decide whether the subject is part of the request."""
    body = clean(text)
    subject_text = _SUBJECT_PREFIX.sub("", normalise(subject)).strip()
    if body.text and _SUBJECT_PREFIX.match(normalise(subject)):
        # A reply's subject is the thread's ("Re: Your refund", often our own words):
        # the request is in the new text, never in the subject.
        subject_text = ""
    reading = f"{subject_text}\n{body.text}" if subject_text else body.text
    return Reading(body=body, subject=subject_text, text=reading)
