"""Workers' heartbeats, and recovering the work of a worker that is gone.

DBOS recovers a workflow only in a worker with the executor id that started it. Each
worker writes a heartbeat row every `BEAT_SECONDS`; a worker whose row is older than
`DEAD_AFTER` (killed, its host gone, restarted under another id) is declared dead by the
first live worker that deletes its row (live workers look every `LOOK_EVERY` beats), and
that worker hands the dead one's pending workflows back to their queues, logging each
email. A worker that stops cleanly marks its row stale at once, so its unfinished work is
picked up at the next look, without waiting for `DEAD_AFTER`.
"""

from __future__ import annotations

import re
import threading
from datetime import timedelta

import structlog
from dbos import DBOS, WorkflowStatus
from sqlalchemy import delete, select, update

from knowreply.db.models import WorkerHeartbeat
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.runtime import Runtime

log = structlog.get_logger(__name__)

BEAT_SECONDS = 1.0
DEAD_AFTER = timedelta(seconds=15)
LOOK_EVERY = 5
"""Beats between two looks for dead workers and orphaned work. A look lists every pending
workflow, so every beat it took 5 % of an idle worker's CPU; a dead worker's work is now
recovered 15 to 20 s after its last beat instead of 15 to 16."""
_MESSAGE_ID = re.compile(r"^message-(\d+)")


def beat(runtime: Runtime, executor_id: str) -> None:
    """Say this worker is alive (call once before DBOS launches, then every beat)."""
    with transaction(runtime.sessions) as session:
        row = session.get(WorkerHeartbeat, executor_id)
        if row is None:
            session.add(WorkerHeartbeat(executor_id=executor_id))
        else:
            row.seen_at = utcnow()


def mark_stopped(runtime: Runtime, executor_id: str) -> None:
    """A clean stop: make this worker's row stale now, so its pending work is recovered."""
    with transaction(runtime.sessions) as session:
        session.execute(
            update(WorkerHeartbeat)
            .where(WorkerHeartbeat.executor_id == executor_id)
            .values(seen_at=utcnow() - 2 * DEAD_AFTER)
        )


def claim_dead(runtime: Runtime, executor_id: str) -> list[str]:
    """Executors whose heartbeat stopped, each claimed by deleting its row (only one live
    worker wins a given row)."""
    cutoff = utcnow() - DEAD_AFTER
    with runtime.sessions() as session:
        stale = session.scalars(
            select(WorkerHeartbeat.executor_id).where(
                WorkerHeartbeat.seen_at < cutoff, WorkerHeartbeat.executor_id != executor_id
            )
        ).all()
    claimed = []
    for dead in stale:
        with transaction(runtime.sessions) as session:
            gone = session.execute(
                delete(WorkerHeartbeat).where(
                    WorkerHeartbeat.executor_id == dead, WorkerHeartbeat.seen_at < cutoff
                )
            )
            if gone.rowcount == 1:  # type: ignore[attr-defined]
                claimed.append(dead)
    return claimed


def orphans(runtime: Runtime, executor_id: str) -> list[str]:
    """Executors with pending workflows but no heartbeat row (their row was claimed while
    they still had work, or they ran before heartbeats existed)."""
    pending = DBOS.list_workflows(status="PENDING", load_input=False, load_output=False)
    owners = {status.executor_id for status in pending if status.executor_id}
    with runtime.sessions() as session:
        alive = set(session.scalars(select(WorkerHeartbeat.executor_id)).all())
    return sorted(owners - alive - {executor_id})


def log_recovered(pending: list[WorkflowStatus]) -> None:
    """One line per workflow taken over, naming its email."""
    for status in pending:
        match = _MESSAGE_ID.match(status.workflow_id)
        log.warning(
            "pipeline.recover",
            workflow_id=status.workflow_id,
            message_id=int(match.group(1)) if match else None,
            dead_executor=status.executor_id,
        )


def recover(executor_ids: list[str]) -> int:
    """Hand the executors' pending workflows back to their queues; logs each email."""
    if not executor_ids:
        return 0
    pending = DBOS.list_workflows(
        status="PENDING", executor_id=executor_ids, load_input=False, load_output=False
    )
    log_recovered(pending)
    DBOS._recover_pending_workflows(executor_ids)
    return len(pending)


class Liveness:
    """The worker's heartbeat thread, which also recovers dead workers' work."""

    def __init__(self, runtime: Runtime, executor_id: str) -> None:
        self.runtime = runtime
        self.executor_id = executor_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="liveness", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        mark_stopped(self.runtime, self.executor_id)

    def _run(self) -> None:
        beats = 0
        while not self._stop.wait(BEAT_SECONDS):
            try:
                beat(self.runtime, self.executor_id)
                beats += 1
                if beats % LOOK_EVERY:
                    continue
                claimed = claim_dead(self.runtime, self.executor_id)
                dead = sorted({*claimed, *orphans(self.runtime, self.executor_id)})
                if dead:
                    count = recover(dead)
                    log.warning("pipeline.recovered", executors=dead, workflows=count)
            except Exception:  # the database is away for a moment: beat again next time
                log.exception("pipeline.liveness.error")
