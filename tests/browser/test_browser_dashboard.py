"""The dashboard in a real browser: from signing in to a refund waiting for approval."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import Dialog, Page, expect

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.runtime import Runtime
from tests.browser.conftest import OWNER, PASSWORD, LiveServer, screenshot
from tests.pipeline.conftest import customer_email
from tests.web.conftest import configure_support, mark_failed, plant_refund_request, receive
from tests.web.test_web_approvals import UNSIZED, refunds_made

pytestmark = pytest.mark.browser
REFUNDING_CUSTOMER = "alice@example.com"  # the demo seed: a refundable $49.00 charge


def sign_in(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/login")
    screenshot(page, "login")
    page.get_by_label("Email").fill(OWNER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/$"))


def connect_stripe_and_allow_refunds(page: Page) -> None:
    page.get_by_test_id("nav-toolkit").click()
    key_input = page.get_by_test_id("stripe-key-input")
    key_input.fill("pk_live_51HqLyjWDarjtT1zdp7dc")
    page.get_by_test_id("stripe-connect").click()
    expect(page.get_by_test_id("stripe-error")).to_contain_text("Stripe Secret Key is required")

    page.get_by_test_id("stripe-key-input").fill(DEMO_RESTRICTED_KEY)
    page.get_by_test_id("stripe-connect").click()
    expect(page.get_by_test_id("stripe-indicator")).to_have_attribute("data-state", "connected")
    expect(page.get_by_test_id("stripe-key")).to_have_text("rk_test_…demo")

    with page.expect_response("**/toolkit/stripe/capabilities/refunds") as saved:
        page.get_by_test_id("capability-refunds").check()
    assert saved.value.ok
    page.reload()
    expect(page.get_by_test_id("capability-refunds")).to_be_checked()
    screenshot(page, "toolkit")


def ask_for_a_refund(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/simulator")
    expect(page.get_by_test_id("test-mode-banner")).to_contain_text(
        "You will see test data; this is expected."
    )
    page.get_by_role("link", name="Pick a demo customer").click()
    expect(page.get_by_test_id("demo-customers")).to_contain_text(REFUNDING_CUSTOMER)
    screenshot(page, "demo")
    page.get_by_test_id(f"try-{REFUNDING_CUSTOMER}").click()
    expect(page.get_by_test_id("sim-sender")).to_have_value(REFUNDING_CUSTOMER)
    expect(page.get_by_test_id("sim-verified")).to_be_checked()
    page.get_by_test_id("sim-run").click()
    trace = page.get_by_test_id("trace")
    expect(trace).to_be_visible()
    expect(trace).to_contain_text(f"{REFUNDING_CUSTOMER} · verified")
    expect(page.get_by_test_id("trace-outcome")).not_to_be_empty()


def test_owner_connects_stripe_simulates_a_refund_and_finds_it_audited(
    page: Page, live_server: LiveServer
) -> None:
    sign_in(page, live_server)
    connect_stripe_and_allow_refunds(page)
    ask_for_a_refund(page, live_server)
    page.reload()  # the run is listed to reopen
    expect(page.get_by_test_id("recent-runs")).to_contain_text(REFUNDING_CUSTOMER)
    page.get_by_test_id("recent-runs").get_by_role("link").first.click()
    expect(page.get_by_test_id("trace")).to_be_visible()
    screenshot(page, "simulator")

    planted = plant_refund_request(live_server.runtime)  # as the pipeline will store one
    page.get_by_role("link", name="Approvals").first.click()
    waiting = page.get_by_test_id(f"approval-{planted}")
    expect(waiting).to_contain_text("Refund of $49.00")
    expect(waiting).to_contain_text("I was charged twice.")
    screenshot(page, "approvals")

    page.get_by_role("link", name="Settings").first.click()
    page.get_by_label("Time zone").fill("Nowhere/Atlantis")
    page.get_by_test_id("settings-save").click()
    expect(page.get_by_test_id("error-timezone")).to_contain_text("is not a time zone")
    page.get_by_label("Time zone").fill("Europe/Berlin")
    page.get_by_test_id("settings-save").click()
    expect(page.get_by_test_id("settings-saved")).to_be_visible()
    screenshot(page, "settings")

    page.get_by_role("link", name="Audit log").first.click()
    log = page.get_by_test_id("audit-log")
    expect(log).to_contain_text(f"{OWNER} connected Stripe with the key rk_test_…demo")
    expect(log).to_contain_text(f"{OWNER} turned on “Issue full or partial refunds”")
    expect(log).to_contain_text(f"{OWNER} changed timezone")
    screenshot(page, "audit")


def test_owner_approves_the_refund_the_agent_waits_for(page: Page, live_server: LiveServer) -> None:
    sign_in(page, live_server)
    connect_stripe_and_allow_refunds(page)
    ask_for_a_refund(page, live_server)
    expect(page.get_by_test_id("trace-outcome")).to_have_text("Waits for approval")

    page.get_by_role("link", name="Approvals").first.click()
    pending = page.locator("[data-status=awaiting_approval]")
    expect(pending).to_have_count(1)
    expect(pending).to_contain_text("Refund of $49.00")
    screenshot(page, "approvals-pending")
    page.once("dialog", lambda dialog: dialog.accept())
    pending.get_by_role("button", name="Approve").click()
    expect(page.get_by_test_id("approval-status")).to_have_text(re.compile("Approved|Done"))
    page.reload()
    expect(page.get_by_test_id("nothing-pending")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Refund of $49.00")


def test_owner_sets_the_amount_of_a_part_the_customer_asked_back(
    page: Page, live_server: LiveServer
) -> None:
    sign_in(page, live_server)
    connect_stripe_and_allow_refunds(page)
    page.goto(live_server.url + "/simulator")
    page.get_by_test_id("sim-sender").fill(REFUNDING_CUSTOMER)
    page.get_by_test_id("sim-verified").check()
    page.get_by_test_id("sim-body").fill(UNSIZED)
    page.get_by_test_id("sim-run").click()
    expect(page.get_by_test_id("trace-outcome")).to_have_text("Waits for approval")

    page.get_by_test_id("to-approvals").click()
    pending = page.locator("[data-status=awaiting_approval]")
    expect(pending).to_have_count(1)
    action_id = (pending.get_attribute("data-testid") or "").removeprefix("approval-")
    card = page.get_by_test_id(f"approval-{action_id}")
    expect(card).to_contain_text("Refund: you set the amount")
    expect(card.get_by_test_id("refundable-now")).to_have_text("$49.00")
    expect(card.get_by_test_id("policy")).to_contain_text("you set the amount")
    amount = card.get_by_test_id(f"amount-{action_id}")
    expect(amount).to_be_empty()
    expect(amount).to_have_attribute("name", "amount")
    screenshot(page, "approvals-amount-to-set")
    confirmed: list[str] = []

    def accept(dialog: Dialog) -> None:
        confirmed.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    approve = card.get_by_test_id(f"approve-{action_id}")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url))
    page.evaluate(
        "document.body.addEventListener('htmx:validation:halted',"
        " () => { window.amountHalted = true; })"
    )
    approve.click()  # empty: the browser asks for the amount and sends nothing
    page.wait_for_function("window.amountHalted === true")
    assert amount.evaluate("field => field.validity.valueMissing && field.validationMessage")
    assert not [url for url in sent if url.endswith("/approve")], sent
    error = card.get_by_test_id(f"amount-error-{action_id}")
    expect(error).to_have_count(0)
    amount.fill("60")  # more than the $49.00 payment
    approve.click()
    expect(error).to_contain_text("set less than all of it")
    expect(error).to_have_attribute("role", "alert")
    expect(card).to_have_attribute("data-status", "awaiting_approval")
    expect(amount).to_have_attribute("aria-invalid", "true")
    assert refunds_made(live_server.fake) == []
    screenshot(page, "approvals-amount-refused")

    amount.fill("10")
    approve.click()
    expect(card).to_have_attribute("data-status", re.compile("^(approved|done)$"))
    expect(card.get_by_test_id("approval-status")).to_have_text(re.compile("Approved|Done"))
    expect(card).to_contain_text("Refund of $10.00")
    assert confirmed and all("of the amount you set?" in m for m in confirmed), confirmed
    assert [cents for _, cents in refunds_made(live_server.fake)] == [1000]
    page.reload()
    expect(page.get_by_test_id("nothing-pending")).to_be_visible()
    expect(page.get_by_test_id("decided")).to_contain_text("Refund of $10.00")


def handled(runtime: Runtime, raw: bytes) -> int:
    """Stored and handled on a thread of its own: Playwright's event loop runs on this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(receive, runtime, raw).result()


def test_owner_reads_the_inbox_and_a_thread(page: Page, live_server: LiveServer) -> None:
    runtime = live_server.runtime
    configure_support(runtime)  # no SMTP account yet: a reply by hand says so
    question = handled(runtime, customer_email("Hi, where is my refund for order 1042?"))
    handled(
        runtime,
        customer_email(
            "I am out of the office until Monday.",
            subject="Automatic reply: Your invoice",
            sender="dan@customer.test",
            headers={"Auto-Submitted": "auto-replied"},
        ),
    )
    broken = handled(
        runtime, customer_email("Please cancel my plan.", subject="Cancel", sender="eve@x.test")
    )
    mark_failed(runtime, broken)

    sign_in(page, live_server)
    page.get_by_role("link", name="Inbox").first.click()
    conversations = page.get_by_test_id("conversations")
    expect(conversations).to_contain_text("Needs a person")
    expect(conversations).to_contain_text("Skipped: automatic reply or out-of-office")
    expect(conversations).to_contain_text("Failed: the agent could not finish")
    screenshot(page, "inbox")

    page.get_by_test_id("filter-attention").click()
    expect(conversations).not_to_contain_text("Automatic reply: Your invoice")
    page.get_by_role("link", name="Refund for order 1042").click()
    email_in = page.get_by_test_id(f"message-{question}")
    expect(email_in).to_contain_text("where is my refund for order 1042?")
    page.get_by_text("What the agent did").click()
    expect(page.get_by_test_id("trace")).to_be_visible()
    page.get_by_label(re.compile("in the same thread")).fill("Your refund went out today.")
    page.get_by_test_id("send-reply").click()
    expect(page.get_by_test_id("reply-error")).to_contain_text("no SMTP account")
    screenshot(page, "inbox-thread")
