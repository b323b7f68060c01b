"""The reply catalog: one typed function per reply kind, rendered from templates in EN, JA, ES,
FR and DE.

Each function returns the body paragraph(s) for one outcome; `compose` wraps them with the
greeting and sign-off. Templates live in `templates/<language>/<kind>.txt` and see only what
is passed in, plus `f` (a `Formatter`) for money, dates and labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal

from jinja2 import Environment, PackageLoader, StrictUndefined

from knowreply.agent.brains.rules._format import Formatter
from knowreply.agent.brains.rules.persona import Audience, Persona
from knowreply.agent.brains.rules.understanding import Intent, MonthRef
from knowreply.integrations.stripe.models import (
    CancellationResult,
    CountedShare,
    InvoiceSummary,
    PaymentLinkResult,
    PaymentSummary,
    PortalLinkResult,
    RefundResult,
    SubscriptionSummary,
    UnusedPart,
)
from knowreply.money import Money

_ENVIRONMENT = Environment(
    loader=PackageLoader("knowreply.agent.brains.rules", "templates"),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    autoescape=False,  # noqa: S701
    extensions=["jinja2.ext.do"],
)
_BLANK_LINES = re.compile(r"\n{3,}")


class RefundRefusal(StrEnum):
    """The refusals the rules brain words itself: a subset of `knowreply.refusals`, same
    values (the others hand the email to a person)."""

    ALREADY_REFUNDED = "already_refunded"
    OVER_REFUNDABLE = "over_refundable"
    OUTSIDE_WINDOW = "outside_window"
    OVER_AUTOMATIC_LIMIT = "over_automatic_limit"
    """Above what may be refunded without a person: sent to the team."""


def _render(kind: str, audience: Audience, **context: object) -> str:
    template = _ENVIRONMENT.get_template(f"{audience.language}/{kind}.txt")
    text = template.render(f=Formatter(audience), **context)
    return _BLANK_LINES.sub("\n\n", text).strip()


def latest_invoice(invoices: Sequence[InvoiceSummary], audience: Audience) -> str:
    """The most recent invoice of each of the sender's customers."""
    return _render("latest_invoice", audience, invoices=invoices)


def invoices_found(invoices: Sequence[InvoiceSummary], audience: Audience) -> str:
    """Invoices found for the number or month the customer asked about."""
    return _render("invoices_found", audience, invoices=invoices)


def latest_instead_of_month(
    invoices: Sequence[InvoiceSummary], period: Sequence[MonthRef], audience: Audience
) -> str:
    """The month (or run of months: a quarter, a year) asked for has no invoice (yet): says so,
    then gives the latest one."""
    return _render("latest_instead_of_month", audience, invoices=invoices, period=period)


def invoice_not_found(
    audience: Audience,
    *,
    numbers: Sequence[str] = (),
    period: Sequence[MonthRef] = (),
) -> str:
    """Nothing matched; says what we looked for (the numbers, the month or run of months)."""
    return _render("invoice_not_found", audience, numbers=numbers, period=period)


def payment_history(
    payments: Sequence[PaymentSummary], audience: Audience, *, limit: int = 5
) -> str:
    """The last `limit` payments, newest first."""
    newest = sorted(payments, key=lambda p: p.created, reverse=True)[:limit]
    return _render("payment_history", audience, payments=newest)


def payment_status(
    payments: Sequence[PaymentSummary],
    audience: Audience,
    *,
    portal: PortalLinkResult | None = None,
) -> str:
    """Where the payments the customer asked about stand; a failed one points to the portal."""
    return _render("payment_status", audience, payments=payments, portal=portal)


def charges_found(payments: Sequence[PaymentSummary], amount: Money, audience: Audience) -> str:
    """The charges of the amount the customer asked about."""
    return _render("charges_found", audience, payments=payments, amount=amount)


def no_charge_found(amount: Money, audience: Audience) -> str:
    return _render("no_charge_found", audience, amount=amount)


def subscription_status(subscriptions: Sequence[SubscriptionSummary], audience: Audience) -> str:
    return _render("subscription_status", audience, subscriptions=subscriptions)


def no_subscription(audience: Audience) -> str:
    return _render("no_subscription", audience)


def refund_done(
    refund: RefundResult,
    audience: Audience,
    *,
    payment: PaymentSummary | None = None,
    unused: UnusedPart | None = None,
    counted: CountedShare | None = None,
) -> str:
    """A refund was made; `payment` (the refunded charge) names the card it goes back to,
    `unused` or `counted` how the part of the period was sized."""
    return _render(
        "refund_done", audience, refund=refund, payment=payment, unused=unused, counted=counted
    )


@dataclass(frozen=True)
class Waiting:
    """A write waiting for a member, as the customer's acknowledgement names it."""

    kind: Literal["refund", "cancellation"]
    amount: Money | None = None
    paid_at: datetime | None = None
    """The refunded payment's date, when known."""


def acknowledgement(waiting: Sequence[Waiting], audience: Audience) -> str:
    """What will be checked and that a person confirms it first: nothing is promised."""
    return _render("acknowledgement", audience, waiting=waiting)


def refund_refused(
    reason: RefundRefusal,
    audience: Audience,
    *,
    refundable: Money | None = None,
    window_days: int | None = None,
) -> str:
    """Why no refund was made; over the automatic limit it went to the team instead."""
    return _render(
        "refund_refused",
        audience,
        reason=reason.value,
        refundable=refundable,
        window_days=window_days,
    )


def payment_link(link: PaymentLinkResult, audience: Audience) -> str:
    return _render("payment_link", audience, link=link)


def portal_link(link: PortalLinkResult, audience: Audience) -> str:
    return _render("portal_link", audience, link=link)


def cancellation(results: Sequence[CancellationResult], audience: Audience) -> str:
    """Each subscription set to end at its period's end (or already set: a no-op)."""
    return _render("cancellation", audience, results=results)


def verification_needed(audience: Audience, *, code: str, minutes: int) -> str:
    """The one-time code, sent only to the address on file; the customer replies with it."""
    return _render("verification_needed", audience, code=code, minutes=minutes)


def no_customer(audience: Audience) -> str:
    """No customer has the sender's address. Never says whether another address exists."""
    return _render("no_customer", audience)


def capability_disabled(audience: Audience, *, action: Intent | None = None) -> str:
    """The business did not enable this by email; the team will follow up."""
    key = action.value if action in _ACTIONS else "other"
    return _render("capability_disabled", audience, action=f"action.{key}")


_ACTIONS = frozenset(
    {Intent.REFUND, Intent.PARTIAL_REFUND, Intent.PAYMENT_LINK, Intent.PORTAL_LINK, Intent.CANCEL}
)


def handoff(audience: Audience) -> str:
    """Not a billing question: a person will answer."""
    return _render("handoff", audience)


def clarify(audience: Audience) -> str:
    """A billing question we could not pin down: ask what they need."""
    return _render("clarify", audience)


def compose(
    parts: Sequence[str],
    *,
    persona: Persona,
    audience: Audience,
    customer_name: str | None = None,
) -> str:
    """The whole reply: greeting, the parts in order, sign-off and signature.

    A friendly reply greets the customer by first name, a formal one by full name
    (Japanese always by full name with 様).
    """
    name = " ".join((customer_name or "").split()) or None
    return (
        _render(
            "message",
            audience,
            parts=[part for part in parts if part.strip()],
            persona=persona,
            customer_name=name,
            first_name=first_name(name),
        )
        + "\n"
    )


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sr", "sra", "m", "mme", "herr", "frau", "prof"})


def first_name(name: str | None) -> str | None:
    """`Alice` from `Alice Smith` or `Dr. Alice Smith`; None when the name is only a title."""
    words = (name or "").split()
    while words and words[0].rstrip(".").lower() in _TITLES:
        words = words[1:]
    return words[0] if words else None
