"""A person approves or rejects an action the agent is waiting on (placeholder)."""

from __future__ import annotations

from knowreply.agent.trace import Trace
from knowreply.runtime import Runtime


def decide(runtime: Runtime, workspace_id: int, action_id: int, approve: bool, actor: str) -> Trace:
    raise NotImplementedError("approvals land with the agent")
