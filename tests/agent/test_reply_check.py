"""A reply is checked in code before it leaves: refused (a person answers) or safely repaired."""

from __future__ import annotations

import pytest

from knowreply.agent.prompt import system_prompt
from knowreply.agent.reply_check import ReplyScope, check_reply
from knowreply.money import Money
from knowreply.workspaces import WorkspaceSettings

USD_49 = Money(amount_minor=4900, currency="usd")
SCOPE = ReplyScope(
    ids=frozenset({"ch_alice00001"}),  # hers, and she wrote it in her email
    addresses=frozenset({"alice@example.com", "support@acme.test"}),
    links=frozenset(
        {"https://invoice.stripe.com/i/x", "https://pay.stripe.com/receipts/ch_alice9"}
    ),
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
        "in_alice00001",  # hers, but she never wrote it: an internal id means nothing to her
        "cus_123",  # a short, made-up one
    ],
)
def test_an_id_the_reply_may_not_show_is_refused(leak: str) -> None:
    assert leak in refused(f"Hi Alice, the payment {leak} went through.")


def test_an_id_of_hers_that_she_wrote_may_be_repeated() -> None:
    passes("Your payment ch_alice00001 went through.")


def test_a_link_a_tool_returned_may_be_sent_with_the_ids_inside_it() -> None:
    passes("Your receipt: https://pay.stripe.com/receipts/ch_alice9.")


@pytest.mark.parametrize(
    "link", ["https://evil.test/login", "http://invoice.stripe.com.evil.test/i/x"]
)
def test_a_link_no_tool_returned_is_refused(link: str) -> None:
    assert link in refused(f"Please sign in here: {link}")


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


def test_a_repair_keeps_the_words_around_the_amount() -> None:
    assert passes("It was 4900 usd and it is paid.").startswith("It was $49.00 and it is paid.")
    assert passes("Was USD 4900 in total.").startswith("Was $49.00 in total.")
