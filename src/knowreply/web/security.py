"""Who is calling (server-side session or bearer token), what their role allows, and CSRF.

The session cookie (signed) carries only a random session id once signed in; the session
itself lives in `web_sessions`, so signing out, idling or an owner's change ends it on the
server. The CSRF token of a signed-in session is derived from that id, so it changes at
every sign-in: a token planted in the browser before signing in is worthless after.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from knowreply.access import Forbidden, Role, require
from knowreply.errors import KnowreplyError
from knowreply.runtime import Runtime
from knowreply.web.accounts import Principal, principal_for_session, principal_for_token

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SESSION_KEY = "sid"


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


def _session_id(request: Request) -> str | None:
    value = request.session.get(SESSION_KEY)
    return value if isinstance(value, str) else None


def _csrf_for(request: Request, session_id: str) -> str:
    key = get_runtime(request).master_key.derive("csrf-tokens")
    return hmac.new(key, session_id.encode(), hashlib.sha256).hexdigest()


def _expected_csrf(request: Request) -> str | None:
    if (session_id := _session_id(request)) is not None:
        return _csrf_for(request, session_id)
    token = request.session.get("csrf")
    return token if isinstance(token, str) else None


def csrf_token(request: Request) -> str:
    """The CSRF token for forms: the signed-in session's, or (before signing in) a random
    one kept in the cookie, created on first use."""
    token = _expected_csrf(request)
    if token is None:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Unsafe requests made with the session cookie must echo the session's token."""
    if request.method in SAFE_METHODS:
        return
    expected = _expected_csrf(request)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        sent_value = (await request.form()).get(CSRF_FIELD)
        sent = sent_value if isinstance(sent_value, str) else None
    if expected is None or not sent or not hmac.compare_digest(expected, sent):
        raise CsrfFailed("The form expired or did not come from this site. Reload and retry.")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _from_session(request: Request, runtime: Runtime) -> Principal | None:
    session_id = _session_id(request)
    if session_id is None:
        return None
    with runtime.sessions() as session, session.begin():
        principal = principal_for_session(session, session_id)
    if principal is None:
        request.session.clear()  # ended, idle or revoked: forget the dead id
    return principal


async def api_principal(
    request: Request, runtime: Annotated[Runtime, Depends(get_runtime)]
) -> Principal:
    """JSON API: a bearer token, or the dashboard session plus its CSRF token."""
    if (token := _bearer(request)) is not None:
        with runtime.sessions() as session, session.begin():
            principal = principal_for_token(session, token)
        if principal is None:
            raise NotSignedIn("Invalid or revoked API token.")
        if principal.scope == "read" and request.method not in SAFE_METHODS:
            raise Forbidden(
                "This API token is read-only; use a token with the full scope.",
                caller=principal,
                action=f"{request.method} {request.url.path}",
            )
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


_WHAT = {"member": "Changing things here", "owner": "This"}


def _needing(
    base: Callable[[Request, Runtime], Awaitable[Principal]], role: Role
) -> Callable[..., Awaitable[Principal]]:
    """A dependency: the caller from `base`, refused (403, audited) below `role`."""

    async def dependency(
        request: Request, runtime: Annotated[Runtime, Depends(get_runtime)]
    ) -> Principal:
        principal = await base(request, runtime)
        require(
            principal,
            role,
            action=f"{request.method} {request.url.path}",
            what=_WHAT.get(role, "This"),
        )
        return principal

    return dependency


def login_redirect(next_path: str) -> RedirectResponse:
    target = next_path if next_path.startswith("/") and not next_path.startswith("//") else "/"
    return RedirectResponse(f"/login?next={target}", status_code=303)


ApiPrincipal = Annotated[Principal, Depends(api_principal)]
"""Anyone of the workspace: a viewer or better (reads)."""
ApiOperator = Annotated[Principal, Depends(_needing(api_principal, "member"))]
"""A member or an owner (operating: approvals, retries, replies, the Simulator)."""
ApiOwner = Annotated[Principal, Depends(_needing(api_principal, "owner"))]
"""Owners only (Stripe, members, tokens)."""
PagePrincipal = Annotated[Principal, Depends(page_principal)]
PageOperator = Annotated[Principal, Depends(_needing(page_principal, "member"))]
PageOwner = Annotated[Principal, Depends(_needing(page_principal, "owner"))]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
