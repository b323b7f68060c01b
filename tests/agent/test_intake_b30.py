"""Batch 30 (the edge of the writes): emails that name a refund, a cancellation or a link as
closely as an ask does, but ask none of them now: a refund that has landed, a cancellation
asked to be confirmed or taken back, a question about a link, an email that says it only
enquires, a condition put first, goods returned to a shop or money spent in a game, a
seminar or a pickup cancelled, a client's, a tenant's or a member of staff's contract, a
footer under a line drawn across. Each near miss comes with the ask it must stay apart from."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

NOTHING_ASKED = [
    # done, confirmed or taken back
    "Refund arrived yesterday, cheers for the quick turnaround!",
    "先週マイページから解約の手続きをしました。解約が正しく受け付けられているか確認をお願いします。",
    "先日お送りした返金のお願いですが、取り下げさせてください。",
    "妻から解約の電話があっても、手続きはしないでいただけますか。",
    # a question about a link, an email that only enquires
    "支払いリンクって、スマホからでも使えるんですか?",
    "Could you send a payment link that splits the annual fee in three? Just curious for now.",
    "Est-ce qu'un lien de paiement peut être envoyé à notre comptable ? Je me renseigne.",
    "Merci pour le lien de paiement, mon associé a tout réglé hier.",
    # a condition put first, a thing considered, a question about refunds
    "Should the board cut our budget, we would have to cancel the plan in spring.",
    "来期の予算次第ですが、解約を検討しております。契約期間を教えてください。",
    "キャンセル料の返金について聞きたいんですが、どこに問い合わせればいいですか?",
    "解約の受付って、いつから可能ですか?",
    # goods, a game, an event, a pickup
    "The lamp arrived broken. Can I get a refund or exchange it for a new one?",
    "注文した靴のサイズが合わなかったので、返品してお金を返してほしいです。",
    "pls refund the coins i spent in the game, wrong purchase",
    "来週のセミナーですが、都合が悪くなったので参加をキャンセルさせてください。",
    # someone else's account
    "Our old bookkeeper Jim paid his own seat on his card. Please refund his last month.",
    "テナントのカフェさんが御社のサービスを契約されています。退去されたので解約してもらえますか。",
    "うちのスタッフが個人で契約しているそうなので、私から本人の契約を解約できますか。",
    "L'un d'eux, le garage Morel, ne veut plus de l'outil, vous pouvez arrêter son abonnement ?",
    # a footer under a drawn line, a card not to change, a half-meant wish
    "今月の支払いが完了しているか教えてください。\n\n━━━━━━━━━━\n株式会社サンプル\n"
    "TEL 03-0000-0000\nご契約の解約は担当営業までお申し付けください。\n━━━━━━━━━━",
    "カードは変えなくて大丈夫です。先月の引き落とし日を教えてください。",
    "正直全額返してほしいくらいですが、それはいいです。次の更新日はいつですか。",
    "My subscription should be finished by now, right?",
    "Is there any chance I could get a refund if I cancel now?",
    "今月の請求が来ないのですが、どうなっていますか。",
    "先月、支払いリンクを送っていただきました。そのリンクで払った分は届いていますか?",
]

STILL_ASKED = [
    ("Thanks for the link, but it has expired. Please send a new payment link.", {"payment_link"}),
    ("支払いリンクって、今日中に送ってもらえますか?", {"payment_link"}),
    ("Should you need anything from me, let me know. Please cancel my plan.", {"cancellation"}),
    ("返金をお願いします。先月分です。", {"refund"}),
    ("My refund for May arrived, thanks. Please refund June as well.", {"refund"}),
    ("Hi,\n==========\nPlease cancel my subscription.\nThanks", {"cancellation"}),
    # asked in other words: a thing to pay with, English words written into Japanese
    ("Just flick me something I can tap to pay from my phone.", {"payment_link"}),
    ("I wonder whether you could email me something to settle the balance with?", {"payment_link"}),
    ("Please send payment details I can put a card through.", {"payment_link"}),
    ("subscriptionをcancelしてください。next billingの前にお願いします。", {"cancellation"}),
    ("invoiceのpayment linkをもう一度ください。", {"payment_link"}),
    ("金返せ。一度も使ってない。", {"refund"}),
    ("Would you mind sending back yesterday's payment? Wrong plan.", {"refund"}),
    ("I was charged for a month I didn't want. I'd love that back, thanks.", {"refund"}),
    ("Any chance I could get back the $15 difference?", {"refund"}),
    ("ok stop my monthly thing, not using it", {"cancellation"}),
    ("Our membership should be finished from the 1st. Thanks.", {"cancellation"}),
    ("Please close down the booking plan.", {"cancellation"}),
    ("Send me the self-serve billing page, I need to swap cards.", {"portal_link"}),
    ("しはらいの りんく ください。きのう みはらいの めーるが きました。", {"payment_link"}),
    ("締め切りが明日なので、払う用のページをもう一度送っていただけますか。", {"payment_link"}),
    ("払うので、さっさとリンクを送ってください。", {"payment_link"}),
    ("もう使わないので、来月からの引き落としはもうしないでください。", {"cancellation"}),
    ("次の引き落としが来ないようにしておいてください。", {"cancellation"}),
]

YES_TO_OUR_OFFER = [
    (
        "Oui, allez-y.",
        "> Souhaitez-vous que je mette fin à votre abonnement, soit le 30 juin ?",
        {"cancellation"},
    ),
    (
        "Oui merci, je veux bien.",
        "> Souhaitez-vous que nous vous remboursions le 3 mai ?",
        {"refund"},
    ),
    (
        "Yes, that's what I'd like.",
        "> Would you like me to set your plan to end in May?",
        {"cancellation"},
    ),
    (
        "Yes to both, please.",
        "> I can refund this month's charge and also set the plan to end. Shall I do both?",
        {"refund", "cancellation"},
    ),
    (
        "それでお願いします。",
        "> 今月分をご返金のうえ、有料プランを停止することも可能ですが、いかがいたしましょうか。",
        {"refund", "cancellation"},
    ),
    ("Oui", "> Souhaitez-vous soit un remboursement, soit un avoir ?", set()),
]


@pytest.mark.parametrize("text", NOTHING_ASKED)
def test_batch_30_a_write_named_but_not_asked_asks_nothing(text: str) -> None:
    assert read_requests(text).kinds == frozenset()


@pytest.mark.parametrize(("text", "kinds"), STILL_ASKED)
def test_batch_30_the_asks_beside_them_still_ask(text: str, kinds: set[str]) -> None:
    assert read_requests(text).kinds == kinds


@pytest.mark.parametrize(("text", "thread", "kinds"), YES_TO_OUR_OFFER)
def test_batch_30_a_yes_to_our_offer_in_other_words(
    text: str, thread: str, kinds: set[str]
) -> None:
    assert read_requests(text, thread=thread).kinds == kinds
