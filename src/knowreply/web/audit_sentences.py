"""The audit log as sentences: "Alice Martin was refunded $49.00 on ch_… — approved by
dana@shop.com". One function per kind of event; the event names stay in the CSV and API."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from knowreply.integrations.stripe.capabilities import CAPABILITIES, CapabilityName
from knowreply.money import Money
from knowreply.web import texts

AUDIT_KINDS = {
    "stripe": "Stripe writes (refunds, cancellations, links)",
    "approval": "Approvals",
    "connection": "Stripe connection",
    "capability": "Capabilities",
    "settings": "Settings",
    "member": "Members",
    "reply": "Replies by hand",
}
"""Filter name -> label; an event's kind is the first part of its name (`stripe.connect`
belongs to `connection`)."""
CONNECTION_EVENTS = ("stripe.connect", "stripe.disconnect")
CONNECTION_FAILURES = {
    "invalid_key": "Stripe did not accept the key",
    "unreachable": "Stripe could not be reached",
}


@dataclass(frozen=True)
class AuditEntry:
    """One audit event and what the page needs to say it in words."""

    action: str
    actor: str
    target: str | None
    result: str
    detail: Mapping[str, Any]
    customer: str | None
    """Who the action was for: the asking email's sender, when known."""


def kind_of(action: str) -> str:
    return "connection" if action in CONNECTION_EVENTS else action.split(".", 1)[0]


def _amount(detail: Mapping[str, Any]) -> str | None:
    minor, currency = detail.get("amount_minor"), detail.get("currency")
    if isinstance(minor, int) and isinstance(currency, str) and currency:
        return Money(amount_minor=minor, currency=currency).format()
    return None


def _who(entry: AuditEntry) -> str:
    """The customer by name; an event recorded before names were kept: by email, then id."""
    detail = entry.detail
    named = detail.get("customer_name") or detail.get("customer_email") or entry.customer
    return str(named or detail.get("customer") or "a customer")


def _stripe_write(entry: AuditEntry) -> str:
    kind = entry.action.removeprefix("stripe.")
    amount = _amount(entry.detail)
    on = f" on {entry.target}" if entry.target else ""
    approved = entry.detail.get("approved_by")
    by = f" — approved by {approved}" if approved else " — by the agent"
    if entry.result == "done":
        if kind == "refund":
            basis = entry.detail.get("basis")
            sized = f" ({basis})" if basis else ""
            return f"{_who(entry)} was refunded {amount or 'a payment'}{sized}{on}{by}"
        if kind == "cancellation":
            return f"{_who(entry)}'s subscription{on} was set to end at its period's end{by}"
        return f"{_who(entry)} was sent a {texts.action_kind(kind).lower()}{by}"
    error = entry.detail.get("error")
    what = texts.action_kind(kind).lower()
    amount_text = f" of {amount}" if amount else ""
    reason = f": {error}" if error else ""
    return f"The {what}{amount_text} for {_who(entry)}{on} {texts.humanize(entry.result)}{reason}"


def _approval(entry: AuditEntry) -> str:
    verb = "approved" if entry.action.endswith("approve") else "rejected"
    what = texts.action_kind(str(entry.detail.get("kind", "action"))).lower()
    amount = _amount(entry.detail)
    amount_text = f" of {amount}" if amount else ""
    return f"{entry.actor} {verb} the {what}{amount_text} for {_who(entry)}"


def _connection(entry: AuditEntry) -> str:
    if entry.action == "stripe.disconnect":
        return f"{entry.actor} disconnected Stripe (key {entry.target})"
    mode = entry.detail.get("mode")
    mode_text = f" ({mode} mode)" if mode else ""
    key = f"the key {entry.target}{mode_text}"
    if entry.result == "connected":
        return f"{entry.actor} connected Stripe with {key}"
    if entry.result == "permission_problem":
        return f"{entry.actor} connected Stripe with {key}, but the key lacks permissions"
    failure = CONNECTION_FAILURES.get(entry.result, texts.humanize(entry.result))
    return f"{entry.actor} tried to connect Stripe with {key}: {failure}"


def _capability(entry: AuditEntry) -> str:
    verb = "turned on" if entry.action.endswith("enable") else "turned off"
    try:
        label = CAPABILITIES[CapabilityName(entry.target or "")].label
    except ValueError:
        label = texts.humanize(entry.target or "a capability")
    return f"{entry.actor} {verb} “{label}”"


def _settings(entry: AuditEntry) -> str:
    fields = entry.detail.get("fields") or []
    changed = ", ".join(texts.humanize(str(f)) for f in fields) if fields else "settings"
    return f"{entry.actor} changed {changed}"


def _member(entry: AuditEntry) -> str:
    if entry.action == "member.add":
        role = entry.detail.get("role")
        return f"{entry.actor} added {entry.target}{f' as {role}' if role else ''}"
    return f"{entry.actor} removed {entry.target}"


def _reply(entry: AuditEntry) -> str:
    return f"{entry.actor} replied by hand to {_who(entry)}: {texts.humanize(entry.result)}"


SENTENCES: dict[str, Callable[[AuditEntry], str]] = {
    "stripe": _stripe_write,
    "approval": _approval,
    "connection": _connection,
    "capability": _capability,
    "settings": _settings,
    "member": _member,
    "reply": _reply,
}


def sentence(entry: AuditEntry) -> str:
    say = SENTENCES.get(kind_of(entry.action))
    if say is None:
        target = f" {entry.target}" if entry.target else ""
        return f"{entry.actor}: {texts.humanize(entry.action)}{target} ({entry.result})"
    return say(entry)
