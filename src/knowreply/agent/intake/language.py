"""Which language a customer wrote in: English, Japanese, Spanish, French or German.

Japanese is told by its script. The Latin-script languages are told by a small scorer:
common function words (`the`, `el`, `le`, `der`…) and the letters only one of them uses
(`ñ ¿`, `ç è ê`, `ä ö ü ß`). Short texts carry few words, so English wins every tie and a
text needs two points of evidence before it is read as another language.
"""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["en", "ja", "es", "fr", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "ja", "es", "fr", "de")

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿœß]")
_NOT_PROSE = re.compile(r"https?://\S+|\S+@\S+|\b[A-Za-z]{2,4}_[A-Za-z0-9]+|\b[A-Z0-9]{3,12}-\d{4}")
_WORD = re.compile(r"[a-zà-ÿœß]+(?:'[a-zà-ÿ]+)?")

JAPANESE_CHAR_WEIGHT = 2.5
"""A Japanese character carries about as much as two or three Latin letters."""
MIN_EVIDENCE = 2.0
"""Points a text needs before it is read as Spanish, French or German rather than English."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORDS: dict[Language, frozenset[str]] = {
    "en": _words(
        "the and to my is you for of it please can i me this was have with your what hi hello "
        "thanks thank could would be on did not a an our we been why when how do does where "
        "charged charge invoice receipt payment refund cancel subscription card account send "
        "last month just still am are there here want need wrote"
    ),
    "es": _words(
        "el los las del que y por para con mi mis me es una un se lo le hola gracias favor "
        "está están pago pagos factura facturas cuenta cobro cargo cobrado cuándo cuánto qué "
        "podéis pueden podría puedo quiero necesito tengo he ha sido su sus muy pero "
        "como cómo mes año tarjeta suscripción devolución reembolso baja saludos buenos días "
        "buenas usted ustedes os vuestro también ya sí al ese esta este porfa porfavor escribió"
    ),
    "fr": _words(
        "le les des du et je vous mon ma mes est pour une pas qui bonjour merci avec sur ce "
        "il au aux nous c'est j'ai d'un l'abonnement ai suis avez pouvez pourriez être "
        "facture factures paiement prélèvement prélevé débit carte abonnement remboursement "
        "résilier svp cordialement madame monsieur mois dernier dernière quand combien "
        "pourquoi où mais aussi ça cette votre vos n'ai ne annuler bonne journée écrit"
    ),
    "de": _words(
        "der die das und ich ist nicht mein meine meinen mir mich sie ein eine einen zu den "
        "dem von mit für bitte danke hallo rechnung rechnungen auf es wir ihr euch habe hat "
        "wurde wurden können könnt kann noch schon wann warum wie viel abbuchung abgebucht "
        "zahlung karte abo kündigen erstattung grüßen grüße guten tag sehr geehrte damen "
        "herren gruß monat letzte letzten nur auch aber ob bei im vom zum schrieb aw wg"
    ),
}
_LETTERS: tuple[tuple[Language, str, float], ...] = (
    ("es", "ñ¿¡áíóú", 1.5),
    ("fr", "çèêàùâîôœûë", 1.5),
    ("fr", "é", 0.5),  # Spanish writes it too, less often
    ("de", "äöüß", 1.5),
)
"""Letters one language uses and the others rarely do, with the points each is worth."""


def _latin_scores(text: str) -> dict[Language, float]:
    lowered = text.lower()
    scores: dict[Language, float] = {language: 0.0 for language in _WORDS}
    for word in _WORD.findall(lowered):
        for language, words in _WORDS.items():
            if word in words:
                scores[language] += 1
    for language, letters, weight in _LETTERS:
        scores[language] += weight * sum(lowered.count(letter) for letter in letters)
    return scores


def _detect(text: str, minimum: float) -> Language | None:
    """The language of the text, or None when it holds too few words to tell (`482913`)."""
    prose = _NOT_PROSE.sub(" ", text)
    japanese = len(_JAPANESE.findall(prose))
    if japanese and japanese * JAPANESE_CHAR_WEIGHT >= len(_LATIN.findall(prose)):
        return "ja"
    scores = _latin_scores(prose)
    english = scores.pop("en")
    best, points = max(scores.items(), key=lambda item: item[1])
    if points >= minimum and points > english:
        return best
    return "en" if english else None


def detect_language(text: str, *, fallback: str = "") -> Language:
    """The language of the customer's prose (ids, links and addresses not counted).

    A text with too few words to tell by (a bare one-time code) is read together with
    `fallback`, such as the subject `Re: Código de verificación`, where one point is enough;
    English when neither tells.
    """
    return _detect(text, MIN_EVIDENCE) or _detect(f"{fallback}\n{text}", 1.0) or "en"
