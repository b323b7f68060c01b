"""Setup mistakes: one line naming the setting and the fix, exit code 2, nothing overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from tests.foundation.cli_helpers import knowreply


def assert_clean_failure(result: object, setting: str) -> None:
    import subprocess

    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {setting}:")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "url",
    [
        "not a url at all",
        "mysql://root@127.0.0.1/test",
        "postgresql+asyncpg://127.0.0.1/test",
        "sqlite://",
        "postgresql://127.0.0.1:5432",
    ],
)
def test_malformed_database_url(url: str, tmp_path: Path) -> None:
    env = {
        "KNOWREPLY_DATABASE_URL": url,
        "KNOWREPLY_DATA_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    result = knowreply("init", env=env)
    assert_clean_failure(result, "KNOWREPLY_DATABASE_URL")
    assert "postgresql+psycopg://" in result.stderr  # says how to write it
    assert not (tmp_path / "secret.key").exists()


def test_unreachable_database(tmp_path: Path) -> None:
    env = {
        "KNOWREPLY_DATABASE_URL": "postgresql://knowreply:hunter2secret@127.0.0.1:1/nowhere",
        "KNOWREPLY_DATA_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    for command in (["init"], ["serve"], ["worker"], ["workspace", "list"]):
        result = knowreply(*command, env=env)
        assert_clean_failure(result, "KNOWREPLY_DATABASE_URL")
        assert "hunter2secret" not in result.stderr
        assert "cannot connect" in result.stderr


def test_missing_master_key_for_existing_data(cli_env: dict[str, str], tmp_path: Path) -> None:
    assert knowreply("init", env=cli_env).returncode == 0
    key_file = Path(cli_env["KNOWREPLY_DATA_DIR"]) / "secret.key"
    saved = key_file.read_bytes()
    key_file.unlink()

    for command in (["init"], ["workspace", "list"]):
        result = knowreply(*command, env=cli_env)
        assert_clean_failure(result, "KNOWREPLY_SECRET_KEY")
        assert "restore" in result.stderr
    assert not key_file.exists()  # no new key was made over the old data

    key_file.write_bytes(saved)
    assert knowreply("workspace", "list", env=cli_env).returncode == 0


def test_wrong_master_key(cli_env: dict[str, str]) -> None:
    assert knowreply("init", env=cli_env).returncode == 0
    key_file = Path(cli_env["KNOWREPLY_DATA_DIR"]) / "secret.key"
    before = key_file.read_bytes()
    wrong = dict(cli_env, KNOWREPLY_SECRET_KEY=Fernet.generate_key().decode())
    for command in (["init"], ["workspace", "list"]):
        assert_clean_failure(knowreply(*command, env=wrong), "KNOWREPLY_SECRET_KEY")
    garbage = dict(cli_env, KNOWREPLY_SECRET_KEY="not-a-fernet-key")
    assert_clean_failure(knowreply("init", env=garbage), "KNOWREPLY_SECRET_KEY")
    assert key_file.read_bytes() == before


def test_rotated_keys_are_accepted(cli_env: dict[str, str]) -> None:
    assert knowreply("init", env=cli_env).returncode == 0
    old = (Path(cli_env["KNOWREPLY_DATA_DIR"]) / "secret.key").read_text().strip()
    rotated = dict(cli_env, KNOWREPLY_SECRET_KEY=f"{Fernet.generate_key().decode()},{old}")
    result = knowreply("workspace", "list", env=rotated)
    assert result.returncode == 0, result.stderr


def test_bad_setting_value_names_the_setting(tmp_path: Path) -> None:
    env = {
        "KNOWREPLY_LOG_FORMAT": "xml",
        "KNOWREPLY_DATA_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    assert_clean_failure(knowreply("init", env=env), "KNOWREPLY_LOG_FORMAT")


def test_ingest_checks_the_database_and_key_before_storing(
    cli_env: dict[str, str], empty_database_url: str, tmp_path: Path
) -> None:
    """`ingest`'s quick way (`pipeline.quick`) gives up on what it cannot check; the
    SQLAlchemy way then says what is wrong, as for every command, and stores nothing."""
    email = tmp_path / "ooo.eml"
    email.write_bytes(b"Auto-Submitted: auto-replied\r\nFrom: a@b.example\r\n\r\nAway.\r\n")
    empty = cli_env | {"KNOWREPLY_DATABASE_URL": empty_database_url}
    not_set_up = knowreply("ingest", str(email), env=empty)
    assert_clean_failure(not_set_up, "KNOWREPLY_DATABASE_URL")
    assert "the database is not set up" in not_set_up.stderr

    assert knowreply("init", env=cli_env).returncode == 0
    wrong = dict(cli_env, KNOWREPLY_SECRET_KEY=Fernet.generate_key().decode())
    assert_clean_failure(knowreply("ingest", str(email), env=wrong), "KNOWREPLY_SECRET_KEY")
    stored = knowreply("ingest", str(email), env=cli_env)
    assert stored.stdout.strip() == "message 1: skipped (auto_reply)", stored.stderr
