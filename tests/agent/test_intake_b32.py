"""What is asked now among everything else said (the request check on batch 32's `dev/` part):
an attempt to pay beside a question whether it went through, a payment or a link told as past,
topics routed to someone else, a reimbursement from a third party, an order or a leave request
cancelled, a cancellation taken back, the talk of a cancellation set aside, a month's fee
disputed, a description of an invoice; and the asks the same emails make: a new link after an
expired one, a cancellation handed over after a how-to, a yes to our offer in French and
Spanish."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests
from knowreply.agent.trace import AgentInput

ASKS = [
    # a new link after an expired one, the payment named beside it
    (
        "The link in this email says it has expired when I click on it. Can you send me a new "
        "one so I can pay?",
        {"payment_link"},
    ),
    ("The link you sent expired. Send a new one, I need to pay today.", {"payment_link"}),
    # an attempt to pay that asks for a link all the same
    (
        "I am trying to pay my invoice but the page fails. Did my payment go through? If not "
        "please send me a link.",
        {"payment_link"},
    ),
    ("I'm trying to pay the invoice and it keeps failing. Can you help?", {"payment_link"}),
    # a how-to question, then the write handed over
    (
        "Je cherche comment résilier mon abonnement dans l'application et je ne trouve rien. "
        "Pouvez-vous le faire pour moi ?",
        {"cancellation"},
    ),
    ("¿Cómo cancelo mi suscripción? ¿Pueden hacerlo por mí?", {"cancellation"}),
    ("Wie kann ich kündigen? Können Sie das für mich machen?", {"cancellation"}),
    # the plan bought, then "cancel it"; a plan's fee no longer wanted
    ("I bought your pro subscription and now I want to cancel it.", {"cancellation"}),
    ("来月から月額は不要です。", {"cancellation"}),
    # a billing detail to be put on the invoices
    ("請求書に登録番号を記載してください。", {"portal_link"}),
    ("Please process my reimbursement for the double charge.", {"refund"}),
]
NOT_ASKED = [
    # an attempt to pay, asked about
    "I am trying to pay with my card from Brazil, it say failed and I try 3 times. But my bank "
    "app show one pending. Please can you check if one of the payments passed?",
    "I'm trying to pay for my daughter's course. The page showed something went wrong. Please "
    "can you tell me if the payment was received or not?",
    # a payment wanted, tried or made before, a link sent before
    "Hier soir j'ai voulu payer la facture de juin. Est-ce que le paiement est arrivé ?",
    "El día 3 intenté pagar la factura del trimestre y la página me devolvió un error.",
    "We have made the payment of INR 14,160 against your invoice through the payment link on "
    "3rd April. Kindly confirm whether it has been received.",
    "Your colleague Mark sent us a new payment link last Thursday, and Fiona paid it that "
    "afternoon. Just want to confirm you've received it.",
    # topics sent elsewhere
    "For refunds or cancellations of holiday club places, please contact Jubilee Sports "
    "directly on 01924 771 045.",
    "Para reembolsos o cancelaciones, contacte a nuestro socio.",
    # a reimbursement from a third party, a product's button
    "I need the amounts I paid in 2023 for my health insurance reimbursement.",
    "When one of my customers asks for a refund, the refund button gives an error.",
    # an order cancelled, a leave request cancelled
    "I ordered a custom dog collar from a shop that uses your website (pawsandpearls.shop) and "
    "I want to cancel it because it's not shipped.",
    "従業員が誤って申請した有給休暇を、承認後に取り消し（キャンセル）したいのですが、方法はありますか。",
    # a cancellation taken back
    "Bitte nehmen Sie meine Kündigung zurück, wir möchten weitermachen wie bisher.",
    # the talk of it set aside, a time, what a past refund was for, whether it is done
    "メモにある解約の話は、まだ決めていないので無視してください。",
    "あと、その解約の前後で支払い額がどう変わったか見たいので、支払い履歴もお願いします。",
    "それが何に対する返金だったのかも教えてください。",
    "本当に解約になっているか（次回更新されない状態か）確認してもらえますか。",
    # a condition, a client's write, a month's fee disputed
    "調べた結果、誤って請求されたものであれば、その際は返金をお願いしたいと思います。",
    "顧問先に代わりまして、重複分の返金をお願いできますでしょうか。",
    # the writer changes it later, an invoice described
    "カード情報の登録変更は後日こちらで行います。",
    "2024年1月分の請求書（登録番号の記載があるもの）を再度お送りいただけますでしょうか。",
]
MONTHS_FEE = (
    "年払いに切り替えた以上、10月分の月額は不要なはずですので、"
    "この 11,000円 の決済を返金してください。"
)
OFFERS = [
    (
        "Sí, adelante, por favor.\n\n> Hola Begoña:\n> Podemos cancelar tu suscripción para que "
        "no se renueve al final del periodo actual (29 de junio). Seguirás teniendo acceso hasta "
        "esa fecha.\n> ¿Quieres que lo hagamos?",
        ("cancellation",),
    ),
    (
        "Oui, c'est d'accord, merci.\n\n> Bonjour Monsieur Hubert,\n> Souhaitez-vous que nous "
        "résiliions votre abonnement à la fin de la période en cours, soit le 30 septembre ?",
        ("cancellation",),
    ),
    (
        "Oui, les deux s'il vous plaît.\n\n> Je peux annuler votre abonnement à la fin de la "
        "période en cours et vous rembourser ce prélèvement de juin (29 €).\n> Souhaitez-vous "
        "que je fasse les deux ?",
        ("cancellation", "refund"),
    ),
]


@pytest.mark.parametrize(("text", "kinds"), ASKS)
def test_the_ask_is_read(text: str, kinds: set[str]) -> None:
    assert read_requests(text).kinds == kinds


@pytest.mark.parametrize("text", NOT_ASKED)
def test_a_write_only_mentioned_is_not_read(text: str) -> None:
    assert read_requests(text).kinds == set()


def test_a_months_fee_disputed_asks_its_refund_not_a_cancellation() -> None:
    assert read_requests(MONTHS_FEE).kinds == {"refund"}


@pytest.mark.parametrize(("text", "kinds"), OFFERS)
def test_a_yes_to_our_offer_asks_what_it_offered(text: str, kinds: tuple[str, ...]) -> None:
    email = AgentInput.written(
        workspace_id=1, sender="c@example.com", text=text, verified=True, source="simulator"
    )
    asked = read_requests(email.text, subject=email.subject, thread=email.thread)
    assert asked.accepted_offer == kinds
