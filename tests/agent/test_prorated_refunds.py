"""A refund of the unused part of the current period (issue 10): sized by code from Stripe's
facts (the period's invoice, its dates, now), never by a model, for every brain, and shown
with its basis; anything it cannot size exactly goes to a person. Against the fake Stripe
over HTTP: Carol's $29.00 monthly Pro period of 30 days started about 5 days ago."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from knowreply.db.models import AuditEvent
from knowreply.evaluation.corpus import intent_of_call
from knowreply.web import audit_sentences, repository
from tests.agent.conftest import Shop
from tests.agent.test_agent_llm_brains import use_openai
from tests.agent.test_agent_write_pipeline import approve, refunded_charges
from tests.fake_llm import call, running_fake_llm, say

CAROL = "carol@example.com"


def unused_days(text: str) -> int:
    """The unused days a reply says it refunded (its basis, in English)."""
    found = re.search(r"for its (\d+) unused days? of 30\b", text)
    assert found, text
    return int(found.group(1))


def pending_action_id(shop: Shop) -> int:
    with shop.runtime.sessions() as session:
        [waiting] = repository.actions(session, shop.workspace_id, [repository.PENDING])
    return waiting.id


def test_the_unused_part_is_sized_from_stripe_and_explained(shop: Shop) -> None:
    trace = shop.ask(CAROL, "Please refund the unused part of my subscription.")
    # even in the shop's automatic approval mode: giving back time the plan still runs for
    # is a member's call
    assert trace.outcome == "awaiting_approval", trace.reason
    assert shop.refunds() == []
    done = approve(shop, pending_action_id(shop))
    assert done.outcome == "replied", done.reason
    assert done.reply is not None
    days = unused_days(done.reply.text)
    assert days in (24, 25)  # 25 days left, less the seconds since the fake was seeded
    part = 2900 * days // 30
    assert [amount for _, amount in refunded_charges(shop)] == [part]
    assert f"${part / 100:.2f} of the $29.00 paid for your current period" in done.reply.text
    refund_call = next(c for c in trace.tool_calls if c.name == "refund")
    assert not refund_call.args.get("amount")  # the brain passes none: the tool sizes it
    assert intent_of_call(refund_call) == "partial_refund"


def test_a_waiting_unused_part_shows_its_basis_to_the_member_and_in_the_audit_log(
    shop: Shop,
) -> None:
    shop.settings(approval_mode="always")
    trace = shop.ask(CAROL, "Please refund the unused part of my subscription.")
    assert trace.outcome == "awaiting_approval", trace.reason
    assert shop.refunds() == []
    with shop.runtime.sessions() as session:
        [waiting] = repository.actions(session, shop.workspace_id, [repository.PENDING])
    assert waiting.basis is not None
    days = int(re.search(r"for (\d+) unused days? of 30", waiting.basis).group(1))  # type: ignore[union-attr]
    part = 2900 * days // 30
    unit = "day" if days == 1 else "days"
    assert waiting.basis.startswith(f"${part / 100:.2f} of $29.00 for {days} unused {unit} of 30")
    assert waiting.amount == f"${part / 100:.2f}"
    approve(shop, waiting.id)
    assert [amount for _, amount in refunded_charges(shop)] == [part]
    with shop.runtime.sessions() as session:
        done = session.scalars(select(AuditEvent).where(AuditEvent.action == "stripe.refund")).one()
        entry = audit_sentences.AuditEntry(
            done.action, done.actor, done.target, done.result, done.detail, None
        )
    assert f"was refunded ${part / 100:.2f} ({waiting.basis})" in audit_sentences.sentence(entry)


def test_an_obedient_llm_gets_the_same_sized_part(shop: Shop) -> None:
    script = [call("refund", payment="latest"), say("Done.")]
    with running_fake_llm(script) as llm:
        use_openai(shop, llm)
        trace = shop.ask(CAROL, "Please refund the unused part of my subscription.")
        assert trace.outcome == "awaiting_approval", trace.reason
        approve(shop, pending_action_id(shop))
    [(_, amount)] = refunded_charges(shop)
    assert amount in (2900 * 24 // 30, 2900 * 25 // 30)


def test_an_llm_cannot_size_the_unused_part_itself(shop: Shop) -> None:
    script = [call("refund", payment="latest", amount="25.00"), say("Done.")]
    with running_fake_llm(script) as llm:
        use_openai(shop, llm)
        trace = shop.ask(CAROL, "Please refund the unused part of my subscription.")
    assert trace.outcome == "awaiting_approval"  # not an amount the customer asked for
    assert shop.refunds() == []


@pytest.mark.parametrize(
    ("sender", "text"),
    [
        # no current paid subscription: nothing to size
        ("alice@example.com", "Please refund the unused part of my subscription."),
        ("dave@example.com", "I'd like a prorated refund for the rest of my plan, please."),
        # a count, a difference or seats: a person sizes those
        (CAROL, "Please refund the remaining 40 days of my plan."),  # more than its period
        (CAROL, "I downgraded. Please refund the prorated difference."),
        (CAROL, "Please refund the unused seats, prorated."),
    ],
)
def test_what_cannot_be_sized_exactly_goes_to_a_person(shop: Shop, sender: str, text: str) -> None:
    trace = shop.ask(sender, text)
    assert shop.refunds() == [], trace.tool_calls
    assert trace.outcome != "replied" or "refund" not in (trace.reply.text if trace.reply else "")
