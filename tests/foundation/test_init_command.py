"""`knowreply init` creates or migrates the database, idempotently, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from knowreply.config import Settings
from knowreply.db import migrate
from knowreply.db.models import AuditEvent, Member, Workspace
from knowreply.db.revision import HEAD, stored_revision
from knowreply.db.session import transaction
from knowreply.errors import ConfigError
from knowreply.runtime import initialize, open_runtime
from knowreply.workspaces import create_member, resolve_workspace
from tests.foundation.cli_helpers import knowreply


def test_init_twice_creates_once(cli_env: dict[str, str], settings: Settings) -> None:
    first = knowreply("init", env=cli_env)
    assert first.returncode == 0, first.stderr
    assert "Created the workspace 'default'" in first.stdout
    second = knowreply("init", env=cli_env)
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout
    assert "Created the workspace" not in second.stdout

    runtime = open_runtime(settings)
    with runtime.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Workspace)) == 1
    assert stored_revision(runtime.engine) == HEAD
    assert settings.key_file.stat().st_mode & 0o777 == 0o600


def test_init_on_existing_database_keeps_rows(settings: Settings) -> None:
    runtime, _ = initialize(settings)
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, None)
        create_member(session, workspace, "Owner@Example.com", "a long enough password")
        session.add(AuditEvent(workspace_id=workspace.id, actor="cli", action="t", result="ok"))
    key_before = settings.key_file.read_bytes()

    _, report = initialize(settings)

    assert report.created_workspace is None
    assert settings.key_file.read_bytes() == key_before
    with runtime.sessions() as session:
        member = session.scalars(select(Member)).one()
        assert member.email == "owner@example.com"
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 1


def test_default_workspace_is_used_when_there_is_only_one(cli_env: dict[str, str]) -> None:
    assert knowreply("init", env=cli_env).returncode == 0
    added = knowreply("user", "create", "ann@example.com", "--password", "0123456789", env=cli_env)
    assert added.returncode == 0, added.stderr
    assert "to 'default'" in added.stdout

    assert knowreply("workspace", "create", "acme", env=cli_env).returncode == 0
    listed = knowreply("workspace", "list", env=cli_env)
    assert listed.stdout.split() == ["acme", "self_hosted", "default", "self_hosted"]

    ambiguous = knowreply(
        "user", "create", "bob@example.com", "--password", "0123456789", env=cli_env
    )
    assert ambiguous.returncode == 1
    assert "--workspace NAME" in ambiguous.stderr
    chosen = knowreply(
        "user",
        "create",
        "bob@example.com",
        "--password",
        "0123456789",
        "--workspace",
        "acme",
        env=cli_env,
    )
    assert chosen.returncode == 0, chosen.stderr


def test_bad_workspace_names_and_passwords_are_refused(cli_env: dict[str, str]) -> None:
    assert knowreply("init", env=cli_env).returncode == 0
    bad_name = knowreply("workspace", "create", "Acme Inc", env=cli_env)
    assert bad_name.returncode == 1
    assert "lower-case" in bad_name.stderr
    short = knowreply("user", "create", "a@example.com", "--password", "short", env=cli_env)
    assert short.returncode == 1
    assert "at least 10 characters" in short.stderr
    assert "Traceback" not in short.stderr + bad_name.stderr


def test_init_migrates_an_older_schema_without_losing_rows(
    settings: Settings, empty_database_url: str
) -> None:
    from alembic import command

    from knowreply.db.migrate import alembic_config
    from knowreply.db.session import make_engine

    older = settings.model_copy(update={"database_url": empty_database_url})
    engine = make_engine(older.database)
    command.upgrade(alembic_config(engine), "0001")  # the first release's schema
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO workspaces (name, plan, settings, created_at) "
            "VALUES ('acme', 'self_hosted', '{}', CURRENT_TIMESTAMP)"
        )
    engine.dispose()

    runtime, report = initialize(older)

    assert report.revision_before == "0001"
    assert report.revision_after == HEAD
    assert report.created_workspace is None  # acme was kept, so no `default` was added
    with runtime.sessions() as session:
        assert [w.name for w in session.scalars(select(Workspace))] == ["acme"]


def test_the_head_the_runtime_checks_is_alembics(settings: Settings) -> None:
    """`open_runtime` compares with a constant instead of loading Alembic: add a migration,
    change `revision.HEAD`."""
    runtime, _ = initialize(settings)

    assert migrate.head_revision(runtime.engine) == HEAD
    assert stored_revision(runtime.engine) == HEAD


def test_a_schema_behind_the_head_is_refused_until_init(
    settings: Settings, empty_database_url: str
) -> None:
    from alembic import command

    from knowreply.db.migrate import alembic_config
    from knowreply.db.session import make_engine

    older = settings.model_copy(update={"database_url": empty_database_url})
    engine = make_engine(older.database)
    assert stored_revision(engine) is None
    command.upgrade(alembic_config(engine), "0006")
    assert stored_revision(engine) == "0006"
    engine.dispose()

    with pytest.raises(ConfigError, match=f"schema is at 0006, this version needs {HEAD}"):
        open_runtime(older)
