"""Fetch new mail from an IMAP mailbox, remembering where we stopped (UIDVALIDITY + last UID).

The caller owns persistence. The order that loses nothing is: `fetch_new` -> store every
message of the batch -> save `batch.cursor` -> `mark_seen`. A crash between the steps means
the next fetch sees the same messages again; they are deduplicated downstream by Message-ID.
`watch` runs that loop for as long as the caller wants, woken by IDLE or by polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

import structlog
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from knowreply.mail.inbound import InboundEnvelope, utc_now

log = structlog.get_logger(__name__)

TlsMode = Literal["ssl", "starttls", "none"]


@dataclass(frozen=True, kw_only=True)
class ImapMailboxConfig:
    """Where a workspace's support mailbox lives and how to read it."""

    host: str
    port: int = 993
    tls: TlsMode = "ssl"
    username: str
    password: str = field(repr=False)
    folder: str = "INBOX"
    mark_seen: bool = True
    """Set \\Seen on messages once they are stored (never before)."""
    max_bytes: int = 10 * 1024 * 1024
    """Messages larger than this are reported as `TooLarge`, their body is not downloaded."""
    batch_size: int = 50
    """At most this many messages per `fetch_new`; `FetchBatch.has_more` says to call again."""
    timeout: float = 60.0
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False)
    """TLS settings; the default verifies the server certificate against the system CAs."""


@dataclass(frozen=True)
class ImapCursor:
    """How far a mailbox folder has been read. Only meaningful with its UIDVALIDITY."""

    uidvalidity: int
    last_uid: int


@dataclass(frozen=True)
class TooLarge:
    """A message over `max_bytes`: reported so the caller can record it, body not fetched."""

    uid: int
    size: int


@dataclass(frozen=True)
class FetchBatch:
    messages: list[tuple[int, InboundEnvelope | TooLarge]]
    """(UID, message) in UID order."""
    cursor: ImapCursor
    """Save this once every message of the batch is stored."""
    uidvalidity_changed: bool = False
    """The folder was recreated: the cursor was reset and the folder is read from the start."""
    has_more: bool = False


class MailboxError(Exception):
    """The mailbox could not be read. Permanent errors need the operator (bad password,
    missing folder, bad certificate); transient ones (network, server busy) heal by retrying."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent


def fetch_new(config: ImapMailboxConfig, cursor: ImapCursor | None) -> FetchBatch:
    """The messages that arrived after `cursor` (all messages when `cursor` is None)."""
    with _mailbox_errors(config), _session(config) as client:
        return _fetch_batch(client, config, cursor)


def current_cursor(config: ImapMailboxConfig) -> ImapCursor:
    """A cursor past everything already in the folder: connect a mailbox without its history."""
    with _mailbox_errors(config), _session(config) as client:
        uidvalidity = _select(client, config.folder, readonly=True)
        uids = client.search(["ALL"])
        return ImapCursor(uidvalidity=uidvalidity, last_uid=max(uids, default=0))


def mark_seen(config: ImapMailboxConfig, uids: Sequence[int], *, uidvalidity: int) -> bool:
    """Set \\Seen on exactly `uids`; call it only after they are stored.

    Returns False (marking nothing) when the folder's UIDVALIDITY is no longer `uidvalidity`,
    because the UIDs would then name other messages. Does nothing if `config.mark_seen` is off.
    """
    if not config.mark_seen or not uids:
        return True
    with _mailbox_errors(config), _session(config) as client:
        if _select(client, config.folder, readonly=False) != uidvalidity:
            return False
        client.add_flags(list(uids), [b"\\Seen"], silent=True)
        return True


async def fetch_new_async(config: ImapMailboxConfig, cursor: ImapCursor | None) -> FetchBatch:
    return await asyncio.to_thread(fetch_new, config, cursor)


async def mark_seen_async(
    config: ImapMailboxConfig, uids: Sequence[int], *, uidvalidity: int
) -> bool:
    return await asyncio.to_thread(mark_seen, config, uids, uidvalidity=uidvalidity)


async def watch(
    config: ImapMailboxConfig,
    cursor: ImapCursor | None,
    on_batch: Callable[[FetchBatch], Awaitable[None]],
    stop: asyncio.Event,
    *,
    poll_interval: float = 60.0,
    use_idle: bool = True,
    reidle_after: float = 25 * 60,
    max_backoff: float = 300.0,
) -> None:
    """Hand every new batch to `on_batch` until `stop` is set.

    `on_batch` must return only once the batch (and its cursor) is stored; if it raises, the
    same messages are offered again after a backoff. Waits with IDLE when the server offers it
    (renewed every `reidle_after` seconds, which also detects a dead connection), otherwise
    polls every `poll_interval` seconds (`use_idle=False` forces polling, for servers whose
    IDLE misbehaves). Network errors reconnect with exponential backoff;
    a permanent `MailboxError` (bad password, missing folder) is raised to the caller.
    """
    watcher = _Watcher(config, cursor, on_batch, stop, poll_interval, use_idle, reidle_after)
    stop_flag = threading.Event()
    mirror = asyncio.create_task(_mirror(stop, stop_flag))
    backoff = 1.0
    try:
        while not stop.is_set():
            try:
                await watcher.run_session(stop_flag)
            except MailboxError as exc:
                if exc.permanent:
                    raise
                log.warning("mail.imap.watch.retry", host=config.host, error=exc.message)
            except Exception as exc:
                log.warning("mail.imap.watch.retry", host=config.host, error=repr(exc))
            if watcher.healthy:
                backoff = 1.0
            await _sleep_unless_stopped(stop, backoff)
            backoff = min(backoff * 2, max_backoff)
    finally:
        stop_flag.set()
        mirror.cancel()


class _Watcher:
    """One mailbox's watch loop; the cursor survives reconnections."""

    def __init__(
        self,
        config: ImapMailboxConfig,
        cursor: ImapCursor | None,
        on_batch: Callable[[FetchBatch], Awaitable[None]],
        stop: asyncio.Event,
        poll_interval: float,
        use_idle: bool,
        reidle_after: float,
    ) -> None:
        self.config = config
        self.cursor = cursor
        self.on_batch = on_batch
        self.stop = stop
        self.poll_interval = poll_interval
        self.use_idle = use_idle
        self.reidle_after = reidle_after
        self.healthy = False
        """A batch went through in the last session: the next error starts a fresh backoff."""

    async def run_session(self, stop_flag: threading.Event) -> None:
        self.healthy = False
        with _mailbox_errors(self.config):
            client = await asyncio.to_thread(_connect, self.config)
        try:
            with _mailbox_errors(self.config):
                can_idle = self.use_idle and b"IDLE" in await asyncio.to_thread(client.capabilities)
            while not self.stop.is_set():
                with _mailbox_errors(self.config):
                    batch = await asyncio.to_thread(_fetch_batch, client, self.config, self.cursor)
                if batch.messages or batch.cursor != self.cursor:
                    await self.on_batch(batch)
                    self.cursor = batch.cursor
                self.healthy = True
                if batch.has_more:
                    continue
                if can_idle:
                    with _mailbox_errors(self.config):
                        await asyncio.to_thread(
                            _idle_until_news, client, stop_flag, self.reidle_after
                        )
                else:
                    await _sleep_unless_stopped(self.stop, self.poll_interval)
        finally:
            await asyncio.to_thread(_logout_quietly, client)


async def _mirror(stop: asyncio.Event, stop_flag: threading.Event) -> None:
    """Let the IMAP thread see the asyncio stop event."""
    await stop.wait()
    stop_flag.set()


async def _sleep_unless_stopped(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def _idle_until_news(
    client: IMAPClient, stop_flag: threading.Event, reidle_after: float, tick: float = 1.0
) -> None:
    """IDLE until the server says something, `stop_flag` is set or it is time to re-IDLE."""
    client.idle()
    started = time.monotonic()
    try:
        while not stop_flag.is_set() and time.monotonic() - started < reidle_after:
            if client.idle_check(timeout=tick):
                return
    finally:
        client.idle_done()


def _fetch_batch(
    client: IMAPClient, config: ImapMailboxConfig, cursor: ImapCursor | None
) -> FetchBatch:
    uidvalidity = _select(client, config.folder, readonly=True)
    changed = cursor is not None and cursor.uidvalidity != uidvalidity
    last_uid = cursor.last_uid if cursor is not None and not changed else 0
    # "UID n:*" always matches the highest UID, even when it is below n: filter here.
    found = sorted(uid for uid in client.search(["UID", f"{last_uid + 1}:*"]) if uid > last_uid)
    wanted = found[: config.batch_size]
    sizes = client.fetch(wanted, ["RFC822.SIZE", "INTERNALDATE"]) if wanted else {}
    small = [uid for uid in wanted if uid in sizes and _size(sizes[uid]) <= config.max_bytes]
    bodies = client.fetch(small, ["BODY.PEEK[]"]) if small else {}
    messages: list[tuple[int, InboundEnvelope | TooLarge]] = []
    for uid in wanted:
        if uid not in sizes:
            continue  # expunged between SEARCH and FETCH
        if uid in bodies:
            envelope = InboundEnvelope(
                raw=bytes(bodies[uid][b"BODY[]"]),
                received_via="imap",
                received_at=_as_utc(sizes[uid].get(b"INTERNALDATE")),
            )
            messages.append((uid, envelope))
        elif uid not in small:
            messages.append((uid, TooLarge(uid=uid, size=_size(sizes[uid]))))
    next_uid = wanted[-1] if wanted else last_uid
    return FetchBatch(
        messages=messages,
        cursor=ImapCursor(uidvalidity=uidvalidity, last_uid=next_uid),
        uidvalidity_changed=changed,
        has_more=len(found) > len(wanted),
    )


def _size(item: dict[bytes, object]) -> int:
    size = item[b"RFC822.SIZE"]
    assert isinstance(size, int)
    return size


def _as_utc(internal_date: object) -> datetime:
    if isinstance(internal_date, datetime) and internal_date.tzinfo is not None:
        return internal_date.astimezone(UTC)
    return utc_now()


def _select(client: IMAPClient, folder: str, *, readonly: bool) -> int:
    try:
        status = client.select_folder(folder, readonly=readonly)
    except IMAPClientError as exc:
        raise MailboxError(f"cannot open folder {folder!r}: {exc}", permanent=True) from exc
    return int(status[b"UIDVALIDITY"])


def _connect(config: ImapMailboxConfig) -> IMAPClient:
    context = config.ssl_context or ssl.create_default_context()
    client = IMAPClient(
        config.host,
        port=config.port,
        ssl=config.tls == "ssl",
        ssl_context=context if config.tls == "ssl" else None,
        timeout=config.timeout,
    )
    client.normalise_times = False  # keep INTERNALDATE's timezone
    try:
        if config.tls == "starttls":
            client.starttls(context)
        client.login(config.username, config.password)
    except BaseException:
        client.shutdown()
        raise
    return client


@contextlib.contextmanager
def _session(config: ImapMailboxConfig) -> Iterator[IMAPClient]:
    client = _connect(config)
    try:
        yield client
    finally:
        _logout_quietly(client)


def _logout_quietly(client: IMAPClient) -> None:
    try:
        client.logout()
    except (IMAPClientError, OSError):
        with contextlib.suppress(OSError):
            client.shutdown()


@contextlib.contextmanager
def _mailbox_errors(config: ImapMailboxConfig) -> Iterator[None]:
    """Turn library and network errors into `MailboxError`, telling operator faults apart."""
    where = f"{config.host}:{config.port}"
    try:
        yield
    except MailboxError:
        raise
    except LoginError as exc:
        raise MailboxError(f"{where} refused the username or password", permanent=True) from exc
    except ssl.SSLCertVerificationError as exc:
        raise MailboxError(f"{where} has an untrusted certificate: {exc}", permanent=True) from exc
    except (IMAPClientError, OSError) as exc:
        raise MailboxError(f"{where}: {exc!r}", permanent=False) from exc
