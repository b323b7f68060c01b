"""A part of a payment asked back with nothing to size it from ("refund the difference", "the
extra seat"): the agent plans a refund of the named payment without an amount, which always
waits, and the approving member sets the amount. End to end against the fake Stripe over HTTP
(Alice's last payment is $49.00)."""

from __future__ import annotations

import asyncio
import re

import pytest
from sqlalchemy import select

from knowreply.agent.approvals import AlreadyDecided, AmountRefused, decide
from knowreply.agent.intake import read_requests
from knowreply.agent.plans import RefundPlan
from knowreply.agent.policy import MEMBER_SETS_AMOUNT, reasons_to_wait
from knowreply.agent.trace import Trace
from knowreply.db.models import AuditEvent
from knowreply.money import Money
from knowreply.web import repository
from knowreply.workspaces import WorkspaceSettings
from tests.agent.conftest import Shop
from tests.agent.test_agent_llm_brains import use_openai
from tests.agent.test_agent_write_pipeline import actions, refunded_charges
from tests.fake_llm import call, running_fake_llm, say

ALICE = "alice@example.com"
UNSIZED = "You overcharged me last month. Please refund the difference."


def usd(major: str) -> Money:
    return Money.from_major(major, "usd")


UNSIZED_PLAN = RefundPlan(
    customer_id="cus_1",
    charge_id="ch_1",
    amount=None,
    payment_amount=usd("49"),
    whole=False,
    refundable=usd("40"),  # $9.00 of it was refunded before
)


def test_a_plan_without_an_amount_waits_whatever_the_approval_mode() -> None:
    asked = read_requests("Please refund $49 of my last payment.")  # even "asked", even auto
    reasons = reasons_to_wait(UNSIZED_PLAN, WorkspaceSettings(approval_mode="auto"), asked, None)
    assert reasons == [MEMBER_SETS_AMOUNT]
    assert UNSIZED_PLAN.to_be_sized


def test_a_member_sets_a_part_of_what_is_left_to_refund() -> None:
    sized = UNSIZED_PLAN.sized(usd("12.50"), "owner@example.com")
    assert (sized.amount, sized.whole, sized.set_by) == (usd("12.50"), False, "owner@example.com")
    assert sized.basis is not None and sized.basis.endswith(
        "owner@example.com set the amount on approval"
    )
    assert UNSIZED_PLAN.sized(usd("40"), "m").whole  # everything left, still a part of $49
    for amount, why in [
        (usd("40.01"), "only $40.00 of the payment is left to refund"),
        (usd("0"), "more than zero"),
        (Money.from_major("5", "eur"), "the payment was in USD, not EUR"),
    ]:
        with pytest.raises(ValueError, match=re.escape(why)):
            UNSIZED_PLAN.sized(amount, "m")
    with pytest.raises(ValueError, match="refund limit of"):
        UNSIZED_PLAN.sized(usd("30"), "m", cap=usd("20"))
    with pytest.raises(ValueError, match="fixed at"):
        sized.sized(usd("1"), "m")


def decide_with(shop: Shop, action_id: int, amount: str | None, yes: bool = True) -> Trace:
    return asyncio.run(
        decide(shop.runtime, shop.workspace_id, action_id, yes, "owner@example.com", amount=amount)
    )


def waiting(shop: Shop) -> repository.ActionView:
    with shop.runtime.sessions() as session:
        [action] = repository.actions(session, shop.workspace_id, [repository.PENDING])
    return action


def test_an_unsized_part_waits_without_an_amount_even_in_automatic_mode(shop: Shop) -> None:
    trace = shop.ask(ALICE, UNSIZED)  # the shop's approval mode is automatic
    assert trace.outcome == "awaiting_approval", trace.reason
    [write] = [c.write for c in trace.tool_calls if c.write is not None]
    assert write.kind == "refund" and write.amount is None and write.whole is False
    assert any("a member sets the amount" in why for why in write.waiting_because)
    card = waiting(shop)
    assert card.amount is None and card.at_most == "$49.00" and card.currency == "USD"
    assert refunded_charges(shop) == []
    assert trace.reply is not None
    assert "part of your payment" in trace.reply.text
    assert "amount our team decides" in trace.reply.text


@pytest.mark.parametrize(
    ("amount", "why"),
    [
        (None, "Set the amount first"),
        ("", "Set the amount first"),
        ("49.00", "set less than all of it"),
        ("60", "set less than all of it"),
        ("0", "more than zero"),
        ("ten dollars", "write an amount such as 12.50"),
        ("-5", "not one amount"),
        ("€5", "not in USD"),
        ("5.555", "decimals"),
    ],
)
def test_an_amount_that_is_not_a_part_of_the_payment_is_refused(
    shop: Shop, amount: str | None, why: str
) -> None:
    shop.ask(ALICE, UNSIZED)
    action_id = waiting(shop).id
    with pytest.raises(AmountRefused, match=why):
        decide_with(shop, action_id, amount)
    assert waiting(shop).id == action_id  # still waiting, nothing stored
    assert refunded_charges(shop) == []


def test_the_workspace_refund_limit_holds_for_the_amount_a_member_sets(shop: Shop) -> None:
    shop.settings(refund_cap_minor=2000)
    shop.ask(ALICE, UNSIZED)
    with pytest.raises(AmountRefused, match=r"above this workspace's refund limit of \$20.00"):
        decide_with(shop, waiting(shop).id, "25")
    assert refunded_charges(shop) == []


def test_the_amount_the_member_sets_is_refunded_once_and_audited(shop: Shop) -> None:
    planned = shop.ask(ALICE, UNSIZED)
    [charge] = [c.write.target_id for c in planned.tool_calls if c.write is not None]
    action_id = waiting(shop).id
    done = decide_with(shop, action_id, "10")
    assert done.outcome == "replied", done.reason
    assert refunded_charges(shop) == [(charge, 1000)]
    assert done.reply is not None and "$10.00" in done.reply.text
    [action] = actions(shop)
    assert (action.status, action.amount_minor, action.currency) == ("done", 1000, "usd")
    with shop.runtime.sessions() as session:
        approved = session.scalar(select(AuditEvent).where(AuditEvent.action == "approval.approve"))
    assert approved is not None and approved.detail["amount_minor"] == 1000
    assert "owner@example.com set the amount on approval" in approved.detail["basis"]
    with pytest.raises(AlreadyDecided):
        decide_with(shop, action_id, "10")
    assert refunded_charges(shop) == [(charge, 1000)]


def test_the_same_email_again_finds_the_same_waiting_refund(shop: Shop) -> None:
    shop.ask(ALICE, UNSIZED, message_id=None)
    first = waiting(shop).id
    again = shop.ask(ALICE, UNSIZED)
    assert again.outcome == "awaiting_approval"
    with shop.runtime.sessions() as session:
        pending = repository.actions(session, shop.workspace_id, [repository.PENDING])
    assert first in [a.id for a in pending]


def test_a_rejected_unsized_refund_writes_nothing(shop: Shop) -> None:
    shop.ask(ALICE, UNSIZED)
    done = decide_with(shop, waiting(shop).id, None, yes=False)
    assert done.outcome == "escalated"
    assert refunded_charges(shop) == []


def test_a_fixed_amount_cannot_be_changed_on_approval(shop: Shop) -> None:
    shop.settings(approval_mode="always")
    shop.ask(ALICE, "Please refund $10 of my last payment.")
    action_id = waiting(shop).id
    with pytest.raises(AmountRefused, match="fixed when it was planned"):
        decide_with(shop, action_id, "20")
    done = decide_with(shop, action_id, "10.00")  # the same amount, written out: fine
    assert done.outcome == "replied", done.reason
    assert [amount for _, amount in refunded_charges(shop)] == [1000]


def test_an_llm_asking_for_a_member_sized_part_the_customer_did_not_ask_plans_nothing(
    shop: Shop,
) -> None:
    script = [call("refund", payment="latest", part=True), say("Done.")]
    with running_fake_llm(script) as llm:
        use_openai(shop, llm)
        trace = shop.ask(ALICE, "Last month I was charged for a seat nobody used.")
    assert trace.outcome == "escalated", trace.reason
    assert actions(shop) == []


def test_an_llm_asking_for_a_part_the_customer_asked_for_waits_for_a_member(shop: Shop) -> None:
    script = [call("refund", payment="latest", part=True), say("Done.")]
    with running_fake_llm(script) as llm:
        use_openai(shop, llm)
        trace = shop.ask(ALICE, "Please refund the seat nobody used last month.")
    assert trace.outcome == "awaiting_approval", trace.reason
    card = waiting(shop)
    assert card.amount is None and card.at_most == "$49.00"
    assert refunded_charges(shop) == []


def test_a_refund_limit_below_the_payment_does_not_refuse_a_part_before_it_is_sized(
    shop: Shop,
) -> None:
    shop.settings(refund_cap_minor=2000)  # the whole $49.00 would be over it; a part may not
    trace = shop.ask(ALICE, UNSIZED)
    assert trace.outcome == "awaiting_approval", trace.reason
    assert decide_with(shop, waiting(shop).id, "10").outcome == "replied"
    assert [amount for _, amount in refunded_charges(shop)] == [1000]
