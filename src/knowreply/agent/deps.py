"""What every tool call of one run can see: the scope, the policy, the trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from knowreply.agent.intake import Requests, WriteKind
from knowreply.agent.trace import AgentInput, Trace
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.operations import CustomerScope, RefundPolicy
from knowreply.runtime import Runtime
from knowreply.workspaces import WorkspaceSettings


@dataclass
class RunDeps:
    runtime: Runtime
    agent_input: AgentInput
    settings: WorkspaceSettings
    gateway: StripeGateway
    scope: CustomerScope
    """The customers whose email is the sender's: set by code, never by the model."""
    capabilities: frozenset[CapabilityName]
    """Enabled by the business and allowed by the key: only their tools exist."""
    trace: Trace
    run_id: int
    seed: str
    """Stripe idempotency keys derive from it (the inbound email)."""
    now: datetime
    requests: Requests
    """What the customer's own words explicitly ask to be written (brain-neutral intake)."""
    doubted: frozenset[WriteKind] = frozenset()
    """The writes `requests` finds asked whose asking sentences the learnt second opinion
    does not believe (`brains.rules.ask_model`): any brain's plan for one waits for a member."""
    approved: dict[str, int] = field(default_factory=dict)
    """On resumption: tool call id -> the approved action whose stored plan it executes."""
    escalation: str | None = None
    """Set when a tool or the brain hands the email to a person."""
    blocked_for_verification: bool = False

    @property
    def refund_policy(self) -> RefundPolicy:
        return RefundPolicy(
            cap_minor=self.settings.refund_cap_minor,
            window_days=self.settings.refund_window_days,
            now=self.now,
            cap_currency=self.settings.default_currency,
        )
