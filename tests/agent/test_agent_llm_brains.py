"""The LLM brains over real HTTP: a scripted OpenAI-compatible (and Anthropic) server on
loopback drives the agent, which runs the tools against the fake Stripe server."""

from __future__ import annotations

import json
from typing import Any

import pytest

from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.logs import configure_logging
from tests.agent.conftest import Shop
from tests.fake_llm import FakeLLM, call, fail, hang, running_fake_llm, say


@pytest.fixture(autouse=True, scope="module")
def plain_logs() -> None:
    """Log as production does: a failed run's traceback as plain text (structlog's default
    renders it with rich and every local variable, which takes a minute)."""
    configure_logging("warning", "console")


FINAL = "Hi Alice, your latest invoice is $49.00.\nThe Acme team"


def use_openai(shop: Shop, llm: FakeLLM, **settings: Any) -> None:
    shop.settings(brain="openai", llm_model="fake-gpt", llm_base_url=f"{llm.url}/v1", **settings)


def use_anthropic(shop: Shop, llm: FakeLLM, **settings: Any) -> None:
    shop.settings(
        brain="anthropic",
        llm_model="fake-claude",
        llm_base_url=llm.url,
        llm_api_key_encrypted=shop.runtime.master_key.encrypt("sk-ant-test-not-real"),
        **settings,
    )


def stripe_paths(shop: Shop) -> list[str]:
    return [r["path"] for r in shop.stripe.control.requests()]


def test_openai_brain_calls_a_tool_then_writes_the_reply(shop: Shop) -> None:
    with running_fake_llm([call("list_invoices", limit=1), say(FINAL)]) as llm:
        use_openai(shop, llm)
        trace = shop.ask("alice@example.com", "Could you send me my latest invoice?")

    assert trace.outcome == "replied", trace.reason
    assert trace.brain == "openai"
    assert trace.reply is not None and trace.reply.text == FINAL + "\n"
    assert [(c.name, c.args["limit"], c.status) for c in trace.tool_calls] == [
        ("list_invoices", 1, "done")
    ]
    assert "/v1/invoices" in stripe_paths(shop)  # the tool really asked Stripe

    first, second = llm.requests
    system, user = first["messages"][0], first["messages"][1]
    assert system["role"] == "system" and "Rules that no email can change" in system["content"]
    assert "Acme" in system["content"]
    assert user["role"] == "user"
    assert user["content"].startswith("<email>\nSubject: Billing question")
    assert "Could you send me my latest invoice?\n</email>" in user["content"]
    assert {"list_invoices", "refund", "escalate"} <= llm.tool_names(0)

    tool_result = next(m for m in second["messages"] if m["role"] == "tool")
    assert tool_result["tool_call_id"] == "call_1"
    invoices = json.loads(tool_result["content"])["invoices"]
    assert [i["amount_due"]["amount_minor"] for i in invoices] == [4900]
    assert (trace.usage.requests, trace.usage.input_tokens, trace.usage.output_tokens) == (
        2,
        100 + 150,
        20 + 30,
    )


def test_an_llm_cannot_call_a_tool_of_a_disabled_capability(shop: Shop) -> None:
    shop.capabilities([CapabilityName.INVOICES])
    script = [call("refund", payment="latest"), say("I have passed this on to our team.")]
    with running_fake_llm(script) as llm:
        use_openai(shop, llm)
        trace = shop.ask("alice@example.com", "Please refund my last payment.")

    assert llm.tool_names(0) == {"escalate", "list_invoices", "payment_history"}
    assert [c.name for c in trace.tool_calls] == []
    assert shop.refunds() == []
    assert not any(p.startswith("/v1/refunds") for p in stripe_paths(shop))
    retry = json.dumps(llm.requests[1]["messages"][-1])
    assert "refund" in retry  # pydantic-ai told the model the tool does not exist
    assert trace.outcome == "replied"


def test_a_server_answering_500_fails_the_run_after_the_retries(shop: Shop) -> None:
    with running_fake_llm([fail(500)], repeat_last=True) as llm:
        use_openai(shop, llm, llm_max_retries=1)
        trace = shop.ask("alice@example.com", "Could you send me my latest invoice?")

    assert len(llm.requests) == 2  # the first try and one retry by the SDK
    assert trace.outcome == "failed"
    assert trace.reason is not None and "500" in trace.reason
    assert trace.reply is None
    assert shop.refunds() == []


def test_a_server_that_times_out_fails_the_run_with_the_reason(shop: Shop) -> None:
    # A second long enough for the retry to reach the server on a busy machine: at 0.2 s a
    # clean-clone CI run beside other work once saw only the first request.
    with running_fake_llm([hang(2.0)], repeat_last=True) as llm:
        use_openai(shop, llm, llm_timeout_seconds=1.0, llm_max_retries=1)
        trace = shop.ask("alice@example.com", "Could you send me my latest invoice?")

    assert len(llm.requests) == 2
    assert trace.outcome == "failed"
    assert trace.reason is not None and "time" in trace.reason.lower()
    assert trace.reply is None


def test_anthropic_brain_calls_a_tool_then_writes_the_reply(shop: Shop) -> None:
    script = [call("subscription_status"), say("Your Pro plan renews next month.\nAcme")]
    with running_fake_llm(script) as llm:
        use_anthropic(shop, llm)
        trace = shop.ask("carol@example.com", "When does my subscription renew?")

    assert trace.outcome == "replied", trace.reason
    assert trace.reply is not None and "Pro plan renews" in trace.reply.text
    assert [c.name for c in trace.tool_calls] == ["subscription_status"]
    customer_lookups = [
        r["params"] for r in shop.stripe.control.requests() if r["path"] == "/v1/customers"
    ]
    assert ["expand[0]", "data.subscriptions"] in customer_lookups[0]  # plans come with it
    assert llm.paths == ["/v1/messages", "/v1/messages"]

    first, second = llm.requests
    system = first["system"]
    system_text = system if isinstance(system, str) else " ".join(b["text"] for b in system)
    assert "Rules that no email can change" in system_text
    user_text = json.dumps(first["messages"][0]["content"], ensure_ascii=False)
    assert "<email>" in user_text and "When does my subscription renew?" in user_text
    assert "subscription_status" in llm.tool_names(0)
    tool_result = second["messages"][-1]["content"][0]
    assert (tool_result["type"], tool_result["tool_use_id"]) == ("tool_result", "toolu_1")
    assert (trace.usage.input_tokens, trace.usage.output_tokens) == (250, 50)


def test_anthropic_server_errors_fail_the_run(shop: Shop) -> None:
    with running_fake_llm([fail(529)], repeat_last=True) as llm:
        use_anthropic(shop, llm, llm_max_retries=1)
        trace = shop.ask("carol@example.com", "When does my subscription renew?")

    assert len(llm.requests) == 2
    assert trace.outcome == "failed"
    assert trace.reason is not None and "529" in trace.reason
