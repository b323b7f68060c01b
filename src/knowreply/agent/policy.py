"""Who may do what, decided in code (never in the prompt)."""

from __future__ import annotations

from knowreply.integrations.stripe.capabilities import CAPABILITIES, CapabilityName
from knowreply.money import Money
from knowreply.workspaces import WorkspaceSettings

NEEDS_APPROVAL_KINDS = frozenset({CapabilityName.REFUNDS, CapabilityName.CANCELLATIONS})
"""What can wait for a person: actions that give money back or end a customer's service."""


def needs_verified_sender(capability: CapabilityName) -> bool:
    """Reads need the address to match a customer; anything that writes needs a verified
    sender (portal links too: whoever holds one manages the billing)."""
    return CAPABILITIES[capability].access == "write"


def needs_approval(
    settings: WorkspaceSettings, capability: CapabilityName, amount: Money | None
) -> bool:
    """The workspace's approval mode: run automatically, always wait, or wait above an
    amount (a cancellation has no amount and runs automatically in that mode)."""
    if capability not in NEEDS_APPROVAL_KINDS or settings.approval_mode == "auto":
        return False
    if settings.approval_mode == "always":
        return True
    return amount is not None and amount.amount_minor > settings.approval_threshold_minor


def idempotency_seed(workspace_id: int, message_id: int | None, run_id: int) -> str:
    """What Stripe idempotency keys are derived from: the inbound email, so a retry of the
    same email never acts twice (a Simulator run has no email: its run id)."""
    source = f"msg{message_id}" if message_id is not None else f"run{run_id}"
    return f"kr-ws{workspace_id}-{source}"
