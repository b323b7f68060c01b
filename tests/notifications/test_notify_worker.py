"""A real `knowreply worker` sends what waits: its notifier thread delivers within seconds,
and only once."""

from __future__ import annotations

import asyncio
import time

from knowreply.runtime import Runtime
from tests.mailservers import run_smtp_sink
from tests.notifications.conftest import MEMBER, OWNER, email_reaches
from tests.pipeline.conftest import configure_support
from tests.pipeline.worker import WorkerProcess


async def test_the_worker_emails_members_once_within_seconds(
    runtime: Runtime, team: int, cli_env: dict[str, str]
) -> None:
    worker = WorkerProcess(cli_env)
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        await asyncio.to_thread(worker.start)
        try:
            started = time.monotonic()
            email_reaches(runtime, team, "escalated")
            while len(sink.received) < 2:
                await asyncio.wait_for(sink.arrived.wait(), timeout=30)
                sink.arrived.clear()
            took = time.monotonic() - started
            await asyncio.sleep(2.5)  # more polls of the notifier: nothing more goes out
        finally:
            await asyncio.to_thread(worker.stop)
    assert sorted(item.rcpt_to[0] for item in sink.received) == [MEMBER, OWNER]
    print(f"notified in {took:.1f} s")
