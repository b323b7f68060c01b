"""Money back and stopping the plan (the request check on batch 33's `dev/` part): a payment
cancelled is a refund, not the plan stopped; and the writes only named beside the ask: one
the writer forgot to make, wants to talk about or plans as the reason for a question, money
back from another business, a bank or for the writer's own customer, refunds on record or
promised, a renewal already switched off, a Japanese write asked about or on a condition,
someone else's account, a new card still on its way, an email sent to us by mistake; and a
Japanese yes to both writes we offered ("では、両方お願いします")."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests
from knowreply.agent.trace import AgentInput

ASKS = [
    # a payment cancelled, named by its day, amount or fault: the money back
    ("Can you cancel yesterday's payment? It went through twice.", {"refund"}),
    ("Please cancel the charge of $12.50 from this morning, I tapped it by accident.", {"refund"}),
    ("Please undo today's payment, it was taken twice.", {"refund"}),
    ("Pls reverse the 24.99, my son bought it on my tablet", {"refund"}),
    ("Please put the $300 back on our card, we were charged the wrong plan.", {"refund"}),
    ("先週の決済(4,400円)を取り消してください。二重に引き落とされています。", {"refund"}),
    ("昨日の 2,200円 の請求、キャンセルしてください。", {"refund"}),
    ("最初の決済は通っていたので、2回目の決済はキャンセル処理をお願いします。", {"refund"}),
    # the renewal alone stopped, a fee's condition said beside the asks
    ("返金は不要です。次回の更新だけ止めておいてください。", {"cancellation"}),
    (
        "Please refund the remaining 3 months, less any admin fee if there is one, and cancel "
        "so it does not renew.",
        {"cancellation", "refund"},
    ),
    # the plan itself stopped, beside a refund asked for
    (
        "I forgot to cancel before the renewal. Please cancel my plan now and refund the renewal.",
        {"cancellation", "refund"},
    ),
    # still asked after a call
    ("As discussed on the phone, please refund the extra seat.", {"refund"}),
    ("As discussed, please don't renew our plan.", {"cancellation"}),
    # the refund of the tickets we sold stays a refund
    ("I want a full refund for the tickets, they never arrived.", {"refund"}),
    # a page to download invoices is still asked for in Japanese
    ("毎月の領収書を自分でダウンロードできるページはありますか?", {"portal_link"}),
]
NOT_ASKED = [
    # forgot, talked about, planned as a reason
    "I forgot to cancel the trial. What did the charge on the 4th cover exactly?",
    "Ich habe vergessen, rechtzeitig zu kündigen. Wann verlängert sich das Abo jetzt?",
    "I'd like to talk to someone about cancelling and the refund situation. Please call me.",
    "来月で解約しようと思っているので、次の更新日がいつか教えてください。",
    # another business's refund, a bank's, the writer's own customer's
    "Hello I need a refund for my cancelled flight to Lisbon, the airline told me to ask.",
    "Before I ask my bank to refund this, can you tell me what the £9 charge is?",
    "How do we issue a refund to one of our customers from the dashboard?",
    # refunds on record, listed or promised
    "There were two refunds after the seat changes; I need the net total we paid this year.",
    "Necesito un listado de todos los cargos y de las devoluciones de este año.",
    "今年の支払いと返金の一覧をいただけますか。",
    "先日返金していただけるとのことだったので、明細に載っているか確認したいです。",
    "解約と同時に、残り期間分を返金していただけるとお約束いただきました。まだ届いていません。",
    # a renewal already switched off, a write asked about or only on a condition
    "プランは今の期間で終わりにして、更新はしない設定にしてあります。",
    "ちゃんと解約できているのか不安なので、現在の契約状況を教えてください。",
    "途中で解約すると返金はあるのか教えてください。",
    "返金になるのか、次回の請求に充当されるのか、教えてください。",
    "もう少し安くしてもらえないのであれば、解約しようと思っています。",
    "今月中に改善されなければ、今月分については返金をお願いしたいと考えております。",
    "返金のお願いをするかどうかは、その結果を見て判断します。",
    # someone else's account, in Japanese
    "妻は手続きが苦手なので、私の方から妻のサロンの解約をお願いしたいのですが。",
    "弊社は代理店として取引先様のアカウントをお預かりしています。同社アカウントの解約をお願いいたします。",
    # a card on its way, a switch planned, a booking, a profile
    "Our card was cancelled by the bank. New card arrives next week and I'll put it in then.",
    "来月から別のカードに切り替える予定なので、その前に最新の請求書を確認させてください。",
    "Please cancel my place at the user conference in Bristol, I can't make it.",
    "Please cancel the recurring Monday appointment for my client, he moved away.",
    "Please cancel the duplicate client profile for Mr Hughes.",
    # a request taken back, a question for later
    "I asked for a refund of the March payment yesterday. Please don't process it after all.",
    "Can I get a refund as account credit rather than to the card? Thinking about it for next "
    "time.",
    # sent to us by mistake
    "Please refund the two torn banners.\n\nKerry\nSummit Festival\n\n(Sorry, this went to the "
    "wrong supplier. Please disregard!)",
]
SUBJECTS_NOT_ASKED = [
    ("Refund smaller than expected", "Only R 850 of the R 1 200 came back. Why is it smaller?"),
    ("VAT on refunds", "Do refunds include the VAT? Want to know before I ask for one."),
    ("解約予約の確認", "解約予約が入っているか確認させてください。"),
    ("refund for cancelled order", "Your chat said the money would come back. Where is it?"),
    ("Refunding one of our customers", "I can't find the option in the dashboard."),
]


@pytest.mark.parametrize(("text", "kinds"), ASKS)
def test_the_ask_is_read(text: str, kinds: set[str]) -> None:
    assert read_requests(text).kinds == kinds


@pytest.mark.parametrize("text", NOT_ASKED)
def test_a_write_only_named_is_not_read(text: str) -> None:
    assert read_requests(text).kinds == set()


@pytest.mark.parametrize(("subject", "text"), SUBJECTS_NOT_ASKED)
def test_a_subject_naming_a_write_the_body_asks_about_asks_nothing(subject: str, text: str) -> None:
    assert read_requests(text, subject=subject).kinds == set()


def test_a_yes_to_both_writes_we_offered_in_japanese_asks_for_both() -> None:
    email = AgentInput.written(
        workspace_id=1,
        sender="c@example.com",
        subject="Re: ご請求について",
        text=(
            "では、両方お願いします。\n\n> 山田様\n>\n> ご希望でしたら、本日付けでの解約と、"
            "今月分1,480円の全額返金をあわせて承ります。\n> ご返信ください。\n"
        ),
        verified=True,
        source="simulator",
    )
    asked = read_requests(email.text, subject=email.subject, thread=email.thread)
    assert asked.accepted_offer == ("cancellation", "refund")
