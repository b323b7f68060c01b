"""`knowreply serve` answers /healthz after checking the database."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx

from tests.foundation.cli_helpers import knowreply


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_healthz_checks_the_database(cli_env: dict[str, str]) -> None:
    assert knowreply("init", env=cli_env).returncode == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "knowreply", "serve", "--port", str(port)],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json()["database"] == "ok"
    finally:
        server.terminate()
        server.wait(timeout=10)
