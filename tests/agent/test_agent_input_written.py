"""An email given as text (Simulator, CLI, corpus) is read as one that arrives by mail."""

from __future__ import annotations

from knowreply.agent.trace import AgentInput

REPLY = (
    "Any update on this?\n\n"
    "On Tue, 3 Nov 2026 at 14:02, Rita <rita@example.com> wrote:\n"
    "> Hello, I'd like a refund for invoice 883.\n"
)


def test_a_pasted_reply_is_split_into_new_words_and_the_thread() -> None:
    email = AgentInput.written(workspace_id=1, sender="rita@example.com", text=REPLY)

    assert email.text == "Any update on this?"
    assert email.thread == REPLY


def test_a_pasted_forward_keeps_what_it_forwards() -> None:
    text = (
        "Can you send me what she asks for?\n\n"
        "From: Jenny <jenny@books.example>\nSent: Monday\nTo: Marcus\nSubject: invoice\n\n"
        "Marcus, I still need the latest invoice."
    )

    email = AgentInput.written(
        workspace_id=1, sender="marcus@example.com", subject="Fwd: invoice", text=text
    )

    assert email.text == text
    assert email.thread == ""


def test_text_with_nothing_quoted_is_all_new() -> None:
    email = AgentInput.written(workspace_id=1, sender="a@example.com", text="Cancel my plan.\n")

    assert (email.text, email.thread) == ("Cancel my plan.", "")
