"""Header values as text: unfolded, RFC 2047 words decoded, 8-bit bytes guessed."""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.header import decode_header

from knowreply.mail.charsets import decode_bytes

_FOLD = re.compile(r"\r?\n[ \t]*")
_ESCAPE_SEQUENCE = "\x1b$"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def decode_header_value(raw: str) -> tuple[str, list[str]]:
    """The header as readable text on one line, and the problems met decoding it."""
    defects: list[str] = []
    value = _FOLD.sub(" ", raw)
    value = _recover_eight_bit(value, defects)
    if "=?" in value:
        value = _decode_encoded_words(value, defects)
    return _CONTROL.sub(" ", value).replace("\n", " ").strip(), defects


def _recover_eight_bit(value: str, defects: list[str]) -> str:
    """Raw 8-bit (or unencoded ISO-2022-JP) bytes in a header: RFC-breaking but common."""
    try:
        data = value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return value
    if _ESCAPE_SEQUENCE in value:
        text, problem = decode_bytes(data, "iso-2022-jp")
    elif any(byte > 0x7F for byte in data):
        defects.append("8-bit bytes in a header")
        text, problem = decode_bytes(data, None)
    else:
        return value
    if problem:
        defects.append(problem)
    return text


def _decode_encoded_words(value: str, defects: list[str]) -> str:
    try:
        chunks = decode_header(value)
    except (HeaderParseError, ValueError, LookupError, AssertionError):
        defects.append("malformed encoded word in a header")
        return value
    parts: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            parts.append(chunk)
            continue
        text, problem = decode_bytes(chunk, charset)
        if problem:
            defects.append(problem)
        parts.append(text)
    return "".join(parts)
