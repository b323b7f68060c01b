"""Throwaway databases for tests: a fresh SQLite file, or a fresh PostgreSQL database.

PostgreSQL runs on 127.0.0.1:5432 with trust auth; each test gets its own database cloned
from a migrated template made once per run, and every database made here is dropped at exit.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import psycopg
from psycopg import sql

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
            engine = make_engine(Settings(database_url=self.url(self.template)).database)
            migrate.upgrade(engine)
            engine.dispose()
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


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'knowreply.sqlite'}"
