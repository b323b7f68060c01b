"""Emails per second for one workspace, end to end: inbound SMTP -> a real `knowreply
worker` (rules brain, fake Stripe) -> the reply at an SMTP sink; with Stripe answering at
once and with a Stripe latency; the worker's CPU per email; which limit binds.

    python throughput.py [--emails 150] [--latency-ms 300] [--postgres URL] [--processes N]
                         [--profile F]

`--postgres postgresql+psycopg://127.0.0.1:5432/test` runs on a fresh PostgreSQL database
per run (dropped afterwards); without it on SQLite. Every email comes from its own Stripe
customer, asking for the latest invoice, so no reply cap or per-sender ordering slows it.
`--processes N` is the worker's `--processes` (default: the worker's own, one per core on
PostgreSQL); worker CPU counts all its processes, and is also shown with no work to do (queue
polls and heartbeats, per second). Database commits per email: PostgreSQL only.
Which limit binds: the share of the shared Stripe limiter's slots held, sampled every 20 ms
(each of the test-mode key's 25 slots is held from before a request until 1 s after its
answer, so at a latency L the limiter lets at most 25 / (1 s + L) requests a second through:
19.2 at 300 ms), else the worker's CPU.
`--profile F` records the worker's processes with py-spy during the 0 ms run (collapsed
stacks in F; `pip install py-spy` first).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

import aiosmtplib
import sqlalchemy as sa
from _fake import running_fake_stripe
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from sqlalchemy import func, select

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.config import Settings
from knowreply.db.models import Message, StripeRateSlot
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.logs import configure_logging
from knowreply.mail import accounts
from knowreply.pipeline.outcome import FINAL_STATUSES
from knowreply.pipeline.smtp_intake import serve_smtp
from knowreply.runtime import Runtime, initialize
from knowreply.workers import default_processes
from knowreply.workspaces import resolve_workspace

SUPPORT = "support@shop.test"
TEST_MODE_STRIPE_LIMIT = 25
"""Requests per second Stripe allows a test-mode key (our gateway's per-workspace limit)."""
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
IDLE_SECONDS = 5.0


class Sink:
    """An SMTP server that keeps which email each reply answers (its In-Reply-To)."""

    def __init__(self) -> None:
        self.answered: list[str] = []

    @property
    def received(self) -> int:
        return len(self.answered)

    async def handle_DATA(self, server: object, session: object, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        headers = BytesHeaderParser().parsebytes(envelope.content)
        self.answered.append(str(headers.get("In-Reply-To", "")))
        return "250 OK"


@dataclass(frozen=True)
class Run:
    latency_ms: int
    emails: int
    seconds: float
    worker_cpu: float
    stripe_requests: int
    replies: int
    outcomes: dict[str, int]
    commits: int | None
    """Database transactions committed during the run, by every process (PostgreSQL)."""
    idle_cpu: float
    """The worker's CPU seconds per second with nothing to do (queue polls, heartbeats)."""
    limiter_held: tuple[float, ...]
    """Samples of the share of the account's Stripe limiter slots (window `test *`) held:
    near 100 % most of the run means requests waited for a slot."""

    @property
    def per_second(self) -> float:
        return self.emails / self.seconds

    @property
    def cpu_ms_per_email(self) -> float:
        return 1000 * self.worker_cpu / self.emails

    @property
    def requests_per_email(self) -> float:
        return self.stripe_requests / self.emails

    @property
    def stripe_ceiling(self) -> float:
        """The most requests a second the shared limiter lets through at this latency: each
        holds one of the account's slots from before it is sent until 1 s after its answer."""
        return TEST_MODE_STRIPE_LIMIT / (1 + self.latency_ms / 1000)

    @property
    def held_mean(self) -> float:
        return statistics.fmean(self.limiter_held or [0.0])

    @property
    def held_median(self) -> float:
        """Robust to the run's start and end, when fewer emails are in flight."""
        return statistics.median(self.limiter_held or [0.0])

    @property
    def commits_per_email(self) -> str:
        return "-" if self.commits is None else f"{self.commits / self.emails:.1f}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stat(pid: int) -> list[str]:
    """/proc/PID/stat's fields after the command name (field 3 is [0])."""
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()


def process_tree(pid: int) -> list[int]:
    """A process and its live descendants (the worker's supervisor and its children)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(_stat(int(entry.name))[1])
            except (FileNotFoundError, ProcessLookupError):
                continue
    tree = [pid]
    for member in tree:
        tree += [child for child, parent in parents.items() if parent == member]
    return tree


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its live descendants so far."""
    total = 0
    for member in process_tree(pid):
        try:
            fields = _stat(member)
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def commits(runtime: Runtime) -> int | None:
    """Transactions committed in the run's PostgreSQL database so far (None on SQLite)."""
    if runtime.settings.is_sqlite:
        return None
    with runtime.engine.connect() as connection:
        return int(
            connection.execute(
                sa.text(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
                )
            ).scalar_one()
        )


@contextmanager
def database(postgres: str | None, folder: Path) -> Iterator[str]:
    if postgres is None:
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
        return
    name = f"kr_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield str(sa.make_url(postgres).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def email(n: int) -> bytes:
    message = EmailMessage()
    message["From"] = f"Customer {n} <bench{n}@example.org>"
    message["To"] = SUPPORT
    message["Subject"] = f"Invoice question {n}"
    message["Message-ID"] = f"<bench-{n}-{uuid.uuid4().hex}@example.org>"
    message.set_content("Hello, could you send me my latest invoice?")
    return message.as_bytes()


def handled(runtime: Runtime) -> int:
    with runtime.sessions() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(Message)
                .where(Message.direction == "in", Message.status.in_(FINAL_STATUSES))
            )
            or 0
        )


def prepare(runtime: Runtime, fake_url: str, sink_port: int) -> None:
    asyncio.run(
        service.connect(runtime, None, DEMO_RESTRICTED_KEY, actor="bench", api_base=fake_url)
    )
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, None)
        accounts.add_inbound_address(session, workspace, SUPPORT)
        accounts.set_smtp_account(
            session,
            runtime.master_key,
            workspace,
            host="127.0.0.1",
            port=sink_port,
            tls="none",
            from_address=SUPPORT,
        )


def start_worker(env: dict[str, str], processes: int = 1) -> subprocess.Popen[str]:
    """`knowreply worker --processes N`, once each of its processes said it is ready."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "knowreply", "worker", "--no-mailboxes", f"--processes={processes}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert worker.stderr is not None
    waiting = processes
    for line in worker.stderr:
        waiting -= "worker ready" in line
        if not waiting:
            threading.Thread(target=worker.stderr.read, daemon=True).start()  # keep draining
            return worker
    raise RuntimeError(f"the worker did not start ({worker.wait()})")


async def send_all(host: str, port: int, first: int, count: int, connections: int = 4) -> None:
    """`count` emails over `connections` SMTP sessions, as a mail server would relay them."""

    async def one_connection(numbers: range) -> None:
        client = aiosmtplib.SMTP(hostname=host, port=port)
        async with client:
            for n in numbers:
                await client.sendmail(f"bench{n}@example.org", [SUPPORT], email(n))

    await asyncio.gather(
        *(
            one_connection(range(first + offset, first + count, connections))
            for offset in range(connections)
        )
    )


def wait_until_handled(runtime: Runtime, total: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while handled(runtime) < total:
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {handled(runtime)} of {total} emails handled in time")
        time.sleep(0.05)


@contextmanager
def limiter_sampling(runtime: Runtime, every: float = 0.02) -> Iterator[list[float]]:
    """Samples, every `every` s, the share of the account's limiter slots (window `test *`)
    held by a request in flight or in its 1 s after."""
    samples: list[float] = []
    stop = threading.Event()
    slots = StripeRateSlot.__table__.c
    overall = slots.window == "test *"
    total = select(func.count()).where(overall)
    held = select(func.count()).where(overall, slots.free_at > sa.bindparam("now"))

    def sample() -> None:
        with runtime.engine.connect() as connection:
            size = int(connection.execute(total).scalar_one())
            while not stop.wait(every):
                busy = int(connection.execute(held, {"now": time.time()}).scalar_one())
                connection.rollback()
                samples.append(busy / size if size else 0.0)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield samples
    finally:
        stop.set()
        sampler.join()


@contextmanager
def profiling(pid: int, into: str | None) -> Iterator[None]:
    """py-spy samples every thread of the worker's processes (cProfile would see one)."""
    if into is None:
        yield
        return
    spy = subprocess.Popen(
        [
            "py-spy",
            "record",
            "--pid",
            str(pid),
            "--format",
            "raw",
            "--output",
            into,
            "--idle",
            "--nonblocking",
            "--subprocesses",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        spy.wait(timeout=60)


def one_run(
    fake_url: str,
    fake_control: object,
    latency_ms: int,
    emails: int,
    postgres: str | None,
    processes: int,
    profile: str | None = None,
) -> Run:
    sink = Sink()
    sink_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink_port)
    controller.start()
    warmup = 10
    try:
        with tempfile.TemporaryDirectory() as folder, database(postgres, Path(folder)) as url:
            settings = Settings(database_url=url, data_dir=Path(folder) / "data")
            runtime, _ = initialize(settings)
            prepare(runtime, fake_url, sink_port)
            env = {k: v for k, v in os.environ.items() if not k.startswith("KNOWREPLY_")}
            env |= {
                "KNOWREPLY_DATABASE_URL": url,
                "KNOWREPLY_DATA_DIR": str(settings.data_dir),
                "KNOWREPLY_LOG_LEVEL": "warning",
            }
            worker = start_worker(env, processes)
            try:
                with profiling(worker.pid, profile):
                    return asyncio.run(
                        _measure(runtime, worker, fake_control, latency_ms, warmup, emails, sink)
                    )
            finally:
                worker.terminate()
                worker.wait(timeout=30)
                runtime.engine.dispose()
    finally:
        controller.stop()


async def _measure(
    runtime: Runtime,
    worker: subprocess.Popen[str],
    fake_control: object,
    latency_ms: int,
    warmup: int,
    emails: int,
    sink: Sink,
) -> Run:
    control = fake_control  # FakeStripeControl
    async with serve_smtp(runtime, "127.0.0.1", 0) as smtp:
        await send_all(smtp.host, smtp.port, 0, warmup)
        await asyncio.to_thread(wait_until_handled, runtime, warmup, 120)
        idle_before = cpu_seconds(worker.pid)
        await asyncio.sleep(IDLE_SECONDS)
        idle = (cpu_seconds(worker.pid) - idle_before) / IDLE_SECONDS
        control.latency(latency_ms)  # type: ignore[attr-defined]
        control.clear_requests()  # type: ignore[attr-defined]
        replies_before, commits_before = sink.received, commits(runtime)
        cpu_before, started = cpu_seconds(worker.pid), time.perf_counter()
        with limiter_sampling(runtime) as held:
            await send_all(smtp.host, smtp.port, warmup, emails)
            await asyncio.to_thread(wait_until_handled, runtime, warmup + emails, 600)
        seconds, cpu = time.perf_counter() - started, cpu_seconds(worker.pid) - cpu_before
        commits_after = commits(runtime)
        control.latency(0)  # type: ignore[attr-defined]
        stripe_requests = len(control.requests())  # type: ignore[attr-defined]
    replies = sink.received - replies_before
    transactions = (
        None if commits_after is None or commits_before is None else commits_after - commits_before
    )
    return Run(
        latency_ms,
        emails,
        seconds,
        cpu,
        stripe_requests,
        replies,
        outcomes(runtime),
        transactions,
        idle,
        tuple(held),
    )


def outcomes(runtime: Runtime) -> dict[str, int]:
    """How many inbound emails ended in each status (and reason)."""
    with runtime.sessions() as session:
        rows = session.execute(
            select(Message.status, Message.status_reason, func.count())
            .where(Message.direction == "in")
            .group_by(Message.status, Message.status_reason)
        ).all()
    return {f"{status}/{reason}" if reason else status: count for status, reason, count in rows}


def binding_limit(run: Run, processes: int) -> str:
    """Stripe's rate when the shared limiter had 90 % of its slots held or more for most of
    the run (requests waited for one), else the worker's CPU when its processes were busy."""
    cpu_share = run.worker_cpu / run.seconds
    usable = min(processes, os.cpu_count() or 1)  # one process holds ~1 core (the GIL)
    if run.held_median >= 0.9:
        return f"Stripe's rate (median share of the limiter's slots held: {run.held_median:.0%})"
    if cpu_share >= 0.8 * usable:
        return f"worker CPU ({cpu_share:.2f} cores busy, {processes} processes)"
    return (
        f"neither CPU ({cpu_share:.2f} cores) nor Stripe's rate (median share of the limiter's "
        f"slots held: {run.held_median:.0%}): the machine's other load, the database or the queue"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--emails", type=int, default=150)
    parser.add_argument("--latency-ms", type=int, default=300)
    parser.add_argument("--postgres", default=None)
    parser.add_argument("--processes", type=int, default=None, help="the worker's --processes")
    parser.add_argument("--profile", default=None, help="py-spy output for the 0 ms run")
    args = parser.parse_args()
    processes = args.processes or default_processes(is_sqlite=args.postgres is None)
    configure_logging("warning")
    load = os.getloadavg()[0]
    with running_fake_stripe(seed="demo") as fake:
        stripe = fake.client("sk_test_bench")
        for n in range(10 + args.emails):  # the warm-up's and the run's senders
            stripe.v1.customers.create(params={"email": f"bench{n}@example.org"})
        runs = [
            one_run(fake.url, fake.control, 0, args.emails, args.postgres, processes, args.profile),
            one_run(fake.url, fake.control, args.latency_ms, args.emails, args.postgres, processes),
        ]
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"{backend}, {os.cpu_count()} cores, {processes} worker processes, "
        f"load average {load:.1f} before the runs, {os.getloadavg()[0]:.1f} after"
    )
    print(
        f"{'stripe latency':<15} {'emails':>6} {'seconds':>8} {'emails/s':>9} "
        f"{'cpu ms/email':>13} {'stripe req/email':>17} {'db commits/email':>17} {'replies':>8} "
        f"{'idle cpu ms/s':>14}"
    )
    for run in runs:
        print(
            f"{run.latency_ms:>12} ms {run.emails:>6} {run.seconds:>8.1f} {run.per_second:>9.2f} "
            f"{run.cpu_ms_per_email:>13.1f} {run.requests_per_email:>17.2f} "
            f"{run.commits_per_email:>17} {run.replies:>8} {1000 * run.idle_cpu:>14.1f}"
        )
    for run in runs:
        print(f"outcomes at {run.latency_ms} ms (with the warm-up's): {run.outcomes}")
    fast, slow = runs
    print(f"latency hidden by concurrency: {slow.per_second / fast.per_second:.0%} (target >= 80%)")
    for run in runs:
        print(
            f"Stripe limiter at {run.latency_ms} ms: slots held {run.held_mean:.0%} on average, "
            f"median {run.held_median:.0%}; "
            f"ceiling {run.stripe_ceiling:.1f} requests/s = "
            f"{run.stripe_ceiling / run.requests_per_email:.2f} emails/s at "
            f"{run.requests_per_email:.2f} requests/email, reached "
            f"{run.per_second * run.requests_per_email / run.stripe_ceiling:.0%}"
        )
    most = slow.stripe_ceiling / slow.requests_per_email / fast.per_second
    print(
        f"  (each of the {TEST_MODE_STRIPE_LIMIT} slots is held from before a request until 1 s "
        f"after its answer; at {slow.latency_ms} ms the ceiling allows at most {min(most, 1):.0%} "
        "of the 0 ms rate)"
    )
    print(f"target 10 emails/s at 0 ms: {fast.per_second / 10:.0%} of it")
    print(f"binding limit at 0 ms: {binding_limit(fast, processes)}")
    print(f"binding limit at {slow.latency_ms} ms: {binding_limit(slow, processes)}")


if __name__ == "__main__":
    main()
