"""The record of one agent run: what `knowreply simulate --json` prints, the dashboard shows,
and the agent runs table stores."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field

from knowreply.integrations.stripe.models import StripeRequest
from knowreply.mail.quotes import new_words
from knowreply.money import Money


class Outcome(StrEnum):
    REPLIED = "replied"
    ESCALATED = "escalated"
    """Handed to a person: no reply sent; shown in the inbox."""
    AWAITING_APPROVAL = "awaiting_approval"
    AWAITING_VERIFICATION = "awaiting_verification"
    SKIPPED = "skipped"
    FAILED = "failed"


ToolCallStatus = Literal["done", "denied", "awaiting_approval", "error"]


class PlannedWrite(BaseModel):
    """The exact write a call planned: what a member approves, what is executed."""

    action_id: int
    kind: str
    target_id: str | None = None
    """The Stripe object written (charge, subscription); None for a new link."""
    customer_id: str
    amount: Money | None = None
    """With its currency."""
    waiting_because: list[str] = Field(default_factory=list)
    """Why it waits for a member (empty when it ran without one)."""
    whole: bool | None = None
    """A refund of everything still refundable (None: not a refund)."""


class ToolCall(BaseModel):
    capability: str
    name: str
    args: dict[str, Any] = Field(default_factory=dict)
    status: ToolCallStatus
    error: str | None = None
    result: Any = None
    """What the tool returned (typed views as JSON); shown in the Simulator."""
    write: PlannedWrite | None = None


class Usage(BaseModel):
    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0


ReplyKind = Literal["reply", "acknowledgement"]


class Reply(BaseModel):
    to: str
    subject: str
    text: str
    kind: ReplyKind = "reply"
    """`acknowledgement`: sent while an action waits for a member; the reply follows the
    decision (`agent/acknowledge.py`)."""
    sealed_code: str | None = None
    """A one-time code, encrypted; `text` shows `verification.CODE_PLACEHOLDER` where it
    goes, and only the email sent carries it (see `agent/verification.py`)."""


class PolicyDecision(BaseModel):
    """A decision made in code (verification, approval, caps), for the Simulator's view."""

    rule: str
    decision: str
    detail: str | None = None


class WrittenEmail(BaseModel):
    """The email as it was written in the Simulator (real mail is stored as a message)."""

    subject: str = ""
    text: str


class Trace(BaseModel):
    outcome: Outcome
    reason: str | None = None
    sender: str
    verified: bool
    customers: list[str] = Field(default_factory=list)
    tool_calls: list[ToolCall] = Field(default_factory=list)
    stripe_requests: list[StripeRequest] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    reply: Reply | None = None
    policy: list[PolicyDecision] = Field(default_factory=list)
    brain: str = "rules"
    model: str | None = None
    """Which model answered: `rules`, or the LLM's model name."""
    truncated: bool = False
    """The email was longer than the agent reads; only its beginning was used."""
    run_id: int | None = None
    simulated: WrittenEmail | None = None
    """Set for Simulator runs, so a reopened run shows the email exactly as it was sent."""
    retryable: bool = False
    """It failed for a passing reason (Stripe 5xx, 429, a timeout): running again may work."""


class AgentInput(BaseModel):
    """One customer email as the agent sees it (already screened, quotes removed)."""

    workspace_id: int
    sender: str
    """The From address, lower-cased: who the customer is (Reply-To never changes it)."""
    subject: str = ""
    text: str
    thread: str = ""
    """The whole body, quoted older thread included, when `text` left it out: read only for the
    write a plain yes accepts ("Yes please" under our "Would you like a payment link?")."""
    verified: bool = False
    message_id: int | None = None
    """The stored message (its id seeds Stripe idempotency keys); None only in unit tests."""
    conversation_id: int | None = None
    source: Literal["pipeline", "simulator"] = "pipeline"
    truncated: bool = False

    @classmethod
    def written(cls, *, text: str, subject: str = "", **fields: Any) -> AgentInput:
        """An email given as its text (the Simulator, the CLI, the corpus), read as the mail
        pipeline reads one that arrives: the customer's new words, and the whole text as the
        thread they quote."""
        new = new_words(text, subject=subject)
        return cls(text=new, thread=quoted_thread(text, new), subject=subject, **fields)


def quoted_thread(text: str, new_text: str) -> str:
    """The whole body as the thread beside the new words, or "" when they are all of it."""
    return text if new_text.strip() != text.strip() else ""
