"""Shared test setup.

- In CI (`CI=true`) a test that cannot run is a failure, never a silent skip.
- `backend` runs a test on SQLite and on PostgreSQL; `runtime` gives it an initialised
  knowreply (schema, master key, `default` workspace) on that backend.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, profiles
from hypothesis import settings as hypothesis_settings

from knowreply import workspaces
from knowreply.config import Settings
from knowreply.logs import configure_logging
from knowreply.runtime import Runtime, initialize
from tests.databases import PostgresDatabases, copy_sqlite, migrate_schema, sqlite_url

pytest_plugins = ("tests.fake_stripe",)  # the `fake_stripe` fixture, for every test

IN_CI = os.environ.get("CI", "").lower() == "true"

# Property tests: the same examples on every CI run (a failure there is a bug, never luck);
# locally they explore new examples each run. HYPOTHESIS_PROFILE=ci reproduces CI's.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.register_profile("dev")
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "dev"))

# Log as production does: plain tracebacks, secrets redacted. (structlog's unconfigured
# default renders every local variable of a traceback, which takes tens of seconds.)
configure_logging("info", "console")
_postgres = PostgresDatabases()

# Members' passwords in this process are hashed with argon2's cheapest parameters: the
# production cost (64 MiB, 3 passes: 0.1 s to 0.7 s a hash or a check) protects a stolen hash
# and is what no test checks, while hundreds of tests add members and sign in. Hashes keep
# their own parameters, so `knowreply user create` subprocesses' hashes still verify here.
workspaces._password_hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every test must run: {report.longrepr}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _postgres.drop_all()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Run the test once on SQLite and once on PostgreSQL."""
    name = str(request.param)
    if name == "postgresql" and (why := _postgres.available()):
        pytest.skip(why)
    return name


@pytest.fixture
def empty_database_url(backend: str, tmp_path: Path) -> str:
    """A database with nothing in it, not even the schema."""
    if backend == "sqlite":
        return sqlite_url(tmp_path)
    return _postgres.url(_postgres.create(migrated=False))


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the current schema, made once per test process, to be copied."""
    folder = tmp_path_factory.mktemp("migrated")
    migrate_schema(sqlite_url(folder))
    return folder / "knowreply.sqlite"


@pytest.fixture
def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A database with the current schema, copied from a migrated template (a file copy on
    SQLite, a database cloned on PostgreSQL); not the file `empty_database_url` names."""
    if backend == "sqlite":
        copy = tmp_path / "migrated.sqlite"
        copy_sqlite(request.getfixturevalue("migrated_sqlite"), copy)
        return sqlite_url(tmp_path, copy.name)
    return _postgres.url(_postgres.create(migrated=True))


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, data_dir=tmp_path / "data")


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    rt, _ = initialize(settings)
    yield rt
    rt.engine.dispose()


@pytest.fixture
def cli_env(settings: Settings) -> dict[str, str]:
    """Environment for running `knowreply` as a subprocess against the test database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOWREPLY_")}
    env["KNOWREPLY_DATABASE_URL"] = str(settings.database_url)
    env["KNOWREPLY_DATA_DIR"] = str(settings.data_dir)
    return env
