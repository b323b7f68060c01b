"""What every `knowreply` command shares: settings, the runtime, clean one-line errors."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import typer
from pydantic import ValidationError

from knowreply.config import Settings, load_settings
from knowreply.errors import ConfigError, KnowreplyError
from knowreply.logs import configure_logging
from knowreply.runtime import Runtime, open_runtime

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


def settings() -> Settings:
    try:
        loaded = load_settings()
        _ = loaded.database  # validate the URL now, with a clear message
    except ValidationError as error:
        first = error.errors()[0]
        name = "KNOWREPLY_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise fail(f"{name}: {first['msg']}", 2) from None
    except ConfigError as error:
        raise fail(error.detail, 2) from None
    configure_logging(loaded.log_level, loaded.log_format)
    return loaded


def runtime() -> Runtime:
    try:
        return open_runtime(settings())
    except ConfigError as error:
        raise fail(error.detail, 2) from None
