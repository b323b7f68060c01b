"""Whatever bytes arrive, they are stored and screened: never a crash, never a lost message."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from knowreply.db.models import Message
from knowreply.db.session import transaction
from knowreply.mail.inbound import InboundEnvelope
from knowreply.mail.store import store_inbound
from knowreply.pipeline.steps import admit_step
from knowreply.runtime import Runtime
from knowreply.workspaces import create_workspace

FIXTURES = [path.read_bytes() for path in sorted(Path(__file__).parents[1].glob("data/mail/*.eml"))]
HEADERS = [
    "From",
    "Message-ID",
    "Subject",
    "In-Reply-To",
    "References",
    "Content-Type",
    "Auto-Submitted",
    "Authentication-Results",
    "To",
]


def mutate(raw: bytes, data: st.DataObject) -> bytes:
    """Cut, splice bytes in, or put a strange header on top, a few times."""
    for _ in range(data.draw(st.integers(1, 3))):
        kind = data.draw(st.sampled_from(["header", "splice", "cut"]))
        if kind == "header":
            name = data.draw(st.sampled_from(HEADERS))
            value = data.draw(st.text(max_size=60)).encode("utf-8", "surrogateescape")
            raw = name.encode() + b": " + value + b"\r\n" + raw
        elif kind == "splice":
            at = data.draw(st.integers(0, len(raw)))
            raw = raw[:at] + data.draw(st.binary(max_size=40)) + raw[at:]
        else:
            raw = raw[: data.draw(st.integers(0, len(raw)))]
    return raw


FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


_workspaces = itertools.count(1)


def store_and_screen(runtime: Runtime, raw: bytes) -> None:
    with transaction(runtime.sessions) as session:
        # A workspace per example: the same Message-ID twice is (rightly) stored once.
        workspace = create_workspace(session, f"fuzz-{next(_workspaces)}")
        message, _ = store_inbound(
            session, workspace.id, InboundEnvelope(raw=raw, received_via="smtp")
        )
    screened = admit_step(runtime, message.id)  # screen, thread and verify
    with runtime.sessions() as session:
        stored = session.get_one(Message, message.id)
        assert stored.raw == raw and stored.size == len(raw)
        if screened.answer:
            assert stored.conversation_id is not None and stored.verification is not None
        else:
            assert stored.status == "skipped" and stored.status_reason


@FUZZ
@given(raw=st.binary(max_size=2000))
@example(raw=b"From: a\x00@b.test\r\nMessage-ID: <a\x00b@c>\r\nSubject: x\x00y\r\n\r\nhi\x00")
def test_arbitrary_bytes_are_stored_and_screened(runtime: Runtime, raw: bytes) -> None:
    store_and_screen(runtime, raw)


@FUZZ
@given(data=st.data())
def test_mutated_real_mail_is_stored_and_screened(runtime: Runtime, data: st.DataObject) -> None:
    raw = mutate(data.draw(st.sampled_from(FIXTURES)), data)
    store_and_screen(runtime, raw)
