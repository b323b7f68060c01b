"""Paying and the card on file (the request check on batch 34's `dev/` part): a link asked for
someone else's account is no link the agent can send, since it finds the account by the
sender's address and would pay or open theirs; a person answers. A link for the writer's own
account stays asked, whoever's card pays it or paid before."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

FOR_SOMEONE_ELSE = [
    "My mother's card expired. Could you send me a link to update the card on her account?",
    "Can you send me the link to pay my friend's subscription? Her card got declined.",
    "友達のアカウントの支払いリンクを私に送ってもらえますか？",
    "母のアカウントのカード変更ページを私に送ってください。",
    "¿Me pueden mandar el enlace para pagar la cuenta de mi hermano?",
]

OWN_ACCOUNT = [
    ("Please send me a link to pay my open invoice.", "payment_link"),
    ("Where do I change the card on my account? My old one expired.", "portal_link"),
    (
        "My wife paid last month with her card; please send me a link to pay this month's "
        "invoice myself.",
        "payment_link",
    ),
    (
        "I'd like to move the billing from my husband's card to my own card. Where do I change it?",
        "portal_link",
    ),
    ("Could you send me a payment link? My son will pay it with his card.", "payment_link"),
]


@pytest.mark.parametrize("text", FOR_SOMEONE_ELSE)
def test_a_link_for_someone_elses_account_is_not_read_as_asked(text: str) -> None:
    assert not read_requests(text).kinds


@pytest.mark.parametrize(("text", "kind"), OWN_ACCOUNT)
def test_a_link_for_the_writers_own_account_stays_asked(text: str, kind: str) -> None:
    assert read_requests(text).kinds == {kind}
