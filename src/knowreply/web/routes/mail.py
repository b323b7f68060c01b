"""Dashboard > Mail: where customers' emails arrive and how replies go out, with checks.

The same service as `knowreply mailbox …` (mail/setup.py, mail/accounts.py). Routes:
GET /mail; POST /mail/imap, /mail/smtp, /mail/address, /mail/webhook (save);
POST /mail/check (sign in to every mailbox and the SMTP server), /mail/test (send a test
email to the signed-in member)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from knowreply.db.models import Workspace
from knowreply.db.session import transaction
from knowreply.errors import KnowreplyError
from knowreply.mail import accounts, setup
from knowreply.mail.send import SendError
from knowreply.runtime import Runtime
from knowreply.web.accounts import Principal
from knowreply.web.security import PageOwner, PagePrincipal, RuntimeDep
from knowreply.web.templating import render

router = APIRouter()
Flash = tuple[str, str]


@dataclass(frozen=True)
class WebhookRow:
    provider: str
    url: str
    configured: bool


@dataclass(frozen=True)
class MailSetup:
    mailboxes: list[accounts.MailboxView]
    smtp_host: str | None
    smtp_port: int | None
    smtp_from: str | None
    addresses: list[str]
    webhooks: list[WebhookRow]


def _setup(runtime: Runtime, principal: Principal) -> MailSetup:
    with runtime.sessions() as session:
        workspace_id = principal.workspace_id
        smtp = accounts.smtp_account(session, workspace_id)
        configured = setup.webhook_providers_set(session, workspace_id)
        return MailSetup(
            mailboxes=[
                accounts.view_mailbox(m) for m in accounts.list_mailboxes(session, workspace_id)
            ],
            smtp_host=smtp.host if smtp else None,
            smtp_port=smtp.port if smtp else None,
            smtp_from=smtp.from_address if smtp else None,
            addresses=setup.inbound_addresses(session, workspace_id),
            webhooks=[
                WebhookRow(
                    provider,
                    setup.webhook_url(
                        runtime.settings.public_url, provider, principal.workspace_name
                    ),
                    provider in configured,
                )
                for provider in accounts.WEBHOOK_PROVIDERS
            ],
        )


def _page(
    request: Request,
    principal: Principal,
    runtime: Runtime,
    flashes: list[Flash],
    *,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "mail.html",
        principal=principal,
        page="mail",
        title="Mail",
        mail=_setup(runtime, principal),
        tls_modes=accounts.TLS_MODES,
        providers=accounts.WEBHOOK_PROVIDERS,
        flashes=flashes,
        status_code=status_code,
    )


def _save(
    request: Request,
    principal: Principal,
    runtime: Runtime,
    change: Callable[[Session, Workspace], str],
) -> HTMLResponse:
    """Apply one form's change in a transaction and show the page with what it did, or with
    the error (400) and nothing saved."""
    try:
        with transaction(runtime.sessions) as session:
            done = change(session, session.get_one(Workspace, principal.workspace_id))
    except KnowreplyError as error:
        return _page(request, principal, runtime, [("error", error.detail)], status_code=400)
    return _page(request, principal, runtime, [("ok", done)])


@router.get("/mail", include_in_schema=False)
def mail_page(request: Request, principal: PagePrincipal, runtime: RuntimeDep) -> HTMLResponse:
    return _page(request, principal, runtime, [])


@router.post("/mail/imap", include_in_schema=False)
def imap_form(
    request: Request,
    principal: PageOwner,
    runtime: RuntimeDep,
    host: Annotated[str, Form(max_length=255)],
    username: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=1000)],
    port: Annotated[int, Form(ge=1, le=65535)] = 993,
    tls: Annotated[str, Form()] = "ssl",
    folder: Annotated[str, Form(max_length=255)] = "INBOX",
    name: Annotated[str, Form(max_length=64)] = "support",
) -> HTMLResponse:

    def change(session: Session, workspace: Workspace) -> str:
        setup.connect_imap(
            session,
            runtime.master_key,
            workspace,
            name=name.strip() or "support",
            host=host.strip(),
            username=username.strip(),
            password=password,
            port=port,
            tls=tls,
            folder=folder.strip() or "INBOX",
        )
        return f"Signed in to {host}: the worker reads new mail of {username} from now on."

    return _save(request, principal, runtime, change)


@router.post("/mail/smtp", include_in_schema=False)
def smtp_form(
    request: Request,
    principal: PageOwner,
    runtime: RuntimeDep,
    host: Annotated[str, Form(max_length=255)],
    from_address: Annotated[str, Form(max_length=320)],
    port: Annotated[int, Form(ge=1, le=65535)] = 587,
    tls: Annotated[str, Form()] = "starttls",
    username: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> HTMLResponse:

    def change(session: Session, workspace: Workspace) -> str:
        accounts.set_smtp_account(
            session,
            runtime.master_key,
            workspace,
            host=host.strip(),
            from_address=from_address.strip(),
            port=port,
            tls=tls,
            username=username.strip() or None,
            password=password or None,
        )
        return f"Replies go out through {host}:{port} from {from_address}. Send a test email below."

    return _save(request, principal, runtime, change)


@router.post("/mail/address", include_in_schema=False)
def address_form(
    request: Request,
    principal: PageOwner,
    runtime: RuntimeDep,
    address: Annotated[str, Form(max_length=320)],
) -> HTMLResponse:

    def change(session: Session, workspace: Workspace) -> str:
        row = accounts.add_inbound_address(session, workspace, address)
        return f"Mail to {row.address} now comes to this workspace."

    return _save(request, principal, runtime, change)


@router.post("/mail/webhook", include_in_schema=False)
def webhook_form(
    request: Request,
    principal: PageOwner,
    runtime: RuntimeDep,
    provider: Annotated[str, Form(max_length=32)],
    username: Annotated[str, Form(max_length=320)] = "",
    secret: Annotated[str, Form(max_length=1000)] = "",
    topic_arn: Annotated[str, Form(max_length=500)] = "",
) -> HTMLResponse:

    def change(session: Session, workspace: Workspace) -> str:
        known, secrets = setup.webhook_secrets_for(
            provider, username=username.strip(), secret=secret, topic_arn=topic_arn.strip()
        )
        accounts.set_webhook_secrets(session, runtime.master_key, workspace, known, secrets)
        url = setup.webhook_url(runtime.settings.public_url, known, principal.workspace_name)
        return f"Saved. Point {known} at {url}"

    return _save(request, principal, runtime, change)


@router.post("/mail/check", include_in_schema=False)
async def check_form(request: Request, principal: PageOwner, runtime: RuntimeDep) -> HTMLResponse:
    flashes: list[Flash] = []
    with runtime.sessions() as session:
        mailboxes = accounts.list_mailboxes(session, principal.workspace_id)
        smtp = accounts.smtp_account(session, principal.workspace_id)
        smtp_settings = accounts.smtp_settings(smtp, runtime.master_key) if smtp else None
        for mailbox in mailboxes:
            try:
                setup.check_imap(mailbox, runtime.master_key)
            except KnowreplyError as error:
                flashes.append(("error", f"Mailbox {mailbox.name}: {error.detail}"))
            else:
                flashes.append(("ok", f"Mailbox {mailbox.name}: signed in to {mailbox.host}."))
    if smtp_settings is not None:
        try:
            await setup.check_smtp(smtp_settings)
        except SendError as error:
            flashes.append(("error", f"SMTP: {error.message}"))
        else:
            flashes.append(("ok", f"SMTP: {smtp_settings.host} accepts our connection."))
    if not flashes:
        flashes.append(("warning", "Nothing to check yet: connect a mailbox or SMTP first."))
    return _page(request, principal, runtime, flashes)


@router.post("/mail/test", include_in_schema=False)
async def test_email_form(
    request: Request, principal: PageOwner, runtime: RuntimeDep
) -> HTMLResponse:
    with runtime.sessions() as session:
        smtp = accounts.smtp_account(session, principal.workspace_id)
        if smtp is None:
            flash = ("error", "Set the SMTP account first: replies go out through it.")
            return _page(request, principal, runtime, [flash], status_code=409)
        smtp_settings = accounts.smtp_settings(smtp, runtime.master_key)
        from_address = smtp.from_address
    try:
        await setup.send_test_email(smtp_settings, from_address, principal.actor)
    except SendError as error:
        flash = ("error", f"The test email was not sent: {error.message}")
        return _page(request, principal, runtime, [flash], status_code=502)
    flash = ("ok", f"Sent a test email to {principal.actor} from {from_address}.")
    return _page(request, principal, runtime, [flash])
