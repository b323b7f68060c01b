"""Hurried, garbled and learner writing (batch 31's `dev/` part): slips in the billing words a
write is asked with, shorthand, romaji and an input method's wrong kanji, a relative's account
named without the possessive, a condition in the negative, an ask taken back after it, a mailing
left and goods bought elsewhere."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests
from knowreply.agent.intake.requests import _mend_typos

ASKS = [
    ("Plz send paymnt lnk for the outstnding amt. Thnx", {"payment_link"}),
    ("hallo, bitte nochmal den Zahlungsilnk schicken, der alte ist abgelaufen", {"payment_link"}),
    ("Hallo, ich bitte um Rückenstattung der Zahlung vom Montag, ein Fehlkauf.", {"refund"}),
    ("ｶｲﾔｸ ｼﾀｲﾃﾞｽ ｵﾈｶﾞｲｼﾏｽ", {"cancellation"}),
    ("ｼﾊﾗｲﾘﾝｸ ｵｸｯﾃｸﾀﾞｻｲ", {"payment_link"}),
    ("お金を返してくれないなら訴えます。返金してください", {"refund"}),
    # romaji read in kana, then in kanji; English words in it stay
    ("card jouhou henkou shitai desu. link kudasai", {"portal_link"}),
    ("shiharai link okutte kudasai. konbini de harae nakatta", {"payment_link"}),
    (
        "saishin no seikyuusho wo okutte kudasai. soshite card wo kaetai, sono link mo kudasai.",
        {"portal_link"},
    ),
    ("shiharai houhou wo kaeru kanri gamen no URL oshiete kudasai.", {"portal_link"}),
    # an input method's wrong kanji, a learner's Chinese
    ("大会したいです。手続きおねがいします", {"cancellation"}),
    ("今のプランを改訳したいです次の行進はしないでください", {"cancellation"}),
    ("値上げ前の価格でって約束だったので、差額の500円返菌してください", {"refund"}),
    ("退款をお願いします。間違って年間プランを買いました。", {"refund"}),
    ("信用卡を変更したいです。どこで変えますか？", {"portal_link"}),
    # a tournament is not leaving
    ("大会に参加します。参加費の支払いリンクをください", {"payment_link"}),
    # taken back before a new ask, or a part of the ask dropped: the ask stands
    ("Ignore my last email. Please cancel my plan.", {"cancellation"}),
    ("Please cancel my plan. Never mind the refund, just cancel.", {"cancellation"}),
    ("Please send me a payment link, forget about the invoice.", {"payment_link"}),
    ("how can i cancel?? actually nvm just do it for me, i cant find the button", {"cancellation"}),
    # a condition on something else, then the ask
    (
        "コンビニ払いできないならカードで払うんで、払うページのリンク送ってください",
        {"payment_link"},
    ),
    # the plan named beside a mailing
    (
        "Unsubscribe me from the paid plan (not the newsletter - the actual billing).",
        {"cancellation"},
    ),
]
NOT_ASKED = [
    "Please cancel my mother subscription, she is in hospital and cannot use the tablet.",
    "pls refund my husband membership, he paid twice",
    "I need more printer ink, can you tell me when the invoice is due",
    # a condition in the negative
    "解約したら今までのデータって消えますか？消えないなら解約したいんですけど",
    "今週中にアプリなおらなかったら解約してください!!もう3回目です",
    # the ask taken back after it
    "please cancel my plan... actually wait, my business partner wants to keep it. ignore this",
    "返金してほしいと言ったのは私の勘違いでした。請求は正しかったです。あの依頼は取り消してください",
    "Please refund the last payment. Oh never mind, I found it was my bank.",
    "Remboursez-moi svp. Oubliez ça, c'était ma banque.",
    "Bitte Abo kündigen. Vergessen Sie das, mein Mann hat schon gekündigt.",
    # a mailing left, goods bought elsewhere
    "porfa denme de baja de la lista de correos de promociones, la cuenta la quiero seguir usando",
    "bitte keine newsletter mehr schicken, will das abbestellen. jeden tag 2 mails ist zu viel",
    "楽天で買ったヨガマットが不良品だったので返金してほしいんですけど、どこに連絡したらいい？",
    "amazon hat mir die rückerstattung für nen staubsauger verweigert könnt ihr da helfen?",
]


def test_a_slip_near_two_keywords_is_left_as_typed() -> None:
    """ "paiment" is one slip from "payment" and from "paiement": reading either would be a
    guess, and which one came first would change from run to run."""
    assert _mend_typos("lien de paiment stp") == "lien de paiment stp"
    assert _mend_typos("send the paymnt link") == "send the payment link"


@pytest.mark.parametrize(("text", "kinds"), ASKS)
def test_a_garbled_ask_is_read(text: str, kinds: set[str]) -> None:
    assert read_requests(text).kinds == kinds


@pytest.mark.parametrize("text", NOT_ASKED)
def test_a_garbled_near_miss_asks_for_nothing(text: str) -> None:
    assert read_requests(text).kinds == set()
