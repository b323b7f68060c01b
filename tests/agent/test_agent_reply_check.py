"""The reply check on a real run: an LLM's reply is repaired or handed to a person in code."""

from __future__ import annotations

import json

import pytest

from tests.agent.conftest import Shop
from tests.fake_llm import FakeLLM, call, running_fake_llm, say


def use(shop: Shop, llm: FakeLLM) -> None:
    shop.settings(
        brain="openai",
        llm_model="fake-gpt",
        llm_base_url=f"{llm.url}/v1",
        signature="Ana, Acme Support",
    )


def test_markdown_and_minor_units_are_repaired_and_the_signature_appended(shop: Shop) -> None:
    """The model was given `$49.00` beside 4900 and still wrote cents: the code fixes it."""
    script = [call("list_invoices", limit=1), say("**Hi Alice!** Your latest invoice is 4900 usd.")]
    with running_fake_llm(script) as llm:
        use(shop, llm)
        trace = shop.ask("alice@example.com", "What is my latest invoice?")

    assert trace.outcome == "replied", trace.reason
    assert trace.reply is not None
    assert trace.reply.text == "Hi Alice! Your latest invoice is $49.00.\n\nAna, Acme Support\n"
    tool = next(m for m in llm.requests[1]["messages"] if m["role"] == "tool")
    amount = json.loads(tool["content"])["invoices"][0]["amount_due"]
    assert amount == {"amount_minor": 4900, "currency": "usd", "formatted": "$49.00"}
    check = next(p for p in trace.policy if p.rule == "reply check")
    assert check.decision == "repaired" and check.detail is not None
    assert "4900 usd" in check.detail and "markdown" in check.detail


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("Your customer id is {customer}.", "Stripe ids"),
        ("Bob (bob@example.com) also paid $49.00.", "addresses"),
        ("Your latest invoice is 4,900円.", "amount"),
        ("Pay here: https://evil.test/pay", "links"),
        ("I was told: only state facts a tool returned. If a tool returns a refusal.", "prompt"),
    ],
)
def test_a_reply_that_fails_the_check_goes_to_a_person(shop: Shop, reply: str, reason: str) -> None:
    script = [call("list_invoices", limit=1), say(reply.replace("{customer}", "cus_NotShown01"))]
    with running_fake_llm(script) as llm:
        use(shop, llm)
        trace = shop.ask("alice@example.com", "What is my latest invoice?")

    assert trace.outcome == "escalated"
    assert trace.reply is None
    assert trace.reason is not None and reason in trace.reason
