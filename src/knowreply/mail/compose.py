"""Our plain-text reply: quoting the customer's message below it when the sender is
verified; for an unverified sender, nothing a stranger wrote is repeated.

From an unverified From address, anyone can write "Pay now at https://evil.example/login"
and have our support address send it on: so such a reply gets a fixed subject, no quote,
and no link, address or domain that appears in the email it answers.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from knowreply.mail.message import InboundMessage
from knowreply.mail.threading import reply_headers

UNVERIFIED_SUBJECT = "Re: Your message"
"""The subject of every reply to an unverified sender: it cannot carry the sender's words."""
LINK_REMOVED = "[link removed]"
_LINKS = re.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"')\]]+"  # URLs with a scheme, www.
    r"|\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+"  # addresses
    r"|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b(?:/[^\s<>\"')\]]*)?"  # bare domains, with a path
)
_HOST = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]*@)?([^/:?#\s]+)")


def build_reply(
    original: InboundMessage,
    *,
    text: str,
    from_addr: str,
    to_addr: str,
    message_id: str,
    date: datetime,
    verified: bool = False,
) -> EmailMessage:
    """A UTF-8 text reply in the original's thread.

    ``to_addr`` is the customer's address on file, given by the caller: never Reply-To.
    Unless ``verified``, the subject is fixed and nothing of the original is repeated.
    """
    message = EmailMessage()
    message["From"] = from_addr
    message["To"] = to_addr
    message["Date"] = format_datetime(date)
    for name, value in reply_headers(original, our_message_id=message_id).items():
        message[name] = value
    if verified:
        body = f"{text.rstrip()}\n\n{quote_original(original)}"
    else:
        message.replace_header("Subject", UNVERIFIED_SUBJECT)
        body = f"{without_their_links(text, original).rstrip()}\n"
    message.set_content(body, charset="utf-8")
    return message


def quote_original(original: InboundMessage) -> str:
    """``On <date>, <sender> wrote:`` and the original's new text in ``> `` lines."""
    sender = str(original.sender) if original.sender else "you"
    when = original.date.strftime("%a, %d %b %Y at %H:%M UTC") if original.date else ""
    attribution = f"On {when}, {sender} wrote:" if when else f"{sender} wrote:"
    quoted = "\n".join(f"> {line}".rstrip() for line in original.new_text.splitlines())
    return f"{attribution}\n{quoted}\n"


def _hosts(text: str) -> set[str]:
    hosts = set()
    for link in _LINKS.finditer(text):
        host = _HOST.match(link.group(0))
        if host:
            hosts.add(host.group(1).lower().rstrip(".").removeprefix("www."))
    return hosts


def without_their_links(text: str, original: InboundMessage) -> str:
    """`text` with every link, address or domain the original's subject or body named
    replaced by `LINK_REMOVED` (a model may have repeated one)."""
    theirs = _hosts(f"{original.subject}\n{original.text}\n{original.new_text}")
    if not theirs:
        return text

    def replace(match: re.Match[str]) -> str:
        found = _hosts(match.group(0))
        return LINK_REMOVED if found & theirs else match.group(0)

    return _LINKS.sub(replace, text)
