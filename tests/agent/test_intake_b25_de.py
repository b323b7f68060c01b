"""German batch 25: dialect and roundabout asks the explicit-request reader learned, and the
near misses beside each that must stay unasked (or keep what they asked)."""

from __future__ import annotations

import pytest

from knowreply.agent.intake import read_requests

ASKS = [
    # Bavarian, Swabian, Austrian money back
    ("Zwoa mal abbucht. Die zweite Buchung will i zrück.", "", {"refund"}),
    ("I möcht die drei Tage anteilig zrück, des Studio war zu.", "", {"refund"}),
    ("Ich ersuche um Refundierung der Abbuchung vom 3. März.", "", {"refund"}),
    ("Wären Sie so freundlich, uns die 59 € wieder gutzuschreiben?", "", {"refund"}),
    ("Bitte schreiben Sie den Betrag auf mein Konto gut.", "", {"refund"}),
    ("Ich erwarte, dass das Geld bis Freitag auf mein Konto zurückgeht.", "", {"refund"}),
    ("Das Ticket war ungültig. Also: Geld her, alle 45 €.", "", {"refund"}),
    ("Hätte gern für den ausgefallenen Kurstag anteilig was zurück.", "", {"refund"}),
    ("Bitte die Differenz von CHF 20.– zurück auf die Karte.", "", {"refund"}),
    ("Kannst mir die 2 Monate, die ich nicht nutz, zurückgeben?", "", {"refund"}),
    (
        "Bitte erstatten Sie uns den bereits bezahlten März und kündigen Sie das Abo.",
        "",
        {"refund", "cancellation"},
    ),
    # Kölsch, Low German, Bavarian and terse cancellations
    ("Dat Abo is nix för mich. Bitte stoppt dat.", "", {"cancellation"}),
    ("Maht dat Abo bitte us, ich han kein Zick mieh.", "", {"cancellation"}),
    ("Dat Kaffeeabo mookt ji mi bitte dicht.", "", {"cancellation"}),
    ("Macht das Abo bitte dicht, ich zieh um.", "", {"cancellation"}),
    ("I mag nimmer. Abo aus, sofort.", "", {"cancellation"}),
    ("Ich brauch das Plus-Abo nicht. Bitte beenden.", "", {"cancellation"}),
    ("Abo beenden und des Geld vom Mai zruck.", "", {"cancellation", "refund"}),
    ("Bitte sorgen Sie dafür, dass nichts mehr für FitBox abgebucht wird.", "", {"cancellation"}),
    ("Bitte keine Kisten mehr schicken und auch nix mehr abbuchen.", "", {"cancellation"}),
    # portal: how-to and where questions, Swiss forms
    ("Wie kann ich die Kostenstelle ändern, die auf euren Rechnungen steht?", "", {"portal_link"}),
    (
        "Auf den Rechnungen fehlt unsere UID. Wie kann ich sie in den Rechnungsdaten ergänzen?",
        "",
        {"portal_link"},
    ),
    ("Wie chan ich d Kreditkarte wechsle?", "", {"portal_link"}),
    ("Wo chan ich d Rechnige vom letschte Johr abelade?", "", {"portal_link"}),
    ("wo kann ich meine kreditkarte updaten?", "", {"portal_link"}),
    ("Wo kann ich die Karte für die Gebühren selbst austauschen?", "", {"portal_link"}),
    (
        "Meine Bankomatkarte ist neu. Wo kann ich die beim Abo hinterlegen?",
        "",
        {"portal_link"},
    ),
    ("Ich brauche Zugriff auf die Rechnungsübersicht in unserem Konto.", "", {"portal_link"}),
    (
        "Wo sind meine alten Rechnungen? Gibt es einen Bereich, wo man alle runterladen kann?",
        "",
        {"portal_link"},
    ),
    (
        "Ich möchte künftig per Karte statt Lastschrift bezahlen. Wo kann ich das ändern?",
        "",
        {"portal_link"},
    ),
    # payment links
    ("Schick mir gern nen Bezahllink, Überweisung dauert zu lang.", "", {"payment_link"}),
    ("Chönd ihr mir en Zahligslink schicke?", "", {"payment_link"}),
    ("Können Sie mir einen Link zur Online-Zahlung senden?", "", {"payment_link"}),
    (
        "Ich möchte die offene Rechnung mit meiner Firmenkarte zahlen (die private geht nicht).",
        "",
        {"payment_link"},
    ),
    # a card that expired beside a link to pay: the link is to pay
    (
        "Meine Karte ist abgelaufen. Können Sie mir einen Link schicken, über den ich die "
        "offene Rechnung bezahlen kann?",
        "",
        {"payment_link"},
    ),
]

NEAR_MISSES = [
    # money back not asked
    ("Wann der Betrag zurückgeht, weiß ich nicht.", "", set()),
    ("Die 59 € sind schon wieder gutgeschrieben, danke.", "", set()),
    ("Wo kommt das Geld her, das ihr abgebucht habt?", "", set()),
    ("Will i mei Geld zruck kriegen, muss i was ausfüllen?", "", set()),
    ("Hätte gern gewusst, wann die Erstattung kommt.", "", set()),
    ("Rückerstattung will ich (noch) nicht, ich melde mich.", "", set()),
    ("Bitte erstatten Sie die bereits erstattete Summe nicht noch einmal.", "", set()),
    ("Bitte schreiben Sie ihm das Geld für den Monat gut.", "Abo meines Nachbarn", set()),
    ("Bitte erstatten Sie den Betrag an unseren Mandanten.", "", set()),
    ("Eine Mutter möchte ihr Geld zurück. Bitte erstatten Sie ihr den Beitrag.", "", set()),
    ("Meine Bitte um Erstattung hat sich erledigt, der Betrag stimmt.", "", set()),
    (
        "In dringenden Fällen zu Erstattungen wenden Sie sich bitte an meine Kollegin.",
        "",
        set(),
    ),
    # no cancellation
    ("Bitte nix mehr vom falschen Konto abbuchen, sondern von meinem neuen.", "", set()),
    ("Was macht das Abo aus?", "", set()),
    ("Das Abo aus dem Shop gefällt mir.", "", set()),
    ("Die Push-Nachrichten kommen doppelt. Bitte beenden.", "", set()),
    ("Abo beenden geht nicht, die Seite hängt?", "", set()),
    (
        "Bitte beachten Sie unsere Stornobedingungen: Stornierungen werden voll erstattet.",
        "",
        set(),
    ),
    ("Könnt ihr die Rechnung auf die Firma umschreiben und die alte stornieren?", "", set()),
    ("Bitte eine Anmeldung stornieren, ich habe doppelt gebucht.", "", set()),
    # no portal
    ("Wo kann ich die Kursunterlagen herunterladen?", "", set()),
    (
        "Danke für die Rechnung. Gibt es einen Bereich, wo ich die Kursunterlagen "
        "herunterladen kann?",
        "",
        set(),
    ),
    ("Ich habe keinen Zugriff auf die Rechnungen mehr.", "", set()),
    ("Unser Mitglied hat über euer Zahlungsportal doppelt bezahlt.", "", set()),
    ("Das steht auch in Ihrem Kundenportal.", "", set()),
    (
        "Ich habe eben versucht, meine neue Karte einzutragen. Der Code lautet 4 8 1 9 2 6.",
        "",
        set(),
    ),
    ("Ist die Januar-Zahlung trotzdem durchgegangen?", "Karte abgelaufen", set()),
    ("Ich würde das gern mit meiner Kreditkarte erledigen – wie geht das?", "", set()),
    (
        "Ich will den offenen Betrag jetzt per Karte bezahlen. Wie geht das am schnellsten?",
        "",
        {"payment_link"},
    ),
    # no payment link
    ("Ich will nur einmal zahlen, bitte die zweite Zahlung zurückerstatten.", "", {"refund"}),
    ("Den Rest der Rechnung zahlen wir gern, die Gebühr bitten wir zu erstatten.", "", {"refund"}),
    ("Wir leben getrennt und ich möchte ab sofort selbst zahlen.", "", set()),
]


@pytest.mark.parametrize(("text", "subject", "kinds"), ASKS)
def test_b25_de_asks(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds


@pytest.mark.parametrize(("text", "subject", "kinds"), NEAR_MISSES)
def test_b25_de_near_misses(text: str, subject: str, kinds: set[str]) -> None:
    assert read_requests(text, subject=subject).kinds == kinds
