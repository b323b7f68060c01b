"""Is the From address really the sender? Read from our own mail server's verdict.

Only ``Authentication-Results`` headers (RFC 8601) whose authserv-id is one the workspace
trusts count, and of those only the **topmost** one: the receiving server prepends its header
above everything the sender wrote, so a forged header carrying our server's id can only sit
below it. Should the receiving server add no header at all, a forged one would be topmost:
run an MTA that removes incoming headers with its own authserv-id (RFC 8601 section 5).

Verified means DMARC passed for the From domain, or, without a DMARC result, a DKIM signature
passed for a domain aligned with it (organizational alignment approximated by suffix match).

A DMARC pass counts only when its ``header.from`` is present and equals the From domain
exactly: the server evaluated DMARC for the domain it names (relaxed alignment of SPF/DKIM
with that domain is part of the DMARC check itself), so a pass without it, or for another
domain, proves nothing about our From address.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import authres

from knowreply.mail.message import Header, InboundMessage


class VerificationReason(StrEnum):
    """Stable names for the outcome of sender verification."""

    DMARC_PASS = "dmarc_pass"
    DKIM_ALIGNED = "dkim_aligned"
    NO_SENDER = "no_sender"
    AMBIGUOUS_SENDER = "ambiguous_sender"
    NO_TRUSTED_RESULTS = "no_trusted_results"
    UNREADABLE_RESULTS = "unreadable_results"
    DMARC_FAIL = "dmarc_fail"
    NOT_ALIGNED = "not_aligned"
    NO_PASS = "no_pass"
    NO_HEADER_FROM = "no_header_from"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    VerificationReason.DMARC_PASS: "DMARC passed for the sender's domain",
    VerificationReason.DKIM_ALIGNED: "Signed (DKIM) by the sender's domain",
    VerificationReason.NO_SENDER: "No sender address to verify",
    VerificationReason.AMBIGUOUS_SENDER: "More than one From address",
    VerificationReason.NO_TRUSTED_RESULTS: "No authentication results from a trusted server",
    VerificationReason.UNREADABLE_RESULTS: "The trusted authentication results are unreadable",
    VerificationReason.DMARC_FAIL: "DMARC failed for the sender's domain",
    VerificationReason.NOT_ALIGNED: "Authenticated, but for a different domain than the sender's",
    VerificationReason.NO_PASS: "No authentication check passed",
    VerificationReason.NO_HEADER_FROM: "DMARC passed, but for no named domain (no header.from)",
}


@dataclass(frozen=True, slots=True)
class Verification:
    """Whether the sender is verified, why, and by which server."""

    reason: VerificationReason
    authserv_id: str | None = None
    domain: str | None = None
    """The domain that passed (DMARC header.from or DKIM d=)."""

    @property
    def verified(self) -> bool:
        return self.reason in (VerificationReason.DMARC_PASS, VerificationReason.DKIM_ALIGNED)

    @property
    def label(self) -> str:
        return self.reason.label


def is_verified(reason: str | None) -> bool:
    """Whether a stored verification reason (`messages.verification`) verified the sender."""
    return reason in (VerificationReason.DMARC_PASS, VerificationReason.DKIM_ALIGNED)


def verify_sender(
    msg: InboundMessage | Sequence[Header],
    *,
    trusted_authserv_ids: set[str],
    from_domain: str | None = None,
) -> Verification:
    """Verify the From domain from the topmost trusted Authentication-Results header.

    Pass an :class:`InboundMessage`, or its headers plus ``from_domain``.
    """
    if isinstance(msg, InboundMessage):
        if len({address.address for address in msg.from_addresses}) > 1:
            return Verification(VerificationReason.AMBIGUOUS_SENDER)
        headers: Sequence[Header] = msg.headers
        from_domain = msg.sender.domain if msg.sender else None
    else:
        headers = msg
    if not from_domain:
        return Verification(VerificationReason.NO_SENDER)
    trusted = {authserv_id.strip().lower() for authserv_id in trusted_authserv_ids}
    found = topmost_trusted_results(headers, trusted)
    if found is None:
        return Verification(VerificationReason.NO_TRUSTED_RESULTS)
    if isinstance(found, str):
        return Verification(VerificationReason.UNREADABLE_RESULTS, authserv_id=found)
    return _judge(found, from_domain.lower())


def topmost_trusted_results(
    headers: Sequence[Header], trusted: set[str]
) -> authres.AuthenticationResultsHeader | str | None:
    """The first trusted header parsed; its authserv-id alone when it cannot be parsed."""
    for header in headers:
        if header.name.lower() != "authentication-results":
            continue
        authserv_id = _authserv_id(header.value)
        if authserv_id not in trusted:
            continue
        try:
            return authres.AuthenticationResultsHeader.parse_value(header.value)
        except (authres.AuthResError, ValueError, IndexError):
            return authserv_id
    return None


def _authserv_id(value: str) -> str:
    """The server that wrote the header; empty when it names none (`Authentication-Results: ;`)."""
    words = value.split(";", 1)[0].split()
    return words[0].lower() if words else ""


def _judge(results: authres.AuthenticationResultsHeader, from_domain: str) -> Verification:
    authserv_id = str(results.authserv_id).lower()
    dmarc = [r for r in results.results if str(r.method).lower() == "dmarc"]
    if dmarc:
        return _judge_dmarc(dmarc[0], from_domain, authserv_id)
    signed = [
        _property(r, "header", "d")
        for r in results.results
        if str(r.method).lower() == "dkim" and str(r.result).lower() == "pass"
    ]
    for domain in signed:
        if domain and aligned(domain, from_domain):
            return Verification(VerificationReason.DKIM_ALIGNED, authserv_id, domain)
    if signed:
        return Verification(VerificationReason.NOT_ALIGNED, authserv_id, signed[0] or None)
    return Verification(VerificationReason.NO_PASS, authserv_id)


def _judge_dmarc(result: object, from_domain: str, authserv_id: str) -> Verification:
    outcome = str(getattr(result, "result", "")).lower()
    header_from = _property(result, "header", "from")
    if outcome != "pass":
        reason = VerificationReason.DMARC_FAIL if outcome == "fail" else VerificationReason.NO_PASS
        return Verification(reason, authserv_id, header_from or None)
    if not header_from:
        return Verification(VerificationReason.NO_HEADER_FROM, authserv_id)
    if header_from.rstrip(".") != from_domain.rstrip("."):
        return Verification(VerificationReason.NOT_ALIGNED, authserv_id, header_from)
    return Verification(VerificationReason.DMARC_PASS, authserv_id, from_domain)


def aligned(authenticated: str, from_domain: str) -> bool:
    """Relaxed alignment, approximated: same domain, or one a subdomain of the other."""
    shorter, longer = sorted(
        (authenticated.lower().strip("."), from_domain.lower().strip(".")), key=len
    )
    return shorter == longer or ("." in shorter and longer.endswith("." + shorter))


def _property(result: object, kind: str, name: str) -> str:
    for prop in getattr(result, "properties", []):
        if str(prop.type).lower() == kind and str(prop.name).lower() == name:
            return str(prop.value).lower().lstrip("@")
    return ""
