"""Money as integer minor units plus a currency; formatted for people only at the edge."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency
from pydantic import BaseModel, ConfigDict, computed_field, field_validator

# Stripe's own lists (https://docs.stripe.com/currencies): the exponent of an amount's minor
# unit differs from ISO 4217 for a few currencies, and Stripe's is the one its amounts use.
# fmt: off
ZERO_DECIMAL = frozenset({
    "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
    "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
})
# fmt: on
THREE_DECIMAL = frozenset(["bhd", "jod", "kwd", "omr", "tnd"])


def minor_unit_exponent(currency: str) -> int:
    """How many decimal places Stripe's integer amounts have in this currency."""
    code = currency.lower()
    if code in ZERO_DECIMAL:
        return 0
    if code in THREE_DECIMAL:
        return 3
    return 2


class Money(BaseModel):
    """An amount in the currency's smallest unit (cents, yen), as Stripe counts it."""

    model_config = ConfigDict(frozen=True)

    amount_minor: int
    currency: str
    """Lower-case ISO 4217 code, as Stripe writes it (`usd`, `eur`, `jpy`)."""

    @field_validator("currency")
    @classmethod
    def _lower(cls, value: str) -> str:
        code = value.strip().lower()
        if len(code) != 3 or not code.isalpha():
            raise ValueError(f"not an ISO 4217 currency code: {value!r}")
        return code

    @property
    def major(self) -> Decimal:
        """The amount in major units (dollars, yen), exact."""
        return Decimal(self.amount_minor).scaleb(-minor_unit_exponent(self.currency))

    @classmethod
    def from_major(cls, amount: Decimal | int | str, currency: str) -> Money:
        """Build from a major-unit amount such as Decimal("12.50"); refuses sub-minor precision."""
        exponent = minor_unit_exponent(currency)
        minor = Decimal(amount).scaleb(exponent)
        if minor != minor.to_integral_value():
            raise ValueError(f"{amount} {currency.upper()} has more than {exponent} decimals")
        return cls(amount_minor=int(minor), currency=currency)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def formatted(self) -> str:
        """`$49.00`: beside `amount_minor` in every JSON of it (tool results a model reads), so
        no model has to turn 4900 cents into words itself."""
        return self.format()

    def format(self, locale: str = "en") -> str:
        """For people: `$12.50`, `12,50 €` (de), `¥1,200`."""
        return format_currency(self.major, self.currency.upper(), locale=locale)

    def __str__(self) -> str:
        return self.format()
