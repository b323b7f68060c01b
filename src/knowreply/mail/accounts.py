"""A workspace's mail connections: IMAP mailboxes, the SMTP account replies go out through,
inbound addresses, provider webhook secrets. Passwords are stored encrypted and only ever
decrypted into the transport settings; views for people never carry them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from sqlalchemy import bindparam, select, union_all
from sqlalchemy.orm import Session

from knowreply.db.models import InboundAddress, Mailbox, SmtpAccount, WebhookSetting, Workspace
from knowreply.db.types import utcnow
from knowreply.errors import KnowreplyError, NotFound
from knowreply.secrets import MasterKey
from knowreply.workspaces import settings_of

if TYPE_CHECKING:  # the IMAP and SMTP clients load only where mail is fetched or sent
    from knowreply.mail.imap import ImapCursor, ImapMailboxConfig
    from knowreply.mail.send import SmtpSettings

TlsMode = Literal["ssl", "starttls", "none"]
TLS_MODES: tuple[TlsMode, ...] = ("ssl", "starttls", "none")
WebhookProvider = Literal["postmark", "mailgun", "sendgrid", "ses"]
WEBHOOK_PROVIDERS: tuple[WebhookProvider, ...] = ("postmark", "mailgun", "sendgrid", "ses")


class MailSettingsError(KnowreplyError):
    pass


@dataclass(frozen=True)
class MailboxView:
    """A mailbox as shown to people: never the password."""

    id: int
    name: str
    host: str
    port: int
    tls: str
    username: str
    folder: str
    status: str
    last_error: str | None
    last_polled_at: datetime | None


def _tls(value: str) -> TlsMode:
    if value not in TLS_MODES:
        raise MailSettingsError(f"TLS mode {value!r}: use one of {', '.join(TLS_MODES)}")
    return value


def add_imap_mailbox(
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
    cursor: ImapCursor | None = None,
) -> Mailbox:
    """Add (or replace the settings of) the mailbox `name`; `cursor` skips its history."""
    mailbox = session.scalar(
        select(Mailbox).where(Mailbox.workspace_id == workspace.id, Mailbox.name == name)
    )
    if mailbox is None:
        mailbox = Mailbox(workspace_id=workspace.id, name=name)
        session.add(mailbox)
    mailbox.host, mailbox.port, mailbox.tls = host, port, _tls(tls)
    mailbox.username, mailbox.folder, mailbox.mark_seen = username, folder, mark_seen
    mailbox.password_encrypted = key.encrypt(password)
    mailbox.status, mailbox.last_error = "active", None
    if cursor is not None:
        mailbox.uidvalidity, mailbox.last_uid = cursor.uidvalidity, cursor.last_uid
    session.flush()
    return mailbox


def list_mailboxes(session: Session, workspace_id: int | None = None) -> list[Mailbox]:
    query = select(Mailbox).order_by(Mailbox.workspace_id, Mailbox.name)
    if workspace_id is not None:
        query = query.where(Mailbox.workspace_id == workspace_id)
    return list(session.scalars(query))


def view_mailbox(mailbox: Mailbox) -> MailboxView:
    return MailboxView(
        id=mailbox.id,
        name=mailbox.name,
        host=mailbox.host,
        port=mailbox.port,
        tls=mailbox.tls,
        username=mailbox.username,
        folder=mailbox.folder,
        status=mailbox.status,
        last_error=mailbox.last_error,
        last_polled_at=mailbox.last_polled_at,
    )


def imap_config(mailbox: Mailbox, key: MasterKey) -> ImapMailboxConfig:
    from knowreply.mail.imap import ImapMailboxConfig

    return ImapMailboxConfig(
        host=mailbox.host,
        port=mailbox.port,
        tls=_tls(mailbox.tls),
        username=mailbox.username,
        password=key.decrypt(mailbox.password_encrypted),
        folder=mailbox.folder,
        mark_seen=mailbox.mark_seen,
    )


def mailbox_cursor(mailbox: Mailbox) -> ImapCursor | None:
    from knowreply.mail.imap import ImapCursor

    if mailbox.uidvalidity is None or mailbox.last_uid is None:
        return None
    return ImapCursor(uidvalidity=mailbox.uidvalidity, last_uid=mailbox.last_uid)


def save_cursor(session: Session, mailbox_id: int, cursor: ImapCursor) -> None:
    mailbox = session.get_one(Mailbox, mailbox_id)
    mailbox.uidvalidity, mailbox.last_uid = cursor.uidvalidity, cursor.last_uid
    mailbox.last_polled_at = utcnow()
    mailbox.status, mailbox.last_error = "active", None


def set_mailbox_error(session: Session, mailbox_id: int, error: str) -> None:
    mailbox = session.get_one(Mailbox, mailbox_id)
    mailbox.status, mailbox.last_error = "error", error


def set_smtp_account(
    session: Session,
    key: MasterKey,
    workspace: Workspace,
    *,
    host: str,
    from_address: str,
    port: int = 587,
    tls: str = "starttls",
    username: str | None = None,
    password: str | None = None,
) -> SmtpAccount:
    if "@" not in from_address:
        raise MailSettingsError(f"{from_address!r} is not an email address")
    account = session.scalar(select(SmtpAccount).where(SmtpAccount.workspace_id == workspace.id))
    if account is None:
        account = SmtpAccount(workspace_id=workspace.id)
        session.add(account)
    account.host, account.port, account.tls = host, port, _tls(tls)
    account.username = username
    account.password_encrypted = key.encrypt(password) if password else None
    account.from_address = from_address.strip().lower()
    session.flush()
    return account


def smtp_account(session: Session, workspace_id: int) -> SmtpAccount | None:
    return session.scalar(select(SmtpAccount).where(SmtpAccount.workspace_id == workspace_id))


def smtp_settings(account: SmtpAccount, key: MasterKey) -> SmtpSettings:
    from knowreply.mail.send import SmtpSettings

    return SmtpSettings(
        host=account.host,
        port=account.port,
        tls=_tls(account.tls),
        username=account.username,
        password=key.decrypt(account.password_encrypted) if account.password_encrypted else None,
    )


def add_inbound_address(session: Session, workspace: Workspace, address: str) -> InboundAddress:
    address = address.strip().lower()
    if "@" not in address:
        raise MailSettingsError(f"{address!r} is not an email address")
    existing = session.scalar(select(InboundAddress).where(InboundAddress.address == address))
    if existing is not None:
        if existing.workspace_id != workspace.id:
            raise MailSettingsError(f"{address} already belongs to another workspace")
        return existing
    row = InboundAddress(workspace_id=workspace.id, address=address)
    session.add(row)
    session.flush()
    return row


def workspace_for_address(session: Session, address: str) -> int | None:
    return session.scalar(
        select(InboundAddress.workspace_id).where(InboundAddress.address == address.strip().lower())
    )


_OUR_ADDRESSES = union_all(
    select(InboundAddress.__table__.c.address).where(
        InboundAddress.__table__.c.workspace_id == bindparam("workspace_id")
    ),
    select(Mailbox.__table__.c.username).where(
        Mailbox.__table__.c.workspace_id == bindparam("workspace_id")
    ),
    select(SmtpAccount.__table__.c.from_address).where(
        SmtpAccount.__table__.c.workspace_id == bindparam("workspace_id")
    ),
)
"""Inbound addresses, mailbox logins and the SMTP sender in one round trip (every email's
screen asks); built once, so SQLAlchemy computes its cache key once per process."""


def own_addresses(session: Session, workspace_id: int) -> set[str]:
    """Every address that is us: mail from them is never answered."""
    found = set(session.scalars(_OUR_ADDRESSES, {"workspace_id": workspace_id}))
    support_address = settings_of(session.get_one(Workspace, workspace_id)).support_address
    if support_address:
        found.add(support_address)
    return {address.lower() for address in found if address and "@" in address}


def set_webhook_secrets(
    session: Session,
    key: MasterKey,
    workspace: Workspace,
    provider: WebhookProvider,
    secrets: dict[str, str],
) -> WebhookSetting:
    """Secrets per provider: postmark/sendgrid `username`+`password`, mailgun `signing_key`,
    ses `topic_arn`."""
    row = session.scalar(
        select(WebhookSetting).where(
            WebhookSetting.workspace_id == workspace.id, WebhookSetting.provider == provider
        )
    )
    if row is None:
        row = WebhookSetting(workspace_id=workspace.id, provider=provider)
        session.add(row)
    row.secrets_encrypted = key.encrypt(json.dumps(secrets))
    session.flush()
    return row


def webhook_secrets(
    session: Session, key: MasterKey, workspace_id: int, provider: str
) -> dict[str, str]:
    row = session.scalar(
        select(WebhookSetting).where(
            WebhookSetting.workspace_id == workspace_id, WebhookSetting.provider == provider
        )
    )
    if row is None:
        raise NotFound(f"no {provider} webhook is set up for this workspace")
    loaded = json.loads(key.decrypt(row.secrets_encrypted))
    assert isinstance(loaded, dict)
    return {str(k): str(v) for k, v in loaded.items()}
