"""The `knowreply` command."""

from __future__ import annotations

import functools
import signal
import threading
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import structlog
import typer
from pydantic import ValidationError

from knowreply.config import Settings, load_settings
from knowreply.db.session import transaction
from knowreply.errors import ConfigError, KnowreplyError
from knowreply.logs import configure_logging
from knowreply.runtime import Runtime, initialize, open_runtime
from knowreply.workspaces import create_member, create_workspace, list_workspaces, resolve_workspace

app = typer.Typer(
    help="knowreply: an AI agent that answers customer-support email about Stripe billing.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
workspace_app = typer.Typer(help="Create and list workspaces (one per business).")
user_app = typer.Typer(help="Dashboard members.")
app.add_typer(workspace_app, name="workspace")
app.add_typer(user_app, name="user")

log = structlog.get_logger(__name__)
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


@app.command()
@clean_errors
def init() -> None:
    """Create or migrate the database (idempotent) and the `default` workspace."""
    _, report = initialize(settings())
    if report.revision_before is None:
        typer.echo(f"Created the database (schema {report.revision_after}).")
    elif report.revision_before != report.revision_after:
        typer.echo(
            f"Migrated the database from {report.revision_before} to {report.revision_after}."
        )
    else:
        typer.echo(f"The database is up to date (schema {report.revision_after}).")
    if report.created_workspace:
        typer.echo(f"Created the workspace {report.created_workspace!r}.")


@app.command()
@clean_errors
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port for the dashboard and API.")] = 8000,
) -> None:
    """Run the web app: dashboard, JSON API and /healthz."""
    import uvicorn

    from knowreply.web.app import create_app

    rt = runtime()
    log.info("web.start", host=host, port=port)
    uvicorn.run(create_app(rt), host=host, port=port, log_config=None)


@app.command()
@clean_errors
def worker(
    import_: Annotated[
        list[str] | None,
        typer.Option("--import", help="Extra module with workflows to register (repeatable)."),
    ] = None,
) -> None:
    """Run the durable worker: executes queued workflows and finishes interrupted ones."""
    from knowreply import durable

    rt = runtime()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    durable.launch(rt.settings, workflow_modules=import_ or [])
    log.info("worker.start", executor_id=rt.settings.executor_id)
    typer.echo("worker ready", err=True)
    stop.wait()
    durable.shutdown()
    log.info("worker.stop")


@app.command()
@clean_errors
def demo(
    port: Annotated[int, typer.Option(help="Port for the dashboard.")] = 8000,
) -> None:
    """Set up a demo workspace with a demo sign-in and serve the dashboard on 127.0.0.1."""
    import uvicorn

    from knowreply.demo import prepare_demo
    from knowreply.web.app import create_app

    rt, _ = initialize(settings())
    sign_in = prepare_demo(rt)
    typer.echo(
        f"\nknowreply demo: http://127.0.0.1:{port}/\n"
        f"  sign in as {sign_in.email} with the password {sign_in.password}\n"
    )
    uvicorn.run(create_app(rt), host="127.0.0.1", port=port, log_config=None)


@workspace_app.command("create")
@clean_errors
def workspace_create(
    name: Annotated[str, typer.Argument(help="Lower-case letters, digits and dashes.")],
    plan: Annotated[str, typer.Option(help="self_hosted or trial.")] = "self_hosted",
) -> None:
    """Create a workspace for another business."""
    rt = runtime()
    with transaction(rt.sessions) as session:
        create_workspace(session, name, plan=plan)
    typer.echo(f"Created the workspace {name!r}.")


@workspace_app.command("list")
@clean_errors
def workspace_list() -> None:
    """List workspaces and their plans."""
    rt = runtime()
    with rt.sessions() as session:
        for workspace in list_workspaces(session):
            typer.echo(f"{workspace.name}\t{workspace.plan}")


@user_app.command("create")
@clean_errors
def user_create(
    email: Annotated[str, typer.Argument(help="The member's sign-in address.")],
    workspace: WorkspaceOption = None,
    password: Annotated[
        str | None,
        typer.Option(help="At least 10 characters; asked for when not given.", hidden=True),
    ] = None,
    role: Annotated[str, typer.Option(help="owner or member.")] = "owner",
) -> None:
    """Add a dashboard member (the password is stored as an argon2 hash)."""
    rt = runtime()
    secret = password or typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with transaction(rt.sessions) as session:
        ws = resolve_workspace(session, workspace)
        create_member(session, ws, email, secret, role=role)
        name = ws.name
    typer.echo(f"Added {email.strip().lower()} to {name!r}.")
