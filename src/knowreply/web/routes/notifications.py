"""Dashboard > Notifications: how each member hears that something waits for them; the
owner's webhook (its secret shown once), the last deliveries and a test; and its JSON API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from knowreply.db.session import transaction
from knowreply.errors import KnowreplyError
from knowreply.notifications import service, webhooks
from knowreply.notifications.digest import DIGEST_HOUR
from knowreply.notifications.preferences import LABELS, Preference
from knowreply.notifications.signing import HEADER
from knowreply.web.accounts import Principal
from knowreply.web.security import ApiOwner, ApiPrincipal, PageOwner, PagePrincipal, RuntimeDep
from knowreply.web.templating import render

router = APIRouter()
Flash = tuple[str, str]


def _page(
    request: Request,
    principal: Principal,
    runtime: RuntimeDep,
    flashes: list[Flash] | None = None,
    *,
    new_secret: str | None = None,
    saved: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    with runtime.sessions() as session:
        current = service.view(session, principal)
    return render(
        request,
        "notifications.html",
        principal=principal,
        page="settings",
        title="Notifications",
        view=current,
        labels=LABELS,
        digest_hour=DIGEST_HOUR,
        signature_header=HEADER,
        flashes=flashes or [],
        new_secret=new_secret,
        saved=saved,
        status_code=status_code,
    )


@router.get("/notifications", include_in_schema=False)
def notifications_page(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep, saved: int = 0
) -> HTMLResponse:
    return _page(request, principal, runtime, saved=bool(saved))


@router.post("/notifications/preference", include_in_schema=False)
def preference_form(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    preference: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    try:
        with transaction(runtime.sessions) as session:
            service.set_preference(session, principal, preference)
    except KnowreplyError as error:
        return _page(request, principal, runtime, [("error", error.detail)], status_code=422)
    return RedirectResponse("/notifications?saved=1", status_code=303)


@router.post("/notifications/webhook", include_in_schema=False)
def webhook_form(
    request: Request,
    principal: PageOwner,
    runtime: RuntimeDep,
    url: Annotated[str, Form(max_length=webhooks.MAX_URL)] = "",
) -> HTMLResponse:
    try:
        with transaction(runtime.sessions) as session:
            secret = webhooks.set_webhook(
                session,
                principal,
                url,
                key=runtime.master_key,
                allow_private=runtime.settings.allow_private_webhook_urls,
            )
    except KnowreplyError as error:
        return _page(request, principal, runtime, [("error", error.detail)], status_code=422)
    flash = ("ok", "Webhook saved. Copy its signing secret now: it is not shown again.")
    return _page(request, principal, runtime, [flash], new_secret=secret, status_code=201)


@router.post("/notifications/webhook/remove", include_in_schema=False)
def remove_webhook_form(request: Request, principal: PageOwner, runtime: RuntimeDep) -> Response:
    with transaction(runtime.sessions) as session:
        webhooks.remove_webhook(session, principal)
    return RedirectResponse("/notifications", status_code=303)


@router.post("/notifications/test", include_in_schema=False)
def test_form(request: Request, principal: PageOwner, runtime: RuntimeDep) -> HTMLResponse:
    sent = service.send_test(runtime, principal)
    flashes: list[Flash] = [
        ("ok", f"Test sent to {d.recipient} ({d.channel}).")
        if d.status == "sent"
        else ("error", f"Test to {d.recipient} ({d.channel}) not sent: {d.last_error}")
        for d in sent
    ]
    return _page(request, principal, runtime, flashes)


# --- JSON API --------------------------------------------------------------------------------


class PreferenceIn(BaseModel):
    preference: Preference


class WebhookIn(BaseModel):
    url: str


class WebhookOut(BaseModel):
    url: str
    created_at: datetime
    secret: str | None = None
    """Only in the answer that set the URL."""


class DeliveryOut(BaseModel):
    id: int
    created_at: datetime
    what: str
    channel: str
    recipient: str
    status: str
    status_label: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None

    @classmethod
    def of(cls, view: service.DeliveryView) -> DeliveryOut:
        return cls(**view.__dict__)


class NotificationsOut(BaseModel):
    preference: Preference
    role_default: Preference
    webhook: WebhookOut | None
    deliveries: list[DeliveryOut]


@router.get("/api/v1/notifications", tags=["notifications"])
def get_notifications(principal: ApiPrincipal, runtime: RuntimeDep) -> NotificationsOut:
    """Your preference; for owners also the webhook (never its secret) and the last
    deliveries."""
    with runtime.sessions() as session:
        current = service.view(session, principal)
    hook = current.webhook
    return NotificationsOut(
        preference=current.preference,
        role_default=current.role_default,
        webhook=WebhookOut(url=hook.url, created_at=hook.created_at) if hook else None,
        deliveries=[DeliveryOut.of(d) for d in current.deliveries],
    )


@router.put("/api/v1/notifications/preference", tags=["notifications"])
def put_preference(
    body: PreferenceIn, principal: ApiPrincipal, runtime: RuntimeDep
) -> PreferenceIn:
    """`immediately`, `daily` (a digest) or `off`, for yourself."""
    with transaction(runtime.sessions) as session:
        return PreferenceIn(preference=service.set_preference(session, principal, body.preference))


@router.put("/api/v1/notifications/webhook", tags=["notifications"])
def put_webhook(body: WebhookIn, principal: ApiOwner, runtime: RuntimeDep) -> WebhookOut:
    """Point the webhook at an https URL with a new signing secret, returned here only."""
    with transaction(runtime.sessions) as session:
        secret = webhooks.set_webhook(
            session,
            principal,
            body.url,
            key=runtime.master_key,
            allow_private=runtime.settings.allow_private_webhook_urls,
        )
        hook = webhooks.view(session, principal.workspace_id)
    assert hook is not None
    return WebhookOut(url=hook.url, created_at=hook.created_at, secret=secret)


@router.delete("/api/v1/notifications/webhook", tags=["notifications"], status_code=204)
def delete_webhook(principal: ApiOwner, runtime: RuntimeDep) -> Response:
    with transaction(runtime.sessions) as session:
        webhooks.remove_webhook(session, principal)
    return Response(status_code=204)


@router.post("/api/v1/notifications/test", tags=["notifications"])
def post_test(principal: ApiOwner, runtime: RuntimeDep) -> list[DeliveryOut]:
    """Send a test notification now (an email to you, and the webhook); each one's result."""
    return [DeliveryOut.of(d) for d in service.send_test(runtime, principal)]
