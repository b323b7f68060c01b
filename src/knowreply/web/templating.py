"""Jinja2 templates with what every page needs: the CSRF token, the member, the nav."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from knowreply.demo import DEMO_EMAIL
from knowreply.demo_stripe import demo_account_or_none
from knowreply.integrations.stripe.keys import parse_key
from knowreply.runtime import Runtime
from knowreply.web import repository, texts
from knowreply.web.accounts import Principal
from knowreply.web.security import CSRF_FIELD, CSRF_HEADER, csrf_token

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")

NAV = (
    ("home", "Home", "/"),
    ("toolkit", "Toolkit", "/toolkit"),
    ("simulator", "Simulator", "/simulator"),
    ("inbox", "Inbox", "/inbox"),
    ("approvals", "Approvals", "/approvals"),
    ("audit", "Audit log", "/audit"),
    ("mail", "Mail", "/mail"),
    ("settings", "Settings", "/settings"),
)
DEMO_NAV = ("demo", "Demo", "/demo")


def demo_key_masked(stripe_api_base: str | None) -> str | None:
    """The demo key, masked, when Stripe's address is the demo's fake server."""
    account = demo_account_or_none(stripe_api_base)
    return parse_key(account.key).masked if account is not None else None


def _header(request: Request, principal: Principal) -> repository.Header:
    runtime: Runtime = request.app.state.runtime
    with runtime.sessions() as session:
        return repository.header(
            session,
            principal.workspace_id,
            demo_key_masked=demo_key_masked(runtime.settings.stripe_api_base),
            demo_member=DEMO_EMAIL,
        )


def render(
    request: Request,
    template: str,
    *,
    principal: Principal | None = None,
    page: str = "",
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    header = _header(request, principal) if principal is not None else None
    nav = (*NAV, DEMO_NAV) if header is not None and header.demo else NAV
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "principal": principal,
            "page": page,
            "nav": nav,
            "header": header,
            "texts": texts,
            "csrf_token": csrf_token(request),
            "csrf_field": CSRF_FIELD,
            "csrf_header": CSRF_HEADER,
            **context,
        },
        status_code=status_code,
    )
