"""Writes named but not asked now (the request check's unasked writes on `dev/` batches 29 to
31): an ask put off as it is made, a write ruled out at once, a question only enquiring, a
policy asked in Japanese, a change told as done, a booking or an inquiry cancelled, an
accountant writing for a client; and the asks beside them that still stand."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

ASKS = [
    # a deferral or a denial of something else leaves the ask
    ("Please send me a payment link, don't wait.", {"payment_link"}),
    ("Please cancel my plan. Refund? No, keep it.", {"cancellation"}),
    ("Please cancel or downgrade my plan.", {"cancellation"}),
    # a Japanese inquiry named, then the plan cancelled
    ("問い合わせしたのですが、プランをキャンセルしたいです。", {"cancellation"}),
    # a change wished for, not told as done
    ("カードを変えたいのでリンクをください。", {"portal_link"}),
    ("Ich möchte eine neue Karte eingeben, bitte schicken Sie mir einen Link.", {"portal_link"}),
    # Spanish "no" is no Portuguese, and "Nao" alone is a name
    ("Quiero cancelar mi plan, no lo uso.", {"cancellation"}),
    ("Hi, I'm Nao and I want to cancel my plan please.", {"cancellation"}),
]
NOT_ASKED = [
    # Portuguese among the English
    "Não quero cancelar, sorry, I don't want to cancel, I want to know until when my plan is valid",
    "nao quero cancelar, so quero saber ate quando vale o plano",
    # a write ruled out as soon as it is named
    "cancel? no. refund? no. i just want to know why im paying more than my colleague",
    "Cancel? No! I only want to know which plan I am on.",
    # only enquiring
    "would it be possible to refund the last payment? just asking whats possible, ill decide later",
    # put off as it is asked
    "i'll prob need a pay link next week when my client pays me, dont send it yet",
    "I'll need a payment link for invoice 4432. Don't send it yet, my boss has to approve.",
    # a policy in Japanese: within how many days
    "返金って何日以内なら受けつけてもらえるんですか？規約読んだけどよくわからなかった",
    # a change told as done
    "Hallo, meine Karte war abgelehnt gestern. Ich habe neue Karte eingegeben.",
    "昨日、登録カードを新しいものに変更し、画面上から再決済を行いました。",
    # an inquiry, a pickup, appointments cancelled
    "さっき送った問い合わせ、自己かいけつしたのでキャンセルでおねがいします。アプリのログインの件です",
    "明日の集荷依頼を出してしまったのですが、出荷が延期になったのでキャンセルしたいです。",
    "Is there a setting that lets them cancel or reschedule from the confirmation email?",
    # an accountant for a client
    "Bonjour, je tiens la compta de la boulangerie Dupont, vous les avez prélevés deux fois. "
    "Remboursez le doublon svp.",
]


@pytest.mark.parametrize(("text", "kinds"), ASKS)
def test_an_ask_beside_what_is_ruled_out_stands(text: str, kinds: set[str]) -> None:
    assert read_requests(text).kinds == kinds


@pytest.mark.parametrize("text", NOT_ASKED)
def test_a_write_named_but_not_asked_now_is_not_read(text: str) -> None:
    assert read_requests(text).kinds == set()


def test_a_subject_that_stops_the_refund_asks_for_none() -> None:
    """ "Rückerstattung stornieren": the refund asked yesterday is called off."""
    words = "hallo bitte meine anfrage von gestern stornieren, hat sich erledigt. danke, maren"
    assert read_requests(words, subject="Rückerstattung stornieren").kinds == set()


@pytest.mark.parametrize(
    ("subject", "words"),
    [
        (
            "devolucion",
            "hace 2 semanas me dijeron q me habian devuelto la plata pero todavia no me llega "
            "nada a la cuenta, donde esta eso?",
        ),
        ("Rückerstattung", "ihr habt mir am 5. eine Rückerstattung zugesagt. Wo ist das Geld??"),
    ],
)
def test_a_subject_naming_a_refund_gives_way_to_where_the_money_is(
    subject: str, words: str
) -> None:
    assert read_requests(words, subject=subject).kinds == set()


def test_a_refund_asked_beside_where_the_money_went_stands() -> None:
    words = "Rückerstattung bitte. Wo ist das Geld hin, ich habe doppelt bezahlt."
    assert read_requests(words, subject="Rückerstattung").kinds == {"refund"}


def test_several_appointments_cancelled_are_no_plan() -> None:
    assert read_requests("Merci", subject="Annuler plusieurs rendez-vous").kinds == set()
