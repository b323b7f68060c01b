"""The web application: dashboard pages and the JSON API."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from knowreply import __version__
from knowreply.runtime import Runtime


def create_app(runtime: Runtime) -> FastAPI:
    app = FastAPI(title="knowreply", version=__version__, docs_url="/api/docs")
    app.state.runtime = runtime

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
