"""Every outcome and reason the dashboard shows, in plain words: one table, not enum names.

The agent and the pipeline record stable machine names (`awaiting_approval`, `not_billing`,
`send_unconfirmed`); people read the sentences below. A name missing from the tables is
shown with its underscores turned into spaces, never as a raw identifier.
"""

from __future__ import annotations

import re
from typing import Literal

TraceView = Literal["simulator", "conversation"]

AGENT_OUTCOMES: dict[TraceView, dict[str, str]] = {
    # The Simulator sends nothing: it says what would happen.
    "simulator": {
        "replied": "Would reply",
        "escalated": "Would hand to a person",
        "awaiting_approval": "Waits for approval",
        "awaiting_verification": "Would ask for a code",
        "skipped": "Would skip",
        "failed": "Failed",
    },
    # In a conversation the agent's decision sits beside the delivery state of the email.
    "conversation": {
        "replied": "Wrote a reply",
        "escalated": "Handed to a person",
        "awaiting_approval": "Waits for approval",
        "awaiting_verification": "Asked for a code",
        "skipped": "Skipped",
        "failed": "Failed",
    },
}

MESSAGE_OUTCOMES = {
    "replied": "Replied",
    "escalated": "Needs a person",
    "awaiting_approval": "Awaiting approval",
    "awaiting_verification": "Awaiting the customer's code",
    "received": "Processing",
    "sending": "Waiting to send",
}
FAILED_STEPS = {
    "screen": "the email could not be screened",
    "admit": "the email could not be screened",
    "thread": "the email could not be added to its conversation",
    "verify": "the sender could not be checked",
    "agent": "the agent could not finish",
    "send": "the reply could not be sent",
    "send_unconfirmed": "the mail server may or may not have received the reply",
    "reply": "the reply could not be sent",
    "finish": "the outcome could not be recorded",
    "interrupted": "the worker stopped while handling it",
}
OUTBOUND = {
    "queued": "Waiting to send",
    "sending": "Sending",
    "sent": "Sent",
    "failed": "Not sent",
    "unconfirmed": "Unconfirmed: the mail server may or may not have received it",
    "superseded": "Not sent: the reply went first",
}
ACTION_STATUSES = {
    "awaiting_approval": "Waiting for approval",
    "approved": "Approved",
    "rejected": "Rejected",
    "done": "Done",
    "failed": "Failed",
}
ACTION_KINDS = {
    "refund": "Refund",
    "cancel": "Cancellation",
    "cancellation": "Cancellation",
    "payment_link": "Payment link",
    "portal_link": "Billing portal link",
}
REQUESTS = {
    "latest_invoice": "invoice",
    "invoice_lookup": "invoice",
    "payment_history": "payment history",
    "payment_status": "payment",
    "charge_lookup": "charge",
    "subscription_status": "subscription",
    "refund": "refund",
    "partial_refund": "partial refund",
    "payment_link": "payment link",
    "portal_link": "billing portal link",
    "cancel": "cancellation",
    "verification_code": "one-time code",
}
REASONS = {
    "not_billing": "The email is not about billing, so a person answers it.",
    "unclear": "The agent could not tell what the customer asks, so a person answers it.",
    "A member must approve the action.": "A member of the team must approve it in Approvals.",
    "The brain wrote no reply.": "The agent wrote no reply, so a person answers it.",
}
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^not a billing request the agent handles \((\w+)\)$"), "{plain}"),
    (
        re.compile(r"^capability for (\w+) is not enabled$"),
        "Answering a {request} request is turned off in the Toolkit, so a person answers it.",
    ),
    (
        re.compile(r"^(\w+): needs a person$"),
        "The agent could not settle this {request} request itself, so a person answers it.",
    ),
)


def humanize(name: str) -> str:
    """The fallback for a name no table knows: `over_refundable` -> `over refundable`."""
    return name.replace("_", " ")


def agent_outcome(outcome: str, view: TraceView = "simulator") -> str:
    return AGENT_OUTCOMES[view].get(outcome, humanize(outcome).capitalize())


def reason(text: str | None) -> str | None:
    """A run's reason as a sentence: the rules brain's names become words."""
    if not text:
        return None
    if text in REASONS:
        return REASONS[text]
    for pattern, template in _PATTERNS:
        if found := pattern.match(text):
            name = found.group(1)
            plain = REASONS.get(name, f"A {REQUESTS.get(name, humanize(name))} request.")
            return template.format(plain=plain, request=REQUESTS.get(name, humanize(name)))
    return text


def action_kind(kind: str) -> str:
    return ACTION_KINDS.get(kind, humanize(kind).capitalize())


def action_status(status: str) -> str:
    return ACTION_STATUSES.get(status, humanize(status).capitalize())


def message_outcome(direction: str, status: str, status_reason: str | None, *, skip: str) -> str:
    """A message's outcome as people read it (`skip` is the skip reason, already in words)."""
    if direction == "out":
        return OUTBOUND.get(status, humanize(status))
    if status == "skipped":
        return f"Skipped: {skip}"
    if status == "failed":
        return f"Failed: {FAILED_STEPS.get(status_reason or '', 'an unexpected error')}"
    return MESSAGE_OUTCOMES.get(status, humanize(status))
