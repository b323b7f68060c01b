"""The web application: dashboard pages and the JSON API under /api/v1."""

from __future__ import annotations

from pathlib import Path

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from knowreply import __version__
from knowreply.access import Forbidden, record_refusal
from knowreply.errors import KnowreplyError
from knowreply.runtime import Runtime
from knowreply.web.routes import (
    api,
    approvals,
    audit,
    auth,
    home,
    inbox,
    mail,
    notifications,
    settings,
    simulator,
    toolkit,
    webhooks,
)
from knowreply.web.security import RedirectToLogin, login_redirect
from knowreply.web.templating import render

log = structlog.get_logger(__name__)
SESSION_MAX_AGE = 12 * 3600
"""The cookie's life; the session row decides (idle expiry, sign-out, revocation)."""


def _wants_json(request: Request) -> bool:
    machine = request.url.path.startswith(("/api/", "/webhooks/"))
    return machine or "application/json" in request.headers.get("accept", "")


def _error_response(request: Request, status: int, error: str, detail: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": error, "detail": detail}, status_code=status)
    return render(
        request, "error.html", status_code=status, title=error, heading=error, detail=detail
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(KnowreplyError)
    async def known_error(request: Request, error: KnowreplyError) -> Response:
        return _error_response(request, error.status, type(error).__name__, error.detail)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, error: Forbidden) -> Response:
        record_refusal(request.app.state.runtime.sessions, error)
        return _error_response(request, error.status, "Forbidden", error.detail)

    @app.exception_handler(RedirectToLogin)
    async def to_login(request: Request, error: RedirectToLogin) -> Response:
        if request.headers.get("hx-request"):
            return Response(status_code=204, headers={"HX-Redirect": "/login"})
        return login_redirect(error.next_path)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}"
            for e in error.errors()
        )
        return _error_response(request, 422, "ValidationError", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        name = {404: "NotFound", 405: "MethodNotAllowed"}.get(error.status_code, "HTTPError")
        return _error_response(request, error.status_code, name, str(error.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("web.error", path=request.url.path)
        return _error_response(request, 500, "InternalError", "Something went wrong; see logs.")


def create_app(runtime: Runtime) -> FastAPI:
    app = FastAPI(
        title="knowreply",
        version=__version__,
        docs_url="/api/docs",
        openapi_url="/api/v1/openapi.json",
        redoc_url=None,
    )
    app.state.runtime = runtime
    app.add_middleware(
        SessionMiddleware,
        secret_key=runtime.master_key.derive("session-cookie").hex(),
        session_cookie="knowreply_session",
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=runtime.settings.public_url.startswith("https://"),
    )
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    _install_error_handlers(app)
    app.include_router(auth.router)
    app.include_router(api.router)
    app.include_router(audit.router)
    app.include_router(home.router)
    app.include_router(mail.router)
    app.include_router(toolkit.router)
    app.include_router(simulator.router)
    app.include_router(inbox.router)
    app.include_router(approvals.router)
    app.include_router(settings.router)
    app.include_router(notifications.router)
    app.include_router(webhooks.router)

    @app.get("/healthz", tags=["ops"])
    def healthz() -> JSONResponse:
        """Liveness and database check for load balancers and monitors."""
        try:
            with runtime.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError as error:
            return JSONResponse(
                {"status": "error", "database": type(error).__name__}, status_code=503
            )
        return JSONResponse({"status": "ok", "database": "ok", "version": __version__})

    return app
