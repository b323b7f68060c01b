"""Sign in and sign out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from knowreply.db.session import transaction
from knowreply.web.accounts import end_session, sign_in, start_session
from knowreply.web.security import SESSION_KEY, RuntimeDep, check_csrf
from knowreply.web.templating import render

router = APIRouter(include_in_schema=False)


def _safe_next(path: str | None) -> str:
    return path if path and path.startswith("/") and not path.startswith("//") else "/"


@router.get("/login")
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", title="Sign in", next_path=_safe_next(next))


@router.post("/login", dependencies=[Depends(check_csrf)])
def login(
    request: Request,
    runtime: RuntimeDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    client_ip = request.client.host if request.client else "unknown"
    with transaction(runtime.sessions) as session:
        member = sign_in(session, email, password, client_ip)
        session_id = start_session(session, member.id) if member else None
    if session_id is None:
        return render(
            request,
            "login.html",
            title="Sign in",
            status_code=401,
            error="Wrong email or password.",
            email=email,
            next_path=_safe_next(next),
        )
    # A new session id, and with it a new CSRF token: nothing planted before sign-in survives.
    request.session.clear()
    request.session[SESSION_KEY] = session_id
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request, runtime: RuntimeDep) -> RedirectResponse:
    """Sign out: the session ends on the server too, so a copied cookie stops working."""
    session_id = request.session.get(SESSION_KEY)
    if isinstance(session_id, str):
        with transaction(runtime.sessions) as session:
            end_session(session, session_id)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
