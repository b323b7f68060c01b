"""The explicit-request check reads a sentence a mail client cut into lines, spaced twice or
shouted in capitals as the sentence it was: an ask stays an ask, and a "not" or an "if" on the
line before still refuses it. A condition in a rule the writer was told is the rule's, not the
ask's; a company named by its legal form is no ask."""

from __future__ import annotations

import textwrap

import pytest

from knowreply.agent.intake import read_requests


def wrapped(text: str, width: int = 72) -> str:
    return "\n".join(textwrap.fill(line, width) if line else line for line in text.split("\n"))


CASES = [
    (
        "Dear Sir or Madam,\n\nWith regret, I must inform you that the Governors have decided "
        "not to continue with Lectern after the current subscription period. I would be obliged "
        "if you could ensure that the subscription does not auto-renew in September.\n\n"
        "Yours sincerely,\nR. J. Whitaker",
        {"cancellation"},
    ),
    (
        "Hi,\n\nI was charged €89 for the annual membership on 3 March. I didn't realise it "
        "renewed automatically and I haven't used it once. I'd really appreciate it if that €89 "
        "could go back on my card.\n\nThanks a million,\nDeclan",
        {"refund"},
    ),
    (
        "Bonjour,\n\nJe crois donc qu'il est temps pour nous de nous arrêter là : je vous serais "
        "reconnaissant de ne pas reconduire notre adhésion au-delà de la box de mars.\n\n"
        "Avec toute notre sympathie,\nBernard",
        {"cancellation"},
    ),
    (
        "Hola, ¿qué es este cargo de $12.990 del 3 de julio? Y además quiero dar de baja lo "
        "que sea que sea, porque no uso nada de ustedes hace meses.\n\nRodrigo",
        {"cancellation"},
    ),
    (
        "Hallo,\n\nbitte ab sofort nichts mehr von meinem Konto abbuchen. Ich arbeite seit Juni "
        "nicht mehr selbstständig und brauche die Terminplanung nicht mehr.\n\nGruß",
        {"cancellation"},
    ),
    # the "not" and the "if" are on the line before the write
    (
        "Hello, just to be clear, I do not want you to cancel my subscription or anything like "
        "that, I only want to know on which date it renews next.",
        set(),
    ),
    (
        "Hi there, if it turns out that the charge from last Tuesday was a duplicate of the "
        "first one, then please refund it, otherwise just let me know what it was for.",
        set(),
    ),
    (
        "Guten Tag, falls die zweite Abbuchung vom 3. März tatsächlich doppelt sein sollte, dann "
        "erstatten Sie mir den Betrag bitte zurück.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "kinds"), CASES)
def test_a_sentence_cut_into_lines_is_read_as_written(text: str, kinds: set[str]) -> None:
    assert set(read_requests(text).kinds) == kinds
    assert set(read_requests(wrapped(text)).kinds) == kinds
    assert set(read_requests(wrapped(text, 60)).kinds) == kinds


@pytest.mark.parametrize(("text", "kinds"), CASES)
def test_doubled_and_non_breaking_spaces_change_nothing(text: str, kinds: set[str]) -> None:
    spaced = text.replace(" the ", "  the ").replace(" my ", "\u00a0my  ")
    assert set(read_requests(spaced).kinds) == kinds


JAPANESE = (
    "お世話になっております。\n息子がインフルエンザで1週間学校を休みました。学校に確認したところ、"
    "5日以上続けて欠席した場合は給食費を返してもらえると聞きましたので、今月引き落とされた"
    "給食費のうち、休んだ5日分を返金してください。\n\n岩田"
)


def test_japanese_cut_every_thirty_characters_is_read_as_written() -> None:
    cut = "\n".join(
        "\n".join(line[start : start + 30] for start in range(0, len(line), 30))
        for line in JAPANESE.split("\n")
    )
    assert read_requests(JAPANESE).kinds == {"refund"}
    assert read_requests(cut).kinds == {"refund"}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (JAPANESE, {"refund"}),
        ("欠席した場合は返金できるそうなので、休んだ5日分を返金してください。", {"refund"}),
        (
            "I was told that if I cancel in the first week I get a full refund, so please "
            "refund the $30.",
            {"refund"},
        ),
        # the writer's own condition still holds the ask back
        ("もし二重請求なら返金してください。", set()),
        ("欠席した場合は返金できると聞きましたが、もし可能なら返金してください。", set()),
        (
            "I was told that if I cancel in the first week I get a refund, so if that is true "
            "please refund it.",
            set(),
        ),
        ("If I was charged twice, please refund the second charge.", set()),
    ],
)
def test_a_condition_in_a_rule_the_writer_was_told_is_not_theirs(
    text: str, kinds: set[str]
) -> None:
    assert set(read_requests(text).kinds) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("COULD YOU REFUND HALF OF THE CHARGE FROM 5 MAY?", {"refund"}),
        ("PLEASE REFUND ONLY THE ADD-ON PART, I'M KEEPING THE BASE PLAN.", {"refund"}),
        ("KINDLY REFUND THOSE 6 DAYS.\n\nREGARDS,\nANNE CHEBET", {"refund"}),
        ("PLEASE DO NOT CANCEL MY PLAN, I ONLY WANT TO KNOW WHEN IT RENEWS.", set()),
        (
            "CANCEL KNOWREPLY IS THE NAME OF OUR INTERNAL PROJECT CHANNEL, SORRY, THAT EMAIL WENT "
            "TO YOU BY MISTAKE.",
            set(),
        ),
        ("cancel knowreply is the name of our channel, that email went to you by mistake.", set()),
        # a company named by its legal form under the sign-off, in any case
        (
            "MERCI D'ENVOYER LA DERNIÈRE FACTURE À NOTRE COMPTABILITÉ.\n\nJEAN MARTIN\n"
            "REMBOURSE EXPRESS SARL",
            set(),
        ),
        ("Please send the last invoice.\n\nJean\nRefund Partners Ltd", set()),
        ("Please refund the March charge.\n\nJean\nRefund Partners Ltd", {"refund"}),
    ],
)
def test_shouting_reads_as_the_same_words(text: str, kinds: set[str]) -> None:
    assert set(read_requests(text).kinds) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Merci de me faire parvenir la facture d'août et de m'indiquer le lien\nvers votre "
            "portail, afin que je puisse récupérer les suivantes moi-même.",
            {"portal_link"},
        ),
        (
            "Gracias, pero mi banco dice que todavía no ha entrado ninguna\ndevolución. ¿Está "
            "realmente hecho el reembolso?",
            set(),
        ),
        (
            "Nous avons retiré un siège le 2 mais avons été facturés pour 6. Pouvez-\nvous "
            "rembourser le siège en trop ?",
            {"refund"},
        ),
    ],
)
def test_a_line_that_opens_with_thanks_or_ends_at_a_hyphen_is_joined_too(
    text: str, kinds: set[str]
) -> None:
    assert set(read_requests(text).kinds) == kinds
