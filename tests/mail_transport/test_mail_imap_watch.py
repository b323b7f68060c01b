"""The long-running mailbox watcher: woken by IDLE, or polling, and never dropping a batch."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest

from knowreply.mail.imap import FetchBatch, ImapMailboxConfig, MailboxError, watch
from knowreply.mail.inbound import InboundEnvelope
from mailservers import Mailbox

pytestmark = pytest.mark.imap

EMAIL = b"From: carol@example.com\r\nSubject: where is my refund\r\n\r\nHi\r\n"


class Store:
    """What the pipeline would store, batch by batch; can be told to fail once."""

    def __init__(self, *, fail_first: bool = False) -> None:
        self.batches: list[FetchBatch] = []
        self.failures_left = 1 if fail_first else 0
        self.changed = asyncio.Event()

    async def __call__(self, batch: FetchBatch) -> None:
        self.changed.set()
        if self.failures_left:
            self.failures_left -= 1
            raise RuntimeError("database is down")
        self.batches.append(batch)

    async def wait_for(self, condition: Callable[[], bool]) -> None:
        async with asyncio.timeout(20):
            while not condition():
                self.changed.clear()
                await self.changed.wait()

    def uids(self) -> list[int]:
        return [uid for batch in self.batches for uid, _ in batch.messages]


@asynccontextmanager
async def watching(
    config: ImapMailboxConfig, store: Store, *, poll_interval: float = 60, use_idle: bool = True
) -> AsyncIterator[None]:
    stop = asyncio.Event()
    task = asyncio.create_task(
        watch(config, None, store, stop, poll_interval=poll_interval, use_idle=use_idle)
    )
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)


async def test_idle_wakes_the_watcher_when_mail_arrives(mailbox: Mailbox) -> None:
    store = Store()
    # An hour between polls: only IDLE can deliver the new message during this test.
    async with watching(mailbox.config(), store, poll_interval=3600):
        await store.wait_for(lambda: len(store.batches) == 1)  # the empty folder, first cursor
        uid = await asyncio.to_thread(mailbox.deliver, EMAIL)
        await store.wait_for(lambda: uid in store.uids())

    envelope = store.batches[-1].messages[0][1]
    assert isinstance(envelope, InboundEnvelope)
    assert envelope.raw == EMAIL
    assert store.batches[-1].cursor.last_uid == uid


async def test_without_idle_the_watcher_polls(mailbox: Mailbox) -> None:
    store = Store()
    async with watching(mailbox.config(), store, poll_interval=0.2, use_idle=False):
        await store.wait_for(lambda: len(store.batches) == 1)
        uid = await asyncio.to_thread(mailbox.deliver, EMAIL)
        await store.wait_for(lambda: uid in store.uids())

    assert store.uids() == [uid]


async def test_a_batch_that_failed_to_store_is_offered_again(mailbox: Mailbox) -> None:
    uid = mailbox.deliver(EMAIL)
    store = Store(fail_first=True)

    async with watching(mailbox.config(), store):
        await store.wait_for(lambda: bool(store.batches))

    assert store.failures_left == 0
    assert store.uids() == [uid]


async def test_a_wrong_password_stops_the_watcher_with_the_reason(mailbox: Mailbox) -> None:
    stop = asyncio.Event()

    with pytest.raises(MailboxError) as caught:
        await asyncio.wait_for(watch(mailbox.config(password="wrong"), None, Store(), stop), 20)

    assert caught.value.permanent
