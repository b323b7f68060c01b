"""Writes asked plainly that the request check used to miss (the request check on batches
22 to 33 of `dev/`): a refund beside the payment made twice ("our plan was already paid"), an
amount or a month wanted refunded, a policy granted before the ask, "if that's possible"; the
portal as "self service billing link" or "how I go about changing the card"; a link asked for
bare under a subject that names a payment due ("Re: Invoice 3318 is overdue": "send me a link
that works then"). And the near misses of these and of cancellations: an intent without its
ask, a condition ("Don't renew without asking me first"), someone else's account ("mi ex tiene
la cuenta a su nombre"), paying "per Rechnung", a change only considered (検討しています)."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

ASKS = [
    # the payment made another way is why this one comes back, not a report of the refund
    ("Please refund the $99 charged on 2 August — our plan was already paid on the 1st.", "refund"),
    (
        "Please undo the payment you took today — we'd already paid that invoice by bank "
        "transfer on Monday.",
        "refund",
    ),
    ("Return my money, I already paid the bill myself.", "refund"),
    # an amount or a month wanted refunded; an amount is not a choice ("which is $300")
    ("We'd like March refunded, which is $90.", "refund"),
    ("We want $25 refunded for the skipped visit.", "refund"),
    ("Could you refund the 20%, which is $300, back to our card?", "refund"),
    ("I'd just like that $49 put back on the card if that's possible.", "refund"),
    # a rule granted before the ask
    (
        "I know annual plans aren't usually refundable but could you refund the three months "
        "we couldn't use, April to June?",
        "refund",
    ),
    # the portal asked for with a space, a roundabout "how", typed quickly
    ("can you send the self service billing link pls", "portal_link"),
    ("Could you let me know how I go about changing the card on our account?", "portal_link"),
    (
        "how do i update the billimg email?? invoices still going to my old work adress",
        "portal_link",
    ),
]
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
    "Don't renew without asking me first - what is the renewal date?",
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
    # another way to pay, a change only considered, a former partner's account
    "Ich möchte per Rechnung zahlen statt mit Kreditkarte, geht das?",
    "支払い方法をカードから口座振替に変えることを検討しています。",
    "hola, mi ex tiene la cuenta a su nombre pero el cobro sale de MI tarjeta. cancelen eso ya",
    # a change told as done
    "I went about changing the card myself last week, why was I charged twice?",
]

LINKS_UNDER_A_SUBJECT = [
    ("Re: Invoice unpaid - ByteSprouts", "Can you send a new link? The previous one says expired."),
    ("Re: Invoice 3318 is overdue", "send me a link that works then. the button goes to a 404"),
    ("Re: Payment link for invoice 3390", "This link's expired. Send me a fresh one."),
]
NO_LINK_UNDER_A_SUBJECT = [
    ("Re: Your card expired", "Can you send me a link?", frozenset()),
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


@pytest.mark.parametrize(("subject", "text"), LINKS_UNDER_A_SUBJECT)
def test_a_bare_link_under_a_subject_of_a_payment_due_is_a_payment_link(
    subject: str, text: str
) -> None:
    assert read_requests(text, subject=subject).kinds == {"payment_link"}


@pytest.mark.parametrize(("subject", "text", "kinds"), NO_LINK_UNDER_A_SUBJECT)
def test_no_payment_link_under_such_a_subject_otherwise(
    subject: str, text: str, kinds: set[str]
) -> None:
    assert read_requests(text, subject=subject).kinds == kinds


@pytest.mark.parametrize(("text", "kind"), ASKS)
def test_writes_asked_plainly_are_read(text: str, kind: str) -> None:
    assert read_requests(text).kinds == {kind}


@pytest.mark.parametrize("text", NOT_ASKED)
def test_their_near_misses_ask_nothing(text: str) -> None:
    assert read_requests(text).kinds == frozenset()
