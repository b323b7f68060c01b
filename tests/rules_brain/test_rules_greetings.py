"""A greeting line is dropped before the rules read an email; a one-line request that starts
with a greeting is not a greeting."""

from __future__ import annotations

import pytest

from knowreply.agent.brains.rules._normalize import clean


@pytest.mark.parametrize(
    "text",
    [
        "Hi could i get the november invoice pls",
        "hi can u stop my plan pls",
        "Hi. invoice for last charge pls. ty",
        "hello i need to talk to someone about money",
    ],
)
def test_a_request_that_starts_with_a_greeting_is_read(text: str) -> None:
    assert clean(text).text.replace("\n", " ") == text


@pytest.mark.parametrize(
    "greeting",
    ["Hi Kwame,", "Dear Sir or Madam,", "Hello Acme Billing Support Team,", "hi there!", "Hey,"],
)
def test_a_greeting_and_a_name_are_dropped(greeting: str) -> None:
    assert clean(f"{greeting}\nPlease send the latest invoice.").text == (
        "Please send the latest invoice."
    )
