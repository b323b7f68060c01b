"""What the rest of knowreply knows about one inbound email."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Address:
    """One mailbox from an address header."""

    address: str
    """Lower-cased ``local@domain``, for matching."""
    name: str = ""
    """The display name, decoded."""

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>" if self.name else self.address


@dataclass(frozen=True, slots=True)
class Header:
    """One header field as it appears in the message, decoded to text."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A parsed email; built by :func:`knowreply.mail.parse.parse_message`, never partial."""

    message_id: str
    """``<id@host>``; synthetic (``@knowreply.invalid``) when the message had none."""
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    sender: Address | None
    """The From mailbox: who the customer is. None when From is missing or unusable."""
    from_addresses: tuple[Address, ...]
    """Every mailbox of every From header; more than one makes the sender ambiguous."""
    reply_to: tuple[Address, ...]
    """Kept for the record only: it never changes who the customer is or where we reply."""
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: datetime | None
    """The Date header in UTC, or None when missing or unparseable."""
    subject: str
    content_type: str
    """The top-level MIME type, lower-cased (``multipart/report`` for bounces)."""
    text: str
    """The body as plain text: the text/plain part, else the HTML part converted."""
    html: str | None
    new_text: str
    """The text without the quoted older thread and signature (all of it if that leaves nothing)."""
    size: int
    """Size of the raw message in bytes."""
    headers: tuple[Header, ...]
    """All header fields in order, top first (Authentication-Results order matters)."""
    defects: tuple[str, ...] = ()
    """Human-readable problems met while parsing."""
    truncated: bool = False
    """True when the body was longer than the limit and was cut."""

    @property
    def has_synthetic_id(self) -> bool:
        return self.message_id.endswith("@knowreply.invalid>")

    def header(self, name: str) -> str | None:
        """The first header with this name (case-insensitive), or None."""
        wanted = name.lower()
        return next((h.value for h in self.headers if h.name.lower() == wanted), None)

    def header_values(self, name: str) -> list[str]:
        """Every header with this name, top first."""
        wanted = name.lower()
        return [h.value for h in self.headers if h.name.lower() == wanted]
