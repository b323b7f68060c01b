"""Soak: hundreds of emails over SMTP while workers are killed, Stripe fails and the SMTP
server for replies goes away; then count what must never happen (`make soak`, not in CI).

    python soak.py [--emails 500] [--postgres URL]

Two `knowreply worker` processes (no executor ids: each start is a new id) handle mail;
every `--kill-every` seconds one of them is SIGKILLed and a new one started. Every second a
Stripe fault (500, 503 or 429) is injected with probability `--fault-rate`. The reply
server is down from 20 s to 50 s. Half the emails ask for an invoice, half for a refund from a
DMARC-verified sender (refunds are automatic), so a double write would show as a charge
refunded twice. Exits 1 when a must-be-0 count is not 0.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import threading
import time
import uuid
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib
from _fake import running_fake_stripe
from aiosmtpd.controller import Controller
from sqlalchemy import func, select
from throughput import (
    SUPPORT,
    Sink,
    database,
    free_port,
    handled,
    outcomes,
    start_worker,
)
from throughput import prepare as prepare_shop

from knowreply.config import Settings
from knowreply.db.models import AgentRun, Message, OutboxItem, Workspace
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.logs import configure_logging
from knowreply.pipeline.smtp_intake import serve_smtp
from knowreply.runtime import Runtime, initialize
from knowreply.workspaces import resolve_workspace, settings_of

TRUSTED = "mx.shop.test"
OUTAGE = (20.0, 50.0)
"""Seconds after the first email when the reply server goes down and comes back."""


def email(n: int) -> tuple[str, bytes]:
    sender = f"soak{n // 2}@example.org"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = SUPPORT
    message["Message-ID"] = f"<soak-{n}-{uuid.uuid4().hex}@example.org>"
    if n % 2:
        message["Subject"] = "Refund"
        message["Authentication-Results"] = f"{TRUSTED}; dmarc=pass header.from=example.org"
        message.set_content("Hi, please refund my last payment.")
    else:
        message["Subject"] = "Invoice"
        message.set_content("Could you send me my latest invoice?")
    return str(message["Message-ID"]), message.as_bytes()


def prepare(runtime: Runtime, fake_url: str, sink_port: int) -> None:
    """The throughput bench's shop, with every capability on and writes automatic."""
    prepare_shop(runtime, fake_url, sink_port)
    with runtime.sessions() as session:
        workspace_id = resolve_workspace(session, None).id
    service.change_capabilities(runtime, workspace_id, enable=list(CapabilityName), actor="soak")
    with transaction(runtime.sessions) as session:
        workspace = session.get_one(Workspace, workspace_id)
        workspace.settings = (
            settings_of(workspace)
            .model_copy(update={"approval_mode": "auto", "trusted_authserv_ids": [TRUSTED]})
            .model_dump()
        )


class Chaos:
    """Stripe faults, the reply server's outage and worker kills, on a clock."""

    def __init__(self, args: argparse.Namespace, fake: object, env: dict[str, str]) -> None:
        self.args, self.fake, self.env = args, fake, env
        self.sink = Sink()
        self.port = free_port()
        self.server: Controller | None = None
        self.workers = [start_worker(env), start_worker(env)]
        self.kills = self.faults = 0
        self.stop = threading.Event()
        self.random = random.Random(args.seed)

    def serve_replies(self) -> None:
        self.server = Controller(self.sink, hostname="127.0.0.1", port=self.port)
        self.server.start()

    def run(self) -> None:
        started = time.monotonic()
        next_kill = started + self.args.kill_every
        while not self.stop.wait(1.0):
            now = time.monotonic() - started
            if self.random.random() < self.args.fault_rate:
                status = self.random.choice([500, 503, 429])
                prefix = self.random.choice(["/v1/customers", "/v1/charges", "/v1/refunds"])
                self.fake.control.fault(path_prefix=prefix, status=status)  # type: ignore[attr-defined]
                self.faults += 1
            if OUTAGE[0] <= now < OUTAGE[1] and self.server is not None:
                self.server.stop()
                self.server = None
            elif now >= OUTAGE[1] and self.server is None:
                self.serve_replies()
            if time.monotonic() >= next_kill:
                victim = self.workers.pop(self.random.randrange(len(self.workers)))
                victim.kill()
                victim.wait()
                self.kills += 1
                self.workers.append(start_worker(self.env))
                next_kill = time.monotonic() + self.args.kill_every
        if self.server is None:
            self.serve_replies()

    def close(self) -> None:
        for worker in self.workers:
            worker.terminate()
            worker.wait(timeout=30)
        if self.server is not None:
            self.server.stop()


async def send_all(port: int, emails: int, seconds: float) -> list[str]:
    """The emails over two SMTP sessions, spread over `seconds`; their Message-IDs."""
    sent: list[str] = []

    async def session(numbers: range) -> None:
        async with aiosmtplib.SMTP(hostname="127.0.0.1", port=port) as client:
            for n in numbers:
                message_id, raw = email(n)
                sender = f"soak{n // 2}@example.org"
                await client.sendmail(sender, [SUPPORT], raw)
                sent.append(message_id)
                await asyncio.sleep(2 * seconds / emails)

    await asyncio.gather(session(range(0, emails, 2)), session(range(1, emails, 2)))
    return sent


def count(runtime: Runtime, sent: list[str], sink: Sink, fake: object) -> dict[str, int]:
    with runtime.sessions() as session:
        stored = set(
            session.scalars(select(Message.rfc_message_id).where(Message.direction == "in"))
        )
        finished_runs = Counter(
            session.scalars(
                select(AgentRun.message_id).where(AgentRun.outcome.not_in(["failed", "running"]))
            )
        )
        unconfirmed = session.scalar(
            select(func.count()).select_from(OutboxItem).where(OutboxItem.status == "unconfirmed")
        )
    stripe = fake.client("sk_test_soak")  # type: ignore[attr-defined]
    refunds = Counter(
        refund.charge for refund in stripe.v1.refunds.list(params={"limit": 100}).auto_paging_iter()
    )
    answered = Counter(sink.answered)
    return {
        "sent": len(sent),
        "stored": len(stored & set(sent)),
        "handled": handled(runtime),
        "handled once (one finished agent run)": sum(1 for n in finished_runs.values() if n == 1),
        "replies": sink.received,
        "refunds": sum(refunds.values()),
        "unconfirmed replies (for a person)": int(unconfirmed or 0),
        "lost": len(set(sent) - stored),
        "not handled": len(sent) - handled(runtime),
        "duplicates (an email answered twice)": sum(1 for n in answered.values() if n > 1),
        "double writes (a charge refunded twice)": sum(1 for n in refunds.values() if n > 1),
    }


MUST_BE_ZERO = (
    "lost",
    "not handled",
    "duplicates (an email answered twice)",
    "double writes (a charge refunded twice)",
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--emails", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=90.0, help="spread the sends over")
    parser.add_argument("--kill-every", type=float, default=25.0)
    parser.add_argument("--fault-rate", type=float, default=0.2)
    parser.add_argument("--timeout", type=float, default=1200.0)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--postgres", default="postgresql+psycopg://127.0.0.1:5432/test")
    args = parser.parse_args()
    configure_logging("warning")
    started = time.monotonic()
    with (
        running_fake_stripe(seed="demo") as fake,
        tempfile.TemporaryDirectory() as folder,
        database(args.postgres, Path(folder)) as url,
    ):
        stripe = fake.client("sk_test_soak")
        for n in range((args.emails + 1) // 2):
            customer = stripe.v1.customers.create(params={"email": f"soak{n}@example.org"})
            fake.control.payment(customer.id, 1500)
        settings = Settings(database_url=url, data_dir=Path(folder) / "data")
        runtime, _ = initialize(settings)
        env = {k: v for k, v in os.environ.items() if not k.startswith("KNOWREPLY_")}
        env |= {
            "KNOWREPLY_DATABASE_URL": url,
            "KNOWREPLY_DATA_DIR": str(settings.data_dir),
            "KNOWREPLY_LOG_LEVEL": "warning",
        }
        chaos = Chaos(args, fake, env)
        prepare(runtime, fake.url, chaos.port)
        chaos.serve_replies()
        clock = threading.Thread(target=chaos.run, daemon=True)
        try:
            sent = asyncio.run(_send(runtime, args, clock))
            chaos.stop.set()
            clock.join()
            deadline = time.monotonic() + args.timeout
            while handled(runtime) < len(sent) and time.monotonic() < deadline:
                time.sleep(1)
            time.sleep(5)  # replies handed to the server just before the count
            figures = count(runtime, sent, chaos.sink, fake)
            breakdown = outcomes(runtime)
        finally:
            chaos.stop.set()
            chaos.close()
            runtime.engine.dispose()
    print(f"{args.emails} emails in {time.monotonic() - started:.0f} s (PostgreSQL, 2 workers)")
    print(
        f"chaos: {chaos.kills} worker kills (SIGKILL), {chaos.faults} Stripe faults injected, "
        f"reply server down from {OUTAGE[0]:.0f} s to {OUTAGE[1]:.0f} s"
    )
    for name, value in figures.items():
        flag = "  <- must be 0" if name in MUST_BE_ZERO and value else ""
        print(f"  {name:<42} {value:>6}{flag}")
    print(f"  outcomes: {breakdown}")
    return 1 if any(figures[name] for name in MUST_BE_ZERO) else 0


async def _send(runtime: Runtime, args: argparse.Namespace, clock: threading.Thread) -> list[str]:
    async with serve_smtp(runtime, "127.0.0.1", 0) as smtp:
        clock.start()
        return await send_all(smtp.port, args.emails, args.seconds)


if __name__ == "__main__":
    raise SystemExit(main())
