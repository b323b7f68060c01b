"""The `demo` seed: a small, realistic test-mode account to try knowreply against.

Customers (all test mode):

- alice@example.com: two paid invoices, the latest charge ($49.00) is refundable.
- bob@example.com: a payment declined for insufficient funds and an open invoice.
- carol@example.com: an active "Pro" subscription ($29.00 a month).
- dave@example.com: a "Pro" subscription in its free trial.
- erin@example.com: a past-due "Team" subscription whose last payment failed.
- shared@example.com: two customers (a personal and a company account) with one address.
- Grace.Hopper@Example.com: an address with capitals; a charge of €120.00.

Carol's and Erin's next renewal invoices are drafts (Stripe makes them about an hour before it
finalizes them). The Customer portal is configured in test mode (a fresh account has it in
neither mode). The restricted key `DEMO_RESTRICTED_KEY` holds every permission knowreply's
capabilities use, and nothing more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import objects
from .objects import DECLINES
from .store import Ledger, StripeObject

if TYPE_CHECKING:
    from .state import FakeState

DEMO_RESTRICTED_KEY = "rk_test_knowreplydemo0000000000000000000000000000demo"
DEMO_PERMISSIONS = frozenset(
    {
        "rak_customer_read",
        "rak_charge_read",
        "rak_invoice_read",
        "rak_subscription_write",
        "rak_payment_intent_read",
        "rak_refund_write",
        "rak_plan_write",
        "rak_product_write",
        "rak_payment_link_write",
        "rak_customer_portal_write",
    }
)
DAY = 86400

_DEMO_CUSTOMERS = (
    ("alice@example.com", "Paid invoices; the latest $49.00 charge can be refunded"),
    ("bob@example.com", "A payment declined for insufficient funds and an open invoice"),
    ("carol@example.com", "An active Pro subscription ($29.00 a month)"),
    ("dave@example.com", "A Pro subscription in its free trial"),
    ("erin@example.com", "A past-due Team subscription whose last payment failed"),
    ("shared@example.com", "Two Stripe customers share this address"),
    ("Grace.Hopper@Example.com", "An address with capital letters; a €120.00 charge"),
    (
        "hana@example.com",
        "A partly refunded payment, an invoice paid from account credit, one paid by bank transfer",
    ),
)


def demo_customers() -> list[tuple[str, str]]:
    """(email, what the demo customer has) pairs, for the dashboard's demo page."""
    return list(_DEMO_CUSTOMERS)


def _paid_invoice(
    ledger: Ledger,
    customer: StripeObject,
    amount: int,
    description: str,
    days_ago: int,
    *,
    currency: str = "usd",
    subscription_id: str | None = None,
) -> StripeObject:
    when = ledger.now() - days_ago * DAY
    _, charge = objects.payment(
        ledger,
        customer_id=customer["id"],
        amount=amount,
        currency=currency,
        description=description,
        created=when,
    )
    return objects.invoice(
        ledger,
        customer=customer,
        amount=amount,
        currency=currency,
        status="paid",
        description=description,
        created=when,
        subscription_id=subscription_id,
        charge=charge,
    )


def _renewal_draft(
    ledger: Ledger, customer: StripeObject, amount: int, description: str, subscription_id: str
) -> StripeObject:
    """The next renewal invoice, still a draft: never sent to the customer, may change."""
    return objects.invoice(
        ledger,
        customer=customer,
        amount=amount,
        currency="usd",
        status="draft",
        description=description,
        created=ledger.now() - 600,
        subscription_id=subscription_id,
    )


def _subscribe(
    ledger: Ledger,
    customer: StripeObject,
    price: StripeObject,
    status: str,
    started_days_ago: int,
    *,
    trial_days: int | None = None,
) -> StripeObject:
    now = ledger.now()
    start = now - started_days_ago * DAY
    period_start = now - (started_days_ago % 30) * DAY
    return objects.subscription(
        ledger,
        customer_id=customer["id"],
        price=price,
        status=status,
        period_start=period_start,
        period_end=period_start + 30 * DAY,
        trial_end=now + trial_days * DAY if trial_days else None,
        created=start,
    )


def plant_demo(ledger: Ledger) -> None:
    now = ledger.now()
    pro = objects.product(ledger, name="Pro", created=now - 400 * DAY)
    team = objects.product(ledger, name="Team", created=now - 400 * DAY)
    pro_monthly = objects.price(
        ledger,
        product_id=pro["id"],
        unit_amount=2900,
        currency="usd",
        interval="month",
        created=now - 400 * DAY,
    )
    team_monthly = objects.price(
        ledger,
        product_id=team["id"],
        unit_amount=9900,
        currency="usd",
        interval="month",
        created=now - 400 * DAY,
    )

    alice = objects.customer(
        ledger, email="alice@example.com", name="Alice Martin", created=now - 120 * DAY
    )
    objects.payment_method(ledger, customer_id=alice["id"], brand="visa", last4="4242")
    _paid_invoice(ledger, alice, 4900, "Annual support add-on", 75)
    _paid_invoice(ledger, alice, 4900, "Annual support add-on (renewal)", 12)

    bob = objects.customer(ledger, email="bob@example.com", name="Bob Chen", created=now - 90 * DAY)
    objects.payment_method(ledger, customer_id=bob["id"], brand="mastercard", last4="9995")
    _paid_invoice(ledger, bob, 1500, "Starter plan", 40)
    _, declined = objects.payment(
        ledger,
        customer_id=bob["id"],
        amount=1500,
        currency="usd",
        status="failed",
        decline=DECLINES["insufficient_funds"],
        description="Starter plan",
        created=now - 3 * DAY,
    )
    objects.invoice(
        ledger,
        customer=bob,
        amount=1500,
        currency="usd",
        status="open",
        description="Starter plan",
        created=now - 3 * DAY,
        charge=declined,
    )

    carol = objects.customer(
        ledger, email="carol@example.com", name="Carol Diaz", created=now - 200 * DAY
    )
    active = _subscribe(ledger, carol, pro_monthly, "active", 95)
    for days_ago in (95, 65, 35, 5):
        _paid_invoice(ledger, carol, 2900, "Pro (monthly)", days_ago, subscription_id=active["id"])
    _renewal_draft(ledger, carol, 2900, "Pro (monthly)", active["id"])

    dave = objects.customer(
        ledger, email="dave@example.com", name="Dave Okafor", created=now - 4 * DAY
    )
    _subscribe(ledger, dave, pro_monthly, "trialing", 4, trial_days=10)

    erin = objects.customer(
        ledger, email="erin@example.com", name="Erin Novak", created=now - 150 * DAY
    )
    past_due = _subscribe(ledger, erin, team_monthly, "past_due", 62)
    _paid_invoice(ledger, erin, 9900, "Team (monthly)", 62, subscription_id=past_due["id"])
    _, failed = objects.payment(
        ledger,
        customer_id=erin["id"],
        amount=9900,
        currency="usd",
        status="failed",
        decline=DECLINES["generic_decline"],
        description="Team (monthly)",
        created=now - 2 * DAY,
    )
    objects.invoice(
        ledger,
        customer=erin,
        amount=9900,
        currency="usd",
        status="open",
        description="Team (monthly)",
        created=now - 2 * DAY,
        subscription_id=past_due["id"],
        charge=failed,
    )
    _renewal_draft(ledger, erin, 9900, "Team (monthly)", past_due["id"])

    for name, days_ago in (("Frank Ito (personal)", 300), ("Frank Ito (Ito Design)", 30)):
        shared = objects.customer(
            ledger, email="shared@example.com", name=name, created=now - days_ago * DAY
        )
        _paid_invoice(ledger, shared, 2000, "Consulting hour", days_ago - 1)

    grace = objects.customer(
        ledger, email="Grace.Hopper@Example.com", name="Grace Hopper", created=now - 60 * DAY
    )
    _paid_invoice(ledger, grace, 12000, "Workshop seat", 20, currency="eur")
    _plant_money_without_charges(ledger)


def _plant_money_without_charges(ledger: Ledger) -> None:
    """What a real account's history holds besides charges: money back, and invoices paid
    from the customer's credit balance or outside Stripe."""
    now = ledger.now()
    hana = objects.customer(
        ledger, email="hana@example.com", name="Hana Sato", created=now - 80 * DAY
    )
    objects.payment_method(ledger, customer_id=hana["id"], brand="visa", last4="1881")
    _paid_invoice(ledger, hana, 6000, "Onboarding session", 30)
    charge = next(c for c in ledger.all("charge") if c["customer"] == hana["id"])
    objects.refund(
        ledger,
        charge=charge,
        amount=2000,
        reason="requested_by_customer",
        metadata=None,
        created=now - 25 * DAY,
    )
    for description, days_ago, credit in (
        ("Monthly retainer (paid from credit)", 20, 2500),
        ("Monthly retainer (bank transfer)", 10, 0),
    ):
        objects.invoice(
            ledger,
            customer=hana,
            amount=2500 if credit else 8000,
            currency="usd",
            status="paid",
            description=description,
            created=now - days_ago * DAY,
            credit_applied=credit,
        )


def plant(state: FakeState, seed: str) -> None:
    """Plant a named seed: `none` (an empty account) or `demo`."""
    if seed == "none":
        return
    if seed != "demo":
        raise ValueError(f"unknown seed {seed!r}: use 'demo' or 'none'")
    plant_demo(state.store.test)
    state.store.test.portal_configured = True
    state.keys.register(DEMO_RESTRICTED_KEY, DEMO_PERMISSIONS)
