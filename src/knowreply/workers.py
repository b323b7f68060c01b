"""`knowreply worker --processes N`: N worker processes sharing the durable queues.

One Python process runs Python code on one core at a time (the GIL), however many emails it
has in flight; N processes use N cores. Each child is a plain `knowreply worker --processes
1` with its own executor id: the queues' per-sender ordering and concurrency limits and the
Stripe rate limiter live in the database, so they hold across processes and machines.

The supervisor only starts, restarts and stops children (it opens no database). A child
that dies is started again after a pause; its pending work is resumed by its successor when
the executor id is stable (`KNOWREPLY_EXECUTOR_ID` set: child i is `<id>-<i>`), else
recovered through the heartbeat by any live worker (`pipeline.liveness`). A child whose
supervisor is gone (SIGKILL) stops itself cleanly, so no worker outlives its supervisor.
Standard library only: the supervisor imports none of the worker's dependencies.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence

RESTART_PAUSE = 1.0
"""Seconds before a child that died is started again."""
STOP_TIMEOUT = 30.0
"""Seconds a child has to finish after SIGTERM before it is killed."""
SETUP_ERROR = 2
"""A child's exit code for a setting that is wrong: starting it again would not help."""


def default_processes(is_sqlite: bool) -> int:
    """One per core on PostgreSQL; one on SQLite, whose single writer lock makes more
    processes wait on each other rather than work (`docs/performance.md`)."""
    return 1 if is_sqlite else max(os.cpu_count() or 1, 1)


def process_count(option: int | None, configured: int | None, *, is_sqlite: bool) -> int:
    """`--processes`, else `KNOWREPLY_WORKER_PROCESSES`, else the default."""
    return option or configured or default_processes(is_sqlite)


def child_command(index: int, mailboxes: bool, extra: Sequence[str]) -> list[str]:
    """Child `index`'s command line; only the first watches the IMAP mailboxes."""
    command = [sys.executable, "-m", "knowreply", "worker", "--processes", "1"]
    command += ["--supervisor-pid", str(os.getpid()), *extra]
    if not (mailboxes and index == 0):
        command.append("--no-mailboxes")
    return command


def child_env(index: int, executor_id: str) -> dict[str, str]:
    env = dict(os.environ)
    if executor_id:
        env["KNOWREPLY_EXECUTOR_ID"] = f"{executor_id}-{index}"
    return env


class Supervisor:
    """Keeps `processes` children running until `stop()`; `run()` returns the exit code."""

    def __init__(
        self, processes: int, *, mailboxes: bool, executor_id: str, extra: Sequence[str] = ()
    ) -> None:
        self.processes = processes
        self.mailboxes = mailboxes
        self.executor_id = executor_id
        self.extra = list(extra)
        self.children: dict[int, subprocess.Popen[bytes]] = {}
        self._stop = threading.Event()
        self._code = 0

    def _start(self, index: int) -> None:
        self.children[index] = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            child_command(index, self.mailboxes, self.extra),
            env=child_env(index, self.executor_id),
        )

    def stop(self, code: int = 0) -> None:
        self._code = self._code or code
        self._stop.set()

    def run(self) -> int:
        if not self._fit_model_once():
            return self._code
        for index in range(self.processes):
            self._start(index)
        try:
            while not self._stop.wait(0.2):
                self._restart_dead()
        finally:
            self._stop_children()
        return self._code

    def _fit_model_once(self) -> bool:
        """Make sure the intent model is cached before the children start: on a fresh machine
        each would otherwise fit it alone (minutes of CPU each). One process fits it with as
        many processes as children; False when stopped meanwhile. A fit that fails only
        leaves the children to fit it themselves."""
        fit = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            [sys.executable, "-m", "knowreply.agent.warm", "--jobs", str(self.processes)]
        )
        while fit.poll() is None:
            if self._stop.wait(0.2):
                fit.terminate()
                fit.wait()
                return False
        return True

    def _restart_dead(self) -> None:
        for index, child in list(self.children.items()):
            code = child.poll()
            if code is None:
                continue
            if code == SETUP_ERROR:
                self.stop(SETUP_ERROR)
                return
            print(
                f"worker process {index} (pid {child.pid}) exited with {code}; starting it again",
                file=sys.stderr,
            )
            if self._stop.wait(RESTART_PAUSE):
                return
            self._start(index)

    def _stop_children(self) -> None:
        for child in self.children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        for child in self.children.values():
            try:
                child.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def supervisor_gone(supervisor_pid: int | None) -> bool:
    """A child's check: its supervisor died (it was re-parented), so it should stop."""
    return supervisor_pid is not None and os.getppid() != supervisor_pid
