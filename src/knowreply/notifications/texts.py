"""What a notification says: short plain text, with a link to where a person acts.

It names the customer's address, the email's subject and the amount (what every member's
dashboard shows them), never a secret, a key or the email's body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from knowreply.money import Money

ACTIONS = {
    "refund": "a refund",
    "cancel": "a cancellation",
    "cancellation": "a cancellation",
    "payment_link": "a payment link",
    "portal_link": "a billing portal link",
}
WHY = {
    "escalated": "The agent handed this email to a person.",
    "failed": "The agent could not finish this email; a person must.",
}


@dataclass(frozen=True)
class Text:
    subject: str
    body: str


def _amount(data: dict[str, Any]) -> str:
    if data.get("amount_to_set"):
        return " (you set the amount)"
    if data.get("amount_minor") is None or not data.get("currency"):
        return ""
    money = Money(amount_minor=int(data["amount_minor"]), currency=str(data["currency"]))
    return f" of {money.format()}"


def _what(data: dict[str, Any]) -> str:
    action = str(data.get("action", ""))
    return ACTIONS.get(action, f"a {action.replace('_', ' ')}") + _amount(data)


def link(base_url: str, kind: str, data: dict[str, Any]) -> str:
    base = base_url.rstrip("/")
    if kind == "approval_waiting":
        return f"{base}/approvals"
    if data.get("conversation_id"):
        return f"{base}/inbox/{data['conversation_id']}"
    return f"{base}/inbox"


def headline(kind: str, data: dict[str, Any]) -> str:
    """One line, for a subject or a digest's list."""
    customer = data.get("customer", "a customer")
    if kind == "approval_waiting":
        return f"Approval needed: {_what(data)} for {customer}"
    if kind == "needs_person":
        verb = "could not be handled" if data.get("status") == "failed" else "needs a person"
        return f"An email from {customer} {verb}"
    return "Test notification from knowreply"


def event_text(kind: str, data: dict[str, Any], *, business: str, base_url: str) -> Text:
    lines = [headline(kind, data) + "."]
    if data.get("subject"):
        lines.append(f"Their email: \u201c{data['subject']}\u201d")
    if kind == "needs_person":
        lines.append(WHY.get(str(data.get("status")), ""))
        if data.get("detail"):
            lines.append(f"Why: {data['detail']}")
    if kind == "test":
        lines.append("Notifications reach you. Nothing waits; there is nothing to do.")
    else:
        where = "Decide it" if kind == "approval_waiting" else "Answer it"
        lines.append(f"\n{where} here: {link(base_url, kind, data)}")
    return Text(f"[{business}] {headline(kind, data)}", _body(lines, base_url))


def digest_text(data: dict[str, Any], *, business: str, base_url: str) -> Text:
    """The day's digest: what happened since the last one, and what still waits."""
    happened: list[dict[str, Any]] = data.get("happened", [])
    waiting: list[dict[str, Any]] = data.get("waiting", [])
    total = data.get("happened_total", len(happened))
    lines = [f"Since your last digest: {total} new."]
    lines += [f"- {item['line']} ({link(base_url, item['kind'], item)})" for item in happened]
    lines.append(f"\nStill waiting: {data.get('waiting_total', len(waiting))}.")
    lines += [f"- {item['line']} ({link(base_url, item['kind'], item)})" for item in waiting]
    subject = (
        f"[{business}] Daily digest: {total} new, {data.get('waiting_total', len(waiting))} waiting"
    )
    return Text(subject, _body(lines, base_url))


def _body(lines: list[str], base_url: str) -> str:
    footer = (
        f"\n--\nknowreply. Choose how you hear about these: {base_url.rstrip('/')}/notifications"
    )
    return "\n".join(line for line in lines if line) + "\n" + footer + "\n"


def webhook_payload(
    event_id: int, kind: str, data: dict[str, Any], *, created: int, base_url: str
) -> dict[str, Any]:
    """The JSON POSTed for an event; `id` is stable across retries (receivers dedupe on it)."""
    body = {key: value for key, value in data.items() if key != "detail"}
    amount = _amount(data)
    if amount and not data.get("amount_to_set"):
        body["amount_formatted"] = amount.removeprefix(" of ")
    return {
        "id": f"evt_{event_id}",
        "type": kind,
        "created": created,
        "summary": headline(kind, data),
        "url": link(base_url, kind, data) if kind != "test" else base_url,
        "data": body,
    }
