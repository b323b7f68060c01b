"""`knowreply stripe …` and `knowreply fake-stripe`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from knowreply.cli.common import WorkspaceOption, clean_errors, fail, runtime, secret_from

if TYPE_CHECKING:
    from knowreply.integrations.stripe.connection import StripeStatusView

stripe_app = typer.Typer(
    help="Connect Stripe and choose what the agent may do.", no_args_is_help=True
)
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def print_status(view: StripeStatusView, *, warning: str | None = None) -> None:
    if view.status == "not_connected":
        typer.echo("Stripe: not connected. Run `knowreply stripe connect --key rk_…`.")
    else:
        state = "connected" if view.connected else view.status.replace("_", " ")
        typer.echo(f"Stripe: {state} ({view.mode} mode, {view.key_kind} key {view.key_masked})")
        if view.detail:
            typer.echo(f"  {view.detail}")
    for note in (warning, view.hint):
        if note:
            typer.echo(f"note: {note}")
    if view.status != "not_connected":
        typer.echo("Permissions:")
        for permission in view.permissions:
            mark = {"granted": "ok", "missing": "MISSING", "unknown": "?"}[permission.status]
            typer.echo(f"  {mark:>7}  {permission.label}")
    typer.echo("Capabilities:")
    for capability in view.capabilities:
        switch = "on " if capability.enabled else "off"
        needs = ""
        if view.status != "not_connected" and not capability.allowed:
            needs = f"  (the key needs {', '.join(capability.missing)})"
        typer.echo(f"  [{switch}] {capability.name:<14} {capability.label}{needs}")


def _workspace_id(workspace: str | None) -> int:
    from knowreply.workspaces import resolve_workspace

    rt = runtime()
    with rt.sessions() as session:
        return resolve_workspace(session, workspace).id


@stripe_app.command("connect")
@clean_errors
def connect(
    key: Annotated[
        str | None,
        typer.Option(help="The restricted (rk_…) or secret (sk_…) key; asked for when not given."),
    ] = None,
    key_env: Annotated[
        str | None, typer.Option(help="Read the key from this environment variable instead.")
    ] = None,
    api_base: Annotated[
        str | None, typer.Option(help="Stripe API address (tests and the demo's fake Stripe).")
    ] = None,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Check a Stripe key (offline, then live), probe its permissions and store it encrypted."""
    import asyncio

    from knowreply.integrations.stripe import service
    from knowreply.integrations.stripe.connection import InvalidStripeKey

    raw = key if key is not None else secret_from(key_env, option="--key-env", prompt="Stripe key")
    rt = runtime()
    try:
        view, warning = asyncio.run(
            service.connect(rt, workspace, raw, actor="cli", api_base=api_base)
        )
    except InvalidStripeKey as error:
        typer.echo(f"error: {error.message}\n{error.hint}", err=True)
        raise typer.Exit(1) from None
    if json:
        typer.echo(view.model_dump_json(indent=2))
    else:
        print_status(view, warning=warning)
    if not view.connected:
        raise typer.Exit(1)


@stripe_app.command("status")
@clean_errors
def status(
    workspace: WorkspaceOption = None,
    check: Annotated[bool, typer.Option(help="Check the stored key with Stripe again.")] = False,
    json: JsonOption = False,
) -> None:
    """Show the connection, the key's permissions and the capabilities."""
    import asyncio

    from knowreply.integrations.stripe import service

    rt = runtime()
    workspace_id = _workspace_id(workspace)
    view = (
        asyncio.run(service.recheck(rt, workspace_id))
        if check
        else service.status(rt, workspace_id)
    )
    if json:
        typer.echo(view.model_dump_json(indent=2))
    else:
        print_status(view)


@stripe_app.command("capabilities")
@clean_errors
def capabilities(
    enable: Annotated[list[str] | None, typer.Option(help="Capability to turn on.")] = None,
    disable: Annotated[list[str] | None, typer.Option(help="Capability to turn off.")] = None,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Show the capabilities, or turn some on or off (reads are on by default, writes off)."""
    from knowreply.integrations.stripe import service
    from knowreply.integrations.stripe.capabilities import parse_capability

    try:
        on = [parse_capability(name) for name in enable or []]
        off = [parse_capability(name) for name in disable or []]
    except ValueError as error:
        raise fail(str(error), 1) from None
    rt = runtime()
    workspace_id = _workspace_id(workspace)
    view = service.change_capabilities(rt, workspace_id, enable=on, disable=off, actor="cli")
    if json:
        typer.echo(view.model_dump_json(include={"capabilities"}, indent=2))
    else:
        print_status(view)


@stripe_app.command("disconnect")
@clean_errors
def disconnect(workspace: WorkspaceOption = None) -> None:
    """Forget the stored key (the agent stops using Stripe)."""
    from knowreply.db.session import transaction
    from knowreply.integrations.stripe import service
    from knowreply.workspaces import resolve_workspace

    rt = runtime()
    with transaction(rt.sessions) as session:
        workspace_id = resolve_workspace(session, workspace).id
    done = service.disconnect(rt, workspace_id, actor="cli")
    typer.echo("Disconnected Stripe." if done else "Stripe was not connected.")


def fake_stripe(
    host: Annotated[str, typer.Option(help="Loopback address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8420,
    seed: Annotated[str, typer.Option(help="demo (sample customers) or none.")] = "demo",
) -> None:
    """Run the fake Stripe server used by the tests and the demo (loopback only)."""
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("fakestripe") is None:
        raise fail("The fake Stripe server is a development tool: run `make install`.", 2)
    command = [sys.executable, "-m", "fakestripe", "--host", host, "--port", str(port)]
    finished = subprocess.run([*command, "--seed", seed], check=False)  # noqa: S603
    if finished.returncode not in (0, -2, 130):
        raise fail("The fake Stripe server stopped with an error.", finished.returncode)
