"""Batch 27 (mail as it arrives): a "not" or "if" cut onto the line before its write, a
Japanese condition broken before its request, a company footer saying write instructions by
email are not accepted, a write only named beside a read ("the rules on refunds", "the total
less the refunded part", "to close the file"), and an offer we made only to look into a write.
Each near miss comes with the ask it must stay apart from."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests
from knowreply.agent.trace import AgentInput

NOTHING_ASKED = [
    # a "not" cut onto the line before, typed by hand
    "Hi, to be clear, I do not\nwant to cancel - when does my plan renew?",
    "This is not\na refund request, I only want to know what the $18 charge is.",
    "Hola. Antes de nada: no\nquiero cancelar el plan. Solo quiero saber cuándo se renueva.",
    "No me malinterpreten, no\nestoy pidiendo que me devuelvan nada, solo quiero saber por qué.",
    "Ich verlange keine\nRückerstattung, ich möchte nur wissen, wofür die 45,00 € sind.",
    "Je ne\nveux pas résilier, je veux juste savoir quand l'abonnement se renouvelle.",
    # a Japanese condition broken before its request
    "同じ金額が2回\n引かれているように見えます。\nもし間違いで二重になっているなら\n"
    "返金してください。\n違うならそれでいいです。電話で教えてください。",
    # a footer that says write instructions by email are not accepted
    "Please send us a list of all payments made between January and October.\n\n"
    "Disclaimer: Halden Group does not accept payment, refund or cancellation instructions "
    "by email. This message is confidential.",
    "Please send the list of all payments made between January and October.=20\n\n"
    "Disclaimer: Halden Group does not accept payment, refund or=20\n"
    "cancellation instructions by email.=20",
    "Merci de m'envoyer la facture d'octobre.\n\nLes demandes de résiliation ou de "
    "remboursement ne sont pas acceptées par e-mail.",
    "Merci de m'envoyer la facture d'octobre.\n\nAucune résiliation ne sera prise en compte "
    "par courriel.",
    "Wie stellen wir die Zahlungsart auf SEPA um?\n\nHinweis: Kündigungen, Rücktritte, "
    "Widerrufe sowie Rückerstattungsverlangen bedürfen der Schriftform und sind per E-Mail "
    "nicht wirksam.",
    # a write only named beside a read
    "返金に関するルールを教えていただきたいです。今すぐ解約するつもりはありません。",
    "今年払った金額の一覧をください。返金分を差し引いた合計も知りたいです。",
    "入会してから退会するまでに支払った会費の合計を教えてください。",
    "Ok. La dernière facture svp, pour clôturer le dossier.",
]

ASKS = [
    ("Please don't renew it,\ncancel my plan at the end of the month.", {"cancellation"}),
    ("I would like you to\ncancel my plan at the end of the month.", {"cancellation"}),
    ("二重に引き落とされているので\n返金してください。", {"refund"}),
    ("Merci de clore le dossier et de résilier mon abonnement.", {"cancellation"}),
    ("Please refund the duplicate charge.\n\nThis message is confidential.", {"refund"}),
    # no cancellation; how to change the debit account is a portal link (read from batch 28 on)
    (
        "解約\nしたいわけではありません。\n引き落とし口座を変える方法を教えて\nください。",
        {"portal_link"},
    ),
]


@pytest.mark.parametrize("text", NOTHING_ASKED)
def test_batch_27_a_write_named_but_not_asked_asks_nothing(text: str) -> None:
    assert read_requests(text).kinds == frozenset()


@pytest.mark.parametrize(("text", "kinds"), ASKS)
def test_batch_27_the_asks_beside_them_still_ask(text: str, kinds: set[str]) -> None:
    assert read_requests(text).kinds == kinds


@pytest.mark.parametrize(
    ("answer", "offer"),
    [
        (
            "Yes please go ahead.",
            "> Would you like me to check whether the refund we sent has reached your card?",
        ),
        ("Oui, allez-y.", "> Voulez-vous que je vérifie si le remboursement est bien passé ?"),
        ("Ja, gerne.", "> Soll ich prüfen, ob die Erstattung angekommen ist?"),
        ("はい、お願いします。", "> 返金が反映されているか確認いたしましょうか？"),
    ],
)
def test_a_yes_to_looking_into_a_refund_asks_no_refund(answer: str, offer: str) -> None:
    email = AgentInput.written(workspace_id=1, sender="a@example.com", text=f"{answer}\n\n{offer}")

    assert read_requests(email.text, thread=email.thread).kinds == frozenset()


def test_a_yes_to_a_refund_offer_still_asks_it() -> None:
    email = AgentInput.written(
        workspace_id=1,
        sender="a@example.com",
        text="Yes please.\n\n> Shall I check your account and refund the difference?",
    )

    assert read_requests(email.text, thread=email.thread).kinds == {"refund"}


JA_OFFER = (
    "\n\n2026年11月8日(日) 16:05 トークアップ <help@talkup.example>:\n"
    "> 11月7日にご請求した 2,480円 のご返金と、あわせてプランの解約を\n"
    "> 承りましょうか？\n"
)
JA_CANCEL_OFFER = (
    "\n\n2026年11月9日(月) 11:02 サポート <support@meishi.example>:\n"
    "> 今後ご利用のご予定がないようでしたら、自動更新を停止いたしましょうか？\n"
)


@pytest.mark.parametrize(
    ("answer", "thread", "kinds"),
    [
        ("両方お願いします。", JA_OFFER, {"refund", "cancellation"}),
        ("それで結構です。よろしくお願いします。", JA_CANCEL_OFFER, {"cancellation"}),
        ("それで大丈夫です。手続きお願いします。", JA_CANCEL_OFFER, {"cancellation"}),
        ("いえ、結構です。", JA_CANCEL_OFFER, set()),  # "no, thank you"
        ("結構です。", JA_CANCEL_OFFER, set()),
        (
            "Confirmed - end of term is fine. Please go ahead.",
            "\n\n> Do you want the cancellation to take effect at the end of your term?",
            {"cancellation"},
        ),
    ],
)
def test_batch_27_an_answer_to_our_offer_cut_over_two_lines(
    answer: str, thread: str, kinds: set[str]
) -> None:
    email = AgentInput.written(workspace_id=1, sender="a@example.com", text=answer + thread)

    assert read_requests(email.text, thread=email.thread).kinds == kinds


def test_a_yes_whose_next_sentence_ends_in_not_is_kept_apart_from_the_quote() -> None:
    """ "…on the old card or not" above our quote goes on into no line of ours."""
    email = AgentInput.written(
        workspace_id=1,
        sender="a@example.com",
        text="yes pls. also did last weeks payment go thru on the old card or not\n\n"
        "> Hi Gav, I can send you a link to your billing portal where you can swap in your new"
        " card. Want me to?\n> Keen Edge",
    )

    assert read_requests(email.text, thread=email.thread).kinds == {"portal_link"}


@pytest.mark.parametrize(
    "text",
    [
        "Je ne reçois pas les factures par e-mail, merci de me rembourser le doublon.",
        "Je n'ai reçu aucune facture par e-mail, pouvez-vous me rembourser le doublon ?",
    ],
)
def test_a_customers_own_sentence_about_email_keeps_its_ask(text: str) -> None:
    assert read_requests(text).kinds == {"refund"}
