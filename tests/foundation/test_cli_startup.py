"""The CLI starts fast: importing it, `--help` and `ingest` of mail that is screened out load
none of the heavy libraries other commands need (`bench/cli_start.py` times them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from knowreply.config import Settings
from knowreply.runtime import initialize

MAIL = Path(__file__).parents[1] / "data" / "mail"
HEAVY = {
    "anthropic",
    "dbos",
    "fastapi",
    "httpx",
    "lxml",
    "openai",
    "pydantic",
    "pydantic_ai",
    "sklearn",
    "sqlalchemy",
    "starlette",
    "stripe",
    "structlog",
    "uvicorn",
}
NOT_FOR_HELP = {"asyncio", "rich"}
"""`--help` is plain click output: rich and markdown-it cost ~0.1 s a start."""
NOT_FOR_SCREENED_INGEST = {
    "aiosmtplib",  # nothing is sent
    "alembic",  # the schema is checked against `db.revision.HEAD`
    "anthropic",
    "authres",  # no sender to verify
    "dbos",  # handled in this process
    "fastapi",
    "imapclient",
    "inscriptis",
    "lxml",  # a plain-text email needs no HTML parser
    "openai",
    "pydantic_ai",  # no agent run
    "sklearn",
    "stripe",
    "uvicorn",
    "knowreply.agent.runner",
    "knowreply.pipeline.outbox",
    "knowreply.pipeline.workflow",
    # stored and screened through the DB-API driver (`pipeline.quick`): no SQLAlchemy at all
    "sqlalchemy",
    "knowreply.db.models",
    "knowreply.mail.store",
    "knowreply.pipeline.handle",
    "knowreply.agent.trace",  # printed only with --json
    "pydantic_settings",  # settings are a plain pydantic model
}
NOT_FOR_QUIET_SCREENED_INGEST = {"structlog", "rich"}
"""Below the info level nothing is logged, so structlog (which imports rich) is not loaded."""
PROBE = """
import sys
from knowreply.cli import app
try:
    app(sys.argv[1:], prog_name="knowreply")
except SystemExit as end:
    code = end.code
print(" ".join(sorted(sys.modules)), file=sys.stderr)
sys.exit(code)
"""


def loaded_by(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    """Every module (and each module's top package) loaded by running `knowreply ARGS`."""
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    modules = set(run.stderr.split())
    return modules | {name.split(".")[0] for name in modules}


def test_importing_the_cli_loads_no_heavy_library() -> None:
    probe = (
        "import sys, knowreply.cli; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()

    assert HEAVY.isdisjoint(loaded), sorted(HEAVY.intersection(loaded))


def test_help_loads_neither_rich_nor_any_heavy_library() -> None:
    loaded = loaded_by(["--help"])

    assert (HEAVY | NOT_FOR_HELP).isdisjoint(loaded), sorted((HEAVY | NOT_FOR_HELP) & loaded)


def test_ingest_of_screened_mail_stores_it_without_the_agent_dbos_or_lxml(
    settings: Settings, cli_env: dict[str, str], tmp_path: Path
) -> None:
    initialize(settings)
    email = tmp_path / "ooo.eml"
    email.write_bytes((MAIL / "ooo_gmail_vacation.eml").read_bytes())

    loaded = loaded_by(["ingest", str(email)], env=cli_env)

    assert NOT_FOR_SCREENED_INGEST.isdisjoint(loaded), sorted(NOT_FOR_SCREENED_INGEST & loaded)
    assert {"knowreply.db.direct", "knowreply.pipeline.quick", "knowreply.mail.screen"} <= loaded
    assert "pipeline.skipped" in loaded  # the log line (on stderr, beside the module names)


def test_ingest_of_screened_mail_below_the_info_level_loads_no_structlog(
    settings: Settings, cli_env: dict[str, str], tmp_path: Path
) -> None:
    initialize(settings)
    email = tmp_path / "ooo.eml"
    email.write_bytes((MAIL / "ooo_gmail_vacation.eml").read_bytes())

    loaded = loaded_by(["ingest", str(email)], env=cli_env | {"KNOWREPLY_LOG_LEVEL": "warning"})

    unwanted = NOT_FOR_SCREENED_INGEST | NOT_FOR_QUIET_SCREENED_INGEST
    assert unwanted.isdisjoint(loaded), sorted(unwanted & loaded)
    assert "knowreply.pipeline.quick" in loaded


def test_ingest_of_html_only_mail_loads_the_html_parser(
    settings: Settings, cli_env: dict[str, str], tmp_path: Path
) -> None:
    """The counter-check: the probe sees lxml when the email needs it."""
    initialize(settings)
    email = tmp_path / "html.eml"  # screened out too: no agent run, only the parse differs
    email.write_bytes(b"Auto-Submitted: auto-replied\r\n" + (MAIL / "html_only.eml").read_bytes())

    assert "lxml" in loaded_by(["ingest", str(email)], env=cli_env)
