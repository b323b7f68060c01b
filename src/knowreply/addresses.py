"""Email addresses typed by people (CLI options, settings): one rule for what is accepted."""

from __future__ import annotations

import re

# One address, no display name: something@domain.tld, no spaces, one @.
_ADDRESS = re.compile(r"[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]+")


def normalise_address(text: str) -> str:
    """The address lower-cased and trimmed; ValueError with a message people can act on."""
    address = text.strip().lower()
    if not _ADDRESS.fullmatch(address):
        raise ValueError(f"{text.strip()!r} is not an email address (like name@example.com)")
    return address
