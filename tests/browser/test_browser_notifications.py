"""Settings > Notifications in a real browser: a member's own choice, the owner's webhook
(secret shown once) and a test notification whose results, good and bad, are shown."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from knowreply.config import Settings
from knowreply.notifications import signing
from tests.browser.conftest import OWNER, PASSWORD, LiveServer, screenshot
from tests.webhook_receiver import Receiver, run_receiver

pytestmark = pytest.mark.browser


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """The operator allows a webhook on loopback, where the test's receiver listens."""
    return Settings(
        database_url=database_url, data_dir=tmp_path / "data", allow_private_webhook_urls=True
    )


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with run_receiver() as state:
        yield state


def test_an_owner_sets_their_emails_and_a_webhook_then_sends_a_test(
    page: Page, live_server: LiveServer, receiver: Receiver
) -> None:
    page.goto(live_server.url + "/login")
    page.get_by_label("Email").fill(OWNER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(live_server.url + "/settings")
    page.get_by_test_id("notifications-link").click()
    expect(page.get_by_test_id("preference-immediately")).to_be_checked()
    page.get_by_test_id("preference-daily").check()
    page.get_by_test_id("preference-save").click()
    expect(page.get_by_test_id("notifications-saved")).to_be_visible()
    expect(page.get_by_test_id("preference-daily")).to_be_checked()

    page.get_by_test_id("webhook-url-input").fill(receiver.url)
    page.get_by_test_id("webhook-save").click()
    secret = page.get_by_test_id("webhook-secret").locator("code").inner_text()
    assert secret.startswith("whsec_")
    expect(page.get_by_test_id("webhook-url")).to_contain_text(receiver.url)

    page.get_by_test_id("notifications-test").click()
    expect(page.locator(".flash-ok")).to_contain_text("Test sent to 127.0.0.1 (webhook).")
    expect(page.locator(".flash-error")).to_contain_text("no SMTP account")
    expect(page.get_by_test_id("delivery")).to_have_count(2)
    expect(page.get_by_test_id("delivery-error")).to_contain_text("no SMTP account")
    expect(page.get_by_test_id("deliveries")).to_contain_text("Not sent")  # words, not states
    assert page.get_by_test_id("webhook-secret").count() == 0  # shown once
    [posted] = receiver.received
    assert signing.verify(secret, posted.headers[signing.HEADER], posted.body, now=int(time.time()))
    assert json.loads(posted.body)["type"] == "test"
    screenshot(page, "notifications")
