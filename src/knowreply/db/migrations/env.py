"""Alembic environment: runs on the engine handed over by `knowreply.db.migrate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from knowreply.db.models import Base

engine = context.config.attributes["engine"]
assert isinstance(engine, Engine)

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
