"""Batch 25, Spanish and French: wordings of asks the request reader learnt, and the near
misses beside each that must ask nothing (or only what they say)."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

ASKS = [
    # es: one of two charges reversed, in one word
    ("Me cobraron dos veces lo mismo. Reviertan uno, por favor.", "", {"refund"}),
    # es: a refund asked beside the writer's own cancellation done before
    (
        "Devuélveme lo de los usuarios de diciembre, que ya los di de baja el lunes.",
        "",
        {"refund"},
    ),
    # es: "no lo pedí" (never ordered) is the reason, not a report of an ask
    ("Reintégrame esos 20 dólares porfa, que eso no lo pedí yo.", "", {"refund"}),
    # es: the renewal not to happen, for "us"
    ("Les pido que no nos renueven la suscripción en marzo.", "", {"cancellation"}),
    # es: no more money taken each month
    ("Ya no quiero que se me cobre nada cada mes, cerré el local.", "", {"cancellation"}),
    # es: the service no longer needed
    (
        "Desde el mes que viene ya no necesitamos el servicio de reservas, gracias por todo.",
        "",
        {"cancellation"},
    ),
    # es: the monthly charge taken off, vosotros imperative
    ("Quitadnos el cobro de cada mes, que nos mudamos.", "", {"cancellation"}),
    # es: how to remove a card, a link to manage the payments
    ("¿Cómo borro la tarjeta vieja? Ya no la tengo.", "", {"portal_link"}),
    ("Envíeme el enlace donde gestiono mis pagos, por favor.", "link pagos", {"portal_link"}),
    # fr: an adverb after the stop verb
    ("Arrêtez donc mon abonnement, s'il vous plaît.", "", {"cancellation"}),
    # fr: months or a part given back
    ("Rendez-moi les trois mois restants, merci.", "", {"refund"}),
    ("Rendez-nous la partie non utilisée du forfait.", "", {"refund"}),
    ("Nous aimerions que ce montant nous revienne sur la carte.", "", {"refund"}),
    # fr: a request in other words
    ("Faites le nécessaire pour que l'abonnement ne se renouvelle plus.", "", {"cancellation"}),
    ("J'veux ravoir mon argent, le service a jamais marché.", "", {"refund"}),
    ("mi demande a zot de rembourse a moin la séance de samedi.", "", {"refund"}),
    # fr, Darija in Latin letters
    ("rje3 liya lflous 3afak, ma khdamch.", "", {"refund"}),
    ("bghit nhbes l'abonnement, merci.", "", {"cancellation"}),
    # fr: a link to pay
    ("lien pr payer stp", "", {"payment_link"}),
    ("Envoyez-moi un lien pour que je paye la facture de mars.", "", {"payment_link"}),
    # fr: a mobile-money number, invoices found oneself
    (
        "Comment changer mon numéro Wave pour les paiements automatiques ?",
        "",
        {"portal_link"},
    ),
    ("Comment puis-je accéder moi-même aux factures du compte ?", "", {"portal_link"}),
    # fr: a firm "I think it would be fair", then "do it"
    (
        "Je pense qu'un remboursement de la semaine de panne serait juste : merci de le faire.",
        "",
        {"refund"},
    ),
    # fr: an emoji ends the joke's sentence before the ask
    (
        "Ha, si vous êtes un robot 😄 Bon, remboursez mon dernier mois, s'il vous plaît.",
        "",
        {"refund"},
    ),
    # fr: the second of two participles after "soit" is asked too
    (
        "Je voudrais que mon abonnement soit annulé et remboursé.",
        "",
        {"cancellation", "refund"},
    ),
    # es: a purchase undone is no cancellation of the plan
    ("Quiero que la compra sea anulada y reembolsada.", "", {"refund"}),
    # fr: a new card stated beside a link to pay with it: only the link
    (
        "Ma carte a expiré. Envoyez-moi un lien pour payer avec la nouvelle.",
        "",
        {"payment_link"},
    ),
]

NEAR_MISSES = [
    # es
    ("No reviertan nada todavía, primero lo reviso.", "", set()),
    ("Ya los di de baja el lunes y no me devolvieron nada.", "", set()),
    ("Ya pedí el reembolso la semana pasada, ¿cómo va?", "", set()),
    ("Si no nos renuevan el descuento, lo pensaremos.", "", set()),
    ("No quiero que se me cobre nada de más este mes.", "", set()),
    ("No quiero que se me cobre más de lo acordado.", "", set()),
    ("Ya no necesitamos la factura en papel, con el PDF basta.", "", set()),
    ("Quitadme el cargo duplicado de marzo, por favor.", "", set()),
    ("Código para eliminar tarjeta: 483920", "", set()),
    ("Ya eliminé mi tarjeta vieja, gracias.", "", set()),
    ("Necesito la factura para la empresa, me reembolsan el curso.", "", set()),
    ("Para temas de facturas o reembolsos, escriba a administración.", "", set()),
    ("Necesito el enlace de pago de la factura pendiente, por favor.", "", {"payment_link"}),
    # "cancelar la cuota pendiente" pays it: a link to pay, no cancellation
    ("Mándenme el enlace para cancelar la cuota pendiente.", "", {"payment_link"}),
    # fr
    ("J'ai arrêté donc mon abonnement chez l'autre club.", "", set()),
    ("Rendez-moi visite au magasin quand vous voulez.", "", set()),
    ("La somme nous est revenue hier, merci.", "", set()),
    ("J'ai fait le nécessaire pour que ça ne se renouvelle plus.", "", set()),
    ("J'veux juste savoir quand arrive le remboursement.", "", set()),
    ("Avant de demander éventuellement un remboursement, à quoi correspond ce débit ?", "", set()),
    ("Votre collègue m'avait parlé d'un remboursement. A-t-il été fait ?", "", set()),
    ("Pour toute question relative aux remboursements, merci de contacter Marie.", "", set()),
    ("J'ai besoin de la facture pour mon CE qui rembourse une partie du stage.", "", set()),
    ("Il me faut la liste, y compris le remboursement que vous m'avez fait en mai.", "", set()),
    ("J'ai reçu le lien pour que je paye, c'est réglé, merci.", "", set()),
    ("Si vous m'envoyez un lien pour que je paye, je réglerai demain.", "", set()),
    ("J'ai pu accéder moi-même aux factures, merci.", "", set()),
    ("J'ai réussi à accéder moi-même aux factures.", "", set()),
    (
        "Merci de mettre fin à notre abonnement au portail client à fin mai.",
        "",
        {"cancellation"},
    ),
    ("Je pense qu'un remboursement serait peut-être possible ?", "", set()),
    ("Mon abonnement a été annulé et remboursé le mois dernier.", "", set()),
    # a new card to put in for the future still asks the portal
    (
        "Ma carte a expiré. Comment je mets à jour la nouvelle carte ?",
        "",
        {"portal_link"},
    ),
]


@pytest.mark.parametrize(("text", "subject", "kinds"), ASKS)
def test_b25_esfr_asks(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds


@pytest.mark.parametrize(("text", "subject", "kinds"), NEAR_MISSES)
def test_b25_esfr_near_misses(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds


def test_b25_esfr_yes_to_our_spanish_offer_to_cancel() -> None:
    text = (
        "De acuerdo, procedan.\n\n-----Mensaje original-----\nDe: Soporte\n"
        "Asunto: Baja\n\n¿Desea que demos de baja su plan a final de mes?\n"
    )
    assert read_requests(text, subject="RE: Baja").kinds == {"cancellation"}
