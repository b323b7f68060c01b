"""The CLI's own mistakes say what to fix: unset variables, bad addresses, no terminal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.foundation.cli_helpers import knowreply


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """No database is needed: each mistake is caught before one is opened."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOWREPLY_")}
    env["KNOWREPLY_DATA_DIR"] = str(tmp_path)
    return env


def test_version(cli_env: dict[str, str]) -> None:
    result = knowreply("--version", env=cli_env)
    assert result.returncode == 0 and result.stdout.startswith("knowreply ")


def test_an_unset_key_variable_is_named(cli_env: dict[str, str]) -> None:
    env = {k: v for k, v in cli_env.items() if k != "MY_STRIPE_KEY"}
    result = knowreply("stripe", "connect", "--key-env", "MY_STRIPE_KEY", env=env)

    assert result.returncode == 2
    assert "MY_STRIPE_KEY" in result.stderr and "Secret Key is required" not in result.stderr


def test_a_secret_is_never_asked_for_without_a_terminal(cli_env: dict[str, str]) -> None:
    """getpass would fall back to echoing the key; the CLI refuses and names the option."""
    result = knowreply("stripe", "connect", env=cli_env, input="rk_test_typed\n")

    assert result.returncode == 2
    assert "--key-env" in result.stderr and "rk_test_typed" not in result.stderr + result.stdout


def test_simulate_refuses_an_address_that_is_not_one(cli_env: dict[str, str]) -> None:
    result = knowreply("simulate", "--from", "notanemail", "--body", "hi", env=cli_env)

    assert result.returncode == 2
    assert "--from" in result.stderr and "not an email address" in result.stderr
