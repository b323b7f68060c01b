"""Bursts stay within Stripe's limits: one gateway's own window, and the database-shared
windows of several workers."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import datetime

from sqlalchemy import delete, func, select
from stripe_ops_support import scope_of

from fake_stripe import running_fake_stripe
from fakestripe.auth import ACCOUNT_ID
from fakestripe.seed import DEMO_RESTRICTED_KEY
from knowreply.agent.run import Setup, load_setup
from knowreply.db.models import StripeRateSlot
from knowreply.db.session import transaction
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.accounts import account_of
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.keys import parse_key
from knowreply.integrations.stripe.models import StripeRequest
from knowreply.integrations.stripe.operations import payment_status
from knowreply.integrations.stripe.ratelimit import (
    SlidingWindowLimiter,
    endpoint_of,
    shared_limiter,
)
from knowreply.runtime import Runtime
from knowreply.workspaces import create_workspace, resolve_workspace


def _busiest_second(starts: list[datetime]) -> int:
    """The most requests the log shows in any window shorter than one second."""
    starts = sorted(starts)
    return max(
        sum(1 for later in starts[i:] if (later - first).total_seconds() < 1.0)
        for i, first in enumerate(starts)
    )


async def test_sixty_reads_never_exceed_twenty_a_second() -> None:
    with running_fake_stripe(seed="demo", rate_limit_per_second=25) as fake:
        key = parse_key(DEMO_RESTRICTED_KEY)
        async with StripeGateway(key, SlidingWindowLimiter(20), api_base=fake.url) as gateway:
            alice = await scope_of(gateway, "alice@example.com")
            await asyncio.sleep(1.0)  # the lookup's requests leave the window
            fake.control.clear_requests()

            answers = await asyncio.gather(*(payment_status(gateway, alice) for _ in range(60)))

        log = fake.control.requests()

    assert {answer.id for answer in answers} == {answers[0].id}
    assert len(log) == 60
    assert {entry["status"] for entry in log} == {200}  # the fake's own 25/s never answered 429
    assert _busiest_second([datetime.fromisoformat(entry["at"]) for entry in log]) <= 20


def test_several_workers_sharing_the_database_never_meet_a_429(runtime: Runtime) -> None:
    """Three workers (each its own thread, event loop and limiter object) send 90 requests to
    one endpoint of a fake that applies Stripe's published limits: the database-shared
    windows keep every second on Stripe's side within 25.

    Under a loaded machine the SDK may retry a request whose answer came late, so the fake's
    log is compared with what the workers sent (their request records), not with 90."""
    key = parse_key(DEMO_RESTRICTED_KEY)
    sent: list[StripeRequest] = []

    async def worker(url: str) -> None:
        limiter = shared_limiter(runtime.sessions, key.secret, url, key.mode)
        async with StripeGateway(key, limiter, api_base=url) as gateway:
            await asyncio.gather(
                *(gateway.client.v1.charges.list_async(params={"limit": 1}) for _ in range(30))
            )
        sent.extend(gateway.requests)

    with running_fake_stripe(seed="demo", stripe_limits=True) as fake:
        threads = [threading.Thread(target=asyncio.run, args=(worker(fake.url),)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        log = [r for r in fake.control.requests() if r["path"] == "/v1/charges"]

    answered = [request for request in sent if request.status is not None]
    assert [request.status for request in answered] == [200] * 90, sent
    assert {request.request_id for request in answered} <= {entry["request_id"] for entry in log}
    assert len(log) <= len(sent), (log, sent)  # nothing the workers did not send
    assert {entry["status"] for entry in log} == {200}
    assert _busiest_second([datetime.fromisoformat(entry["at"]) for entry in log]) <= 25


def _connect(runtime: Runtime, workspace: str, key: str, url: str) -> Setup:
    with transaction(runtime.sessions) as session:
        create_workspace(session, workspace)
    asyncio.run(service.connect(runtime, workspace, key, actor="test", api_base=url))
    with runtime.sessions() as session:
        workspace_id = resolve_workspace(session, workspace).id
    setup = load_setup(runtime, workspace_id)
    assert isinstance(setup, Setup), setup
    return setup


def test_two_workspaces_on_one_account_share_its_budget(runtime: Runtime) -> None:
    """Two workspaces connected to one Stripe account with different keys (a restricted key
    and a secret key) each send a burst to one endpoint of a fake applying Stripe's limits:
    counted per account, not per key, every second on Stripe's side stays within 25."""

    async def burst(setup: Setup, url: str) -> None:
        limiter = shared_limiter(
            runtime.sessions, setup.key.secret, url, setup.key.mode, setup.account_id
        )
        async with StripeGateway(setup.key, limiter, api_base=url) as gateway:
            await asyncio.gather(
                *(gateway.client.v1.charges.list_async(params={"limit": 1}) for _ in range(40))
            )

    with running_fake_stripe(seed="demo", stripe_limits=True) as fake:
        shop = _connect(runtime, "shop", DEMO_RESTRICTED_KEY, fake.url)
        agency = _connect(runtime, "agency", "sk_test_agencykey0000000000000000", fake.url)
        fake.control.clear_requests()
        time.sleep(1.0)  # the live checks' requests leave the window
        threads = [
            threading.Thread(target=asyncio.run, args=(burst(setup, fake.url),))
            for setup in (shop, agency)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        log = [r for r in fake.control.requests() if r["path"] == "/v1/charges"]

    assert shop.account_id == agency.account_id == ACCOUNT_ID
    assert len(log) == 80
    assert {entry["status"] for entry in log} == {200}
    assert _busiest_second([datetime.fromisoformat(entry["at"]) for entry in log]) <= 25


def test_the_account_is_named_by_stripe_for_a_key_that_may_not_read_it() -> None:
    """A restricted key is refused `GET /v1/account`, and the refusal names the account."""
    with running_fake_stripe(seed="demo") as fake:
        restricted = fake.client(DEMO_RESTRICTED_KEY)
        secret = fake.client("sk_test_agencykey0000000000000000")

        assert asyncio.run(account_of(restricted)) == ACCOUNT_ID
        assert asyncio.run(account_of(secret)) == ACCOUNT_ID
        requests = [(r["path"], r["status"]) for r in fake.control.requests()]

    assert requests == [("/v1/account", 403), ("/v1/account", 200)]


def test_requests_are_counted_per_endpoint_as_stripe_names_them() -> None:
    assert endpoint_of("get", "/v1/charges/ch_3NkLd2") == "GET /v1/charges/{id}"
    assert endpoint_of("POST", "/v1/subscriptions/sub_1AbC") == "POST /v1/subscriptions/{id}"
    assert endpoint_of("GET", "/v1/customers/search") == "GET /v1/customers/search"
    assert endpoint_of("POST", "/v1/billing_portal/sessions") == "POST /v1/billing_portal/sessions"


async def test_a_shared_limiter_holds_every_window_or_none(runtime: Runtime) -> None:
    """An endpoint's window is free but the account's is full: nothing stays taken."""
    limiter = shared_limiter(runtime.sessions, "sk_test_windows", None, "test")
    held = [limiter._take_all("GET /v1/charges/{id}")[0] for _ in range(25)]  # the account's 25
    assert all(held)

    taken, wait = limiter._take_all("GET /v1/invoices")
    assert taken == [] and 0 < wait <= 60

    with runtime.sessions() as session:
        busy = session.scalar(
            select(func.count())
            .select_from(StripeRateSlot)
            .where(StripeRateSlot.window == "test GET /v1/invoices", StripeRateSlot.free_at > 0)
        )
    assert busy == 0


async def test_slot_rows_gone_from_the_database_are_made_again(runtime: Runtime) -> None:
    """The process remembers the rows it made; a new database at the same address (a test's,
    a restore) gets them again instead of waiting forever."""
    limiter = shared_limiter(runtime.sessions, "sk_test_rows", None, "test")
    async with limiter.slot("GET /v1/customers"):
        pass
    with transaction(runtime.sessions) as session:
        session.execute(delete(StripeRateSlot))

    async with asyncio.timeout(5):
        async with limiter.slot("GET /v1/customers"):
            pass
