"""`knowreply demo`: the fake Stripe account, the demo member and the connected demo key."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from knowreply.db.models import AuditEvent
from knowreply.demo import (
    DEMO_BUSINESS,
    FakeStripeThread,
    prepare_demo,
    start_fake_stripe,
    with_stripe_api_base,
)
from knowreply.integrations.stripe import service
from knowreply.runtime import Runtime
from knowreply.web.app import create_app
from tests.web.conftest import sign_in


@pytest.fixture
def demo_fake() -> Iterator[FakeStripeThread]:
    fake = start_fake_stripe(preferred_port=0)
    yield fake
    fake.stop()


def test_the_demo_is_connected_to_the_fake_once_however_often_it_starts(
    runtime: Runtime, demo_fake: FakeStripeThread
) -> None:
    assert demo_fake.url.startswith("http://127.0.0.1:")
    assert httpx.get(demo_fake.url + "/_fake/requests").status_code == 200
    demo = with_stripe_api_base(runtime, demo_fake.url)
    first = prepare_demo(demo)
    assert prepare_demo(demo) == first

    status = service.status(demo, 1)
    assert status.connected and status.mode == "test"
    with runtime.sessions() as session:
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions == ["settings.update", "stripe.connect"]

    with TestClient(create_app(demo), base_url="http://127.0.0.1:8000") as client:
        token = sign_in(client, first.email, first.password)
        settings = client.get("/api/v1/settings", headers={"X-CSRF-Token": token}).json()
        assert settings["business_name"] == DEMO_BUSINESS
        assert "You will see test data" in client.get("/simulator").text
