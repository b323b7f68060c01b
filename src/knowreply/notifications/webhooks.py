"""The workspace's notification webhook: where it points, and its signing secret.

The URL must be https and reach a public address (checked when it is saved and again before
each POST, so a name that later resolves inward is refused too): the server's own requests
must not become a way into the operator's network (SSRF). The operator may allow private
addresses, and plain http, with `KNOWREPLY_ALLOW_PRIVATE_WEBHOOK_URLS=true`. The secret is
made here, shown once to the owner who set the URL, and stored encrypted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply import audit
from knowreply.access import Caller, require
from knowreply.db.models import NotificationWebhook
from knowreply.errors import KnowreplyError
from knowreply.llm_urls import private_address
from knowreply.notifications.signing import new_secret
from knowreply.secrets import MasterKey

ALLOW_SETTING = "KNOWREPLY_ALLOW_PRIVATE_WEBHOOK_URLS"
MAX_URL = 2000


class WebhookRefused(KnowreplyError):
    """The URL cannot be used; nothing was saved."""

    status = 422


@dataclass(frozen=True)
class WebhookView:
    """The webhook as its owner sees it: never the secret."""

    url: str
    host: str
    created_at: datetime


def url_problem(url: str, *, allow_private: bool) -> str | None:
    """None when the webhook may POST to `url`; else why not, in words for the owner."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return "the port is not a number"
    host = parts.hostname or ""
    schemes = ("https", "http") if allow_private else ("https",)
    if parts.scheme not in schemes or not host:
        return "use an https:// URL with a host name"
    if parts.username or parts.password:
        return "put no user name or password in the URL (requests are signed instead)"
    if allow_private:
        return None
    return private_address(host, port or 443, allow_setting=ALLOW_SETTING)


def webhook_of(session: Session, workspace_id: int) -> NotificationWebhook | None:
    return session.scalar(
        select(NotificationWebhook).where(NotificationWebhook.workspace_id == workspace_id)
    )


def view(session: Session, workspace_id: int) -> WebhookView | None:
    row = webhook_of(session, workspace_id)
    if row is None:
        return None
    return WebhookView(
        url=row.url, host=urlsplit(row.url).hostname or "", created_at=row.created_at
    )


def set_webhook(
    session: Session, caller: Caller, url: str, *, key: MasterKey, allow_private: bool
) -> str:
    """Point the webhook at `url` with a new secret; returns the secret (shown once)."""
    require(caller, "owner", action="notifications.webhook", what="Setting the webhook")
    url = url.strip()
    problem = "the URL is too long" if len(url) > MAX_URL else None
    problem = problem or url_problem(url, allow_private=allow_private)
    if problem is not None:
        raise WebhookRefused(f"Webhook URL refused: {problem}. Nothing was saved.")
    secret = new_secret()
    row = webhook_of(session, caller.workspace_id)
    if row is None:
        row = NotificationWebhook(workspace_id=caller.workspace_id)
        session.add(row)
    row.url, row.secret_encrypted = url, key.encrypt(secret)
    session.flush()
    audit.record(
        session,
        caller.workspace_id,
        actor=caller.actor,
        action="notifications.webhook.set",
        target=urlsplit(url).hostname,
        result="ok",
    )
    return secret


def remove_webhook(session: Session, caller: Caller) -> bool:
    require(caller, "owner", action="notifications.webhook", what="Removing the webhook")
    row = webhook_of(session, caller.workspace_id)
    if row is None:
        return False
    session.delete(row)
    audit.record(
        session,
        caller.workspace_id,
        actor=caller.actor,
        action="notifications.webhook.remove",
        target=urlsplit(row.url).hostname,
        result="ok",
    )
    return True
