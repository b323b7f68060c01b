"""Who is calling (session cookie or bearer token) and CSRF protection for forms."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from knowreply.errors import KnowreplyError
from knowreply.runtime import Runtime
from knowreply.web.accounts import Principal, principal_for_member, principal_for_token

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class NotSignedIn(KnowreplyError):
    status = 401


class CsrfFailed(KnowreplyError):
    status = 403


class RedirectToLogin(Exception):
    """Raised by page dependencies; the app turns it into a redirect to /login."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def get_runtime(request: Request) -> Runtime:
    runtime = request.app.state.runtime
    assert isinstance(runtime, Runtime)
    return runtime


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Unsafe requests made with the session cookie must echo the session's token."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        sent_value = (await request.form()).get(CSRF_FIELD)
        sent = sent_value if isinstance(sent_value, str) else None
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(expected, sent):
        raise CsrfFailed("The form expired or did not come from this site. Reload and retry.")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _from_session(request: Request, runtime: Runtime) -> Principal | None:
    member_id = request.session.get("member_id")
    if not isinstance(member_id, int):
        return None
    with runtime.sessions() as session:
        return principal_for_member(session, member_id)


async def api_principal(
    request: Request, runtime: Annotated[Runtime, Depends(get_runtime)]
) -> Principal:
    """JSON API: a bearer token, or the dashboard session plus its CSRF token."""
    if (token := _bearer(request)) is not None:
        with runtime.sessions() as session, session.begin():
            principal = principal_for_token(session, token)
        if principal is None:
            raise NotSignedIn("Invalid API token.")
        return principal
    principal = _from_session(request, runtime)
    if principal is None:
        raise NotSignedIn("Sign in or send an API token (Authorization: Bearer kr_…).")
    await check_csrf(request)
    return principal


async def page_principal(
    request: Request, runtime: Annotated[Runtime, Depends(get_runtime)]
) -> Principal:
    """Dashboard pages: the signed-in member, else a redirect to the sign-in page."""
    principal = _from_session(request, runtime)
    if principal is None:
        raise RedirectToLogin(request.url.path)
    await check_csrf(request)
    return principal


def login_redirect(next_path: str) -> RedirectResponse:
    target = next_path if next_path.startswith("/") and not next_path.startswith("//") else "/"
    return RedirectResponse(f"/login?next={target}", status_code=303)


ApiPrincipal = Annotated[Principal, Depends(api_principal)]
PagePrincipal = Annotated[Principal, Depends(page_principal)]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
