"""Workspaces and dashboard members."""

from __future__ import annotations

from typing import Annotated

import typer

from knowreply.cli.common import WorkspaceOption, address_option, clean_errors, runtime, secret_from

workspace_app = typer.Typer(
    help="Create and list workspaces (one per business).", no_args_is_help=True
)
user_app = typer.Typer(help="Dashboard members.", no_args_is_help=True)


@workspace_app.command("create")
@clean_errors
def workspace_create(
    name: Annotated[str, typer.Argument(help="Lower-case letters, digits and dashes.")],
    plan: Annotated[str, typer.Option(help="self_hosted or trial.")] = "self_hosted",
) -> None:
    """Create a workspace for another business."""
    from knowreply.db.session import transaction
    from knowreply.workspaces import create_workspace

    rt = runtime()
    with transaction(rt.sessions) as session:
        create_workspace(session, name, plan=plan)
    typer.echo(f"Created the workspace {name!r}.")


@workspace_app.command("list")
@clean_errors
def workspace_list() -> None:
    """List workspaces and their plans."""
    from knowreply.workspaces import list_workspaces

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
    password_env: Annotated[
        str | None,
        typer.Option("--password-env", help="Read the password from this environment variable."),
    ] = None,
    role: Annotated[str, typer.Option(help="owner or member.")] = "owner",
) -> None:
    """Add a dashboard member (the password is stored as an argon2 hash)."""
    from knowreply.db.session import transaction
    from knowreply.workspaces import create_member, resolve_workspace

    address = address_option(email, option="EMAIL")
    rt = runtime()
    secret = password or secret_from(
        password_env, option="--password-env", prompt="Password", confirm=True
    )
    with transaction(rt.sessions) as session:
        ws = resolve_workspace(session, workspace)
        create_member(session, ws, address, secret, role=role)
        name = ws.name
    typer.echo(f"Added {address} to {name!r}.")
