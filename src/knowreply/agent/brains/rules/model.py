"""The rules brain as a pydantic-ai model: it calls the same tools, under the same policy and
trace, as an LLM would, choosing them from `understand` and writing from `replies`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic_ai.messages import (
    ModelMessage,
    ModelRequest,
    ModelResponse,
    TextPart,
    ToolCallPart,
    ToolReturnPart,
)
from pydantic_ai.models.function import AgentInfo, FunctionModel

from knowreply.agent import results as r
from knowreply.agent.brains.rules import replies
from knowreply.agent.brains.rules.persona import Audience, Persona
from knowreply.agent.brains.rules.replies import RefundRefusal
from knowreply.agent.brains.rules.understanding import Intent, MonthRef, Understanding
from knowreply.money import Money

ESCALATE = "escalate"

# Which tool answers each intent (the tool exists only if its capability is enabled).
TOOL_FOR_INTENT: dict[Intent, str] = {
    Intent.LATEST_INVOICE: "list_invoices",
    Intent.INVOICE_LOOKUP: "list_invoices",
    Intent.PAYMENT_HISTORY: "payment_history",
    Intent.PAYMENT_STATUS: "payment_status",
    Intent.CHARGE_LOOKUP: "find_charges",
    Intent.SUBSCRIPTION_STATUS: "subscription_status",
    Intent.REFUND: "refund",
    Intent.PARTIAL_REFUND: "refund",
    Intent.PAYMENT_LINK: "create_payment_link",
    Intent.PORTAL_LINK: "portal_link",
    Intent.CANCEL: "cancel_subscription",
}

_REFUSAL_TO_REPLY = {
    r.RefusalReason.ALREADY_REFUNDED: RefundRefusal.ALREADY_REFUNDED,
    r.RefusalReason.OVER_REFUNDABLE: RefundRefusal.OVER_REFUNDABLE,
    r.RefusalReason.OUTSIDE_WINDOW: RefundRefusal.OUTSIDE_WINDOW,
}


def _amount_args(amount: Money | None) -> dict[str, Any]:
    if amount is None:
        return {}
    return {"amount": str(amount.major), "currency": amount.currency}


@dataclass
class RulesBrain:
    """Plans tool calls for what the customer asked, then writes the reply from the results."""

    understanding: Understanding
    persona: Persona
    audience: Audience
    customer_name: str | None = None
    period_had_no_invoice: bool = False
    """The month (or quarter, year) asked for had no invoice, so the latest one was looked up
    instead."""

    def model(self) -> FunctionModel:
        return FunctionModel(self, model_name="rules")

    @property
    def intents(self) -> list[Intent]:
        ordered = [self.understanding.intent, *self.understanding.secondary_intents]
        return list(dict.fromkeys(ordered))

    def __call__(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        available = {tool.name for tool in info.function_tools}
        returns = _tool_returns(messages)
        if ESCALATE in returns:
            return ModelResponse(parts=[TextPart("Handed to a person.")])
        if not returns:
            return ModelResponse(parts=self._plan(available))
        looked_up = _returns_of(messages, TOOL_FOR_INTENT[Intent.INVOICE_LOOKUP])
        if self._period_without_invoice(looked_up):
            if len(looked_up) == 1:
                latest = ToolCallPart(TOOL_FOR_INTENT[Intent.LATEST_INVOICE], {"limit": 1})
                return ModelResponse(parts=[latest])
            self.period_had_no_invoice = True
        return self._write(returns)

    def _period_without_invoice(self, looked_up: list[Any]) -> bool:
        """A period was asked for (not a number) and its lookup found nothing."""
        u = self.understanding
        return bool(
            Intent.INVOICE_LOOKUP in self.intents
            and u.invoice_months
            and not u.invoice_references
            and looked_up
            and not r.InvoicesResult.model_validate(looked_up[0]).invoices
        )

    # --- planning ---------------------------------------------------------------------------

    def _plan(self, available: set[str]) -> list[ToolCallPart | TextPart]:
        calls: dict[str, dict[str, Any]] = {}
        for intent in self.intents:
            tool = TOOL_FOR_INTENT.get(intent)
            if tool is None:
                continue  # not_billing, unclear, a stray code: nothing to look up
            if tool not in available:
                return [_escalate(f"capability for {intent.value} is not enabled")]
            calls.setdefault(tool, self._arguments(intent))
        if not calls:
            return [_escalate(f"not a billing request the agent handles ({self.intents[0]})")]
        return [ToolCallPart(tool, args) for tool, args in calls.items()]

    def _arguments(self, intent: Intent) -> dict[str, Any]:
        u = self.understanding
        amount = u.amounts[0] if u.amounts else None
        payment_ids = [i for i in u.stripe_ids if i.startswith(("ch_", "pi_"))]
        if intent == Intent.INVOICE_LOOKUP:
            period = asked_period(u.invoice_months)
            month = period[0] if period else None
            widened = {"months": len(period)} if len(period) > 1 else {}
            return {
                "number": u.invoice_references[0] if u.invoice_references else None,
                "year": month.year if month else None,
                "month": month.month if month else None,
                **widened,
            }
        if intent == Intent.LATEST_INVOICE:
            return {"limit": 1}
        if intent == Intent.PAYMENT_STATUS:
            return {"payment_id": payment_ids[0] if payment_ids else None}
        if intent == Intent.CHARGE_LOOKUP:
            return _amount_args(amount)
        if intent in (Intent.REFUND, Intent.PARTIAL_REFUND):
            target = payment_ids[0] if payment_ids else (u.refund_target or "last")
            target = "latest" if target in ("last", "specific") else target
            if intent is Intent.PARTIAL_REFUND and u.refund_part_unsized:
                return {"payment": target, "part": True}  # a member sets the amount
            if intent is Intent.REFUND and target == "latest" and u.refund_charged is not None:
                charged = u.refund_charged  # "refund the £24 charge": that payment, in full
                return {
                    "payment": target,
                    "charged": str(charged.major),
                    "currency": charged.currency,
                }
            partial = intent == Intent.PARTIAL_REFUND and not u.refund_prorated
            refund_amount = amount if partial else None
            return {"payment": target, **_amount_args(refund_amount)}
        if intent == Intent.PAYMENT_LINK:
            return {
                **_amount_args(amount),
                "invoice_number": u.invoice_numbers[0] if u.invoice_numbers else None,
            }
        return {}

    # --- writing ----------------------------------------------------------------------------

    def _write(self, returns: dict[str, Any]) -> ModelResponse:
        if any(_needs_verification(content) for content in returns.values()):
            # The runtime answers with the one-time code itself; nothing to write here.
            return ModelResponse(parts=[TextPart("Verification needed.")])
        parts: list[str] = []
        written: set[str] = set()
        for intent in self.intents:
            tool = TOOL_FOR_INTENT.get(intent)
            if tool is None or tool not in returns or tool in written:
                continue  # one paragraph per tool: an invoice by month and the latest are one
            written.add(tool)
            part = self._paragraph(intent, returns[tool])
            if part is None:
                return ModelResponse(parts=[_escalate(f"{intent.value}: needs a person")])
            parts.append(part)
        text = replies.compose(
            parts, persona=self.persona, audience=self.audience, customer_name=self.customer_name
        )
        return ModelResponse(parts=[TextPart(text)])

    def _paragraph(self, intent: Intent, content: Any) -> str | None:
        """One paragraph for one intent, or None when a person must take over."""
        a = self.audience
        writer = _WRITERS[intent]
        return writer(self, content, a)

    def _invoices(self, content: Any, a: Audience) -> str | None:
        invoices = r.InvoicesResult.model_validate(content).invoices
        u = self.understanding
        period = asked_period(u.invoice_months)
        if not invoices:
            return replies.invoice_not_found(a, numbers=u.invoice_references, period=period)
        if self.period_had_no_invoice:
            return replies.latest_instead_of_month(invoices, period, a)
        if self.understanding.intent == Intent.LATEST_INVOICE:
            return replies.latest_invoice(invoices, a)
        return replies.invoices_found(invoices, a)

    def _history(self, content: Any, a: Audience) -> str | None:
        return replies.payment_history(r.PaymentsResult.model_validate(content).payments, a)

    def _status(self, content: Any, a: Audience) -> str | None:
        payments = r.PaymentsResult.model_validate(content).payments
        return replies.payment_status(payments, a) if payments else None

    def _charges(self, content: Any, a: Audience) -> str | None:
        payments = r.PaymentsResult.model_validate(content).payments
        amount = self.understanding.amounts[0] if self.understanding.amounts else None
        if amount is None:
            return replies.payment_history(payments, a) if payments else None
        if not payments:
            return replies.no_charge_found(amount, a)
        return replies.charges_found(payments, amount, a)

    def _subscriptions(self, content: Any, a: Audience) -> str | None:
        subscriptions = r.SubscriptionsResult.model_validate(content).subscriptions
        if not subscriptions:
            return replies.no_subscription(a)
        return replies.subscription_status(subscriptions, a)

    def _refund(self, content: Any, a: Audience) -> str | None:
        outcome = r.RefundOutcome.model_validate(content)
        if outcome.refund is not None:
            return replies.refund_done(
                outcome.refund,
                a,
                payment=outcome.payment,
                unused=outcome.unused,
                counted=outcome.counted,
            )
        refusal = outcome.refusal
        if refusal is None or refusal.reason not in _REFUSAL_TO_REPLY:
            return None  # over the limit, denied, not found: a person decides
        return replies.refund_refused(
            _REFUSAL_TO_REPLY[refusal.reason],
            a,
            refundable=refusal.refundable,
            window_days=refusal.window_days,
        )

    def _payment_link(self, content: Any, a: Audience) -> str | None:
        outcome = r.PaymentLinkOutcome.model_validate(content)
        return replies.payment_link(outcome.link, a) if outcome.link else None

    def _portal_link(self, content: Any, a: Audience) -> str | None:
        outcome = r.PortalLinkOutcome.model_validate(content)
        return replies.portal_link(outcome.link, a) if outcome.link else None

    def _cancel(self, content: Any, a: Audience) -> str | None:
        outcome = r.CancellationOutcome.model_validate(content)
        if outcome.cancellations:
            return replies.cancellation(outcome.cancellations, a)
        if outcome.refusal and outcome.refusal.reason == r.RefusalReason.NOTHING_TO_CANCEL:
            return replies.no_subscription(a)
        return None


_Writer = Callable[[RulesBrain, Any, Audience], "str | None"]
_WRITERS: dict[Intent, _Writer] = {
    Intent.LATEST_INVOICE: RulesBrain._invoices,
    Intent.INVOICE_LOOKUP: RulesBrain._invoices,
    Intent.PAYMENT_HISTORY: RulesBrain._history,
    Intent.PAYMENT_STATUS: RulesBrain._status,
    Intent.CHARGE_LOOKUP: RulesBrain._charges,
    Intent.SUBSCRIPTION_STATUS: RulesBrain._subscriptions,
    Intent.REFUND: RulesBrain._refund,
    Intent.PARTIAL_REFUND: RulesBrain._refund,
    Intent.PAYMENT_LINK: RulesBrain._payment_link,
    Intent.PORTAL_LINK: RulesBrain._portal_link,
    Intent.CANCEL: RulesBrain._cancel,
}


def asked_period(months: Sequence[MonthRef]) -> tuple[MonthRef, ...]:
    """The months one invoice lookup covers: the first month named and those straight after
    it (all of a quarter or a year; only March of "March and May")."""
    period = list(months[:1])
    for month in months[1:]:
        last = period[-1]
        if last.year is None or month != _month_after(last.year, last.month):
            break
        period.append(month)
    return tuple(period)


def _month_after(year: int, month: int) -> MonthRef:
    return MonthRef(year + month // 12, month % 12 + 1)


def _needs_verification(content: Any) -> bool:
    refusal = (
        content.get("refusal") if isinstance(content, dict) else getattr(content, "refusal", None)
    )
    if isinstance(refusal, dict):
        return refusal.get("reason") == r.RefusalReason.VERIFICATION_REQUIRED
    return isinstance(refusal, r.Refusal) and (
        refusal.reason == r.RefusalReason.VERIFICATION_REQUIRED
    )


def _escalate(reason: str) -> ToolCallPart:
    return ToolCallPart(ESCALATE, {"reason": reason})


def _returns_of(messages: Sequence[ModelMessage], tool: str) -> list[Any]:
    """Every return of one tool in the conversation so far, oldest first."""
    return [
        part.content
        for message in messages
        if isinstance(message, ModelRequest)
        for part in message.parts
        if isinstance(part, ToolReturnPart) and part.tool_name == tool
    ]


def _tool_returns(messages: Sequence[ModelMessage]) -> dict[str, Any]:
    """The latest return of each tool in the conversation so far."""
    found: dict[str, Any] = {}
    for message in messages:
        if isinstance(message, ModelRequest):
            for part in message.parts:
                if isinstance(part, ToolReturnPart):
                    found[part.tool_name] = part.content
    return found
