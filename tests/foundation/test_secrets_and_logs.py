"""Stored credentials are encrypted; log lines never carry a key, a password or a token."""

from __future__ import annotations

import json
import logging

import pytest
import structlog
from cryptography.fernet import Fernet, MultiFernet

from knowreply.errors import ConfigError
from knowreply.logs import REDACTED, configure_logging, redact_text
from knowreply.secrets import MasterKey

SECRET_KEY = "sk_live_51HqLyjWDarjtT1zdp7dcXYZabc123"
RESTRICTED = "rk_test_51HqLyjWDarjtT1zdp7dc9xQa"


def test_encrypt_round_trip_and_rotation() -> None:
    old, new = Fernet.generate_key(), Fernet.generate_key()
    before = MasterKey(MultiFernet([Fernet(old)]), "test", old)
    token = before.encrypt(RESTRICTED)
    assert RESTRICTED not in token

    after = MasterKey(MultiFernet([Fernet(new), Fernet(old)]), "test", new)
    assert after.decrypt(token) == RESTRICTED
    rotated = after.rotate(token)
    only_new = MasterKey(MultiFernet([Fernet(new)]), "test", new)
    assert only_new.decrypt(rotated) == RESTRICTED
    with pytest.raises(ConfigError, match="KNOWREPLY_SECRET_KEY"):
        only_new.decrypt(token)


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        (f"connecting with {SECRET_KEY}", SECRET_KEY),
        (f"key={RESTRICTED}", RESTRICTED),
        ("pk_test_TYooMQauvdEDq54NiTphI7jx in page", "pk_test_TYooMQauvdEDq54NiTphI7jx"),
        ("Authorization: Bearer abc.def.ghi", "abc.def.ghi"),
        ("authorization=Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
        ("login password=hunter2 ok", "hunter2"),
        ("postgresql://app:s3cr3t@db:5432/x", "s3cr3t"),
    ],
)
def test_redact_text(text: str, leak: str) -> None:
    cleaned = redact_text(text)
    assert leak not in cleaned
    assert REDACTED in cleaned


def test_every_log_line_is_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("info", "json")
    log = structlog.get_logger("test")
    log.info("stripe.connect", key=RESTRICTED, note=f"using {SECRET_KEY}")
    log.info("smtp.login", password="hunter2", headers={"Authorization": "Bearer tok123"})
    logging.getLogger("uvicorn").info("request with Authorization: Bearer tok456")
    err = capsys.readouterr().err
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    ours = [line for line in lines if line.get("logger") in (None, "test", "uvicorn")]
    assert len(ours) >= 3
    for secret in (RESTRICTED, SECRET_KEY, "hunter2", "tok123", "tok456"):
        assert secret not in err
    assert lines[0]["event"] == "stripe.connect"
