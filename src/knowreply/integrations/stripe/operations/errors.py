"""Answers an operation gives instead of a result: nothing found for the customer, or a choice."""

from __future__ import annotations

from typing import Literal

from knowreply.errors import KnowreplyError, NotFound
from knowreply.integrations.stripe.models import SubscriptionSummary

ObjectKind = Literal["charge", "payment_intent", "invoice", "subscription", "customer"]

_LABELS: dict[ObjectKind, str] = {
    "charge": "payment",
    "payment_intent": "payment",
    "invoice": "invoice",
    "subscription": "subscription",
    "customer": "customer account",
}


class NothingFound(NotFound):
    """Nothing the customer asked about matches; raised the same way, with the same words,
    whether the object does not exist or belongs to someone else (never reveal which)."""

    def __init__(self, kind: ObjectKind, reference: str | None = None) -> None:
        label = _LABELS[kind]
        message = (
            f"No {label} {reference} was found for this customer."
            if reference
            else f"No {label} was found for this customer."
        )
        super().__init__(message)
        self.message = message
        self.kind: ObjectKind = kind
        self.reference = reference


class ChoiceNeeded(KnowreplyError):
    """Several subscriptions could be meant; the customer (or the agent) must name one."""

    status = 409

    def __init__(self, options: tuple[SubscriptionSummary, ...]) -> None:
        names = ", ".join(f"{option.plan_name} ({option.id})" for option in options)
        message = f"This customer has {len(options)} active subscriptions: {names}. Say which one."
        super().__init__(message)
        self.message = message
        self.options = options
