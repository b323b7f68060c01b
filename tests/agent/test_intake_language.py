"""Which language a customer wrote in, told from short emails in five languages."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from knowreply.agent.brains.rules import understand
from knowreply.agent.brains.rules._normalize import clean
from knowreply.agent.intake.language import LANGUAGES, detect_language

CORPUS = Path(__file__).parents[2] / "src/knowreply/agent/brains/rules/corpus"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hi, could you send me my latest invoice? Thanks, José", "en"),
        ("Please cancel. Merci!", "en"),
        ("最新の請求書を送ってください。", "ja"),
        ("¿Me podéis enviar mi última factura?", "es"),
        ("quiero cancelar mi suscripción", "es"),
        ("Pouvez-vous m'envoyer ma dernière facture ?", "fr"),
        ("résilier svp", "fr"),
        ("Könnt ihr mir bitte meine letzte Rechnung schicken?", "de"),
        ("Abo kündigen bitte", "de"),
        ("ch_3Nx9 in_1Abc https://example.com/rechnung", "en"),
    ],
)
def test_a_short_email_is_read_in_its_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_bare_code_takes_the_language_of_its_subject() -> None:
    assert detect_language("482913", fallback="Re: Código de verificación") == "es"
    assert detect_language("482913", fallback="Re: 確認コード") == "ja"
    assert detect_language("482913") == "en"


def test_understand_reports_the_language_it_read() -> None:
    assert understand("Hallo, ist mein Abo noch aktiv?").language == "de"
    assert understand("551902", subject="Re: Votre code de vérification").language == "fr"


def test_the_corpus_emails_are_read_in_the_language_they_were_written_in() -> None:
    """Measured on every non-English corpus email; the misses are bare codes and `???`."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            email = json.loads(line)
            if email["lang"] == "en":
                continue
            body = clean(email["body"])
            got = detect_language(body.text or body.full, fallback=email["subject"])
            total[email["lang"]] += 1
            right[email["lang"]] += got == email["lang"]
    assert set(total) == set(LANGUAGES) - {"en"}
    for language, count in total.items():
        assert right[language] / count >= 0.97, (language, right[language], count)
