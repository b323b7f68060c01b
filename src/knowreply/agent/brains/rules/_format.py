"""How the templates write money, dates, cards and statuses for one audience."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from babel.dates import format_date, get_month_names

from knowreply.agent.brains.rules._vocabulary import FAILURE_REASONS_JA, VOCABULARY
from knowreply.agent.brains.rules.persona import Audience
from knowreply.agent.brains.rules.understanding import MonthRef
from knowreply.integrations.stripe.models import PaymentSummary, SubscriptionSummary
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
        """`March 3, 2026` / `2026年3月3日`, in the workspace's time zone."""
        local = moment.astimezone(self.audience.timezone).date()
        return format_date(local, format="long", locale=self.audience.locale)

    def month(self, month: MonthRef) -> str:
        """`March 2026` / `2026年3月` (the year only when the customer gave or implied it)."""
        if self.audience.language == "ja":
            return f"{month.year}年{month.month}月" if month.year else f"{month.month}月"
        name = get_month_names("wide", locale="en")[month.month]
        return f"{name} {month.year}" if month.year else name

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
        for phrase, japanese in FAILURE_REASONS_JA:
            if phrase in lowered:
                return japanese
        return f"カード会社からの理由：{reason}"
