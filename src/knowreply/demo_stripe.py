"""The fake Stripe server, seen from the product: a separate process, spoken to over HTTP.

The fake (the `fakestripe` package) is a development tool installed by `make install`; it is
not in knowreply's wheel, and no knowreply module imports it. The demo and the eval start it
with `python -m fakestripe` and read the demo key and customers from its `/_fake/demo`.
"""

from __future__ import annotations

import functools
import importlib.util
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

START_SECONDS = 15.0


class FakeStripeUnavailable(RuntimeError):
    """The fake Stripe server is not installed or did not start."""


@dataclass(frozen=True)
class DemoCustomer:
    email: str
    story: str
    """What the customer has in the demo account."""


@dataclass(frozen=True)
class DemoAccount:
    key: str
    """The demo restricted key the fake accepts."""
    customers: tuple[DemoCustomer, ...]


@dataclass
class FakeStripeProcess:
    """A running `python -m fakestripe`."""

    url: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start(
    port: int = 0, *, seed: str = "demo", state_file: Path | None = None, limits: bool = True
) -> FakeStripeProcess:
    """Start the fake on 127.0.0.1 (`port` 0: any free port) and wait until it answers."""
    if importlib.util.find_spec("fakestripe") is None:
        raise FakeStripeUnavailable(
            "the fake Stripe server is a development tool: run `make install` in a checkout "
            "of the knowreply repository"
        )
    chosen = port or free_port()
    command = [sys.executable, "-m", "fakestripe", "--port", str(chosen), "--seed", seed]
    if state_file is not None:
        command += ["--state-file", str(state_file)]
    if not limits:
        command.append("--no-limits")
    process = subprocess.Popen(command)  # noqa: S603 (our own interpreter and module)
    url = f"http://127.0.0.1:{chosen}"
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise FakeStripeUnavailable(f"the fake Stripe server exited ({process.returncode})")
        try:
            httpx.get(f"{url}/_fake/demo", timeout=1).raise_for_status()
        except httpx.HTTPError:
            time.sleep(0.05)
            continue
        return FakeStripeProcess(url, process)
    process.kill()
    raise FakeStripeUnavailable(f"the fake Stripe server did not start on {url}")


@functools.lru_cache(maxsize=8)
def demo_account(url: str) -> DemoAccount:
    """The demo key and customers of the fake at `url`."""
    answer = httpx.get(f"{url.rstrip('/')}/_fake/demo", timeout=5)
    answer.raise_for_status()
    body = answer.json()
    customers = tuple(DemoCustomer(c["email"], c["story"]) for c in body["customers"])
    return DemoAccount(key=str(body["key"]), customers=customers)


def demo_account_or_none(url: str | None) -> DemoAccount | None:
    """The demo account when `url` is a fake Stripe server; None for real Stripe or no answer."""
    if not url:
        return None
    try:
        return demo_account(url)
    except (httpx.HTTPError, KeyError, ValueError):
        return None
