"""What the rules brain understood from a customer's email: intent and the things it names."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from knowreply.agent.intake.language import Language as Language
from knowreply.money import Money

RefundTarget = Literal["last", "duplicate", "specific"]


class Intent(StrEnum):
    """What the customer asks for; the values are stable machine names (trace, API, evals)."""

    LATEST_INVOICE = "latest_invoice"
    INVOICE_LOOKUP = "invoice_lookup"
    PAYMENT_HISTORY = "payment_history"
    PAYMENT_STATUS = "payment_status"
    CHARGE_LOOKUP = "charge_lookup"
    SUBSCRIPTION_STATUS = "subscription_status"
    REFUND = "refund"
    PARTIAL_REFUND = "partial_refund"
    PAYMENT_LINK = "payment_link"
    PORTAL_LINK = "portal_link"
    CANCEL = "cancel"
    VERIFICATION_CODE = "verification_code"
    NOT_BILLING = "not_billing"
    UNCLEAR = "unclear"


class MonthRef(NamedTuple):
    """A calendar month the customer named; `year` is None when they did not say it."""

    year: int | None
    month: int


class Understanding(BaseModel):
    """The result of `understand`: one primary intent, any others asked for, and the entities."""

    model_config = ConfigDict(frozen=True)

    language: Language
    intent: Intent
    secondary_intents: tuple[Intent, ...] = ()
    amounts: tuple[Money, ...] = ()
    invoice_numbers: tuple[str, ...] = ()
    """Stripe invoice numbers, upper-cased (`ABCD1234-0001`)."""
    months: tuple[MonthRef, ...] = ()
    dates: tuple[date, ...] = ()
    stripe_ids: tuple[str, ...] = ()
    """Charge, payment intent, invoice or subscription ids (`ch_…`, `pi_…`, `in_…`, `sub_…`)."""
    refund_target: RefundTarget | None = None
    """Which charge a refund is about; only set when a refund is asked for."""
    refund_charged: Money | None = None
    """The payment a whole refund is of, named by its amount in the sentences that ask for it
    ("Please refund the £24 charge for the old plan"): the customer's newest payment of that
    amount is refunded in full, never that amount out of another payment."""
    refund_part_unsized: bool = False
    """A part of a payment is asked back but nothing says how much: no amount ("refund the
    difference"), or several with none tied to the refund ("charged $59 instead of $49"; tied:
    "refund $10"), and no fraction ("half"). The refund is planned without an amount, for the
    approving member to set: never a refund of the whole charge or of an amount that is not
    the part."""
    refund_prorated: bool = False
    """The unused part of the current period, or a counted part of it ("the 3 days of
    downtime", "2席分"), is asked back with no amount tied to it ("a prorated refund"): the
    refund tool sizes it from Stripe's facts, so no amount is passed."""
    verification_code: str | None = None
    """A 6-digit one-time code found in the text."""
    injection_suspected: bool = False
    """The text tried to instruct the assistant; those sentences were ignored."""

    @property
    def invoice_references(self) -> tuple[str, ...]:
        """The invoices named: their numbers, then their `in_…` ids."""
        ids = (i for i in self.stripe_ids if i.startswith("in_"))
        return (*self.invoice_numbers, *ids)

    @property
    def invoice_months(self) -> tuple[MonthRef, ...]:
        """The months an invoice lookup covers: those named, else the month of the first date
        named ("the invoice from 15 January" is among January's)."""
        if self.months or not self.dates:
            return self.months
        return (MonthRef(self.dates[0].year, self.dates[0].month),)
