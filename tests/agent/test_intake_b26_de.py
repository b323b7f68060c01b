"""German batch 26: asks the explicit-request reader learned, and the near misses beside each
that must stay unasked (or keep what they asked)."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

ASKS = [
    # Swiss "künde"; "zu" the verb's own particle
    ("Hoi zäme, bitte mis Abo künde, merci!", "", {"cancellation"}),
    ("Macht das Abo bitte zu.", "", {"cancellation"}),
    ("Bitte das Abo zu machen.", "", {"cancellation"}),
    # what the writer deems fair, the present of "ihr"
    (
        "waer fair wenn ihr mir die haelfte vom monat erstattet, also 7,50.",
        "",
        {"refund"},
    ),
    ("Es wäre fair, wenn ihr uns den Mai erstattet.", "", {"refund"}),
    # the whole denied for a part
    ("bitte nicht alles erstatten, nur die 4 Zusatzsitze (36 €).", "", {"refund"}),
    ("Bitte nicht den vollen Betrag erstatten, sondern nur die Differenz.", "", {"refund"}),
    # taking what was offered
    ("Okay, dann nehme ich die anteilige Erstattung für die drei Monate.", "", {"refund"}),
    # "des bereits für Juni abgebuchten" describes the money
    (
        "Ich kündige daher meine Mitgliedschaft mit sofortiger Wirkung und ersuche um "
        "Rückerstattung des bereits für Juni abgebuchten Beitrags von € 69,–.",
        "",
        {"cancellation", "refund"},
    ),
    # the write named in a question, then handed over
    (
        "Wie kann ich eigentlich kündigen? Ich finde den Button nicht... ach wissen Sie was, "
        "machen Sie das bitte einfach für mich, zum Ende des Monats.",
        "",
        {"cancellation"},
    ),
    # a setting's value in quotation marks
    ("Abo bitte auf 'nicht verlängern' setzen.", "", {"cancellation"}),
    # the subject's date of the cancellation is no topic marker
    ("Ich brauche die App nicht mehr.", "Kündigung zum Monatsende", {"cancellation"}),
    ("Danke für alles.", "Kündigung zum 31.12.", {"cancellation"}),
    # portal: a link to see a billing thing, the split "lade … runter"
    (
        "bitte erstatten, hab doppelt gebucht. und schickt mir nen link wo ich meine "
        "zahlungsmethode sehen kann, will checken ob da noch meine alte karte drin ist",
        "",
        {"refund", "portal_link"},
    ),
    ("Wie lade ich die Rechnungen für meinen Steuerberater runter?", "", {"portal_link"}),
    # a link to pay asked in one word or as the way
    (
        "Ich würd gern die Mahnung vom 3.9. gleich mit Karte zahlen, geht das per Link?",
        "",
        {"payment_link"},
    ),
    (
        "Ihr habt mir eine Mahnung geschickt, aber keinen Zahlungsweg dazu. Link?",
        "",
        {"payment_link"},
    ),
]

NEAR_MISSES = [
    # a plan change, "um zu" an infinitive
    (
        "ich möchte vom monatlichen auf das jährliche Abo umsteigen, um zu sparen.",
        "",
        set(),
    ),
    ("Ich bin Abo-Kunde, bitte schickt mir die Rechnung.", "", set()),
    # the participle after "ihr mir" with its auxiliary: done
    ("Das Geld, das ihr mir erstattet habt, ist nicht angekommen.", "", set()),
    ("Wär fair, wenn ihr mir das erstattet hättet.", "", set()),
    # the negation is the ask's own
    ("Bitte nicht erstatten, nur prüfen.", "", set()),
    ("Bitte nicht alles erstatten.", "", set()),
    # taking back, supposing
    ("Ich nehme die Kündigung zurück.", "", set()),
    ("Ich nehme an, die Erstattung kommt bald.", "", set()),
    # the earlier mail about a refund taken back
    (
        "bitte vergessen Sie meine Mail von gestern wegen der Rückerstattung – hat sich "
        "erledigt, ich habe die Funktion doch gefunden.",
        "Re: Rückerstattung",
        set(),
    ),
    # a refund as a line of a list asked for
    (
        "Könnten Sie mir bitte noch eine Liste aller Zahlungen im 2024 schicken, inklusive der "
        "Rückerstattung?",
        "",
        set(),
    ),
    # topics sent to an address in a signature
    (
        "Bitte senden Sie uns eine Kopie der Rechnung.\n\nReklamationen, Rückerstattungen und "
        "Gutschriften bitte ausschließlich an: reklamation@example.de",
        "",
        set(),
    ),
    # the portal as the place something shows
    (
        "In Ihrem Kundenportal wird die Rechnung weiterhin als unbezahlt angezeigt. Ist die "
        "Zahlung eingegangen?",
        "",
        set(),
    ),
    # a refund our side confirmed, under a subject naming it
    (
        "Sie haben mir am 2. Juli per Mail bestätigt, dass die 79 € zurückgehen. Auf meiner "
        "Kreditkarte ist noch immer nix. Bitte um Info.",
        "Erstattung 79 €",
        set(),
    ),
    # "das" is no write asked
    (
        "Ich habe gekündigt, aber die Bestätigung fehlt. Können Sie das bitte für mich erledigen?",
        "",
        set(),
    ),
    ("Wie kann ich kündigen? Machen Sie das bitte nicht für mich.", "", set()),
    ("Wie kann ich die Rechnung herunterladen? Machen Sie das bitte für mich.", "", set()),
    # a topic, not a date
    ("Wann ist die Frist?", "Frage zum Vertragsende", set()),
    ("Ich habe gestern gekündigt. Ist das angekommen?", "Kündigung zum 31.12.", set()),
    # not invoices, nothing to pay
    ("Wie lade ich die Kursunterlagen runter?", "", set()),
    ("Wie lädt man die App runter?", "", set()),
    ("Ich habe auf „Kündigen“ geklickt, aber nichts passiert.", "", set()),
]


@pytest.mark.parametrize(("text", "subject", "kinds"), ASKS)
def test_b26_de_asks(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds


@pytest.mark.parametrize(("text", "subject", "kinds"), NEAR_MISSES)
def test_b26_de_near_misses(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds


def test_b26_de_the_second_option_under_a_numbered_offer() -> None:
    body = (
        "Die zweite Variante bitte.\n\nMit freundlichen Grüßen\nKerstin Albrecht\n\n"
        "-----Ursprüngliche Nachricht-----\n"
        "Von: Kundenservice <hilfe@example.de>\n"
        "Betreff: AW: Doppelte Abbuchung\n\n"
        "Wir können Ihnen entweder\n"
        "1) die zweite Box als Guthaben für Ihre nächste Lieferung anrechnen oder\n"
        "2) den Betrag von 34,90 € direkt auf Ihre Karte zurückerstatten.\n\n"
        "Geben Sie uns einfach Bescheid.\n"
    )
    assert read_requests(body, subject="AW: Doppelte Abbuchung").kinds == {"refund"}
    assert read_requests(body.replace("zweite", "erste", 1), subject="AW: x").kinds == set()
