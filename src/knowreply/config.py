"""Settings from `KNOWREPLY_*` environment variables or a `.env` file.

Read by a plain pydantic model: pydantic-settings did the same for these flat fields but
cost every command ~50 ms of imports (its sources for clouds, CLIs and file formats).
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from knowreply.errors import ConfigError

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
PREFIX = "KNOWREPLY_"
ENV_FILE = Path(".env")
"""In the working directory; its `KNOWREPLY_*` lines count unless the environment sets them."""


def environment() -> dict[str, str]:
    """`KNOWREPLY_*` values by field name (lower-cased, as names are matched whatever their
    case): the environment's over the `.env` file's."""
    found: dict[str, str | None] = {}
    if ENV_FILE.is_file():
        from dotenv import dotenv_values

        found.update(dotenv_values(ENV_FILE))
    found.update(os.environ)
    return {
        name[len(PREFIX) :].lower(): value
        for name, value in found.items()
        if name.upper().startswith(PREFIX) and value is not None
    }


class Settings(BaseModel):
    """Values given to the constructor win over the environment, then the `.env` file, then
    the defaults; unknown names are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, validate_default=True)

    data_dir: Path = Path("./.knowreply")
    """Where the SQLite database, the generated master key and artifacts live."""
    database_url: str | None = None
    """SQLAlchemy URL; default SQLite in the data dir, `postgresql+psycopg://…` for production."""
    secret_key: SecretStr | None = None
    """Master key(s) for stored credentials: comma-separated Fernet keys, newest first."""
    log_level: str = "info"
    log_format: str = Field(default="console", pattern="^(console|json)$")
    public_url: str = "http://127.0.0.1:8000"
    """Where members reach the dashboard; `https://…` makes the session cookie Secure."""
    stripe_api_base: str | None = None
    """Where Stripe's API is; unset for Stripe itself. The demo points it at the fake server."""
    executor_id: str = ""
    """The durable worker's identity; empty: a new one at each start (a live worker recovers
    a dead one's work through its heartbeat)."""
    worker_processes: int | None = Field(default=None, ge=1)
    """`knowreply worker`'s processes; unset: one per core on PostgreSQL, 1 on SQLite."""
    allow_private_llm_urls: bool = False
    """Let owners point the LLM base URL at loopback/private addresses (local Ollama, vLLM)."""
    allow_private_webhook_urls: bool = False
    """Let owners point the notification webhook at loopback/private addresses over plain
    http (a receiver on the same network; the tests' local receiver)."""

    @model_validator(mode="before")
    @classmethod
    def _from_environment(cls, given: Any) -> Any:
        return {**environment(), **given} if isinstance(given, dict) else given

    @property
    def key_file(self) -> Path:
        return self.data_dir / "secret.key"

    @cached_property
    def database(self) -> URL:
        """The validated database URL (a clear ConfigError when it is malformed)."""
        return parse_database_url(self.database_url, self.data_dir)

    @property
    def is_sqlite(self) -> bool:
        return self.database.get_backend_name() == "sqlite"


def parse_database_url(raw: str | None, data_dir: Path) -> URL:
    """Validate `KNOWREPLY_DATABASE_URL` and pick the driver we ship (psycopg 3)."""
    if not raw:
        return make_url(f"sqlite:///{(data_dir / 'knowreply.sqlite').resolve()}")
    fix = "Use sqlite:///path/to/file.sqlite or postgresql+psycopg://user:password@host:5432/dbname"
    try:
        url = make_url(raw.strip())
    except ArgumentError:
        raise ConfigError("KNOWREPLY_DATABASE_URL", "not a database URL", fix) from None
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise ConfigError("KNOWREPLY_DATABASE_URL", f"unsupported database {backend!r}", fix)
    if backend == "postgresql":
        if url.drivername not in ("postgresql", "postgresql+psycopg"):
            raise ConfigError(
                "KNOWREPLY_DATABASE_URL", f"unsupported driver {url.drivername!r}", fix
            )
        if not url.database:
            raise ConfigError("KNOWREPLY_DATABASE_URL", "no database name", fix)
        return url.set(drivername="postgresql+psycopg")
    if not url.database or url.database == ":memory:":
        raise ConfigError(
            "KNOWREPLY_DATABASE_URL",
            "an SQLite URL needs a file path (workers and the web app share it)",
            fix,
        )
    return url


def load_settings() -> Settings:
    return Settings()
