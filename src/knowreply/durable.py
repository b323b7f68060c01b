"""The durable engine: DBOS on the same database as the app.

Workers (`knowreply worker`) launch DBOS and run workflows; the web app and the CLI only
enqueue through a `DBOSClient`, so a web request never runs a workflow itself.
"""

from __future__ import annotations

import importlib
import os
import socket
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from dbos import DBOS, DBOSClient, DBOSConfig, Queue

from knowreply import __version__
from knowreply.config import Settings

APP_NAME = "knowreply"


@dataclass(frozen=True)
class QueueSpec:
    name: str
    worker_concurrency: int | None = None
    partition_concurrency: int | None = None
    """Set to make the queue partitioned; a limit across all workers."""
    polling_interval_sec: float = 1.0


_queues: dict[str, QueueSpec] = {}
_launched: dict[str, Queue] = {}


def declare_queue(spec: QueueSpec) -> str:
    """Called at import by modules with workflows; registered when a worker launches."""
    _queues[spec.name] = spec
    return spec.name


def system_database_url(settings: Settings) -> str:
    """DBOS keeps its tables next to ours: the `dbos` schema in PostgreSQL, the same file in
    SQLite."""
    return settings.database.render_as_string(hide_password=False)


def migrate(settings: Settings) -> None:
    """Create or migrate DBOS's own tables (`knowreply init`), so that the web app and the
    CLI can enqueue before any worker has ever started."""
    DBOS.migrate(system_database_url(settings))


def executor_id(settings: Settings) -> str:
    """The configured id, else a new one for this process: a live worker recovers the work
    of a dead one whatever its id (`pipeline.liveness`)."""
    if settings.executor_id:
        return settings.executor_id
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


NOTIFY_EVERY_SECONDS = 1.0
"""How often DBOS's notifier thread wakes to push LISTEN/NOTIFY wake-ups for workflow events
and streams (DBOS's default: every 0.01 s, 100 wake-ups a second per worker process, idle or
not). Knowreply uses neither events nor streams, so nothing waits on it."""


def dbos_config(settings: Settings, executor: str) -> DBOSConfig:
    """No ping before each use of a pooled connection (DBOS's default): DBOS retries every
    system-database operation that loses its connection until it reconnects, so the ping only
    cost a round trip per checkout, about 23 per email (`docs/performance.md`). The notifier
    wakes every `NOTIFY_EVERY_SECONDS`."""
    return {
        "name": APP_NAME,
        "system_database_url": system_database_url(settings),
        "application_version": __version__,
        "executor_id": executor,
        "log_level": settings.log_level.upper(),
        "notification_listener_polling_interval_sec": 0.2,
        "db_engine_kwargs": {"pool_pre_ping": False},
        "notification_coalesce_sec": NOTIFY_EVERY_SECONDS,
    }


def launch(settings: Settings, executor: str, *, workflow_modules: Iterable[str] = ()) -> None:
    """Register the workflows (by importing their modules) and start executing them as
    `executor` (see `executor_id`).

    Pending workflows of this executor id are recovered: a worker killed in the middle of a
    workflow finishes it after restart (other ids: `pipeline.liveness`).
    """
    DBOS(config=dbos_config(settings, executor))
    for module in workflow_modules:
        importlib.import_module(module)
    DBOS.launch()
    for spec in _queues.values():
        _launched[spec.name] = DBOS.register_queue(
            spec.name,
            worker_concurrency=spec.worker_concurrency,
            partition_concurrency=spec.partition_concurrency,
            polling_interval_sec=spec.polling_interval_sec,
        )


def launched_queue(name: str) -> Queue:
    """A queue this worker registered, to enqueue on from a workflow (`DBOS.retrieve_queue`
    would read its row from the database at every enqueue)."""
    return _launched[name]


def shutdown() -> None:
    DBOS.destroy(destroy_registry=False)


def client(settings: Settings) -> DBOSClient:
    """For processes that enqueue work but do not run it (the web app, the CLI)."""
    return DBOSClient(system_database_url=system_database_url(settings), application_name=APP_NAME)
