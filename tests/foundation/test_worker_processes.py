"""`knowreply worker --processes N`: N worker processes, each its own executor, restarted
when one dies, all gone when their supervisor is."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from knowreply.config import Settings
from knowreply.db.models import WorkerHeartbeat
from knowreply.runtime import Runtime
from knowreply.workers import child_command, child_env, default_processes, process_count
from tests.foundation.cli_helpers import knowreply
from tests.foundation.test_durable_worker import enqueue, log_lines, result

REPO = Path(__file__).resolve().parents[2]


class Supervised:
    """`knowreply worker --processes 2` with its stderr collected line by line."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "knowreply", "worker", "--processes", "2"),
                *("--no-mailboxes", "--import", "tests.foundation.durable_example"),
            ],
            env=dict(env, PYTHONPATH=f"{REPO}{os.pathsep}{REPO / 'src'}"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip())

    def ready(self) -> int:
        return sum("worker ready" in line for line in self.lines)

    def children(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in found.stdout.split()]


@pytest.fixture
def supervised(cli_env: dict[str, str]) -> Iterator[Supervised]:
    assert knowreply("init", env=cli_env).returncode == 0
    running = Supervised(cli_env)
    yield running
    for pid in [running.process.pid, *running.children()]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    running.process.wait()


def eventually(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def executors(runtime: Runtime) -> set[str]:
    with runtime.sessions() as session:
        return set(session.scalars(select(WorkerHeartbeat.executor_id)).all())


def test_two_processes_run_work_and_a_dead_one_is_started_again(
    supervised: Supervised, runtime: Runtime, settings: Settings, tmp_path: Path
) -> None:
    eventually(lambda: supervised.ready() == 2)
    first, second = supervised.children()
    assert len(executors(runtime)) == 2  # each process is its own executor

    (tmp_path / "go").touch()
    for n in range(4):
        enqueue(settings, f"message-{n}", tmp_path)
    assert [result(settings, f"message-{n}") for n in range(4)] == [
        f"done message-{n}" for n in range(4)
    ]
    assert sorted(log_lines(tmp_path)).count("waiting") == 4

    os.kill(first, signal.SIGKILL)
    eventually(lambda: supervised.ready() == 3)
    assert any("exited with -9; starting it again" in line for line in supervised.lines)
    assert second in supervised.children() and first not in supervised.children()


def test_the_processes_stop_with_their_supervisor(supervised: Supervised) -> None:
    eventually(lambda: supervised.ready() == 2)
    children = supervised.children()

    supervised.process.send_signal(signal.SIGTERM)
    assert supervised.process.wait(timeout=60) == 0
    assert not any(alive(pid) for pid in children)


def test_a_killed_supervisor_leaves_no_worker_behind(supervised: Supervised) -> None:
    eventually(lambda: supervised.ready() == 2)
    children = supervised.children()

    os.kill(supervised.process.pid, signal.SIGKILL)
    supervised.process.wait()
    eventually(lambda: not any(alive(pid) for pid in children), timeout=30)


def test_one_process_per_core_on_postgresql_and_one_on_sqlite() -> None:
    assert default_processes(is_sqlite=True) == 1
    assert default_processes(is_sqlite=False) == (os.cpu_count() or 1)


def test_the_option_wins_over_the_setting_which_wins_over_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KNOWREPLY_WORKER_PROCESSES", "3")
    configured = Settings().worker_processes

    assert configured == 3
    assert process_count(5, configured, is_sqlite=True) == 5
    assert process_count(None, configured, is_sqlite=True) == 3
    assert process_count(None, None, is_sqlite=True) == 1


def test_only_the_first_process_watches_mailboxes_and_ids_stay_distinct() -> None:
    assert "--no-mailboxes" not in child_command(0, mailboxes=True, extra=[])
    assert "--no-mailboxes" in child_command(1, mailboxes=True, extra=[])
    assert "--no-mailboxes" in child_command(0, mailboxes=False, extra=[])
    assert child_env(1, "host-a")["KNOWREPLY_EXECUTOR_ID"] == "host-a-1"
    unset = child_env(1, "").get("KNOWREPLY_EXECUTOR_ID")
    assert unset == os.environ.get("KNOWREPLY_EXECUTOR_ID")  # each start makes a new id
