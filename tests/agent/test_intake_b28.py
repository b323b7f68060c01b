"""Batch 28 (the write boundary as hostile, pushy and careless customers write it): writes a
signature or footer names, a retracted email, a colleague addressed by handle, a client's
account, money someone else pays back, sarcasm and odds in Japanese; and the asks they write
under pressure: Spanish commands with their pronoun, German "muss zurück", Japanese typed in
hiragana, "解約よろ", places to download invoices oneself, and new ways to say yes to an offer.
Each near miss comes with the ask it must stay apart from."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests
from knowreply.agent.trace import AgentInput

NOTHING_ASKED = [
    # a signature's or footer's writes, under the customer's closing and name
    "Could you resend invoice 4471? It never reached us.\n\nKind regards,\nMaeve Tierney\n"
    "Tierney Surveys Ltd\n\nWe never accept requests to refund or cancel a payment by phone.",
    "Did this month's payment go through?\n\nThanks,\nOwen Pratt\nFront desk\n\n"
    "To cancel or move a booking please call 0161 555 0192.",
    "Bitte senden Sie uns die Rechnung für Oktober.\n\nMit freundlichen Grüßen\nJana Roth\n"
    "Buchhaltung\n\nStornierungen richten Sie bitte ausschließlich an storno@roth.example.",
    "10月分の請求書を再送いただけますか。\n\nよろしくお願いいたします。\n\n高木 亮\n"
    "会員の解約をご希望の方は、マイページよりお手続きください。",
    # an earlier email taken back
    "Please disregard my email from yesterday about cancelling - we're staying. When does it "
    "renew?",
    "Bitte ignorieren Sie meine Mail von gestern wegen der Kündigung. Wann verlängert sich "
    "das Abo?",
    "Ich hatte eine Erstattung beantragt. Die möchte ich zurückziehen, alles gut.",
    # a colleague addressed by handle, a client's account, a tenant's
    "@Priya: can you cancel the old Dropzone seat when you get a minute? Thanks",
    "Bitte kündigen Sie für unseren Mandanten das Abo zum Monatsende.",
    "Ma locataire loue une place chez vous. Pouvez-vous résilier sa place ?",
    # money someone else pays back
    "Can I get the March invoice? I need to pass it to my landlord for reimbursement.",
    "La facture de mai svp, c'est pour le boulot (ils remboursent les formations).",
    # Japanese: odds, a wish only voiced, sarcasm, undecided, a condition
    "返金してもらえる可能性ってあるんでしょうか。今月の領収書もください。",
    "全部返してほしいと言いたいくらいですが、まずは今年の支払い合計を教えてください。",
    "三回問い合わせて三回とも定型文。これもう解約しろってことですかね？",
    "返金をお願いするかどうかは、内容を聞いてから決めます。何の請求ですか？",
    "子どもが勝手に買ったのなら返金してほしいのですが、まだ本人に確認中です。",
    # left from batch 27: a conditional Japanese deal, a brother's refund, a cancellation to come
    "返金してもらえるなら解約します。無理ならこのまま続けます。",
    "Ich mache die Buchhaltung meines Bruders. Auf seinem Konto wurde doppelt abgebucht. "
    "Bitte erstatten Sie ihm den Betrag.",
    "Bevor ich mich nächsten Monat um die Kündigung kümmere: was habe ich insgesamt bezahlt?",
    "Before I cancel, can you tell me what I paid this year?",
]

ASKS = [
    (
        "Please refund the duplicate.\n\nKind regards,\nMaeve Tierney\n\nP.S. Please cancel the "
        "old plan too.",
        {"refund", "cancellation"},
    ),
    ("Cancel my plan please.\n\nThanks,\nOwen", {"cancellation"}),
    ("Bitte erstatten Sie mir die doppelte Abbuchung, mein Bruder hat es bemerkt.", {"refund"}),
    ("Please cancel before the renewal date.", {"cancellation"}),
    ("返金してください。解約もお願いします。", {"refund", "cancellation"}),
    ("Please cancel the plan for our client, Harbour Dental.", set()),
    ("Please refund my last payment, it was for our client dinner booking.", {"refund"}),
    ("@support please cancel my plan", {"cancellation"}),
    ("Remboursez-moi svp, ils m'ont prélevé deux fois.", {"refund"}),
    ("I never used it and I want that money back in my account.", {"refund"}),
    ("¿Sabéis qué? Dadme de baja, ya.", {"cancellation"}),
    ("cortenme la suscripcion que no la uso", {"cancellation"}),
    ("YA NO QUIERO LA MEMBRESIA. NO ME VUELVAN A COBRAR.", {"cancellation"}),
    ("Die 20 € will ich komplett zurück.", {"refund"}),
    ("Der doppelte Betrag muss zurück auf meine Karte.", {"refund"}),
    ("もうつかってないのでらいげつからせいきゅうしないで", {"cancellation"}),
    ("まちがえて2かいかったので1つぶんへんきんしてください", {"refund"}),
    ("これもう使わないからやめる！解約よろ", {"cancellation"}),
    ("解約ってどうやるんですか？今月で終わりにしたいです。", {"cancellation"}),
    ("Is there somewhere I can log in and download all our invoices myself?", {"portal_link"}),
    ("Y a-t-il un espace où je peux télécharger mes factures moi-même ?", {"portal_link"}),
    ("wo kann ich lastschrift statt kreditkarte einstellen?", {"portal_link"}),
]
STILL_NOTHING = [
    "No me vuelvan a mandar publicidad, por favor.",
    "Ich will nicht zurück zum alten Tarif, wann verlängert sich der neue?",
    "Ich habe die Rechnung irgendwo selbst abgelegt und finde sie nicht. Schicken Sie sie nochmal?",
    "へんきんされましたか？",
    "I can't get back in my account, can you help?",
]


@pytest.mark.parametrize("text", NOTHING_ASKED + STILL_NOTHING)
def test_batch_28_a_write_named_but_not_asked_asks_nothing(text: str) -> None:
    assert read_requests(text).kinds == frozenset()


@pytest.mark.parametrize(("text", "kinds"), ASKS)
def test_batch_28_the_asks_beside_them_still_ask(text: str, kinds: set[str]) -> None:
    assert read_requests(text).kinds == kinds


REFUND_OFFER = (
    "\n\nOn Mon, 3 Nov 2026 at 10:00, Support <help@shop.example> wrote:\n"
    "> I'm sorry the session was cancelled. I can refund the £12 for it.\n> Shall I go ahead?\n"
)
BOTH_OFFER = (
    "\n\nOn Mon, 3 Nov 2026 at 10:00, Support <help@shop.example> wrote:\n"
    "> I can stop the plan renewing and refund this month's $19. Would you like both?\n"
)
JA_BOTH_OFFER = (
    "\n\n2026年11月3日(月) 10:00 サポート <help@shop.example>:\n"
    "> ご希望でしたら、今月分のご返金と、次回更新の停止をあわせて承ることができます。\n"
)
ES_OFFER = (
    "\n\nEl lun, 3 nov 2026, 10:00, Soporte <help@shop.example> escribió:\n"
    "> Podemos reembolsarle los 20 € de esa sesión. ¿Está de acuerdo?\n"
)
FR_OFFER = (
    "\n\nLe 3 nov. 2026 à 10:00, Support <help@shop.example> a écrit :\n"
    "> Nous pouvons vous rembourser les deux séances (30 €), si vous le souhaitez.\n"
)


@pytest.mark.parametrize(
    ("answer", "thread", "kinds"),
    [
        ("That'd be lovely, thank you!", REFUND_OFFER, {"refund"}),
        ("Go on then.", REFUND_OFFER, {"refund"}),
        ("Yes to both please.", BOTH_OFFER, {"refund", "cancellation"}),
        ("両方でお願いします。", JA_BOTH_OFFER, {"refund", "cancellation"}),
        ("Ándale, está bien. Gracias.", ES_OFFER, {"refund"}),
        ("Procedan.", ES_OFFER, {"refund"}),
        ("Oui merci, ça m'arrange.", FR_OFFER, {"refund"}),
        ("No, thanks.", REFUND_OFFER, set()),
        ("That'd be great but first tell me when it renews?", BOTH_OFFER, set()),
    ],
)
def test_batch_28_new_ways_to_say_yes_to_an_offer(
    answer: str, thread: str, kinds: set[str]
) -> None:
    email = AgentInput.written(workspace_id=1, sender="a@example.com", text=answer + thread)

    assert read_requests(email.text, thread=email.thread).kinds == kinds
