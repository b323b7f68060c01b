"""Mail: `knowreply ingest` one raw message, and the `mailbox` commands that connect mail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from knowreply.cli.common import (
    WorkspaceOption,
    clean_errors,
    database,
    fail,
    runtime,
    secret_from,
    settings,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from knowreply.config import Settings
    from knowreply.pipeline import quick

app = typer.Typer()
mailbox_app = typer.Typer(
    help="Connect mail: IMAP mailboxes, the SMTP account replies go out through, inbound "
    "addresses and provider webhooks.",
    no_args_is_help=True,
)

PasswordEnv = Annotated[
    str | None,
    typer.Option(
        "--password-env", help="Read the password from this environment variable (else asked)."
    ),
]


@app.command()
@clean_errors
def ingest(
    file: Annotated[Path, typer.Argument(help="A raw RFC 5322 message (.eml).", exists=True)],
    workspace: WorkspaceOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the trace as JSON.")] = False,
) -> None:
    """Handle one raw message end to end, in this process, as if it had just arrived.

    The same steps as the worker's workflow run directly (not durably), replies included.
    Exits 1 when handling the message failed (the reason is printed).
    """
    from knowreply.mail.inbound import InboundEnvelope
    from knowreply.pipeline import quick

    loaded = settings(configure_logs=False)
    envelope = InboundEnvelope(raw=file.read_bytes(), received_via="cli")
    with quick.open_database(loaded) as direct:  # None: the SQLAlchemy way below says why
        stored = None if direct is None else quick.store_new(direct, workspace, envelope)
        if direct is not None and stored is not None:
            try:
                skipped = quick.screen_out(direct, stored)
            except Exception:
                skipped = None  # the screen step runs again below and records its failure
            if skipped is not None:
                _print_skipped(loaded, stored, skipped, json_output)
                return
    engine, master_key = database(loaded)
    from knowreply.db.session import make_sessionmaker, transaction
    from knowreply.logs import configure_logging
    from knowreply.mail.store import store_inbound
    from knowreply.pipeline.handle import handle
    from knowreply.runtime import Runtime
    from knowreply.workspaces import resolve_workspace

    configure_logging(loaded.log_level, loaded.log_format)
    rt = Runtime(loaded, engine, make_sessionmaker(engine), master_key)
    if stored is None:  # the workspace's error, or a Message-ID stored before
        with transaction(rt.sessions) as session:
            ws = resolve_workspace(session, workspace)
            message, created = store_inbound(session, ws.id, envelope)
            message_id, status = message.id, message.status
        if not created and status != "received":
            _already_handled(rt.sessions, message_id, status, json_output)
            return
    else:
        message_id = stored.message_id
    try:
        result = handle(rt, message_id)
    except Exception:
        result = None  # handle() stored the failed step and its error on the message
    if result is not None and json_output:
        typer.echo(result.trace.model_dump_json(indent=2))
    status, reason, detail = _outcome(rt.sessions, message_id)
    if not json_output:
        typer.echo(f"message {message_id}: {status}" + (f" ({reason})" if reason else ""))
    if status == "failed":
        raise fail(f"message {message_id} failed: {detail or reason}", 1)


def _print_skipped(
    loaded: Settings, stored: quick.Stored, skipped: quick.Skipped, json_output: bool
) -> None:
    """What `handle` and the screen step print and log for a skipped email."""
    import logging

    if logging.getLogger().isEnabledFor(logging.INFO):
        import structlog

        from knowreply.logs import configure_logging

        configure_logging(loaded.log_level, loaded.log_format)
        structlog.get_logger("knowreply.pipeline.outcome").info(
            "pipeline.skipped",
            message_id=stored.message_id,
            workspace_id=stored.workspace_id,
            reason=skipped.reason,
        )
    if json_output:
        from knowreply.agent.trace import Outcome, Trace

        trace = Trace(
            outcome=Outcome.SKIPPED, reason=skipped.reason, sender=stored.sender, verified=False
        )
        typer.echo(trace.model_dump_json(indent=2))
    else:
        typer.echo(f"message {stored.message_id}: skipped ({skipped.reason})")


def _outcome(
    sessions: sessionmaker[Session], message_id: int
) -> tuple[str, str | None, str | None]:
    """The message's status, its stable reason and the words for people, as stored."""
    from knowreply.db.models import Message

    with sessions() as session:
        message = session.get(Message, message_id)
        assert message is not None
        return message.status, message.status_reason, message.status_detail


def _already_handled(
    sessions: sessionmaker[Session], message_id: int, status: str, json_output: bool
) -> None:
    from sqlalchemy import select

    from knowreply.db.models import AgentRun

    with sessions() as session:
        run = session.scalar(
            select(AgentRun).where(AgentRun.message_id == message_id).order_by(AgentRun.id.desc())
        )
    if json_output and run is not None:
        typer.echo(json.dumps(run.trace, indent=2))
    else:
        typer.echo(f"message {message_id}: already stored and handled ({status})")
    if status == "failed":
        _, reason, detail = _outcome(sessions, message_id)
        raise fail(f"message {message_id} failed: {detail or reason}", 1)


@mailbox_app.command("add-imap")
@clean_errors
def add_imap(
    host: Annotated[str, typer.Option(help="IMAP server.")],
    username: Annotated[str, typer.Option(help="Sign-in name, usually the address.")],
    name: Annotated[str, typer.Option(help="A name for this mailbox.")] = "support",
    port: Annotated[int, typer.Option(help="993 for ssl, 143 for starttls/none.")] = 993,
    tls: Annotated[str, typer.Option(help="ssl, starttls or none.")] = "ssl",
    folder: Annotated[str, typer.Option(help="Folder to watch.")] = "INBOX",
    mark_seen: Annotated[bool, typer.Option(help="Mark handled mail as read.")] = True,
    history: Annotated[
        bool, typer.Option(help="Also answer mail already in the folder (default: only new).")
    ] = False,
    password_env: PasswordEnv = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Connect an IMAP mailbox; the worker watches it (IDLE or polling). Checks the login."""
    from knowreply.db.session import transaction
    from knowreply.mail import setup
    from knowreply.workspaces import resolve_workspace

    rt = runtime()
    password = secret_from(password_env, option="--password-env", prompt="IMAP password")
    with transaction(rt.sessions) as session:
        ws = resolve_workspace(session, workspace)
        setup.connect_imap(
            session,
            rt.master_key,
            ws,
            name=name,
            host=host,
            username=username,
            password=password,
            port=port,
            tls=tls,
            folder=folder,
            mark_seen=mark_seen,
            history=history,
        )
    start = "everything in the folder" if history else "new mail only"
    typer.echo(f"Connected the mailbox {name!r} ({username} on {host}); the worker reads {start}.")


@mailbox_app.command("set-smtp")
@clean_errors
def set_smtp(
    host: Annotated[str, typer.Option(help="SMTP server replies are sent through.")],
    from_address: Annotated[str, typer.Option("--from", help="The From of our replies.")],
    port: Annotated[int, typer.Option(help="587 for starttls, 465 for ssl.")] = 587,
    tls: Annotated[str, typer.Option(help="ssl, starttls or none.")] = "starttls",
    username: Annotated[str | None, typer.Option(help="Sign-in name, if any.")] = None,
    password_env: PasswordEnv = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Set the SMTP account replies go out through (one per workspace)."""
    from knowreply.db.session import transaction
    from knowreply.mail import accounts
    from knowreply.workspaces import resolve_workspace

    rt = runtime()
    password = (
        secret_from(password_env, option="--password-env", prompt="SMTP password")
        if username
        else None
    )
    with transaction(rt.sessions) as session:
        ws = resolve_workspace(session, workspace)
        accounts.set_smtp_account(
            session,
            rt.master_key,
            ws,
            host=host,
            from_address=from_address,
            port=port,
            tls=tls,
            username=username,
            password=password,
        )
    typer.echo(f"Replies go out through {host}:{port} from {from_address}.")


@mailbox_app.command("add-address")
@clean_errors
def add_address(
    address: Annotated[str, typer.Argument(help="An address mail arrives at.")],
    workspace: WorkspaceOption = None,
) -> None:
    """Route an address to this workspace (inbound SMTP and provider webhooks)."""
    from knowreply.db.session import transaction
    from knowreply.mail import accounts
    from knowreply.workspaces import resolve_workspace

    rt = runtime()
    with transaction(rt.sessions) as session:
        ws = resolve_workspace(session, workspace)
        row = accounts.add_inbound_address(session, ws, address)
        typer.echo(f"Mail to {row.address} goes to {ws.name!r}.")


@mailbox_app.command("set-webhook")
@clean_errors
def set_webhook(
    provider: Annotated[str, typer.Argument(help="postmark, mailgun, sendgrid or ses.")],
    username: Annotated[
        str | None, typer.Option(help="postmark/sendgrid: basic-auth user in the URL.")
    ] = None,
    topic_arn: Annotated[str | None, typer.Option(help="ses: the SNS topic ARN.")] = None,
    secret_env: Annotated[
        str | None,
        typer.Option(
            "--secret-env",
            help="Variable holding the basic-auth password (postmark/sendgrid) or the "
            "signing key (mailgun); asked for when not given.",
        ),
    ] = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Store a provider's webhook secret; its URL is /webhooks/PROVIDER/WORKSPACE."""
    from knowreply.db.session import transaction
    from knowreply.mail import accounts, setup
    from knowreply.workspaces import resolve_workspace

    rt = runtime()
    if provider not in accounts.WEBHOOK_PROVIDERS:
        raise fail(f"provider {provider!r}: use {', '.join(accounts.WEBHOOK_PROVIDERS)}", 1)
    secret: str | None = None
    if provider == "mailgun":
        secret = secret_from(
            secret_env, option="--secret-env", prompt="Mailgun webhook signing key"
        )
    elif provider != "ses" and username:
        secret = secret_from(secret_env, option="--secret-env", prompt="Webhook password")
    try:
        known, secrets = setup.webhook_secrets_for(
            provider, username=username, secret=secret, topic_arn=topic_arn
        )
    except accounts.MailSettingsError as error:
        raise fail(error.detail, 1) from None
    with transaction(rt.sessions) as session:
        ws = resolve_workspace(session, workspace)
        accounts.set_webhook_secrets(session, rt.master_key, ws, known, secrets)
        url = setup.webhook_url(rt.settings.public_url, provider, ws.name)
    typer.echo(f"Saved. Point {provider} at {url}")


@mailbox_app.command("list")
@clean_errors
def list_(workspace: WorkspaceOption = None) -> None:
    """Mailboxes with their status and last error; the SMTP account; inbound addresses."""
    from knowreply.mail import accounts
    from knowreply.workspaces import resolve_workspace

    rt = runtime()
    with rt.sessions() as session:
        ws = resolve_workspace(session, workspace)
        for mailbox in accounts.list_mailboxes(session, ws.id):
            view = accounts.view_mailbox(mailbox)
            polled = (
                view.last_polled_at.isoformat(timespec="seconds")
                if view.last_polled_at
                else "never"
            )
            error = f"\t{view.last_error}" if view.last_error else ""
            typer.echo(
                f"imap\t{view.name}\t{view.username}@{view.host}:{view.port}/{view.folder}"
                f"\t{view.status}\tpolled {polled}{error}"
            )
        account = accounts.smtp_account(session, ws.id)
        if account is not None:
            typer.echo(
                f"smtp\t{account.from_address}\t{account.host}:{account.port} ({account.tls})"
            )
        for address in sorted(accounts.own_addresses(session, ws.id)):
            typer.echo(f"own address\t{address}")
