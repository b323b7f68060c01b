"""The `knowreply` command: one module per group of subcommands, assembled here."""

from __future__ import annotations

from typing import Annotated

import typer

from knowreply.cli import access, admin, agent, core, mail, stripe
from knowreply.cli.eval import eval_command

app = typer.Typer(
    help="knowreply: an AI agent that answers customer-support email about Stripe billing.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and errors: formatting with rich costs ~0.1 s a start
)


def _print_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version

        typer.echo(f"knowreply {version('knowreply')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """knowreply: an AI agent that answers customer-support email about Stripe billing."""


app.registered_commands.extend(core.app.registered_commands)
app.registered_commands.extend(mail.app.registered_commands)
app.add_typer(admin.workspace_app, name="workspace")
app.add_typer(admin.user_app, name="user")
app.add_typer(mail.mailbox_app, name="mailbox")
app.add_typer(stripe.stripe_app, name="stripe")
app.add_typer(access.token_app, name="token")
app.add_typer(access.settings_app, name="settings")
app.add_typer(access.approvals_app, name="approvals")
app.command("fake-stripe")(stripe.fake_stripe)
app.command("simulate")(agent.simulate)
app.command("eval")(eval_command)

__all__ = ["app"]
