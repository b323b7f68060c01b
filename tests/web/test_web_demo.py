"""`knowreply demo`: the fake Stripe account, the demo member and the connected demo key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from knowreply.db.models import AuditEvent
from knowreply.demo import (
    DEMO_BUSINESS,
    prepare_demo,
    reset_fake_stripe_state,
    start_fake_stripe,
    with_stripe_api_base,
)
from knowreply.demo_stripe import FakeStripeProcess, demo_account
from knowreply.integrations.stripe import service
from knowreply.runtime import Runtime
from knowreply.web.app import create_app
from tests.web.conftest import sign_in


@pytest.fixture
def demo_fake() -> Iterator[FakeStripeProcess]:
    fake = start_fake_stripe(preferred_port=0)
    yield fake
    fake.stop()


def test_the_demo_is_connected_to_the_fake_once_however_often_it_starts(
    runtime: Runtime, demo_fake: FakeStripeProcess
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


def test_the_fake_address_opens_a_page_saying_what_it_is(demo_fake: FakeStripeProcess) -> None:
    page = httpx.get(demo_fake.url + "/")

    assert page.status_code == 200
    assert "Fake Stripe API" in page.text and "alice@example.com" in page.text


def test_the_demo_account_survives_a_restart_of_the_fake(tmp_path: Path) -> None:
    first = start_fake_stripe(preferred_port=0, data_dir=tmp_path)
    try:
        key = demo_account(first.url).key
        charge = _latest_charge(first.url, key, "alice@example.com")
        refunded = httpx.post(
            first.url + "/v1/refunds",
            data={"charge": charge["id"]},
            headers={"Authorization": f"Bearer {key}"},
        )
        assert refunded.status_code == 200
    finally:
        first.stop()
    again = start_fake_stripe(preferred_port=0, data_dir=tmp_path)
    try:
        assert _latest_charge(again.url, key, "alice@example.com")["refunded"] is True
    finally:
        again.stop()
    reset_fake_stripe_state(tmp_path)
    fresh = start_fake_stripe(preferred_port=0, data_dir=tmp_path)
    try:
        assert _latest_charge(fresh.url, key, "alice@example.com")["refunded"] is False
    finally:
        fresh.stop()


def _latest_charge(url: str, key: str, email: str) -> dict[str, Any]:
    auth = {"Authorization": f"Bearer {key}"}
    customer = httpx.get(url + "/v1/customers", params={"email": email}, headers=auth).json()
    charges = httpx.get(
        url + "/v1/charges", params={"customer": customer["data"][0]["id"]}, headers=auth
    ).json()
    found: dict[str, Any] = charges["data"][0]
    return found
