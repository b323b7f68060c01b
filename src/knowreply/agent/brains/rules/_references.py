"""References a customer quotes: invoice numbers and Stripe object ids."""

from __future__ import annotations

import re

_INVOICE_NUMBER = re.compile(r"(?<![\w-])([A-Za-z0-9]{3,12})-(\d{4,6})(?![\w-])")
_INVOICE_WORD = re.compile(
    r"(invoice|inv\.?|#|no\.|number|請求書|番号)\s*(number|no\.?|#)?\s*$", re.I
)
_STRIPE_ID = re.compile(r"(?<![A-Za-z0-9_])((?:ch|py|pi|in|sub)_[A-Za-z0-9]{6,})(?![A-Za-z0-9_])")
_URL_OR_ADDRESS = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.-]+")


def _looks_like_invoice_number(prefix: str, before: str) -> bool:
    has_letter = any(ch.isalpha() for ch in prefix)
    has_digit = any(ch.isdigit() for ch in prefix)
    if has_letter and has_digit:
        return True
    if has_letter:
        return prefix.isupper()
    return bool(_INVOICE_WORD.search(before))


def find_invoice_numbers(text: str) -> list[tuple[str, int, int]]:
    """Stripe invoice numbers (`ABCD1234-0001`, `invoice #1234-0001`), upper-cased, with spans."""
    text = _URL_OR_ADDRESS.sub(lambda m: " " * len(m.group()), text)
    found = []
    for match in _INVOICE_NUMBER.finditer(text):
        prefix = match.group(1)
        if _looks_like_invoice_number(prefix, text[max(0, match.start() - 20) : match.start()]):
            found.append((match.group().upper(), match.start(), match.end()))
    return found


def find_stripe_ids(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(1), m.start(), m.end()) for m in _STRIPE_ID.finditer(text)]


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out spans (keeping offsets) so later readers do not see them twice."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def mask_urls_and_addresses(text: str) -> str:
    return _URL_OR_ADDRESS.sub(lambda m: " " * len(m.group()), text)
