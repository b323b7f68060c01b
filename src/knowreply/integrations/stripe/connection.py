"""Connecting a workspace to Stripe: check the key, probe its permissions, store it encrypted.

The network work (`check_key`) happens outside any database transaction; the stored state
(`save_connection`, capabilities) inside the caller's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal

import stripe
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowreply import audit
from knowreply.db.models import CapabilitySetting, IntegrationConnection, Workspace
from knowreply.db.types import utcnow
from knowreply.errors import KnowreplyError
from knowreply.integrations.stripe.accounts import account_of
from knowreply.integrations.stripe.capabilities import CAPABILITIES, Capability, CapabilityName
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.errors import (
    PORTAL_NOT_CONFIGURED,
    from_stripe_error,
    portal_setup_path,
)
from knowreply.integrations.stripe.keys import KeyFormatError, StripeKey, parse_key
from knowreply.integrations.stripe.models import StripeRequest
from knowreply.integrations.stripe.permissions import (
    NOT_NEEDED,
    REQUIRED,
    current_names,
    describe_permission_error,
    permission_label,
    probe_permissions,
)
from knowreply.integrations.stripe.ratelimit import limiter_for
from knowreply.secrets import MasterKey
from knowreply.workspaces import PLANS

KIND = "stripe"


class ConnectionStatus(StrEnum):
    CONNECTED = "connected"
    INVALID_KEY = "invalid_key"
    PERMISSION_PROBLEM = "permission_problem"
    UNREACHABLE = "unreachable"


class InvalidStripeKey(KnowreplyError):
    """The pasted text cannot be a usable key; nothing was sent to Stripe."""

    status = 400

    def __init__(self, error: KeyFormatError) -> None:
        super().__init__(f"{error.message.rstrip('.')}. {error.hint}")
        self.message = error.message
        self.hint = error.hint


class IntegrationsNotAllowed(KnowreplyError):
    status = 403


class NotConnected(KnowreplyError):
    status = 409


class KeyRefused(KnowreplyError):
    """Stripe did not accept the new key; the working key stays connected."""

    status = 400


PORTAL_CONFIGURATION = "billing_portal_configuration"
"""The entry of `IntegrationConnection.permissions` saying whether the live check found the
Customer portal configured (`missing`) or could not tell (absent)."""


@dataclass(frozen=True)
class KeyCheck:
    """What a live check of a key found."""

    status: ConnectionStatus
    detail: str | None
    permissions: dict[str, str]
    """`rak_*` name -> granted, missing or unknown."""
    requests: list[StripeRequest]
    account_id: str | None = None
    """The account the key reaches (`acct_…`), when Stripe said it."""


def read_key(raw: str) -> StripeKey:
    """Parse a pasted key before any network call (clear errors for pk_, empty, junk)."""
    try:
        return parse_key(raw)
    except KeyFormatError as error:
        raise InvalidStripeKey(error) from None


async def check_key(key: StripeKey, *, workspace_id: int, api_base: str | None) -> KeyCheck:
    """Call Stripe with the key (the cheapest read the product needs), then probe permissions."""
    limiter = limiter_for(workspace_id, key.mode)
    async with StripeGateway(key, limiter, api_base) as gateway:
        try:
            await gateway.client.v1.customers.list_async(params={"limit": 1})
            account_id = await account_of(gateway.client)
            report = await probe_permissions(gateway.client)
        except stripe.AuthenticationError as error:
            failure = from_stripe_error(error)
            return KeyCheck(ConnectionStatus.INVALID_KEY, failure.message, {}, gateway.requests)
        except stripe.PermissionError as error:
            advice = describe_permission_error(error.user_message or "") or str(error)
            return KeyCheck(
                ConnectionStatus.PERMISSION_PROBLEM,
                f"The key cannot read customers, so no email can be matched. {advice}.",
                {"rak_customer_read": "missing"},
                gateway.requests,
            )
        except stripe.StripeError as error:
            failure = from_stripe_error(error)
            return KeyCheck(ConnectionStatus.UNREACHABLE, failure.message, {}, gateway.requests)
    permissions: dict[str, str] = {r.permission.rak: r.status for r in report.results}
    if report.portal_not_configured:
        permissions[PORTAL_CONFIGURATION] = "missing"
    missing = report.missing_messages()
    detail: str | None = f"Missing permissions: {', '.join(missing)}." if missing else None
    return KeyCheck(ConnectionStatus.CONNECTED, detail, permissions, gateway.requests, account_id)


def missing_permissions(granted: Mapping[str, str], capability: Capability) -> list[str]:
    """The permissions a capability needs that the key was not found to hold:
    `["Refunds: Write"]`, as the Stripe Dashboard names them."""
    return [
        permission_label(rak) or rak
        for rak in capability.permissions
        if granted.get(rak) != "granted"
    ]


def block_reason(missing: list[str]) -> str:
    """What to do about a capability the key cannot serve."""
    return f"Add {' and '.join(missing)} to the key in Stripe"


def capability_states(
    connection: IntegrationConnection, choices: Mapping[str, bool]
) -> tuple[frozenset[CapabilityName], dict[CapabilityName, str]]:
    """(capabilities the business enabled and the key allows, enabled capabilities the key
    cannot serve with what to add: `{refunds: "Add Refunds: Write to the key in Stripe"}`)."""
    granted = current_names(connection.permissions)
    allowed: set[CapabilityName] = set()
    blocked: dict[CapabilityName, str] = {}
    for name, capability in CAPABILITIES.items():
        if not choices.get(name.value, capability.default_enabled):
            continue
        missing = missing_permissions(granted, capability)
        if missing:
            blocked[name] = block_reason(missing)
        else:
            allowed.add(name)
    return frozenset(allowed), blocked


def ensure_integrations_allowed(workspace: Workspace) -> None:
    if not PLANS[workspace.plan].integrations_allowed:
        raise IntegrationsNotAllowed(
            f"The {PLANS[workspace.plan].label} plan does not include integrations."
        )


def get_connection(session: Session, workspace_id: int) -> IntegrationConnection | None:
    return session.scalar(
        select(IntegrationConnection).where(
            IntegrationConnection.workspace_id == workspace_id,
            IntegrationConnection.kind == KIND,
        )
    )


def save_connection(
    session: Session,
    workspace: Workspace,
    key: StripeKey,
    check: KeyCheck,
    *,
    api_base: str | None,
    master_key: MasterKey,
    actor: str,
) -> IntegrationConnection:
    """Store (or replace) the workspace's Stripe key, encrypted, with what the check found."""
    connection = get_connection(session, workspace.id)
    if connection is None:
        connection = IntegrationConnection(workspace_id=workspace.id, kind=KIND)
        session.add(connection)
    connection.credentials = master_key.encrypt(key.secret)
    connection.credentials_masked = key.masked
    connection.key_kind = key.kind
    connection.mode = key.mode
    connection.api_base = api_base
    record_check(connection, check)
    ensure_capability_settings(session, workspace.id)
    session.flush()
    audit.record(
        session,
        workspace.id,
        actor=actor,
        action="stripe.connect",
        target=key.masked,
        result=check.status,
        detail={"mode": key.mode, "kind": key.kind, "detail": check.detail},
    )
    return connection


def record_refused_key(
    session: Session, workspace_id: int, key: StripeKey, check: KeyCheck, *, actor: str
) -> None:
    """Audit a replacement key that failed its check (the working key is kept)."""
    audit.record(
        session,
        workspace_id,
        actor=actor,
        action="stripe.key_refused",
        target=key.masked,
        result=check.status,
        detail={"mode": key.mode, "kind": key.kind, "detail": check.detail},
    )


def record_check(connection: IntegrationConnection, check: KeyCheck) -> None:
    connection.status = check.status
    connection.status_detail = check.detail
    connection.permissions = dict(check.permissions)
    connection.account_id = check.account_id
    connection.last_checked_at = utcnow()


def record_portal_configured(session: Session, workspace_id: int, configured: bool) -> bool:
    """What a portal session created at run time showed about the Customer portal, kept with
    the live check's findings so the Toolkit says it at once. Returns whether it changed."""
    connection = get_connection(session, workspace_id)
    if connection is None:
        return False
    found = dict(connection.permissions)
    if (found.get(PORTAL_CONFIGURATION) != "missing") == configured:
        return False
    if configured:
        del found[PORTAL_CONFIGURATION]
    else:
        found[PORTAL_CONFIGURATION] = "missing"
    connection.permissions = found
    return True


def stored_key(connection: IntegrationConnection, master_key: MasterKey) -> StripeKey:
    return parse_key(master_key.decrypt(connection.credentials))


def disconnect(session: Session, workspace_id: int, *, actor: str) -> bool:
    connection = get_connection(session, workspace_id)
    if connection is None:
        return False
    masked = connection.credentials_masked
    session.delete(connection)
    audit.record(
        session, workspace_id, actor=actor, action="stripe.disconnect", target=masked, result="ok"
    )
    return True


def ensure_capability_settings(session: Session, workspace_id: int) -> dict[str, bool]:
    """Each capability's on/off choice; missing rows get the default (reads on, writes off)."""
    rows = {
        row.capability: row
        for row in session.scalars(
            select(CapabilitySetting).where(
                CapabilitySetting.workspace_id == workspace_id,
                CapabilitySetting.integration == KIND,
            )
        )
    }
    for name, capability in CAPABILITIES.items():
        if name.value not in rows:
            rows[name.value] = CapabilitySetting(
                workspace_id=workspace_id,
                integration=KIND,
                capability=name.value,
                enabled=capability.default_enabled,
            )
            session.add(rows[name.value])
    return {name: row.enabled for name, row in rows.items()}


def set_capability(
    session: Session, workspace_id: int, name: CapabilityName, enabled: bool, *, actor: str
) -> bool:
    """Turn one capability on or off; returns whether anything changed (audited when so)."""
    ensure_capability_settings(session, workspace_id)
    session.flush()
    row = session.scalars(
        select(CapabilitySetting).where(
            CapabilitySetting.workspace_id == workspace_id,
            CapabilitySetting.integration == KIND,
            CapabilitySetting.capability == name.value,
        )
    ).one()
    if row.enabled == enabled:
        return False
    row.enabled = enabled
    audit.record(
        session,
        workspace_id,
        actor=actor,
        action="capability.enable" if enabled else "capability.disable",
        target=name.value,
        result="ok",
    )
    return True


# --- what the CLI, the API and the Toolkit page show --------------------------------------

PermissionState = Literal["granted", "missing", "unknown"]


class PermissionView(BaseModel):
    resource: str
    level: str
    label: str
    """As the Stripe Dashboard names it: `Refunds: Write`."""
    status: PermissionState | Literal["not_needed"]
    """`not_needed`: the key holds it but no capability uses it (remove it in Stripe)."""
    used_by: list[str]
    """Labels of the capabilities that use this permission."""


class CapabilityView(BaseModel):
    name: str
    label: str
    access: Literal["read", "write"]
    enabled: bool
    allowed: bool
    """Whether the key has every permission the capability needs."""
    missing: list[str]
    """Permissions to enable in Stripe for this capability: `["Refunds: Write"]`."""
    needs: list[str]
    """Every permission the capability uses, as the Dashboard names them."""
    blocked: str | None = None
    """For a capability the key cannot serve: `Add Refunds: Write to the key in Stripe`."""


class StripeStatusView(BaseModel):
    connected: bool
    """The green indicator: the key works and can read customers."""
    status: str
    detail: str | None
    mode: str | None
    key_kind: str | None
    key_masked: str | None
    warning: str | None
    hint: str | None
    api_base: str | None
    last_checked_at: datetime | None
    permissions: list[PermissionView]
    capabilities: list[CapabilityView]
    portal: str | None = None
    """`Customer portal not configured in Stripe: …` when the live check found it so."""


SECRET_KEY_WARNING = (
    "This is a secret key: it can do anything in your Stripe account. A restricted key "
    "with only the permissions below is safer."
)
TEST_MODE_HINT = (
    "Test mode: the agent sees only Stripe test data, so customers who paid in live mode "
    "will not be found. This is expected while you try knowreply."
)


def status_view(
    connection: IntegrationConnection | None, capability_choices: dict[str, bool]
) -> StripeStatusView:
    """Everything about a workspace's Stripe connection, safe to show (the key only masked)."""
    granted = current_names(connection.permissions) if connection else {}
    permissions = _permission_views(granted)
    capabilities = []
    for name, capability in CAPABILITIES.items():
        missing = missing_permissions(granted, capability)
        enabled = capability_choices.get(name.value, capability.default_enabled)
        capabilities.append(
            CapabilityView(
                name=name.value,
                label=capability.label,
                access=capability.access,
                enabled=enabled,
                allowed=connection is not None and not missing,
                missing=missing,
                needs=[permission_label(rak) or rak for rak in capability.permissions],
                blocked=block_reason(missing) if connection is not None and missing else None,
            )
        )
    if connection is None:
        return StripeStatusView(
            connected=False,
            status="not_connected",
            detail=None,
            mode=None,
            key_kind=None,
            key_masked=None,
            warning=None,
            hint=None,
            api_base=None,
            last_checked_at=None,
            permissions=permissions,
            capabilities=capabilities,
        )
    return StripeStatusView(
        connected=connection.status == ConnectionStatus.CONNECTED,
        status=connection.status,
        detail=connection.status_detail,
        mode=connection.mode,
        key_kind=connection.key_kind,
        key_masked=connection.credentials_masked,
        warning=SECRET_KEY_WARNING if connection.key_kind == "secret" else None,
        hint=TEST_MODE_HINT if connection.mode == "test" else None,
        api_base=connection.api_base,
        last_checked_at=connection.last_checked_at,
        permissions=permissions,
        capabilities=capabilities,
        portal=_portal_problem(granted, connection.mode),
    )


def _permission_views(granted: Mapping[str, str]) -> list[PermissionView]:
    """Every needed permission with its state, then the unneeded ones the key holds."""
    views = [
        PermissionView(
            resource=p.resource,
            level=p.level,
            label=p.label,
            status=_state(granted.get(p.rak)),
            used_by=[c.label for c in CAPABILITIES.values() if p.rak in c.permissions],
        )
        for p in REQUIRED
    ]
    views += [
        PermissionView(
            resource=p.resource, level=p.level, label=p.label, status="not_needed", used_by=[]
        )
        for p in NOT_NEEDED
        if granted.get(p.rak) == "granted"
    ]
    return views


def _portal_problem(granted: Mapping[str, str], mode: str) -> str | None:
    if granted.get(PORTAL_CONFIGURATION) != "missing":
        return None
    return f"{PORTAL_NOT_CONFIGURED}. Save the settings in {portal_setup_path(mode)}."


def _state(value: str | None) -> PermissionState:
    if value == "granted":
        return "granted"
    if value == "missing":
        return "missing"
    return "unknown"
