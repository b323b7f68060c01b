"""`knowreply demo` (what `make demo` runs): the dashboard and a worker, stopped together."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_line(process: subprocess.Popen[str], needle: str, timeout: float) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if needle in line:
            return seen
    raise AssertionError(f"no {needle!r} within {timeout} s:\n{''.join(seen)[-3000:]}")


def test_demo_serves_the_dashboard_with_a_worker_and_ctrl_c_stops_both(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOWREPLY_")}
    env |= {
        "KNOWREPLY_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite'}",
        "KNOWREPLY_DATA_DIR": str(tmp_path),
    }
    demo = subprocess.Popen(
        [sys.executable, "-m", "knowreply", "demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    try:
        output = _wait_for_line(demo, "worker ready", timeout=120)
        worker_pid = int(next(line for line in output if "(pid " in line).split("(pid ")[1][:-2])

        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200
        os.killpg(demo.pid, signal.SIGINT)
        assert demo.wait(timeout=60) is not None
        deadline = time.monotonic() + 30
        while _alive(worker_pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(worker_pid), "the worker outlived the demo"
    finally:
        if demo.poll() is None:
            os.killpg(demo.pid, signal.SIGKILL)
            demo.wait()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by its parent) counts as gone
    return "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()
