"""The durable engine: a workflow runs once per ID and survives a killed worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowreply import durable
from knowreply.config import Settings
from tests.foundation.cli_helpers import knowreply

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = "three_steps"


class Worker:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = dict(env, PYTHONPATH=f"{REPO}{os.pathsep}{REPO / 'src'}")
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "knowreply",
                "worker",
                "--processes",
                "1",
                "--import",
                "tests.foundation.durable_example",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if "worker ready" in line:
                return
        raise AssertionError(f"worker exited with {self.process.wait()}")

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@pytest.fixture
def worker(cli_env: dict[str, str]) -> Iterator[Worker]:
    assert knowreply("init", env=cli_env).returncode == 0
    running = Worker(cli_env)
    yield running
    running.stop()


def wait_until(condition: object, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def log_lines(folder: Path) -> list[str]:
    log = folder / "log"
    return log.read_text().splitlines() if log.exists() else []


def enqueue(settings: Settings, workflow_id: str, folder: Path) -> None:
    client = durable.client(settings)
    try:
        client.enqueue(
            {"queue_name": "example", "workflow_name": WORKFLOW, "workflow_id": workflow_id},
            str(folder),
            workflow_id,
        )
    finally:
        client.destroy()


def result(settings: Settings, workflow_id: str) -> object:
    client = durable.client(settings)
    try:
        return client.retrieve_workflow(workflow_id).get_result()
    finally:
        client.destroy()


def test_same_workflow_id_runs_once(worker: Worker, settings: Settings, tmp_path: Path) -> None:
    worker.start()
    (tmp_path / "go").touch()
    enqueue(settings, "message-1", tmp_path)
    enqueue(settings, "message-1", tmp_path)
    assert result(settings, "message-1") == "done message-1"
    enqueue(settings, "message-1", tmp_path)
    assert result(settings, "message-1") == "done message-1"
    assert log_lines(tmp_path) == ["first message-1", "waiting", "last message-1"]


def test_killed_worker_finishes_the_workflow_after_restart(
    worker: Worker, settings: Settings, tmp_path: Path
) -> None:
    worker.start()
    enqueue(settings, "message-2", tmp_path)
    wait_until(lambda: "waiting" in log_lines(tmp_path))

    worker.kill()  # in the middle: the first step is checkpointed, the second is waiting
    (tmp_path / "go").touch()
    time.sleep(0.5)
    assert log_lines(tmp_path) == ["first message-2", "waiting"]

    worker.start()
    assert result(settings, "message-2") == "done message-2"
    # The finished step is not run again; the interrupted one is (steps are at-least-once).
    assert log_lines(tmp_path) == ["first message-2", "waiting", "waiting", "last message-2"]
