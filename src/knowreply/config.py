"""Settings from `KNOWREPLY_*` environment variables or a `.env` file.

Read by a plain pydantic model: pydantic-settings did the same for these flat fields but
cost every command ~50 ms of imports (its sources for clouds, CLIs and file formats).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from knowreply.errors import ConfigError

if TYPE_CHECKING:  # SQLAlchemy loads with the first engine: `knowreply ingest` may need none
    from sqlalchemy.engine import URL

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
    def location(self) -> DatabaseURL:
        """The validated database URL (a clear ConfigError when it is malformed)."""
        return parse_database_url(self.database_url, self.data_dir)

    @cached_property
    def database(self) -> URL:
        """`location` as SQLAlchemy's URL, for an engine."""
        from sqlalchemy.engine import URL

        found = self.location
        return URL.create(
            found.drivername,
            username=found.username,
            password=found.password,
            host=found.host,
            port=found.port,
            database=found.database,
            query=found.query,
        )

    @property
    def is_sqlite(self) -> bool:
        return self.location.backend == "sqlite"


@dataclass(frozen=True)
class DatabaseURL:
    """A database URL's parts, read as SQLAlchemy reads them (`make_url`) without loading it:
    both ways to the database, SQLAlchemy's engine and `db.direct`, connect with these."""

    drivername: str
    username: str | None = None
    password: str | None = None
    host: str | None = None
    port: int | None = None
    database: str | None = None
    query: dict[str, str] = field(default_factory=dict)

    @property
    def backend(self) -> str:
        return self.drivername.split("+")[0]


_URL = re.compile(
    r"""(?P<drivername>[\w+]+)://
    (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
    (?:(?:\[(?P<ipv6host>[^/?]+)\]|(?P<ipv4host>[^/:?]+))?(?::(?P<port>[^/?]*))?)?
    (?:/(?P<database>[^?]*))?
    (?:\?(?P<query>.*))?""",
    re.X,
)
"""SQLAlchemy's own pattern (`sqlalchemy.engine.url._parse_url`); a test holds the parts equal."""


def _parse_url(raw: str) -> DatabaseURL | None:
    found = _URL.match(raw)
    if found is None:
        return None
    parts = found.groupdict()

    def unquoted(name: str) -> str | None:
        value = parts[name]
        return None if value is None else unquote(value)

    try:
        port = int(parts["port"]) if parts["port"] else None
    except ValueError:
        return None
    return DatabaseURL(
        parts["drivername"],
        username=unquoted("username"),
        password=unquoted("password"),
        host=parts["ipv4host"] or parts["ipv6host"],
        port=port,
        database=unquoted("database"),
        query=dict(parse_qsl(parts["query"] or "")),
    )


def parse_database_url(raw: str | None, data_dir: Path) -> DatabaseURL:
    """Validate `KNOWREPLY_DATABASE_URL` and pick the driver we ship (psycopg 3)."""
    if not raw:
        return DatabaseURL("sqlite", database=str((data_dir / "knowreply.sqlite").resolve()))
    fix = "Use sqlite:///path/to/file.sqlite or postgresql+psycopg://user:password@host:5432/dbname"
    url = _parse_url(raw.strip())
    if url is None:
        raise ConfigError("KNOWREPLY_DATABASE_URL", "not a database URL", fix)
    if url.backend not in SUPPORTED_BACKENDS:
        raise ConfigError("KNOWREPLY_DATABASE_URL", f"unsupported database {url.backend!r}", fix)
    if url.backend == "postgresql":
        if url.drivername not in ("postgresql", "postgresql+psycopg"):
            raise ConfigError(
                "KNOWREPLY_DATABASE_URL", f"unsupported driver {url.drivername!r}", fix
            )
        if not url.database:
            raise ConfigError("KNOWREPLY_DATABASE_URL", "no database name", fix)
        return replace(url, drivername="postgresql+psycopg")
    if not url.database or url.database == ":memory:":
        raise ConfigError(
            "KNOWREPLY_DATABASE_URL",
            "an SQLite URL needs a file path (workers and the web app share it)",
            fix,
        )
    return url


def load_settings() -> Settings:
    return Settings()
