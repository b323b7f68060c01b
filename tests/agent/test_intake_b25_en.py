"""English wordings from corpus batch 25's review: regional and second-language English, voice
typing, and writes named but not asked for (a card to pay a link with, a go-ahead beside a
code, auto-replies that name refunds, someone else's business). Each ask comes with near misses
that must keep reading as they did."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

CASES = [
    # a card named only as the one a payment link will be paid with
    (
        "Got a new card today. Please send a link so I can pay this month's with it.",
        "",
        {"payment_link"},
    ),
    ("Send me a link to pay the invoice and I'll use a different card.", "", {"payment_link"}),
    (
        "My card has expired and the renewal failed. Send me a link so I can pay with my new one.",
        "",
        {"payment_link"},
    ),
    ("Can you send a fresh payment link so I can try another card?", "", {"payment_link"}),
    (
        "I'd like to pay the rest of the balance now, by card. How do I do that?",
        "",
        {"payment_link"},
    ),
    # near misses: a card to change is still asked beside the payment
    (
        "My card expired. Please send a link to pay the invoice and tell me how to update my card.",
        "",
        {"payment_link", "portal_link"},
    ),
    (
        "Can you send a payment link? I also need to update my credit card on file.",
        "",
        {"payment_link", "portal_link"},
    ),
    (
        "Send a link to pay what I missed, and the page where I can put the new card on file.",
        "",
        {"payment_link", "portal_link"},
    ),
    (
        "I have a new card. Where can I change it? Also send me a link to pay the overdue bill.",
        "",
        {"payment_link", "portal_link"},
    ),
    ("My card expired, the new one ends in 4471.", "", {"portal_link"}),
    ("My card expired. Can you send me a link to add the new card?", "", {"portal_link"}),
    ("There's a problem with my card. Where can I fix it?", "", {"portal_link"}),
    # a card removed as part of leaving, the writer's own next step
    (
        "Please close my account and delete my card details, we've moved to another system.",
        "",
        {"cancellation"},
    ),
    ("I'm not using it anymore. Remove my card and don't deduct again.", "", {"cancellation"}),
    (
        "You charged my own card. Please reverse it — I will add the work card after.",
        "",
        {"refund"},
    ),
    ("How do I remove my old card from the account?", "", {"portal_link"}),
    ("Please cancel my plan. Also, how do I remove my card?", "", {"cancellation", "portal_link"}),
    ("I'll need to update my card, can you send me the link?", "", {"portal_link"}),
    # the writer's own payroll, a link that lets one make sure
    ("The export button is greyed out and we need to pay salaries on the 25th.", "", set()),
    ("We need to pay our staff on Friday, how do I export the bank file?", "", set()),
    ("We need to pay the invoice, please send a link.", "", {"payment_link"}),
    (
        "Please refund it and send me the link to manage my cards so I can make sure it's gone.",
        "",
        {"refund", "portal_link"},
    ),
    ("Send me a link to make the payment.", "", {"payment_link"}),
    # refunds as a noun: auto-replies, footers, a desk to write to
    ("Thanks for your message. Refund queries take up to 3 business days to answer.", "", set()),
    ("I'm away until Monday. Refund requests will be handled when I'm back.", "", set()),
    ("For billing or refund questions, please have your invoice number ready.", "", set()),
    ("For invoices and refunds please contact our accounts team.", "", set()),
    (
        "Please send the invoice.\n\nRefund policy: members who leave early get a full refund.",
        "",
        set(),
    ),
    ("Please process my refund request.", "", {"refund"}),
    ("I have a question about my refund. Please refund the extra $20.", "", {"refund"}),
    ("Refund the duplicate charge please.", "", {"refund"}),
    # the employer pays back, someone will ask later, a code with a go-ahead
    (
        "Can I get a link to manage billing? I want to add my company name so work will reimburse.",
        "",
        {"portal_link"},
    ),
    (
        "Please send the May invoice, I need it for my employer's child care reimbursement.",
        "",
        set(),
    ),
    (
        "Please send my latest invoice, my employer wellness scheme reimburses part of it.",
        "",
        set(),
    ),
    ("Please refund me, my company will not pay for this.", "", {"refund"}),
    (
        "Our director will write to you separately to request the refund, please wait.",
        "",
        set(),
    ),
    ("I will write to you again next week. Please refund the overcharge now.", "", {"refund"}),
    ("Code: 448210. Please go ahead with the refund.", "", set()),
    ("Here is the code, 902 117. You can go ahead and cancel my plan as I asked.", "", set()),
    ("Please refund the duplicate charge. My order code is AB1234.", "", {"refund"}),
    ("Go ahead and cancel my plan please.", "", {"cancellation"}),
    # another business's account: its books kept, its IT looked after
    (
        "Please refund Harbour Bakery's last payment, they've closed up. I do their books.",
        "",
        set(),
    ),
    (
        "I'm the IT contractor who looks after Lee Dental. They want May refunded, please do it.",
        "",
        set(),
    ),
    ("I do my own books. Please refund the duplicate payment.", "", {"refund"}),
    ("I'm the IT contractor for our office. Please cancel the spare seat.", "", {"cancellation"}),
    # regional words: Australian, New Zealand, Caribbean, British formal
    (
        "Mate, you've charged me twice this month. Chuck one of 'em back on the card will ya.",
        "",
        {"refund"},
    ),
    ("Bung the extra $20 back on my card please.", "", {"refund"}),
    ("Can you stick the cables back in the post?", "", set()),
    ("Time to pull the pin on the rostering sub, we've sold the farm.", "", {"cancellation"}),
    ("Time to cancel my plan, thanks for everything.", "", {"cancellation"}),
    ("Is it time to cancel my plan?", "", set()),
    ("It's time to renew my plan, please send the invoice.", "", set()),
    ("Time to pull the pin on our Friday meetup, nobody comes anymore.", "", set()),
    ("Doh renew it again please. I finish with it.", "no more", {"cancellation"}),
    ("Doh! I forgot to renew my plan. Can you send me a link to pay?", "", {"payment_link"}),
    ("Please don't auto renew my plan.", "", {"cancellation"}),
    ("Please stop debiting me, I have moved on.", "", {"cancellation"}),
    ("My son has finished school. Please stop the monthly.", "", {"cancellation"}),
    ("Please stop the monthly emails.", "", set()),
    ("Can you stop the monthly reminder?", "", set()),
    ("I should be grateful if the £20 overcharged could be returned to me.", "", {"refund"}),
    ("We should be grateful if you could confirm whether the refund was sent.", "", set()),
    # voice typing splits a write's word in two
    ("please ree fund the charge from this morning I pressed it by mistake", "", {"refund"}),
    ("Please re fund me.", "", {"refund"}),
    ("I want to can sell my sub scription please I don't use it", "", {"cancellation"}),
    ("how do I up date my credit card on the account", "", {"portal_link"}),
    ("Re fund raising: when is the next payment due?", "", set()),
    ("We can sell more seats if you give us a discount.", "", set()),
]


@pytest.mark.parametrize(("text", "subject", "kinds"), CASES)
def test_batch_25_english_wordings(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds
