"""A real `knowreply worker` subprocess for the pipeline tests (its log kept for failures)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class WorkerProcess:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = dict(env, PYTHONPATH=f"{REPO}{os.pathsep}{REPO / 'src'}")
        self.process: subprocess.Popen[str] | None = None
        self.log: list[str] = []

    def start(self) -> None:
        self.process = subprocess.Popen(
            # One process: a test's kill is a worker's crash (`--processes`: test_worker_processes)
            [
                sys.executable,
                "-m",
                "knowreply",
                "worker",
                "--processes",
                "1",
                "--poll-interval",
                "0.5",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        ready = threading.Event()
        threading.Thread(target=self._drain, args=(ready,), daemon=True).start()
        if not ready.wait(60):
            raise AssertionError("worker did not start:\n" + "\n".join(self.log[-30:]))

    def _drain(self, ready: threading.Event) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line.rstrip())
            if "worker ready" in line:
                ready.set()

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        """SIGTERM, as a service manager stops it; a worker that ignores it is a failure."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError(
                    "worker still running 20 s after SIGTERM:\n" + "\n".join(self.log[-30:])
                ) from None
