"""What an operator scripts from the dashboard: `token`, `settings` and `approvals`.

Without ``--as EMAIL`` the command acts as the operator (an owner, audited as `operator`);
with it, as that member, with the same role checks as the dashboard (a refusal is audited
and exits with code 1).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from knowreply.cli.common import WorkspaceOption, clean_errors, fail, runtime, secret_from
from knowreply.errors import KnowreplyError, NotFound

if TYPE_CHECKING:
    from knowreply.access import Operator
    from knowreply.runtime import Runtime

token_app = typer.Typer(help="API tokens for the JSON API (Bearer kr_…).", no_args_is_help=True)
settings_app = typer.Typer(help="Show and change workspace settings.", no_args_is_help=True)
approvals_app = typer.Typer(help="Actions waiting for a person.", no_args_is_help=True)

AsOption = Annotated[
    str | None,
    typer.Option("--as", help="Act as this member (their role applies); default: the operator."),
]


def _caller(rt: Runtime, workspace: str | None, as_email: str | None) -> Operator:
    from sqlalchemy import select

    from knowreply.access import Operator, as_role
    from knowreply.db.models import Member
    from knowreply.workspaces import resolve_workspace

    with rt.sessions() as session:
        workspace_id = resolve_workspace(session, workspace).id
        if as_email is None:
            return Operator(workspace_id)
        member = session.scalar(
            select(Member).where(
                Member.workspace_id == workspace_id, Member.email == as_email.strip().lower()
            )
        )
        if member is None:
            raise NotFound(f"{as_email} is not a member of this workspace")
        return Operator(workspace_id, member.email, as_role(member.role), member.id)


@contextmanager
def _audited(rt: Runtime) -> Iterator[None]:
    """A refusal is recorded in the audit log before the command fails."""
    from knowreply.access import Forbidden, record_refusal

    try:
        yield
    except Forbidden as error:
        record_refusal(rt.sessions, error)
        raise


# --- token ------------------------------------------------------------------------------------


@token_app.command("create")
@clean_errors
def token_create(
    name: Annotated[str, typer.Argument(help="What it is for, such as ci.")],
    scope: Annotated[str, typer.Option(help="read (GET only) or full.")] = "read",
    workspace: WorkspaceOption = None,
    as_email: AsOption = None,
) -> None:
    """Create a token and print it once (only its hash is kept)."""
    from knowreply.access import Scope
    from knowreply.db.session import transaction
    from knowreply.web import accounts

    if scope not in ("read", "full"):
        raise fail("--scope is read or full", 2)
    token_scope: Scope = "full" if scope == "full" else "read"
    rt = runtime()
    caller = _caller(rt, workspace, as_email)
    with _audited(rt), transaction(rt.sessions) as session:
        _, secret = accounts.create_api_token(
            session, caller, name=name, scope=token_scope, member_id=caller.member_id
        )
    typer.echo(secret)
    typer.echo("Keep it now: it is not shown again.", err=True)


@token_app.command("list")
@clean_errors
def token_list(workspace: WorkspaceOption = None, as_email: AsOption = None) -> None:
    """Tokens with their owner, scope, creation and last use (never the secret)."""
    from knowreply.web import accounts

    rt = runtime()
    caller = _caller(rt, workspace, as_email)
    with _audited(rt), rt.sessions() as session:
        tokens = accounts.list_api_tokens(session, caller)
    typer.echo("id\tname\towner\tscope\tcreated\tlast_used\tstate")
    for t in tokens:
        used = t.last_used_at.isoformat(timespec="seconds") if t.last_used_at else "never"
        state = "revoked" if t.revoked_at else "active"
        created = t.created_at.isoformat(timespec="seconds")
        typer.echo(f"{t.id}\t{t.name}\t{t.owner}\t{t.scope}\t{created}\t{used}\t{state}")


@token_app.command("revoke")
@clean_errors
def token_revoke(
    token_id: Annotated[int, typer.Argument(help="The id from `knowreply token list`.")],
    workspace: WorkspaceOption = None,
    as_email: AsOption = None,
) -> None:
    """Revoke a token: it stops working with its next request."""
    from knowreply.db.session import transaction
    from knowreply.web import accounts

    rt = runtime()
    caller = _caller(rt, workspace, as_email)
    with _audited(rt), transaction(rt.sessions) as session:
        view = accounts.revoke_api_token(session, caller, token_id)
    typer.echo(f"Revoked the token {view.name!r}.")


# --- settings ---------------------------------------------------------------------------------


@settings_app.command("show")
@clean_errors
def settings_show(workspace: WorkspaceOption = None) -> None:
    """The settings as JSON (the LLM key only as set or not)."""
    from knowreply import workspace_settings as ws

    rt = runtime()
    caller = _caller(rt, workspace, None)
    with rt.sessions() as session:
        typer.echo(json.dumps(ws.view(session, caller.workspace_id).model_dump(), indent=2))


def _parse_pairs(pairs: list[str]) -> dict[str, object]:
    """KEY=VALUE words as a settings change; list fields take comma-separated values."""
    from knowreply import workspace_settings as ws

    data: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise KnowreplyError(f"{pair!r}: write KEY=VALUE, such as refund_cap_minor=5000")
        field = ws.SettingsChange.model_fields.get(name)
        if field is not None and "list[" in str(field.annotation):
            data[name] = [v.strip() for v in value.split(",") if v.strip()]
        else:
            data[name] = value
    return data


@settings_app.command("set")
@clean_errors
def settings_set(
    pairs: Annotated[list[str], typer.Argument(help="KEY=VALUE, as in `settings show`.")],
    workspace: WorkspaceOption = None,
    as_email: AsOption = None,
    llm_api_key_env: Annotated[
        str | None,
        typer.Option(help="Read the LLM API key from this environment variable."),
    ] = None,
) -> None:
    """Change settings, validated and role-checked like the dashboard."""
    from knowreply import workspace_settings as ws
    from knowreply.db.session import transaction

    data = _parse_pairs(pairs)
    if llm_api_key_env is not None:
        data["llm_api_key"] = secret_from(
            llm_api_key_env, option="--llm-api-key-env", prompt="LLM API key"
        )
    rt = runtime()
    caller = _caller(rt, workspace, as_email)
    change = ws.parse_change(data)
    with _audited(rt), transaction(rt.sessions) as session:
        changed = ws.update(
            session,
            caller,
            change,
            master_key=rt.master_key,
            allow_private_urls=rt.settings.allow_private_llm_urls,
        )
    typer.echo(f"Changed: {', '.join(changed)}." if changed else "Nothing changed.")


# --- approvals --------------------------------------------------------------------------------


@approvals_app.command("list")
@clean_errors
def approvals_list(workspace: WorkspaceOption = None) -> None:
    """Actions waiting for a person: id, kind, amount, customer, created."""
    from knowreply.web import repository

    rt = runtime()
    caller = _caller(rt, workspace, None)
    with rt.sessions() as session:
        pending = repository.actions(session, caller.workspace_id, [repository.PENDING])
    typer.echo("id\tkind\tamount\tcustomer\tcreated")
    for action in pending:
        created = action.created_at.isoformat(timespec="seconds")
        amount = action.amount or ("to set" if action.at_most else "-")
        typer.echo(f"{action.id}\t{action.kind}\t{amount}\t{action.customer_id}\t{created}")


def _decide(
    action_id: int,
    approve: bool,
    workspace: str | None,
    as_email: str | None,
    amount: str | None = None,
) -> None:
    import asyncio

    from knowreply.pipeline.decisions import decide_and_reply
    from knowreply.pipeline.workflow import MessageQueue

    rt = runtime()
    caller = _caller(rt, workspace, as_email)
    queue = MessageQueue.open(rt)
    try:
        with _audited(rt):
            trace = asyncio.run(
                decide_and_reply(rt, queue, caller, action_id, approve, amount=amount)
            )
    finally:
        queue.close()
    typer.echo(f"{trace.outcome.value}: {trace.reason or 'done'}")


@approvals_app.command("approve")
@clean_errors
def approvals_approve(
    action_id: Annotated[int, typer.Argument(help="The id from `knowreply approvals list`.")],
    workspace: WorkspaceOption = None,
    as_email: AsOption = None,
    amount: Annotated[
        str | None,
        typer.Option(
            help="For a refund planned without an amount: how much to refund ('12.50', in "
            "the payment's currency). The list shows 'to set' for those."
        ),
    ] = None,
) -> None:
    """Approve: the agent carries the action out; a worker sends the reply."""
    _decide(action_id, True, workspace, as_email, amount)


@approvals_app.command("reject")
@clean_errors
def approvals_reject(
    action_id: Annotated[int, typer.Argument(help="The id from `knowreply approvals list`.")],
    workspace: WorkspaceOption = None,
    as_email: AsOption = None,
) -> None:
    """Reject: nothing is done in Stripe; the email goes to a person to answer."""
    _decide(action_id, False, workspace, as_email)
