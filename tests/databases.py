"""Throwaway databases for tests: a fresh SQLite file, or a fresh PostgreSQL database.

Migrating takes seconds (Alembic from the first revision, then DBOS's tables), so each backend
migrates one template per test process and every test that wants the schema gets a copy: a
copied file on SQLite; on PostgreSQL (127.0.0.1:5432, trust auth) a database cloned from the
template, and every database made here is dropped at exit.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import psycopg
from psycopg import sql

from knowreply import durable
from knowreply.config import Settings
from knowreply.db import migrate
from knowreply.db.session import make_engine

PG_ADMIN = os.environ.get("KNOWREPLY_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
PG_HOST_URL = PG_ADMIN.rsplit("/", 1)[0]


class PostgresDatabases:
    """Creates databases named kr_test_<pid>_<n> and drops them all at the end."""

    def __init__(self) -> None:
        self.prefix = f"kr_test_{os.getpid()}"
        self.counter = itertools.count()
        self.created: list[str] = []
        self.template: str | None = None

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5)

    def available(self) -> str | None:
        """None when the server answers, else why not."""
        try:
            with self._admin():
                return None
        except psycopg.OperationalError as error:
            return f"PostgreSQL at {PG_ADMIN} is not reachable: {error}"

    def create(self, *, migrated: bool) -> str:
        if migrated and self.template is None:
            self.template = self.create(migrated=False)
            migrate_schema(self.url(self.template))
        name = f"{self.prefix}_{next(self.counter)}"
        template = self.template if migrated else "template0"
        with self._admin() as admin:
            admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template or "template0")
                )
            )
        self.created.append(name)
        return name

    def url(self, name: str) -> str:
        return f"{PG_HOST_URL.replace('postgresql://', 'postgresql+psycopg://')}/{name}"

    def drop_all(self) -> None:
        if not self.created:
            return
        with self._admin() as admin:
            for name in reversed(self.created):
                admin.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )


def migrate_schema(database_url: str) -> None:
    """Our schema and DBOS's, as `knowreply init` makes them (without its rows and key)."""
    settings = Settings(database_url=database_url)
    engine = make_engine(settings.database)
    migrate.upgrade(engine)
    engine.dispose()
    durable.migrate(settings)


def sqlite_url(folder: Path, name: str = "knowreply.sqlite") -> str:
    return f"sqlite:///{folder / name}"


def copy_sqlite(template: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (its WAL included), through SQLite's backup."""
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
