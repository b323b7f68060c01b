"""How the templates write money, dates, cards and statuses for one audience."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, get_month_names

from knowreply.agent.brains.rules._vocabulary import FAILURE_REASONS, VOCABULARY
from knowreply.agent.brains.rules.persona import Audience
from knowreply.agent.brains.rules.understanding import MonthRef
from knowreply.integrations.stripe.models import (
    PaymentSummary,
    PeriodUnit,
    SubscriptionSummary,
)
from knowreply.money import Money


@dataclass(frozen=True)
class Formatter:
    """Passed to every template as `f`."""

    audience: Audience

    def word(self, key: str) -> str:
        words = VOCABULARY[self.audience.language]
        return words.get(key, key.rsplit(".", 1)[-1].replace("_", " "))

    def money(self, amount: Money) -> str:
        return amount.format(self.audience.locale)

    def day(self, moment: datetime) -> str:
        """`March 3, 2026` / `2026年3月3日` / `3 de marzo de 2026`, in the workspace's time zone."""
        local = moment.astimezone(self.audience.timezone).date()
        return format_date(local, format="long", locale=self.audience.locale)

    def month(self, month: MonthRef) -> str:
        """`March 2026` / `2026年3月` / `marzo de 2026` (the year only when the customer gave
        or implied it)."""
        locale = self.audience.locale
        if month.year:
            return str(format_skeleton("yMMMM", date(month.year, month.month, 1), locale=locale))
        return str(get_month_names("wide", "stand-alone", locale=locale)[month.month])

    def period(self, months: Sequence[MonthRef]) -> str:
        """A run of months: one as `month` writes it, a calendar year as `2025` / `2025年`,
        others as `July – September 2026` / `2026年7月～9月` / `julio–septiembre de 2026`."""
        first, last = months[0], months[-1]
        if len(months) == 1 or first.year is None or last.year is None:
            return self.month(first)
        start, end = date(first.year, first.month, 1), date(last.year, last.month, 1)
        locale = self.audience.locale
        if len(months) == 12 and first.month == 1:
            return str(format_skeleton("y", start, locale=locale))
        return str(format_interval(start, end, skeleton="yMMMM", locale=locale))

    def count(self, number: int, unit: PeriodUnit | Literal["unused_day"]) -> str:
        """`3 days` / `1 Lizenz` / `1 unused day` / `3日`: a count in the language's plural
        form."""
        form = "one" if Locale.parse(self.audience.locale).plural_form(number) == "one" else "other"
        return self.word(f"count.{unit}.{form}").format(n=number)

    def card(self, payment: PaymentSummary) -> str | None:
        if not payment.card_last4:
            return None
        key = "card" if payment.card_brand else "card.no_brand"
        brand = (payment.card_brand or "").replace("_", " ").title()
        if brand.lower() in ("amex", "american express"):
            brand = "American Express"
        return self.word(key).format(brand=brand, last4=payment.card_last4)

    def price(self, subscription: SubscriptionSummary) -> str | None:
        """`$29.00 per month` / `月額 $29.00`."""
        if subscription.price is None:
            return None
        amount = self.money(subscription.price)
        if not subscription.interval:
            return amount
        interval = self.word(f"interval.{subscription.interval}")
        return self.word("price").format(amount=amount, interval=interval)

    def failure(self, payment: PaymentSummary) -> str | None:
        """Why a payment failed, in the customer's language when we know the phrase."""
        reason = payment.failure_reason
        if not reason or self.audience.language == "en":
            return reason
        lowered = reason.lower()
        for phrase, translated in FAILURE_REASONS[self.audience.language]:
            if phrase in lowered:
                return translated
        return self.word("failure.other").format(reason=reason)
