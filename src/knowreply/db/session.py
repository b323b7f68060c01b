"""Engines and sessions for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from knowreply.errors import ConfigError

if TYPE_CHECKING:  # the ORM loads only for sessions: `knowreply ingest` stores mail without it
    from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the web app read while a worker writes; the busy timeout waits for the lock.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: URL) -> Engine:
    """An engine for the URL; the SQLite file's folder is created when missing."""
    if url.get_backend_name() == "sqlite":
        assert url.database is not None
        folder = Path(url.database).parent
        if not folder.exists():
            folder.mkdir(parents=True, mode=0o700)  # credentials and mail live here
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


def check_connection(engine: Engine) -> None:
    """Fail with a one-line ConfigError when the database cannot be reached."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        shown = engine.url.render_as_string(hide_password=True)
        raise ConfigError(
            "KNOWREPLY_DATABASE_URL",
            f"cannot connect to {shown} ({reason})",
            "Check that the database server runs and that the URL, user and password are right",
        ) from None


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on error. Services never commit."""
    with factory() as session, session.begin():
        yield session
