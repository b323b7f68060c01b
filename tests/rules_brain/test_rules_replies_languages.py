"""Every reply kind renders in Spanish, French and German: the customer's words, their
locale's money and dates, the workspace's time zone, and a greeting by first name."""

from __future__ import annotations

import re

import pytest

from knowreply.agent.brains.rules import replies
from knowreply.agent.brains.rules.persona import Audience, Persona
from knowreply.agent.brains.rules.replies import RefundRefusal
from knowreply.agent.brains.rules.understanding import MonthRef
from knowreply.money import Money
from tests.rules_brain.test_rules_replies import (
    FAILED,
    INTERNAL_IDS,
    INVOICE,
    KINDS,
    LEFTOVERS,
    PAID,
    TOKYO,
    usd,
)

AUDIENCES = {language: Audience(language, TOKYO) for language in ("es", "fr", "de")}
# 20:00 UTC on March 3 is March 4 in Tokyo; babel writes money the locale's way.
DATE = {"es": "4 de marzo de 2026", "fr": "4 mars 2026", "de": "4. März 2026"}
RENEWAL = {"es": "3 de abril de 2026", "fr": "3 avril 2026", "de": "3. April 2026"}
DOLLARS = {"es": "29,00\xa0US$", "fr": "29,00\xa0$US", "de": "29,00\xa0$"}

# kind -> what the text must contain, per language
EXPECTED: dict[str, dict[str, list[str]]] = {
    "latest_invoice": {
        "es": ["factura más reciente", "ABCD1234-0001", DATE["es"], "pendiente de pago"],
        "fr": ["facture la plus récente", "ABCD1234-0001", DATE["fr"], "en attente de paiement"],
        "de": ["aktuelle Rechnung", "ABCD1234-0001", DATE["de"], "Zahlung ausstehend"],
    },
    "invoices_found": {
        "es": ["EFGH5678-0002", "pagada"],
        "fr": ["EFGH5678-0002", "payée"],
        "de": ["EFGH5678-0002", "bezahlt", "1.200\xa0¥"],
    },
    "invoice_not_found": {
        "es": ["ZZZZ0000-0009", "marzo de 2026"],
        "fr": ["ZZZZ0000-0009", "mars 2026"],
        "de": ["ZZZZ0000-0009", "März 2026"],
    },
    "payment_history": {
        "es": ["2 pagos más recientes", "Visa terminada en 4242"],
        "fr": ["2 paiements les plus récents", "carte Visa se terminant par 4242"],
        "de": ["letzten 2 Zahlungen", "Visa-Karte mit der Endung 4242"],
    },
    "payment_failed": {
        "es": ["no se ha podido completar", "falta de saldo"],
        "fr": ["n'a pas abouti", "provision insuffisante"],
        "de": ["nicht durchgegangen", "mangels Deckung"],
    },
    "payment_succeeded": {
        "es": ["se ha completado correctamente", "https://receipt.example.test/r/1"],
        "fr": ["a bien été effectué", "https://receipt.example.test/r/1"],
        "de": ["erfolgreich eingegangen", "https://receipt.example.test/r/1"],
    },
    "charges_found": {"es": [DATE["es"]], "fr": [DATE["fr"]], "de": [DATE["de"]]},
    "no_charge_found": {
        "es": ["1.200\xa0JPY", "No he encontrado"],
        "fr": ["1\u202f200\xa0JPY", "Je n'ai trouvé aucun débit"],
        "de": ["1.200\xa0¥", "keine Abbuchung"],
    },
    "subscription_status": {
        "es": ["Pro", DOLLARS["es"] + " al mes", "Se renueva el " + RENEWAL["es"]],
        "fr": ["Pro", DOLLARS["fr"] + " par mois", "se renouvelle le " + RENEWAL["fr"]],
        "de": ["Pro", DOLLARS["de"] + " pro Monat", "verlängert sich am " + RENEWAL["de"]],
    },
    "no_subscription": {"es": ["suscripción"], "fr": ["abonnement"], "de": ["Abonnement"]},
    "refund_done": {
        "es": ["He reembolsado", "5 y 10 días hábiles"],
        "fr": ["J'ai remboursé", "5 à 10 jours ouvrés"],
        "de": ["erstattet", "5–10 Werktagen"],
    },
    "acknowledgement": {
        "es": ["reembolso de 500,00\xa0US$ de su pago del " + DATE["es"], "cancelación"],
        "fr": [
            "remboursement de 500,00\xa0$US pour votre paiement du " + DATE["fr"],
            "résiliation",
        ],
        "de": ["Erstattung über 500,00\xa0$ für Ihre Zahlung vom " + DATE["de"], "Kündigung"],
    },
    "refund_over_refundable": {
        "es": ["5,00\xa0US$"],
        "fr": ["5,00\xa0$US"],
        "de": ["5,00\xa0$"],
    },
    "payment_link": {
        "es": ["https://pay.example.test/l/1", DOLLARS["es"]],
        "fr": ["https://pay.example.test/l/1", DOLLARS["fr"]],
        "de": ["https://pay.example.test/l/1", DOLLARS["de"]],
    },
    "portal_link": {
        "es": ["https://portal.example.test/s/1", "no lo comparta"],
        "fr": ["https://portal.example.test/s/1", "ne pas le partager"],
        "de": ["https://portal.example.test/s/1", "nicht weiter"],
    },
    "cancellation_scheduled": {
        "es": ["He cancelado su suscripción", RENEWAL["es"]],
        "fr": ["J'ai résilié votre abonnement", RENEWAL["fr"]],
        "de": ["Ich habe Ihr Abonnement gekündigt", RENEWAL["de"]],
    },
    "already_cancelling": {
        "es": ["ya estaba programada", RENEWAL["es"]],
        "fr": ["était déjà programmé", RENEWAL["fr"]],
        "de": ["bereits zur Kündigung vorgemerkt", RENEWAL["de"]],
    },
    "verification_needed": {
        "es": ["código de un solo uso es 482913", "30 minutos"],
        "fr": ["code à usage unique est 482913", "30 minutes"],
        "de": ["Einmalcode lautet 482913", "30 Minuten"],
    },
    "no_customer": {
        "es": ["escríbanos desde esa dirección"],
        "fr": ["nous écrire depuis cette adresse"],
        "de": ["von dieser Adresse"],
    },
    "capability_disabled": {
        "es": ["No puedo cancelar suscripciones"],
        "fr": ["Je ne peux pas résilier des abonnements"],
        "de": ["Ich kann Kündigungen leider nicht"],
    },
    "handoff": {"es": ["nuestro equipo"], "fr": ["notre équipe"], "de": ["unser Team"]},
    "clarify": {"es": ["¿Podría contarme"], "fr": ["Pourriez-vous"], "de": ["Könnten Sie"]},
}
ENGLISH_ONLY = re.compile(r"\b(the|your|invoice|payment|refund|please)\b", re.IGNORECASE)


def test_every_reply_kind_has_expectations_in_each_language() -> None:
    assert set(EXPECTED) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("language", sorted(AUDIENCES))
def test_each_reply_kind_renders_in_the_customers_language(kind: str, language: str) -> None:
    text = KINDS[kind][0](AUDIENCES[language])
    for expected in EXPECTED[kind][language]:
        assert expected in text
    assert not LEFTOVERS.search(text)
    assert not INTERNAL_IDS.search(text)
    assert not ENGLISH_ONLY.search(re.sub(r"https?://\S+", "", text)), text


@pytest.mark.parametrize("reason", list(RefundRefusal))
@pytest.mark.parametrize("language", sorted(AUDIENCES))
def test_every_refund_refusal_has_its_own_words(reason: RefundRefusal, language: str) -> None:
    audience = AUDIENCES[language]
    text = replies.refund_refused(reason, audience, refundable=usd("5"), window_days=30)
    others = {
        replies.refund_refused(r, audience, refundable=usd("5"), window_days=30)
        for r in RefundRefusal
        if r is not reason
    }
    assert text and text not in others
    assert not LEFTOVERS.search(text)


@pytest.mark.parametrize(
    ("language", "greeting", "closing"),
    [
        ("es", "¡Hola, Lucía!", "Un saludo,\nAcme Soporte"),
        ("fr", "Bonjour Lucía,", "Bien à vous,\nAcme Support"),
        ("de", "Hallo Lucía,", "Viele Grüße\nAcme Support"),
        ("en", "Hi Lucía,", "Best,\nAcme Support"),
    ],
)
def test_a_friendly_reply_greets_by_first_name(language: str, greeting: str, closing: str) -> None:
    audience = Audience(language, TOKYO)  # type: ignore[arg-type]
    body = replies.payment_status([PAID], audience)
    text = replies.compose(
        [body], persona=Persona("Acme"), audience=audience, customer_name="Dr. Lucía  Pérez"
    )
    assert text.startswith(greeting + "\n\n")
    assert closing in text
    # The answer right under the greeting: one short paragraph, then the details.
    assert text.split("\n\n")[1] == body.split("\n\n")[0]


@pytest.mark.parametrize(
    ("language", "greeting", "closing"),
    [
        ("es", "Buenos días, Lucía Pérez:", "Atentamente,"),
        ("fr", "Bonjour Lucía Pérez,", "Cordialement,"),
        ("de", "Guten Tag Lucía Pérez,", "Mit freundlichen Grüßen"),
    ],
)
def test_a_formal_reply_greets_by_full_name(language: str, greeting: str, closing: str) -> None:
    audience = Audience(language, TOKYO)  # type: ignore[arg-type]
    text = replies.compose(
        [replies.no_subscription(audience)],
        persona=Persona("Acme", tone="formal", signature="Ana, Acme"),
        audience=audience,
        customer_name="Lucía Pérez",
    )
    assert text.startswith(greeting)
    assert text.rstrip().endswith(f"{closing}\nAna, Acme")


def test_a_reply_without_a_name_greets_without_one() -> None:
    german = AUDIENCES["de"]
    parts = [replies.no_subscription(german)]
    text = replies.compose(parts, persona=Persona("Acme"), audience=german)
    assert text.startswith("Hallo,\n")


def test_a_failure_reason_without_a_translation_is_quoted_from_the_bank() -> None:
    odd = FAILED.model_copy(update={"failure_reason": "Do not honor."})
    text = replies.payment_status([odd], AUDIENCES["fr"])
    assert "Motif indiqué par la banque : Do not honor." in text


def test_a_month_without_its_year_is_named_alone() -> None:
    text = replies.invoice_not_found(AUDIENCES["es"], period=[MonthRef(None, 1)])
    assert "ninguna factura de enero" in text


def test_euros_read_the_way_each_locale_writes_them() -> None:
    euros = Money.from_major("12.50", "eur")
    written = {language: replies.no_charge_found(euros, a) for language, a in AUDIENCES.items()}
    assert all("12,50\xa0€" in text for text in written.values())


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "I couldn't find an invoice from January 2020"),
        ("ja", "2020年1月発行の請求書は"),
        ("es", "No hay ninguna factura de enero de 2020"),
        ("fr", "Il n'y a pas de facture de janvier 2020"),
        ("de", "Für Januar 2020 gibt es in Ihrem Konto keine Rechnung"),
    ],
)
def test_a_month_without_an_invoice_is_answered_with_the_latest_saying_so(
    language: str, said: str
) -> None:
    audience = Audience(language, TOKYO)  # type: ignore[arg-type]
    text = replies.latest_instead_of_month([INVOICE], [MonthRef(2020, 1)], audience)
    first, details = text.split("\n\n", 1)
    assert first.startswith(said)
    assert "ABCD1234-0001" in details
    assert not LEFTOVERS.search(text)


def test_french_elides_de_before_a_month_with_a_vowel() -> None:
    text = replies.latest_instead_of_month([INVOICE], [MonthRef(2020, 4)], AUDIENCES["fr"])
    assert text.startswith("Il n'y a pas de facture d'avril 2020")


Q3_2025 = [MonthRef(2025, 7), MonthRef(2025, 8), MonthRef(2025, 9)]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "I couldn't find an invoice from July\u2009–\u2009September 2025"),
        ("ja", "2025年7月～9月発行の請求書は"),
        ("es", "No hay ninguna factura de julio–septiembre de 2025"),
        ("fr", "Il n'y a pas de facture de juillet\u2009–\u2009septembre 2025"),
        ("de", "Für Juli–September 2025 gibt es in Ihrem Konto keine Rechnung"),
    ],
)
def test_a_quarter_without_an_invoice_is_named_whole(language: str, said: str) -> None:
    audience = Audience(language, TOKYO)  # type: ignore[arg-type]
    text = replies.latest_instead_of_month([INVOICE], Q3_2025, audience)
    assert text.startswith(said)


def test_a_year_without_an_invoice_is_named_by_its_number() -> None:
    year = [MonthRef(2025, month) for month in range(1, 13)]
    english, japanese = (Audience(language, TOKYO) for language in ("en", "ja"))
    assert "an invoice from 2025 on" in replies.invoice_not_found(english, period=year)
    assert "「2025年発行の請求書」" in replies.invoice_not_found(japanese, period=year)
