"""A refund of a part the customer counted ("the 3 days of downtime", "2席分", "les 2
licences en trop"): read in five languages, sized by code from the current period's invoice
(never by a model), always waiting for a member with its basis; anything it cannot size
exactly goes to a person. Against the fake Stripe over HTTP: Carol's $29.00 monthly Pro
period of 30 days started about 5 days ago (one seat: the fake bills quantity 1 only)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowreply.agent.intake import read_requests
from knowreply.agent.intake.counted_part import CountedPart
from knowreply.agent.plans import RefundPlan
from knowreply.agent.policy import asked_amount
from knowreply.integrations.stripe.models import CountedShare
from knowreply.integrations.stripe.operations.proration import whole_months
from knowreply.money import Money
from knowreply.web import repository
from tests.agent.conftest import Shop
from tests.agent.test_agent_write_pipeline import approve, refunded_charges
from tests.agent.test_prorated_refunds import CAROL, pending_action_id


@pytest.mark.parametrize(
    ("text", "count", "unit"),
    [
        ("Refund me the 3 days of downtime, please.", 3, "day"),
        ("Could you refund the two weeks the service was down?", 2, "week"),
        ("Could you refund the unused 3 months of my annual plan?", 3, "month"),
        ("Please refund 2 of the 10 seats we were billed for.", 2, "seat"),
        ("Billed for 10 seats, we have 7. Please refund the 3 extra seats.", 3, "seat"),
        ("年額プランの残り5か月分を返金してほしいです。", 5, "month"),
        ("10名分で契約しましたが、実際は7名です。3名分の料金を返金してください。", 3, "seat"),
        ("障害で使えなかった２１日分を返金してください。", 21, "day"),
        ("Quedaos con el primer mes y devolvedme los otros dos meses.", 2, "month"),
        ("Quiero que me reembolsen 2 de los 5 asientos.", 2, "seat"),
        ("Vous pouvez me rembourser ces 20 jours-là ?", 20, "day"),
        ("Merci de rembourser les 2 licences en trop.", 2, "seat"),
        ("Bitte erstatten Sie mir die Kosten für die 2 zusätzlichen Plätze.", 2, "seat"),
        ("Bitte die restlichen vier Monate vom Jahresabo erstatten.", 4, "month"),
        ("Bitte erstatten Sie uns den einen Tag Ausfall.", 1, "day"),
    ],
)
def test_a_counted_part_is_read_in_five_languages(text: str, count: int, unit: str) -> None:
    asked = read_requests(text)
    assert asked.counted == CountedPart(count, unit)  # type: ignore[arg-type]
    assert asked.partial and not asked.whole and not asked.prorated


@pytest.mark.parametrize(
    "text",
    [
        "We have 3 seats and love the product.",  # no refund asked
        "Please refund my last payment, I signed up 2 days ago.",
        "Please refund me, I have been a customer for 3 months now.",
        "Please refund the charge in 5 days if it is not fixed.",
        "Please refund the 3 days and the 2 seats.",  # two counts
        "Please refund all 3 seats.",  # a whole, not a part
        "I downgraded; refund the difference for the 20 days.",  # a difference between plans
        "Please refund $20 for the 2 extra seats.",  # an amount the customer wrote
        "Please refund half of the 3 months.",  # a fraction
        "Cancelled within the 14 day window, so I'd like my full payment back please.",
        "Pido que me devuelvan el importe, estoy dentro de los 14 días.",
        "Remboursez-moi, je suis dans les 14 jours.",
        "Bitte erstatten Sie mir alles, ich bin innerhalb der 14 Tage.",
        "Reimburse me for the 2 months you charged after I cancelled, 178 in total.",
        "2日前に返金を依頼しました。",
        "Hace 2 días pedí un reembolso, devuélvanme el dinero.",
        "Remboursez-moi dans 5 jours.",
        "Bitte erstatten Sie mir die Zahlung, ich bin seit 3 Monaten Kunde.",
    ],
)
def test_a_count_that_is_not_one_part_asked_back_is_not_read(text: str) -> None:
    assert read_requests(text).counted is None


def test_a_period_is_whole_months_only_by_its_dates() -> None:
    def at(month: int, day: int, year: int = 2026) -> datetime:
        return datetime(year, month, day, 9, tzinfo=UTC)

    assert whole_months(at(1, 15), at(1, 15, 2027)) == 12
    assert whole_months(at(1, 31), at(2, 28)) == 1  # the month's last day
    assert whole_months(at(1, 15), at(4, 15)) == 3
    assert whole_months(at(1, 15), at(2, 14)) is None
    assert whole_months(at(1, 15), at(1, 15)) is None


def test_counted_days_are_sized_from_the_period_and_wait_for_a_member(shop: Shop) -> None:
    trace = shop.ask(CAROL, "Please refund me for the 3 days the service was down.")
    # even in the shop's automatic approval mode: a member decides
    assert trace.outcome == "awaiting_approval", trace.reason
    assert shop.refunds() == []
    refund_call = next(c for c in trace.tool_calls if c.name == "refund")
    assert not refund_call.args.get("amount")  # the brain passes none: the tool sizes it
    with shop.runtime.sessions() as session:
        [waiting] = repository.actions(session, shop.workspace_id, [repository.PENDING])
    assert waiting.basis is not None
    assert waiting.basis.startswith("$2.90 of $29.00 for 3 days of 30 (invoice in_")
    done = approve(shop, waiting.id)
    assert [amount for _, amount in refunded_charges(shop)] == [2900 * 3 // 30]
    assert done.reply is not None
    # the customer is told how the part was counted, not only the amount
    assert (
        "That is $2.90 of the $29.00 paid for your current period: 3 days of its 30 days."
        in done.reply.text
    )


def test_counted_weeks_are_days_of_the_period(shop: Shop) -> None:
    trace = shop.ask(CAROL, "Could you refund the two weeks the service was down?")
    assert trace.outcome == "awaiting_approval", trace.reason
    done = approve(shop, pending_action_id(shop))
    assert [amount for _, amount in refunded_charges(shop)] == [2900 * 14 // 30]
    assert done.reply is not None
    assert "14 days of its 30 days." in done.reply.text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Bitte erstatten Sie die 3 Tage, an denen der Dienst ausgefallen war.",
            "3 Tage der 30 Tage",
        ),
        ("Remboursez-moi les 2 jours où le service était en panne, svp.", "2 jours sur 30 jours"),
        ("Please refund the 1 day the service was down.", "1 day of its 30 days."),
        ("サービスが止まっていた2日分を返金してください。", "2日分（全30日）"),
        ("Reembólsenme los 4 días que el servicio estuvo caído.", "4 días de 30 días"),
    ],
)
def test_the_reply_says_how_the_part_was_counted_in_the_customers_language(
    shop: Shop, text: str, said: str
) -> None:
    trace = shop.ask(CAROL, text)
    assert trace.outcome == "awaiting_approval", trace.reason
    done = approve(shop, pending_action_id(shop))
    assert done.reply is not None
    assert said in done.reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Please refund 2 months of my plan.",  # a monthly period has no 2 months to give back
        "Please refund the 2 extra seats.",  # Carol's invoice bills one seat
        "Please refund the 30 days of downtime.",  # the whole period is not a part of it
    ],
)
def test_a_count_the_period_cannot_size_goes_to_a_person(shop: Shop, text: str) -> None:
    trace = shop.ask(CAROL, text)
    assert trace.outcome in ("escalated", "replied"), trace.reason
    assert shop.refunds() == []
    with shop.runtime.sessions() as session:
        assert repository.actions(session, shop.workspace_id, [repository.PENDING]) == []


def _plan(counted: CountedShare, amount: int) -> RefundPlan:
    return RefundPlan(
        customer_id="cus_1",
        charge_id="ch_1",
        amount=Money(amount_minor=amount, currency="usd"),
        payment_amount=Money(amount_minor=36000, currency="usd"),
        whole=False,
        counted=counted,
    )


def test_a_stored_counted_plan_is_sized_again_and_a_tampered_one_refused() -> None:
    asked = read_requests("Could you refund the unused 3 months of my annual plan?")
    share = CountedShare(
        subscription_id="sub_1",
        invoice_id="in_1",
        charge_id="ch_1",
        paid=Money(amount_minor=36000, currency="usd"),
        count=3,
        unit="month",
        share=3,
        of=12,
        amount=Money(amount_minor=9000, currency="usd"),
    )
    assert asked_amount(_plan(share, 9000), asked)
    assert not asked_amount(_plan(share, 9001), asked)  # the amount changed
    wider = share.model_copy(update={"count": 11, "share": 11})
    assert not asked_amount(_plan(wider, 33000), asked)  # not the count the customer asked
    whole = share.model_copy(update={"share": 12, "of": 12, "count": 12})
    assert not asked_amount(_plan(whole, 36000), read_requests("Refund the 12 months."))
    assert not asked_amount(_plan(share, 9000), read_requests("Please refund the 2 seats."))
