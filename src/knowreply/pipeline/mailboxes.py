"""The worker's IMAP side: one watcher per configured mailbox.

For each batch: store every message and enqueue it -> save the cursor -> mark seen. A crash
between the steps re-fetches the same messages, which storage deduplicates by Message-ID.
A permanent mailbox error (bad password, missing folder) stops that mailbox's watcher and
shows on its status; mailboxes added later are picked up on the next refresh.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from dataclasses import dataclass, field

import structlog

from knowreply.db.models import Mailbox
from knowreply.db.session import transaction
from knowreply.mail.accounts import (
    imap_config,
    list_mailboxes,
    mailbox_cursor,
    save_cursor,
    set_mailbox_error,
)
from knowreply.mail.imap import FetchBatch, MailboxError, TooLarge, mark_seen_async, watch
from knowreply.mail.store import store_too_large
from knowreply.pipeline.intake import accept
from knowreply.pipeline.workflow import MessageQueue
from knowreply.runtime import Runtime

log = structlog.get_logger(__name__)


@dataclass
class MailboxService:
    runtime: Runtime
    queue: MessageQueue
    poll_interval: float = 60.0
    refresh_interval: float = 30.0
    use_idle: bool = True
    stop_grace: float = 5.0
    """Seconds the watchers have to see `stop` and log out before they are cancelled."""
    _running: dict[int, asyncio.Task[None]] = field(default_factory=dict)

    async def run(self, stop: asyncio.Event) -> None:
        """Watch every active mailbox until `stop` is set."""
        try:
            while not stop.is_set():
                await self._start_new_watchers(stop)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.refresh_interval)
        finally:
            await self._finish_watchers()

    async def _finish_watchers(self) -> None:
        """Let each watcher end its IMAP session itself; cancel only those that do not.

        A watcher cancelled in IDLE would log out from a second thread while the first still
        reads the connection: the two steal each other's replies and both wait for the socket
        timeout (seen as a worker that took over 20 s to stop on SIGTERM)."""
        running = list(self._running.values())
        if not running:
            return
        _, late = await asyncio.wait(running, timeout=self.stop_grace)
        for task in late:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

    async def _start_new_watchers(self, stop: asyncio.Event) -> None:
        mailboxes = await asyncio.to_thread(self._active_mailboxes)
        for mailbox in mailboxes:
            task = self._running.get(mailbox.id)
            if task is None or task.done():
                self._running[mailbox.id] = asyncio.create_task(self._watch(mailbox, stop))

    def _active_mailboxes(self) -> list[Mailbox]:
        with self.runtime.sessions() as session:
            return [m for m in list_mailboxes(session) if m.status == "active"]

    async def _watch(self, mailbox: Mailbox, stop: asyncio.Event) -> None:
        config = imap_config(mailbox, self.runtime.master_key)
        log.info("mail.imap.watch.start", mailbox_id=mailbox.id, host=config.host)

        async def on_batch(batch: FetchBatch) -> None:
            await asyncio.to_thread(self._store_batch, mailbox, batch)
            uids = [uid for uid, _ in batch.messages]
            await mark_seen_async(config, uids, uidvalidity=batch.cursor.uidvalidity)

        try:
            await watch(
                config,
                mailbox_cursor(mailbox),
                on_batch,
                stop,
                poll_interval=self.poll_interval,
                use_idle=self.use_idle,
                # Mail that lands between a fetch and the start of IDLE is not always
                # announced (seen with Dovecot): re-IDLE, hence re-fetch, every poll interval.
                reidle_after=self.poll_interval,
            )
        except MailboxError as error:
            log.error("mail.imap.watch.stopped", mailbox_id=mailbox.id, error=error.message)
            await asyncio.to_thread(self._record_error, mailbox.id, error.message)
        else:
            log.info("mail.imap.watch.end", mailbox_id=mailbox.id)

    def _store_batch(self, mailbox: Mailbox, batch: FetchBatch) -> None:
        for uid, item in batch.messages:
            if isinstance(item, TooLarge):
                with transaction(self.runtime.sessions) as session:
                    store_too_large(
                        session,
                        mailbox.workspace_id,
                        where=f"mailbox {mailbox.name} ({mailbox.folder}, UID {uid})",
                        size=item.size,
                        placeholder_id=(
                            f"<too-large-{batch.cursor.uidvalidity}-{uid}"
                            f"@mailbox-{mailbox.id}.knowreply.invalid>"
                        ),
                    )
            else:
                accept(self.runtime, self.queue, mailbox.workspace_id, item)
        with transaction(self.runtime.sessions) as session:
            save_cursor(session, mailbox.id, batch.cursor)
        log.info("mail.imap.batch", mailbox_id=mailbox.id, count=len(batch.messages))

    def _record_error(self, mailbox_id: int, error: str) -> None:
        with transaction(self.runtime.sessions) as session:
            set_mailbox_error(session, mailbox_id, error)


class MailboxThread:
    """Runs a `MailboxService` on its own event loop thread, next to DBOS in the worker."""

    def __init__(self, service: MailboxService) -> None:
        self._service = service
        self._loop = asyncio.new_event_loop()
        self._stop = asyncio.Event()
        self._thread = threading.Thread(target=self._main, name="mailboxes", daemon=True)

    def _main(self) -> None:
        self._loop.run_until_complete(self._service.run(self._stop))

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)
