"""Near misses of writes asked plainly, from the request check's misses on `dev/` batches 22
to 33 (docs/evaluation.md, 2026-12-07 evening): a refund already made or asked before, a month
refunded as a fact, questions of policy, a confirmation asked for, an intent without its ask,
someone else's account, a reply's subject alone. The rules that read those asks were measured
and not kept; these emails must go on asking nothing. `KNOWN_UNASKED` are writes the check
still finds where nothing is asked (strict expected failures: the day one is fixed, its test
says so)."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

NOT_ASKED = [
    # the refund itself done, or asked before
    "Please refund me, it was already refunded.",
    "Please refund me, I have already asked twice.",
    # a month refunded as a question or a fact
    "I'd like to know whether March was refunded.",
    "We had March refunded last year, can you check?",
    # still questions of policy
    "Do you refund annual plans?",
    "I know you can't usually do this, but can you refund annual plans after 30 days?",
    "If it's possible to get a refund for the annual plan, please let me know.",
    # a confirmation asked for, a condition in the negative, an illness
    "Please confirm my cancellation.",
    "Confirming my cancellation request from last week.",
    "My husband has cancer, please tell me my plan's price.",
    # an intent without its ask, or with a condition, a negation, another thing, someone else
    "来月解約するつもりです。手続きの方法を教えてください。",
    "I'm going to cancel next month, please send the invoice.",
    "もし値上げするなら解約するつもりです。手続きをお願いします。",
    "返金を受けたら解約するつもりです。手続きをお願いします。",
    "解約するつもりはありません。手続きをお願いします。",
    "We have decided not to cancel. Please process it.",
    "I plan to cancel the order. Please process it.",
    "My mother has decided to cancel her plan. Please process it.",
    "取引先の会社、ヤマザキ商事さんの分の契約を解約したいそうです。手続きお願いします",
    "かいやく しない で ください",
    # a change told as done
    "I went about changing the card myself last week, why was I charged twice?",
]

LINKS_UNDER_A_SUBJECT = [
    ("Re: Your card expired", "Can you send me a link?", set()),
    ("Re: Invoice 3318 is overdue", "Can you send me a link to update my card?", {"portal_link"}),
    ("Re: Invoice 3318 is overdue", "I paid it already, you sent me a link last week.", set()),
    ("Re: Invoice 3318 is overdue", "Don't send me a link, I'll pay by transfer.", set()),
    ("Re: Invoice 3318 is overdue", "If you send me a link I might pay it.", set()),
    # a payment done, not due: the link is the receipt's
    (
        "Re: お支払い完了のお知らせ",
        "領収書のリンクが切れてて開けません。もう一度送ってもらえますか。",
        set(),
    ),
]


@pytest.mark.parametrize(("subject", "text", "kinds"), LINKS_UNDER_A_SUBJECT)
def test_a_reply_subject_alone_makes_no_payment_link(
    subject: str, text: str, kinds: set[str]
) -> None:
    assert read_requests(text, subject=subject).kinds == kinds


@pytest.mark.parametrize("text", NOT_ASKED)
def test_their_near_misses_ask_nothing(text: str) -> None:
    assert read_requests(text).kinds == frozenset()


KNOWN_UNASKED = [
    # a condition in the negative, another way to pay, a change only considered, a former
    # partner's account: the check still finds a write (docs/evaluation.md, 2026-12-07 evening)
    "Don't renew without asking me first - what is the renewal date?",
    "Ich möchte per Rechnung zahlen statt mit Kreditkarte, geht das?",
    "支払い方法をカードから口座振替に変えることを検討しています。",
    "hola, mi ex tiene la cuenta a su nombre pero el cobro sale de MI tarjeta. cancelen eso ya",
]


@pytest.mark.xfail(reason="the check still finds a write here; its fix was not kept", strict=True)
@pytest.mark.parametrize("text", KNOWN_UNASKED)
def test_known_writes_nobody_asked_for(text: str) -> None:
    assert read_requests(text).kinds == frozenset()
