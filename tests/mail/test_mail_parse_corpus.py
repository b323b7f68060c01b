"""Quote stripping against real replies from mailgun/talon and github/email_reply_parser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mail_test_data import shared_corpus

from knowreply.mail.parse import parse_message
from knowreply.mail.quotes import extract_reply, strip_html_quotes, strip_quotes

TALON_REPLIES = [
    "android",
    "aol",
    "apple_mail",
    "apple_mail_2",
    "comcast",
    "gmail",
    "hotmail",
    "iphone",
    "outlook",
    "sparrow",
    "thunderbird",
    "yahoo",
]
TALON_HTML = [
    "gmail",
    "hotmail",
    "mail_ru",
    "ms_outlook_2003",
    "ms_outlook_2007",
    "ms_outlook_2010",
    "thunderbird",
    "windows_mail",
    "yandex_ru",
]
LIST_FOOTER_REPLY = (
    "Hi folks\n\nWhat is the best way to clear a Riak bucket of all key, values after\n"
    "running a test?\nI am currently using the Java HTTP API.\n\n-Abhishek Kona"
)
BULLETED_REPLY = (
    "One: Here's what I've got.\n\n"
    "- This would be the first bullet point that wraps to the second line\nto the next\n"
    "- This is the second bullet point and it doesn't wrap\n"
    "- This is the third bullet point and I'm having trouble coming up with enough\nto say\n"
    "- This is the fourth bullet point\n\nTwo:\n- Here is another bullet point\n"
    "- And another one\n\n"
    "This is a paragraph that talks about a bunch of stuff. It goes on and on\nfor a while."
)
EMAIL_REPLY_PARSER = {
    "correct_sig": "this is an email with a correct -- signature.",
    "email_1_1": LIST_FOOTER_REPLY,
    "email_1_3": "Oh thanks.\n\nHaving the function would be great.\n\n-Abhishek Kona",
    "email_1_4": "Awesome! I haven't had another problem with it.",
    "email_1_5": BULLETED_REPLY,
    "email_1_6": "I get proper rendering as well.\n\nSent from a magnificent torch of pixels",
    "email_1_7": ":+1:",
    "email_1_8": "I will reply under this one\n\nand under this.",
    "email_2_1": "Outlook with a reply",
    "email_2_2": "Outlook with a reply directly above line",
    "email_2_3": "Outlook with a reply directly above line",
    "email_BlackBerry": "Here is another email",
    "email_iPhone": "Here is another email",
    "email_multi_word_sent_from_my_mobile_device": "Here is another email",
    "email_one_is_not_on": (
        "Thank, this is really helpful.\n\nOne outstanding question I had:\n\n"
        "Locally (on development), when I run..."
    ),
    "email_sent_from_my_not_signature": (
        "Here is another email\n\nSent from my desk, is much easier then my mobile phone."
    ),
    "email_sig_delimiter_in_middle_of_line": (
        "Hi there!\n\nStuff happened.\n\nAnd here is a fix -- this is not a signature.\n\nkthxbai"
    ),
    "pathological": (
        "I think you're onto something. I will try to fix the problem as soon as I\n"
        "get back to a computer."
    ),
}
"""The visible reply of each email_reply_parser sample (its own tests' notion of it)."""


CHECKED_SEPARATELY = {"email_1_2", "email_bullets", "greedy_on", "email_long_quote"}


def test_every_corpus_sample_is_checked() -> None:
    corpus = shared_corpus()

    assert {p.stem for p in (corpus / "talon" / "standard_replies").glob("*.eml")} == set(
        TALON_REPLIES
    )
    assert {p.stem for p in (corpus / "talon" / "html_replies").glob("*.html")} == set(TALON_HTML)
    assert {p.stem for p in (corpus / "email_reply_parser").glob("*.txt")} == (
        set(EMAIL_REPLY_PARSER) | CHECKED_SEPARATELY
    )


def _same_text(a: str, b: str) -> bool:
    return [line.rstrip() for line in a.strip().splitlines()] == [
        line.rstrip() for line in b.strip().splitlines()
    ]


def _talon_expected(folder: Path, name: str) -> str:
    reply_text = folder / f"{name}_reply_text"
    return reply_text.read_text(encoding="utf-8") if reply_text.exists() else "Hello"


@pytest.mark.parametrize("name", TALON_REPLIES)
def test_talon_reply_is_the_part_above_the_quote(name: str) -> None:
    folder = shared_corpus() / "talon" / "standard_replies"
    message = parse_message((folder / f"{name}.eml").read_bytes())

    assert _same_text(strip_quotes(message.text), _talon_expected(folder, name))
    assert message.new_text == "Hello"  # signature ("Sent from my iPhone", "-- ") gone too


@pytest.mark.parametrize("name", TALON_HTML)
def test_talon_html_reply_keeps_only_the_new_text(name: str) -> None:
    html = (shared_corpus() / "talon" / "html_replies" / f"{name}.html").read_text("utf-8")

    words = re.sub(r"\s+", "", strip_html_quotes(html))

    assert words == "Hi.Iamfine.Thanks,Alex"


@pytest.mark.parametrize("name", sorted(EMAIL_REPLY_PARSER))
def test_email_reply_parser_visible_reply(name: str) -> None:
    path = shared_corpus() / "email_reply_parser" / f"{name}.txt"

    reply = extract_reply(path.read_text(encoding="utf-8"))

    assert _same_text(reply, EMAIL_REPLY_PARSER[name])


def test_bottom_posted_reply_keeps_the_text_below_the_quote() -> None:
    path = shared_corpus() / "email_reply_parser" / "email_1_2.txt"

    reply = extract_reply(path.read_text(encoding="utf-8"))

    assert reply.startswith("Hi,\n\nYou can list the keys for the bucket")
    assert reply.endswith('you’ll need to delete them all individually."')
    assert "Abhishek Kona" not in reply and "riak-users mailing list" not in reply


def test_bullets_are_kept_and_the_signature_after_the_quote_dropped() -> None:
    path = shared_corpus() / "email_reply_parser" / "email_bullets.txt"

    reply = extract_reply(path.read_text(encoding="utf-8"))

    assert reply.endswith("   - how about bullets\n   - and another")
    assert "Joe Smith" not in reply


def test_a_colon_line_without_wrote_is_not_a_quote_header() -> None:
    text = (shared_corpus() / "email_reply_parser" / "greedy_on.txt").read_text("utf-8")

    reply = extract_reply(text)

    assert reply.startswith("On your remote host you can run:\n\n     telnet 127.0.0.1 52698")
    assert reply.endswith("fails, the tunnel is not working.")


def test_a_megabyte_of_angle_brackets_is_handled_quickly() -> None:
    text = (shared_corpus() / "email_reply_parser" / "email_long_quote.txt").read_text("utf-8")

    reply = extract_reply(text)

    assert reply.startswith("Hi folks")
    assert "riak-users mailing list" not in reply
