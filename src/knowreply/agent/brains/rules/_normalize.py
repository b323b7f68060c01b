"""Turn a customer's raw text into the plain text the rules read.

Unicode is NFKC-folded (full-width digits and `￥` become ASCII), HTML remnants, quoted lines,
signatures, greetings and sign-offs are dropped, and sentences that try to instruct the
assistant are removed (and reported) so that they cannot steer the intent.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from knowreply.agent.intake.injection import instructs
from knowreply.agent.intake.written_forms import in_usual_form
from knowreply.mail.shape import as_meant

MAX_CHARS = 20_000
"""Only the start of a huge message is read: customers put the request first."""

_TAG = re.compile(r"<[^>\n]{0,500}>")
_QUOTED_LINE = re.compile(r"^\s*>")
_SIGNATURE_START = re.compile(
    r"^(--\s*|__+|sent from my .*|get outlook for .*|"
    r"(thanks|thank you|many thanks|thx|cheers|best|best regards|kind regards|regards|"
    r"sincerely|warm regards|all the best)[ ,.!]*(\w+[ .]*){0,3}|"
    r"(よろしくお願い(いた|致)?します|よろしくお願い申し上げます|以上、?よろしくお願いします)[。!]*)$",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^((hi|hello|hey|dear|good (morning|afternoon|evening))\b(?-i:(\s+([A-Z][\w'.-]*|there|team|"
    r"all|everyone|folks|guys|support|billing|sir|madam|or|and|the|again|y'all)){0,5})\s*[,!.:]?|"
    r"お世話になっております[。]?|お世話になります[。]?|.{1,20}(様|御中|さま)[、,]?|"
    r"こんにちは[。!]?|はじめまして[。]?)$",
    re.IGNORECASE,
)
"""A greeting line: the greeting and a name or "there", "team" ("Hi Kwame,", "Dear Sir or
Madam"), not a one-line request that starts with one ("hi can u stop my plan pls", "Hi.
invoice for last charge pls")."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[。!?])|\n+")


@dataclass(frozen=True)
class CleanText:
    text: str
    """What the intent rules read: the request without greetings, signature or injection."""
    full: str
    """Everything the customer wrote (normalised), where entities are looked for."""
    injection_suspected: bool


def normalise(raw: str) -> str:
    """NFKC-fold, unescape HTML and drop tags; keeps line breaks, save those a mail client or
    the writer made inside a sentence; shouting in small letters (`as_meant`); numbers in
    digits and Japanese typed all in katakana in hiragana (`written_forms`)."""
    text = unicodedata.normalize("NFKC", raw[:MAX_CHARS])
    text = html.unescape(_TAG.sub(" ", text))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return in_usual_form(
        as_meant("".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text))
    )


def _body_lines(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or _QUOTED_LINE.match(line):
            continue
        if lines and _SIGNATURE_START.match(stripped):
            break
        if _GREETING.match(stripped):
            continue
        lines.append(stripped)
    return lines


def clean(raw: str) -> CleanText:
    """Read a customer's text the way the rules need it; never raises."""
    full = normalise(raw)
    kept: list[str] = []
    suspected = False
    for sentence in _SENTENCE_BREAK.split("\n".join(_body_lines(full))):
        if not sentence or not sentence.strip():
            continue
        if instructs(sentence):
            suspected = True
            continue
        kept.append(sentence.strip())
    return CleanText(text="\n".join(kept), full=full, injection_suspected=suspected)
