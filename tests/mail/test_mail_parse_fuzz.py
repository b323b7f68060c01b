"""Whatever bytes arrive, parsing and screening give a result and never raise."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mail_test_data import MAIL_DATA

from knowreply.mail.auth import verify_sender
from knowreply.mail.message import InboundMessage
from knowreply.mail.parse import DEFAULT_MAX_TEXT_CHARS, parse_message
from knowreply.mail.screen import ScreenResult, screen

FIXTURES = [path.read_bytes() for path in sorted(MAIL_DATA.glob("*.eml"))]
CHARSETS = ["utf-8", "iso-2022-jp", "shift_jis", "windows-1252", "x-unknown", "utf-7", "", "\x00"]
HEADER_NAMES = [
    "Content-Type",
    "Content-Transfer-Encoding",
    "From",
    "Reply-To",
    "Subject",
    "Date",
    "Message-ID",
    "References",
    "Auto-Submitted",
    "Authentication-Results",
    "Return-Path",
    "Precedence",
]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

header_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
encoded_word = st.builds(
    lambda charset, kind, body: f"=?{charset}?{kind}?{body}?=",
    st.sampled_from(CHARSETS),
    st.sampled_from(["B", "Q", "b", "X"]),
    st.text(alphabet="AZaz09+/=_-%?", max_size=24),
)


def _literal(replacement: bytes) -> bytes:
    """``replacement`` as an ``re.sub`` template that means itself."""
    return replacement.replace(b"\\", b"\\\\")


def _mutate(raw: bytes, data: st.DataObject) -> bytes:
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["boundary", "charset", "header", "splice", "cut", "cte"]))
        if kind == "boundary":
            new = data.draw(st.text(max_size=20)).encode("utf-8", "replace")
            raw = re.sub(
                rb'boundary="?[^";\r\n]*"?', b'boundary="' + _literal(new) + b'"', raw, count=1
            )
        elif kind == "charset":
            new = data.draw(st.sampled_from(CHARSETS)).encode()
            raw = re.sub(rb"charset=\"?[\w-]*\"?", b"charset=" + _literal(new), raw)
        elif kind == "cte":
            new = data.draw(st.sampled_from([b"base64", b"quoted-printable", b"8bit", b"x-uue"]))
            raw = re.sub(rb"(?i)(Content-Transfer-Encoding:) *\S+", rb"\1 " + new, raw)
        elif kind == "header":
            name = data.draw(st.sampled_from(HEADER_NAMES))
            value = data.draw(st.one_of(header_text, encoded_word))
            raw = f"{name}: {value}\r\n".encode("utf-8", "surrogateescape") + raw
        elif kind == "splice":
            at = data.draw(st.integers(0, len(raw)))
            raw = raw[:at] + data.draw(st.binary(max_size=40)) + raw[at:]
        else:
            raw = raw[: data.draw(st.integers(0, len(raw)))]
    return raw


def _check(raw: bytes) -> None:
    message = parse_message(raw)
    result = screen(message, own_addresses={"support@shop.example"}, max_bytes=4096)
    verification = verify_sender(message, trusted_authserv_ids={"mx.shop.example"})

    assert isinstance(message, InboundMessage)
    assert isinstance(result, ScreenResult)
    assert isinstance(verification.verified, bool)
    assert re.fullmatch(r"<[^<>\s]+>", message.message_id)
    assert message.size == len(raw)
    assert len(message.text) <= DEFAULT_MAX_TEXT_CHARS
    assert isinstance(message.new_text, str)
    assert all(isinstance(defect, str) for defect in message.defects)
    # the last-resort fallback exists for safety; the parser itself should not need it
    assert not any("could not be parsed" in defect for defect in message.defects)
    assert result.label


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_always_parse(raw: bytes) -> None:
    _check(raw)


@FUZZ
@given(st.sampled_from(FIXTURES), st.data())
def test_mutated_mime_always_parses(raw: bytes, data: st.DataObject) -> None:
    _check(_mutate(raw, data))


def test_same_bytes_give_the_same_synthetic_id() -> None:
    raw = b"Subject: no id\r\n\r\nhello"

    assert parse_message(raw).message_id == parse_message(raw).message_id
    assert parse_message(raw).message_id != parse_message(raw + b"!").message_id


def test_control_characters_in_quoted_html_keep_the_message_parsed() -> None:
    """lxml refuses XML-forbidden characters in text it is handed (found by the fuzzer)."""
    raw = (
        b"From: a@example.com\r\nMessage-ID: <ctl@example.com>\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<p>Where is my invoice?</p><blockquote>old \x01 text\x0b</blockquote>"
    )
    message = parse_message(raw)

    assert not any("could not be parsed" in defect for defect in message.defects)
    assert message.new_text == "Where is my invoice?"
