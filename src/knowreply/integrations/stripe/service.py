"""Use cases of the Stripe connection, shared by the CLI, the JSON API and the Toolkit page."""

from __future__ import annotations

from collections.abc import Iterable

from knowreply.db.session import transaction
from knowreply.integrations.stripe import connection as c
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.runtime import Runtime
from knowreply.workspaces import resolve_workspace


def _api_base(runtime: Runtime, requested: str | None) -> str | None:
    return (requested or runtime.settings.stripe_api_base or "").strip() or None


def status(runtime: Runtime, workspace_id: int) -> c.StripeStatusView:
    with transaction(runtime.sessions) as session:
        choices = c.ensure_capability_settings(session, workspace_id)
        return c.status_view(c.get_connection(session, workspace_id), choices)


async def connect(
    runtime: Runtime,
    workspace_name: str | None,
    raw_key: str,
    *,
    actor: str,
    api_base: str | None = None,
) -> tuple[c.StripeStatusView, str | None]:
    """Check and store a key; returns the new status and the secret-key warning, if any.

    The key's form is checked before anything is sent; the live check runs outside any
    database transaction. A key that fails the check never replaces a working one: it is
    refused (`KeyRefused`, with Stripe's reason) and the working key stays.
    """
    with runtime.sessions() as session:
        workspace = resolve_workspace(session, workspace_name)
        c.ensure_integrations_allowed(workspace)
        workspace_id = workspace.id
        stored = c.get_connection(session, workspace_id)
        working = stored is not None and stored.status == c.ConnectionStatus.CONNECTED
    key = c.read_key(raw_key)
    base = _api_base(runtime, api_base)
    check = await c.check_key(key, workspace_id=workspace_id, api_base=base)
    if working and check.status != c.ConnectionStatus.CONNECTED:
        with transaction(runtime.sessions) as session:
            c.record_refused_key(session, workspace_id, key, check, actor=actor)
        raise c.KeyRefused(
            f"The new key was not saved: {check.detail or check.status} "
            "The key that works stays connected."
        )
    with transaction(runtime.sessions) as session:
        workspace = resolve_workspace(session, workspace_name)
        c.save_connection(
            session,
            workspace,
            key,
            check,
            api_base=base,
            master_key=runtime.master_key,
            actor=actor,
        )
    return status(runtime, workspace_id), key.warning


async def recheck(runtime: Runtime, workspace_id: int) -> c.StripeStatusView:
    """Check the stored key again (after permissions were changed in Stripe)."""
    with runtime.sessions() as session:
        connection = c.get_connection(session, workspace_id)
        if connection is None:
            raise c.NotConnected("Stripe is not connected: connect a key first.")
        key = c.stored_key(connection, runtime.master_key)
        base = connection.api_base
    check = await c.check_key(key, workspace_id=workspace_id, api_base=base)
    with transaction(runtime.sessions) as session:
        stored = c.get_connection(session, workspace_id)
        if stored is not None:
            c.record_check(stored, check)
    return status(runtime, workspace_id)


def disconnect(runtime: Runtime, workspace_id: int, *, actor: str) -> bool:
    with transaction(runtime.sessions) as session:
        return c.disconnect(session, workspace_id, actor=actor)


def change_capabilities(
    runtime: Runtime,
    workspace_id: int,
    *,
    enable: Iterable[CapabilityName] = (),
    disable: Iterable[CapabilityName] = (),
    actor: str,
) -> c.StripeStatusView:
    with transaction(runtime.sessions) as session:
        for name in enable:
            c.set_capability(session, workspace_id, name, True, actor=actor)
        for name in disable:
            c.set_capability(session, workspace_id, name, False, actor=actor)
    return status(runtime, workspace_id)
