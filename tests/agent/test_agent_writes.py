"""Refunds and cancellations: verification, approval, guardrails, and never twice."""

from __future__ import annotations

import asyncio
import re

from sqlalchemy import select

from knowreply.agent.approvals import decide
from knowreply.agent.verification import reveal_code
from knowreply.db.models import Action, AuditEvent
from tests.agent.conftest import Shop


def test_verified_refund_runs_once_per_email(shop: Shop) -> None:
    first = shop.ask("alice@example.com", "Please refund my last payment.", message_id=None)
    assert first.outcome == "replied", first.reason
    assert first.reply is not None and "$49.00" in first.reply.text
    assert len(shop.refunds()) == 1
    with shop.runtime.sessions() as session:
        action = session.scalars(select(Action)).one()
        assert (action.kind, action.status, action.amount_minor) == ("refund", "done", 4900)
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "stripe.refund"))
        assert [e.idempotency_key for e in events] == [action.idempotency_key]


def test_the_same_email_handled_twice_refunds_once(shop: Shop, runtime: object) -> None:
    from knowreply.db.models import Message
    from knowreply.db.session import transaction

    with transaction(shop.runtime.sessions) as session:
        message = Message(
            workspace_id=shop.workspace_id,
            direction="in",
            rfc_message_id="<once@example.com>",
            raw=b"x",
            size=1,
            received_via="cli",
        )
        session.add(message)
        session.flush()
        message_id = message.id
    for _ in range(2):
        trace = shop.ask(
            "alice@example.com", "Please refund my last payment.", message_id=message_id
        )
        assert trace.outcome == "replied", trace.reason
    assert len(shop.refunds()) == 1


def test_refund_larger_than_the_charge_is_refused(shop: Shop) -> None:
    trace = shop.ask("alice@example.com", "Please refund $80.00 of my last payment.")
    assert trace.outcome == "replied"
    assert trace.tool_calls[-1].status == "denied"
    assert shop.refunds() == []
    assert trace.reply is not None and "$49.00" in trace.reply.text


def test_another_customers_charge_is_never_refunded(shop: Shop) -> None:
    history = shop.ask("alice@example.com", "Can I see my payment history?")
    alice_charges = {p["id"] for c in history.tool_calls for p in c.result["payments"]}
    carol = shop.ask("carol@example.com", "Can I see my payment history?")
    carol_charge = next(p["id"] for c in carol.tool_calls for p in c.result["payments"])
    assert carol_charge not in alice_charges
    trace = shop.ask("alice@example.com", f"Please refund charge {carol_charge}.")
    assert trace.outcome == "escalated"
    assert shop.refunds() == []
    assert "carol" not in (trace.reason or "").lower()


def test_unverified_refund_waits_for_the_code_then_runs(shop: Shop) -> None:
    asked = shop.ask("alice@example.com", "Please refund my last payment.", verified=False)
    assert asked.outcome == "awaiting_verification"
    assert shop.refunds() == []
    assert asked.reply is not None
    assert re.search(r"\b(\d{6})\b", asked.reply.text) is None  # the trace never shows it
    assert asked.reply.sealed_code is not None
    sent = reveal_code(shop.runtime.master_key, asked.reply.text, asked.reply.sealed_code)
    code = re.search(r"\b(\d{6})\b", sent)
    assert code is not None

    wrong = shop.ask("alice@example.com", "Here is the code: 000000", verified=False)
    assert wrong.outcome != "replied" or "refund" not in (wrong.reply.text if wrong.reply else "")
    assert shop.refunds() == []

    confirmed = shop.ask("alice@example.com", f"Here is the code: {code[1]}", verified=False)
    assert confirmed.outcome == "replied", confirmed.reason
    assert confirmed.verified is True
    assert len(shop.refunds()) == 1
    again = shop.ask("alice@example.com", f"Here is the code: {code[1]}", verified=False)
    assert len(shop.refunds()) == 1  # a code works once
    assert again.outcome != "awaiting_approval"


def test_a_code_retyped_in_groups_confirms_the_request(shop: Shop) -> None:
    asked = shop.ask("alice@example.com", "Please refund my last payment.", verified=False)
    assert asked.reply is not None and asked.reply.sealed_code is not None
    sent = reveal_code(shop.runtime.master_key, asked.reply.text, asked.reply.sealed_code)
    code = re.search(r"\b(\d{6})\b", sent)
    assert code is not None
    retyped = f"Code: {code[1][:3]}-{code[1][3:]}\nSent from Outlook for Android"

    confirmed = shop.ask("alice@example.com", retyped, verified=False)

    assert confirmed.outcome == "replied", confirmed.reason
    assert confirmed.verified is True
    assert len(shop.refunds()) == 1


def test_refund_waits_for_approval_then_finishes(shop: Shop) -> None:
    shop.settings(approval_mode="always")
    waiting = shop.ask("alice@example.com", "Please refund my last payment.")
    assert waiting.outcome == "awaiting_approval"
    assert waiting.reply is not None and waiting.reply.kind == "acknowledgement"
    assert "a refund of $49.00 for your payment on" in waiting.reply.text
    assert shop.refunds() == []
    with shop.runtime.sessions() as session:
        action = session.scalars(select(Action)).one()
        assert action.status == "awaiting_approval" and action.amount_minor == 4900

    done = asyncio.run(
        decide(shop.runtime, shop.workspace_id, action.id, True, "owner@example.com")
    )
    assert done.outcome == "replied", done.reason
    assert done.reply is not None and "I've refunded $49.00" in done.reply.text
    assert done.reply.kind == "reply"
    assert len(shop.refunds()) == 1
    with shop.runtime.sessions() as session:
        assert session.get(Action, action.id).status == "done"  # type: ignore[union-attr]


def test_rejected_refund_goes_to_a_person(shop: Shop) -> None:
    shop.settings(approval_mode="always")
    shop.ask("alice@example.com", "Please refund my last payment.")
    with shop.runtime.sessions() as session:
        action_id = session.scalars(select(Action.id)).one()
    trace = asyncio.run(
        decide(shop.runtime, shop.workspace_id, action_id, False, "owner@example.com")
    )
    assert trace.outcome == "escalated"
    assert trace.reply is None
    assert shop.refunds() == []


def test_refund_above_the_cap_goes_to_a_person(shop: Shop) -> None:
    shop.settings(refund_cap_minor=1000)
    trace = shop.ask("alice@example.com", "Please refund my last payment.")
    assert trace.outcome == "escalated"
    assert shop.refunds() == []


def test_cancel_at_period_end_and_again(shop: Shop) -> None:
    first = shop.ask("carol@example.com", "Please cancel my subscription, don't renew it.")
    assert first.outcome == "replied", first.reason
    assert first.reply is not None
    second = shop.ask("carol@example.com", "Please cancel my subscription.")
    assert second.outcome == "replied"
    cancels = [
        r
        for r in shop.stripe.control.requests()
        if r["method"] == "POST" and r["path"].startswith("/v1/subscriptions/")
    ]
    assert len(cancels) == 1
    assert not any(r["method"] == "DELETE" for r in shop.stripe.control.requests())


def test_stripe_down_during_a_refund_fails_the_run_and_leaves_no_pending_action(
    shop: Shop,
) -> None:
    shop.stripe.control.fault(path_prefix="/v1/refunds", method="POST", status=500, count=20)
    trace = shop.ask("alice@example.com", "Please refund my last payment.")
    assert trace.outcome == "failed"
    assert trace.reason
    assert shop.refunds() == []
    with shop.runtime.sessions() as session:
        action = session.scalars(select(Action)).one()
        assert action.status == "failed"  # not shown as waiting for approval
        assert action.error


def test_an_action_already_done_in_the_run_does_not_count_as_a_rejection(shop: Shop) -> None:
    """A run can both make a link (no approval needed) and wait on a refund."""
    from knowreply.db.session import transaction

    shop.settings(approval_mode="always")
    shop.ask("alice@example.com", "Please refund my last payment.")
    with transaction(shop.runtime.sessions) as session:
        refund = session.scalars(select(Action)).one()
        session.add(
            Action(
                workspace_id=refund.workspace_id,
                run_id=refund.run_id,
                kind="payment_link",
                status="done",
                idempotency_key="kr-link-done",
            )
        )
        refund_id = refund.id
    trace = asyncio.run(decide(shop.runtime, shop.workspace_id, refund_id, True, "owner"))
    assert trace.outcome == "replied", trace.reason
    assert len(shop.refunds()) == 1
