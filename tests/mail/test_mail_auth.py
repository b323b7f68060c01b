"""Sender verification trusts only our own server's topmost Authentication-Results."""

from __future__ import annotations

from knowreply.mail.auth import VerificationReason, aligned, verify_sender
from knowreply.mail.message import Header
from knowreply.mail.parse import parse_message

TRUSTED = {"MX.Shop.Example"}


def _message(*auth_results: str, sender: str = "alice@customer.example") -> bytes:
    lines = [f"Authentication-Results: {value}" for value in auth_results]
    lines += [
        "Received: from mail.customer.example by mx.shop.example; Mon, 2 Nov 2026 10:00:00 +0000",
        f"From: Alice <{sender}>",
        "To: support@shop.example",
        "Subject: Refund",
        "Message-ID: <a-1@customer.example>",
        "",
        "Please refund me.",
    ]
    return "\r\n".join(lines).encode()


def _verify(raw: bytes) -> VerificationReason:
    return verify_sender(parse_message(raw), trusted_authserv_ids=TRUSTED).reason


def test_trusted_dmarc_pass_for_the_from_domain_verifies() -> None:
    raw = _message(
        "mx.shop.example; spf=pass smtp.mailfrom=customer.example;"
        " dkim=pass header.d=customer.example; dmarc=pass (p=reject) header.from=customer.example"
    )

    verification = verify_sender(parse_message(raw), trusted_authserv_ids=TRUSTED)

    assert verification.verified
    assert verification.reason == VerificationReason.DMARC_PASS
    assert verification.authserv_id == "mx.shop.example"
    assert verification.domain == "customer.example"


def test_authserv_id_is_matched_case_insensitively() -> None:
    raw = _message("MX.SHOP.EXAMPLE; dmarc=pass header.from=customer.example")

    assert _verify(raw) == VerificationReason.DMARC_PASS


def test_a_pass_from_an_untrusted_server_is_ignored() -> None:
    raw = _message("mx.attacker.example; dmarc=pass header.from=customer.example")

    verification = verify_sender(parse_message(raw), trusted_authserv_ids=TRUSTED)

    assert not verification.verified
    assert verification.reason == VerificationReason.NO_TRUSTED_RESULTS


def test_dmarc_fail_is_unverified() -> None:
    raw = _message(
        "mx.shop.example; dkim=fail header.d=customer.example;"
        " dmarc=fail header.from=customer.example"
    )

    assert _verify(raw) == VerificationReason.DMARC_FAIL


def test_dmarc_pass_for_another_domain_is_not_aligned() -> None:
    raw = _message("mx.shop.example; dmarc=pass header.from=other.example")

    assert _verify(raw) == VerificationReason.NOT_ALIGNED


def test_dkim_pass_for_an_unrelated_domain_is_not_aligned() -> None:
    raw = _message(
        "mx.shop.example; dkim=pass header.d=mailer.example; spf=pass smtp.mailfrom=mailer.example"
    )

    assert _verify(raw) == VerificationReason.NOT_ALIGNED


def test_dkim_pass_for_the_parent_domain_verifies_without_dmarc() -> None:
    raw = _message(
        "mx.shop.example; dkim=pass header.d=customer.example header.i=@customer.example",
        sender="alice@eu.customer.example",
    )

    verification = verify_sender(parse_message(raw), trusted_authserv_ids=TRUSTED)

    assert verification.reason == VerificationReason.DKIM_ALIGNED
    assert verification.domain == "customer.example"


def test_spf_pass_alone_does_not_verify() -> None:
    raw = _message("mx.shop.example; spf=pass smtp.mailfrom=customer.example")

    assert _verify(raw) == VerificationReason.NO_PASS


def test_forged_trusted_header_below_ours_is_ignored() -> None:
    ours = "mx.shop.example; dkim=none; dmarc=none header.from=customer.example"
    forged = "mx.shop.example; dmarc=pass header.from=customer.example"

    assert _verify(_message(ours, forged)) == VerificationReason.NO_PASS


def test_untrusted_headers_around_ours_do_not_matter() -> None:
    raw = _message(
        "mx.attacker.example; dmarc=fail header.from=customer.example",
        "mx.shop.example; dmarc=pass header.from=customer.example",
        "relay.example; dmarc=fail header.from=customer.example",
    )

    assert _verify(raw) == VerificationReason.DMARC_PASS


def test_unparseable_trusted_header_is_unverified() -> None:
    raw = _message("mx.shop.example; dmarc=")

    assert _verify(raw) == VerificationReason.UNREADABLE_RESULTS


def test_two_from_addresses_are_never_verified() -> None:
    raw = _message("mx.shop.example; dmarc=pass header.from=customer.example").replace(
        b"From: Alice <alice@customer.example>",
        b"From: Alice <alice@customer.example>\r\nFrom: Mallory <mallory@evil.example>",
    )

    message = parse_message(raw)

    assert message.sender is not None and message.sender.address == "alice@customer.example"
    assert "more than one From address" in message.defects
    assert _verify(raw) == VerificationReason.AMBIGUOUS_SENDER


def test_message_without_from_has_no_sender_to_verify() -> None:
    raw = b"Authentication-Results: mx.shop.example; dmarc=pass header.from=x.example\r\n\r\nhi"

    assert _verify(raw) == VerificationReason.NO_SENDER


def test_raw_headers_can_be_verified_without_a_parsed_message() -> None:
    headers = [
        Header("Authentication-Results", "mx.shop.example; dmarc=pass header.from=customer.example")
    ]

    verification = verify_sender(
        headers, trusted_authserv_ids=TRUSTED, from_domain="customer.example"
    )

    assert verification.verified
    assert verification.label == "DMARC passed for the sender's domain"


def test_alignment_is_by_organizational_suffix_not_by_any_suffix() -> None:
    assert aligned("customer.example", "mail.customer.example")
    assert aligned("mail.customer.example", "customer.example")
    assert not aligned("example", "customer.example")
    assert not aligned("tomer.example", "customer.example")


def test_a_dmarc_pass_without_header_from_verifies_no_one() -> None:
    """Finding 5: `dmarc=pass` with no `header.from` used to verify any From address."""
    raw = _message("mx.shop.example; dmarc=pass", sender="ceo@bank.example")

    verification = verify_sender(parse_message(raw), trusted_authserv_ids=TRUSTED)

    assert not verification.verified
    assert verification.reason == VerificationReason.NO_HEADER_FROM


def test_a_dmarc_pass_for_a_parent_or_child_domain_is_not_the_from_domain() -> None:
    for header_from in ("example", "mail.customer.example", "evilcustomer.example"):
        raw = _message(f"mx.shop.example; dmarc=pass header.from={header_from}")

        assert _verify(raw) == VerificationReason.NOT_ALIGNED, header_from


def test_a_header_that_names_no_server_is_no_trusted_result() -> None:
    """Found by the pipeline fuzz test: `Authentication-Results: ;` made verification raise
    (IndexError), so the verify step failed instead of treating the sender as unverified."""
    for value in (";", " ; dmarc=pass header.from=customer.example", ""):
        assert _verify(_message(value)) == VerificationReason.NO_TRUSTED_RESULTS
