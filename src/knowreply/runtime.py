"""Start-up: settings, database, schema and master key checked once, before any work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from knowreply.db.revision import HEAD, stored_revision
from knowreply.db.session import check_connection, make_engine, make_sessionmaker, transaction
from knowreply.errors import ConfigError
from knowreply.secrets import CANARY_KEY, MasterKey, load_master_key

if TYPE_CHECKING:  # the ORM loads with the first session (`open_database` checks without it)
    from sqlalchemy.orm import Session, sessionmaker

    from knowreply.config import Settings


@dataclass(frozen=True)
class Runtime:
    """What every command and server needs, ready to use."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    master_key: MasterKey


@dataclass(frozen=True)
class InitReport:
    created_workspace: str | None
    revision_before: str | None
    revision_after: str | None


def _read_canary(engine: Engine) -> str | None:
    with engine.connect() as connection:
        canary: str | None = connection.scalar(
            text("SELECT value FROM meta WHERE key = :key"), {"key": CANARY_KEY}
        )
        return canary


def initialize(settings: Settings) -> tuple[Runtime, InitReport]:
    """`knowreply init`: create or migrate the schema, check or create the master key."""
    engine = make_engine(settings.database)
    check_connection(engine)
    before = stored_revision(engine)
    sessions = make_sessionmaker(engine)
    # Check the key against existing data before migrating anything.
    canary = _read_canary(engine) if before is not None else None
    master_key = load_master_key(settings, create=canary is None)
    if canary is not None:
        master_key.check_canary(canary)
    from knowreply import durable  # Alembic and DBOS load only where the schema is made
    from knowreply.db import migrate
    from knowreply.db.models import Meta
    from knowreply.workspaces import ensure_default_workspace

    migrate.upgrade(engine)
    durable.migrate(settings)
    with transaction(sessions) as session:
        if canary is None:
            session.merge(Meta(key=CANARY_KEY, value=master_key.make_canary()))
        created = ensure_default_workspace(session)
        created_name = created.name if created else None
    report = InitReport(created_name, before, stored_revision(engine))
    return Runtime(settings, engine, sessions, master_key), report


def open_runtime(settings: Settings) -> Runtime:
    """For serve, worker and the other commands: everything must already be set up."""
    engine, master_key = open_database(settings)
    return Runtime(settings, engine, make_sessionmaker(engine), master_key)


def open_database(settings: Settings) -> tuple[Engine, MasterKey]:
    """`open_runtime`'s checks (reachable, schema at HEAD, the master key opens the canary)
    without loading the ORM, for a command that may not need it (`knowreply ingest`)."""
    engine = make_engine(settings.database)
    check_connection(engine)
    current = stored_revision(engine)
    if current != HEAD:
        problem = (
            "the database is not set up"
            if current is None
            else (f"the database schema is at {current}, this version needs {HEAD}")
        )
        raise ConfigError(
            "KNOWREPLY_DATABASE_URL", problem, "Run `knowreply init` to create or migrate it"
        )
    canary = _read_canary(engine)
    master_key = load_master_key(settings, create=False)
    if canary is not None:
        master_key.check_canary(canary)
    return engine, master_key
