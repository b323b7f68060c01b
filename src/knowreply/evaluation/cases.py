"""Eval cases as data: TOML files of `[[case]]` tables in the `evals/` directory.

A case is one customer email (or a raw `.eml` file for the mail screen), the Stripe state and
workspace settings it starts from, and what must come out of it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from knowreply.agent.trace import Outcome
from knowreply.errors import KnowreplyError
from knowreply.integrations.stripe.capabilities import CapabilityName


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlantedPayment(_Strict):
    """A card payment added to the demo account before the case runs."""

    customer: str
    """The customer's email (the first customer with it, or the one named `customer_name`)."""
    customer_name: str | None = None
    amount: int = Field(gt=0)
    """In minor units."""
    currency: str = "usd"
    days_ago: float = 0
    status: Literal["succeeded", "pending", "failed"] = "succeeded"
    decline: Literal["insufficient_funds", "generic_decline", "expired_card"] | None = None
    description: str | None = None
    name: str | None = None
    """Refer to the charge's id in the email's text as `{name}`."""


class ExpectedCall(_Strict):
    """A tool call that must appear in the trace, with at least these arguments."""

    name: str
    args: dict[str, Any] = Field(default_factory=dict)
    status: Literal["done", "denied", "awaiting_approval", "error"] | None = None


class StripeEndState(_Strict):
    """What the Stripe account must look like after the run (unset: not checked)."""

    refunds: int | None = None
    """Refunds in the account."""
    refunded_minor: int | None = None
    """Their total, in minor units."""
    cancelling: int | None = None
    """Subscriptions set to cancel at the end of the period."""
    payment_links: int | None = None
    portal_sessions: int | None = None
    writes: int | None = None
    """Successful POST/DELETE requests to the Stripe API (0: the run changed nothing)."""


class Expectation(_Strict):
    outcome: Outcome
    tools: list[str] | None = None
    """The exact tool names called, in order (unset: not checked)."""
    calls: list[ExpectedCall] = Field(default_factory=list)
    stripe: StripeEndState = Field(default_factory=StripeEndState)
    reply_contains: list[str] = Field(default_factory=list)
    reply_excludes: list[str] = Field(default_factory=list)
    reason_contains: list[str] = Field(default_factory=list)
    reason_excludes: list[str] = Field(default_factory=list)
    policy: list[str] = Field(default_factory=list)
    """Policy rules that must have been recorded (e.g. `input` for ignored instructions)."""
    truncated: bool | None = None


class Case(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    description: str
    tags: list[str] = Field(default_factory=list)
    sender: str | None = None
    subject: str = ""
    text: str | None = None
    repeat_text: int = Field(default=1, ge=1, le=100_000)
    """Repeat `text` this many times (for a huge body without a huge file)."""
    verified: bool = True
    eml: str | None = None
    """A raw message (path relative to the case file): parsed and screened first."""
    payments: list[PlantedPayment] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    """WorkspaceSettings fields to change (approval_mode, refund_cap_minor, …)."""
    capabilities: list[CapabilityName] | None = None
    """The capabilities enabled (unset: all seven)."""
    expect: Expectation
    source: Path | None = None
    """The file the case came from (set when loading)."""

    @model_validator(mode="after")
    def _one_email(self) -> Case:
        if self.eml is None and (self.sender is None or self.text is None):
            raise ValueError("give `sender` and `text`, or `eml`")
        if self.eml is not None and self.text is not None:
            raise ValueError("give `text` or `eml`, not both")
        return self

    @property
    def eml_path(self) -> Path | None:
        if self.eml is None:
            return None
        base = self.source.parent if self.source else Path()
        return base / self.eml


class CaseFileError(KnowreplyError):
    status = 400


def load_cases(directory: Path) -> list[Case]:
    """Every case of every `*.toml` file under `directory`, sorted by file then order."""
    if not directory.is_dir():
        raise CaseFileError(f"{directory} is not a directory of eval cases")
    cases: list[Case] = []
    for path in sorted(directory.rglob("*.toml")):
        cases.extend(_cases_in(path))
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise CaseFileError(f"two cases are called {case.id!r}")
        seen.add(case.id)
    return cases


def _cases_in(path: Path) -> list[Case]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CaseFileError(f"{path}: {error}") from None
    found = []
    for index, raw in enumerate(data.get("case", [])):
        try:
            found.append(Case.model_validate({**raw, "source": path}))
        except ValidationError as error:
            name = raw.get("id", f"case #{index + 1}")
            raise CaseFileError(f"{path}: {name}: {error}") from None
    return found
