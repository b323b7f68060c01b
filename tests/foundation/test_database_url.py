"""`config.DatabaseURL` reads a URL as SQLAlchemy does, so the engine and `db.direct` (which
`knowreply ingest` uses without loading SQLAlchemy) connect to the same database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from knowreply.config import Settings
from knowreply.db.direct import Direct
from knowreply.db.types import UTCDateTime


@pytest.mark.parametrize(
    "raw",
    [
        "sqlite:///relative/knowreply.sqlite",
        "sqlite:////var/lib/knowreply/knowreply.sqlite",
        "sqlite+pysqlite:////tmp/a%20file.sqlite",
        "postgresql://127.0.0.1/test",
        "postgresql+psycopg://knowreply:p%40ss:word@db.example:6543/knowreply",
        "postgresql://user@[::1]:5432/test?sslmode=disable&application_name=kr",
        "postgresql://:secret@localhost/test",
    ],
)
def test_the_parts_are_sqlalchemys(raw: str, tmp_path: Path) -> None:
    expected = make_url(raw)
    if expected.get_backend_name() == "postgresql":
        expected = expected.set(drivername="postgresql+psycopg")

    assert Settings(database_url=raw, data_dir=tmp_path).database == expected


def test_the_default_is_the_data_dirs_file(tmp_path: Path) -> None:
    url = Settings(database_url=None, data_dir=tmp_path).database

    assert url == make_url(f"sqlite:///{tmp_path.resolve() / 'knowreply.sqlite'}")


@pytest.mark.parametrize(
    ("driver", "dialect"), [(sqlite3, sqlite.dialect()), (psycopg, postgresql.psycopg.dialect())]
)
def test_a_datetime_is_bound_as_the_column_type_binds_it(driver: object, dialect: object) -> None:
    direct = Direct(connection=None, driver=driver)  # type: ignore[arg-type]
    process = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)  # type: ignore[arg-type]
    assert process is not None
    for value in (
        datetime(2026, 12, 1, 21, 5, 7, 123, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 30, tzinfo=timezone(timedelta(hours=2))),
    ):
        assert direct.bind(value) == process(value)
