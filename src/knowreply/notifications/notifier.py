"""The worker's notifier thread: sends due deliveries every second; once a minute makes
the day's digests and marks interrupted sends `unconfirmed`. Every worker runs one; the
deliveries' claim (`delivery.deliver`) keeps each send to one of them."""

from __future__ import annotations

import threading
import time

import structlog

from knowreply.notifications.delivery import deliver_due, mark_stuck
from knowreply.notifications.digest import queue_digests
from knowreply.runtime import Runtime

log = structlog.get_logger(__name__)

POLL_SECONDS = 1.0
HOUSEKEEPING_SECONDS = 60.0


class Notifier:
    def __init__(self, runtime: Runtime, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.runtime = runtime
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="notifier", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        last_housekeeping = 0.0
        while not self._stop.wait(self.poll_seconds):
            try:
                if time.monotonic() - last_housekeeping >= HOUSEKEEPING_SECONDS:
                    mark_stuck(self.runtime)
                    queue_digests(self.runtime)
                    last_housekeeping = time.monotonic()
                deliver_due(self.runtime)
            except Exception:  # the database is away for a moment: try again next time
                log.exception("notify.notifier.error")
