"""Who may do what, decided in code (never in the prompt): verification, approval mode,
explicit requests, instructions aimed at the assistant, amounts and the refund totals over an
email, a customer and a day."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

from knowreply.agent.intake import Requests, WriteKind
from knowreply.agent.plans import (
    CAPABILITY_OF_KIND,
    CancellationPlan,
    PaymentLinkPlan,
    PortalLinkPlan,
    RefundPlan,
    amount_of,
)
from knowreply.integrations.stripe.capabilities import CAPABILITIES, CapabilityName
from knowreply.integrations.stripe.models import CountedShare, UnusedPart
from knowreply.money import Money
from knowreply.workspaces import WorkspaceSettings

NEEDS_APPROVAL_KINDS = frozenset({CapabilityName.REFUNDS, CapabilityName.CANCELLATIONS})
"""What the approval mode applies to: actions that give money back or end a service."""
CUSTOMER_WINDOW = timedelta(days=30)
WORKSPACE_DAY_FACTOR = 10
"""Without a setting, a workspace's daily refund total is ten times the per-refund limit."""

INSTRUCTED = "the email tries to instruct the assistant: a member decides"

AnyPlan = RefundPlan | CancellationPlan | PaymentLinkPlan | PortalLinkPlan


def needs_verified_sender(capability: CapabilityName) -> bool:
    """Reads need the address to match a customer; anything that writes needs a verified
    sender (portal links too: whoever holds one manages the billing)."""
    return CAPABILITIES[capability].access == "write"


def needs_approval(
    settings: WorkspaceSettings, capability: CapabilityName, amount: Money | None
) -> bool:
    """The workspace's approval mode: run automatically, always wait, or wait above an
    amount (a cancellation has no amount and runs automatically in that mode; an amount in
    another currency than the threshold's always waits)."""
    if capability not in NEEDS_APPROVAL_KINDS or settings.approval_mode == "auto":
        return False
    if settings.approval_mode == "always":
        return True
    if amount is None:
        return False
    threshold = settings.money(settings.approval_threshold_minor)
    return amount.currency != threshold.currency or amount.amount_minor > threshold.amount_minor


def asked_amount(plan: RefundPlan, requests: Requests) -> bool:
    """The refund's amount is one the customer asked for: everything (when they asked for
    no part and wrote at most one amount, that payment's), an amount they wrote, the exact
    fraction of the payment they named, or the unused part of the period or the counted part
    they asked back (sized from Stripe's facts). A plan without an amount never is."""
    amount = plan.amount
    if amount is None:
        return False
    if plan.counted is not None:
        return _counted_as_asked(plan.counted, amount, requests)
    if plan.unused is not None:
        u = plan.unused  # sized again from its basis: a stored plan is never trusted as is
        return requests.prorated and amount == UnusedPart.size(u.paid, u.unused_days, u.period_days)
    if plan.whole and not requests.partial:
        stated = set(requests.amounts)
        if len(stated) > 1:  # "20 of the 60 EUR", "$59 instead of $49": one is a part of another
            return _only_amount_where_asked(plan.payment_amount, requests)
        return not stated or amount in stated or plan.payment_amount in stated
    if plan.whole and amount == plan.payment_amount:
        return False  # a part was asked for: never all of the payment
    if amount in requests.amounts or requests.computed_basis(amount) is not None:
        return True
    if requests.fraction is None:
        return False
    part = plan.payment_amount.amount_minor * requests.fraction
    return part == Fraction(amount.amount_minor)


def _only_amount_where_asked(payment: Money, requests: Requests) -> bool:
    """The payment's amount is the one amount the sentences asking for the refund name ("…$24
    for the old plan and $99 for the new one. Please refund that $24 charge."): the customer
    asked for that payment back, whole, whatever else the email names."""
    named = requests.amounts_asked_in("refund", default_currency=payment.currency)
    return named & set(requests.amounts) == {payment}


def _counted_as_asked(counted: CountedShare, amount: Money, requests: Requests) -> bool:
    """The stored counted part is the count the customer asked back, and its amount is sized
    again from its basis: a stored plan is never trusted as is."""
    asked = requests.counted
    return (
        asked is not None
        and (asked.count, asked.unit) == (counted.count, counted.unit)
        and counted.share == CountedShare.share_of(counted.count, counted.unit)
        and 0 < counted.share < counted.of
        and counted.paid.currency == amount.currency
        and amount == UnusedPart.size(counted.paid, counted.share, counted.of)
    )


class RefundTotals:
    """What was already refunded (or is being refunded), in the plan's currency."""

    def __init__(self, email: int, customer_30d: int, workspace_day: int) -> None:
        self.email = email
        self.customer_30d = customer_30d
        self.workspace_day = workspace_day


def _over_totals(amount: Money, settings: WorkspaceSettings, totals: RefundTotals) -> list[str]:
    per_refund = settings.automatic_refund_limit.amount_minor
    limits = (
        ("this email", totals.email, settings.refund_total_per_email_minor or per_refund),
        (
            "this customer in 30 days",
            totals.customer_30d,
            settings.refund_total_per_customer_30d_minor or per_refund,
        ),
        (
            "the workspace today",
            totals.workspace_day,
            settings.refund_total_per_workspace_day_minor or per_refund * WORKSPACE_DAY_FACTOR,
        ),
    )
    found = []
    for scope, done, limit in limits:
        total = done + amount.amount_minor
        if total > limit:
            found.append(
                f"refunds of {scope} would total {settings.money(total)}, above the automatic "
                f"limit of {settings.money(limit)}"
            )
    return found


UNUSED_PART_WAITS = (
    "a refund of the unused part of the period is a member's decision: the plan runs until its "
    "period ends (a cancellation takes effect then), so the customer would keep what is refunded"
)
"""Why an unused-part refund always waits, whatever the approval mode: it is sized from
Stripe's facts, but whether to give back time the customer can still use is the business's
call (an "unrequested" write in the attack suite when it ran on its own)."""


COUNTED_PART_WAITS = (
    "a refund of a part the customer counted is a member's decision: it is sized from the "
    "current period's invoice, and whether those days, months or seats are owed back is the "
    "business's call"
)
"""Why a counted-part refund always waits, whatever the approval mode."""


COMPUTED_PART_WAITS = "the amount was computed, not written by the customer: a member checks it"

MEMBER_SETS_AMOUNT = (
    "the customer asks back a part of this payment without an amount, and nothing in the email "
    "sizes it: a member sets the amount"
)
"""Why a refund planned without an amount always waits: it has nothing to run with."""


DOUBTED = (
    "the sentences that ask for a {kind} do not read as asking for one to the model learnt "
    "from the corpus (a second opinion on the explicit-request check)"
)


def reasons_to_wait(
    plan: AnyPlan,
    settings: WorkspaceSettings,
    requests: Requests,
    totals: RefundTotals | None,
    doubted: frozenset[WriteKind] = frozenset(),
) -> list[str]:
    """Why this plan must wait for a member; empty when it may run now. `doubted` are the
    writes asked in sentences the learnt second opinion does not read as asking."""
    reasons: list[str] = []
    capability = CAPABILITY_OF_KIND[plan.kind]
    if needs_approval(settings, capability, amount_of(plan)):
        reasons.append(f"the approval mode is {settings.approval_mode}")
    if not requests.asks_for(plan.kind):
        reasons.append(f"the customer's own words do not explicitly ask for a {plan.kind}")
    elif plan.kind in doubted:
        reasons.append(DOUBTED.format(kind=plan.kind))
    if requests.instructed:
        reasons.append(INSTRUCTED)
    if isinstance(plan, RefundPlan):
        reasons.extend(_refund_reasons(plan, settings, requests, totals))
    return reasons


def _refund_reasons(
    plan: RefundPlan, settings: WorkspaceSettings, requests: Requests, totals: RefundTotals | None
) -> list[str]:
    amount = plan.amount
    if amount is None:
        return [MEMBER_SETS_AMOUNT]
    reasons: list[str] = []
    if plan.unused is not None:
        reasons.append(UNUSED_PART_WAITS)
    if plan.counted is not None:
        reasons.append(f"{COUNTED_PART_WAITS} ({plan.counted.basis})")
    computed = requests.computed_basis(amount)
    if computed is not None:
        reasons.append(f"{COMPUTED_PART_WAITS} ({computed})")
    if not asked_amount(plan, requests):
        reasons.append(f"{amount} is not an amount the customer asked for")
    if amount.currency != settings.default_currency:
        reasons.append(
            f"the limits are in {settings.default_currency.upper()}; a refund in "
            f"{amount.currency.upper()} is never converted"
        )
    elif totals is not None:
        reasons.extend(_over_totals(amount, settings, totals))
    return reasons


def idempotency_seed(workspace_id: int, message_id: int | None, run_id: int) -> str:
    """What Stripe idempotency keys are derived from: the inbound email, so a retry of the
    same email never acts twice (a Simulator run has no email: its run id)."""
    source = f"msg{message_id}" if message_id is not None else f"run{run_id}"
    return f"kr-ws{workspace_id}-{source}"
