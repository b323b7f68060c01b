"""Connecting mail, shared by `knowreply mailbox …` and the dashboard's Mail page: an IMAP
mailbox checked before it is kept, provider webhook secrets and URLs, SMTP checks."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

import aiosmtplib
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply.db.models import InboundAddress, Mailbox, WebhookSetting, Workspace
from knowreply.mail import accounts
from knowreply.mail.accounts import MailSettingsError, WebhookProvider
from knowreply.mail.imap import ImapCursor, current_cursor
from knowreply.mail.send import SendError, SendResult, SmtpSettings, send_message
from knowreply.secrets import MasterKey


def connect_imap(
    session: Session,
    key: MasterKey,
    workspace: Workspace,
    *,
    name: str,
    host: str,
    username: str,
    password: str,
    port: int = 993,
    tls: str = "ssl",
    folder: str = "INBOX",
    mark_seen: bool = True,
    history: bool = False,
) -> Mailbox:
    """Add the mailbox; unless `history`, sign in now and start after the newest email (so a
    wrong password or host is refused here, and old mail is never answered)."""
    mailbox = accounts.add_imap_mailbox(
        session,
        key,
        workspace,
        name=name,
        host=host,
        username=username,
        password=password,
        port=port,
        tls=tls,
        folder=folder,
        mark_seen=mark_seen,
    )
    if not history:
        cursor = check_imap(mailbox, key)
        mailbox.uidvalidity, mailbox.last_uid = cursor.uidvalidity, cursor.last_uid
    return mailbox


def check_imap(mailbox: Mailbox, key: MasterKey) -> ImapCursor:
    """Sign in and open the folder; MailSettingsError with the server's words otherwise."""
    try:
        return current_cursor(accounts.imap_config(mailbox, key))
    except Exception as error:
        raise MailSettingsError(f"could not open the mailbox: {error}") from None


def webhook_secrets_for(
    provider: str,
    *,
    username: str | None = None,
    secret: str | None = None,
    topic_arn: str | None = None,
) -> tuple[WebhookProvider, dict[str, str]]:
    """The secrets one provider needs, or MailSettingsError naming what is missing."""
    for known in accounts.WEBHOOK_PROVIDERS:
        if provider == known:
            break
    else:
        raise MailSettingsError(
            f"provider {provider!r}: use {', '.join(accounts.WEBHOOK_PROVIDERS)}"
        )
    if known == "ses":
        if not topic_arn:
            raise MailSettingsError("ses needs the SNS topic ARN")
        return known, {"topic_arn": topic_arn}
    if known == "mailgun":
        if not secret:
            raise MailSettingsError("mailgun needs the webhook signing key")
        return known, {"signing_key": secret}
    if not (username and secret):
        raise MailSettingsError(f"{known} needs a username and a password")
    return known, {"username": username, "password": secret}


def webhook_url(public_url: str, provider: str, workspace_name: str) -> str:
    """The address to paste into the provider's inbound webhook settings."""
    return f"{public_url.rstrip('/')}/webhooks/{provider}/{workspace_name}"


def inbound_addresses(session: Session, workspace_id: int) -> list[str]:
    return sorted(
        session.scalars(
            select(InboundAddress.address).where(InboundAddress.workspace_id == workspace_id)
        )
    )


def webhook_providers_set(session: Session, workspace_id: int) -> set[str]:
    return set(
        session.scalars(
            select(WebhookSetting.provider).where(WebhookSetting.workspace_id == workspace_id)
        )
    )


async def check_smtp(settings: SmtpSettings) -> None:
    """Connect, upgrade to TLS and sign in as a send would, without sending anything."""
    client = aiosmtplib.SMTP(
        hostname=settings.host,
        port=settings.port,
        use_tls=settings.tls == "ssl",
        start_tls=settings.tls == "starttls",
        tls_context=settings.ssl_context,
        timeout=settings.timeout,
    )
    try:
        await client.connect()
        if settings.username and settings.password:
            await client.login(settings.username, settings.password)
        await client.noop()
    except (TimeoutError, aiosmtplib.SMTPException, OSError) as error:
        raise SendError(f"could not use {settings.host}: {error}", permanent=True) from error
    finally:
        if client.is_connected:
            await client.quit()


async def send_test_email(settings: SmtpSettings, from_address: str, to: str) -> SendResult:
    """A short email through the workspace's SMTP account, to check replies get out."""
    message = EmailMessage()
    message["From"] = from_address
    message["To"] = to
    message["Subject"] = "knowreply test email"
    message["Message-ID"] = make_msgid(domain=from_address.rpartition("@")[2] or None)
    message.set_content(
        "This is a test email from knowreply. If you read it, replies to your customers "
        "can go out through this SMTP server.\n"
    )
    return await send_message(settings, message)
