"""The CLI starts fast: importing it loads none of the heavy libraries a command may need."""

from __future__ import annotations

import subprocess
import sys

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


def test_importing_the_cli_loads_no_heavy_library() -> None:
    probe = (
        "import sys, knowreply.cli; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()

    assert HEAVY.isdisjoint(loaded), sorted(HEAVY.intersection(loaded))
