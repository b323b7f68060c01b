"""Batch 29 (the everyday, asked the ways real people ask): writes asked without the keyword (a
learner's "return it", money "put back", months "back", "no more auto renew", Japanese お戻し, 精算
and 払えるもの, romaji, German "was zum Bezahlen" and "auslaufen lassen"), the way to change a
billing detail oneself asked in other words; and the reads beside them that name a write without
asking it: an appointment cancelled, a request taken back, a refund not asked for, a fee named by
the word, a state or a decision still to come, someone else's account in other shapes. Each near
miss comes with the ask it must stay apart from."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

NOTHING_ASKED = [
    # an appointment or an event cancelled, not the plan
    "I have to cancel my dental cleaning appointment on Friday. Can we move it to Monday?",
    "Please cancel tomorrow's onboarding call, we'll rebook next week.",
    # a request taken back, a payment helped with or entered somewhere
    "Please ignore my request for a payment link, our bookkeeper already paid by transfer.",
    "My daughter helped me pay my bill online on Monday. Did it arrive?",
    "We mistyped the amount when entering it on the payment link. What did we end up paying?",
    "Is anything still open on our account? We'd like to settle it by transfer this week.",
    # a refund nobody asked for, one done whose amount is named first
    "A refund of $12 showed up on my card that I never asked for. What is it?",
    "Your colleague wrote that the refund of 40 euros is done. It is not on my card yet.",
    # Japanese: a fee named by the word, a state, a relation, a decision or contact to come
    "昨日、管理画面からカードで更新料を払いました。ちゃんと通っていますか。",
    "先月お約束いただいた返金の進み具合を教えてください。",
    "アプリから解約しました。そちらでも解約扱いになっているか確認したいです。",
    "今月の2,200円の請求は、先月の返金に関係するものですか。",
    "解約については社内の判断が必要なため、上長から改めてご連絡いたします。",
    "解約のタイミングを決めたいので、今の契約がいつまでか教えてください。",
    "年末に閉店予定なので、その時に解約の連絡をしようと思っています。契約期間を教えてください。",
    "返金を求めたいわけでもないのですが、今月の請求が二つある理由を教えてください。",
    "解約は、先週主人が電話で手続きしてくれたはずですが、できていますか。",
    "返金後の請求書を送っていただけますか。",
    "先月分返金について。アカウント：mori-design（利用なし）の件で、先月の請求額を教えてください。",
    # someone else's account, in shapes the check did not know
    "私が経理を見ているお客様（カフェ・ルポさん）の契約、解約してもらえますか？",
    "以前共同経営していた相手が契約したアカウントが残っています。返金と解約をお願いします。",
    "辞めたスタッフのアカウントの今月分を返金してあげてもらえますか。",
    "Unser früherer Mitarbeiter hat über seine private Mail ein Konto angelegt. Bitte kündigen "
    "Sie das Konto.",
    "One of our former employees bought the plan in his own name for the office. Please cancel it.",
    # shouted, so the name has no capital to be told by
    "PLEASE REFUND JONAS WEBER'S LAST PAYMENT.",
    "please cancel maria lopez's subscription, she moved away.",
    # a change already made given as a reason; paying some way from now on
    "今後は法人カードで支払いたいと考えております。",
]

ASKS = [
    # a learner's "return", money put back, months and parts back
    ("I was charged two times in May. I want that you return the second one.", {"refund"}),
    ("You charged me after I cancelled. Kindly return it.", {"refund"}),
    ("The $29 charge was a mistake. Could you put that back on the card?", {"refund"}),
    ("Would you mind putting back the payment you took on Monday?", {"refund"}),
    ("We paid Jan to Mar upfront and stopped in January. Can we get Feb and Mar back?", {"refund"}),
    ("PLEASE REFUND LAST MONTH'S PAYMENT, WE NEVER USED IT.", {"refund"}),
    # a plan stopped in other words
    ("Kindly stop my subscription already.", {"cancellation"}),
    ("pls no more auto renew for my account.", {"cancellation"}),
    ("Kindly ensure that no further deduction is made from my card.", {"cancellation"}),
    ("Please cancel my monthly payment.", {"cancellation"}),
    # a payment link asked beside an indirect question, or in shorthand
    (
        "Please send me a payment link, and tell me whether the price is still 79 euros.",
        {"payment_link"},
    ),
    ("cn u send the pay link again, the last one expired", {"payment_link"}),
    # the way to change a billing detail oneself
    ("My wife's card is the one we use now. How do I swap hers in on my account?", {"portal_link"}),
    (
        "Our company name changed. I'd like to change it on the future invoices myself, please "
        "send me the access for this.",
        {"portal_link"},
    ),
    (
        "We would like to pay by SEPA direct debit instead of credit card from next month on. "
        "Where can we enter the IBAN?",
        {"portal_link"},
    ),
    ("My card expires in August and I must change it. I don't know where to go.", {"portal_link"}),
    # Japanese
    ("同じ請求書を二回払ってしまいました。片方はお戻しいただけますか。", {"refund"}),
    ("にかい ひかれてるので いっかいぶん もどしてほしいです", {"refund"}),
    ("昨日の決済、取り消してください。", {"refund"}),
    ("過払いとなっている3ユーザー分をご精算いただけますと幸いです。", {"refund"}),
    ("カードで払えるものを送ってください。", {"payment_link"}),
    ("しはらいりんく おくってください", {"payment_link"}),
    ("もう使わないので止めてください。", {"cancellation"}),
    ("次の支払いからは止めていただけますか。", {"cancellation"}),
    ("今月いっぱいで使うのをやめます。", {"cancellation"}),
    ("kaiyaku shitai desu. raigetsu kara wa iranai desu.", {"cancellation"}),
    (
        "請求書の宛名を新社名に変えたいです。こちらで直せる画面を教えていただけますか。",
        {"portal_link"},
    ),
    (
        "登録してるメアドとbilling addressを変えたいです。セルフで変えられるページありますか？",
        {"portal_link"},
    ),
    # German
    (
        "Könnten Sie mir etwas schicken, womit ich die offene Rechnung per Karte begleichen kann?",
        {"payment_link"},
    ),
    ("Schickt mir bitte was zum Bezahlen mit Karte.", {"payment_link"}),
    (
        "Wäre es möglich, dass Sie unser Abo zum Ende der Laufzeit auslaufen lassen?",
        {"cancellation"},
    ),
    ("Die zehn Tage, die ich nicht mehr drin war, hätte ich gern anteilig zurück.", {"refund"}),
    (
        "Bitte können Sie mir zurückgeben das Geld für die Monate, die ich nicht mehr benutze?",
        {"refund"},
    ),
]

NEAR_MISSES_THAT_STILL_ASK = [
    ("Please cancel my Pro plan and refund the last payment.", {"cancellation", "refund"}),
    ("Please refund me, as your rep promised.", {"refund"}),
    ("返金をお願いします。", {"refund"}),
    ("解約後の返金をお願いします。", {"refund"}),
    ("支払いリンクを送ってください。", {"payment_link"}),
]

STILL_NOTHING = [
    "設定を元に戻してください。",
    "プランを前のものに戻してください。",
    "No more payments were taken after that, right?",
    "The headphones broke. Can I return them to the store?",
    "ラクミツで作る請求書にロゴを入れたいのですが、どこから設定できますか。",
]


@pytest.mark.parametrize("text", NOTHING_ASKED + STILL_NOTHING)
def test_batch_29_a_write_named_but_not_asked_asks_nothing(text: str) -> None:
    assert read_requests(text).kinds == frozenset()


@pytest.mark.parametrize(("text", "kinds"), ASKS + NEAR_MISSES_THAT_STILL_ASK)
def test_batch_29_writes_asked_in_everyday_words(text: str, kinds: set[str]) -> None:
    assert read_requests(text).kinds == kinds


@pytest.mark.parametrize(
    ("subject", "text", "kinds"),
    [
        ("refund i didnt ask for", "Got $15 back on my statement. What is it?", set()),
        ("Kündigung für Kollegin", "Sie will kündigen, kommt aber nicht mehr in ihr Konto.", set()),
        ("Link zur Zahlung der offenen Rechnung bitte", "Danke!", {"payment_link"}),
        ("pls send payment link, my card expired", "Thanks.", {"payment_link"}),
        ("Refund", "Please refund my last payment.", {"refund"}),
        ("Frage zur Erstattung", "Wie lange dauert das?", set()),
    ],
)
def test_batch_29_subjects(subject: str, text: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds
