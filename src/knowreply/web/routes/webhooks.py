"""Inbound mail from providers: POST /webhooks/{provider}/{workspace}.

Verify the request with the workspace's stored secret, store the raw MIME once (Message-ID
and the provider's event id are both unique), enqueue it, then answer 200. Anything short
of stored is answered with an error status so the provider retries: nothing is lost.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import structlog
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from starlette.datastructures import UploadFile

from knowreply.db.models import Workspace
from knowreply.errors import NotFound
from knowreply.mail.accounts import WEBHOOK_PROVIDERS, webhook_secrets
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import provider_event_seen
from knowreply.mail.webhooks import (
    BasicCredentials,
    FetchCertificate,
    FormFields,
    SnsSubscriptionConfirmation,
    WebhookRejected,
    parse_mailgun,
    parse_postmark,
    parse_sendgrid,
    parse_ses_sns,
)
from knowreply.pipeline.intake import accept
from knowreply.runtime import Runtime
from knowreply.web.queueing import message_queue
from knowreply.web.security import get_runtime

log = structlog.get_logger(__name__)
router = APIRouter(tags=["webhooks"])
NO_SUCH_WEBHOOK = "no such webhook"
"""The same answer for an unknown workspace, provider or unset secret: names are not probed."""


async def https_get(url: str) -> bytes:
    """Fetch an SNS signing certificate, or confirm a subscription (both are GETs)."""
    async with httpx.AsyncClient(timeout=10, verify=True) as client:
        response = await client.get(url)
        response.raise_for_status()
        return response.content


async def _form(request: Request) -> FormFields:
    fields: dict[str, str | bytes] = {}
    async with request.form(max_part_size=32 * 1024 * 1024) as form:
        for name, value in form.multi_items():
            fields[name] = await value.read() if isinstance(value, UploadFile) else value
    return fields


def _workspace_id(runtime: Runtime, name: str) -> int:
    with runtime.sessions() as session:
        found = session.scalar(select(Workspace.id).where(Workspace.name == name))
    if found is None:
        raise NotFound(NO_SUCH_WEBHOOK)
    return found


async def _envelope(
    request: Request, runtime: Runtime, provider: str, workspace_id: int
) -> InboundEnvelope | SnsSubscriptionConfirmation | None:
    secrets = await asyncio.to_thread(_secrets, runtime, workspace_id, provider)
    headers = dict(request.headers)
    if provider == "postmark":
        credentials = BasicCredentials(secrets["username"], secrets["password"])
        return parse_postmark(headers, await request.body(), credentials=credentials)
    if provider == "sendgrid":
        credentials = BasicCredentials(secrets["username"], secrets["password"])
        return parse_sendgrid(headers, await _form(request), credentials=credentials)
    if provider == "mailgun":
        form = await _form(request)

        def seen(token: str) -> bool:
            with runtime.sessions() as session:
                return provider_event_seen(session, "mailgun", token)

        return parse_mailgun(form, signing_key=secrets["signing_key"], seen_token=seen)
    fetch: FetchCertificate = getattr(request.app.state, "fetch_sns_certificate", https_get)
    parsed = await parse_ses_sns(
        headers, await request.body(), topic_arns=[secrets["topic_arn"]], fetch_certificate=fetch
    )
    if isinstance(parsed, InboundEnvelope | SnsSubscriptionConfirmation):
        return parsed
    return None  # an unsubscribe confirmation: nothing to store


def _secrets(runtime: Runtime, workspace_id: int, provider: str) -> dict[str, str]:
    with runtime.sessions() as session:
        try:
            return webhook_secrets(session, runtime.master_key, workspace_id, provider)
        except NotFound:
            raise NotFound(NO_SUCH_WEBHOOK) from None


@router.post("/webhooks/{provider}/{workspace}")
async def receive(provider: str, workspace: str, request: Request) -> JSONResponse:
    """Receive one email from a mail provider (see README: Connecting your mailbox)."""
    if provider not in WEBHOOK_PROVIDERS:
        raise NotFound(NO_SUCH_WEBHOOK)
    runtime = get_runtime(request)
    workspace_id = await asyncio.to_thread(_workspace_id, runtime, workspace)
    try:
        envelope = await _envelope(request, runtime, provider, workspace_id)
    except WebhookRejected as rejected:
        log.info("mail.webhook.rejected", provider=provider, status=rejected.status_code)
        return _answer(rejected.status_code, error="WebhookRejected", detail=rejected.reason)
    if envelope is None:
        return _answer(200, status="ignored")
    if isinstance(envelope, SnsSubscriptionConfirmation):
        await https_get(envelope.subscribe_url)
        log.info("mail.webhook.sns_subscribed", topic_arn=envelope.topic_arn)
        return _answer(200, status="subscribed")
    message_id, created = await asyncio.to_thread(
        accept, runtime, message_queue(request), workspace_id, envelope
    )
    log.info("mail.webhook.stored", provider=provider, message_id=message_id, created=created)
    return _answer(200, status="stored" if created else "duplicate", message_id=message_id)


def _answer(status_code: int, **content: Any) -> JSONResponse:
    return JSONResponse(content, status_code=status_code)
