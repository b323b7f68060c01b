"""Dashboard > Home: the guided setup, each step done or not, linking to where it is done."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from knowreply.web import repository
from knowreply.web.security import PagePrincipal, RuntimeDep
from knowreply.web.templating import render

router = APIRouter()


@router.get("/", include_in_schema=False)
def home_page(request: Request, principal: PagePrincipal, runtime: RuntimeDep) -> HTMLResponse:
    with runtime.sessions() as session:
        steps = repository.setup_steps(session, principal.workspace_id)
    return render(
        request,
        "home.html",
        principal=principal,
        page="home",
        title="Home",
        steps=steps,
        next_step=next((step for step in steps if not step.done), None),
    )
