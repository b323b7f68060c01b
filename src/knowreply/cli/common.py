"""What every `knowreply` command shares: settings, the runtime, clean one-line errors.

The CLI imports only typer and the standard library at start: each command imports what it
needs when it runs, so `knowreply --help` does not pay for the agent, DBOS or the web app.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from knowreply.errors import ConfigError, KnowreplyError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from knowreply.config import Settings
    from knowreply.runtime import Runtime
    from knowreply.secrets import MasterKey

P = ParamSpec("P")
R = TypeVar("R")

WorkspaceOption = Annotated[
    str | None,
    typer.Option("--workspace", "-w", help="Workspace name; defaults to the only workspace."),
]


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def clean_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Known errors become one line on stderr: exit 2 for setup problems, 1 for the rest."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ConfigError as error:
            raise fail(error.detail, 2) from None
        except KnowreplyError as error:
            raise fail(error.detail, 1) from None

    return wrapper


def secret_from(env_var: str | None, *, option: str, prompt: str, confirm: bool = False) -> str:
    """A secret from the named environment variable, else asked on the terminal unechoed.

    Without a terminal, asking would echo the secret (getpass's fallback), so that is refused.
    """
    if env_var:
        value = os.environ.get(env_var, "")
        if not value:
            raise fail(f"the environment variable {env_var} (from {option}) is empty or not set", 2)
        return value
    if not sys.stdin.isatty():
        raise fail(
            f"no terminal to ask for the {prompt.lower()} without echoing it: use {option}", 2
        )
    secret: str = typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm)
    return secret


def address_option(text: str, *, option: str) -> str:
    """An address given on the command line, validated like the dashboard's."""
    from knowreply.addresses import normalise_address

    try:
        return normalise_address(text)
    except ValueError as error:
        raise fail(f"{option}: {error}", 2) from None


def settings(*, configure_logs: bool = True) -> Settings:
    """The validated settings, logging configured; without `configure_logs` the caller
    configures it before it logs (structlog costs a short command ~0.1 s to load)."""
    from pydantic import ValidationError

    from knowreply.config import load_settings

    try:
        loaded = load_settings()
        _ = loaded.location  # validate the URL now, with a clear message
    except ValidationError as error:
        first = error.errors()[0]
        name = "KNOWREPLY_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise fail(f"{name}: {first['msg']}", 2) from None
    except ConfigError as error:
        raise fail(error.detail, 2) from None
    if configure_logs:
        from knowreply.logs import configure_logging

        configure_logging(loaded.log_level, loaded.log_format)
    else:  # an unknown level fails now all the same
        import logging

        logging.getLogger().setLevel(loaded.log_level.upper())
    return loaded


def runtime() -> Runtime:
    from knowreply.runtime import open_runtime

    try:
        return open_runtime(settings())
    except ConfigError as error:
        raise fail(error.detail, 2) from None


def database(loaded: Settings) -> tuple[Engine, MasterKey]:
    """`runtime()`'s checks without the ORM (`runtime.open_database`)."""
    from knowreply.runtime import open_database

    try:
        return open_database(loaded)
    except ConfigError as error:
        raise fail(error.detail, 2) from None
