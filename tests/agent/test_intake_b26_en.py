"""English wordings from corpus batch 26's review: writes named but not asked for now (a payment
someone tried, another company of the writer's group, a refund "when the time comes", a field of
a pasted record, another way to pay, a stop for a while), asks in other words (a delivery plan's
boxes, "also cancel", "do it for me" after a how-to question, a link described, who gets the
receipts), and short answers that take an offered option by its letter or by naming it. Each ask
comes with near misses that must keep reading as they did."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

CASES = [
    # a payment someone tried is a past attempt, not one to make
    (
        "Our office manager tried to pay the outstanding balance this afternoon using her "
        "card and the page showed an error. Was the payment declined?",
        "",
        set(),
    ),
    ("My accountant attempted to pay the invoice yesterday but it failed.", "", set()),
    (
        "Our office manager tried to pay and it failed. Please send a new payment link.",
        "",
        {"payment_link"},
    ),
    (
        "Our office manager wants to pay the outstanding balance, can you send a link?",
        "",
        {"payment_link"},
    ),
    # another company of the writer's group, a request made on their behalf
    (
        "Our subsidiary Lindqvist Retail was charged for an extra year by mistake. Please "
        "refund them - I'm authorised to request this on their behalf.",
        "",
        set(),
    ),
    ("Our sister company was billed twice. Please cancel their plan.", "", set()),
    (
        "I purchased the course on behalf of our company and our staff already completed it "
        "elsewhere. Please refund the full amount.",
        "",
        {"refund"},
    ),
    ("We are a subsidiary of Acme Group. Please refund the duplicate charge.", "", {"refund"}),
    ("My father can't use email, so I'm writing on his behalf: please cancel the plan.", "", set()),
    # a report that goes on with its own subject
    ("Then I got new card and put it.", "", set()),
    ("I received my new card and put it in the portal yesterday.", "", set()),
    ("I got a new card and please update it on my account.", "", {"portal_link"}),
    ("I got a new card. Where do I put it in?", "", {"portal_link"}),
    # a refund when the time comes
    (
        "i will need a refund later for the double charge but my card got stolen. can you "
        "refund to another card or paypal when time comes?",
        "",
        set(),
    ),
    ("Please refund the double charge to my PayPal, my card got stolen.", "", {"refund"}),
    # "get back on it" resumes; money got back is still a refund
    ("Can you send me a link to pay so I can get back on it today?", "", {"payment_link"}),
    ("You charged me twice, can I get that back?", "", {"refund"}),
    ("Can you give me back the $20 you charged twice?", "", {"refund"}),
    # a field of a pasted record
    (
        "Following up on a refund. Your confirmation email said:\nrefund id: "
        "re_3PcM1xLk9aX1yT0b2d8QwErT\namount: $64.00\nMy bank says there's no incoming "
        "credit. Can you check where it is?",
        "",
        set(),
    ),
    ("Refund the $64 please, I was charged twice.", "", {"refund"}),
    ("Refund amount: $64.00. Please refund it to my card.", "", {"refund"}),
    # another way to pay than a card link
    ("Is there any way to pay annually by invoice instead of card?", "", set()),
    ("Can we pay by direct debit from now on?", "", set()),
    ("Can you send me a link to pay the invoice by card?", "", {"payment_link"}),
    # without asking: someone else's act, not a negated ask
    (
        "hey so my little brother bought the premium skin pack on MY account without asking "
        "(£7.99) can i get that back pls??",
        "",
        {"refund"},
    ),
    ("You took £7.99 without asking. I don't want a refund, just tell me why.", "", set()),
    ("I didn't ask for a refund, just what this charge is.", "", set()),
    # a delivery plan stopped by its boxes; a stop for a while is a pause
    (
        "Anyway, please stop the boxes after this week's delivery. No more after that.",
        "",
        {"cancellation"},
    ),
    ("Please stop the seed deliveries and don't bill me again.", "", {"cancellation"}),
    ("Please stop the deliveries while I'm away in August.", "", set()),
    ("Can you stop my subscription for two weeks?", "", set()),
    ("Please stop my plan for a month, I'm travelling.", "", set()),
    (
        "Please cancel my plan, I've been away for two months and don't use it.",
        "",
        {"cancellation"},
    ),
    ("The boxes stopped arriving last week.", "", set()),
    # asks without the usual request word
    (
        "send me the billing page link, i want see all the invoices there.\n\nalso cancel "
        "after this month",
        "",
        {"portal_link", "cancellation"},
    ),
    ("I also cancelled my plan last week.", "", set()),
    ("Don't continue to paid, thanks.", "", {"cancellation"}),
    (
        "i just think its fair to get that april payment back since i physically could not come.",
        "",
        {"refund"},
    ),
    ("I don't think it's fair to get charged twice.", "", set()),
    ("Is it fair to get my money back after a month?", "", set()),
    ("I would like a full we fund please thank you", "", {"refund"}),
    ("We fund three schools in the area with your tool.", "", set()),
    ("Kindly reverse the full amount to my account.", "", {"refund"}),
    ("You reversed the full amount last week, thanks.", "", set()),
    (
        "So yes, long story short, I'd like the £45 for the March class pass back please.",
        "",
        {"refund"},
    ),
    ("I paid £45 for the March class pass back in January.", "", set()),
    # a link asked on what is not paid yet
    (
        "send me the latest invoice. if its not paid yet send a link too so i can pay it now",
        "",
        {"payment_link"},
    ),
    ("send me the latest invoice. if it's late, I'll pay by transfer", "", set()),
    # the portal in other words
    (
        "I move to new address, I need change the address in the bill. How I do it?",
        "",
        {"portal_link"},
    ),
    ("I changed the address in the bill last week, thanks.", "", set()),
    (
        "Receipts for our subscription are going to Mark, who's left. How do I change who "
        "gets them?",
        "",
        {"portal_link"},
    ),
    (
        "Can you send this month's invoice? Also where do I change who receives them, I'm "
        "going on maternity leave.",
        "",
        {"portal_link"},
    ),
    ("Who gets the receipts for our subscription?", "", set()),
    (
        "My billing address is wrong on every invoice. Fix it or show me where to fix it, I "
        "genuinely don't mind which.",
        "",
        {"portal_link"},
    ),
    ("My billing address is wrong on every invoice, I don't mind, it's only cosmetic.", "", set()),
    ("The billing page link you sent works, thanks.", "", set()),
    # a link to pay in other words
    (
        "I could not pay my subscription this year. Could you please send me something by "
        "the email that I can press to pay it.",
        "",
        {"payment_link"},
    ),
    ("I pressed something in the email to pay it and it failed.", "", set()),
    # a "Date:" among the customer's own fields is no mail header
    (
        "I was charged twice.\n\nOrder number: FL-22810\nDate: 11 May\nCharges: two "
        "identical £19.00 payments\n\nPlease refund one of the two charges.",
        "",
        {"refund"},
    ),
    (
        "See below.\n\nFrom: Billing <billing@example.com>\nDate: 11 May\nSubject: "
        "Charges\n\nPlease refund one of the two charges.",
        "",
        set(),
    ),
    # how to do it, then asked to do it
    (
        "Hi, how do I cancel? Actually - can you just do it for me, effective end of our "
        "current term?",
        "",
        {"cancellation"},
    ),
    (
        "how can i cancel?? actually nvm just do it for me, i cant find the button anywhere "
        "in the app",
        "",
        {"cancellation"},
    ),
    ("How do I cancel? If it's complicated, could you do it for me?", "", set()),
    ("How do I cancel? Please don't do it for me, I want to learn.", "", set()),
    ("How do I cancel my order? Can you just do it for me?", "", set()),
    ("Can you just do it for me?", "", set()),
    # an option taken by its letter, or named by its words
    (
        "Option B please.\n\n> Sorry about the two missed deliveries. We can either:\n> A) "
        "add a credit to next month's box, or\n> B) refund £9.50 to your card for the missed "
        "deliveries.",
        "Re: Missed deliveries",
        {"refund"},
    ),
    (
        "Option A please.\n\n> Sorry about the two missed deliveries. We can either:\n> A) "
        "add a credit to next month's box, or\n> B) refund £9.50 to your card for the missed "
        "deliveries.",
        "Re: Missed deliveries",
        set(),
    ),
    (
        "just the extra seat one pls\n\n> Hi Chloe, I can refund the £15 for the extra seat "
        "you added by mistake, or the whole £75 for this month. Which would you like?",
        "Re: Extra seat",
        {"refund"},
    ),
    (
        "the extra seat one, but not yet\n\n> Hi Chloe, I can refund the £15 for the extra "
        "seat you added by mistake, or a credit for this month. Which would you like?",
        "Re: Extra seat",
        set(),
    ),
    (
        "the credit one pls\n\n> Hi Chloe, I can refund the £15 for the extra seat you added "
        "by mistake, or add a credit for this month. Which would you like?",
        "Re: Extra seat",
        set(),
    ),
    (
        "yes the link, thanks\n\n> I can't change card details from here, but I can send you "
        "a link to your\n> billing portal where you can update it yourself. Want me to?",
        "Re: Updating my card",
        {"portal_link"},
    ),
    (
        "yes the invoice, thanks\n\n> I can't change card details from here, but I can send "
        "you a link to your\n> billing portal where you can update it yourself. Want me to?",
        "Re: Updating my card",
        set(),
    ),
    (
        "do it\n\n> Hi Callum, no problem. I can set your membership not to renew on\n> 1 "
        "July, and you'll keep access until then. Shall I go ahead?",
        "Re: Renewal",
        {"cancellation"},
    ),
    (
        "don't do it\n\n> Hi Callum, no problem. I can set your membership not to renew "
        "on\n> 1 July, and you'll keep access until then. Shall I go ahead?",
        "Re: Renewal",
        set(),
    ),
    (
        "Yes please, link is fine.\n\n> Hi, your invoice INV-4120 is now 14 days overdue. "
        "Would you like a\n> payment link, or would you prefer our bank details for a "
        "transfer?",
        "Re: INV-4120 overdue",
        {"payment_link"},
    ),
    (
        "Yes please, bank details are fine.\n\n> Hi, your invoice INV-4120 is now 14 days "
        "overdue. Would you like a\n> payment link, or would you prefer our bank details for "
        "a transfer?",
        "Re: INV-4120 overdue",
        set(),
    ),
    (
        "yep refund is fine\n\n> Hi Jonah, sorry about the mix-up. I can refund your last "
        "payment of\n> $19.00 in full, or move your booking to the next available slot.",
        "Re: Double booking",
        {"refund"},
    ),
    (
        "yep the next slot is fine\n\n> Hi Jonah, sorry about the mix-up. I can refund your "
        "last payment of\n> $19.00 in full, or move your booking to the next available slot.",
        "Re: Double booking",
        set(),
    ),
    (
        "Yes please\n\n> Hi Jonah, sorry about the mix-up. I can refund your last payment "
        "of\n> $19.00 in full, or move your booking to the next available slot.",
        "Re: Double booking",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "subject", "kinds"), CASES)
def test_batch_26_english_wordings(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds
