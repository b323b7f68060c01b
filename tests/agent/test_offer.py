"""A plain yes to a write the business offered in the thread it answers (`intake.offer`)."""

from __future__ import annotations

import pytest

from knowreply.agent.brains.rules import understand
from knowreply.agent.brains.rules.understanding import Intent
from knowreply.agent.intake.offer import is_a_plain_yes, offered_writes
from knowreply.agent.intake.requests import read_requests

CANCEL_OFFER = (
    "On Wed, 11 Mar 2026, Crumb & Culture <hello@crumb.test> wrote:\n"
    "> Hi Sally, sorry to hear the starter didn't survive the move!\n"
    "> Would you like us to cancel your membership so you're not billed again?\n"
)


@pytest.mark.parametrize(
    "answer",
    [
        "Yes please go ahead.\n\nSally",
        "Yes",
        "Sure, send it over.",
        "Oui, allez-y, merci beaucoup !",
        "Sí, envíenmelo por favor.",
        "Ja, gerne per Link.",
        "はい、お願いします。",
        "Yes, the pro-rated amount is fine, please do it.\n\nBest,\nAlison",
        # a yes that says the offer suits, under a greeting, above an initial and a name
        "Yes, at the end of the period is fine, thanks.\n\nKaren",
        "Bonjour,\n\nOui, allez-y, merci.\n\nCordialement,\nJ. Bernadet",
        "Oui s'il vous plaît, c'est parfait.",
        "Oui, ça me va très bien, merci beaucoup.",
        "Passt, machen Sie das.\n\nM. Faißt",
        "はい、それで大丈夫です。",
    ],
)
def test_a_plain_yes_is_read_as_one(answer: str) -> None:
    assert is_a_plain_yes(answer)


@pytest.mark.parametrize(
    "answer",
    [
        "Yes, I received it, thanks",  # a yes to some other question
        "Yes, but not yet.",
        "Yes? What do you mean?",
        "No thanks, I'll keep it.",
        "Yes please go ahead and also tell me why the price went up last month, it was never "
        "announced anywhere and I only saw it on my statement",
    ],
)
def test_a_yes_with_more_to_it_is_not_plain(answer: str) -> None:
    assert not is_a_plain_yes(answer)


@pytest.mark.parametrize(
    ("thread", "kind"),
    [
        (CANCEL_OFFER, "cancellation"),
        ("> Would you like a payment link for the open invoice?", "payment_link"),
        ("> ¿Quieres que te reintegremos el cobro duplicado de $U 1.450?", "refund"),
        # the question names no write: the sentence before it does
        (
            "> Puedes actualizar tu tarjeta desde el portal de cliente. ¿Quieres que te enviemos "
            "el enlace?",
            "portal_link",
        ),
        (
            "10月分のご利用料金が未決済です。お支払い用のリンクをお送りしましょうか？",
            "payment_link",
        ),
        ("> Souhaitez-vous que nous procédions au remboursement de la facture de mars ?", "refund"),
        # an offer to go ahead with the write the sentence before names
        (
            "> I can refund the unused portion of your annual plan, which comes to £123.40 - "
            "shall I proceed?",
            "refund",
        ),
        # an offer made as a condition looks back the same way
        (
            "> 今月分のうち、ご利用のなかった12日分（1,234円）を日割りでご返金することが"
            "可能です。\n"
            "> ご希望でしたらご返信ください。",
            "refund",
        ),
        ("> Como nos comentas que te mudas, ¿quieres que no lo renovemos?", "cancellation"),
        # a date closing in brackets ends no sentence
        (
            "> Sollen wir Ihr Konto zum Ende der Laufzeit (31.05.) schließen, damit keine "
            "weiteren Gebühren anfallen?",
            "cancellation",
        ),
        # batch 24: an offer in the sentence that says the business can do it, or after it
        (
            "> I can email you a secure link to settle the balance — would that help?",
            "payment_link",
        ),
        ("> I can refund the £4.95 delivery charge if you'd like?", "refund"),
        (
            "> Wir können Ihnen die Zahlung vollständig erstatten. Sollen wir das veranlassen?",
            "refund",
        ),
        (
            "> Als Entschuldigung könnten wir Ihnen die Hälfte des Monatsbetrags zurückerstatten. "
            "Ist Ihnen das recht?",
            "refund",
        ),
        (
            "> ¿Le envío el enlace al portal de cliente para que actualice la tarjeta?",
            "portal_link",
        ),
        ("> 重複して決済された1件分について、返金をご希望でしょうか？", "refund"),
        # what the offered link is for names no second write
        (
            "> Would you like me to send you a payment link so you can pay with a different card?",
            "payment_link",
        ),
    ],
)
def test_the_write_an_offer_names_is_read(thread: str, kind: str) -> None:
    assert offered_writes(thread) == (kind,)


@pytest.mark.parametrize(
    "thread",
    [
        "> Would you like me to cancel your plan or refund the last charge?",  # a choice
        "> Would you like us to refund the charge? Or would you rather cancel?",
        "> Would you like a refund or a credit on your next invoice?",
        "> 解約か返金のどちらをご希望ですか？",
        "> ¿Quieres que te enviemos el enlace de pago o prefieres pagar por transferencia?",
        # a write named as the reason for another, or in two offers
        "> Would you like a payment link so we don't have to cancel your plan?",
        "> Would you like us to send a payment link to avoid the cancellation of your account?",
        "> Would you like us to cancel? Would you like a refund of the last payment too?",
        # "is that all right?" after a write done, refused or left to the customer
        "> We have refunded your charge. Is that ok?",
        "> We can't refund this charge. Would that work?",
        "> It is not possible to refund this. Would that help?",
        "> Wir haben die Gebühr erstattet. Ist Ihnen das recht?",
        "> We can refund you. If you'd like to cancel, you can do it in the portal.",
        "> We could cancel at the end of the month, or right away. Does that work?",
        "> Your card ending 4242 expires this month.",  # no offer
        "> Can I help with anything else?",  # an offer of no write
        "> We have refunded the duplicate charge. Can I help with anything else?",
        # a condition that names the write informs, one after a done write offers nothing
        "> If you want to cancel in the future, you can do it in the portal.",
        "> We have refunded the duplicate charge. Let us know if you'd like anything else.",
        "> Wir haben die Gebühr erstattet. Falls Sie es wünschen, senden wir Ihnen den Beleg.",
    ],
)
def test_no_write_is_offered_without_one_clear_offer(thread: str) -> None:
    assert offered_writes(thread) == ()


@pytest.mark.parametrize(
    "thread",
    [
        "> Would you like us to cancel your membership and refund the last payment?",
        "> We can cancel your plan today and refund this month's fee. Shall we?",
        "> Souhaitez-vous que nous annulions votre abonnement et que nous vous remboursions le "
        "dernier paiement ?",
        "> ¿Quiere que cancelemos la suscripción y le devolvamos el último cobro?",
        "> Sollen wir Ihr Abo kündigen und die letzte Zahlung erstatten?",
        # batch 23: a bare "what shall we do?" offers what the business said it can do
        "> ご希望であれば、本日付で解約し、今月分（1,078円）を返金することも可能です。\n"
        "> いかがいたしましょうか？",
    ],
)
def test_two_writes_offered_together_are_both_offered(thread: str) -> None:
    assert offered_writes(thread) == ("cancellation", "refund")


def test_a_yes_to_two_writes_offered_together_asks_both() -> None:
    """The refund is the one offered: sized by the offer's amount, not the whole charge."""
    thread = (
        "> お問い合わせありがとうございます。\n"
        "> ご希望であれば、本日付で解約し、今月分（1,078円）を返金することも可能です。\n"
        "> いかがいたしましょうか？"
    )
    asked = read_requests("ではそれでお願いします🙇", thread=thread)
    assert asked.kinds == {"cancellation", "refund"}
    assert asked.accepted_offer == ("cancellation", "refund")
    assert [m.amount_minor for m in asked.amounts] == [1078]
    got = understand("ではそれでお願いします🙇", thread=thread)
    assert (got.intent, got.secondary_intents) == (Intent.CANCEL, (Intent.REFUND,))


def test_a_yes_for_someone_else_accepts_no_money_write_of_two() -> None:
    thread = "> Would you like us to cancel your membership and refund the last payment?"
    assert read_requests("Yes please, for my father's account.", thread=thread).kinds == set()


def test_a_yes_under_an_offer_asks_for_the_offered_write() -> None:
    asked = read_requests(f"Yes please go ahead.\n\nSally\n\n{CANCEL_OFFER}")
    assert asked.kinds == {"cancellation"} and asked.accepted_offer == ("cancellation",)


def test_the_thread_given_apart_counts_like_a_quoted_one() -> None:
    """The pipeline hands the agent the new words and the whole body apart."""
    asked = read_requests("Yes please go ahead.", thread=f"Yes please go ahead.\n\n{CANCEL_OFFER}")
    assert asked.kinds == {"cancellation"}


@pytest.mark.parametrize(
    "text",
    [
        "Yes please go ahead.",  # no thread: a yes to nothing
        f"Yes, I received it, thanks\n\n{CANCEL_OFFER}",
        "Yes please go ahead.\n\n> Would you like us to send you a starter recipe?",
    ],
)
def test_a_yes_to_no_offered_write_asks_nothing(text: str) -> None:
    assert read_requests(text).kinds == frozenset()


@pytest.mark.parametrize(
    ("thread", "amount", "whole"),
    [
        ("> I can refund the unused portion, £123.40 - shall I proceed?", 12340, False),
        ("> Would you like a full refund of your last payment?", None, True),
    ],
)
def test_a_refund_accepted_with_a_yes_is_the_one_offered(
    thread: str, amount: int | None, whole: bool
) -> None:
    """A bare yes sizes nothing: without the offer's part, a member would be shown a refund
    of the whole charge for "Yes please" to a refund of £123.40."""
    asked = read_requests("Yes please.", thread=thread)
    assert asked.kinds == {"refund"}
    assert [m.amount_minor for m in asked.amounts] == ([amount] if amount else [])
    assert asked.partial is not whole and asked.whole is whole


def test_a_yes_that_only_says_it_is_fine_is_no_relative() -> None:
    """大丈夫 holds 夫 (husband): the yes is still the customer's own."""
    thread = "> 現在の請求期間の終了日をもってご解約とする形でよろしいでしょうか。"
    assert read_requests("はい、それで大丈夫です。", thread=thread).kinds == {"cancellation"}


def test_a_yes_for_someone_elses_account_stays_theirs() -> None:
    text = (
        "Yes please, for my mother's account.\n\n"
        "> Would you like us to refund the duplicate charge of $19.99?"
    )
    assert read_requests(text).kinds == frozenset()


def test_the_agent_reads_a_yes_under_an_offer_as_the_offered_write() -> None:
    got = understand("Yes please go ahead.\n\nSally", thread=CANCEL_OFFER)
    assert (got.intent, got.secondary_intents) == (Intent.CANCEL, ())
    link = understand("Yes please send it.", thread="> Would you like a payment link?")
    assert link.intent is Intent.PAYMENT_LINK
    assert understand("Yes please go ahead.").intent is not Intent.CANCEL


@pytest.mark.parametrize(
    ("answer", "quoted"),
    [
        (
            "Oui, faites comme ça. Merci Julie.",
            "> Je vous propose de désactiver le renouvellement : votre accès restera actif "
            "jusqu'au 30 novembre. Cela vous convient-il ?",
        ),
        (
            "Ta, dale.",
            "El vie, 9 may 2025 a las 16:40, CoopCuentas Soporte escribió:\n"
            "> Hola Andrés, ¿querés que demos de baja la renovación automática de tu plan para "
            "que no se cobre el próximo período?",
        ),
    ],
)
def test_batch_21_a_yes_to_a_proposal_asks_the_cancellation(answer: str, quoted: str) -> None:
    assert read_requests(f"{answer}\n\n{quoted}").kinds == {"cancellation"}


@pytest.mark.parametrize(
    ("answer", "quoted"),
    [
        (
            "Jo, passt so.\n\nLg Hannes",
            "> Lieber Hannes,\n> sollen wir deine Mitgliedschaft wie besprochen mit Jahresende "
            "beenden?",
        ),
        (
            "Ok pour la fin de période.",
            "> Bonjour Alice,\n> Souhaitez-vous que nous arrêtions le renouvellement à la fin "
            "de la période en cours ?",
        ),
        (
            "Yes that's right, thanks. Sorry to go.",
            "> Hi Arthur, we're sorry to hear you're moving. Would you like us to cancel your "
            "membership before it renews in June?",
        ),
    ],
)
def test_batch_22_a_yes_in_other_words_asks_the_cancellation(answer: str, quoted: str) -> None:
    assert read_requests(f"{answer}\n\n{quoted}").kinds == {"cancellation"}


@pytest.mark.parametrize(
    "answer",
    [
        "Oui, annulez, à condition que je garde l'accès aux vidéos. Sinon on en reparle.",
        "Yes, provided that I can still download my recordings.",
        "Ja, aber nur wenn ich die Videos behalten kann.",
    ],
)
def test_a_yes_with_a_condition_asks_nothing(answer: str) -> None:
    assert read_requests(f"{answer}\n\n{CANCEL_OFFER}").kinds == frozenset()


NUMBERED_OPTIONS = (
    "Am 02.11.2026 um 09:10 schrieb Support <support@example.test>:\n"
    "> Guten Tag Herr Brandt,\n"
    "> wir können Ihnen Folgendes anbieten:\n"
    "> 1. Wir schreiben den Betrag Ihrer nächsten Rechnung gut.\n"
    "> 2. Wir erstatten Ihnen die Zahlung vom 28.10. über 49,00 € auf Ihre Karte.\n"
    "> Welche Variante ist Ihnen lieber?\n"
)
INLINE_OPTIONS = (
    "> Hi Dana, your card was declined. I can either (1) send you a payment link for this "
    "invoice, or (2) send you a link to the billing portal to update your card for the "
    "future. Which would you prefer?"
)


@pytest.mark.parametrize(
    ("answer", "thread", "kinds"),
    [
        ("Option 2 bitte.\n\nGrüße\nK. Brandt", NUMBERED_OPTIONS, {"refund"}),
        ("Die zweite Variante, danke.", NUMBERED_OPTIONS, {"refund"}),
        ("2", NUMBERED_OPTIONS, {"refund"}),
        ("The second one, thanks!\n\nDana", INLINE_OPTIONS, {"portal_link"}),
        ("I'll go with the first option please", INLINE_OPTIONS, {"payment_link"}),
        (
            "La segunda opción, por favor.",
            "> Hola Marta, ¿prefieres que demos de baja tu plan o que te devolvamos el último "
            "pago?",
            {"refund"},
        ),
        (
            "②でお願いします。",
            "> ①次回のご請求から1か月分を値引きする\n> ②先月分を全額返金する\n"
            "> どちらがよろしいでしょうか。",
            {"refund"},
        ),
        ("後者でお願いします", "> 解約または返金のどちらをご希望ですか。", {"refund"}),
    ],
)
def test_an_option_taken_by_its_place_asks_its_write(
    answer: str, thread: str, kinds: set[str]
) -> None:
    assert read_requests(answer, thread=thread).kinds == kinds


def test_an_option_taken_by_its_place_is_sized_by_its_own_words() -> None:
    asked = read_requests("Option 2 bitte.", thread=NUMBERED_OPTIONS)
    assert [m.amount_minor for m in asked.amounts] == [4900]


@pytest.mark.parametrize(
    ("answer", "thread"),
    [
        ("Option 1, danke.", NUMBERED_OPTIONS),  # a credit is no write
        ("The second one arrived yesterday.", INLINE_OPTIONS),  # says more than a place
        ("Not the second option.", INLINE_OPTIONS),
        ("The second please", "> Would you like a refund or a credit on your next invoice?"),
        # a numbered list that offers nothing
        ("Number 2 please", "> Here is what we did:\n> 1. We refunded you.\n> 2. We cancelled."),
        ("The second option please.", ""),
    ],
)
def test_a_place_that_takes_no_offered_write_asks_nothing(answer: str, thread: str) -> None:
    assert read_requests(answer, thread=thread).kinds == frozenset()


@pytest.mark.parametrize(
    ("answer", "thread", "kinds"),
    [
        (
            "Yes, do it. Also when is my last day of access?\n\nRowan",
            CANCEL_OFFER,
            {"cancellation"},
        ),
        (
            "Oui envoyez le lien. Et mon accès reste ouvert en attendant ?\n\nLéo",
            "> Bonjour Léo, votre paiement a été refusé. Souhaitez-vous que nous vous "
            "envoyions un lien de paiement ?",
            {"payment_link"},
        ),
    ],
)
def test_a_yes_then_a_question_of_its_own_asks_the_offered_write(
    answer: str, thread: str, kinds: set[str]
) -> None:
    assert read_requests(answer, thread=thread).kinds == kinds


@pytest.mark.parametrize(
    "answer",
    [
        "Sure. Wait, will I lose my saved recipes?",
        "Yes. But can I keep it until March?",
        "Yes. Is that the same as pausing it?\n\nAnd can you refund me instead?",
    ],
)
def test_a_yes_then_a_question_that_holds_it_back_asks_nothing(answer: str) -> None:
    assert "cancellation" not in read_requests(answer, thread=CANCEL_OFFER).kinds


@pytest.mark.parametrize(
    ("answer", "quoted", "kinds"),
    [
        (
            "Einverstanden.\n\nMit freundlichen Grüßen\nDr. Jana Roth",
            "> Ich kann Ihnen die letzte Zahlung vollständig erstatten und das Abonnement zum "
            "Monatsende beenden. Passt Ihnen das so?",
            {"refund", "cancellation"},
        ),
        (
            "Passt, machen Sie das bitte.",
            "> wie gewünscht kann ich die automatische Verlängerung Ihres Abonnements beenden, "
            "sodass es am 31.12. ausläuft. Soll ich das so umsetzen?",
            {"cancellation"},
        ),
        (
            "Oui, volontiers, merci beaucoup.",
            "> Souhaitez-vous que nous procédions au remboursement de votre dernier paiement ?",
            {"refund"},
        ),
        (
            "Parfait, d'accord pour les deux.",
            "> Nous pouvons annuler votre abonnement et vous rembourser le mois en cours. "
            "Souhaitez-vous que nous le fassions ?",
            {"refund", "cancellation"},
        ),
        (
            "両方お願いします",
            "> 今月分のご返金および解約の手続きを行ってよろしいでしょうか？",
            {"refund", "cancellation"},
        ),
        (
            "はい、それでお願いします",
            "> 次回更新日をもって定期便を停止する形でよろしければ、こちらで手続きいたします。\n"
            "> ご希望でしたらこのメールにご返信ください。",
            {"cancellation"},
        ),
        ("リンクお願いします", "> お支払い用のリンクをお送りしましょうか？", {"payment_link"}),
    ],
)
def test_batch_25_a_yes_in_more_words_asks_the_offered_writes(
    answer: str, quoted: str, kinds: set[str]
) -> None:
    assert read_requests(f"{answer}\n\n{quoted}").kinds == kinds


def test_a_yes_to_what_the_business_says_it_cannot_do_asks_nothing() -> None:
    quoted = "> Eine Erstattung kann ich Ihnen leider nicht anbieten. Ist Ihnen das recht?"
    assert read_requests(f"Einverstanden.\n\n{quoted}").kinds == frozenset()
