"""Where settings come from: given values, then `KNOWREPLY_*` environment variables (any
case), then the working directory's `.env` file, then the defaults."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from knowreply.config import Settings


@pytest.fixture
def clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No KNOWREPLY_* variable set, and an empty working directory."""
    for name in list(os.environ):
        if name.upper().startswith("KNOWREPLY_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_without_environment_or_file(clean: Path) -> None:
    settings = Settings()

    assert (settings.data_dir, settings.log_level, settings.worker_processes) == (
        Path("./.knowreply"),
        "info",
        None,
    )
    assert settings.secret_key is None and not settings.allow_private_llm_urls


def test_given_values_win_over_the_environment_which_wins_over_the_file(
    clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean / ".env").write_text(
        "KNOWREPLY_LOG_LEVEL=debug\nKNOWREPLY_PUBLIC_URL='https://file.example'\n"
        "export KNOWREPLY_EXECUTOR_ID=from-file\nKNOWREPLY_NOT_A_SETTING=1\nOTHER=2\n"
    )
    monkeypatch.setenv("KNOWREPLY_LOG_LEVEL", "warning")
    monkeypatch.setenv("knowreply_worker_processes", "3")
    monkeypatch.setenv("KNOWREPLY_ALLOW_PRIVATE_LLM_URLS", "yes")
    monkeypatch.setenv("KNOWREPLY_SECRET_KEY", "a-key-value")

    settings = Settings(executor_id="given")

    assert settings.log_level == "warning"
    assert settings.public_url == "https://file.example"
    assert settings.executor_id == "given"
    assert settings.worker_processes == 3
    assert settings.allow_private_llm_urls is True
    assert settings.secret_key is not None
    assert settings.secret_key.get_secret_value() == "a-key-value"


def test_a_bad_value_names_its_field(clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWREPLY_WORKER_PROCESSES", "0")

    with pytest.raises(ValidationError) as raised:
        Settings()

    assert raised.value.errors()[0]["loc"] == ("worker_processes",)


def test_settings_cannot_be_changed(clean: Path) -> None:
    settings = Settings()

    with pytest.raises(ValidationError):
        settings.log_level = "debug"  # type: ignore[misc]
