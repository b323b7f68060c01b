"""A plain yes to something to read that we offered ("Would you like a copy of the latest
invoice?") asks for that read; it never asks for a write."""

from __future__ import annotations

import pytest

from knowreply.agent.brains.rules import understand
from knowreply.agent.brains.rules.understanding import Intent
from knowreply.agent.intake.offer import offered_read
from knowreply.agent.trace import AgentInput

INVOICE_OFFER = (
    "On Tue, 4 Mar 2026, Riddim Lessons <help@riddim.example> wrote:\n"
    "> Hi Andre, I can see your payment came through fine.\n"
    "> Would you like me to send you a copy of the latest invoice for your records?\n"
)


@pytest.mark.parametrize(
    ("answer", "offer", "intent"),
    [
        ("Yes pls", INVOICE_OFFER, Intent.LATEST_INVOICE),
        (
            "Yes please, that would be great.",
            "> Would you like me to send a summary of all your payments for 2024?",
            Intent.PAYMENT_HISTORY,
        ),
        (
            "Oui svp, merci !",
            "> Voulez-vous que je vérifie si votre dernier paiement est bien passé ?",
            Intent.PAYMENT_STATUS,
        ),
        (
            "Oui volontiers, merci !\n\nJosée",
            "> Souhaitez-vous que je vous envoie votre dernière facture par courriel ?",
            Intent.LATEST_INVOICE,
        ),
    ],
)
def test_a_yes_to_a_read_we_offered_asks_that_read(answer: str, offer: str, intent: Intent) -> None:
    pasted = AgentInput.written(workspace_id=1, sender="a@example.com", text=f"{answer}\n\n{offer}")

    got = understand(pasted.text, thread=pasted.thread)

    assert (got.intent, got.secondary_intents) == (intent, ())


@pytest.mark.parametrize(
    ("answer", "thread"),
    [
        ("Yes, but only for March.", INVOICE_OFFER),  # a yes held back
        ("No thanks.", INVOICE_OFFER),
        ("Yes, for my mother's account please.", INVOICE_OFFER),  # someone else's
        ("Yes please.", "> Hi Andre, your payment came through fine.\n> Have a good day!"),
        (  # two offers: which one is meant is for a person
            "Yes please.",
            "> Would you like the latest invoice?\n> Or would you like a list of payments?",
        ),
        (  # a thread that offers a write is read by `accepted_offer`
            "Yes please.",
            "> Would you like me to cancel your plan at the end of the period?",
        ),
    ],
)
def test_no_read_is_offered_without_a_plain_yes_to_one_offer(answer: str, thread: str) -> None:
    assert offered_read(answer, thread) == ""


def test_a_yes_to_a_read_offer_never_becomes_a_write() -> None:
    got = understand(
        "Yes please go ahead.",
        thread="> Would you like me to check whether the refund we sent has reached your card?",
    )

    assert got.intent not in (Intent.REFUND, Intent.PARTIAL_REFUND, Intent.CANCEL)
