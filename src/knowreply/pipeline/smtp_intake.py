"""Inbound SMTP for `knowreply serve --smtp-port`: recipient -> workspace, store, enqueue."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from knowreply.mail.accounts import workspace_for_address
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.smtp_in import InboundSmtpServer, start_smtp_server
from knowreply.pipeline.intake import accept
from knowreply.pipeline.workflow import MessageQueue
from knowreply.runtime import Runtime


@contextlib.asynccontextmanager
async def serve_smtp(
    runtime: Runtime, host: str, port: int, queue: MessageQueue | None = None
) -> AsyncIterator[InboundSmtpServer]:
    """Listen until the block exits; 250 is answered only once the message is stored."""
    own_queue = queue is None
    used = queue if queue is not None else await asyncio.to_thread(MessageQueue.open, runtime)

    def resolve(address: str) -> str | None:
        with runtime.sessions() as session:
            workspace_id = workspace_for_address(session, address)
        return None if workspace_id is None else str(workspace_id)

    async def resolve_async(address: str) -> str | None:
        return await asyncio.to_thread(resolve, address)

    async def deliver(envelope: InboundEnvelope, workspaces: dict[str, str]) -> None:
        # One copy per workspace the recipients belong to (usually exactly one).
        for workspace in sorted(set(workspaces.values())):
            await asyncio.to_thread(accept, runtime, used, int(workspace), envelope)

    server = await start_smtp_server(host, port, resolve_recipient=resolve_async, deliver=deliver)
    try:
        yield server
    finally:
        await server.stop()
        if own_queue:
            used.close()
