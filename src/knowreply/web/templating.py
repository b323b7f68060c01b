"""Jinja2 templates with what every page needs: the CSRF token, the member, the nav."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from knowreply.web.accounts import Principal
from knowreply.web.security import CSRF_FIELD, CSRF_HEADER, csrf_token

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")

NAV = (
    ("toolkit", "Toolkit", "/toolkit"),
    ("simulator", "Simulator", "/simulator"),
    ("inbox", "Inbox", "/inbox"),
    ("approvals", "Approvals", "/approvals"),
    ("audit", "Audit log", "/audit"),
    ("settings", "Settings", "/settings"),
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
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "principal": principal,
            "page": page,
            "nav": NAV,
            "csrf_token": csrf_token(request),
            "csrf_field": CSRF_FIELD,
            "csrf_header": CSRF_HEADER,
            **context,
        },
        status_code=status_code,
    )
