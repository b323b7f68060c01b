"""Each raw message in tests/data/mail gives the outcome written in expected.toml."""

from __future__ import annotations

import tomllib

import pytest
from mail_test_data import MAIL_DATA, OWN_ADDRESSES, raw

from knowreply.mail.parse import parse_message
from knowreply.mail.screen import screen

EXPECTED = tomllib.loads((MAIL_DATA / "expected.toml").read_text(encoding="utf-8"))


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in MAIL_DATA.glob("*.eml"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_outcome(name: str) -> None:
    expected = EXPECTED[name]
    message = parse_message(raw(name))
    result = screen(message, own_addresses=OWN_ADDRESSES)

    assert (result.reason or "") == expected["screen"], result.detail
    assert expected["new_text"] in message.new_text
    if expected.get("new_text_is_exactly"):
        assert message.new_text == expected["new_text"]
    if "not_in_new_text" in expected:
        assert expected["not_in_new_text"] not in message.new_text
        assert expected["not_in_new_text"] in message.text + (message.html or "")
    if "subject" in expected:
        assert message.subject == expected["subject"]
    if "sender_name" in expected:
        assert message.sender is not None
        assert message.sender.name == expected["sender_name"]
    if "sender" in expected:
        assert message.sender is not None
        assert message.sender.address == expected["sender"]
