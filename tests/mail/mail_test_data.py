"""Where the mail test data lives: our raw messages and the shared real-world corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

MAIL_DATA = Path(__file__).resolve().parents[1] / "data" / "mail"
OWN_ADDRESSES = {"support@shop.example"}


def shared_corpus() -> Path:
    """``<repo>/../shared/email-corpus``, found by walking up from this file."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "email-corpus"
        if candidate.is_dir():
            return candidate
    pytest.skip("the shared email corpus (../shared/email-corpus) is not on this machine")


def raw(name: str) -> bytes:
    return (MAIL_DATA / name).read_bytes()
