"""Our plain-text reply, quoting the customer's message below it."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from knowreply.mail.message import InboundMessage
from knowreply.mail.threading import reply_headers


def build_reply(
    original: InboundMessage,
    *,
    text: str,
    from_addr: str,
    to_addr: str,
    message_id: str,
    date: datetime,
) -> EmailMessage:
    """A UTF-8 text reply in the original's thread.

    ``to_addr`` is the customer's address on file, given by the caller: never Reply-To.
    """
    message = EmailMessage()
    message["From"] = from_addr
    message["To"] = to_addr
    message["Date"] = format_datetime(date)
    for name, value in reply_headers(original, our_message_id=message_id).items():
        message[name] = value
    message.set_content(f"{text.rstrip()}\n\n{quote_original(original)}", charset="utf-8")
    return message


def quote_original(original: InboundMessage) -> str:
    """``On <date>, <sender> wrote:`` and the original's new text in ``> `` lines."""
    sender = str(original.sender) if original.sender else "you"
    when = original.date.strftime("%a, %d %b %Y at %H:%M UTC") if original.date else ""
    attribution = f"On {when}, {sender} wrote:" if when else f"{sender} wrote:"
    quoted = "\n".join(f"> {line}".rstrip() for line in original.new_text.splitlines())
    return f"{attribution}\n{quoted}\n"
