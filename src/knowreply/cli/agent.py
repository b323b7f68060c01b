"""`knowreply simulate`: the agent on a test message, exactly as the dashboard's Simulator."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from knowreply.cli.common import WorkspaceOption, address_option, clean_errors, fail, runtime


@clean_errors
def simulate(
    sender: Annotated[str, typer.Option("--from", help="The customer's address.")],
    subject: Annotated[str, typer.Option(help="The email's subject.")] = "",
    body: Annotated[str | None, typer.Option(help="The email's text.")] = None,
    body_file: Annotated[
        Path | None, typer.Option(help="Read the text from this file.", exists=True)
    ] = None,
    verified: Annotated[
        bool, typer.Option("--verified/--unverified", help="Treat the sender as verified.")
    ] = False,
    workspace: WorkspaceOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print the trace as JSON.")] = False,
) -> None:
    """Run the agent on a test message without sending email; prints the trace."""
    import asyncio

    from knowreply.agent.runner import run_agent  # heavy imports only when used
    from knowreply.agent.trace import AgentInput
    from knowreply.workspaces import resolve_workspace

    address = address_option(sender, option="--from")
    if (body is None) == (body_file is None):
        raise fail("give the text with --body or --body-file (one of them)", 1)
    text = body if body is not None else body_file.read_text(errors="replace")  # type: ignore[union-attr]
    rt = runtime()
    with rt.sessions() as session:
        workspace_id = resolve_workspace(session, workspace).id
    trace = asyncio.run(
        run_agent(
            rt,
            AgentInput.written(
                workspace_id=workspace_id,
                sender=address,
                subject=subject,
                text=text,
                verified=verified,
                source="simulator",
            ),
        )
    )
    if json:
        typer.echo(trace.model_dump_json(exclude={"run_id"}))
        return
    typer.echo(f"outcome: {trace.outcome}" + (f" ({trace.reason})" if trace.reason else ""))
    for call in trace.tool_calls:
        typer.echo(
            f"  tool {call.name} {call.args} -> {call.status}"
            + (f": {call.error}" if call.error else "")
        )
    if trace.reply:
        if trace.reply.kind == "acknowledgement":
            typer.echo("\nWould acknowledge (the reply follows the decision):")
        typer.echo(f"\nTo: {trace.reply.to}\nSubject: {trace.reply.subject}\n\n{trace.reply.text}")
