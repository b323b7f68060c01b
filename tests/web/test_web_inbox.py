"""Dashboard > Inbox and /api/v1/conversations: the threads, their outcomes, Retry, and a
reply by hand sent once through the outbox to a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from knowreply.audit import events
from knowreply.db.models import Message
from knowreply.pipeline.steps import prepare_send_step, send_step
from knowreply.runtime import Runtime
from knowreply.workspaces import resolve_workspace
from tests.mailservers import run_smtp_sink
from tests.pipeline.conftest import CUSTOMER, customer_email
from tests.web.conftest import (
    Cast,
    configure_support,
    conversation_of,
    mark_failed,
    receive,
    sign_in,
)


@pytest.fixture
def web(client: TestClient) -> Iterator[TestClient]:
    """The client; the DBOS client the app opens for Retry is closed afterwards."""
    yield client
    queue = getattr(client.app.state, "message_queue", None)  # type: ignore[attr-defined]
    if queue is not None:
        queue.close()


def test_conversations_are_listed_with_their_outcome_and_filtered(
    web: TestClient, cast: Cast, runtime: Runtime
) -> None:
    configure_support(runtime)
    question = receive(runtime, customer_email("Where is my refund for order 1042?"))
    out_of_office = receive(
        runtime,
        customer_email(
            "I am away until Monday.",
            subject="Out of office",
            sender="dan@customer.test",
            headers={"Auto-Submitted": "auto-replied"},
        ),
    )
    broken = receive(
        runtime, customer_email("Cancel my plan", subject="Cancel", sender="eve@x.test")
    )
    mark_failed(runtime, broken)
    token = sign_in(web, cast.alice)

    page = web.get("/inbox").text
    assert "Needs a person" in page and CUSTOMER in page and "Refund for order 1042" in page
    assert "Skipped: automatic reply or out-of-office" in page
    assert f'href="/inbox/messages/{out_of_office}"' in page  # screened out before threading
    assert "Failed: the agent could not finish" in page

    def listed(**params: str) -> list[int]:
        body = web.get("/api/v1/conversations", params=params, headers={"X-CSRF-Token": token})
        assert body.status_code == 200, body.text
        return [row["message_id"] for row in body.json()["rows"]]

    assert listed() == [broken, out_of_office, question]  # newest activity first
    assert listed(status="attention") == [broken, question]
    assert listed(status="skipped") == [out_of_office]
    assert listed(status="failed") == [broken]
    assert listed(status="replied") == []
    assert listed(q="REFUND") == [question]
    assert listed(q="dan@") == [out_of_office]
    assert listed(q="100%") == []
    assert (
        web.get("/api/v1/conversations?status=weird", headers={"X-CSRF-Token": token}).status_code
        == 422
    )
    filtered = web.get("/inbox", params={"status": "skipped"}).text
    assert "Out of office" in filtered and "Refund for order 1042" not in filtered


def test_the_list_pages_by_fifty(web: TestClient, cast: Cast, runtime: Runtime) -> None:
    configure_support(runtime)
    for n in range(51):
        receive(runtime, customer_email(f"Question {n}", subject=f"Question {n}"))
    token = sign_in(web, cast.alice)
    first = web.get("/api/v1/conversations", headers={"X-CSRF-Token": token}).json()
    second = web.get("/api/v1/conversations?page=2", headers={"X-CSRF-Token": token}).json()
    assert (len(first["rows"]), first["has_next"]) == (50, True)
    assert (len(second["rows"]), second["has_next"]) == (1, False)
    assert second["rows"][0]["subject"] == "Question 0"
    assert 'data-testid="next-page"' in web.get("/inbox").text


def test_retry_requeues_only_a_failed_message(
    web: TestClient, cast: Cast, runtime: Runtime
) -> None:
    configure_support(runtime)
    escalated = receive(runtime, customer_email())
    broken = receive(runtime, customer_email("Second question", subject="Other"))
    mark_failed(runtime, broken)
    token = sign_in(web, cast.alice)
    headers = {"X-CSRF-Token": token}

    refused = web.post(f"/api/v1/messages/{escalated}/retry", headers=headers)
    assert refused.status_code == 409 and refused.json()["error"] == "NotRetryable"
    thread = web.get(f"/inbox/{conversation_of(runtime, broken)}").text
    assert f'hx-post="/inbox/messages/{broken}/retry"' in thread
    assert "TimeoutError: the model did not answer" in thread

    retried = web.post(f"/inbox/messages/{broken}/retry", headers=headers)
    assert retried.status_code == 200 and "Processing" in retried.text
    with runtime.sessions() as session:
        message = session.get_one(Message, broken)
        assert (message.status, message.retries) == ("received", 1)
    again = web.post(f"/api/v1/messages/{broken}/retry", headers=headers)
    assert again.status_code == 409  # a double click retries once


def test_a_thread_shows_the_customers_email_and_our_reply(
    web: TestClient, cast: Cast, runtime: Runtime
) -> None:
    async def scenario() -> None:
        async with run_smtp_sink() as sink:
            configure_support(runtime, smtp_port=sink.port)
            first = await asyncio.to_thread(
                receive,
                runtime,
                customer_email(
                    "Where is my refund?\n\nOn Monday, Shop wrote:\n> Thanks for your order",
                    message_id="<question@customer.test>",
                ),
            )
            conversation_id = conversation_of(runtime, first)
            token = sign_in(web, cast.alice)
            headers = {"X-CSRF-Token": token}
            sent = await asyncio.to_thread(
                web.post,
                f"/api/v1/conversations/{conversation_id}/reply",
                json={"text": "Your refund went out today; it takes 5-10 days."},
                headers=headers,
            )
            assert sent.status_code == 200, sent.text
            assert sent.json()["status"] == "sent"
            twice = await asyncio.to_thread(
                web.post,
                f"/inbox/{conversation_id}/reply",
                data={"text": "A second answer", "csrf_token": token},
                headers={"HX-Request": "true"},
            )
            assert "already has a reply" in twice.text
            assert len(sink.received) == 1  # once, whatever is clicked again

            delivered = sink.received[0]
            reply = email.message_from_bytes(delivered.raw, policy=email.policy.default)
            assert delivered.rcpt_to == [CUSTOMER]
            assert reply["In-Reply-To"] == "<question@customer.test>"
            assert "<question@customer.test>" in reply["References"]
            assert reply["Subject"] == "Re: Your message"  # unverified: never their subject

            thread = web.get(f"/api/v1/conversations/{conversation_id}", headers=headers).json()
            directions = [(m["direction"], m["status"]) for m in thread["messages"]]
            assert directions == [("in", "replied"), ("out", "sent")]
            assert thread["messages"][0]["text"] == "Where is my refund?"
            assert thread["messages"][0]["outcome"] == "Replied by a person"
            assert thread["messages"][0]["trace"]["outcome"] == "escalated"
            page = web.get(f"/inbox/{conversation_id}").text
            assert "Your refund went out today" in page and "Thanks for your order" not in page
            assert "What the agent did" in page

    asyncio.run(scenario())
    with runtime.sessions() as session:
        workspace_id = resolve_workspace(session, "default").id
        audited = [e for e in events(session, workspace_id) if e.action == "reply.manual"]
    assert [(e.actor, e.result) for e in audited] == [(cast.alice, "sent")]


def test_a_reply_without_an_smtp_account_says_so_in_the_form(
    web: TestClient, cast: Cast, runtime: Runtime
) -> None:
    configure_support(runtime)
    conversation_id = conversation_of(runtime, receive(runtime, customer_email()))
    token = sign_in(web, cast.alice)
    form = web.post(
        f"/inbox/{conversation_id}/reply",
        data={"text": "Hello", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert form.status_code == 200
    assert 'data-testid="reply-error"' in form.text and "no SMTP account" in form.text
    api = web.post(
        f"/api/v1/conversations/{conversation_id}/reply",
        json={"text": "Hello"},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 409 and "no SMTP account" in api.json()["detail"]
    with runtime.sessions() as session:
        assert session.scalar(select(Message).where(Message.direction == "out")) is None


def test_charlie_cannot_see_or_touch_alices_conversations(
    web: TestClient, cast: Cast, runtime: Runtime
) -> None:
    configure_support(runtime)
    message_id = receive(runtime, customer_email())
    mark_failed(runtime, message_id)
    conversation_id = conversation_of(runtime, message_id)
    token = sign_in(web, cast.charlie)
    headers = {"X-CSRF-Token": token}
    assert web.get("/api/v1/conversations", headers=headers).json()["rows"] == []
    assert "Refund for order 1042" not in web.get("/inbox").text
    assert web.get(f"/inbox/{conversation_id}").status_code == 404
    assert web.get(f"/inbox/messages/{message_id}").status_code == 404
    assert web.get(f"/api/v1/conversations/{conversation_id}", headers=headers).status_code == 404
    assert web.post(f"/api/v1/messages/{message_id}/retry", headers=headers).status_code == 404
    reply = web.post(
        f"/api/v1/conversations/{conversation_id}/reply", json={"text": "hi"}, headers=headers
    )
    assert reply.status_code == 404
    with runtime.sessions() as session:
        assert session.get_one(Message, message_id).status == "failed"


def test_a_reply_waiting_for_its_server_says_when_it_is_tried_again(
    web: TestClient, cast: Cast, runtime: Runtime
) -> None:
    with socket.socket() as probe:  # a port nothing listens on: the SMTP server is down
        probe.bind(("127.0.0.1", 0))
        down = probe.getsockname()[1]
    configure_support(runtime, smtp_port=down)
    question = receive(runtime, customer_email("Where is my refund?"))
    item_id = prepare_send_step(runtime, question, "Your refund went out today.", True)
    assert item_id is not None
    assert send_step(runtime, item_id).status == "queued"
    sign_in(web, cast.alice)

    assert "Waiting to send" in web.get("/inbox").text
    page = web.get(f"/inbox/{conversation_of(runtime, question)}").text
    assert "Waiting to send (attempt 2 of 6, next at" in page
    assert "could not talk to 127.0.0.1" in page


def test_the_conversation_lists_the_acknowledgement_and_the_reply_after_it(
    web: TestClient, cast: Cast, runtime: Runtime
) -> None:
    configure_support(runtime, smtp_port=1)  # never reached: nothing is sent here
    question = receive(runtime, customer_email("Please refund my last payment."))
    note = "Thank you, we have received your request."
    acknowledgement = prepare_send_step(runtime, question, note, True, None, "acknowledgement")
    again = prepare_send_step(runtime, question, note, True, None, "acknowledgement")
    reply = prepare_send_step(runtime, question, "I've refunded $49.00.", True)
    assert acknowledgement is not None and again == acknowledgement  # one per email
    assert reply is not None and reply != acknowledgement  # never blocked by it
    sign_in(web, cast.alice)

    page = web.get(f"/inbox/{conversation_of(runtime, question)}").text
    assert page.index("Our acknowledgement") < page.index("Our reply")
    assert page.index(note) < page.index("I&#39;ve refunded $49.00.")
    # Still queued when the reply was written: it would arrive after the answer.
    assert "Not sent: the reply went first" in page
    assert send_step(runtime, acknowledgement).status == "superseded"
