"""Dashboard > Toolkit: connect Stripe, see what the key allows, choose capabilities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.integrations.stripe.connection import (
    InvalidStripeKey,
    KeyRefused,
    StripeStatusView,
)
from knowreply.web.security import ApiPrincipal, PagePrincipal, RuntimeDep
from knowreply.web.templating import render

router = APIRouter()
API = "/api/v1/integrations/stripe"


# --- pages -----------------------------------------------------------------------------------


def _card(
    request: Request,
    principal: PagePrincipal,
    view: StripeStatusView,
    *,
    error: str | None = None,
    hint: str | None = None,
    warning: str | None = None,
    full_page: bool = False,
) -> HTMLResponse:
    template = "toolkit.html" if full_page else "_stripe_card.html"
    return render(
        request,
        template,
        principal=principal,
        page="toolkit",
        title="Toolkit",
        stripe=view,
        error=error,
        error_hint=hint,
        warning=warning,
        status_code=400 if error and not full_page else 200,
    )


@router.get("/toolkit", include_in_schema=False)
def toolkit_page(request: Request, principal: PagePrincipal, runtime: RuntimeDep) -> HTMLResponse:
    return _card(
        request, principal, service.status(runtime, principal.workspace_id), full_page=True
    )


@router.post("/toolkit/stripe/connect", include_in_schema=False)
async def connect_form(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    key: Annotated[str, Form()] = "",
) -> HTMLResponse:
    try:
        view, warning = await service.connect(
            runtime, principal.workspace_name, key, actor=principal.actor
        )
    except InvalidStripeKey as error:
        view = service.status(runtime, principal.workspace_id)
        return _card(request, principal, view, error=error.message, hint=error.hint)
    except KeyRefused as refused:
        view = service.status(runtime, principal.workspace_id)
        return _card(request, principal, view, error=str(refused))
    return _card(request, principal, view, warning=warning)


@router.post("/toolkit/stripe/check", include_in_schema=False)
async def check_form(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep
) -> HTMLResponse:
    return _card(request, principal, await service.recheck(runtime, principal.workspace_id))


@router.post("/toolkit/stripe/disconnect", include_in_schema=False)
def disconnect_form(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep
) -> HTMLResponse:
    service.disconnect(runtime, principal.workspace_id, actor=principal.actor)
    return _card(request, principal, service.status(runtime, principal.workspace_id))


@router.post("/toolkit/stripe/capabilities/{name}", include_in_schema=False)
def capability_form(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    name: CapabilityName,
    enabled: Annotated[str, Form()] = "",
) -> HTMLResponse:
    on = enabled in ("on", "true", "1")
    view = service.change_capabilities(
        runtime,
        principal.workspace_id,
        enable=[name] if on else [],
        disable=[] if on else [name],
        actor=principal.actor,
    )
    return _card(request, principal, view)


# --- JSON API --------------------------------------------------------------------------------


class ConnectIn(BaseModel):
    """Only the key: where Stripe is (KNOWREPLY_STRIPE_API_BASE) is the operator's choice, so a
    member cannot send the server's requests, or a key, to another address."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(description="A restricted (rk_…) or secret (sk_…) Stripe key.")


class ConnectOut(BaseModel):
    warning: str | None
    stripe: StripeStatusView


class CapabilitiesIn(BaseModel):
    enable: list[CapabilityName] = []
    disable: list[CapabilityName] = []


@router.get(API, tags=["stripe"])
def stripe_status(principal: ApiPrincipal, runtime: RuntimeDep) -> StripeStatusView:
    """The connection (the key only masked), its permissions and the capabilities."""
    return service.status(runtime, principal.workspace_id)


@router.post(API + "/connect", tags=["stripe"])
async def stripe_connect(
    body: ConnectIn, principal: ApiPrincipal, runtime: RuntimeDep
) -> ConnectOut:
    """Check a key (its form first, then live with Stripe), probe permissions, store it.

    A key that fails the check while a working key is connected is refused (400) and the
    working key stays."""
    view, warning = await service.connect(
        runtime, principal.workspace_name, body.key, actor=principal.actor
    )
    return ConnectOut(warning=warning, stripe=view)


@router.post(API + "/check", tags=["stripe"])
async def stripe_check(principal: ApiPrincipal, runtime: RuntimeDep) -> StripeStatusView:
    """Check the stored key again, e.g. after changing its permissions in Stripe."""
    return await service.recheck(runtime, principal.workspace_id)


@router.delete(API, tags=["stripe"])
def stripe_disconnect(principal: ApiPrincipal, runtime: RuntimeDep) -> StripeStatusView:
    """Forget the stored key."""
    service.disconnect(runtime, principal.workspace_id, actor=principal.actor)
    return service.status(runtime, principal.workspace_id)


@router.patch(API + "/capabilities", tags=["stripe"])
def stripe_capabilities(
    body: CapabilitiesIn, principal: ApiPrincipal, runtime: RuntimeDep
) -> StripeStatusView:
    """Turn capabilities on or off."""
    return service.change_capabilities(
        runtime,
        principal.workspace_id,
        enable=body.enable,
        disable=body.disable,
        actor=principal.actor,
    )
