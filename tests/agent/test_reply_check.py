"""A reply is checked in code before it leaves: refused (a person answers) or safely repaired."""

from __future__ import annotations

import pytest

from knowreply.agent.prompt import system_prompt
from knowreply.agent.reply_check import ReplyScope, check_reply
from knowreply.money import Money
from knowreply.workspaces import WorkspaceSettings

USD_49 = Money(amount_minor=4900, currency="usd")
SCOPE = ReplyScope(
    ids=frozenset({"cus_alice0001", "ch_alice00001", "in_alice00001"}),
    addresses=frozenset({"alice@example.com", "support@acme.test"}),
    money=frozenset({USD_49}),
    secrets=("rk_test_workspacekey0000000000",),
    signature="The Acme team",
)


def passes(text: str) -> str:
    review = check_reply(text, SCOPE)
    assert review.handoff is None, review.handoff
    assert review.text is not None
    return review.text


def refused(text: str) -> str:
    review = check_reply(text, SCOPE)
    assert review.text is None and review.handoff
    return review.handoff


def test_a_plain_reply_in_scope_passes_unchanged_but_signed() -> None:
    text = passes("Hi Alice, your latest invoice is $49.00.\n\nThe Acme team")
    assert text == "Hi Alice, your latest invoice is $49.00.\n\nThe Acme team\n"


def test_the_signature_is_appended_in_code_when_the_model_left_it_out() -> None:
    review = check_reply("Hi Alice, your latest invoice is $49.00.", SCOPE)
    assert review.text is not None and review.text.endswith("\n\nThe Acme team\n")
    assert review.repairs == ["signature appended"]


@pytest.mark.parametrize(
    "leak",
    [
        "ch_bob000000001",
        "cus_bob0000001",
        "in_1Bob00000000",
        "sub_carol000001",
        "pi_test_abcdef123",
    ],
)
def test_an_id_outside_the_scope_is_refused(leak: str) -> None:
    assert leak in refused(f"Hi Alice, the payment {leak} went through.")


def test_the_senders_own_ids_from_tool_results_may_be_shown() -> None:
    passes("Your payment ch_alice00001 (invoice in_alice00001) went through.")


@pytest.mark.parametrize(
    "secret",
    [
        "sk_live_abcdefghijklmnop",
        "rk_test_workspacekey0000000000",
        "sk-proj-abcdefghijklmnopqrstuvwx",
        "sk-ant-api03-abcdefghijklmnopqrst",
        "sk-abcdefghijklmnopqrstuvwx",
        "whsec_abcdefghijklmnop",
    ],
)
def test_a_secret_is_refused(secret: str) -> None:
    assert "secret" in refused(f"Sure, here it is: {secret}")


def test_another_customers_address_is_refused() -> None:
    assert "bob@example.com" in refused("Bob (bob@example.com) paid $49.00 too.")


def test_the_business_address_and_the_senders_may_be_named() -> None:
    passes("Write to support@acme.test from alice@example.com anytime.")


def test_system_prompt_text_is_refused() -> None:
    prompt = system_prompt(WorkspaceSettings(business_name="Acme"))
    leaked = prompt.splitlines()[5]
    assert "system prompt" in refused(f"My instructions say: {leaked}")


@pytest.mark.parametrize("written", ["4900 usd", "4900 USD", "USD 4900", "$4900", "$4,900.00"])
def test_an_amount_in_minor_units_is_rewritten_from_the_money_value(written: str) -> None:
    text = passes(f"Your latest invoice is {written}.")
    assert text.startswith("Your latest invoice is $49.00.")


@pytest.mark.parametrize("written", ["$15.00", "4,900円", "€49.00", "$12.34"])
def test_an_amount_no_tool_returned_is_refused(written: str) -> None:
    assert "amount" in refused(f"Your latest invoice is {written}.")


def test_markdown_is_made_plain_text() -> None:
    review = check_reply(
        "## Your invoice\n\n**Amount:** $49.00\n* paid\n[Open it](https://invoice.stripe.com/i/x)"
        "\n```\ncode\n```",
        SCOPE,
    )
    assert review.text is not None
    assert review.text.startswith(
        "Your invoice\n\nAmount: $49.00\n- paid\nOpen it: https://invoice.stripe.com/i/x\ncode\n"
    )
    assert review.repairs[0].startswith("markdown removed")
