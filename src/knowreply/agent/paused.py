"""A run waiting for a member: everything it needs to resume, typed (stored in
`agent_runs.state`). A waiting action whose run has no valid `PausedRun` cannot be approved."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_ai.messages import ModelMessage, ModelMessagesTypeAdapter

from knowreply.agent.trace import AgentInput


class PausedRun(BaseModel):
    input: AgentInput
    """The email as the run read it (after a confirmed one-time code: the confirmed request)."""
    messages: list[dict[str, Any]]
    """The model conversation so far (pydantic-ai messages as JSON)."""
    pending: dict[str, int]
    """Tool call id -> the action whose stored plan that call executes once approved."""

    def history(self) -> list[ModelMessage]:
        return ModelMessagesTypeAdapter.validate_python(self.messages)


def paused_run(state: dict[str, Any] | None) -> PausedRun | None:
    """The stored state as a paused run, or None when there is none (or it is unusable)."""
    if not state:
        return None
    try:
        return PausedRun.model_validate(state)
    except ValidationError:
        return None
