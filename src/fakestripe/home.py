"""`/`: what this server is, for a person who opens its address in a browser; and
`/_fake/demo`: the demo account's key and customers, for the product's demo page."""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from .api import API_VERSION
from .seed import DEMO_RESTRICTED_KEY, demo_customers
from .state import FakeState


async def root(request: Request) -> HTMLResponse:
    state: FakeState = request.app.state.fake
    customers = "".join(
        f"<li><code>{escape(email)}</code>: {escape(story)}</li>"
        for email, story in demo_customers()
        if any(c["email"] == email for c in state.store.test.all("customer"))
    )
    saved = escape(str(state.state_file)) if state.state_file else "memory only"
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Fake Stripe API</title></head><body style="font-family:sans-serif;max-width:48rem">
<h1>Fake Stripe API (for knowreply's tests and demo)</h1>
<p>This is not Stripe. It answers the Stripe API (version <code>{API_VERSION}</code>) for
the resources knowreply uses, at <code>/v1/…</code>, with test-mode data only. Point a Stripe
SDK at this address with a key (<code>sk_test_…</code> or a registered restricted key).</p>
<p>State: {saved}.</p>
<h2>Demo customers (test mode)</h2><ul>{customers or "<li>none (empty account)</li>"}</ul>
<h2>Control API (loopback only)</h2>
<ul><li><code>GET /_fake/requests</code>: every request received</li>
<li><code>POST /_fake/reset</code> <code>{{"seed": "demo"}}</code>: start over</li>
<li><code>POST /_fake/keys</code>, <code>/_fake/faults</code>, <code>/_fake/portal</code>,
<code>/_fake/payments</code>, <code>/_fake/rate_limit</code></li></ul>
</body></html>"""
    return HTMLResponse(page)


async def demo(request: Request) -> JSONResponse:
    customers = [{"email": email, "story": story} for email, story in demo_customers()]
    return JSONResponse({"key": DEMO_RESTRICTED_KEY, "customers": customers})


ROUTES = [
    Route("/", root, methods=["GET"]),
    Route("/_fake/demo", demo, methods=["GET"]),
]
