"""The database through its DB-API driver (sqlite3, psycopg), without SQLAlchemy.

Importing SQLAlchemy costs more CPU than the rest of `knowreply ingest` of an email that is
screened out (about half of it), so that common case (`pipeline.quick`) runs its few
statements here. It connects with the parts SQLAlchemy's engine is given (`config.DatabaseURL`)
and the options `db.session.make_engine` sets, and binds values as SQLAlchemy's column types
do (`bind`); when anything is not as expected it gives up (`None`) and the command goes the
SQLAlchemy way, which says what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from knowreply.config import DatabaseURL

SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"
"""How SQLAlchemy's SQLite dialect stores a datetime (UTC: `db.types.UTCDateTime`), as text."""


@dataclass(frozen=True)
class Direct:
    """One open DB-API connection; statements are written with `?` placeholders."""

    connection: Any
    driver: ModuleType
    """sqlite3 or psycopg: their `Error` and `IntegrityError` are the DB-API's."""

    @property
    def is_sqlite(self) -> bool:
        return self.driver.__name__ == "sqlite3"

    def bind(self, value: object) -> object:
        """A value as SQLAlchemy's column type binds it: datetimes in UTC (text on SQLite)."""
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValueError("naive datetime; use datetime.now(UTC)")
            utc = value.astimezone(UTC)
            return utc.strftime(SQLITE_DATETIME) if self.is_sqlite else utc
        return value

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        cursor = self.connection.cursor()
        try:
            cursor.execute(
                sql if self.is_sqlite else sql.replace("?", "%s"),
                [self.bind(value) for value in params],
            )
            return list(cursor.fetchall()) if cursor.description else []
        finally:
            cursor.close()

    def column(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        return [row[0] for row in self.rows(sql, params)]

    def scalar(self, sql: str, params: Sequence[object] = ()) -> Any:
        found = self.rows(sql, params)
        return found[0][0] if found else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit on success, roll back on error."""
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()


@contextmanager
def connect(url: DatabaseURL) -> Iterator[Direct | None]:
    """A connection to an existing database, closed after; None when this way cannot make it
    as SQLAlchemy's engine would (no such SQLite file, SQLite options, unreachable)."""
    opened = _sqlite(url) if url.backend == "sqlite" else _postgresql(url)
    if opened is None:
        yield None
        return
    try:
        yield opened
    finally:
        opened.connection.close()


def _sqlite(url: DatabaseURL) -> Direct | None:
    import sqlite3

    # `make_engine` would create the file's folder, and sqlite3 an empty file: not here.
    if url.query or url.database is None or not Path(url.database).is_file():
        return None
    try:
        connection = sqlite3.connect(url.database, timeout=30)
        cursor = connection.cursor()
        for pragma in ("journal_mode=WAL", "busy_timeout=30000", "foreign_keys=ON"):
            cursor.execute(f"PRAGMA {pragma}")  # as `db.session._sqlite_pragmas`
        cursor.close()
    except sqlite3.Error:
        return None
    return Direct(connection, sqlite3)


def _postgresql(url: DatabaseURL) -> Direct | None:
    import psycopg

    # The keywords SQLAlchemy's psycopg dialect passes for these parts, then `make_engine`'s.
    given = {
        "host": url.host,
        "port": url.port,
        "user": url.username,
        "password": url.password,
        "dbname": url.database,
    }
    parameters: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    parameters.update(url.query)
    parameters["connect_timeout"] = 5
    try:
        connection = psycopg.connect(**parameters)
    except psycopg.Error:
        return None
    return Direct(connection, psycopg)
