"""Which schema revision a database is at, and which one this version of knowreply needs.

Read without Alembic: importing it (and its script directory) costs more than a short
command's own work, so Alembic loads only where the schema is made (`db.migrate`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `HEAD` alone is read without SQLAlchemy (`pipeline.quick`)
    from sqlalchemy import Engine

HEAD = "0010"
"""The newest migration in `migrations/versions`; a test holds it equal to Alembic's head."""


def stored_revision(engine: Engine) -> str | None:
    """The revision Alembic recorded in the database; None for a database never set up."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        found: str | None = connection.scalar(text("SELECT version_num FROM alembic_version"))
        return found
