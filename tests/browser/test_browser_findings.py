"""Issue 14's findings in a real browser, at 1280 and 390 px: a newcomer from `make demo` to a
verified refund approved on a phone, mail set up in the dashboard, pages that update by
themselves, the audit log as sentences, a conversation that does not contradict itself."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from knowreply.db.models import AgentRun, Message
from knowreply.db.session import transaction
from knowreply.demo import DEMO_BUSINESS, DEMO_EMAIL, DEMO_PASSWORD, prepare_demo
from knowreply.integrations.stripe.operations.refunds import IDEMPOTENCY_METADATA
from knowreply.runtime import Runtime
from tests.browser.conftest import (
    DESKTOP,
    OWNER,
    PASSWORD,
    PHONE,
    LiveServer,
    screenshot,
    sideways_overflow,
)
from tests.mailservers import DOVECOT_PASSWORD, SmtpSink, run_dovecot, run_smtp_sink
from tests.pipeline.conftest import customer_email
from tests.web.conftest import plant_refund_request, receive

pytestmark = pytest.mark.browser
REFUND_BODY = "Could you refund my last payment?"


def in_thread(function, *args):  # type: ignore[no-untyped-def]
    """Run on a thread of its own: Playwright's event loop runs on this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def sign_in_as(page: Page, server: LiveServer, email: str, password: str) -> None:
    page.goto(server.url + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/$"))


def open_from_menu(page: Page, key: str) -> None:
    """On a phone the nav sits behind the menu button."""
    if not page.get_by_test_id(f"nav-{key}").is_visible():
        page.get_by_test_id("menu-button").click()
    page.get_by_test_id(f"nav-{key}").click()


def test_a_newcomer_goes_from_the_demo_to_a_verified_refund_approved_on_a_phone(
    page: Page, live_server: LiveServer
) -> None:
    in_thread(prepare_demo, live_server.runtime)  # what `make demo` does before serving
    page.set_viewport_size(PHONE)
    sign_in_as(page, live_server, DEMO_EMAIL, DEMO_PASSWORD)

    # Home: the business by name, a checklist that knows Stripe is connected.
    expect(page.get_by_test_id("business-name")).to_have_text(DEMO_BUSINESS)
    expect(page.get_by_test_id("step-stripe")).to_have_attribute("data-done", "yes")
    expect(page.get_by_test_id("step-simulator")).to_have_attribute("data-done", "no")
    expect(page.get_by_test_id("nav-toolkit")).to_be_hidden()  # a compact nav: one row
    assert sideways_overflow(page) <= 0
    screenshot(page, "home")
    page.get_by_test_id("menu-button").click()
    expect(page.get_by_test_id("nav-demo")).to_be_visible()
    page.get_by_test_id("nav-toolkit").click()
    with page.expect_response("**/toolkit/stripe/capabilities/refunds"):
        page.get_by_test_id("capability-refunds").check()

    # The Simulator, from the Demo page: it waits for approval, with the amount.
    open_from_menu(page, "demo")
    page.get_by_test_id("try-alice@example.com").click()
    page.get_by_test_id("sim-run").click()
    expect(page.get_by_test_id("trace-outcome")).to_have_text("Waits for approval")
    expect(page.get_by_test_id("trace-waiting")).to_contain_text("Refund of $49.00")
    expect(page.get_by_test_id("trace-acknowledgement")).to_contain_text("Would acknowledge")
    expect(page.get_by_test_id("trace-reply")).to_contain_text("a refund of $49.00")
    expect(page.get_by_test_id("recent-runs")).to_contain_text("alice@example.com")  # no reload
    expect(page.get_by_test_id("trace-usage")).to_contain_text("no AI model was called")
    expect(page.get_by_test_id("waiting-badge")).to_have_text("1")  # the nav's count, live
    screenshot(page, "simulator-awaiting")

    # Approvals: who, what exactly, why it waits.
    page.get_by_test_id("to-approvals").click()
    card = page.locator("[data-status=awaiting_approval]")
    expect(card.get_by_test_id("customer-name")).to_have_text("Alice Martin")
    expect(card).to_contain_text("alice@example.com")
    link = card.get_by_test_id("stripe-customer-link")
    expect(link).to_have_attribute(
        "href", re.compile(r"^https://dashboard\.stripe\.com/test/customers/cus_")
    )
    expect(card.get_by_test_id("what-happens")).to_contain_text("Visa ending 4242")
    expect(card.get_by_test_id("refundable-after")).to_have_text("$0.00")
    expect(card.get_by_test_id("policy")).to_contain_text("every refund")
    expect(card).to_contain_text(REFUND_BODY)
    screenshot(page, "approvals-card")
    page.once("dialog", lambda dialog: dialog.accept())
    card.get_by_role("button", name="Approve").click()
    expect(page.get_by_test_id("approval-status")).to_have_text(re.compile("Approved|Done"))
    expect(page.get_by_test_id("waiting-badge")).to_have_count(0)  # updated in place
    expect(page.get_by_test_id("decided")).to_contain_text("Refund of $49.00")

    # Verified in Stripe: one refund of $49.00.
    reader = live_server.fake.control.restricted_key(["rak_refund_read"])
    refunds = live_server.fake.client(reader).v1.refunds.list()
    made = [r.amount for r in refunds.data if IDEMPOTENCY_METADATA in r.metadata]
    assert made == [4900]  # the demo account also holds an older refund of its own

    # The audit log says it in words, and its filters narrow it.
    open_from_menu(page, "audit")
    log = page.get_by_test_id("audit-log")
    expect(log).to_contain_text(
        re.compile(r"Alice Martin was refunded \$49\.00 on ch_\w+ — approved by demo@")
    )
    expect(log).to_contain_text(f"{DEMO_EMAIL} approved the refund of $49.00")
    screenshot(page, "audit")
    page.get_by_test_id("filter-customer").fill("martin")  # by name, not only the address
    page.get_by_test_id("filter-apply").click()
    expect(log).to_contain_text("Alice Martin was refunded $49.00")
    page.get_by_test_id("filter-customer").fill("nobody@nowhere.test")
    page.get_by_test_id("filter-apply").click()
    expect(page.get_by_test_id("audit-empty")).to_contain_text("No event matches")

    # A reopened run shows the email exactly as it was sent.
    open_from_menu(page, "simulator")
    page.get_by_test_id("recent-runs").get_by_role("link").first.click()
    expect(page.get_by_test_id("sim-sender")).to_have_value("alice@example.com")
    expect(page.get_by_test_id("sim-body")).to_have_value(re.compile(REFUND_BODY))
    expect(page.get_by_test_id("trace-outcome")).to_have_text("Would reply")
    screenshot(page, "simulator-reopened")


def test_the_demo_key_is_reconnected_after_a_disconnect(
    page: Page, live_server: LiveServer
) -> None:
    in_thread(prepare_demo, live_server.runtime)
    sign_in_as(page, live_server, DEMO_EMAIL, DEMO_PASSWORD)
    page.get_by_test_id("nav-toolkit").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=re.compile("Disconnect")).click()
    expect(page.get_by_test_id("stripe-indicator")).not_to_have_attribute("data-state", "connected")
    page.get_by_test_id("nav-demo").click()  # still in the nav after the disconnect
    expect(page.get_by_test_id("demo-disconnected")).to_be_visible()
    screenshot(page, "demo-disconnected")
    page.get_by_test_id("demo-reconnect").click()
    expect(page.get_by_test_id("demo-disconnected")).to_have_count(0)
    page.get_by_test_id("nav-home").click()
    expect(page.get_by_test_id("step-stripe")).to_have_attribute("data-done", "yes")


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    """An SMTP server on a thread with its own event loop (Playwright owns this thread's)."""
    ready: Future[tuple[asyncio.AbstractEventLoop, asyncio.Event, SmtpSink]] = Future()

    async def serve() -> None:
        stop = asyncio.Event()
        async with run_smtp_sink() as sink:
            ready.set_result((asyncio.get_running_loop(), stop, sink))
            await stop.wait()

    thread = threading.Thread(target=lambda: asyncio.run(serve()), daemon=True)
    thread.start()
    loop, stop, sink = ready.result(timeout=10)
    yield sink
    loop.call_soon_threadsafe(stop.set)
    thread.join(timeout=10)


def test_mail_is_set_up_checked_and_tested_in_the_dashboard(
    page: Page, live_server: LiveServer, smtp_sink: SmtpSink
) -> None:
    sign_in_as(page, live_server, OWNER, PASSWORD)
    expect(page.get_by_test_id("step-mail")).to_have_attribute("data-done", "no")
    page.get_by_test_id("nav-inbox").click()
    empty = page.get_by_test_id("no-conversations")
    expect(empty).to_contain_text("No email yet")
    screenshot(page, "inbox-empty")
    page.get_by_test_id("inbox-connect-mail").click()  # the way forward

    with run_dovecot() as dovecot:
        imap = page.get_by_test_id("imap-form")
        imap.get_by_label("Server").fill(dovecot.host)
        imap.get_by_label("Port").fill(str(dovecot.port))
        imap.get_by_label("Address or user name").fill("support@shop.test")
        imap.get_by_label("Password").fill("wrong password")
        imap.get_by_label("Security").select_option("none")
        page.get_by_test_id("imap-save").click()
        expect(page.locator(".flash-error")).to_contain_text("could not open the mailbox")
        imap = page.get_by_test_id("imap-form")
        imap.get_by_label("Server").fill(dovecot.host)
        imap.get_by_label("Port").fill(str(dovecot.port))
        imap.get_by_label("Address or user name").fill("support@shop.test")
        imap.get_by_label("Password").fill(DOVECOT_PASSWORD)
        imap.get_by_label("Security").select_option("none")
        page.get_by_test_id("imap-save").click()
        expect(page.locator(".flash-ok")).to_contain_text("Signed in to")

        smtp = page.get_by_test_id("smtp-form")
        smtp.get_by_label("Server").fill("127.0.0.1")
        smtp.get_by_label("Port").fill(str(smtp_sink.port))
        smtp.get_by_label("From address").fill("support@shop.test")
        smtp.get_by_label("Security").select_option("none")
        page.get_by_test_id("smtp-save").click()
        expect(page.get_by_test_id("smtp-status")).to_contain_text("127.0.0.1")

        page.get_by_test_id("mail-check").click()
        expect(page.locator(".flash-ok").first).to_contain_text("Mailbox support")
        expect(page.locator("main")).to_contain_text("accepts our connection")
    page.get_by_test_id("mail-test").click()
    expect(page.locator(".flash-ok")).to_contain_text(f"Sent a test email to {OWNER}")
    assert [m.rcpt_to for m in smtp_sink.received] == [[OWNER]]
    expect(page.get_by_test_id("webhook-url-postmark")).to_have_text(
        re.compile(r"/webhooks/postmark/default$")
    )
    screenshot(page, "mail")
    page.get_by_test_id("nav-home").click()
    expect(page.get_by_test_id("step-mail")).to_have_attribute("data-done", "yes")
    screenshot(page, "home-mail-done")


def test_inbox_and_approvals_update_without_a_reload(page: Page, live_server: LiveServer) -> None:
    runtime: Runtime = live_server.runtime
    sign_in_as(page, live_server, OWNER, PASSWORD)
    page.get_by_test_id("nav-inbox").click()
    expect(page.get_by_test_id("no-conversations")).to_be_visible()
    in_thread(receive, runtime, customer_email("Hi, where is my refund for order 1042?"))
    expect(page.get_by_test_id("conversations")).to_contain_text("Needs a person", timeout=20_000)

    page.get_by_test_id("nav-approvals").click()
    expect(page.get_by_test_id("nothing-pending")).to_be_visible()
    planted = in_thread(plant_refund_request, runtime)
    expect(page.get_by_test_id(f"approval-{planted}")).to_contain_text(
        "Refund of $49.00", timeout=20_000
    )
    expect(page.get_by_test_id("waiting-badge")).to_have_text("1", timeout=20_000)


def test_a_conversation_whose_reply_failed_does_not_say_replied(
    page: Page, live_server: LiveServer
) -> None:
    runtime = live_server.runtime
    message_id = in_thread(receive, runtime, customer_email("Where is my invoice?"))
    in_thread(_reply_failed_to_send, runtime, message_id)
    sign_in_as(page, live_server, OWNER, PASSWORD)
    page.get_by_test_id("nav-inbox").click()
    page.get_by_test_id("conversations").get_by_role("link").first.click()
    email = page.get_by_test_id(f"message-{message_id}")
    expect(email.get_by_test_id("outcome")).to_have_text("Failed: the reply could not be sent")
    page.get_by_text("What the agent did").click()
    outcome = email.get_by_test_id("trace-outcome")
    expect(outcome).not_to_have_text(re.compile("^Replied"))
    expect(outcome).not_to_have_class(re.compile(r"\bok\b"))
    screenshot(page, "conversation")


def _reply_failed_to_send(runtime: Runtime, message_id: int) -> None:
    """The agent wrote a reply (its run says replied) but the mail server refused it."""
    with transaction(runtime.sessions) as session:
        message = session.get_one(Message, message_id)
        message.status, message.status_reason = "failed", "send"
        message.status_detail = "smtp.shop.test answered 550 relay denied"
        run = session.scalars(select(AgentRun).where(AgentRun.message_id == message_id)).one()
        run.outcome = "replied"
        run.trace = {**run.trace, "outcome": "replied", "reason": None}


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_page_scrolls_sideways(
    page: Page, live_server: LiveServer, size: dict[str, int]
) -> None:
    in_thread(prepare_demo, live_server.runtime)
    in_thread(plant_refund_request, live_server.runtime)
    page.set_viewport_size(size)
    sign_in_as(page, live_server, DEMO_EMAIL, DEMO_PASSWORD)
    for path in (
        "/",
        "/toolkit",
        "/simulator",
        "/demo",
        "/inbox",
        "/approvals",
        "/audit",
        "/mail",
        "/settings",
        "/notifications",
    ):
        page.goto(live_server.url + path)
        expect(page.locator("main")).to_be_visible()
        assert sideways_overflow(page) <= 0, f"{path} scrolls sideways at {size['width']} px"
