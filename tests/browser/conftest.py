"""Browser tests: the real app served by uvicorn on loopback, driven by Debian's Chromium.

Chromium comes from the system (`apt-get install chromium`), never `playwright install`.
Screenshots of each page (desktop and phone widths) go to `test-artifacts/screenshots/`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from knowreply.agent.brains.rules.intent_model import shared_model
from knowreply.db.session import transaction
from knowreply.demo import with_stripe_api_base
from knowreply.runtime import Runtime
from knowreply.web.app import create_app
from knowreply.workspaces import create_member, resolve_workspace
from tests.fake_stripe import FakeStripe

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
OWNER = "owner@acme.example"
PASSWORD = "correct horse battery staple"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def backend() -> str:
    """The browser tests run on SQLite only: the web layer is the same on both."""
    return "sqlite"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class LiveServer:
    url: str
    runtime: Runtime
    fake: FakeStripe


@pytest.fixture
def live_server(runtime: Runtime, fake_stripe: FakeStripe) -> Iterator[LiveServer]:
    """The dashboard on a free loopback port, its Stripe API pointed at the fake server.

    The rules brain's intent model is loaded first (once per process, as a server has it
    after its first email): its first load (scikit-learn's import, the cached arrays) can
    outlast an `expect`'s 5 s on a busy machine, and a test process may start with a browser
    test (`make unit` shares the files among processes)."""
    shared_model()
    served = with_stripe_api_base(runtime, fake_stripe.url)
    with transaction(served.sessions) as session:
        create_member(session, resolve_workspace(session, "default"), OWNER, PASSWORD)
    port = _free_port()
    config = uvicorn.Config(
        create_app(served),
        host="127.0.0.1",
        port=port,
        log_config=None,
        access_log=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="dashboard", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard did not start")
        time.sleep(0.01)
    yield LiveServer(f"http://127.0.0.1:{port}", served, fake_stripe)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per browser test module (each test opens its own context: no cookie or
    storage crosses tests). Never longer: Playwright's sync API keeps an event loop running
    in this thread while it is open, which would break every asyncio test that runs after
    it; the browser modules run their asyncio work in threads of their own."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, base_url=None)
    context.set_default_timeout(15_000)
    opened = context.new_page()
    yield opened
    context.close()


def sideways_overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0: nothing scrolls sideways)."""
    overflow: int = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return overflow


def screenshot(page: Page, name: str) -> None:
    """Save the page at desktop and phone widths (full length), checking at each width that
    the page does not scroll sideways; then restore the viewport the test used."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    before = page.viewport_size or DESKTOP
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
        overflow = sideways_overflow(page)
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {size['width']}px"
    page.set_viewport_size(before)
    print(f"screenshots: {SCREENSHOTS}/{name}-{{desktop,phone}}.png")
