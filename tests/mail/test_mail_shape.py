"""Lines cut by mail clients are joined before anyone reads them: `format=flowed` parts by
RFC 3676, hard-wrapped text by its shape; a writer's own line breaks stay."""

from __future__ import annotations

import pytest

from knowreply.mail.parse import parse_message
from knowreply.mail.shape import as_meant, unflowed, unwrapped

GOVERNORS = (
    "Dear Sir or Madam,\n\n"
    "With regret, I must inform you that the Governors have decided not to\n"
    "continue with Lectern after the current subscription period. I would be\n"
    "obliged if you could ensure that the subscription does not auto-renew in\n"
    "September.\n\n"
    "Yours sincerely,\n\nR. J. Whitaker\nBursar & Clerk to the Governors"
)


def test_a_paragraph_wrapped_at_72_columns_is_one_line_again() -> None:
    text = unwrapped(GOVERNORS)
    assert (
        "I would be obliged if you could ensure that the subscription does not auto-renew in "
        "September." in text
    )
    assert text.startswith("Dear Sir or Madam,\n\nWith regret")
    assert text.endswith("Yours sincerely,\n\nR. J. Whitaker\nBursar & Clerk to the Governors")


@pytest.mark.parametrize(
    "text",
    [
        "Hi Anna,\nInvoice 2024-113 please\nThanks",
        "I need the following documents for my accountant:\n- the March invoice\n- the April one",
        "Please cancel the subscription at the end of this billing period.\nThanks,\nSam",
        "Could you please send me the invoice for the last payment we made\nBest regards\nSam",
        "> On Tue you wrote that the refund would arrive within five to ten days\nIt did not.",
        "1. Please refund the duplicate charge from the third of March\n2. Cancel the plan",
    ],
)
def test_a_writers_own_line_breaks_stay(text: str) -> None:
    assert unwrapped(text) == text


def test_doubled_and_non_breaking_spaces_are_one_space() -> None:
    assert unwrapped("Please  end my\u00a0 subscription.") == "Please end my subscription."


def test_japanese_joins_lines_cut_at_a_fixed_width_or_after_a_comma_without_a_space() -> None:
    paragraph = (
        "来月以降の引き落としは不要でございますので、お手続きのほどお願い申し上げます。"
        "ご確認のほどよろしくお願いいたします。担当の中川までご連絡ください。"
    )
    cut = "\n".join(paragraph[start : start + 30] for start in range(0, len(paragraph), 30))
    assert unwrapped(f"つきましては、\n{cut}") == f"つきましては、{paragraph}"


def test_japanese_lines_a_casual_writer_ends_without_a_full_stop_stay_apart() -> None:
    text = "先月から解約したのにお金取られた 返金して\n980円\nアカウント: saki_gym22"
    assert unwrapped(text) == text


def test_flowed_lines_are_joined_by_quote_depth_and_the_signature_line_stays() -> None:
    text = "Please cancel my \nplan today.\n> You wrote that \n> it renews.\n-- \nSam"
    assert unflowed(text) == ("Please cancel my plan today.\n> You wrote that it renews.\n-- \nSam")


def test_flowed_with_delsp_drops_the_space_that_marked_the_break_and_unstuffs() -> None:
    assert unflowed("super \ncalifragilistic\n  From here", delsp=True) == (
        "supercalifragilistic\n From here"
    )


def test_a_flowed_message_is_parsed_into_whole_lines() -> None:
    raw = (
        b"From: Sam <sam@example.com>\r\nTo: billing@example.com\r\nSubject: Plan\r\n"
        b"Message-ID: <flowed-1@example.com>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="utf-8"; format=flowed; delsp=no\r\n\r\n'
        b"Hello,\r\n\r\nI would be obliged if you could make sure that the \r\n"
        b"subscription does not renew in September.\r\n\r\nSam\r\n"
    )
    message = parse_message(raw)
    assert "make sure that the subscription does not renew in September." in message.new_text


def test_a_line_that_opens_with_thanks_is_a_sign_off_only_when_short() -> None:
    assert unwrapped("Please cancel the plan at the end of the current month\nMerci") == (
        "Please cancel the plan at the end of the current month\nMerci"
    )
    assert unwrapped(
        "Merci de me faire parvenir la facture d'août et de m'indiquer le lien\nvers votre portail."
    ) == (
        "Merci de me faire parvenir la facture d'août et de m'indiquer le lien vers votre portail."
    )


def test_a_word_cut_at_its_hyphen_is_joined_without_a_space() -> None:
    assert unwrapped(
        "Nous avons retiré un siège le 2 mais avons été facturés pour 6. Pouvez-\n"
        "vous rembourser le siège ?"
    ) == (
        "Nous avons retiré un siège le 2 mais avons été facturés pour 6. Pouvez-vous rembourser "
        "le siège ?"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PLEASE REFUND HALF OF THE CHARGE", "please refund half of the charge"),
        ("RE: SEPA", "RE: SEPA"),
        ("Please refund INV-2024-0042 to my VISA", "Please refund INV-2024-0042 to my VISA"),
        ("お世話になっております。ABCプランの件", "お世話になっております。ABCプランの件"),
    ],
)
def test_only_shouting_is_read_in_small_letters(text: str, expected: str) -> None:
    assert as_meant(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I do not\nwant to cancel.", "I do not want to cancel."),
        ("This is not\na refund request.", "This is not a refund request."),
        ("ich verlange keine\nRückerstattung.", "ich verlange keine Rückerstattung."),
        ("Je ne\nveux pas résilier.", "Je ne veux pas résilier."),
        (
            "Please don't bill us if\nwe close in December.",
            "Please don't bill us if we close in December.",
        ),
        (
            "もし二重になっているなら\n返金してください。",
            "もし二重になっているなら返金してください。",
        ),
        ("解約\nしたいわけではありません。", "解約したいわけではありません。"),
        ("方法を教えて\nください。", "方法を教えてください。"),
        ("refund or=20\ncancellation", "refund or cancellation"),
    ],
)
def test_a_line_that_ends_in_a_word_needing_the_next_goes_on(text: str, expected: str) -> None:
    assert unwrapped(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hi Anna,\nplease cancel my plan.",
        "Thanks\nmonica",
        "返金して\n980円",
        "へんきんおねがいしますー\nきのう入会したけどまちがえました",
    ],
)
def test_a_greeting_a_name_or_a_casual_sentence_stays_its_own_line(text: str) -> None:
    assert unwrapped(text) == text
