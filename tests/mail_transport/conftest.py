"""Fixtures for the mail transport tests: Dovecot (once per session) and a fresh mailbox."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from mailservers import DovecotServer, Mailbox, run_dovecot

_usernames = itertools.count(1)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    try:
        with run_dovecot() as server:
            yield server
    except FileNotFoundError as exc:
        pytest.skip(str(exc))


@pytest.fixture
def mailbox(dovecot: DovecotServer) -> Mailbox:
    return Mailbox(dovecot, f"support{next(_usernames)}@shop.test")
