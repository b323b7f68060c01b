"""The worker's mailbox thread on a real Dovecot mailbox: how it stops."""

from __future__ import annotations

import asyncio
import time

import pytest
from structlog.testing import capture_logs

from knowreply.pipeline.mailboxes import MailboxService, MailboxThread
from knowreply.pipeline.workflow import MessageQueue
from knowreply.runtime import Runtime
from tests.pipeline.conftest import Support

pytestmark = pytest.mark.imap


async def test_a_stopped_worker_ends_each_imap_session_itself(
    runtime: Runtime, connected: Support
) -> None:
    """Stopping must not cancel a watcher waiting in IDLE: its logout would race the IDLE
    thread for the connection's replies, and the worker would hang on SIGTERM."""
    queue = MessageQueue.open(runtime)
    watchers = MailboxThread(MailboxService(runtime, queue, poll_interval=3600))
    try:
        with capture_logs() as logs:
            watchers.start()
            deadline = time.monotonic() + 30
            while not any(log["event"] == "mail.imap.batch" for log in logs):  # then IDLE
                assert time.monotonic() < deadline, "the empty folder's first cursor is saved"
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.5)
            await asyncio.to_thread(watchers.stop)
    finally:
        queue.close()
    assert [log["event"] for log in logs if log["event"].startswith("mail.imap.watch")] == [
        "mail.imap.watch.start",
        "mail.imap.watch.end",
    ]
