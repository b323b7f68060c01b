"""Raw RFC 5322/MIME bytes -> :class:`InboundMessage`, for any input at all.

Parsing uses the stdlib ``email`` package with ``policy.default``; if that policy's stricter
header objects raise on a malformed message, the message is parsed again with ``compat32``,
and if even that fails the raw bytes are kept as text. An email is never lost to a parse error.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import Message
from email.policy import Policy
from email.utils import getaddresses, parsedate_to_datetime

from knowreply.mail.charsets import decode_bytes
from knowreply.mail.headers import decode_header_value
from knowreply.mail.message import Address, Header, InboundMessage
from knowreply.mail.quotes import extract_reply_from_html, is_forward_subject, new_words
from knowreply.mail.shape import unflowed

DEFAULT_MAX_TEXT_CHARS = 20_000
HTML_LIMIT_FACTOR = 10
"""HTML is cut at this many times the text limit before it is converted."""

SYNTHETIC_ID_DOMAIN = "knowreply.invalid"
_MSG_ID = re.compile(r"<([^<>\s]+)>")
_BODY_BOUNDARY = re.compile(rb"^--([^\s\"]{1,70})\r?$", re.MULTILINE)
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def parse_message(raw: bytes, *, max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> InboundMessage:
    """Parse one raw email; never raises, whatever the bytes."""
    try:
        return _parse(raw, policy.default, max_text_chars)
    except Exception as error:  # a malformed message must fall back, not fail
        strict_error = type(error).__name__
    try:
        lenient = _parse(raw, policy.compat32, max_text_chars)
    except Exception:
        return _unparseable(raw, max_text_chars)
    note = f"strict parsing failed ({strict_error}); the message was parsed leniently"
    return replace(lenient, defects=(note, *lenient.defects))


def synthetic_message_id(raw: bytes) -> str:
    """A stable Message-ID for a message without one: the same bytes give the same id."""
    return f"<{hashlib.sha256(raw).hexdigest()[:32]}@{SYNTHETIC_ID_DOMAIN}>"


def message_ids(value: str | None) -> tuple[str, ...]:
    """The ``<id>`` tokens of a Message-ID/In-Reply-To/References value, order kept."""
    if not value:
        return ()
    found = [f"<{token}>" for token in _MSG_ID.findall(value)]
    if not found and "@" in value and not any(ch.isspace() for ch in value.strip()):
        found = [f"<{value.strip().strip('<>')}>"]
    return tuple(dict.fromkeys(found))


def _parse(raw: bytes, email_policy: Policy, max_text_chars: int) -> InboundMessage:
    message = message_from_bytes(raw, policy=email_policy)
    defects: list[str] = []
    raw_headers = [(name, str(value)) for name, value in message.raw_items()]
    headers = tuple(_decoded_header(name, value, defects) for name, value in raw_headers)
    first_raw = {name.lower(): value for name, value in reversed(raw_headers)}
    first = {h.name.lower(): h.value for h in reversed(headers)}

    ids = message_ids(first.get("message-id"))
    if not ids:
        defects.append("no Message-ID header; a synthetic one was made from the content")
    from_addresses = _all_from_addresses(raw_headers, defects)
    sender = from_addresses[0] if from_addresses else None
    if sender is None:
        defects.append("no usable From address")
    elif len(from_addresses) > 1:
        defects.append("more than one From address")

    plain, html = _body_parts(message, defects)
    text, html, truncated = _limited_text(plain, html, max_text_chars)
    defects.extend(_message_defects(message))
    return InboundMessage(
        message_id=ids[0] if ids else synthetic_message_id(raw),
        in_reply_to=message_ids(first.get("in-reply-to")),
        references=message_ids(first.get("references")),
        sender=sender,
        from_addresses=from_addresses,
        reply_to=_addresses(first_raw.get("reply-to"), defects),
        to=_addresses(first_raw.get("to"), defects),
        cc=_addresses(first_raw.get("cc"), defects),
        date=_date(first.get("date"), defects),
        subject=first.get("subject", ""),
        content_type=message.get_content_type(),
        text=text,
        html=html,
        new_text=_new_text(
            text, plain_source=plain is not None, html=html, subject=first.get("subject", "")
        ),
        size=len(raw),
        headers=headers,
        defects=tuple(dict.fromkeys(defects)),
        truncated=truncated,
    )


def _decoded_header(name: str, value: str, defects: list[str]) -> Header:
    text, problems = decode_header_value(value)
    defects.extend(f"{name}: {problem}" for problem in problems)
    return Header(name=name, value=text)


def _addresses(raw_value: str | None, defects: list[str]) -> tuple[Address, ...]:
    if not raw_value:
        return ()
    unfolded = re.sub(r"\r?\n[ \t]*", " ", raw_value)
    found: list[Address] = []
    for name, address in getaddresses([unfolded]):
        decoded_address, problems = decode_header_value(address)
        decoded_name, name_problems = decode_header_value(name)
        defects.extend(problems + name_problems)
        if "@" in decoded_address and " " not in decoded_address:
            found.append(Address(address=decoded_address.lower(), name=decoded_name))
    return tuple(dict.fromkeys(found))


def _all_from_addresses(
    raw_headers: list[tuple[str, str]], defects: list[str]
) -> tuple[Address, ...]:
    found: list[Address] = []
    for name, value in raw_headers:
        if name.lower() == "from":
            found.extend(_addresses(value, defects))
    return tuple(dict.fromkeys(found))


def _date(value: str | None, defects: list[str]) -> datetime | None:
    if not value:
        defects.append("no Date header")
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append(f"unreadable Date header {value[:60]!r}")
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _body_parts(message: Message, defects: list[str]) -> tuple[str | None, str | None]:
    """The first inline text/plain and text/html parts, decoded."""
    plain: str | None = None
    html: str | None = None
    for part in _leaf_parts(message):
        if part.get_content_disposition() == "attachment":
            continue
        content_type = part.get_content_type()
        if content_type == "text/plain" and plain is None:
            plain = _part_text(part, defects)
        elif content_type == "text/html" and html is None:
            html = _part_text(part, defects)
    if plain is None and html is None:
        plain = _raw_body_fallback(message, defects)
    return plain, html


def _leaf_parts(part: Message) -> Iterator[Message]:
    """Body parts, not descending into attached messages (a bounce quotes the original)."""
    if part.is_multipart():
        for child in part.get_payload():
            if isinstance(child, Message) and child.get_content_maintype() != "message":
                yield from _leaf_parts(child)
    else:
        yield part


def _part_text(part: Message, defects: list[str]) -> str:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    text, problem = decode_bytes(data, part.get_content_charset())
    if problem:
        defects.append(problem)
    text = text.replace("\r\n", "\n").replace("\x00", "")
    if part.get_content_type() == "text/plain" and _param(part, "format") == "flowed":
        return unflowed(text, delsp=_param(part, "delsp") == "yes")
    return text


def _param(part: Message, name: str) -> str:
    value = part.get_param(name)
    return value.lower() if isinstance(value, str) else ""


def _raw_body_fallback(message: Message, defects: list[str]) -> str | None:
    """No text part could be found (e.g. a broken boundary): recover it or keep the body."""
    if message.is_multipart() or message.get_content_maintype() == "text":
        return None
    data = message.get_payload(decode=True)
    if not isinstance(data, bytes) or not data.strip():
        return None
    recovered = _parts_by_boundary_in_body(data, defects)
    if recovered is not None:
        return recovered
    defects.append("no readable text part; the raw body was kept as text")
    return decode_bytes(data, None)[0].replace("\r\n", "\n").replace("\x00", "")


def _parts_by_boundary_in_body(body: bytes, defects: list[str]) -> str | None:
    """A multipart whose declared boundary is wrong: split on the one the body uses."""
    found = _BODY_BOUNDARY.search(body)
    if found is None:
        return None
    boundary = found[1].decode("ascii", "replace")
    head = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'.encode()
    reparsed = message_from_bytes(head + body, policy=policy.compat32)
    texts = [part for part in _leaf_parts(reparsed) if part.get_content_type() == "text/plain"]
    if not texts:
        return None
    defects.append("the declared MIME boundary was wrong; parts were split on the body's own")
    return _part_text(texts[0], defects)


def _limited_text(
    plain: str | None, html: str | None, max_text_chars: int
) -> tuple[str, str | None, bool]:
    truncated = False
    html_limit = max_text_chars * HTML_LIMIT_FACTOR
    if html is not None and len(html) > html_limit:
        html, truncated = html[:html_limit], True
    if plain is not None or not html:
        text = plain or ""
    else:
        from knowreply.mail.htmltext import html_to_text  # lxml loads for HTML-only mail

        text = html_to_text(html)
    if len(text) > max_text_chars:
        text, truncated = text[:max_text_chars], True
    return text, html, truncated


def _new_text(text: str, *, plain_source: bool, html: str | None, subject: str) -> str:
    """The customer's new words; the whole text when stripping leaves nothing."""
    if plain_source or not html:
        return new_words(text, subject=subject)
    reply = extract_reply_from_html(html, forwarded=is_forward_subject(subject))
    return reply if reply.strip() else text.strip()


def _message_defects(message: Message) -> list[str]:
    described: list[str] = []
    for part in message.walk():
        for defect in part.defects:
            name = _CAMEL.sub(" ", type(defect).__name__).lower().removesuffix(" defect")
            detail = str(defect).strip()
            described.append(f"{name}: {detail}" if detail else name)
    return described


def _unparseable(raw: bytes, max_text_chars: int) -> InboundMessage:
    text = decode_bytes(raw, None)[0].replace("\x00", "")[:max_text_chars]
    return InboundMessage(
        message_id=synthetic_message_id(raw),
        in_reply_to=(),
        references=(),
        sender=None,
        from_addresses=(),
        reply_to=(),
        to=(),
        cc=(),
        date=None,
        subject="",
        content_type="text/plain",
        text=text,
        html=None,
        new_text=text.strip(),
        size=len(raw),
        headers=(),
        defects=("the message could not be parsed; its raw bytes were kept as text",),
        truncated=len(raw) > max_text_chars,
    )
