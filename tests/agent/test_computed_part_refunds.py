"""A part asked back among several amounts, end to end against the fake Stripe over HTTP
(Carol paid $29.00): the result the customer wrote is refunded under the normal policy; the
difference computed from two amounts always waits for a member, who sees how it was computed;
a part that neither sizes waits for the member to set its amount."""

from __future__ import annotations

from knowreply.web import repository
from tests.agent.conftest import Shop
from tests.agent.test_agent_write_pipeline import approve, refunded_charges
from tests.agent.test_prorated_refunds import CAROL, pending_action_id


def test_a_result_the_customer_wrote_is_refunded_like_any_written_amount(shop: Shop) -> None:
    trace = shop.ask(
        CAROL,
        "The plan is $22 but I was charged $29, that's $7 too much. Please refund the difference.",
    )
    assert trace.outcome == "replied", trace.reason
    assert [amount for _, amount in refunded_charges(shop)] == [700]


def test_a_computed_difference_waits_for_a_member_and_shows_its_basis(shop: Shop) -> None:
    text = "I was charged $29 instead of $19. Please refund the difference."
    trace = shop.ask(CAROL, text)  # the shop's approval mode is automatic: it still waits
    assert trace.outcome == "awaiting_approval", trace.reason
    assert shop.refunds() == []
    with shop.runtime.sessions() as session:
        [waiting] = repository.actions(session, shop.workspace_id, [repository.PENDING])
    assert waiting.amount == "$10.00"
    assert waiting.basis == "the difference between $29.00 and $19.00 the customer named"
    done = approve(shop, pending_action_id(shop))
    assert done.outcome == "replied", done.reason
    assert [amount for _, amount in refunded_charges(shop)] == [1000]


def test_an_unclear_part_among_several_amounts_waits_for_a_member_to_size(shop: Shop) -> None:
    trace = shop.ask(CAROL, "I paid $29 and $19 last month. Please refund the difference.")
    assert shop.refunds() == []
    assert trace.outcome == "awaiting_approval", trace.reason
    with shop.runtime.sessions() as session:
        [waiting] = repository.actions(session, shop.workspace_id, [repository.PENDING])
    assert waiting.amount is None and waiting.at_most == "$29.00"
